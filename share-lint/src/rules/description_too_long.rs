//! SM402 `description-too-long`: a card `description` over WeChat's 1 KB.

crate::declare_rule! {
    /// ## What it does
    /// Checks that the `description` of a web page or mini program card is at most 1,024 bytes
    /// of UTF-8 (341 Chinese characters). With `string-length = "utf16"` in `[policy]`, it
    /// counts UTF-16 units instead, as the Android SDK does.
    ///
    /// ## Why is this bad?
    /// WeChat's share docs (Android and iOS) limit a message description to 1 KB, and the
    /// Android OpenSDK's argument check rejects anything over 1,024: the share fails before
    /// WeChat opens. A card shows two or three lines of its description anyway.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "季度经营分析报告",
    ///     // the whole summary pasted in: 400 Chinese characters, 1,200 bytes
    ///     "description": "本报告从收入、成本、用户增长三个方面……",
    ///     "webpageUrl": "https://www.kdocs.cn/l/ccXwZq3vNdLd"
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "季度经营分析报告",
    ///     "description": "收入、成本与用户增长的季度回顾",
    ///     "webpageUrl": "https://www.kdocs.cn/l/ccXwZq3vNdLd"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. Cutting a description is an editorial decision.
    pub struct DescriptionTooLong {
        rule: DESCRIPTION_TOO_LONG,
        fix: None,
    }
}
