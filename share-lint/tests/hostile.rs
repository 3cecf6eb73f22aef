//! Hostile inputs through the real binary (issue 9, items 5 and 6): what must stay linear in
//! time and bounded in memory. The tests assert the algorithmic property behind each bound —
//! the number of findings shown, the size of a diff, a whole document out of many files — not
//! a wall-clock time.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// A directory of its own with a `share-lint.toml` of `config`, so that no configuration above
/// it applies.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("share-lint.toml"), config).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .current_dir(dir)
        .args(["--color", "never"])
        .args(args)
        .output()
        .expect("share-lint runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// `[0,0,…]` of `n` zeros: `n` wrong types, each at its zero (column 2, 4, 6, …).
fn zeros(n: usize) -> String {
    format!("[{}]", vec!["0"; n].join(","))
}

#[test]
fn past_a_hundred_findings_of_a_rule_one_finding_counts_the_rest() {
    let dir = project("");
    std::fs::write(dir.path().join("zeros.json"), zeros(5_000)).unwrap();
    let out = run(dir.path(), &["--output-format", "concise", "zeros.json"]);
    assert_eq!(out.status.code(), Some(1), "the file still fails");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 101, "{text}");
    assert!(lines[99].starts_with("zeros.json:1:200: error[SM101] expected an object"));
    // The 101st zero is at column 202.
    assert_eq!(
        lines[100],
        "zeros.json:1:202: error[SM101] … and 4,900 more SM101 findings"
    );

    let full = run(dir.path(), &["--statistics", "zeros.json"]);
    let text = stdout(&full);
    assert!(
        text.contains("Checked 1 file: found 5000 errors."),
        "the summary counts every finding: {text}"
    );
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("5000  SM101")),
        "so do the statistics: {text}"
    );
    let clean = run(dir.path(), &["--exit-zero", "zeros.json"]);
    assert_eq!(clean.status.code(), Some(0));
}

#[test]
fn the_cap_is_per_rule_so_other_rules_are_all_shown() {
    let dir = project("");
    // 300 wrong types and 300 unknown keys, interleaved.
    let items: Vec<String> = (0..300)
        .map(|i| format!(r#"0, {{"type": "text", "channelObject": {{"text": "hi"}}, "k{i}": 1}}"#))
        .collect();
    std::fs::write(
        dir.path().join("mixed.json"),
        format!("[{}]", items.join(",")),
    )
    .unwrap();
    let out = run(dir.path(), &["--output-format", "concise", "mixed.json"]);
    let text = stdout(&out);
    for code in ["SM101", "SM103"] {
        let shown = text
            .lines()
            .filter(|l| l.contains(&format!("[{code}]")))
            .count();
        assert_eq!(shown, 101, "{code}: {text}");
        assert!(
            text.contains(&format!("… and 200 more {code} findings")),
            "{text}"
        );
    }
}

#[test]
fn a_line_of_many_codes_over_a_line_of_many_findings_is_linear() {
    // Every finding compared its rule with every code of the comment above its line: 2 MB
    // took a minute. The codes resolve to rules once; suppressing costs a look-up.
    let dir = project("");
    let n = 20_000;
    let codes = vec!["SM101"; n].join(", ");
    let file = format!("// share-lint-ignore {codes}\n{}\n", zeros(n));
    std::fs::write(dir.path().join("codes.jsonc"), file).unwrap();
    let out = run(dir.path(), &["--output-format", "concise", "codes.jsonc"]);
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), String::new()));

    // Codes naming no rule: each is an unused suppression, past a hundred counted.
    let codes: Vec<String> = (0..n).map(|i| format!("XX{i}")).collect();
    let file = format!("// share-lint-ignore {}\n{{}}\n", codes.join(", "));
    std::fs::write(dir.path().join("unknown.jsonc"), file).unwrap();
    let out = run(dir.path(), &["--output-format", "concise", "unknown.jsonc"]);
    let text = stdout(&out);
    let unused = text.lines().filter(|l| l.contains("[SM004]")).count();
    assert_eq!(unused, 101, "{text}");
    assert!(text.contains("… and 19,900 more SM004 findings"), "{text}");
}

#[test]
fn a_diff_of_a_large_file_is_the_size_of_the_fixes() {
    // 3,000 payloads, a line each, each `channelType` a string that a safe fix wraps in an
    // array. A run fixes at most 100 findings of a rule per pass, 10 passes: 1,000 lines change,
    // and the diff is those lines, not the file.
    let dir = project("");
    let items: Vec<String> = (0..3_000)
        .map(|i| {
            format!(
                r#"{{"type": "text", "channelType": "wx", "channelObject": {{"text": "t{i}"}}}}"#
            )
        })
        .collect();
    let original = format!("[\n{}\n]\n", items.join(",\n"));
    let file = dir.path().join("many.json");
    std::fs::write(&file, &original).unwrap();
    let out = run(
        dir.path(),
        &["--diff", "--output-format", "concise", "many.json"],
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        original,
        "--diff writes nothing"
    );
    let text = stdout(&out);
    let removed: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with('-') && !l.starts_with("---"))
        .collect();
    let added: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
        .collect();
    assert_eq!((removed.len(), added.len()), (1_000, 1_000));
    assert!(removed.iter().all(|l| l.contains(r#""channelType": "wx""#)));
    assert!(added.iter().all(|l| l.contains(r#""channelType": ["wx"]"#)));
    // The 2,000 unchanged payloads appear only as context: 3 lines each side of a hunk.
    let hunks = text.lines().filter(|l| l.starts_with("@@")).count();
    let context = text.lines().filter(|l| l.starts_with(' ')).count();
    assert!(
        hunks >= 1 && context <= 6 * hunks,
        "{hunks} hunks, {context} context lines"
    );
}

#[test]
fn json_and_sarif_of_many_files_are_one_valid_document_each() {
    let dir = project("");
    let n = 150;
    for i in 0..n {
        // Two findings a file: a wrong type and an unknown key.
        let payload = format!(
            r#"{{"type": "text", "channelType": "wx", "channelObject": {{"text": "hi"}}, "k{i}": 1}}"#
        );
        std::fs::write(dir.path().join(format!("p{i:03}.json")), payload).unwrap();
    }
    std::fs::write(
        dir.path().join("zz-clean.json"),
        r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}}"#,
    )
    .unwrap();

    let json = run(dir.path(), &["--output-format", "json", "."]);
    assert_eq!(json.status.code(), Some(1));
    let findings: Value = serde_json::from_str(&stdout(&json)).unwrap();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 2 * n);
    assert_eq!(findings[0]["file"], "p000.json", "in path order");
    assert_eq!(findings[2 * n - 1]["file"], "p149.json");

    let sarif = run(dir.path(), &["--output-format", "sarif", "."]);
    let log: Value = serde_json::from_str(&stdout(&sarif)).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2 * n);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), share_lint::rules::all().len());
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }

    // No findings at all: still whole documents.
    let clean = run(dir.path(), &["--output-format", "json", "zz-clean.json"]);
    assert_eq!(stdout(&clean), "[]\n");
    let clean = run(dir.path(), &["--output-format", "sarif", "zz-clean.json"]);
    let log: Value = serde_json::from_str(&stdout(&clean)).unwrap();
    assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
}

#[test]
fn a_configuration_over_a_mebibyte_or_a_thousand_globs_is_refused() {
    let payload = r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}}"#;
    let globs = |n: usize| -> String {
        let globs: Vec<String> = (0..n).map(|i| format!(r#""dir{i}/**/*.json""#)).collect();
        format!("[files]\ninclude = [{}]\n", globs.join(", "))
    };

    let big = globs(60_000);
    assert!(big.len() > 1024 * 1024);
    let dir = project(&big);
    std::fs::write(dir.path().join("p.json"), payload).unwrap();
    let out = run(dir.path(), &["p.json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("share-lint.toml") && stderr.contains("at most 1,048,576 are read"),
        "{stderr}"
    );

    let dir = project(&globs(1_001));
    std::fs::write(dir.path().join("p.json"), payload).unwrap();
    let out = run(dir.path(), &["p.json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`include` lists 1,001 globs; at most 1,000 are allowed"),
        "{stderr}"
    );

    let dir = project(&globs(1_000).replace("dir0/", ""));
    std::fs::write(dir.path().join("p.json"), payload).unwrap();
    let out = run(dir.path(), &["p.json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
