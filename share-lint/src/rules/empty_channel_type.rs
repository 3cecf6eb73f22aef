//! SM302 `empty-channel-type`: `channelType: []`, an external share with nowhere to go.

crate::declare_rule! {
    /// ## What it does
    /// Checks that an external share's `channelType` lists at least one channel.
    ///
    /// ## Why is this bad?
    /// `channelType` is required and says where the share goes: `wx` (a WeChat chat) and/or
    /// `wx_moments` (WeChat Moments), per the vendor page "shareMessage（第三方 app）". An empty
    /// list shares to nowhere: the call cannot do anything useful.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "channelType": [],
    ///   "channelObject": { "text": "你好" }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "channelType": ["wx"],
    ///   "channelObject": { "text": "你好" }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. Where to share is the author's choice.
    pub struct EmptyChannelType {
        rule: EMPTY_CHANNEL_TYPE,
        fix: None,
    }
}
