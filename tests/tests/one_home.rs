//! One home per rule, and a house without circles, checked on the sources themselves:
//!
//! - every rule code is declared once, in `share_schema::catalog`; no other source file spells
//!   one as a string literal (tests, `#[cfg(test)]` modules and comments aside);
//! - no severity is restated: the payload model names catalogue rules (`rule = catalog::X`),
//!   never `severity = ...` or `code = ...`, and the lint rule files name no `Severity`;
//! - no module of a crate imports a module that imports it back (`use crate::...` between the
//!   top-level modules of a crate form no cycle);
//! - no source file is over 800 lines.

use share_schema::catalog;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// The crates' source folders.
const CRATES: [&str; 6] = [
    "share-derive",
    "share-schema",
    "share-json",
    "share-macros",
    "share-macros-impl",
    "share-lint",
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is in the workspace")
        .to_owned()
}

/// Every `.rs` file under `dir`, sorted.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The lines of a source file that are code: not comments, and not inside a `#[cfg(test)]`
/// module (which runs to the end of the file in this workspace's style) or a test-only file.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let name = path.file_name().unwrap().to_str().unwrap();
    if matches!(name, "tests.rs" | "test_fixture.rs" | "test_images.rs") {
        return Vec::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let trimmed = lines[i].trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            // The test module runs to the end of the file; any other test-only item is one
            // declaration (`mod test_fixture;`) or one function, skipped to its closing brace.
            let next = lines.get(i + 1).map_or("", |l| l.trim_start());
            if next.starts_with("mod tests") && next.ends_with('{') {
                break;
            }
            i += 1;
            let indent = lines.get(i).map_or(0, |l| l.len() - l.trim_start().len());
            if lines.get(i).is_some_and(|l| l.trim_end().ends_with('{')) {
                while i < lines.len() && lines[i].trim_end() != format!("{}}}", " ".repeat(indent))
                {
                    i += 1;
                }
            }
            i += 1;
            continue;
        }
        if !trimmed.starts_with("//") {
            out.push((i + 1, lines[i].to_owned()));
        }
        i += 1;
    }
    out
}

/// The `SMnnn` string literals on a line.
fn code_literals(line: &str) -> Vec<String> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len().saturating_sub(6) {
        if b[i] == b'"'
            && b[i + 1..].starts_with(b"SM")
            && b[i + 3..i + 6].iter().all(u8::is_ascii_digit)
            && b.get(i + 6) == Some(&b'"')
        {
            out.push(line[i + 1..i + 6].to_owned());
        }
    }
    out
}

#[test]
fn codes_are_spelled_only_in_the_catalogue() {
    let root = workspace();
    let catalogue = root.join("share-schema/src/catalog.rs");
    let mut found = Vec::new();
    for krate in CRATES {
        for path in sources(&root.join(krate).join("src")) {
            if path == catalogue {
                continue;
            }
            for (n, line) in code_lines(&path) {
                for code in code_literals(&line) {
                    found.push(format!("{}:{n}: {code}", path.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "rule codes outside the catalogue:\n{}",
        found.join("\n")
    );
    // The scan itself finds what it looks for.
    assert_eq!(code_literals(r#"    code: "SM301","#), ["SM301"]);
}

#[test]
fn each_rule_is_declared_once_in_the_catalogue() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for rule in catalog::all() {
        assert!(codes.insert(rule.code), "{} declared twice", rule.code);
        assert!(names.insert(rule.name), "{} declared twice", rule.name);
    }
    // And the catalogue file declares each exactly once (a constant per rule).
    let lines = code_lines(&workspace().join("share-schema/src/catalog.rs"));
    for rule in catalog::all() {
        let quoted = format!("\"{}\"", rule.code);
        let spelled: usize = lines.iter().map(|(_, l)| l.matches(&quoted).count()).sum();
        assert_eq!(spelled, 1, "{} is spelled {spelled} times", rule.code);
    }
}

#[test]
fn no_severity_is_restated() {
    let root = workspace();
    let mut found = Vec::new();
    for path in sources(&root.join("share-schema/src/model")) {
        for (n, line) in code_lines(&path) {
            if line.contains("severity =") || line.contains("code =") {
                found.push(format!("{}:{n}: {}", path.display(), line.trim()));
            }
        }
    }
    for path in sources(&root.join("share-lint/src/rules")) {
        for (n, line) in code_lines(&path) {
            if line.contains("Severity::") || line.trim_start().starts_with("severity:") {
                found.push(format!("{}:{n}: {}", path.display(), line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "severities restated:\n{}",
        found.join("\n")
    );
}

/// The top-level module a source file belongs to: `src/rules/url.rs` → `rules`.
fn module_of(src: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let module = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(module, "lib" | "main")).then(|| module.to_owned())
}

/// The top-level modules `line` names through `crate::`.
fn crate_refs(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        // `use crate::{a, b}` names several.
        if name.is_empty() && after.starts_with('{') {
            let list = &after[1..after.find('}').unwrap_or(after.len())];
            for item in list.split(',') {
                let item: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !item.is_empty() {
                    out.push(item);
                }
            }
        } else if !name.is_empty() {
            out.push(name);
        }
        rest = after;
    }
    out
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let root = workspace();
    let mut cycles = Vec::new();
    let mut seen_edge = false;
    for krate in CRATES {
        let src = root.join(krate).join("src");
        let modules: BTreeSet<String> = sources(&src)
            .iter()
            .filter_map(|p| module_of(&src, p))
            .collect();
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for path in sources(&src) {
            let Some(from) = module_of(&src, &path) else {
                continue;
            };
            for (_, line) in code_lines(&path) {
                for to in crate_refs(&line) {
                    if to != from && modules.contains(&to) {
                        edges.entry(from.clone()).or_default().insert(to);
                    }
                }
            }
        }
        if krate == "share-lint" {
            seen_edge = edges.get("engine").is_some_and(|e| e.contains("rules"));
        }
        // A cycle of any length: depth-first search from every module.
        for start in &modules {
            let mut stack = vec![(start.clone(), vec![start.clone()])];
            let mut seen = BTreeSet::new();
            while let Some((at, path)) = stack.pop() {
                for next in edges.get(&at).into_iter().flatten() {
                    if next == start {
                        let mut cycle = path.clone();
                        cycle.push(start.clone());
                        cycles.push(format!("{krate}: {}", cycle.join(" → ")));
                    } else if seen.insert(next.clone()) {
                        let mut p = path.clone();
                        p.push(next.clone());
                        stack.push((next.clone(), p));
                    }
                }
            }
        }
    }
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
    // The scan sees the imports it judges.
    assert!(
        seen_edge,
        "no `engine → rules` import found: the scan is broken"
    );
    assert_eq!(
        crate_refs("use crate::{catalog, Context}; crate::rules::x"),
        ["catalog", "Context", "rules"]
    );
}

#[test]
fn no_source_file_is_over_800_lines() {
    let root = workspace();
    let mut long = Vec::new();
    for krate in CRATES {
        for path in sources(&root.join(krate).join("src")) {
            let lines = std::fs::read_to_string(&path).unwrap().lines().count();
            if lines > 800 {
                long.push(format!("{}: {lines}", path.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "files over 800 lines:\n{}",
        long.join("\n")
    );
}

/// The `share-*` crates a crate's `[dependencies]` names.
fn workspace_deps(krate: &str) -> BTreeSet<String> {
    let toml = std::fs::read_to_string(workspace().join(krate).join("Cargo.toml")).unwrap();
    let deps = toml.split("[dependencies]").nth(1).unwrap_or("");
    let deps = deps.split("\n[").next().unwrap_or("");
    deps.lines()
        .filter_map(|l| l.split(['.', ' ', '=']).next())
        .filter(|name| name.starts_with("share-"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_readme_crate_graph_is_the_real_one() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let mut declared: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in readme.lines() {
        let Some((from, to)) = line.split_once(" ──▶ ") else {
            continue;
        };
        let to = to.split("  ").next().unwrap_or("");
        declared.insert(
            from.trim().to_owned(),
            to.split(',').map(|s| s.trim().to_owned()).collect(),
        );
    }
    assert_eq!(
        declared.len(),
        5,
        "the README's graph lists five crates: {declared:?}"
    );
    for krate in CRATES {
        let real = workspace_deps(krate);
        let said = declared.get(krate).cloned().unwrap_or_default();
        assert_eq!(real, said, "{krate}: Cargo.toml vs README");
    }
}
