//! SM003 `byte-order-mark`: a file that starts with a UTF-8 byte-order mark.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::json::{Parsed, Span};

crate::declare_rule! {
    /// ## What it does
    /// Checks that the file does not start with the UTF-8 byte-order mark (the bytes `EF BB
    /// BF`, U+FEFF). The rest of the file is checked as if the mark were not there.
    ///
    /// ## Why is this bad?
    /// RFC 8259 forbids a byte-order mark in JSON text, and `JSON.parse` throws on one: U+FEFF
    /// is not JSON whitespace. Whether the payload loads then depends on how it is read —
    /// `fetch(...).json()` drops the mark, `JSON.parse(fs.readFileSync(path, "utf8"))` fails —
    /// and the mark is invisible in editors. Windows editors (Notepad, older Visual Studio) add
    /// it when saving as "UTF-8 with BOM".
    ///
    /// ## Example
    /// ```jsonc
    /// \u{FEFF}{ "type": "text", "channelType": ["wx"], "channelObject": { "text": "你好" } }
    /// ```
    ///
    /// (`\u{FEFF}` stands for the invisible mark at the start of the file.)
    ///
    /// ## Use instead
    /// ```jsonc
    /// { "type": "text", "channelType": ["wx"], "channelObject": { "text": "你好" } }
    /// ```
    ///
    /// Save the file as "UTF-8" rather than "UTF-8 with BOM".
    ///
    /// ## Fix safety
    /// The fix is safe: it removes the three bytes of the mark, which no JSON reader keeps as
    /// part of the value.
    pub struct ByteOrderMark {
        rule: BYTE_ORDER_MARK,
        fix: Safe,
    }
}

impl ByteOrderMark {
    /// The finding, with its safe fix, when the file starts with a byte-order mark.
    pub(crate) fn check(parsed: &Parsed) -> Option<Diagnostic> {
        if !parsed.bom {
            return None;
        }
        let mark = Span::new(0, 3);
        let d = Diagnostic::new(
            Self::RULE.rule,
            mark,
            "the file starts with a UTF-8 byte-order mark, which `JSON.parse` rejects",
        )
        .with_fix(Fix {
            message: "Remove the byte-order mark".into(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: mark,
                replacement: String::new(),
            }],
        });
        Some(d)
    }
}
