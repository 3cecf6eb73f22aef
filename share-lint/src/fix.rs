//! Fixes: applying a report's edits to its text, and the edit shapes several rules share.
//! Each rule builds its own fix in its rule file; what a fix may change is documented in that
//! rule's "Fix safety".
//!
//! A fix changes only the bytes it means to change. Two shapes are shared here:
//!
//! - `remove_elements` removes array elements **with the comments that belong to them and
//!   nothing else**. A comment belongs to an element when it is
//!   - *trailing*: after the element on the same line — before or after its comma
//!     (`"wx", // chats`, `"wx" /* chats */,`), or at the end of the array's last line;
//!   - *leading*: on the element's own line before it (`/* chats */ "wx"`, also after the
//!     previous element's comma when both are on one line: `"a", /* b */ "b"`), or on the
//!     line(s) directly above it holding nothing but comments, with no blank line between.
//!
//!   Every other comment stays where it is: one on the `[` line or above the `]`, one
//!   separated from the next element by a blank line (a heading for what follows), one on
//!   a line with a comma of its own. A removal takes the element, its comments and one comma —
//!   its own (the one after it), or for the last element without a trailing comma the one before
//!   the removed elements, so that no comma is left trailing in strict JSON — and the
//!   whitespace that layout needs: a line left empty goes, a blank line does not double up.
//! - `raw_prefix_len` lets a fix that shortens a string edit the string as written: escapes it
//!   does not touch (`\u00e9`, `\/`, a lone `\ud800`) stay exactly as they were.

use crate::diagnostic::{Applicability, Edit, FileReport};
use crate::json::{Node, NodeKind, Span};

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixMode {
    /// Safe fixes only.
    Safe,
    /// Safe and unsafe fixes.
    Unsafe,
}

/// Applies the report's fixes (of the allowed kinds) to its text; `None` when nothing applies.
/// Overlapping edits are left for the next pass: callers lint again until nothing changes.
pub fn apply_fixes(report: &FileReport, mode: FixMode) -> Option<String> {
    let mut edits: Vec<&Edit> = report
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe || mode == FixMode::Unsafe)
        .flat_map(|f| f.edits.iter())
        .collect();
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let text = &report.source.text;
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        if e.span.start < at {
            continue; // overlaps an edit already taken
        }
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    (out != *text).then_some(out)
}

/// Edits removing the elements of `array` at `indices`, each with the comments that belong to it
/// and one comma (see the module doc); `None` when nothing is removed, or when the bytes between
/// the elements are not what a parsed array holds (a guard: the fix is then not offered).
///
/// It reads the commas and comments from the text between the elements: only whitespace,
/// comments and commas can be there, so this needs no other input than the array's node.
pub(crate) fn remove_elements(text: &str, array: &Node, indices: &[usize]) -> Option<Vec<Edit>> {
    let NodeKind::Array(items) = &array.kind else {
        return None;
    };
    let n = items.len();
    let mut removed = vec![false; n];
    for &i in indices {
        *removed.get_mut(i)? = true;
    }
    if !removed.contains(&true) {
        return None;
    }
    // The array's inside, between its brackets.
    let (lo, hi) = (array.span.start + 1, array.span.end.checked_sub(1)?);
    let mut tokens = Vec::new();
    let mut at = lo;
    let mut trailing_comma = false;
    for k in 0..=n {
        let end = items.get(k).map_or(hi, |e| e.span.start);
        let lines = gap_lines(text, at, end)?;
        let commas = lines
            .iter()
            .flatten()
            .filter(|t| t.0 == Trivia::Comma)
            .count();
        let expected = match k {
            0 => 0..=0,
            k if k == n => 0..=1,
            _ => 1..=1,
        };
        if !expected.contains(&commas) {
            return None;
        }
        trailing_comma = k == n && commas == 1;
        own_gap(&lines, k.checked_sub(1), (k < n).then_some(k), &mut tokens);
        if let Some(e) = items.get(k) {
            tokens.push(Token {
                span: e.span,
                kind: None,
                owner: Some(k),
            });
            at = e.span.end;
        }
    }
    let mut gone: Vec<bool> = tokens
        .iter()
        .map(|t| t.owner.is_some_and(|i| removed[i]))
        .collect();
    // The last element has no comma of its own: it takes the one after the last kept element, so
    // that none is left trailing.
    if removed[n - 1] && !trailing_comma {
        let run = (0..n).rev().take_while(|&i| removed[i]).last().unwrap_or(0);
        if let Some(before) = run.checked_sub(1) {
            let comma = tokens
                .iter()
                .position(|t| t.kind == Some(Trivia::Comma) && t.owner == Some(before))?;
            gone[comma] = true;
        }
    }
    let mut edits = Vec::new();
    let mut t = 0;
    while t < tokens.len() {
        if !gone[t] {
            t += 1;
            continue;
        }
        let mut u = t;
        while u < tokens.len() && gone[u] {
            u += 1;
        }
        edits.push(Edit {
            span: widen(text, tokens[t].span.start, tokens[u - 1].span.end, lo, hi),
            replacement: String::new(),
        });
        t = u;
    }
    Some(edits)
}

/// A comma or a comment between the elements of an array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trivia {
    Comma,
    Comment,
}

/// An element (`kind: None`), comma or comment inside an array, with the element it belongs to:
/// a comma to the element before it, a comment as the module doc says (`None`: to no element).
struct Token {
    span: Span,
    kind: Option<Trivia>,
    owner: Option<usize>,
}

/// The commas and comments of `text[start..end]`, the bytes between two values of an array, in
/// lines (one more than there are line breaks outside comments); `None` if anything else is there.
fn gap_lines(text: &str, start: usize, end: usize) -> Option<Vec<Vec<(Trivia, Span)>>> {
    let bytes = text.as_bytes();
    let mut lines = vec![Vec::new()];
    let mut i = start;
    while i < end {
        let (kind, stop) = match (bytes[i], bytes.get(i + 1)) {
            (b' ' | b'\t' | b'\r', _) => {
                i += 1;
                continue;
            }
            (b'\n', _) => {
                lines.push(Vec::new());
                i += 1;
                continue;
            }
            (b',', _) => (Trivia::Comma, i + 1),
            (b'/', Some(b'/')) => {
                let stop = text.get(i..end)?.find('\n').map_or(end, |n| i + n);
                // The parser's span: the line break after a `//` comment, `\r` included, is not
                // part of it.
                let close = if bytes[stop - 1] == b'\r' {
                    stop - 1
                } else {
                    stop
                };
                lines
                    .last_mut()?
                    .push((Trivia::Comment, Span::new(i, close)));
                i = stop;
                continue;
            }
            (b'/', Some(b'*')) => (
                Trivia::Comment,
                i + 2 + text.get(i + 2..end)?.find("*/")? + 2,
            ),
            _ => return None,
        };
        lines.last_mut()?.push((kind, Span::new(i, stop)));
        i = stop;
    }
    Some(lines)
}

/// Pushes the commas and comments of one gap (from [`gap_lines`]) onto `out`, each with its owner:
/// `prev` and `next` are the elements on either side of the gap (`None` at a bracket).
fn own_gap(
    lines: &[Vec<(Trivia, Span)>],
    prev: Option<usize>,
    next: Option<usize>,
    out: &mut Vec<Token>,
) {
    let last = lines.len() - 1;
    // Comments directly above the next element: the lines just before its own, back to a blank
    // line or a line with a comma.
    let above = (1..last)
        .rev()
        .take_while(|&l| !lines[l].is_empty() && lines[l].iter().all(|t| t.0 == Trivia::Comment))
        .last()
        .unwrap_or(last);
    for (l, line) in lines.iter().enumerate() {
        let comma = line.iter().position(|t| t.0 == Trivia::Comma);
        for (j, &(kind, span)) in line.iter().enumerate() {
            let after_comma = comma.is_some_and(|c| j > c);
            let owner = match kind {
                Trivia::Comma => prev,
                // All on one line: before the comma the element before, after it the one after.
                _ if last == 0 && after_comma => next.or(prev),
                _ if last == 0 => prev.or(next),
                // On the line the gap starts: after the element before (or on the `[` line).
                _ if l == 0 => prev,
                // On the next element's line before it, after any comma there.
                _ if l == last && (comma.is_none() || after_comma) => next,
                _ if l >= above && l < last => next,
                _ => None,
            };
            out.push(Token {
                span,
                kind: Some(kind),
                owner,
            });
        }
    }
}

/// The span deleted for the removed tokens `start..end` of the array whose inside is `lo..hi`:
/// whole lines when they fill their lines (and one of two blank lines around them), otherwise
/// the tokens and the spaces that would be left doubled or dangling.
fn widen(text: &str, start: usize, end: usize, lo: usize, hi: usize) -> Span {
    let b = text.as_bytes();
    let blank = |c: u8| c == b' ' || c == b'\t';
    let mut ls = start;
    while ls > lo && blank(b[ls - 1]) {
        ls -= 1;
    }
    let mut le = end;
    while le < hi && blank(b[le]) {
        le += 1;
    }
    let line_start = ls > lo && b[ls - 1] == b'\n';
    let newline = newline_len(b, le);
    if line_start && newline > 0 {
        let mut to = le + newline;
        let line_above = text[lo..ls - 1].rfind('\n').map(|p| lo + p + 1);
        let blank_above =
            line_above.is_some_and(|p| b[p..ls - 1].iter().all(|&c| blank(c) || c == b'\r'));
        let below = b[to..hi]
            .iter()
            .take_while(|&&c| blank(c) || c == b'\r')
            .count();
        if blank_above && to + below < hi && b[to + below] == b'\n' {
            to += below + 1;
        }
        return Span::new(ls, to);
    }
    if ls == lo && le == hi {
        return Span::new(lo, hi);
    }
    if ls == lo || line_start {
        // The next token moves to where the removed ones started.
        return Span::new(start, le);
    }
    if newline > 0 || le == hi {
        return Span::new(ls, end);
    }
    if ls < start && le > end {
        return Span::new(start, le);
    }
    Span::new(start, end)
}

/// The length of the line break at `at`: 1 for `\n`, 2 for `\r\n`, 0 for none.
fn newline_len(b: &[u8], at: usize) -> usize {
    match b.get(at..) {
        Some([b'\n', ..]) => 1,
        Some([b'\r', b'\n', ..]) => 2,
        _ => 0,
    }
}

/// How many bytes of `raw`, the inside of a string literal as written, decode to `prefix`; `None`
/// when they do not. A fix that removes the start of a string deletes that many bytes and keeps
/// the rest as written, escapes included.
pub(crate) fn raw_prefix_len(raw: &str, prefix: &str) -> Option<usize> {
    let mut at = 0;
    for want in prefix.chars() {
        let (got, len) = decode_one(raw.get(at..)?)?;
        if got != want {
            return None;
        }
        at += len;
    }
    Some(at)
}

/// The first character of a string literal's inside and how many bytes it takes, as share-json
/// decodes it (a lone surrogate escape is U+FFFD).
fn decode_one(raw: &str) -> Option<(char, usize)> {
    let mut chars = raw.chars();
    let c = chars.next()?;
    if c != '\\' {
        return Some((c, c.len_utf8()));
    }
    let simple = match chars.next()? {
        '"' => '"',
        '\\' => '\\',
        '/' => '/',
        'b' => '\u{8}',
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'u' => {
            let unit = hex4(raw.get(2..6)?)?;
            let low = raw
                .get(6..8)
                .filter(|&s| s == "\\u")
                .and_then(|_| hex4(raw.get(8..12)?));
            return Some(match (unit, low) {
                (0xD800..=0xDBFF, Some(low @ 0xDC00..=0xDFFF)) => {
                    let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    (char::from_u32(code).unwrap_or('\u{FFFD}'), 12)
                }
                _ => (char::from_u32(unit).unwrap_or('\u{FFFD}'), 6),
            });
        }
        _ => return None,
    };
    Some((simple, 2))
}

/// The value of four hex digits.
fn hex4(digits: &str) -> Option<u32> {
    digits
        .bytes()
        .all(|b| b.is_ascii_hexdigit())
        .then(|| u32::from_str_radix(digits, 16).ok())?
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, ParseOptions};

    /// `src` (an array) without the elements at `indices`, as `remove_elements` edits it.
    fn without(src: &str, indices: &[usize]) -> String {
        let parsed = parse(src, &ParseOptions::jsonc());
        assert!(parsed.errors.is_empty(), "{src}: {:?}", parsed.errors);
        let root = parsed.root.unwrap();
        let mut edits = remove_elements(src, &root, indices).expect("a removal");
        edits.sort_by_key(|e| e.span.start);
        let mut out = String::new();
        let mut at = 0;
        for e in edits {
            assert!(e.span.start >= at, "overlapping edits");
            out.push_str(&src[at..e.span.start]);
            at = e.span.end;
        }
        out.push_str(&src[at..]);
        assert!(
            parse(&out, &ParseOptions::jsonc()).errors.is_empty(),
            "{out}"
        );
        out
    }

    #[test]
    fn one_line_arrays() {
        let cases: [(&str, &[usize], &str); 14] = [
            (r#"["a", "b"]"#, &[1], r#"["a"]"#),
            (r#"["a", "b"]"#, &[0], r#"["b"]"#),
            (r#"["a", "b"]"#, &[0, 1], r#"[]"#),
            (r#"[ "a", "b", "c" ]"#, &[1], r#"[ "a", "c" ]"#),
            (r#"[ "a", "b", "c" ]"#, &[2], r#"[ "a", "b" ]"#),
            (r#"[ "a", "b", "c" ]"#, &[0], r#"[ "b", "c" ]"#),
            (r#"["a", "b", "c"]"#, &[1, 2], r#"["a"]"#),
            (r#"["a","b","c"]"#, &[1], r#"["a","c"]"#),
            (r#"["a", "b",]"#, &[1], r#"["a",]"#),
            (r#"["a", /* b */ "b"]"#, &[1], r#"["a"]"#),
            (r#"["a" /* a */, "b" /* b */]"#, &[1], r#"["a" /* a */]"#),
            (r#"["a" /* a */, "b" /* b */]"#, &[0], r#"["b" /* b */]"#),
            (
                r#"[/* a */ "a", /* b */ "b", "c"]"#,
                &[0],
                r#"[/* b */ "b", "c"]"#,
            ),
            (
                r#"["a", "b" /* b */, /* c */ "c"]"#,
                &[1],
                r#"["a", /* c */ "c"]"#,
            ),
        ];
        for (src, indices, want) in cases {
            assert_eq!(without(src, indices), want, "{src} without {indices:?}");
        }
    }

    #[test]
    fn a_removal_takes_its_own_comments_and_leaves_the_others() {
        let src = "[\n  // a, above\n  \"a\", // a, after\n  // b, above\n  \"b\", // b, after\n  \"c\" /* c */\n]";
        assert_eq!(
            without(src, &[1]),
            "[\n  // a, above\n  \"a\", // a, after\n  \"c\" /* c */\n]"
        );
        // The last: the comma before it goes, the comment after that comma stays.
        assert_eq!(
            without(src, &[2]),
            "[\n  // a, above\n  \"a\", // a, after\n  // b, above\n  \"b\" // b, after\n]"
        );
        assert_eq!(
            without(src, &[0]),
            "[\n  // b, above\n  \"b\", // b, after\n  \"c\" /* c */\n]"
        );
        assert_eq!(without(src, &[0, 1, 2]), "[\n]");
        assert_eq!(
            without(src, &[1, 2]),
            "[\n  // a, above\n  \"a\" // a, after\n]"
        );
    }

    #[test]
    fn comments_that_belong_to_no_element_stay() {
        // On the `[` line, after a blank line (a heading), above the `]`.
        let src =
            "[ // channels\n  \"a\",\n\n  // the second group\n\n  \"b\", /* b */\n  /* end */\n]";
        assert_eq!(
            without(src, &[1]),
            "[ // channels\n  \"a\",\n\n  // the second group\n\n  /* end */\n]"
        );
        assert_eq!(
            without(src, &[0]),
            "[ // channels\n\n  // the second group\n\n  \"b\", /* b */\n  /* end */\n]"
        );
        // A blank line above and below a removed element: one stays.
        assert_eq!(
            without("[\n  \"a\",\n\n  \"b\",\n\n  \"c\"\n]", &[1]),
            "[\n  \"a\",\n\n  \"c\"\n]"
        );
    }

    #[test]
    fn trailing_commas_crlf_and_block_comments_over_lines() {
        assert_eq!(
            without("[\r\n  \"a\", // a\r\n  \"b\", // b\r\n]", &[1]),
            "[\r\n  \"a\", // a\r\n]"
        );
        assert_eq!(
            without("[\r\n  \"a\", // a\r\n  \"b\" // b\r\n]", &[1]),
            "[\r\n  \"a\" // a\r\n]"
        );
        assert_eq!(
            without(
                "[\n  \"a\",\n  /* about\n     b */\n  \"b\",\n  \"c\"\n]",
                &[1]
            ),
            "[\n  \"a\",\n  \"c\"\n]"
        );
        // Comma first: the comma goes with the element after it only when that is the last.
        assert_eq!(
            without("[ \"a\" // a\n, \"b\" // b\n]", &[1]),
            "[ \"a\" // a\n]"
        );
    }

    #[test]
    fn nothing_to_remove_is_no_fix() {
        let parsed = parse(r#"["a"]"#, &ParseOptions::jsonc());
        let root = parsed.root.unwrap();
        assert_eq!(remove_elements(r#"["a"]"#, &root, &[]), None);
        assert_eq!(remove_elements(r#"["a"]"#, &root, &[3]), None);
    }

    #[test]
    fn raw_prefix_len_counts_bytes_as_written() {
        assert_eq!(
            raw_prefix_len("data:x;base64,AAAA", "data:x;base64,"),
            Some(14)
        );
        assert_eq!(
            raw_prefix_len(r"data:image\/png;base64,\/", "data:image/png;base64,"),
            Some(23)
        );
        assert_eq!(raw_prefix_len(r"\u0064ata:,\ud800", "data:,"), Some(11));
        assert_eq!(raw_prefix_len(r"\ud83d\ude00,", "\u{1F600},"), Some(13));
        assert_eq!(raw_prefix_len(r"\ud800x", "\u{FFFD}x"), Some(7));
        assert_eq!(raw_prefix_len("data", "date"), None);
        assert_eq!(raw_prefix_len("da", "data"), None);
    }
}
