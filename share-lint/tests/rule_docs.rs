//! `docs/rules/`: one page per rule, `<code>.md`, holding exactly what `share-lint explain`
//! prints (and SARIF carries as the rule's `help.markdown`), and an index `README.md`. The pages
//! are generated from the rule files; this test keeps them equal. After changing a rule's doc,
//! run `UPDATE_RULE_DOCS=1 cargo test -p share-lint --test rule_docs` to write them again.

use std::path::PathBuf;

fn docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/rules")
}

/// Every page, by file name, as it should read.
fn pages() -> Vec<(String, String)> {
    let rules = share_lint::rules::all();
    let mut index = String::from(
        "# share-lint rules\n\n\
         Generated from the rule files (`share-lint/src/rules/`): each page is what \
         `share-lint explain CODE` prints. `share-lint --docs-url <base of this folder>` points \
         SARIF's `helpUri` here.\n\n\
         | code | name | default severity | fix | what it finds |\n\
         |---|---|---|---|---|\n",
    );
    let mut out = Vec::new();
    for rule in rules {
        let fix = match rule.fix {
            share_lint::rules::FixKind::None => "",
            share_lint::rules::FixKind::Safe => "safe",
            share_lint::rules::FixKind::Unsafe => "unsafe",
        };
        index.push_str(&format!(
            "| [{code}]({code}.md) | `{}` | {} | {fix} | {} |\n",
            rule.name,
            rule.severity,
            rule.summary.replace('|', "\\|"),
            code = rule.code,
        ));
        out.push((format!("{}.md", rule.code), rule.markdown() + "\n"));
    }
    out.push(("README.md".to_owned(), index));
    out
}

#[test]
fn docs_rules_holds_each_rule_page_as_explain_prints_it() {
    let expected = pages();
    if std::env::var_os("UPDATE_RULE_DOCS").is_some() {
        std::fs::create_dir_all(docs()).unwrap();
        for entry in std::fs::read_dir(docs()).unwrap() {
            std::fs::remove_file(entry.unwrap().path()).unwrap();
        }
        for (name, text) in &expected {
            std::fs::write(docs().join(name), text).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (name, text) in &expected {
        match std::fs::read_to_string(docs().join(name)) {
            Ok(on_disk) if on_disk == *text => {}
            _ => stale.push(name.clone()),
        }
    }
    let mut extra: Vec<String> = std::fs::read_dir(docs())
        .map(|dir| {
            dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|name| !expected.iter().any(|(n, _)| n == name))
                .collect()
        })
        .unwrap_or_default();
    extra.sort();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "docs/rules/ is out of date (stale or missing: {stale:?}; not a rule's: {extra:?}): \
         UPDATE_RULE_DOCS=1 cargo test -p share-lint --test rule_docs"
    );
}

#[test]
fn explain_prints_the_page() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .args(["explain", "mini-program-to-moments"])
        .output()
        .unwrap();
    let page = std::fs::read_to_string(docs().join("SM301.md")).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), page);
}
