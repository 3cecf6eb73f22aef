//! The engine: one file's bytes in, its findings out — a pipeline with no rule of its own.
//!
//! 1. Decode and parse (the span-preserving parser of `share-json`; for a script, the JS/TS
//!    front end, `js/`, whose payloads are checked for what holds whatever their unknown values
//!    are, `unknown.rs`).
//! 2. The file-level rules, each checked in its rule file: `invalid-json`, `duplicate-key`,
//!    `byte-order-mark`, `number-out-of-range` (and `invalid-utf8`, `file-too-large` before).
//! 3. Every payload rule of the model (`PayloadFile::from_json`: the same validators a Rust
//!    program runs) and the project policy (`policy.rs`), located by mapping each violation's
//!    JSON Pointer to bytes, each with its rule file's fix (when [`Settings::fixes`] asks for
//!    fixes).
//! 4. Suppression comments (`unused-suppression`), configured severities, order.
//! 5. The cap: at most [`MAX_FINDINGS_PER_RULE`] findings of one rule in one file; the rest are
//!    counted into one "… and N more" finding. Every stage before keeps to the cap as it goes
//!    (the model's [`Context::with_limit`], the file-level checks through `Capped`), so a file
//!    of millions of findings never holds them all.

use crate::diagnostic::{Diagnostic, Edit, FileReport, SourceFile};
use crate::fix::{apply_fixes, FixMode};
use crate::js;
use crate::json::{self, Locator, Node, NodeKind, ParseOptions, Parsed};
use crate::rules::{
    byte_order_mark::ByteOrderMark, duplicate_key::DuplicateKey, file_too_large::FileTooLarge,
    invalid_json::InvalidJson, invalid_script::InvalidScript, invalid_utf8::InvalidUtf8,
    number_out_of_range::NumberOutOfRange, unused_suppression::Suppressions, FixInput,
};
use crate::settings::{LengthUnit, Settings};
use crate::timings::{self, Phase};
use crate::unknown::{self, Unknowns};
use share_schema::catalog::Rule;
use share_schema::{Context, PayloadFile, PayloadItem, Shape, Violation};

/// The most findings of one rule shown for one file. The rest are counted into one finding at
/// the next one's place, "… and 4,900 more CODE findings" (CODE being the rule's code), which
/// counts them in the summary and the exit status. A payload with a hundred findings of one kind has one mistake repeated: the
/// first hundred show it, and the cap keeps the memory of a hostile file (a 10 MiB array of
/// millions of `0`) to that of a few hundred findings. Fixes are kept to the cap too: `--fix`
/// fixes the findings shown, lints again and fixes the next ones (up to 10 passes).
pub const MAX_FINDINGS_PER_RULE: usize = 100;

/// Lints one file. `path` names it in output (and decides `.json` vs `.jsonc` strictness, or a
/// script: [`crate::js::is_script`]); `bytes` are its contents. Never panics; bad input is a
/// finding.
pub fn lint_bytes(path: &str, bytes: Vec<u8>, settings: &Settings) -> FileReport {
    match timings::time(Phase::Utf8, || crate::utf8::string(bytes)) {
        Ok(text) => lint_text(path, text, settings),
        Err(e) => not_utf8(path, e, settings),
    }
}

/// [`lint_bytes`] for a file met by walking a directory: `None` when it does not look like a
/// payload (the walk sniff, `looks_like_payload`), so the repository's other JSON is left alone.
///
/// A file that is not UTF-8 is reported (`invalid-utf8`) only if its text, with the bad bytes
/// replaced, parses and looks like a payload — a payload saved as GBK, say; a binary file or a
/// UTF-16 one named `.json` is skipped.
///
/// A script is linted when its bytes hold `shareMessage` ([`crate::js::may_call`]) and are
/// UTF-8 (a page saved as GBK, whose `<meta charset>` says so, is not an error in a walk).
pub fn lint_payload_bytes(path: &str, bytes: Vec<u8>, settings: &Settings) -> Option<FileReport> {
    if js::is_script(path) {
        let text = crate::utf8::string(bytes).ok()?;
        return js::may_call(text.as_bytes()).then(|| lint_script(path, text, settings));
    }
    match timings::time(Phase::Utf8, || crate::utf8::string(bytes)) {
        Ok(text) => {
            let parsed = parse(path, &text, settings);
            let payload = timings::time(Phase::Sniff, || looks_like_payload(&parsed, &text));
            payload.then(|| lint_parsed(path, text, parsed, settings))
        }
        Err(e) => {
            let lossy = String::from_utf8_lossy(e.as_bytes());
            let parsed = parse(path, &lossy, settings);
            let payload = parsed.root.is_some() && looks_like_payload(&parsed, &lossy);
            payload.then(|| not_utf8(path, e, settings))
        }
    }
}

/// Lints UTF-8 text.
pub fn lint_text(path: &str, text: String, settings: &Settings) -> FileReport {
    if js::is_script(path) {
        return lint_script(path, text, settings);
    }
    let parsed = parse(path, &text, settings);
    lint_parsed(path, text, parsed, settings)
}

/// A file too large to read under the configured cap: one finding, nothing read.
pub fn too_large(path: &str, size: u64, cap: u64, settings: &Settings) -> FileReport {
    let d = FileTooLarge::diagnostic(size, cap);
    finish(SourceFile::new(path, String::new()), vec![d], settings, &[])
}

/// An input still going one byte past the cap (standard input, a pipe or a device, whose size is
/// not known beforehand, or a file that grew while it was read): one finding, nothing more read.
pub fn too_large_stream(path: &str, cap: u64, settings: &Settings) -> FileReport {
    let d = FileTooLarge::stream_diagnostic(cap);
    finish(SourceFile::new(path, String::new()), vec![d], settings, &[])
}

fn not_utf8(path: &str, e: std::string::FromUtf8Error, settings: &Settings) -> FileReport {
    let at = e.utf8_error().valid_up_to();
    let bytes = e.into_bytes();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let d = InvalidUtf8::diagnostic(&bytes, at, &text);
    finish(SourceFile::new(path, text), vec![d], settings, &[])
}

/// Whether the file is strict JSON or JSONC.
pub(crate) fn is_jsonc(path: &str, settings: &Settings) -> bool {
    path.ends_with(".jsonc") || settings.json_comments
}

fn parse(path: &str, text: &str, settings: &Settings) -> Parsed {
    timings::time(Phase::Parse, || {
        json::parse(text, &parse_options(path, settings))
    })
}

/// The dialect and limits a file is parsed under.
pub(crate) fn parse_options(path: &str, settings: &Settings) -> ParseOptions {
    let mut opts = if is_jsonc(path, settings) {
        ParseOptions::jsonc()
    } else {
        ParseOptions::json()
    };
    opts.max_values = settings.max_values;
    opts
}

fn lint_parsed(path: &str, text: String, mut parsed: Parsed, settings: &Settings) -> FileReport {
    // Findings a suppression comment may hide are kept past the cap, one per comment, so that
    // a file of many suppressed findings keeps them to be suppressed. Not one per code: a
    // comment naming a million codes would lift the cap.
    let limit = MAX_FINDINGS_PER_RULE + Suppressions::count(&parsed.comments);
    let found = check(path, &text, &mut parsed, settings, limit, None);
    let mut out = Capped::new(limit);
    out.extend(found.file);
    out.extend(found.payload);
    timings::time(Phase::Finish, || {
        finish(
            SourceFile::new(path, text),
            out.out,
            settings,
            &parsed.comments,
        )
    })
}

/// What [`check`] found in a text, before suppressions.
pub(crate) struct Found {
    /// The findings of the file-level rules (syntax, duplicate keys, numbers, byte-order mark).
    pub(crate) file: Vec<Diagnostic>,
    /// The findings of the payload rules and the policy.
    pub(crate) payload: Vec<Diagnostic>,
}

/// The findings of a parsed text: the file-level rules, then every payload rule of the model (the
/// same validators a Rust program runs) and the project policy, for each element of a top-level
/// array in turn (at `/0`, `/1`, …) or for the one payload.
///
/// `piece`: the text is a piece of a top-level array read a piece at a time
/// ([`crate::stream`]), whose root holds the elements from that index on; `None` for a whole
/// text. Spans are relative to `text`.
pub(crate) fn check(
    path: &str,
    text: &str,
    parsed: &mut Parsed,
    settings: &Settings,
    limit: usize,
    piece: Option<json::Piece>,
) -> Found {
    // Capped as they are found too: a file of a million duplicate keys keeps a hundred findings.
    let file = timings::time(Phase::FileRules, || {
        let mut capped = Capped::new(limit);
        capped.extend(ByteOrderMark::check(parsed));
        capped.extend(InvalidJson::check(parsed, is_jsonc(path, settings)));
        capped.extend(DuplicateKey::check(parsed));
        capped.extend(NumberOutOfRange::check(parsed, text));
        capped.into_vec()
    });
    // Capped as they are found, before they are located: an array of a million payloads with
    // one mistake each builds a hundred findings, not a million.
    let mut payload = Capped::new(limit);
    let numbers = &parsed.unrepresentable_numbers;
    let text = Text {
        text,
        comments: &parsed.comments,
        fixes: settings.fixes,
    };
    let Some(root) = &mut parsed.root else {
        return Found {
            file,
            payload: payload.into_vec(),
        };
    };
    let first_index = match (piece, &mut root.kind) {
        (None, NodeKind::Array(_)) => 0,
        (None, _) => {
            lint_payload(root, None, text, settings, numbers, &mut payload);
            return Found {
                file,
                payload: payload.into_vec(),
            };
        }
        (Some(piece), _) => piece.first_index,
    };
    let NodeKind::Array(elements) = &mut root.kind else {
        unreachable!("a piece's root is an array")
    };
    let whole = piece.is_none_or(|p| p.first && p.last);
    if elements.is_empty() && whole {
        // The rule of an empty file lives in the model.
        let mut cx = Context::with_limit(limit);
        PayloadFile::from_json(&serde_json::Value::Array(Vec::new()), &mut cx);
        let mut locator = Locator::new(root);
        for v in cx.into_report().iter() {
            let value = serde_json::Value::Null;
            payload.push(located(v, &mut locator, &value, text));
        }
    } else {
        for (i, element) in elements.iter_mut().enumerate() {
            let index = Some(first_index + i);
            lint_payload(element, index, text, settings, numbers, &mut payload);
        }
    }
    Found {
        file,
        payload: payload.into_vec(),
    }
}

/// A text findings are located in, with its comments: a fix that rewrites a region of it keeps
/// the comments inside.
#[derive(Clone, Copy)]
struct Text<'a> {
    text: &'a str,
    comments: &'a [json::Comment],
    /// Whether the findings are given their fixes ([`Settings::fixes`]).
    fixes: bool,
}

/// Every payload rule and the policy on one payload: the file's value, or the element at
/// `index` of its top-level array (whose findings' pointers are prefixed with `/index`), into
/// `out`. `numbers` are the numbers too large for an `f64`, reported by their own rule.
fn lint_payload(
    node: &mut Node,
    index: Option<usize>,
    text: Text<'_>,
    settings: &Settings,
    numbers: &[json::Span],
    out: &mut Capped,
) {
    // The strings move into the value; the tree keeps the spans to locate findings.
    let value = timings::time(Phase::Value, || node.take_value());
    let violations = timings::time(Phase::Model, || {
        payload_violations(&value, settings, out.limit)
    });
    timings::time(Phase::Locate, || {
        report_violations(&violations, node, &value, index, text, numbers, out);
    });
}

/// The violations of every payload rule and the policy on one payload's value.
fn payload_violations(
    value: &serde_json::Value,
    settings: &Settings,
    limit: usize,
) -> Vec<Violation> {
    let mut cx = Context::with_limit(limit);
    let item = PayloadItem::from_json(value, &mut cx);
    let mut violations = cx.into_report().into_vec();
    if settings.policy.length_unit == LengthUnit::Utf16 {
        // Measured again in UTF-16 units by the policy, under the same rules.
        violations.retain(|v| !crate::policy::BYTE_LENGTH_RULES.contains(v.rule()));
    }
    if let Some(item) = item {
        let mut pcx = Context::with_limit(limit);
        crate::policy::check(&PayloadFile::One(item), &settings.policy, &mut pcx);
        violations.extend(pcx.into_report());
    }
    violations
}

/// One payload's violations as findings, into `out`: located in `node` (the tree whose value is
/// `value`), their pointers prefixed with `/index` for an element of a top-level array.
fn report_violations(
    violations: &[Violation],
    node: &Node,
    value: &serde_json::Value,
    index: Option<usize>,
    text: Text<'_>,
    numbers: &[json::Span],
    out: &mut Capped,
) {
    // One locator for all the findings: it indexes large objects once (a payload of a million
    // unknown keys is a million lookups).
    let mut locator = Locator::new(node);
    for v in violations {
        // Past the cap, only counted (unless a huge number may hide it, which needs its place).
        if numbers.is_empty() && !out.accepts(v.rule()) {
            out.count(v.rule(), 1 + v.more());
            continue;
        }
        let mut d = located(v, &mut locator, value, text);
        if let (Some(index), Some(path)) = (index, &mut d.json_path) {
            path.insert_str(0, &format!("/{index}"));
        }
        if !NumberOutOfRange::covers(numbers, &d) {
            out.push(d);
        }
    }
}

/// Findings collected up to a limit per rule: past it, one more is kept and counts the rest
/// ([`Diagnostic::more`]) — the linter's side of [`Context::with_limit`].
pub(crate) struct Capped {
    out: Vec<Diagnostic>,
    limit: usize,
    /// Per rule: how many are kept, and the index of the one counting the rest.
    tallies: Vec<(&'static Rule, usize, usize)>,
}

impl Capped {
    pub(crate) fn new(limit: usize) -> Self {
        Capped {
            out: Vec::new(),
            limit,
            tallies: Vec::new(),
        }
    }

    /// Keeps `d`, or counts it into the finding that stands for its rule's rest: `true` when
    /// kept.
    pub(crate) fn push(&mut self, d: Diagnostic) -> bool {
        let i = match self.tallies.iter().position(|t| t.0 == d.rule) {
            Some(i) => i,
            None => {
                self.tallies.push((d.rule, 0, 0));
                self.tallies.len() - 1
            }
        };
        let (_, kept, counter) = &mut self.tallies[i];
        if *kept <= self.limit {
            *kept += 1;
            *counter = self.out.len();
            self.out.push(d);
            true
        } else {
            let counter = &mut self.out[*counter];
            counter.more = counter.more.saturating_add(d.count());
            false
        }
    }

    /// Whether one more finding of `rule` would be kept, rather than counted.
    fn accepts(&self, rule: &'static Rule) -> bool {
        self.tallies
            .iter()
            .find(|t| t.0 == rule)
            .is_none_or(|t| t.1 <= self.limit)
    }

    /// Counts `n` findings of `rule` past the cap (when [`accepts`](Self::accepts) is `false`).
    fn count(&mut self, rule: &'static Rule, n: usize) {
        if let Some(&(_, _, counter)) = self.tallies.iter().find(|t| t.0 == rule) {
            let counter = &mut self.out[counter];
            counter.more = counter.more.saturating_add(n);
        }
    }

    /// Raises the limit (a file read in pieces learns its suppression comments as it goes).
    pub(crate) fn raise(&mut self, limit: usize) {
        self.limit = self.limit.max(limit);
    }

    /// The findings kept.
    pub(crate) fn into_vec(self) -> Vec<Diagnostic> {
        self.out
    }

    fn extend(&mut self, found: impl IntoIterator<Item = Diagnostic>) {
        for d in found {
            self.push(d);
        }
    }
}

/// Lints a script: the payload of each `shareMessage` call ([`crate::js`]) is checked as a
/// payload file's is, but only for what holds whatever its unknown values are
/// ([`crate::unknown`]). A syntax error is one finding, and the calls of that script block are
/// not read.
fn lint_script(path: &str, text: String, settings: &Settings) -> FileReport {
    let extracted = js::extract(path, &text);
    let limit = MAX_FINDINGS_PER_RULE + Suppressions::count(&extracted.comments);
    let mut out = Capped::new(limit);
    out.extend(extracted.errors.iter().map(InvalidScript::diagnostic));
    let mut budget = text
        .len()
        .saturating_mul(unknown::BUDGET_PER_BYTE)
        .saturating_add(unknown::BUDGET_BASE);
    let mut reported = std::collections::HashSet::new();
    for payload in extracted.payloads {
        let unknowns = Unknowns::of(&payload.node, &payload.open);
        let mut value = payload.node.to_value();
        let violations = if unknowns.is_empty() {
            // Charged too: a long `const` thumbnail named by every call of a file is checked
            // once per call.
            match budget.checked_sub(unknown::cost(&value)) {
                Some(left) => budget = left,
                None => continue,
            }
            payload_violations(&value, settings, limit)
        } else {
            let checked = unknown::certain(&mut value, &unknowns, &mut budget, |value| {
                payload_violations(value, settings, limit)
            });
            match checked {
                Some(violations) => violations,
                None => continue,
            }
        };
        let mut found = Capped::new(limit);
        let located_in = Text {
            text: &text,
            comments: &extracted.comments,
            fixes: settings.fixes,
        };
        report_violations(
            &violations,
            &payload.node,
            &value,
            None,
            located_in,
            &[],
            &mut found,
        );
        for mut d in found.into_vec() {
            // A fix edits only literals written in the call: never code, nor a `const` outside
            // it (which other code may use too).
            let edits_code = |e: &Edit| {
                !(payload.call.start <= e.span.start && e.span.end <= payload.call.end)
                    || payload
                        .code
                        .iter()
                        .any(|c| e.span.start < c.end && c.start < e.span.end)
            };
            if d.fix
                .as_ref()
                .is_some_and(|f| f.edits.iter().any(edits_code))
            {
                d.fix = None;
            }
            // A `const` shared by two calls is one finding.
            if reported.insert((d.rule.code, d.span.start, d.span.end, d.message.clone())) {
                out.push(d);
            }
        }
    }
    finish(
        SourceFile::new(path, text),
        out.into_vec(),
        settings,
        &extracted.comments,
    )
}

/// The findings of one file, sorted, with those of a rule past [`MAX_FINDINGS_PER_RULE`] (and
/// any that count others) counted into one finding at the first one's place.
fn cap(sorted: Vec<Diagnostic>) -> Vec<Diagnostic> {
    // Per rule: how many are shown, and the index of its "… and N more" finding.
    let mut tallies: Vec<(&'static Rule, usize, Option<usize>)> = Vec::new();
    let mut kept = Vec::with_capacity(sorted.len().min(1024));
    for d in sorted {
        let i = match tallies.iter().position(|t| t.0 == d.rule) {
            Some(i) => i,
            None => {
                tallies.push((d.rule, 0, None));
                tallies.len() - 1
            }
        };
        let (_, shown, rest) = &mut tallies[i];
        if *shown < MAX_FINDINGS_PER_RULE && d.more == 0 {
            *shown += 1;
            kept.push(d);
            continue;
        }
        match rest {
            Some(at) => {
                let rest: &mut Diagnostic = &mut kept[*at];
                rest.more = rest.more.saturating_add(d.count());
            }
            None => {
                *rest = Some(kept.len());
                kept.push(Diagnostic {
                    message: String::new(),
                    help: Some(format!(
                        "share-lint shows at most {MAX_FINDINGS_PER_RULE} findings of one rule in \
                         a file: fix these and run it again"
                    )),
                    json_path: None,
                    fix: None,
                    more: d.more,
                    ..d
                });
            }
        }
    }
    // A "… and N more" finding counts N, itself included.
    for (rule, _, rest) in tallies {
        if let Some(at) = rest {
            let d = &mut kept[at];
            d.message = format!(
                "… and {} more {} finding{}",
                share_schema::rules::thousands(d.count()),
                rule.code,
                if d.count() == 1 { "" } else { "s" }
            );
        }
    }
    kept
}

/// A model violation as a finding: its JSON Pointer mapped to the bytes it names (the key, for
/// rules that point at keys), with its rule's fix. `value` holds the contents (the tree's strings
/// were moved into it), `locator` the spans.
fn located(
    v: &Violation,
    locator: &mut Locator<'_>,
    value: &serde_json::Value,
    text: Text<'_>,
) -> Diagnostic {
    let path = v.path();
    let mut d = Diagnostic::new(v.rule(), v.locate(locator), v.message());
    d.severity = v.severity();
    d.help = v.help().map(str::to_owned);
    d.json_path = Some(path.to_owned());
    d.more = v.more();
    // Not even looked up when no one reads it: a fix can cost as much as the check that found
    // its finding (a thumbnail written again as standard base64).
    let fixer = text
        .fixes
        .then(|| crate::rules::of(v.rule()).and_then(|r| r.fixer))
        .flatten();
    if let Some(fixer) = fixer {
        if let (Some(node), Some(contents)) = (locator.pointer(path), value.pointer(path)) {
            d.fix = fixer(&FixInput {
                violation: v,
                node,
                value: contents,
                text: text.text,
                comments: text.comments,
            });
        }
    }
    d
}

/// Applies suppressions and configured severities, reports unused suppressions, sorts.
pub(crate) fn finish(
    source: SourceFile,
    found: Vec<Diagnostic>,
    settings: &Settings,
    comments: &[json::Comment],
) -> FileReport {
    let mut suppressions = Suppressions::parse(&source, comments);
    let mut kept = Capped::new(MAX_FINDINGS_PER_RULE);
    for mut d in found {
        if suppressions.suppress(&d, &source) {
            continue;
        }
        // `None`: the rule is turned off.
        if let Some(severity) = settings.severity_of(d.rule.code, d.severity) {
            d.severity = severity;
            kept.push(d);
        }
    }
    for d in suppressions.unused() {
        if let Some(severity) = settings.severity_of(d.rule.code, d.severity) {
            kept.push(Diagnostic { severity, ..d });
        }
    }
    let mut kept = kept.out;
    if !settings.fixes {
        // The file rules' fixes, computed as they are found (they cost little).
        for d in &mut kept {
            d.fix = None;
        }
    }
    kept.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(a.rule.code.cmp(b.rule.code))
    });
    FileReport {
        source,
        diagnostics: cap(kept),
    }
}

/// Lints, fixes and lints again until no fix applies (at most 10 passes, as ruff does);
/// returns the final report and the fixed text when it differs from the original.
pub fn lint_and_fix(
    path: &str,
    text: String,
    settings: &Settings,
    mode: FixMode,
) -> (FileReport, Option<String>) {
    let settings = &with_fixes(settings);
    let original = text.clone();
    let first = lint_text(path, text, settings);
    fix_until_stable(path, original, first, settings, mode)
}

/// [`lint_and_fix`] for a file met by walking a directory: `None` when it does not look like a
/// payload, judged from the first lint's own parse.
pub fn lint_and_fix_payload(
    path: &str,
    text: String,
    settings: &Settings,
    mode: FixMode,
) -> Option<(FileReport, Option<String>)> {
    if js::is_script(path) {
        return js::may_call(text.as_bytes()).then(|| lint_and_fix(path, text, settings, mode));
    }
    let settings = &with_fixes(settings);
    let original = text.clone();
    let parsed = parse(path, &text, settings);
    if !looks_like_payload(&parsed, &text) {
        return None;
    }
    let first = lint_parsed(path, text, parsed, settings);
    Some(fix_until_stable(path, original, first, settings, mode))
}

/// `settings` with [`Settings::fixes`] on, as fixing needs them.
fn with_fixes(settings: &Settings) -> std::borrow::Cow<'_, Settings> {
    if settings.fixes {
        std::borrow::Cow::Borrowed(settings)
    } else {
        std::borrow::Cow::Owned(Settings {
            fixes: true,
            ..settings.clone()
        })
    }
}

fn fix_until_stable(
    path: &str,
    original: String,
    mut report: FileReport,
    settings: &Settings,
    mode: FixMode,
) -> (FileReport, Option<String>) {
    for _ in 0..10 {
        match apply_fixes(&report, mode) {
            Some(fixed) => report = lint_text(path, fixed, settings),
            None => break,
        }
    }
    let changed = (report.source.text != original).then(|| report.source.text.clone());
    (report, changed)
}

/// Whether a file found by walking a directory (or named with `--only-payloads`, as the hook
/// does) is a payload file to lint. It is when something in it does not parse (a broken payload
/// is still a payload), or when its top-level object, or its array's first element, looks like
/// a payload ([`is_payload_object`]). `package.json` (`"type": "module"`), a JSON Schema
/// (`"type": "object"`), a service-account key, `tsconfig.json`, lockfiles — JSON with a `type`
/// of another meaning — do not; nor does an empty file, one of only whitespace and comments, or
/// an empty array.
pub(crate) fn looks_like_payload(parsed: &Parsed, text: &str) -> bool {
    let Some(root) = &parsed.root else {
        if parsed.limit_reached {
            // Too large to parse whole (GeoJSON, data): judged by its first key, one that only
            // a payload has, or a share `type` (GeoJSON's `"type": "FeatureCollection"` is not).
            return first_key(text).is_some_and(|(key, rest)| match key {
                "channelType" | "channelObject" | "params" => true,
                "type" => first_string(rest).is_some_and(is_share_type),
                "$schema" => first_string(rest).is_some_and(|s| s.contains("share-message")),
                _ => false,
            });
        }
        return has_more_than_comments(text, &parsed.comments);
    };
    let object: &Node = match &root.kind {
        NodeKind::Array(items) => match items.first() {
            Some(first) => first,
            None => return false,
        },
        _ => root,
    };
    is_payload_object(object)
}

/// Whether `node` looks like the parameters of `ksoxz_sdk.shareMessage` or its call argument:
/// it has `channelType` or `channelObject` (no other JSON names them); or a share `type`
/// (`share_schema::share_types`: `text`, `markdown`, `webPage`, …, in any case: `webpage` is a
/// payload with a typo), with or without the rest of a payload; or a number as its `type` (the
/// look-alike of another SDK's parameters, DingTalk's or uni-app's, that `foreign-payload`
/// names); or a `$schema` naming the share-message schema; or a `params` that looks like one.
fn is_payload_object(node: &Node) -> bool {
    let NodeKind::Object(members) = &node.kind else {
        return false;
    };
    members.iter().any(|m| match m.key.as_str() {
        "channelType" | "channelObject" => true,
        "type" => match &m.value.kind {
            NodeKind::String(t) => is_share_type(t),
            NodeKind::Number(_) => true,
            _ => false,
        },
        "params" => is_payload_object(&m.value),
        "$schema" => m
            .value
            .as_str()
            .is_some_and(|s| s.contains("share-message")),
        _ => false,
    })
}

/// Whether `t` is a share `type`, in any case.
fn is_share_type(t: &str) -> bool {
    share_schema::share_types()
        .iter()
        .any(|s| s.eq_ignore_ascii_case(t))
}

/// The first key of the top-level object, or of the top-level array's first object, as
/// written (escapes are not decoded: no payload key has one), and the text after it; `None` when
/// there is none.
fn first_key(text: &str) -> Option<(&str, &str)> {
    /// Skips whitespace, a byte-order mark and comments.
    fn trivia(mut s: &str) -> &str {
        loop {
            s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            if let Some(rest) = s.strip_prefix("//") {
                s = rest.find('\n').map_or("", |end| &rest[end..]);
            } else if let Some(rest) = s.strip_prefix("/*") {
                s = rest.find("*/").map_or("", |end| &rest[end + 2..]);
            } else {
                return s;
            }
        }
    }
    let mut s = trivia(text);
    if let Some(rest) = s.strip_prefix('[') {
        s = trivia(rest);
    }
    let s = trivia(s.strip_prefix('{')?);
    let key = s.strip_prefix('"')?;
    let end = key.find('"')?;
    Some((&key[..end], &key[end + 1..]))
}

/// The string value after a key, from `rest` (what follows the key's closing quote): `: "text"`
/// gives `text` (as written; no share type has an escape).
fn first_string(rest: &str) -> Option<&str> {
    let s = rest.trim_start().strip_prefix(':')?.trim_start();
    let value = s.strip_prefix('"')?;
    Some(&value[..value.find('"')?])
}

/// Whether `text` holds anything besides whitespace, `comments` and a byte-order mark.
fn has_more_than_comments(text: &str, comments: &[json::Comment]) -> bool {
    let blank = |s: &str| s.chars().all(|c| c.is_whitespace() || c == '\u{feff}');
    let mut at = 0;
    for c in comments {
        if !blank(text.get(at..c.span.start).unwrap_or("")) {
            return true;
        }
        at = c.span.end;
    }
    !blank(text.get(at..).unwrap_or(""))
}
