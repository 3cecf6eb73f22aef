//! SM106 `missing-share-content`: a payload with neither `channelObject` (external share) nor
//! `content` (in-app share).

crate::declare_rule! {
    /// ## What it does
    /// Checks that a payload carries what it shares: `channelType` and `channelObject` for the
    /// external share to WeChat, or `content` for the in-app share into WPS协作 chats. A payload
    /// with neither is reported once, naming both variants; its other keys are not checked,
    /// since it is not known which variant they belong to.
    ///
    /// ## Why is this bad?
    /// Both vendor pages make the content object required: `channelObject` on
    /// "shareMessage（第三方 app）", `content` on "shareMessage(App)". Without it there is
    /// nothing to share, and a payload that puts the card's fields (`title`, `url`, `text`) at
    /// the top level beside `type` shares nothing at all.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "title": "金山软件欢迎你加入",
    ///   "url": "https://www.kingsoft.com/"
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "content": {
    ///     "title": "金山软件欢迎你加入",
    ///     "url": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct MissingShareContent {
        rule: MISSING_SHARE_CONTENT,
        fix: None,
    }
}
