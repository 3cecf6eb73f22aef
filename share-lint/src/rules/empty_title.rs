//! SM409 `empty-title`: an empty `title` on an in-app web page card.

crate::declare_rule! {
    /// ## What it does
    /// Checks that the `title` of an in-app web page card (`type: "webPage"` with `content`)
    /// is not the empty string.
    ///
    /// ## Why is this bad?
    /// The in-app page "shareMessage(App)" makes the card's `title` required: it is the
    /// headline of the collaboration card in the WPS协作 chat. An empty title gives a card with
    /// no headline, usually because a template variable was not filled in.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "content": {
    ///     "title": "",
    ///     "url": "https://www.kingsoft.com/"
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
    /// This rule has no automatic fix.
    pub struct EmptyTitle {
        rule: EMPTY_TITLE,
        fix: None,
    }
}
