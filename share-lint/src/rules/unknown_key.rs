//! SM103 `unknown-key`: a key the payload format does not know — a typo, or a key of the other
//! share variant.

crate::declare_rule! {
    /// ## What it does
    /// Checks that every key is one the payload format defines, in the params object, the call
    /// argument `{"params": ...}` and every content object. An unknown key that is close to a
    /// known one (`webPageUrl`, `descripton`) or that belongs to the other variant (`url` and
    /// `image` in a `channelObject`, `webpageUrl` and `thumbImage` in a `content`) gets a "did
    /// you mean" suggestion. A top-level `"$schema"` is allowed for editors.
    ///
    /// ## Why is this bad?
    /// The client reads the keys the vendor pages document and ignores the others, so a
    /// misspelt key is silently dropped: the card goes out without its description or
    /// thumbnail, or the share fails because the required key it was meant to be is missing.
    /// The seed page "shareMessage（第三方 app）" makes this easy to get wrong: its sample code
    /// was copied from the in-app share page and uses `content` with `url` and `image`, while
    /// its own tables use `channelObject` with `webpageUrl` and `thumbImage`.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "descripton": "一起来创造", // misspelt: the card would show no description
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
    ///     "title": "金山软件欢迎你加入",
    ///     "description": "一起来创造",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct UnknownKey {
        rule: UNKNOWN_KEY,
        fix: None,
    }
}
