//! SM701 `empty-user-name`: an empty mini program `userName`.

crate::declare_rule! {
    /// ## What it does
    /// Checks that the `userName` of a mini program card is not the empty string.
    ///
    /// ## Why is this bad?
    /// `userName` is the mini program's original ID (原始ID, `gh_` and 12 hex digits, shown in
    /// the mini program's admin console): it is what WeChat opens when the card is tapped. The
    /// WeChat OpenSDK refuses a mini program object without it, so the share fails. An empty
    /// value usually comes from a configuration entry that was never filled in.
    ///
    /// WeChat opens a mini program card only when the sharing app (WPS协作's WeChat AppID) and
    /// the mini program are bound to the same WeChat Open Platform account: a third party's
    /// `userName` fails or falls back to `webpageUrl`, whatever the payload says. With
    /// `[policy] mini-program-user-names`, `user-name-not-allowed` (SM805) holds cards to the
    /// team's own mini programs. Cards need WeChat 6.5.6 or later (older clients open
    /// `webpageUrl`), and `withShareTicket` 6.5.13; only a mini program's release version can be
    /// shared (the payload has no `miniprogramType`).
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "miniProgram",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山文档",
    ///     "webpageUrl": "https://www.kdocs.cn/",
    ///     "userName": "",
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
    ///     "webpageUrl": "https://www.kdocs.cn/",
    ///     "userName": "gh_d43f693ca31f",
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAPoAAADI…"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct EmptyUserName {
        rule: EMPTY_USER_NAME,
        fix: None,
    }
}
