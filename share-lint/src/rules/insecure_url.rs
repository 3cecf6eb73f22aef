//! SM502 `insecure-url`: a plain `http:` URL where `https:` belongs.

crate::declare_rule! {
    /// ## What it does
    /// Checks that every URL field — `webpageUrl` in both card types, and the in-app card's
    /// `url` and `image` — uses `https:` rather than `http:`.
    ///
    /// ## Why is this bad?
    /// The payload is shared beyond the page that wrote it, and opened in WeChat's and
    /// WPS协作's in-app browsers, which warn on or block plain http pages; a page fetched over
    /// http can also be altered on the way. The SDK accepts it, so this is a warning.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "content": {
    ///     "title": "金山软件欢迎你加入",
    ///     "url": "http://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "content": {
    ///     "title": "金山软件欢迎你加入",
    ///     "url": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. Not every host serves the same page over https.
    pub struct InsecureUrl {
        rule: INSECURE_URL,
        fix: None,
    }
}
