//! SM408 `missing-title`: a web page or mini program card without a `title`.

crate::declare_rule! {
    /// ## What it does
    /// Checks that the `channelObject` of a `webPage` or `miniProgram` share has a `title`.
    ///
    /// ## Why is this bad?
    /// The vendor page "shareMessage（第三方 app）" shows `title` in both card objects, and the
    /// title is the headline of the WeChat card. WeChat accepts a card without one, but an
    /// untitled card says little about what is shared and looks broken in the chat. It is a
    /// warning, not an error: the share itself works.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "description": "大会议程、嘉宾与报名方式",
    ///     "webpageUrl": "https://www.kingsoft.com/"
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
    ///     "title": "2024年度金山办公用户大会",
    ///     "description": "大会议程、嘉宾与报名方式",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct MissingTitle {
        rule: MISSING_TITLE,
        fix: None,
    }
}
