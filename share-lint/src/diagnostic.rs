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
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user named it (or the `--stdin-filename`), with `/` separators.
    pub path: String,
    /// The text (invalid UTF-8 is reported as a finding and replaced by U+FFFD here).
    pub text: String,
    /// Line starts, built on first use: most files have no finding to locate.
    line_index: std::sync::OnceLock<LineIndex>,
}

impl SourceFile {
    /// A source file for `text` at `path`.
    pub fn new(path: impl Into<String>, text: String) -> Self {
        SourceFile {
            path: path.into(),
            text,
            line_index: std::sync::OnceLock::new(),
        }
    }

    /// The line index of the text.
    pub fn line_index(&self) -> &LineIndex {
        self.line_index.get_or_init(|| LineIndex::new(&self.text))
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

    /// Where `span` (of this file) is, as lines and columns: the one place a span becomes a
    /// location, for every output format.
    pub fn location_of(&self, span: Span) -> Location {
        let (line, column) = self.source.line_index().line_col(span.start);
        let (end_line, end_column) = self.source.line_index().line_col(span.end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }
}
