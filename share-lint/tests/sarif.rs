//! The SARIF log as GitHub code scanning takes it: valid against the official SARIF 2.1.0
//! schema (vendored in `tests/sarif/`, validated offline with the `jsonschema` crate, formats
//! checked), paths relative to the repository root under `%SRCROOT%`, fingerprints that survive
//! edits, each rule's page as `help.markdown` and a `helpUri` only when `--docs-url` is given.

mod common;

use common::{fixtures, lint_in, stdout, text};
use serde_json::Value;
use std::path::Path;

fn official_schema() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

/// The SARIF log of `args` run in `dir`.
fn sarif_in(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--output-format", "sarif"];
    all.extend(args);
    let out = lint_in(dir, &all);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", text(&out));
    serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", text(&out)))
}

/// Every rule's fixture file, as `--output-format sarif` sees them from their folder.
fn every_rule_fixture() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(fixtures("rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json") || name.ends_with(".jsonc"))
        .collect();
    files.sort();
    files
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().unwrap()
}

#[test]
fn the_log_is_valid_against_the_official_sarif_2_1_0_schema() {
    let validator = official_schema();
    let files = every_rule_fixture();
    let mut args: Vec<&str> = vec!["--docs-url", "https://example.com/docs/rules/"];
    args.extend(files.iter().map(String::as_str));
    let log = sarif_in(&fixtures("rules"), &args);
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(results(&log).len() > 30, "findings of most rules");
    assert!(
        results(&log).iter().any(|r| r.get("fixes").is_some()),
        "fixes are in the log too"
    );

    // The validator is awake: a log with a level SARIF does not have is refused.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn each_rule_carries_its_page_and_an_address_only_when_given() {
    let log = sarif_in(&fixtures("rules"), &["empty-text.jsonc"]);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), share_lint::rules::all().len());
    for (descriptor, rule) in rules.iter().zip(share_lint::rules::all()) {
        assert_eq!(descriptor["id"], rule.code);
        assert!(descriptor.get("helpUri").is_none(), "no made-up address");
        // The same text `share-lint explain` prints.
        let explain = lint_in(&fixtures("rules"), &["explain", rule.code]);
        assert_eq!(
            descriptor["help"]["markdown"].as_str().unwrap().to_owned() + "\n",
            stdout(&explain),
            "{}",
            rule.code
        );
    }

    let log = sarif_in(
        &fixtures("rules"),
        &[
            "--docs-url",
            "https://docs.example.com/share-lint/{name}.html",
            "empty-text.jsonc",
        ],
    );
    let first = &log["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(
        first["helpUri"],
        "https://docs.example.com/share-lint/invalid-json.html"
    );
    let refused = lint_in(&fixtures("rules"), &["--docs-url", "docs/rules", "x.json"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
}

/// A scratch repository: `.git` and `web/payloads/promo.jsonc` holding `text`.
fn repository(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    std::fs::create_dir_all(dir.path().join("web/payloads")).unwrap();
    std::fs::write(dir.path().join("web/payloads/promo.jsonc"), text).unwrap();
    dir
}

const PROMO: &str = r#"[
  {"type": "miniProgram", "channelType": ["wx", "wx_moments"],
   "channelObject": {"title": "", "webpageUrl": "http://example.com", "userName": "gh_0123456789ab"}},
  {"type": "text", "channelType": ["wx"], "channelObject": {"text": ""}},
  {"type": "text", "channelType": ["wx"], "channelObject": {"text": ""}}
]
"#;

fn fingerprints(log: &Value) -> Vec<(String, String)> {
    results(log)
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                r["partialFingerprints"]["shareLint/v1"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect()
}

#[test]
fn paths_start_at_the_repository_root_wherever_the_linter_runs() {
    let repo = repository(PROMO);
    let root = repo.path().canonicalize().unwrap();
    let from_root = sarif_in(&root, &["web/payloads/promo.jsonc"]);
    let from_inside = sarif_in(&root.join("web/payloads"), &["promo.jsonc"]);
    let from_sibling = sarif_in(&root.join("web"), &["../web/./payloads/promo.jsonc"]);
    for log in [&from_root, &from_inside, &from_sibling] {
        let base = &log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
        assert_eq!(base, &format!("file://{}/", root.display()), "{log}");
        for result in results(log) {
            let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(artifact["uri"], "web/payloads/promo.jsonc");
            assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
        }
    }
    assert_eq!(fingerprints(&from_root), fingerprints(&from_inside));
    assert_eq!(fingerprints(&from_root), fingerprints(&from_sibling));

    // A file outside the repository keeps its absolute address, with no base.
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = elsewhere.path().canonicalize().unwrap().join("x.json");
    std::fs::write(
        &outside,
        r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": ""}}"#,
    )
    .unwrap();
    let log = sarif_in(&root, &[outside.to_str().unwrap()]);
    let artifact = &results(&log)[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], format!("file://{}", outside.display()));
    assert!(artifact.get("uriBaseId").is_none(), "{artifact}");
}

#[test]
fn fingerprints_survive_moved_lines_and_tell_twins_apart() {
    let before = sarif_in(repository(PROMO).path(), &["web/payloads/promo.jsonc"]);
    // Lines added above, and a value edited (the URL is still `http:`, now a longer one).
    let edited = format!(
        "// campaign of December\n\n{}",
        PROMO.replace("http://example.com", "http://example.com/december")
    );
    let after = sarif_in(repository(&edited).path(), &["web/payloads/promo.jsonc"]);
    let line = |log: &Value, i: usize| {
        results(log)[i]["locations"][0]["physicalLocation"]["region"]["startLine"].clone()
    };
    assert_ne!(line(&before, 0), line(&after, 0), "the lines moved");
    assert_eq!(fingerprints(&before), fingerprints(&after));

    // The two empty texts: same rule, each its own fingerprint (their pointers differ); every
    // fingerprint of the file differs.
    let all = fingerprints(&before);
    let mut unique: Vec<&String> = all.iter().map(|(_, f)| f).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "{all:?}");
    assert!(
        all.iter().filter(|(rule, _)| rule == "SM403").count() >= 2,
        "{all:?}"
    );
}

#[test]
fn standard_input_is_placed_by_its_name_or_not_at_all() {
    let repo = repository(PROMO);
    let run = |args: &[&str]| -> Value {
        let mut all = vec!["--output-format", "sarif"];
        all.extend(args);
        let out = common::lint_in_with_input(&repo.path().join("web"), &all, PROMO.as_bytes());
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let artifact = |log: &Value| {
        results(log)[0]["locations"][0]["physicalLocation"]["artifactLocation"].clone()
    };
    let named = run(&["--stdin-filename", "payloads/promo.jsonc"]);
    assert_eq!(
        artifact(&named),
        serde_json::json!({"uri": "web/payloads/promo.jsonc", "uriBaseId": "%SRCROOT%"})
    );
    let unnamed = run(&["-"]);
    assert_eq!(artifact(&unnamed), serde_json::json!({"uri": "-"}));
}
