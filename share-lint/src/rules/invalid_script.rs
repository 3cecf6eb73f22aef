//! SM008 `invalid-script`: a JavaScript or TypeScript file, or a `<script>` block of a `.vue`,
//! `.svelte` or `.html` file, that holds `shareMessage` but does not parse.

use crate::diagnostic::Diagnostic;
use crate::js::ScriptError;

crate::declare_rule! {
    /// ## What it does
    /// Reports a script that mentions `shareMessage` but is not valid JavaScript or TypeScript
    /// (the dialect its extension, or its `<script lang>`, names), with the parser's message at
    /// the place it stopped. Scripts are parsed only when their text holds `shareMessage`.
    ///
    /// ## Why is this bad?
    /// share-lint cannot see the `shareMessage` calls of a script it cannot parse, so their
    /// payloads would pass unchecked. One finding per script block says so; the calls of a block
    /// that parses are still checked. A comment cannot suppress it.
    ///
    /// ## Example
    /// ```js
    /// ksoxz_sdk.shareMessage({
    ///   params: { type: "text", content: { text: "hi" } ,
    /// });
    /// ```
    ///
    /// ## Use instead
    /// ```js
    /// ksoxz_sdk.shareMessage({
    ///   params: { type: "text", content: { text: "hi" } },
    /// });
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct InvalidScript {
        rule: INVALID_SCRIPT,
        fix: None,
        suppressible: false,
    }
}

impl InvalidScript {
    /// The finding of a syntax error.
    pub(crate) fn diagnostic(error: &ScriptError) -> Diagnostic {
        Diagnostic::new(Self::RULE.rule, error.span, error.message.clone())
    }
}
