//! A finding in a file: rule, severity, byte range, message, help and an optional fix. Line
//! and column are computed only when rendering (from the file's `LineIndex`).

use crate::json::{LineIndex, Span};
use share_schema::catalog::Rule;
use share_schema::Severity;

/// Whether a fix can be applied without asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the payload's meaning: applied by `--fix`.
    Safe,
    /// Changes what is shared (e.g. drops a channel): applied only with `--unsafe-fixes`.
    Unsafe,
}

/// One text replacement: the bytes of `span` become `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Edit {
    /// The byte range replaced.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// A fix: what it does, how safe it is, and its edits (non-overlapping).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Fix {
    /// Imperative sentence: "Remove the `data:image/png;base64,` prefix".
    pub message: String,
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// The edits, in any order, not overlapping.
    pub edits: Vec<Edit>,
}

/// One finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The rule, e.g. `share_schema::catalog::MINI_PROGRAM_TO_MOMENTS`.
    pub rule: &'static Rule,
    /// Severity after configuration.
    pub severity: Severity,
    /// The byte range in the file the finding points at.
    pub span: Span,
    /// What is wrong, naming the actual value.
    pub message: String,
    /// How to fix it, when there is a likely fix or intent.
    pub help: Option<String>,
    /// The JSON Pointer of the value concerned, when the finding is about a value.
    pub json_path: Option<String>,
    /// A machine-applicable fix.
    pub fix: Option<Fix>,
    /// How many further findings of the same rule this one stands for: past
    /// [`MAX_FINDINGS_PER_RULE`](crate::engine::MAX_FINDINGS_PER_RULE) findings of one rule in a
    /// file, the rest are counted into one "… and N more" finding instead of kept. 0 for a
    /// finding that stands only for itself.
    pub more: usize,
}

impl Diagnostic {
    /// A finding of `rule` at `span`, with the rule's default severity.
    pub fn new(rule: &'static Rule, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            span,
            message: message.into(),
            help: None,
            json_path: None,
            fix: None,
            more: 0,
        }
    }

    /// How many findings this one stands for: 1, plus the [`more`](Self::more) it counts.
    pub fn count(&self) -> usize {
        1 + self.more
    }

    /// Adds how to fix it.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a machine-applicable fix.
    #[must_use]
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// A file as read: its display path, its text, and the line index to locate spans.
///
/// A file read a piece at a time (`crate::stream`) keeps no text: it keeps instead the
/// [`Places`] its findings need, computed while each piece was in memory.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user named it (or the `--stdin-filename`), with `/` separators.
    pub path: String,
    /// The text (invalid UTF-8 is reported as a finding and replaced by U+FFFD here); empty for
    /// a file read in pieces.
    pub text: String,
    /// Line starts, built on first use: most files have no finding to locate.
    line_index: std::sync::OnceLock<LineIndex>,
    /// Bytes of the text read to locate offsets without the index, before it is built: up to
    /// the text's length, so a file of many findings costs at most one such read of its text
    /// more than the index alone.
    scanned: std::sync::atomic::AtomicUsize,
    /// For a file read in pieces: where its findings are.
    places: Option<Places>,
}

impl SourceFile {
    /// A source file for `text` at `path`.
    pub fn new(path: impl Into<String>, text: String) -> Self {
        SourceFile {
            path: path.into(),
            text,
            line_index: std::sync::OnceLock::new(),
            scanned: std::sync::atomic::AtomicUsize::new(0),
            places: None,
        }
    }

    /// A file read in pieces, whose findings are at `places`.
    pub fn in_pieces(path: impl Into<String>, places: Places) -> Self {
        SourceFile {
            places: Some(places),
            ..SourceFile::new(path, String::new())
        }
    }

    /// The line index of the text.
    pub fn line_index(&self) -> &LineIndex {
        self.line_index.get_or_init(|| LineIndex::new(&self.text))
    }

    /// The 1-based line and column (in characters) of byte `offset`: the one place an offset
    /// becomes a line and column.
    ///
    /// The first offsets are located by reading the text before them
    /// ([`LineIndex::line_col_once`]), as long as the bytes so read, these included, add up to
    /// no more than the text's length; past that, the index is built. Most files with findings
    /// have one or two, near the start of a text whose bulk is its thumbnail: indexing all of it
    /// was most of the time spent writing findings (BENCHMARKS.md, "Where a file's time goes").
    /// A format that shows each finding's line builds the index first ([`Self::line_index`]).
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        use std::sync::atomic::Ordering::Relaxed;
        if let Some(places) = &self.places {
            return places.line_col(offset);
        }
        if let Some(index) = self.line_index.get() {
            return index.line_col(offset);
        }
        let cost = offset.min(self.text.len());
        // One atomic step: two threads locating in one file cannot both spend the last of it.
        let before = self.scanned.fetch_add(cost, Relaxed);
        if before.saturating_add(cost) <= self.text.len() {
            return LineIndex::line_col_once(&self.text, offset);
        }
        self.line_index().line_col(offset)
    }

    /// The text of 1-based `line`, which holds byte `offset`, with the byte offset of its first
    /// character, and whether it is only a part of the line around `offset` (at least
    /// [`Places::LINE_BYTES`] on each side, or up to the line's end), a file read in pieces keeping
    /// no more of a long line.
    pub fn line_around(&self, line: u32, offset: usize) -> (&str, usize, bool) {
        if let Some(places) = &self.places {
            return match places.lines.get(&offset) {
                Some(excerpt) => (&excerpt.text, excerpt.start, excerpt.cut),
                None => ("", offset, false),
            };
        }
        let index = self.line_index();
        let text = index.line_text(&self.text, line);
        (text, index.line_start(line).unwrap_or(0), false)
    }
}

/// Where the findings of a file read in pieces are: the line and column of every offset a
/// finding, fix or suppression comment starts or ends at, and the line around each finding's
/// start, as the `full` format shows it.
#[derive(Debug, Default)]
pub struct Places {
    positions: std::collections::HashMap<usize, (u32, u32)>,
    lines: std::collections::HashMap<usize, Excerpt>,
}

/// A line, or the part of a long line around an offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The text, without its line break.
    pub text: String,
    /// The byte offset in the file of its first character.
    pub start: usize,
    /// Whether the line goes on beyond it, on either side.
    pub cut: bool,
}

impl Places {
    /// Bytes of a line kept on each side of a finding: all that the `full` format looks at
    /// around a finding in a long line (twice its cut, `render/full.rs`), so that it shows the
    /// same as for the whole text.
    pub const LINE_BYTES: usize = 2 * 8 * 120;

    /// Records the line and column of `offset`.
    pub fn insert(&mut self, offset: usize, line_col: (u32, u32)) {
        self.positions.insert(offset, line_col);
    }

    /// Records the line around `offset`.
    pub fn insert_line(&mut self, offset: usize, excerpt: Excerpt) {
        self.lines.insert(offset, excerpt);
    }

    /// Takes in the places of `other`.
    pub fn extend(&mut self, other: Places) {
        self.positions.extend(other.positions);
        self.lines.extend(other.lines);
    }

    /// The line and column recorded for `offset`; (1, 1) for an offset never recorded, which no
    /// finding names.
    fn line_col(&self, offset: usize) -> (u32, u32) {
        self.positions.get(&offset).copied().unwrap_or((1, 1))
    }
}

/// 1-based line and column (in characters) of a span's start and end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    /// Line of the start.
    pub line: u32,
    /// Column of the start (characters, 1-based).
    pub column: u32,
    /// Line of the end.
    pub end_line: u32,
    /// Column of the end (exclusive).
    pub end_column: u32,
}

/// All findings of one file, sorted by position.
#[derive(Debug)]
pub struct FileReport {
    /// The file.
    pub source: SourceFile,
    /// Its findings, sorted by span start, then code.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// Where `diagnostic` is, as lines and columns.
    pub fn location(&self, diagnostic: &Diagnostic) -> Location {
        self.location_of(diagnostic.span)
    }

    /// The line and column where `diagnostic` starts, for a format that shows no more: a
    /// finding's end may be far into the text (the end of a thumbnail).
    pub fn start(&self, diagnostic: &Diagnostic) -> (u32, u32) {
        self.source.line_col(diagnostic.span.start)
    }

    /// Where `span` (of this file) is, as lines and columns: the one place a span becomes a
    /// location, for every output format.
    pub fn location_of(&self, span: Span) -> Location {
        let (line, column) = self.source.line_col(span.start);
        let (end_line, end_column) = self.source.line_col(span.end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_located_alike_before_and_after_the_index_is_built() {
        let text = "{\r\n  \"标题\": 1,\n  \"x\": \"😀\"\n}\n".repeat(3);
        let index = LineIndex::new(&text);
        let source = SourceFile::new("a.json", text.clone());
        // Upwards: the first offsets are located by reading the text before them, until the
        // budget of one text's length is spent (offsets 0 to 13 cost 91 of its 102 bytes, and
        // 14 would pass it); then the index is built, and agrees.
        let mut direct = 0;
        for offset in 0..=text.len() + 1 {
            assert_eq!(source.line_col(offset), index.line_col(offset), "{offset}");
            direct += usize::from(source.line_index.get().is_none());
        }
        assert_eq!(text.len(), 102);
        assert_eq!(direct, 14, "offsets 0 to 13 located without the index");
        assert!(
            source.line_index.get().is_some(),
            "built once the budget is spent"
        );
        let few = SourceFile::new("a.json", text.clone());
        assert_eq!(few.line_col(5), index.line_col(5));
        assert!(
            few.line_index.get().is_none(),
            "one offset near the start reads no more"
        );
    }
}
