//! SM004 `unused-suppression`: a `// share-lint-ignore CODE: reason` comment that suppressed
//! nothing.

crate::declare_rule! {
    /// ## What it does
    /// Checks that every suppression comment, `// share-lint-ignore CODE: reason` (in a file
    /// that allows comments), suppressed at least one finding of the code it names.
    ///
    /// ## Why is this bad?
    /// A suppression records that a finding was seen and accepted, with the reason. Once the
    /// payload changes — the URL moved to https, the thumbnail was shrunk — the comment
    /// suppresses nothing but still claims an exception, and it would silently hide the next
    /// finding of that code at the same place. A misspelt code (`SM52` for `SM502`) never
    /// suppresses anything, so this rule also catches suppressions that never worked.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "测试环境入口",
    ///     // share-lint-ignore SM502: the staging host has no certificate yet
    ///     "webpageUrl": "https://staging.kingsoft.com/"
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
    ///     "title": "测试环境入口",
    ///     "webpageUrl": "https://staging.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct UnusedSuppression {
        code: crate::rules::codes::UNUSED_SUPPRESSION,
        name: "unused-suppression",
        severity: Warning,
        summary: "a `// share-lint-ignore` comment that suppressed nothing",
        fix: None,
    }
}
