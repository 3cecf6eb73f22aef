//! SM403 `empty-text`: an empty `text` in a text share (external) or a text or markdown share
//! (in-app).

crate::declare_rule! {
    /// ## What it does
    /// Checks that `text` is not the empty string: in the `channelObject` of an external text
    /// share, and in the `content` of an in-app text or markdown share.
    ///
    /// ## Why is this bad?
    /// A text share's text is the message itself. WeChat's share docs require it to be
    /// non-empty and the Android OpenSDK's argument check rejects a text of length 0, so the
    /// external share fails; the in-app page "shareMessage(App)" makes `text` required, and an
    /// empty message is not something anyone means to send. An empty text usually comes from a
    /// template variable that was not filled in.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "channelType": ["wx"],
    ///   "channelObject": { "text": "" }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "channelType": ["wx"],
    ///   "channelObject": { "text": "会议纪要已更新，请查收" }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct EmptyText {
        rule: EMPTY_TEXT,
        fix: None,
    }
}
