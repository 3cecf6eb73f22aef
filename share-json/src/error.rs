//! Syntax errors, and how a message names what the parser found where it expected something else.

use std::fmt;

use super::Span;

/// A place where the text is not valid JSON (or JSONC) under the chosen
/// [`ParseOptions`](super::ParseOptions).
///
/// Messages are written for people: they name what was expected and what was found instead,
/// for example ``expected `,` or `}` after an object member, found `"` ``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The offending text; empty at the end of input.
    pub span: Span,
    /// What is wrong, in one line, without a trailing period.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at bytes {}..{}",
            self.message, self.span.start, self.span.end
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Names one character for a message: `` `x` `` when it is visible, its code point when it is
/// not (a control character, a space that is not ASCII, a byte-order mark, a zero-width space).
pub(super) fn describe_char(c: char) -> String {
    match c {
        '`' => "a backtick".to_owned(),
        c if c.is_control() => format!("control character U+{:04X}", u32::from(c)),
        '\u{FEFF}' => "byte-order mark U+FEFF".to_owned(),
        c if c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}') => {
            format!("U+{:04X}", u32::from(c))
        }
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::describe_char;

    #[test]
    fn visible_characters_are_quoted_and_invisible_ones_get_code_points() {
        assert_eq!(describe_char('"'), "`\"`");
        assert_eq!(describe_char('\u{e9}'), "`\u{e9}`");
        assert_eq!(describe_char('\0'), "control character U+0000");
        assert_eq!(describe_char('\u{7f}'), "control character U+007F");
        assert_eq!(describe_char('\u{a0}'), "U+00A0");
        assert_eq!(describe_char('\u{200b}'), "U+200B");
        assert_eq!(describe_char('\u{feff}'), "byte-order mark U+FEFF");
    }
}
