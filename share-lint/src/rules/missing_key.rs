//! SM102 `missing-key`: a required key that is absent.

crate::declare_rule! {
    /// ## What it does
    /// Checks that every required key is present: `type` in every payload; `channelType` and
    /// `channelObject` in an external share; `content` in an in-app share; `text` in a text
    /// object; `webpageUrl` in a web page or mini program card; `userName` in a mini program
    /// card; `url` and `title` in an in-app web page card.
    ///
    /// ## Why is this bad?
    /// The vendor pages mark `type`, `channelType` and `channelObject` (external share) and
    /// `type` and `content` (in-app share) as required, and the in-app web page card's `url` and
    /// `title`. The WeChat OpenSDK rejects the rest before anything is shown: a web page object
    /// without `webpageUrl` and a mini program object without `userName` (the mini program's
    /// original ID) or `webpageUrl` (the fallback page for old WeChat clients and iPad) fail its
    /// argument check, and the text object needs its `text` (WeChat share docs; the Android SDK
    /// checks a length of 1 to 10,240).
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "miniProgram",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山文档",
    ///     "userName": "gh_d43f693ca31f",
    ///     "path": "pages/index/index"
    ///     // no "webpageUrl": the card cannot fall back to a page
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
    ///     "path": "pages/index/index",
    ///     "webpageUrl": "https://www.kdocs.cn/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct MissingKey {
        rule: MISSING_KEY,
        fix: None,
    }
}
