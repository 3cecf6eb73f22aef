//! SM401 `title-too-long`: a card `title` over WeChat's 512 bytes.

crate::declare_rule! {
    /// ## What it does
    /// Checks that the `title` of a web page or mini program card is at most 512 bytes of
    /// UTF-8 — 170 Chinese characters, since each takes 3 bytes. With `string-length = "utf16"`
    /// in `[policy]`, it counts UTF-16 units instead, as the Android SDK does.
    ///
    /// ## Why is this bad?
    /// WeChat's share docs (Android and iOS) limit a message title to 512 bytes, and the
    /// Android OpenSDK's argument check rejects a longer one: the share fails before WeChat
    /// opens. The limit is easy to reach with a generated title, and a Chinese title reaches it
    /// at a third of the characters a Latin one does.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     // 180 Chinese characters: 540 bytes
    ///     "title": "2024年度金山办公用户大会暨……（全文）",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// Keep the card's title short and put the rest in `description`:
    ///
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "2024年度金山办公用户大会",
    ///     "description": "大会议程、嘉宾与报名方式",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. Cutting a title is an editorial decision.
    pub struct TitleTooLong {
        rule: TITLE_TOO_LONG,
        fix: None,
    }
}
