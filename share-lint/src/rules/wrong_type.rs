//! SM101 `wrong-type`: a value of the wrong JSON type, such as a string where the SDK expects an
//! array.

crate::declare_rule! {
    /// ## What it does
    /// Checks that every value has the JSON type its key requires: `type` a string,
    /// `channelType` an array of strings, `channelObject` and `content` objects, `title`,
    /// `webpageUrl`, `thumbImage` and the other card fields strings, `withShareTicket` and
    /// `showAIAgentEntrance` booleans. `null` is not accepted for an optional key either: omit
    /// the key instead.
    ///
    /// ## Why is this bad?
    /// The vendor page "shareMessage（第三方 app）" gives every parameter a type: `type` is
    /// `String`, `channelType` is `String[]`, `channelObject` one of the `Text`, `WebPage` and
    /// `MiniProgram` objects. The client reads each key with that type, and a value of another
    /// type is not converted: `"channelType": "wx"` is not a list of channels, `"withShareTicket":
    /// "true"` is not a boolean. The share fails, or goes out without the value, with no hint in
    /// the page about which key was wrong.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": "wx", // a string, not an array
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   },
    ///   "showAIAgentEntrance": "false" // a string, not a boolean
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
    ///   },
    ///   "showAIAgentEntrance": false
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// The fix is safe: when `channelType` is a single channel string (`"wx"` or
    /// `"wx_moments"`), it is wrapped in an array (`["wx"]`), which shares to the same place the
    /// string names. Other wrong types have no automatic fix: the intended value cannot be known.
    pub struct WrongType {
        code: share_schema::codes::WRONG_TYPE,
        name: "wrong-type",
        severity: Error,
        summary: "a value of the wrong JSON type",
        fix: Safe,
    }
}
