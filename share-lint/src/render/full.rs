//! The `full` format, rustc and ruff style: for each finding a header, the `-->` location, the
//! source line with carets under the span, then its help and fix; a summary line at the end.
//!
//! ```text
//! error[SM301] mini-program-to-moments: channelType contains `wx_moments`, which is not allowed here
//!   --> payloads/promo.json:4:25
//!    |
//!  4 |   "channelType": ["wx", "wx_moments"],
//!    |                         ^^^^^^^^^^^^
//!    |
//!    = help: remove "wx_moments": WeChat shares mini programs to chats only
//!    = fix (unsafe): Remove `wx_moments` from `channelType`
//! ```
//!
//! Carets count display columns, so they stay under their text after CJK characters. A line
//! wider than [`MAX_LINE_WIDTH`] (a base64 thumbnail can be a 90 KB line) is cut around the span
//! with `…` on the cut sides. A span over several lines shows its first line, carets to its end
//! and `...`.

use super::width::{push_shown, sanitize, shown_width};
use super::{paint, plural, Palette, RenderOptions, Totals};
use crate::diagnostic::{Applicability, Diagnostic, FileReport, Places};
use crate::json::Span;
use std::io::{self, Write};

/// The most display columns a source line is shown with, `…` included.
const MAX_LINE_WIDTH: usize = 120;

/// Columns of context kept before a span too wide to centre in a cut line.
const CONTEXT_BEFORE: usize = 16;

/// Writes every finding of one file as a snippet, each followed by a blank line.
pub(super) fn render_file(
    report: &FileReport,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let palette = Palette::new(opts.color);
    for diagnostic in &report.diagnostics {
        write_diagnostic(report, diagnostic, &palette, out)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes the summary line, bold in colour.
pub(super) fn render_summary(
    totals: &Totals,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let palette = Palette::new(opts.color);
    writeln!(out, "{}", paint(palette.emphasis, summary(totals)))
}

/// One finding: header, location, snippet, help and fix, without a blank line after.
fn write_diagnostic(
    report: &FileReport,
    diagnostic: &Diagnostic,
    palette: &Palette,
    out: &mut dyn Write,
) -> io::Result<()> {
    // The finding's line is shown, which takes the line index: built first, it places the
    // finding too (rather than reading the text up to it, `SourceFile::line_col`).
    report.source.line_index();
    let location = report.location(diagnostic);
    let source = &report.source;
    let severity = palette.severity(diagnostic.severity);
    writeln!(
        out,
        "{} {}: {}",
        paint(
            severity,
            format_args!("{}[{}]", diagnostic.severity, diagnostic.rule.code)
        ),
        diagnostic.rule.name,
        paint(palette.emphasis, sanitize(&diagnostic.message, false)),
    )?;

    let number = location.line.to_string();
    let blank = " ".repeat(number.len() + 1);
    let gutter =
        |out: &mut dyn Write| write!(out, "{}", paint(palette.gutter, format_args!("{blank} |")));
    writeln!(
        out,
        "{}{}:{}:{}",
        paint(palette.gutter, format_args!("{blank}--> ")),
        sanitize(&source.path, false),
        location.line,
        location.column,
    )?;
    gutter(out)?;
    writeln!(out)?;

    let (line, line_start, cut) = source.line_around(location.line, diagnostic.span.start);
    let start = location.column as usize - 1;
    // A span that takes in its line's break ends on this line all the same.
    let end = if location.end_line == location.line {
        Some(location.end_column as usize - 1)
    } else if location.end_line == location.line + 1 && location.end_column == 1 {
        Some(usize::MAX)
    } else {
        None
    };
    let (line, start, end) = near_span(line, diagnostic.span, line_start, start, end, cut);
    let snippet = Snippet::new(line, start, end);
    write!(
        out,
        "{}",
        paint(palette.gutter, format_args!(" {number} |"))
    )?;
    if snippet.text.is_empty() {
        writeln!(out)?;
    } else {
        writeln!(out, " {}", snippet.text)?;
    }
    gutter(out)?;
    let carets = "^".repeat(snippet.caret_len);
    let more = if end.is_none() { " ..." } else { "" };
    writeln!(
        out,
        " {}{}",
        " ".repeat(snippet.caret_offset),
        paint(severity, format_args!("{carets}{more}")),
    )?;

    let help = diagnostic.help.as_deref().map(|help| ("help", help));
    let fix = diagnostic.fix.as_ref().map(|fix| {
        let label = match fix.applicability {
            Applicability::Safe => "fix (safe)",
            Applicability::Unsafe => "fix (unsafe)",
        };
        (label, fix.message.as_str())
    });
    let notes: Vec<(&str, &str)> = help.into_iter().chain(fix).collect();
    if !notes.is_empty() {
        gutter(out)?;
        writeln!(out)?;
    }
    for (label, text) in notes {
        let text = sanitize(text, true);
        let indent = " ".repeat(blank.len() + 3 + label.len() + 2);
        write!(
            out,
            "{} {}: ",
            paint(palette.gutter, format_args!("{blank} =")),
            paint(palette.emphasis, label),
        )?;
        for (i, line) in text.trim_end_matches('\n').split('\n').enumerate() {
            match i {
                0 => writeln!(out, "{line}")?,
                _ if line.is_empty() => writeln!(out)?,
                _ => writeln!(out, "{indent}{line}")?,
            }
        }
    }
    Ok(())
}

/// The summary line: `Checked 10 files: found 3 errors, 1 warning (1 fixable with --fix).` or
/// `Checked 10 files: no findings.`
fn summary(totals: &Totals) -> String {
    let findings = [
        (totals.errors, "error"),
        (totals.warnings, "warning"),
        (totals.infos, "info"),
    ];
    let findings: Vec<String> = findings
        .into_iter()
        .filter(|&(count, _)| count > 0)
        .map(|(count, what)| plural(count, what))
        .collect();
    let checked = format!("Checked {}", plural(totals.files, "file"));
    if findings.is_empty() {
        return format!("{checked}: no findings.");
    }
    let fixes = match (totals.safe_fixes, totals.unsafe_fixes) {
        (0, 0) => String::new(),
        (safe, 0) => format!(" ({safe} fixable with --fix)"),
        (0, risky) => format!(" ({risky} fixable with --unsafe-fixes)"),
        (safe, risky) => format!(" ({safe} fixable with --fix, {risky} with --unsafe-fixes)"),
    };
    format!("{checked}: found {}{fixes}.", findings.join(", "))
}

/// Bytes of a long line kept on each side of a span's start: more than a cut line can show
/// ([`MAX_LINE_WIDTH`] columns, with room to spare, of characters of at most 4 bytes). Half of
/// what a file read in pieces keeps around a finding ([`Places::LINE_BYTES`]).
const WINDOW_BYTES: usize = Places::LINE_BYTES / 2;
const _: () = assert!(WINDOW_BYTES >= 8 * MAX_LINE_WIDTH);

/// A line longer than `2 * WINDOW_BYTES` (or already `cut`, a part of a longer line at least
/// `2 * WINDOW_BYTES` on each side of `span`'s start or up to the line's end) cut to
/// [`WINDOW_BYTES`] on each side of `span`'s start, with the characters `start..end` of the
/// line counted from the cut instead; a shorter line as it is. `line_start` is the byte offset
/// of the line in the file.
///
/// A line can be a 50 MB thumbnail, or carry a finding for each of a million keys: measuring
/// all of it for each finding took memory and time in proportion to the line. The cut holds
/// every character that can be shown (a character is at least one column wide, except the
/// zero-width ones), so the snippet is the same.
fn near_span(
    line: &str,
    span: Span,
    line_start: usize,
    start: usize,
    end: Option<usize>,
    cut: bool,
) -> (&str, usize, Option<usize>) {
    if !cut && line.len() <= 2 * WINDOW_BYTES {
        return (line, start, end);
    }
    let floor = |mut i: usize| {
        while !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let at = floor(span.start.saturating_sub(line_start).min(line.len()));
    let from = floor(at.saturating_sub(WINDOW_BYTES));
    let mut to = (at + WINDOW_BYTES).min(line.len());
    while !line.is_char_boundary(to) {
        to += 1;
    }
    let chars_before = |offset: usize| line[from..offset].chars().count();
    let end = end.map(|_| match span.end.saturating_sub(line_start) {
        // Past the cut: the carets run to its end, as they would run past a cut line's end.
        after if after > to => usize::MAX,
        inside => chars_before(floor(inside.max(at))),
    });
    (&line[from..to], chars_before(at), end)
}

/// A source line as shown: possibly cut to fit, with where the carets go in it.
#[derive(Debug, PartialEq, Eq)]
struct Snippet {
    /// The line, its tabs and control characters replaced, `…` where it was cut.
    text: String,
    /// Display columns before the first caret.
    caret_offset: usize,
    /// How many carets: at least one, even for an empty span.
    caret_len: usize,
}

impl Snippet {
    /// `line` with carets under its characters `start..end` (0-based, in characters; `None`:
    /// to the end of the line, for a span that goes on to later lines).
    fn new(line: &str, start: usize, end: Option<usize>) -> Self {
        let widths: Vec<usize> = line.chars().map(shown_width).collect();
        // columns[i]: display columns before character i; the last entry is the total.
        let columns: Vec<usize> = std::iter::once(0)
            .chain(widths.iter().scan(0, |sum, &w| {
                *sum += w;
                Some(*sum)
            }))
            .collect();
        let total = columns[widths.len()];
        let column = |i: usize| columns[i.min(widths.len())];
        let span_start = column(start);
        let span_end = column(end.unwrap_or(widths.len()).max(start));

        let (left, right) = if total <= MAX_LINE_WIDTH {
            (0, total)
        } else {
            // Room between a `…` on each side.
            let room = MAX_LINE_WIDTH - 2;
            let span_width = (span_end - span_start).max(1);
            let left = if span_start + span_width.min(room / 2) <= room {
                // The line's start fits with enough of the span: no cut on the left.
                0
            } else if span_width + CONTEXT_BEFORE <= room {
                span_start - (room - span_width) / 2
            } else {
                span_start - CONTEXT_BEFORE
            };
            // With one side uncut, that side's `…` column is room for text.
            if left == 0 {
                (0, MAX_LINE_WIDTH - 1)
            } else if left + MAX_LINE_WIDTH > total {
                (total - (MAX_LINE_WIDTH - 1), total)
            } else {
                (left, left + room)
            }
        };

        let mut text = String::new();
        let (mut first, mut last) = (None, 0);
        for (i, c) in line.chars().enumerate() {
            if columns[i] >= left && columns[i] + widths[i] <= right {
                if first.is_none() {
                    first = Some(i);
                    if i > 0 {
                        text.push('…');
                    }
                }
                push_shown(&mut text, c);
                last = i + 1;
            }
        }
        let first = first.unwrap_or(widths.len());
        let cut_left = first > 0;
        let cut_right = last < widths.len() && first < widths.len();
        if cut_right {
            text.push('…');
        }
        let (shown_start, shown_end) = (columns[first], column(last.max(first)));
        let caret_start = span_start.clamp(shown_start, shown_end);
        let caret_end = span_end.clamp(shown_start, shown_end);
        let mut caret_offset = usize::from(cut_left) + caret_start - shown_start;
        let mut caret_len = caret_end - caret_start;
        // A span running past a cut goes on under its `…`.
        if cut_left && span_start < shown_start {
            caret_offset -= 1;
            caret_len += 1;
        }
        if cut_right && span_end > shown_end {
            caret_len += 1;
        }
        Snippet {
            text,
            caret_offset,
            caret_len: caret_len.max(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_fixture::{reports, rules, strip_escapes};
    use super::super::width::str_width;
    use super::super::OutputFormat;
    use super::*;

    fn full(color: bool) -> String {
        let mut out = Vec::new();
        let reports = reports();
        let opts = RenderOptions {
            color,
            ..RenderOptions::default()
        };
        super::super::render(OutputFormat::Full, &reports, &rules(), &opts, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn full_snapshot() {
        insta::assert_snapshot!(full(false));
    }

    #[test]
    fn full_colour_snapshot() {
        let coloured = full(true);
        assert_eq!(
            strip_escapes(&coloured),
            full(false),
            "colour only adds escapes"
        );
        insta::assert_snapshot!(coloured.replace('\x1b', "␛"));
    }

    #[test]
    fn no_escape_codes_without_colour() {
        assert!(!full(false).contains('\x1b'));
    }

    #[test]
    fn carets_align_under_cjk_text() {
        let line = r#"{"title": "金山文档", "url": "x"}"#;
        let start = line.chars().position(|c| c == 'u').unwrap() - 1;
        let snippet = Snippet::new(line, start, Some(start + 5));
        let before: String = line.chars().take(start).collect();
        assert_eq!(snippet.caret_offset, str_width(&before));
        assert_eq!(
            snippet.caret_offset,
            start + 4,
            "four CJK characters, two columns each"
        );
        assert_eq!(snippet.caret_len, 5);
        assert_eq!(snippet.text, line);
    }

    #[test]
    fn carets_under_a_cjk_span_are_twice_as_many() {
        let snippet = Snippet::new("\"金山\"", 1, Some(3));
        assert_eq!((snippet.caret_offset, snippet.caret_len), (1, 4));
    }

    #[test]
    fn tabs_are_shown_as_the_spaces_the_carets_count() {
        let snippet = Snippet::new("\t\"a\"", 1, Some(4));
        assert_eq!(snippet.text, "    \"a\"");
        assert_eq!((snippet.caret_offset, snippet.caret_len), (4, 3));
    }

    #[test]
    fn an_empty_span_gets_one_caret() {
        let snippet = Snippet::new("abc", 3, Some(3));
        assert_eq!((snippet.caret_offset, snippet.caret_len), (3, 1));
        let snippet = Snippet::new("", 0, Some(0));
        assert_eq!(
            (
                snippet.text.as_str(),
                snippet.caret_offset,
                snippet.caret_len
            ),
            ("", 0, 1)
        );
    }

    #[test]
    fn a_span_continuing_on_later_lines_gets_carets_to_the_end() {
        let snippet = Snippet::new("  \"a\": {", 7, None);
        assert_eq!((snippet.caret_offset, snippet.caret_len), (7, 1));
        let snippet = Snippet::new("  \"a\": {", 2, None);
        assert_eq!((snippet.caret_offset, snippet.caret_len), (2, 6));
    }

    #[test]
    fn a_long_line_is_cut_around_a_short_span() {
        let line = format!("{}\"here\"{}", "a".repeat(5000), "b".repeat(5000));
        let snippet = Snippet::new(&line, 5000, Some(5006));
        assert_eq!(str_width(&snippet.text), MAX_LINE_WIDTH);
        assert!(snippet.text.starts_with('…') && snippet.text.ends_with('…'));
        let shown: String = snippet
            .text
            .chars()
            .skip(snippet.caret_offset)
            .take(6)
            .collect();
        assert_eq!(shown, "\"here\"");
        assert_eq!(snippet.caret_len, 6);
    }

    #[test]
    fn a_long_span_on_a_long_line_keeps_its_start_and_runs_under_the_cut() {
        let line = format!("  \"thumbImage\": \"{}\"", "A".repeat(90_000));
        let snippet = Snippet::new(&line, 16, Some(line.chars().count()));
        assert_eq!(str_width(&snippet.text), MAX_LINE_WIDTH);
        assert!(
            snippet.text.starts_with("  \"thumbImage\": \"AAA"),
            "no cut on the left"
        );
        assert!(snippet.text.ends_with("AA…"));
        assert_eq!(snippet.caret_offset, 16);
        assert_eq!(
            snippet.caret_offset + snippet.caret_len,
            MAX_LINE_WIDTH,
            "under the `…` too"
        );
    }

    #[test]
    fn a_span_at_the_end_of_a_long_line_cuts_only_the_left() {
        let line = format!("{}\"end\"", "x".repeat(1000));
        let snippet = Snippet::new(&line, 1000, Some(1005));
        assert_eq!(str_width(&snippet.text), MAX_LINE_WIDTH);
        assert!(snippet.text.starts_with("…x") && snippet.text.ends_with("x\"end\""));
        assert_eq!(
            (snippet.caret_offset, snippet.caret_len),
            (MAX_LINE_WIDTH - 5, 5)
        );
        let empty = Snippet::new(&line, 1005, Some(1005));
        assert_eq!(empty.text, snippet.text);
        assert_eq!((empty.caret_offset, empty.caret_len), (MAX_LINE_WIDTH, 1));
    }

    #[test]
    fn a_cut_line_of_wide_characters_stays_within_the_limit() {
        let line = "金".repeat(1000);
        let snippet = Snippet::new(&line, 500, Some(501));
        assert!(str_width(&snippet.text) <= MAX_LINE_WIDTH);
        // The carets start under a whole character: `…` (1 column) then wide characters.
        let mut chars = snippet.text.chars();
        let mut before = 0;
        while before < snippet.caret_offset {
            before += shown_width(chars.next().unwrap());
        }
        assert_eq!(before, snippet.caret_offset);
        assert_eq!(chars.next(), Some('金'));
        assert_eq!(snippet.caret_len, 2);
    }

    #[test]
    fn a_huge_line_is_measured_only_near_the_span_and_shown_the_same() {
        let n = 10_000;
        // ASCII, and CJK characters of 3 bytes and 2 columns.
        for unit in ["a", "标"] {
            let line = unit.repeat(n);
            let byte = |chars: usize| chars.min(n) * unit.len();
            for start in [0, 1, 50, 500, 5_000, n - 60, n - 1, n] {
                for end in [
                    Some(start),
                    Some(start + 3),
                    Some(start + 500),
                    Some(usize::MAX),
                    None,
                ] {
                    // The line starts at byte 7 of the file; `usize::MAX` and `None` are spans
                    // that take in the line break or go on to later lines.
                    let span_end = end
                        .filter(|&e| e != usize::MAX)
                        .map_or(line.len() + 1, byte);
                    let span = Span::new(7 + byte(start), 7 + span_end);
                    let (cut, cut_start, cut_end) = near_span(&line, span, 7, start, end, false);
                    assert!(cut.len() <= 2 * WINDOW_BYTES, "{unit} {start} {end:?}");
                    assert_eq!(
                        Snippet::new(cut, cut_start, cut_end),
                        Snippet::new(&line, start, end),
                        "{unit} {start} {end:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_span_ending_with_its_line_break_is_not_multi_line() {
        let report = FileReport {
            source: crate::diagnostic::SourceFile::new("a.json", "{}\n".to_owned()),
            diagnostics: Vec::new(),
        };
        let mut diagnostic = reports()[0].diagnostics[0].clone();
        diagnostic.span = crate::json::Span::new(0, 3);
        diagnostic.help = None;
        let mut out = Vec::new();
        write_diagnostic(&report, &diagnostic, &Palette::new(false), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.ends_with(" 1 | {}\n   | ^^\n"), "{text}");
    }

    #[test]
    fn summary_lines() {
        let mut totals = Totals {
            files: 3,
            ..Totals::default()
        };
        assert_eq!(summary(&totals), "Checked 3 files: no findings.");
        totals.files = 1;
        assert_eq!(summary(&totals), "Checked 1 file: no findings.");
        totals.errors = 1;
        assert_eq!(summary(&totals), "Checked 1 file: found 1 error.");
        totals.warnings = 2;
        totals.unsafe_fixes = 1;
        assert_eq!(
            summary(&totals),
            "Checked 1 file: found 1 error, 2 warnings (1 fixable with --unsafe-fixes)."
        );
        totals.safe_fixes = 2;
        assert_eq!(
            summary(&totals),
            "Checked 1 file: found 1 error, 2 warnings (2 fixable with --fix, 1 with --unsafe-fixes)."
        );
        totals.unsafe_fixes = 0;
        totals.infos = 2;
        assert_eq!(
            summary(&totals),
            "Checked 1 file: found 1 error, 2 warnings, 2 info (2 fixable with --fix)."
        );
    }
}
