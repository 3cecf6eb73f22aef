//! The rule registry: codes and names unique and well-formed, every rule documented with the
//! five sections, the registry agreeing with `share_schema`'s catalogue, and a fixture for every
//! rule.

use share_lint::diagnostic::Applicability;
use share_lint::engine;
use share_lint::json::{parse, ParseOptions};
use share_lint::rules::{self, FixKind, LintRule as Rule, RULES};
use share_lint::settings::Settings;
use share_schema::{catalog, Context, PayloadFile, Shape};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The doc sections every rule has, in this order.
const SECTIONS: [&str; 5] = [
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Use instead",
    "## Fix safety",
];

/// The doc's lines without the one space `///` leaves before each.
fn doc_lines(rule: &Rule) -> Vec<&'static str> {
    rule.doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect()
}

/// The lines of `section` up to the next `## ` heading.
fn section(rule: &Rule, heading: &str) -> Vec<&'static str> {
    doc_lines(rule)
        .into_iter()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .collect()
}

/// The contents of the ```jsonc blocks in `lines`; panics on an unclosed block.
/// The code blocks of a doc section: ```jsonc, or ```js for a rule about scripts
/// ([`is_script_rule`]).
fn jsonc_blocks(rule: &Rule, lines: &[&str]) -> Vec<String> {
    let fence = if is_script_rule(rule) {
        "```js"
    } else {
        "```jsonc"
    };
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in lines {
        match (&mut current, line.trim_end()) {
            (None, l) if l == fence => current = Some(String::new()),
            (None, l) if l.starts_with("```") => {
                panic!("{}: a code block that is not {fence}: {l}", rule.code)
            }
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), l) => {
                block.push_str(l);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    assert!(current.is_none(), "{}: an unclosed code block", rule.code);
    blocks
}

/// Whether the rule is about scripts (JavaScript, TypeScript): its examples are scripts.
fn is_script_rule(rule: &Rule) -> bool {
    rule.rule == &catalog::INVALID_SCRIPT
}

fn is_kebab_case(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|word| {
            word.starts_with(|c: char| c.is_ascii_lowercase())
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[test]
fn codes_are_unique_well_formed_and_in_order() {
    let mut seen = HashSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.code), "{} is registered twice", rule.code);
        let digits = rule.code.strip_prefix("SM").unwrap_or("");
        assert!(
            digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()),
            "{} is not SM and three digits",
            rule.code
        );
    }
    for pair in RULES.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} is listed before {}",
            pair[0].code,
            pair[1].code
        );
    }
}

#[test]
fn names_are_unique_kebab_case() {
    let mut seen = HashSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.name), "{} is registered twice", rule.name);
        assert!(is_kebab_case(rule.name), "{} is not kebab-case", rule.name);
        assert!(!rule.summary.is_empty(), "{} has no summary", rule.code);
        assert!(
            !rule.summary.ends_with('.'),
            "{}: a summary is a phrase, without a period",
            rule.code
        );
    }
}

#[test]
fn every_doc_has_the_five_sections_in_order() {
    for rule in RULES {
        let headings: Vec<&str> = doc_lines(rule)
            .into_iter()
            .filter(|l| l.starts_with('#'))
            .collect();
        assert_eq!(headings, SECTIONS, "{} ({})", rule.code, rule.name);
        for heading in SECTIONS {
            assert!(
                section(rule, heading).iter().any(|l| !l.trim().is_empty()),
                "{}: `{heading}` is empty",
                rule.code
            );
        }
    }
}

#[test]
fn every_doc_shows_a_bad_and_a_good_payload() {
    for rule in RULES {
        let example = jsonc_blocks(rule, &section(rule, "## Example"));
        let instead = jsonc_blocks(rule, &section(rule, "## Use instead"));
        assert_eq!(
            example.len(),
            1,
            "{}: one ```jsonc block in Example",
            rule.code
        );
        assert_eq!(
            instead.len(),
            1,
            "{}: one ```jsonc block in Use instead",
            rule.code
        );
        assert_ne!(example, instead, "{}: the same payload twice", rule.code);
        for other in ["## What it does", "## Why is this bad?", "## Fix safety"] {
            assert!(
                jsonc_blocks(rule, &section(rule, other)).is_empty(),
                "{}: a code block in `{other}`",
                rule.code
            );
        }
        // What to write instead is valid JSONC, or a script that parses (the bad example need
        // not be).
        if is_script_rule(rule) {
            let report = engine::lint_text("instead.js", instead[0].clone(), &Settings::default());
            assert!(
                report.diagnostics.iter().all(|d| d.rule != rule.rule),
                "{}: Use instead does not parse: {:?}",
                rule.code,
                report.diagnostics
            );
            let example = engine::lint_text("example.js", example[0].clone(), &Settings::default());
            assert!(
                example.diagnostics.iter().any(|d| d.rule == rule.rule),
                "{}: Example parses",
                rule.code
            );
            continue;
        }
        let parsed = parse(&instead[0], &ParseOptions::jsonc());
        assert!(
            parsed.errors.is_empty(),
            "{}: Use instead is not valid JSONC: {:?}",
            rule.code,
            parsed.errors
        );
    }
}

#[test]
fn fix_safety_agrees_with_the_fix_kind() {
    for rule in RULES {
        let text = section(rule, "## Fix safety").join(" ");
        let text = text.trim();
        match rule.fix {
            FixKind::None => assert!(
                text.starts_with("This rule has no automatic fix."),
                "{}: {text}",
                rule.code
            ),
            FixKind::Safe => assert!(
                text.starts_with("The fix is safe: "),
                "{}: {text}",
                rule.code
            ),
            FixKind::Unsafe => assert!(
                text.starts_with("The fix is unsafe: ")
                    && text.contains("(applied only with `--unsafe-fixes`)"),
                "{}: {text}",
                rule.code
            ),
        }
    }
    let fixable: Vec<(&str, FixKind)> = RULES
        .iter()
        .filter(|r| r.fix != FixKind::None)
        .map(|r| (r.code, r.fix))
        .collect();
    assert_eq!(
        fixable,
        [
            ("SM003", FixKind::Safe),
            ("SM101", FixKind::Safe),
            ("SM109", FixKind::Unsafe),
            ("SM301", FixKind::Unsafe),
            ("SM303", FixKind::Safe),
            ("SM601", FixKind::Safe),
        ]
    );
}

#[test]
fn every_catalogue_rule_has_one_lint_rule() {
    // The generic rules are the defaults of users' own types: the linter never reports them.
    let reported: Vec<&catalog::Rule> = catalog::all()
        .filter(|r| !catalog::GENERIC.contains(r))
        .collect();
    assert_eq!(reported.len(), RULES.len());
    for entry in reported {
        let matching: Vec<&Rule> = RULES.iter().filter(|r| r.rule == entry).collect();
        assert_eq!(matching.len(), 1, "{} ({})", entry.code, entry.name);
        assert_eq!(rules::of(entry).map(|r| r.rule), Some(entry));
    }
    assert_eq!(rules::of(&catalog::LENGTH), None);
    // A user's rule that borrows a registered code is not that rule.
    let borrowed = catalog::Rule::custom(RULES[0].code, share_schema::Severity::Error);
    assert_eq!(rules::of(&borrowed), None);
}

/// Lints the fixture of `rule` (a file fixture) and returns its findings of that rule.
fn fixture_findings(rule: &Rule) -> Vec<share_lint::diagnostic::Diagnostic> {
    let path = fixture_of(rule).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    engine::lint_bytes(name, bytes, &Settings::default())
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == rule.rule)
        .collect()
}

#[test]
fn a_rule_offers_a_fix_exactly_when_its_fix_kind_says_so() {
    for rule in RULES {
        let path = fixture_of(rule).unwrap();
        if path.is_dir() {
            // Policy rules (fixtures with a configuration) have no fix.
            assert_eq!(rule.fix, FixKind::None, "{}", rule.code);
            continue;
        }
        let found = fixture_findings(rule);
        assert!(
            !found.is_empty(),
            "{}: its fixture finds nothing",
            rule.code
        );
        let kinds: HashSet<FixKind> = found
            .iter()
            .map(|d| match &d.fix {
                None => FixKind::None,
                Some(f) if f.applicability == Applicability::Safe => FixKind::Safe,
                Some(_) => FixKind::Unsafe,
            })
            .collect();
        match rule.fix {
            FixKind::None => assert_eq!(kinds, HashSet::from([FixKind::None]), "{}", rule.code),
            kind => assert!(
                kinds.contains(&kind),
                "{}: no {kind:?} fix in {found:?}",
                rule.code
            ),
        }
        assert!(
            !kinds.iter().any(|k| *k != FixKind::None && *k != rule.fix),
            "{}: a fix of another kind",
            rule.code
        );
    }
}

#[test]
fn lookup_by_code_and_by_name() {
    let rule = rules::lookup("SM301").expect("SM301");
    assert_eq!(rule.name, "mini-program-to-moments");
    assert_eq!(rules::lookup("sm301"), Some(rule));
    assert_eq!(rules::lookup("Sm301"), Some(rule));
    assert_eq!(rules::lookup("mini-program-to-moments"), Some(rule));
    assert_eq!(rules::lookup("SM001").map(|r| r.name), Some("invalid-json"));
    assert_eq!(rules::lookup("wrong-type").map(|r| r.code), Some("SM101"));
    for missing in [
        "",
        "SM",
        "SM30",
        "SM3010",
        "SM999",
        "mini_program_to_moments",
        "301",
    ] {
        assert_eq!(rules::lookup(missing), None, "{missing:?}");
    }
    for rule in RULES {
        assert_eq!(rules::lookup(rule.code), Some(rule));
        assert_eq!(rules::lookup(&rule.code.to_lowercase()), Some(rule));
        assert_eq!(rules::lookup(rule.name), Some(rule));
    }
    assert_eq!(rules::all(), RULES);
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// The fixture of a rule: `<name>.jsonc`, `<name>.json`, `<name>.js` (a rule about scripts), or
/// a directory `<name>/` holding a `share-lint.toml` and the payload.
fn fixture_of(rule: &Rule) -> Option<PathBuf> {
    let base = fixtures();
    ["jsonc", "json", "js"]
        .iter()
        .map(|ext| base.join(format!("{}.{ext}", rule.name)))
        .chain([base.join(rule.name)])
        .find(|p| p.exists())
}

#[test]
fn every_rule_has_a_fixture() {
    for rule in RULES {
        let path = fixture_of(rule)
            .unwrap_or_else(|| panic!("{} ({}) has no fixture", rule.code, rule.name));
        if path.is_dir() {
            assert!(
                path.join("share-lint.toml").is_file(),
                "{}: no share-lint.toml",
                path.display()
            );
            let payloads = std::fs::read_dir(&path)
                .unwrap()
                .filter_map(Result::ok)
                .filter(|e| {
                    e.path()
                        .extension()
                        .is_some_and(|x| x == "json" || x == "jsonc")
                })
                .count();
            assert!(payloads > 0, "{}: no payload file", path.display());
        }
    }
    // And no fixture without a rule.
    let names: HashSet<&str> = RULES.iter().map(|r| r.name).collect();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let stem = stem.split('.').next().unwrap();
        assert!(
            names.contains(stem),
            "{}: no rule of that name",
            path.display()
        );
    }
}

/// The codes `share-schema` reports for a payload file's text.
fn schema_codes(text: &str) -> Vec<&'static str> {
    let parsed = parse(text, &ParseOptions::jsonc());
    let root = parsed.root.expect("the fixture parses");
    let mut cx = Context::new();
    let _ = PayloadFile::from_json(&root.to_value(), &mut cx);
    cx.violations().iter().map(|v| v.code()).collect()
}

#[test]
fn payload_rule_fixtures_trigger_their_rule() {
    for entry in catalog::DOMAIN.iter().chain(catalog::STRUCTURE) {
        let rule = rules::lookup(entry.code).unwrap();
        let path = fixture_of(rule).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let found = schema_codes(&text);
        assert!(
            found.contains(&entry.code),
            "{}: expected {}, found {found:?}",
            path.display(),
            entry.code
        );
    }
}
