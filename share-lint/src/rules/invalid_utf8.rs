//! SM005 `invalid-utf8`: a file that is not valid UTF-8.

use crate::diagnostic::Diagnostic;
use crate::json::Span;

crate::declare_rule! {
    /// ## What it does
    /// Checks that the file is valid UTF-8. Each invalid byte sequence is reported where it
    /// is; the rest of the file is checked with U+FFFD (�) in its place, as a browser would
    /// read it.
    ///
    /// ## Why is this bad?
    /// JSON exchanged between systems must be UTF-8 (RFC 8259, section 8.1). A file saved in
    /// GBK or GB18030 — still the default of some Chinese Windows editors — or with a
    /// truncated multibyte character is read with each bad byte replaced by U+FFFD, so the
    /// card shows `�` where Chinese text was, or a key that looks right does not match. Nothing
    /// fails loudly: the text is just wrong.
    ///
    /// ## Example
    /// A payload saved as GBK, shown as the bytes a UTF-8 reader sees:
    ///
    /// ```jsonc
    /// { "type": "text", "channelType": ["wx"], "channelObject": { "text": "\xC4\xE3\xBA\xC3" } }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// { "type": "text", "channelType": ["wx"], "channelObject": { "text": "你好" } }
    /// ```
    ///
    /// Save the file as UTF-8 (without a byte-order mark).
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. The original encoding cannot be known for sure.
    pub struct InvalidUtf8 {
        rule: INVALID_UTF8,
        fix: None,
        suppressible: false,
    }
}

impl InvalidUtf8 {
    /// The finding for bytes that are not UTF-8 from `at` on; `lossy` is the text with U+FFFD
    /// (three bytes) where the bad bytes were, which the finding points at.
    pub(crate) fn diagnostic(bytes: &[u8], at: usize, lossy: &str) -> Diagnostic {
        let span = Span::new(at, (at + 3).min(lossy.len()));
        Self::at(span, bytes[at])
    }

    /// The finding for the bad byte `byte` at the start of `span` (the U+FFFD standing for it).
    pub(crate) fn at(span: Span, byte: u8) -> Diagnostic {
        let at = span.start;
        Diagnostic::new(
            Self::RULE.rule,
            span,
            format!(
                "the file is not valid UTF-8: byte {at} (0x{byte:02X}) starts no UTF-8 character",
            ),
        )
        .with_help("save the file as UTF-8 (JSON files must be UTF-8)")
    }
}
