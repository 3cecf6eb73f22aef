//! SM501 `invalid-url`: a URL that is not an absolute http(s) URL, or that carries
//! `user:password@`.

crate::declare_rule! {
    /// ## What it does
    /// Checks `webpageUrl` (web page and mini program cards) and the in-app card's `url` and
    /// `image`: each must be an absolute URL with the `http` or `https` scheme and a host,
    /// without spaces or control characters, and without credentials (`user:password@`) before
    /// the host.
    ///
    /// ## Why is this bad?
    /// The card opens the URL in WeChat's or WPS协作's browser, which needs an absolute
    /// http(s) address: a relative path (`/l/ccXwZq3vNdLd`), a missing scheme
    /// (`www.kingsoft.com`), another scheme (`ftp:`, `weixin:`) or a stray space gives a card
    /// that opens nothing. Credentials in the URL are read by everyone the message reaches. The
    /// in-app card's `image` is an image *URL* ("shareMessage(App)"), not base64.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": "www.kingsoft.com/join"
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
    ///     "webpageUrl": "https://www.kingsoft.com/join"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. Guessing a scheme or host could send readers elsewhere.
    pub struct InvalidUrl {
        rule: INVALID_URL,
        fix: None,
    }
}
