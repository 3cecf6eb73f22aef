//! SM405 `empty-url`: an empty `webpageUrl` (external share) or `url` (in-app web page card).

crate::declare_rule! {
    /// ## What it does
    /// Checks that the page a card opens is not the empty string: `webpageUrl` in a web page or
    /// mini program card, `url` in an in-app web page card.
    ///
    /// ## Why is this bad?
    /// A web page card is a link: WeChat's share docs require a non-empty `webpageUrl` (the
    /// Android OpenSDK's argument check rejects an empty one), and for a mini program card it
    /// is the page old WeChat clients and iPad open instead of the mini program. The in-app
    /// page "shareMessage(App)" makes `url` required. An empty URL usually comes from a
    /// template variable that was not filled in.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": ""
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
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct EmptyUrl {
        rule: EMPTY_URL,
        fix: None,
    }
}
