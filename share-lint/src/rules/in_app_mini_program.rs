//! SM107 `in-app-mini-program`: an in-app share (`content`) of `type: "miniProgram"`, which only
//! the external share has.

crate::declare_rule! {
    /// ## What it does
    /// Checks that an in-app share (a payload with `content`) does not use `type:
    /// "miniProgram"`. Mini programs are shared to WeChat with the external share.
    ///
    /// ## Why is this bad?
    /// The in-app share ("shareMessage(App)") has the types `text`, `markdown` and `webPage`
    /// only; `miniProgram` is a type of the external share ("shareMessage（第三方 app）"), which
    /// hands the card to WeChat with `channelType` and `channelObject`. An in-app payload of
    /// this type is not shared anywhere.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "miniProgram",
    ///   "content": {
    ///     "title": "金山文档",
    ///     "url": "https://www.kdocs.cn/"
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
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAPoAAADI…" // bare base64, shortened here
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct InAppMiniProgram {
        rule: IN_APP_MINI_PROGRAM,
        fix: None,
    }
}
