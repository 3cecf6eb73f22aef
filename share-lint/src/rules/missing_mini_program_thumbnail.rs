//! SM604 `missing-mini-program-thumbnail`: a mini program card without `thumbImage`, which the
//! Android SDK requires.

crate::declare_rule! {
    /// ## What it does
    /// Checks that the `channelObject` of a `miniProgram` share has a `thumbImage`.
    ///
    /// ## Why is this bad?
    /// The Android WeChat OpenSDK refuses a mini program card whose thumbnail is missing (its
    /// argument check says the thumbnail "should not be null"), so the share fails on Android
    /// while it may work on iOS. WeChat's docs recommend a 5:4 image of at most 128 KB. It is a
    /// warning because the vendor page does not mark `thumbImage` required.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "miniProgram",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山文档",
    ///     "webpageUrl": "https://www.kdocs.cn/",
    ///     "userName": "gh_d43f693ca31f",
    ///     "path": "pages/index/index"
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
    ///     "webpageUrl": "https://www.kdocs.cn/",
    ///     "userName": "gh_d43f693ca31f",
    ///     "path": "pages/index/index",
    ///     // base64 of a 250×200 PNG, shortened here
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAPoAAADI…"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct MissingMiniProgramThumbnail {
        rule: MISSING_MINI_PROGRAM_THUMBNAIL,
        fix: None,
    }
}
