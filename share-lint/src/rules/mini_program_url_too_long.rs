//! SM407 `mini-program-url-too-long`: a mini program's `webpageUrl` over the 1,024 bytes of the
//! newer iOS SDK.

crate::declare_rule! {
    /// ## What it does
    /// Checks that the `webpageUrl` of a mini program card is at most 1,024 bytes. Over 10,240
    /// bytes, `url-too-long` reports an error as well, as it does for every card.
    ///
    /// ## Why is this bad?
    /// WeChat's share docs allow 10 KB for `webpageUrl`, but the newer iOS OpenSDK header
    /// documents 1,024 bytes for a mini program card's `webpageUrl`, the page that old WeChat
    /// clients and iPad open instead of the mini program. A longer one may be rejected on iOS
    /// while the same payload works on Android.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "miniProgram",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山文档",
    ///     "userName": "gh_d43f693ca31f",
    ///     // 1,300 bytes of tracking parameters
    ///     "webpageUrl": "https://www.kdocs.cn/l/ccXwZq3vNdLd?utm_source=wps&ctx=eyJ1aWQiOi…",
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAPoAAADI…" // bare base64, shortened here
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "miniProgram",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山文档",
    ///     "userName": "gh_d43f693ca31f",
    ///     "webpageUrl": "https://www.kdocs.cn/l/ccXwZq3vNdLd?utm_source=wps",
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAPoAAADI…"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct MiniProgramUrlTooLong {
        rule: MINI_PROGRAM_URL_TOO_LONG,
        fix: None,
    }
}
