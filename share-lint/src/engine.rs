//! The engine: one file's bytes in, its findings out. Syntax, duplicate keys and the byte-order
//! mark come from the span-preserving parser; every payload rule comes from `share-schema`
//! (`PayloadFile::from_json`, the same validators a Rust program runs), mapped from JSON Pointers
//! back to byte ranges; project policy from `policy.rs`; then suppressions, configured
//! severities, and fixes.

use crate::diagnostic::{Applicability, Diagnostic, Edit, FileReport, Fix, SourceFile};
use crate::json::{self, Locator, Node, NodeKind, ParseOptions, Span};
use crate::rules::codes as lint_codes;
use crate::settings::{LengthUnit, Settings};
use share_schema::{catalog, codes, Context, PayloadFile, Severity, Shape, Violation};
use std::collections::HashSet;

/// Lints one file. `path` names it in output (and decides `.json` vs `.jsonc` strictness);
/// `bytes` are its contents. Never panics; bad input is a finding.
pub fn lint_bytes(path: &str, bytes: Vec<u8>, settings: &Settings) -> FileReport {
    lint_file(path, bytes, settings, false)
        .unwrap_or_else(|| unreachable!("only payload-looking files are skipped"))
}

/// [`lint_bytes`], but with `only_payloads` a file that parses and does not look like a payload
/// (see `root_looks_like_payload`) is skipped: `None`. Directory walks use it so the repository's
/// other JSON is left alone.
pub fn lint_file(
    path: &str,
    bytes: Vec<u8>,
    settings: &Settings,
    only_payloads: bool,
) -> Option<FileReport> {
    match String::from_utf8(bytes) {
        Ok(text) => lint_text_if(path, text, settings, only_payloads),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // The lossy text has U+FFFD (3 bytes) where the bad bytes were: point at it.
            let span = Span::new(at, (at + 3).min(text.len()));
            let d = diagnostic(
                lint_codes::INVALID_UTF8,
                Severity::Error,
                span,
                format!(
                    "the file is not valid UTF-8: byte {at} (0x{:02X}) starts no UTF-8 character",
                    bytes[at]
                ),
                Some("save the file as UTF-8 (JSON files must be UTF-8)".into()),
            );
            Some(finish(SourceFile::new(path, text), vec![d], settings, &[]))
        }
    }
}

/// A file too large to read under the configured cap: one finding, nothing read.
pub fn too_large(path: &str, size: u64, cap: u64, settings: &Settings) -> FileReport {
    let d = diagnostic(
        lint_codes::FILE_TOO_LARGE,
        Severity::Error,
        Span::new(0, 0),
        format!(
            "the file is {} bytes; files over {} bytes are not read",
            thousands(size),
            thousands(cap)
        ),
        Some("raise `max-file-size` in share-lint.toml if this file really is a payload".into()),
    );
    finish(SourceFile::new(path, String::new()), vec![d], settings, &[])
}

/// Lints UTF-8 text.
pub fn lint_text(path: &str, text: String, settings: &Settings) -> FileReport {
    lint_text_if(path, text, settings, false)
        .unwrap_or_else(|| unreachable!("only payload-looking files are skipped"))
}

fn lint_text_if(
    path: &str,
    text: String,
    settings: &Settings,
    only_payloads: bool,
) -> Option<FileReport> {
    let jsonc = path.ends_with(".jsonc") || settings.json_comments;
    let opts = if jsonc {
        ParseOptions::jsonc()
    } else {
        ParseOptions::json()
    };
    let parsed = json::parse(&text, &opts);
    if only_payloads
        && parsed
            .root
            .as_ref()
            .is_some_and(|root| !root_looks_like_payload(root))
    {
        return None;
    }
    let mut out = Vec::new();

    if parsed.bom {
        out.push(
            diagnostic(
                lint_codes::BYTE_ORDER_MARK,
                Severity::Warning,
                Span::new(0, 3),
                "the file starts with a UTF-8 byte-order mark, which `JSON.parse` rejects".into(),
                None,
            )
            .with_fix(Fix {
                message: "Remove the byte-order mark".into(),
                applicability: Applicability::Safe,
                edits: vec![Edit {
                    span: Span::new(0, 3),
                    replacement: String::new(),
                }],
            }),
        );
    }
    for e in &parsed.errors {
        let help = (!jsonc
            && (e.message.contains("comment") || e.message.contains("trailing comma")))
        .then(|| {
            "rename the file to .jsonc, or set `json-comments = true` in share-lint.toml".to_owned()
        });
        out.push(diagnostic(
            lint_codes::INVALID_JSON,
            Severity::Error,
            e.span,
            e.message.clone(),
            help,
        ));
    }
    for dup in &parsed.duplicates {
        let where_ = if dup.pointer.is_empty() {
            "the top-level object".to_owned()
        } else {
            format!("`{}`", dup.pointer)
        };
        out.push(diagnostic(
            lint_codes::DUPLICATE_KEY,
            Severity::Error,
            dup.duplicate,
            format!(
                "duplicate key `{}` in {where_}: `JSON.parse` silently keeps only the last value",
                dup.key
            ),
            Some("remove one of the two keys".into()),
        ));
    }
    for span in &parsed.unrepresentable_numbers {
        let number = &text[span.range()];
        let infinity = if number.starts_with('-') {
            "-Infinity"
        } else {
            "Infinity"
        };
        out.push(diagnostic(
            lint_codes::NUMBER_OUT_OF_RANGE,
            Severity::Error,
            *span,
            // A number can be megabytes of digits: quote its start.
            format!(
                "the number `{}` is out of range: JavaScript reads it as {infinity}",
                truncate(number, 40)
            ),
            None,
        ));
    }

    let mut parsed = parsed;
    if let Some(root) = &mut parsed.root {
        // The strings move into the value; the tree keeps the spans to locate findings.
        let value = root.take_value();
        // One locator for all the findings: it indexes large objects once (a file of a million
        // unknown keys is a million lookups).
        let mut locator = Locator::new(root);
        let mut cx = Context::new();
        let file = PayloadFile::from_json(&value, &mut cx);
        let mut violations = cx.into_report().into_vec();
        if settings.policy.length_unit == LengthUnit::Utf16 {
            // Measured again in UTF-16 units by the policy, under the same codes.
            violations.retain(|v| !crate::policy::BYTE_LENGTH_CODES.contains(&v.code()));
        }
        if let Some(file) = &file {
            let mut pcx = Context::new();
            crate::policy::check(file, &settings.policy, &mut pcx);
            violations.extend(pcx.into_report());
        }
        for v in &violations {
            let d = from_violation(v, &mut locator, &value, &text);
            // An out-of-range number is read as null: its wrong type is already SM007.
            if d.code == codes::WRONG_TYPE && parsed.unrepresentable_numbers.contains(&d.span) {
                continue;
            }
            out.push(d);
        }
    }

    let comments: Vec<(Span, String)> = parsed
        .comments
        .iter()
        .map(|c| (c.span, c.text.clone()))
        .collect();
    Some(finish(
        SourceFile::new(path, text),
        out,
        settings,
        &comments,
    ))
}

fn thousands(n: u64) -> String {
    share_schema::rules::thousands(usize::try_from(n).unwrap_or(usize::MAX))
}

fn diagnostic(
    code: &'static str,
    severity: Severity,
    span: Span,
    message: String,
    help: Option<String>,
) -> Diagnostic {
    let name = crate::rules::lookup(code).map_or("", |r| r.name);
    Diagnostic {
        code,
        name,
        severity,
        span,
        message,
        help,
        json_path: None,
        fix: None,
    }
}

trait WithFix {
    fn with_fix(self, fix: Fix) -> Self;
}

impl WithFix for Diagnostic {
    fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// A model violation as a diagnostic: its JSON Pointer mapped to the bytes it names.
fn from_violation(
    v: &Violation,
    locator: &mut Locator<'_>,
    value: &serde_json::Value,
    text: &str,
) -> Diagnostic {
    let path = v.path();
    let code = v.code();
    let span = span_for(locator, path, code);
    let name = crate::rules::lookup(code)
        .map(|r| r.name)
        .or_else(|| catalog::lookup(code).map(|e| e.name))
        .unwrap_or("custom");
    let mut d = Diagnostic {
        code,
        name,
        severity: v.severity(),
        span,
        message: v.message().to_owned(),
        help: v.help().map(str::to_owned),
        json_path: Some(path.to_owned()),
        fix: None,
    };
    d.fix = fix_for(v, locator, value, text);
    d
}

/// The bytes a JSON Pointer names: the key for an unknown key or a mixed-in `content`, else the
/// value; an object (such as one missing a key) by the key holding it (see [`Node::locate`]).
fn span_for(locator: &mut Locator<'_>, path: &str, code: &str) -> Span {
    let at_key = [codes::UNKNOWN_KEY, catalog::MIXED_VARIANTS].contains(&code);
    locator.locate(path, at_key)
}

/// The machine-applicable fixes (documented in each rule's "Fix safety").
/// `value` holds the contents (the tree's strings were moved into it), `locator` the spans.
fn fix_for(
    v: &Violation,
    locator: &mut Locator<'_>,
    value: &serde_json::Value,
    text: &str,
) -> Option<Fix> {
    let node = locator.pointer(v.path())?;
    let contents = value.pointer(v.path())?;
    match v.code() {
        catalog::INVALID_THUMBNAIL
            if v.param("reason").and_then(|r| r.as_str()) == Some("data-uri") =>
        {
            let serde_json::Value::String(s) = contents else {
                return None;
            };
            let stripped = share_schema::rules::image::strip_data_uri(s)?;
            let prefix = &s[..s.len() - stripped.len()];
            Some(Fix {
                message: format!("Remove the `{}` prefix", truncate(prefix, 40)),
                applicability: Applicability::Safe,
                edits: vec![Edit {
                    span: node.span,
                    replacement: serde_json::to_string(stripped).ok()?,
                }],
            })
        }
        codes::WRONG_TYPE if v.path().ends_with("/channelType") || v.path() == "/channelType" => {
            let serde_json::Value::String(s) = contents else {
                return None;
            };
            if !["wx", "wx_moments"].contains(&s.as_str()) {
                return None;
            }
            Some(Fix {
                message: format!("Make `channelType` an array: `[\"{s}\"]`"),
                applicability: Applicability::Safe,
                edits: vec![Edit {
                    span: node.span,
                    replacement: format!("[{}]", &text[node.span.range()]),
                }],
            })
        }
        catalog::DUPLICATE_CHANNEL => {
            let (NodeKind::Array(items), serde_json::Value::Array(values)) = (&node.kind, contents)
            else {
                return None;
            };
            let mut seen = HashSet::new();
            let dups: Vec<usize> = (0..items.len())
                .filter(|&i| !seen.insert(values[i].to_string()))
                .collect();
            Some(Fix {
                message: "Remove the repeated channel".into(),
                applicability: Applicability::Safe,
                edits: remove_elements(items, &dups),
            })
        }
        catalog::MINI_PROGRAM_TO_MOMENTS => {
            let (NodeKind::Array(items), serde_json::Value::Array(values)) = (&node.kind, contents)
            else {
                return None;
            };
            let moments: Vec<usize> = (0..items.len())
                .filter(|&i| values[i] == "wx_moments")
                .collect();
            Some(Fix {
                message: "Remove `wx_moments` from `channelType` (the mini program is then shared to chats only)".into(),
                applicability: Applicability::Unsafe,
                edits: remove_elements(items, &moments),
            })
        }
        _ => None,
    }
}

/// Edits removing the array elements at `indices` together with one separating comma each.
fn remove_elements(items: &[Node], indices: &[usize]) -> Vec<Edit> {
    let remove: HashSet<usize> = indices.iter().copied().collect();
    let mut edits = Vec::new();
    let mut i = 0;
    while i < items.len() {
        if !remove.contains(&i) {
            i += 1;
            continue;
        }
        // A run of removed elements [i, j).
        let mut j = i;
        while j < items.len() && remove.contains(&j) {
            j += 1;
        }
        let span = if i > 0 {
            // From the end of the kept element before the run to the end of the run.
            Span::new(items[i - 1].span.end, items[j - 1].span.end)
        } else if j < items.len() {
            // From the start of the run to the start of the next kept element.
            Span::new(items[i].span.start, items[j].span.start)
        } else {
            Span::new(items[i].span.start, items[j - 1].span.end)
        };
        edits.push(Edit {
            span,
            replacement: String::new(),
        });
        i = j;
    }
    edits
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

/// A `// share-lint-ignore CODE[, CODE]: reason` comment.
struct Suppression {
    span: Span,
    line: u32,
    codes: Vec<String>,
    used: Vec<bool>,
}

fn suppressions(source: &SourceFile, comments: &[(Span, String)]) -> Vec<Suppression> {
    let mut out = Vec::new();
    for (span, text) in comments {
        let Some(rest) = text.trim().strip_prefix("share-lint-ignore") else {
            continue;
        };
        let list = rest.split_once(':').map_or(rest, |(codes, _reason)| codes);
        let codes: Vec<String> = list
            .split([',', ' '])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect();
        let used = vec![false; codes.len()];
        let (line, _) = source.line_index().line_col(span.start);
        out.push(Suppression {
            span: *span,
            line,
            codes,
            used,
        });
    }
    out
}

/// Applies suppressions and configured severities, reports unused suppressions, sorts.
fn finish(
    source: SourceFile,
    found: Vec<Diagnostic>,
    settings: &Settings,
    comments: &[(Span, String)],
) -> FileReport {
    let mut sups = suppressions(&source, comments);
    let mut kept = Vec::with_capacity(found.len());
    // A file that cannot be read as JSON cannot be checked at all: a comment must not hide that
    // (an unparsable payload would otherwise pass with exit 0).
    const UNSUPPRESSIBLE: [&str; 3] = [
        lint_codes::INVALID_JSON,
        lint_codes::INVALID_UTF8,
        lint_codes::FILE_TOO_LARGE,
    ];
    for mut d in found {
        let (line, _) = source.line_index().line_col(d.span.start);
        let mut suppressed = false;
        // The suppressions are in source order: find the line before by bisection, not by
        // scanning them all for every finding (a file can hold thousands of each).
        let first = sups.partition_point(|s| s.line + 1 < line);
        let suppressible = !UNSUPPRESSIBLE.contains(&d.code);
        for s in sups[first..]
            .iter_mut()
            .take_while(|s| suppressible && s.line + 1 == line)
        {
            for (i, c) in s.codes.iter().enumerate() {
                if c.eq_ignore_ascii_case(d.code) || c == d.name {
                    s.used[i] = true;
                    suppressed = true;
                }
            }
        }
        if suppressed {
            continue;
        }
        // `None`: the rule is turned off.
        if let Some(severity) = settings.severity_of(d.code, d.severity) {
            d.severity = severity;
            kept.push(d);
        }
    }
    for s in &sups {
        for (c, used) in s.codes.iter().zip(&s.used) {
            if *used {
                continue;
            }
            let known = crate::rules::lookup(c).is_some();
            let message = if known {
                format!(
                    "`share-lint-ignore {c}` suppresses nothing: no `{c}` finding on the next line"
                )
            } else {
                format!("`share-lint-ignore {c}` names no rule")
            };
            let d = diagnostic(
                lint_codes::UNUSED_SUPPRESSION,
                Severity::Warning,
                s.span,
                message,
                Some("remove the comment, or move it to the line before the finding".into()),
            );
            if let Some(severity) = settings.severity_of(d.code, d.severity) {
                kept.push(Diagnostic { severity, ..d });
            }
        }
    }
    kept.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.code.cmp(b.code)));
    FileReport {
        source,
        diagnostics: kept,
    }
}

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

/// Lints, fixes and lints again until no fix applies (at most 10 passes, as ruff does);
/// returns the final report and the fixed text when it differs from the original.
pub fn lint_and_fix(
    path: &str,
    text: String,
    settings: &Settings,
    mode: FixMode,
) -> (FileReport, Option<String>) {
    lint_and_fix_if(path, text, settings, mode, false)
        .unwrap_or_else(|| unreachable!("only payload-looking files are skipped"))
}

/// [`lint_and_fix`], but with `only_payloads` a file that does not look like a payload is
/// skipped (`None`), judged from the first lint's own parse.
pub fn lint_and_fix_if(
    path: &str,
    text: String,
    settings: &Settings,
    mode: FixMode,
    only_payloads: bool,
) -> Option<(FileReport, Option<String>)> {
    let original = text.clone();
    let mut report = lint_text_if(path, text, settings, only_payloads)?;
    for _ in 0..10 {
        match apply_fixes(&report, mode) {
            Some(fixed) => report = lint_text(path, fixed, settings),
            None => break,
        }
    }
    let changed = (report.source.text != original).then(|| report.source.text.clone());
    Some((report, changed))
}

/// Whether a file found by walking a directory is a payload file to lint: it does not parse as
/// an object or array at all (a broken payload is still a payload), or its top-level object (or
/// its array's first object) has a key of the payload format. `package.json`, `tsconfig.json`
/// and other JSON of the repository have none.
fn root_looks_like_payload(root: &Node) -> bool {
    const KEYS: [&str; 6] = [
        "type",
        "channelType",
        "channelObject",
        "content",
        "params",
        "$schema",
    ];
    let object = match &root.kind {
        NodeKind::Array(items) => match items.first() {
            Some(first) => first,
            None => return true,
        },
        _ => root,
    };
    match &object.kind {
        NodeKind::Object(members) => members.iter().any(|m| KEYS.contains(&m.key.as_str())),
        _ => false,
    }
}
