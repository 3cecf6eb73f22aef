//! SM104 `unknown-variant`: a `type` or a channel outside the documented set.

crate::declare_rule! {
    /// ## What it does
    /// Checks that `type` is one the share variant documents — `text`, `webPage` or
    /// `miniProgram` for the external share, `text`, `markdown` or `webPage` for the in-app
    /// share — and that every `channelType` entry is `wx` or `wx_moments`. Values are
    /// case-sensitive; a near miss gets a "did you mean" suggestion.
    ///
    /// ## Why is this bad?
    /// The vendor page "shareMessage（第三方 app）" lists the possible values: `type` is
    /// `text`, `webPage` or `miniProgram`, `channelType` holds `wx` (WeChat chats) and
    /// `wx_moments` (WeChat Moments); the in-app page lists `text`, `markdown` and `webPage`.
    /// The client knows no other: `"webpage"`, `"link"` or a channel such as `"wechat"` or
    /// `"qq"` cannot be shared, and the call fails.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "channelType": ["wx", "wx_timeline"], // the Moments channel is `wx_moments`
    ///   "channelObject": { "text": "你好" }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "channelType": ["wx", "wx_moments"],
    ///   "channelObject": { "text": "你好" }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct UnknownVariant {
        rule: UNKNOWN_VARIANT,
        fix: None,
    }
}
