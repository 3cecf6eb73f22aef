//! SM404 `text-too-long`: an external share's `text` over WeChat's 10 KB.

crate::declare_rule! {
    /// ## What it does
    /// Checks that the `text` of an external text share is at most 10,240 bytes of UTF-8
    /// (3,413 Chinese characters). With `string-length = "utf16"` in `[policy]`, it counts
    /// UTF-16 units instead, as the Android SDK does.
    ///
    /// ## Why is this bad?
    /// WeChat's share docs (Android and iOS) limit a text message to 10 KB, and the Android
    /// OpenSDK's argument check accepts a length of 1 to 10,240 only: a longer text fails
    /// before WeChat opens.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "channelType": ["wx"],
    ///   // a whole document pasted in: 12,000 bytes
    ///   "channelObject": { "text": "第一章 总则……" }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// Share a link to the document rather than its text:
    ///
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "员工手册（2024版）",
    ///     "description": "第一章 总则",
    ///     "webpageUrl": "https://www.kdocs.cn/l/ccXwZq3vNdLd"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct TextTooLong {
        rule: TEXT_TOO_LONG,
        fix: None,
    }
}
