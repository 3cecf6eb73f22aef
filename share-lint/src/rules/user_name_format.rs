//! SM702 `user-name-format`: a mini program `userName` that is not `gh_` and 12 hex digits.

crate::declare_rule! {
    /// ## What it does
    /// Checks that a mini program card's `userName` has the form of an original ID: `gh_`
    /// followed by 12 hexadecimal digits, such as `gh_d43f693ca31f`.
    ///
    /// ## Why is this bad?
    /// `userName` is the mini program's original ID (原始ID), not its AppID (`wx` and 16 hex
    /// digits) or its display name; every official WeChat example has the `gh_` form. The
    /// vendor page's own example uses the placeholder `"小程序原始ID"` ("the mini program's
    /// original ID"), which gets copied verbatim; WeChat cannot open a mini program by a
    /// placeholder, an AppID or a name. It is a warning because WeChat does not publish the
    /// format as a rule.
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
    ///     "title": "小程序标题",
    ///     "webpageUrl": "https://www.kdocs.cn/",
    ///     "userName": "小程序原始ID", // the vendor page's placeholder
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
    /// This rule has no automatic fix. The original ID is in the mini program's admin console.
    pub struct UserNameFormat {
        rule: USER_NAME_FORMAT,
        fix: None,
    }
}
