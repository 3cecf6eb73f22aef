//! SM003 `byte-order-mark`: a file that starts with a UTF-8 byte-order mark.

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
    /// This rule has no automatic fix.
    pub struct ByteOrderMark {
        code: crate::rules::codes::BYTE_ORDER_MARK,
        name: "byte-order-mark",
        severity: Warning,
        summary: "a file that starts with a UTF-8 byte-order mark",
        fix: None,
    }
}
