//! SM406 `url-too-long`: a `webpageUrl` over WeChat's 10 KB.

crate::declare_rule! {
    /// ## What it does
    /// Checks that the `webpageUrl` of a web page or mini program card is at most 10,240 bytes.
    /// A mini program's `webpageUrl` gets a warning from 1,025 bytes on as well
    /// (`mini-program-url-too-long`).
    ///
    /// ## Why is this bad?
    /// WeChat's share docs (Android and iOS) limit `webpageUrl` to 10 KB, and the Android
    /// OpenSDK's argument check rejects a longer one: the share fails before WeChat opens. URLs
    /// this long carry state that belongs on the server: a serialized form, a signed token, a
    /// tracking payload.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "报名表（已填写）",
    ///     // the whole form in the query string: 11,000 bytes
    ///     "webpageUrl": "https://www.kdocs.cn/form/share?state=eyJmaWVsZHMiOlt7…"
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// Store the state on the server and share a short link to it:
    ///
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "报名表（已填写）",
    ///     "webpageUrl": "https://www.kdocs.cn/form/share?id=8f3a2c"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct UrlTooLong {
        rule: URL_TOO_LONG,
        fix: None,
    }
}
