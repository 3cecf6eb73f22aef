//! The `json` format: a pretty-printed JSON array with one object per finding, for scripts.
//!
//! Every finding has the same keys in the same order: `file`, `code`, `name`, `severity`,
//! `message`, `help`, `json_path`, `location` (1-based `line`, `column`, `end_line`,
//! `end_column`, columns in characters, the end exclusive), `span` (byte `start`/`end`) and `fix`
//! (`null`, or its `message`, `applicability` and `edits`, each with its `span`, `replacement`
//! and `location`). `help` and `json_path` are `null` when absent. No findings: `[]`.

use crate::diagnostic::{Applicability, Diagnostic, FileReport, Location};
use crate::json::Span;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    json_path: Option<&'a str>,
    location: Location,
    span: Span,
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    message: &'a str,
    applicability: Applicability,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    span: Span,
    replacement: &'a str,
    location: Location,
}

/// Writes every finding of every file as one JSON array, then a line break.
#[cfg(test)]
pub(super) fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let mut written = 0;
    for report in reports {
        render_file(report, &mut written, out)?;
    }
    render_end(written, out)
}

/// Writes the findings of one file as the next elements of the array; `written` counts the
/// findings written so far in the run (the first opens the array). The output is the same as
/// `serde_json`'s pretty printing of the whole array, written one finding at a time.
pub(super) fn render_file(
    report: &FileReport,
    written: &mut usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    for diagnostic in &report.diagnostics {
        out.write_all(if *written == 0 { b"[\n" } else { b",\n" })?;
        super::write_indented(out, 1, &convert(report, diagnostic))?;
        *written += 1;
    }
    Ok(())
}

/// Closes the array after `written` findings (`[]` for none), then a line break.
pub(super) fn render_end(written: usize, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(if written == 0 { b"[]\n" } else { b"\n]\n" })
}

fn convert<'a>(report: &'a FileReport, diagnostic: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let locate = |span: Span| report.location_of(span);
    JsonDiagnostic {
        file: &report.source.path,
        code: diagnostic.rule.code,
        name: diagnostic.rule.name,
        severity: diagnostic.severity.as_str(),
        message: &diagnostic.message,
        help: diagnostic.help.as_deref(),
        json_path: diagnostic.json_path.as_deref(),
        location: report.location(diagnostic),
        span: diagnostic.span,
        fix: diagnostic.fix.as_ref().map(|fix| JsonFix {
            message: &fix.message,
            applicability: fix.applicability,
            edits: fix
                .edits
                .iter()
                .map(|edit| JsonEdit {
                    span: edit.span,
                    replacement: &edit.replacement,
                    location: locate(edit.span),
                })
                .collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_fixture::reports;
    use super::*;

    fn json(reports: &[FileReport]) -> String {
        let mut out = Vec::new();
        render(reports, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_snapshot() {
        insta::assert_snapshot!(json(&reports()));
    }

    #[test]
    fn no_findings_is_an_empty_array() {
        let clean: Vec<FileReport> = reports()
            .into_iter()
            .filter(|r| r.diagnostics.is_empty())
            .collect();
        assert_eq!(clean.len(), 1);
        assert_eq!(json(&clean), "[]\n");
        assert_eq!(json(&[]), "[]\n");
    }

    #[test]
    fn every_finding_has_every_key_in_order() {
        let value: serde_json::Value = serde_json::from_str(&json(&reports())).unwrap();
        let findings = value.as_array().unwrap();
        assert_eq!(findings.len(), 7);
        for finding in findings {
            let keys: Vec<&str> = finding
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(
                keys,
                [
                    "file",
                    "code",
                    "name",
                    "severity",
                    "message",
                    "help",
                    "json_path",
                    "location",
                    "span",
                    "fix"
                ]
            );
        }
        let fixes = findings.iter().filter(|f| !f["fix"].is_null()).count();
        assert_eq!(fixes, 3);
    }
}
