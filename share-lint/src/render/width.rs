//! How source text is shown on a terminal: each character's display width (CJK and fullwidth
//! characters and emoji take two columns) and what stands in for characters a terminal must not
//! receive raw (tabs, control characters, bidirectional overrides).
//!
//! Widths come from [`unicode_width`] (Unicode's East Asian Width and emoji presentation data):
//! payload files hold Chinese, Japanese and Korean text and emoji such as 🚀 and ✅, and the
//! carets under them must line up. Widths are per character, so a sequence that terminals draw
//! as one picture (`❤` + U+FE0F, or emoji joined by U+200D) is measured as its characters are,
//! and terminals disagree on those anyway.

use std::borrow::Cow;
use unicode_width::UnicodeWidthChar;

/// Columns a tab is shown as (always spaces, so the caret line can match it).
const TAB_WIDTH: usize = 4;

/// The display width of `c` as a terminal shows it: 0 for combining and zero-width characters
/// (and the byte-order mark), 2 for East Asian wide and fullwidth characters and emoji, 1
/// otherwise (ambiguous-width characters such as `…` and `×` included).
///
/// This is the width of the character itself; [`push_shown`] says what is shown for characters
/// that are replaced (tabs, control characters), with their own widths.
pub(super) fn char_width(c: char) -> usize {
    // `None` is a control character, which never reaches a terminal raw: `push_shown` shows a
    // one-column stand-in for it.
    c.width().unwrap_or(1)
}

/// Appends what a terminal is shown for `c` to `out` and returns its display width.
///
/// A tab becomes spaces; a control character (a raw ESC in a file must not restyle the
/// terminal) becomes its Control Pictures symbol (`␛`) or U+FFFD; a bidirectional override or
/// isolate, which could make the line read differently from what it is, becomes `<U+202E>`.
pub(super) fn push_shown(out: &mut String, c: char) -> usize {
    match c {
        '\t' => {
            out.extend(std::iter::repeat_n(' ', TAB_WIDTH));
            TAB_WIDTH
        }
        '\0'..='\x1f' => {
            out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'));
            1
        }
        '\x7f' => {
            out.push('\u{2421}');
            1
        }
        '\u{80}'..='\u{9f}' => {
            out.push('\u{FFFD}');
            1
        }
        _ if is_bidi_control(c) => {
            let shown = format!("<U+{:04X}>", u32::from(c));
            out.push_str(&shown);
            shown.len()
        }
        _ => {
            out.push(c);
            char_width(c)
        }
    }
}

/// The display width of `c` as [`push_shown`] shows it.
pub(super) fn shown_width(c: char) -> usize {
    match c {
        '\t' => TAB_WIDTH,
        '\0'..='\x1f' | '\x7f' | '\u{80}'..='\u{9f}' => 1,
        // `<U+XXXX>`
        _ if is_bidi_control(c) => 8,
        _ => char_width(c),
    }
}

/// Whether [`push_shown`] shows something else for `c`: a control character or a bidirectional
/// override or isolate (tabs included, which are control characters).
pub(super) fn needs_stand_in(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The display width of `text` shown with [`push_shown`].
#[cfg(test)]
pub(super) fn str_width(text: &str) -> usize {
    text.chars().map(shown_width).sum()
}

/// `text` safe to write to a terminal on one line: control characters, and line breaks too
/// unless `keep_newlines`, shown as in [`push_shown`]. Messages quote values from the file, and
/// a value can hold an escape sequence.
pub(super) fn sanitize(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs_care = |c: char| needs_stand_in(c) && !(keep_newlines && c == '\n');
    // Printable ASCII, as most messages are, is told in a pass over the bytes.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) || !text.chars().any(needs_care) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            // A tab in a message is just a gap; the caret line is not involved.
            '\t' => out.push(' '),
            _ if needs_care(c) => {
                push_shown(&mut out, c);
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_one_column_and_cjk_two() {
        assert_eq!(str_width("thumbImage"), 10);
        assert_eq!(str_width("金山文档"), 8);
        assert_eq!(str_width("ひらがな カタカナ"), 17);
        assert_eq!(str_width("한국어"), 6);
        assert_eq!(str_width("，。「」"), 8, "fullwidth and CJK punctuation");
        assert_eq!(str_width("ＡＢＣ"), 6, "fullwidth Latin");
        assert_eq!(str_width("ｱｲｳ"), 3, "halfwidth Katakana stays narrow");
        assert_eq!(str_width("\u{3000}"), 2, "ideographic space");
        assert_eq!(str_width("😀"), 2);
        assert_eq!(str_width("𠀀"), 2, "Extension B");
        assert_eq!(str_width("é"), 1);
        assert_eq!(
            str_width("e\u{301}"),
            1,
            "a combining accent takes no column"
        );
        assert_eq!(str_width("a\u{200b}b"), 2, "zero-width space");
        assert_eq!(str_width("€ × …"), 5);
    }

    #[test]
    fn emoji_are_two_columns_and_marks_none() {
        assert_eq!(
            str_width("🚀"),
            2,
            "U+1F680, among the transport and map symbols"
        );
        assert_eq!(
            str_width("✅"),
            2,
            "U+2705, a wide emoji among the narrow dingbats"
        );
        assert_eq!(str_width("⭐❌"), 4);
        assert_eq!(str_width("🚀 上线 ✅"), 10);
        assert_eq!(str_width("\u{feff}"), 0, "byte-order mark");
        assert_eq!(str_width("a\u{fe0f}"), 1, "variation selector");
        assert_eq!(str_width("a\u{200d}b"), 2, "zero-width joiner");
        assert_eq!(
            str_width("か\u{3099}"),
            2,
            "a combining kana voicing mark takes no column"
        );
    }

    #[test]
    fn replaced_characters_have_the_width_of_their_stand_in() {
        for c in [
            '\t', '\x1b', '\r', '\0', '\x7f', '\u{85}', '\u{202E}', '\u{2067}', 'a', '金',
        ] {
            let mut shown = String::new();
            let width = push_shown(&mut shown, c);
            assert_eq!(width, shown_width(c), "{c:?}");
            let reshown: usize = shown.chars().map(char_width).sum();
            assert_eq!(width, reshown, "{c:?} shown as {shown:?}");
            assert!(
                !shown.chars().any(char::is_control),
                "{c:?} shown as {shown:?}"
            );
        }
        let mut shown = String::new();
        push_shown(&mut shown, '\x1b');
        assert_eq!(shown, "␛");
        shown.clear();
        push_shown(&mut shown, '\u{202E}');
        assert_eq!(shown, "<U+202E>");
    }

    #[test]
    fn sanitize_keeps_clean_text_borrowed_and_defuses_escapes() {
        assert!(matches!(sanitize("金山 `wx`", false), Cow::Borrowed(_)));
        assert_eq!(sanitize("a\x1b[31mb", false), "a␛[31mb");
        assert_eq!(sanitize("one\ntwo\tthree", false), "one␊two three");
        assert_eq!(sanitize("one\ntwo", true), "one\ntwo");
        assert_eq!(sanitize("x\u{202E}y", true), "x<U+202E>y");
    }
}
