//! The `sarif` format: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.
//!
//! One run. Its `tool.driver.rules` is the whole rule catalogue (id = code, name, the summary as
//! `shortDescription`, the doc's first paragraph as `fullDescription`, the doc as `help.text`
//! and the rule's page — what `share-lint explain` prints, and `docs/rules/<code>.md` — as
//! `help.markdown`, the default severity as `defaultConfiguration.level`), so a viewer can
//! explain any rule; `helpUri` only when `--docs-url` says where the pages are. Each finding is
//! a result pointing at its rule by `ruleId` and `ruleIndex`, with `level` `error`, `warning` or
//! `note` (for info), the message followed by the help, one physical location (the path
//! relative to the repository root under `uriBaseId` `%SRCROOT%`, which `originalUriBaseIds`
//! maps to the root's `file://` URI — see [`uri`](super::uri); a 1-based region whose
//! `endColumn` is exclusive), when the finding is about a value a logical location naming its
//! JSON Pointer, and `partialFingerprints` that stay the same when lines move (below).
//!
//! The fingerprint `shareLint/v1` is an FNV-1a hash of the rule's code, the path from the root,
//! the JSON Pointer of the value (none for a finding about the text itself: a syntax error, a
//! byte-order mark) and how many findings of the file had those before it: a finding keeps its
//! fingerprint when lines are added above it or its value is edited, so code scanning tracks one
//! alert across commits. In a file holding an array, the pointer starts with the element's index:
//! an element added before it moves the alerts of those after it.
//!
//! Columns count Unicode code points, as everywhere in share-lint, and the run says so with
//! `columnKind: unicodeCodePoints` (SARIF's default would be UTF-16 code units).
//!
//! Fixes are included as SARIF `fixes` (one artifact change whose replacements are text regions
//! with the inserted text), with `properties.applicability` `safe` or `unsafe` since SARIF has
//! no such notion. GitHub ignores them; other viewers can offer them.

use super::uri::{artifact_uri, percent_encode, SourceRoot, SRCROOT};
use super::RenderOptions;
use crate::diagnostic::{Applicability, Diagnostic, FileReport, Location};
use crate::json::Span;
use crate::rules::LintRule;
use serde_json::{json, Map, Value};
use share_schema::Severity;
use std::collections::HashMap;
use std::hash::Hasher;
use std::io::{self, Write};

/// The SARIF schema the log declares.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes the SARIF log of `reports`, with `rules` as the tool's rules.
#[cfg(test)]
pub(super) fn render(
    reports: &[FileReport],
    rules: &[LintRule],
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let end = render_start(rules, opts, out)?;
    let mut written = 0;
    for report in reports {
        render_file(report, rules, opts, &mut written, out)?;
    }
    render_end(&end, written, out)
}

/// Writes the log up to its results (the tool and its rules come first), and returns what
/// closes it, for [`render_end`]. The whole log is the same as `serde_json`'s pretty printing of
/// it in one piece, written one result at a time.
pub(super) fn render_start(
    rules: &[LintRule],
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<String> {
    let descriptors: Vec<Value> = rules.iter().map(|r| descriptor(r, opts)).collect();
    let mut run = Map::new();
    run.insert(
        "tool".into(),
        json!({
            "driver": {
                "name": "share-lint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": descriptors,
            },
        }),
    );
    if let Some(root) = &opts.source_root {
        run.insert(
            "originalUriBaseIds".into(),
            json!({ SRCROOT: { "uri": root.uri() } }),
        );
    }
    run.insert("columnKind".into(), "unicodeCodePoints".into());
    run.insert("results".into(), json!([]));
    let mut log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    });
    // The tool's address only when the package names a real one (none yet: never a made-up one).
    let repository = env!("CARGO_PKG_REPOSITORY");
    if !repository.is_empty() {
        log["runs"][0]["tool"]["driver"]["informationUri"] = json!(repository);
    }
    let text = serde_json::to_string_pretty(&log)?;
    // `results` is the run's last key, so its `[]` is the last one in the text.
    let at = text.rfind("[]").unwrap_or(text.len());
    out.write_all(&text.as_bytes()[..at])?;
    Ok(text[at..].trim_start_matches("[]").to_owned())
}

/// Writes the results of one file; `written` counts the results written so far in the run.
pub(super) fn render_file(
    report: &FileReport,
    rules: &[LintRule],
    opts: &RenderOptions,
    written: &mut usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let artifact = artifact_location(&report.source.path, opts.source_root.as_ref());
    let mut seen = HashMap::new();
    for diagnostic in &report.diagnostics {
        out.write_all(if *written == 0 { b"[\n" } else { b",\n" })?;
        let fingerprint = fingerprint(&artifact, diagnostic, &mut seen);
        // `{`, `runs`, the run, `results`: each result is four levels deep.
        let result = result(report, diagnostic, rules, &artifact, fingerprint);
        super::write_indented(out, 4, &result)?;
        *written += 1;
    }
    Ok(())
}

/// The `artifactLocation` of a file named `path`: relative to the root under `%SRCROOT%` when
/// it is inside the root, else as named (absolute paths as `file://` URIs).
fn artifact_location(path: &str, root: Option<&SourceRoot>) -> Value {
    // `-`: standard input without a `--stdin-filename`, which is no file of the repository.
    match root
        .filter(|_| path != "-")
        .and_then(|root| root.relative(path))
    {
        Some(relative) => json!({ "uri": percent_encode(&relative), "uriBaseId": SRCROOT }),
        None => json!({ "uri": artifact_uri(path) }),
    }
}

/// The finding's `shareLint/v1` fingerprint (see the module's documentation); `seen` counts the
/// findings of the file by what they are about, for the ordinal.
fn fingerprint(artifact: &Value, diagnostic: &Diagnostic, seen: &mut HashMap<u64, u32>) -> String {
    // FNV-1a (the `fnv` crate): a fixed, documented function, so a fingerprint is the same from
    // run to run, machine to machine and release to release (std's hashers are seeded).
    let mut about = fnv::FnvHasher::default();
    for part in [
        diagnostic.rule.code,
        artifact["uri"].as_str().unwrap_or(""),
        // Not the message: some name a byte offset or a size, which any edit moves.
        diagnostic.json_path.as_deref().unwrap_or(""),
    ] {
        about.write(part.as_bytes());
        about.write(&[0]);
    }
    let key = about.finish();
    let ordinal = seen.entry(key).or_insert(0);
    let mut hash = fnv::FnvHasher::with_key(key);
    hash.write(&ordinal.to_le_bytes());
    *ordinal += 1;
    format!("{:016x}", hash.finish())
}

/// Closes the results after `written` of them and the log with `end` (from [`render_start`]),
/// then a line break.
pub(super) fn render_end(end: &str, written: usize, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(if written == 0 { b"[]" } else { b"\n      ]" })?;
    out.write_all(end.as_bytes())?;
    writeln!(out)
}

/// A rule's `reportingDescriptor`.
fn descriptor(rule: &LintRule, opts: &RenderOptions) -> Value {
    let doc = rule.doc_text();
    let full = first_paragraph(&doc).unwrap_or_else(|| rule.summary.to_owned());
    let mut descriptor = json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": full },
        "help": { "text": doc, "markdown": rule.markdown() },
        "defaultConfiguration": { "level": level(rule.severity) },
    });
    if let Some(docs) = &opts.docs_url {
        descriptor["helpUri"] = json!(docs.page(rule));
    }
    descriptor
}

/// One finding as a SARIF `result`.
fn result(
    report: &FileReport,
    diagnostic: &Diagnostic,
    rules: &[LintRule],
    artifact: &Value,
    fingerprint: String,
) -> Value {
    let mut message = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": region(report.location(diagnostic)),
        },
    });
    if let Some(pointer) = &diagnostic.json_path {
        location["logicalLocations"] = json!([{ "fullyQualifiedName": pointer }]);
    }

    let mut result = Map::new();
    result.insert("ruleId".into(), diagnostic.rule.code.into());
    if let Some(index) = rules
        .iter()
        .position(|rule| rule.code == diagnostic.rule.code)
    {
        result.insert("ruleIndex".into(), index.into());
    }
    result.insert("level".into(), level(diagnostic.severity).into());
    result.insert("message".into(), json!({ "text": message }));
    result.insert("locations".into(), json!([location]));
    result.insert(
        "partialFingerprints".into(),
        json!({ "shareLint/v1": fingerprint }),
    );
    if let Some(fix) = &diagnostic.fix {
        let mut edits: Vec<_> = fix.edits.iter().collect();
        edits.sort_by_key(|edit| edit.span);
        let replacements: Vec<Value> = edits
            .into_iter()
            .map(|edit| {
                let mut replacement = json!({ "deletedRegion": region(locate(report, edit.span)) });
                if !edit.replacement.is_empty() {
                    replacement["insertedContent"] = json!({ "text": edit.replacement });
                }
                replacement
            })
            .collect();
        let applicability = match fix.applicability {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        };
        result.insert(
            "fixes".into(),
            json!([{
                "description": { "text": fix.message },
                "artifactChanges": [{
                    "artifactLocation": artifact,
                    "replacements": replacements,
                }],
                "properties": { "applicability": applicability },
            }]),
        );
    }
    Value::Object(result)
}

/// The line and column range of `span` in `report`'s file.
fn locate(report: &FileReport, span: Span) -> Location {
    report.location_of(span)
}

/// A SARIF text region: 1-based lines and columns, `endColumn` one past the last character
/// (equal to `startColumn` for an empty span: an insertion point).
fn region(location: Location) -> Value {
    json!({
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
    })
}

/// SARIF's level for a severity: info is a `note`.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The first paragraph of text in a rule doc, headings skipped, its lines joined by spaces.
fn first_paragraph(doc: &str) -> Option<String> {
    let paragraph: Vec<&str> = doc
        .lines()
        .map(str::trim)
        .skip_while(|line| line.is_empty() || line.starts_with('#'))
        .take_while(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    (!paragraph.is_empty()).then(|| paragraph.join(" "))
}

#[cfg(test)]
mod tests {
    use super::super::test_fixture::{reports, rules};
    use super::*;

    fn sarif(reports: &[FileReport]) -> String {
        let mut out = Vec::new();
        render(reports, &rules(), &RenderOptions::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn sarif_snapshot() {
        // The snapshot outlives version bumps.
        let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
        let text = sarif(&reports()).replacen(&version, "\"version\": \"[VERSION]\"", 1);
        insta::assert_snapshot!(text);
    }

    /// What GitHub code scanning and the SARIF 2.1.0 schema require of the parts we write.
    #[test]
    fn the_log_has_the_shape_code_scanning_requires() {
        let log: Value = serde_json::from_str(&sarif(&reports())).unwrap();
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(log["$schema"], SCHEMA);
        let runs = log["runs"].as_array().unwrap();
        assert_eq!(runs.len(), 1);
        let driver = &runs[0]["tool"]["driver"];
        assert_eq!(driver["name"], "share-lint");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
        let descriptors = driver["rules"].as_array().unwrap();
        assert_eq!(descriptors.len(), rules().len());
        for descriptor in descriptors {
            for key in ["id", "name"] {
                assert!(descriptor[key].is_string(), "{key}: {descriptor}");
            }
            for key in ["shortDescription", "fullDescription", "help"] {
                let text = descriptor[key]["text"].as_str().unwrap();
                assert!(
                    !text.is_empty() && !text.starts_with(' '),
                    "{key}: {descriptor}"
                );
            }
            let level = descriptor["defaultConfiguration"]["level"]
                .as_str()
                .unwrap();
            assert!(["error", "warning", "note"].contains(&level));
        }

        let results = runs[0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 7);
        for result in results {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(descriptors[index]["id"], result["ruleId"]);
            assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
            assert!(!result["message"]["text"].as_str().unwrap().is_empty());
            let physical = &result["locations"][0]["physicalLocation"];
            let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
            assert!(uri.starts_with("payloads/") && !uri.contains(' '), "{uri}");
            let region = &physical["region"];
            let number = |key: &str| region[key].as_u64().unwrap();
            assert!(number("startLine") >= 1 && number("startColumn") >= 1);
            assert!(number("endLine") >= number("startLine"));
            if number("endLine") == number("startLine") {
                assert!(number("endColumn") >= number("startColumn"));
            }
        }
        let info = results.iter().find(|r| r["ruleId"] == "SM702").unwrap();
        assert_eq!(info["level"], "note", "info is a note");
        let empty = results.iter().find(|r| r["ruleId"] == "SM001").unwrap();
        let region = &empty["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startColumn"], region["endColumn"], "an empty span");
    }

    #[test]
    fn fixes_are_text_regions_with_the_replacement() {
        let log: Value = serde_json::from_str(&sarif(&reports())).unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        let fixed: Vec<&Value> = results
            .iter()
            .filter(|r| r.get("fixes").is_some())
            .collect();
        assert_eq!(fixed.len(), 3);
        let https = results.iter().find(|r| r["ruleId"] == "SM502").unwrap();
        let fix = &https["fixes"][0];
        assert_eq!(fix["properties"]["applicability"], "unsafe");
        let replacement = &fix["artifactChanges"][0]["replacements"][0];
        assert_eq!(replacement["insertedContent"]["text"], "https:");
        // `"webpageUrl": "http:` after `    "title": "金山文档：年终特惠", ` (34 characters).
        let region = &replacement["deletedRegion"];
        assert_eq!(region["startLine"], 5);
        assert_eq!(
            region["endColumn"].as_u64().unwrap() - region["startColumn"].as_u64().unwrap(),
            5
        );
        let prefix = results.iter().find(|r| r["ruleId"] == "SM601").unwrap();
        let replacement = &prefix["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert!(
            replacement.get("insertedContent").is_none(),
            "a deletion inserts nothing"
        );
    }

    #[test]
    fn no_findings_still_lists_the_rules() {
        let log: Value = serde_json::from_str(&sarif(&[])).unwrap();
        assert_eq!(log["runs"][0]["results"], json!([]));
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"]
                .as_array()
                .unwrap()
                .len(),
            7
        );
    }

    #[test]
    fn a_doc_loses_its_comment_indentation_and_yields_its_first_paragraph() {
        let doc = " ## What it does\n Checks that a thing\n is right.\n\n ## Why is this bad?\n Because.\n ```json\n   {}\n ```\n";
        let rule = crate::rules::LintRule {
            doc,
            ..crate::rules::all()[0]
        };
        let dedented = rule.doc_text();
        assert!(dedented.starts_with("## What it does\nChecks that a thing\n"));
        assert!(dedented.ends_with("```json\n  {}\n```"));
        assert_eq!(
            first_paragraph(&dedented).as_deref(),
            Some("Checks that a thing is right.")
        );
        assert_eq!(first_paragraph("## Only a heading"), None);
    }
}
