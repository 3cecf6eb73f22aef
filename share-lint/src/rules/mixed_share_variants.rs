//! SM105 `mixed-share-variants`: keys of the external share (`channelType`, `channelObject`) and
//! of the in-app share (`content`) in one payload.

crate::declare_rule! {
    /// ## What it does
    /// Checks that a payload is one share variant: the external share to WeChat (`type`,
    /// `channelType`, `channelObject`) or the in-app share into WPS协作 chats (`type`,
    /// `content`), not both. The payload is read as an external share, since `channelType` or
    /// `channelObject` says where it goes, and `content` is reported.
    ///
    /// ## Why is this bad?
    /// `shareMessage` has two documented variants with different parameters. The seed page
    /// "shareMessage（第三方 app）" documents the external share with `channelType` and
    /// `channelObject`, but its sample code was copied from the sibling page "shareMessage(App)"
    /// and passes `content: {title, url, text, image}`, which only the in-app share reads.
    /// Adding `channelType` to that sample gives a payload whose card the external share never
    /// sees: the WeChat card is built from `channelObject` alone.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "content": {
    ///     "title": "金山软件欢迎你加入",
    ///     "url": "https://www.kingsoft.com/",
    ///     "text": "描述内容xxx"
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// To share to WeChat, put the card in `channelObject` with the external share's names:
    ///
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "description": "描述内容xxx",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// To share into a WPS协作 chat, remove `channelType` and `channelObject` instead.
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. Which of the two shares was meant cannot be known.
    pub struct MixedShareVariants {
        rule: MIXED_VARIANTS,
        fix: None,
    }
}
