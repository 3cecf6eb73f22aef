//! Every crate meant for crates.io says what crates.io and docs.rs show — a description, up to
//! five keywords, real category slugs, a readme, the license — ships both license texts, and
//! names no made-up repository address. Read from `cargo metadata` and `cargo package --list`.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `cargo args..` at the workspace root, which must succeed: its standard output and error.
fn cargo(args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("cargo runs");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(out.status.success(), "cargo {args:?}: {stderr}");
    (stdout, stderr)
}

/// The workspace's packages that may be published (`publish` not `false`).
fn publishable() -> Vec<Value> {
    let (out, _) = cargo(&[
        "metadata",
        "--format-version",
        "1",
        "--no-deps",
        "--offline",
    ]);
    let meta: Value = serde_json::from_str(&out).expect("cargo metadata is JSON");
    meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter(|p| p["publish"] != serde_json::json!([]))
        .cloned()
        .collect()
}

/// crates.io's category slugs these crates use (from <https://crates.io/category_slugs>).
const CATEGORIES: &[&str] = &[
    "command-line-utilities",
    "data-structures",
    "development-tools",
    "development-tools::procedural-macro-helpers",
    "encoding",
    "parser-implementations",
    "web-programming",
];

#[test]
fn each_publishable_crate_has_its_crates_io_metadata() {
    let crates = publishable();
    let mut names: Vec<&str> = crates.iter().filter_map(|p| p["name"].as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "share-derive",
            "share-json",
            "share-lint",
            "share-macros",
            "share-macros-impl",
            "share-schema"
        ],
        "the crates meant for crates.io (tests and fuzz say `publish = false`)"
    );
    for p in &crates {
        let name = p["name"].as_str().unwrap_or_default();
        assert!(
            p["description"].as_str().is_some_and(|d| d.len() > 20),
            "{name}: description"
        );
        assert_eq!(p["license"], "MIT OR Apache-2.0", "{name}: license");
        let keywords = p["keywords"].as_array().expect("keywords");
        assert!((1..=5).contains(&keywords.len()), "{name}: 1 to 5 keywords");
        for k in keywords.iter().filter_map(Value::as_str) {
            let ok = k.len() <= 20
                && k.starts_with(|c: char| c.is_ascii_alphabetic())
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            assert!(ok, "{name}: keyword {k:?} as crates.io takes them");
        }
        let categories = p["categories"].as_array().expect("categories");
        assert!(!categories.is_empty(), "{name}: categories");
        for c in categories.iter().filter_map(Value::as_str) {
            assert!(CATEGORIES.contains(&c), "{name}: category {c:?}");
        }
        let readme = p["readme"].as_str().expect("readme");
        assert!(PathBuf::from(readme).is_file(), "{name}: readme {readme}");
        // No repository until there is a real one to point at.
        assert!(p["repository"].is_null(), "{name}: {}", p["repository"]);
    }
}

#[test]
fn each_package_ships_both_license_texts_and_the_readme() {
    let mit = std::fs::read_to_string(root().join("LICENSE-MIT")).expect("LICENSE-MIT");
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    let apache = std::fs::read_to_string(root().join("LICENSE-APACHE")).expect("LICENSE-APACHE");
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
    for p in publishable() {
        let name = p["name"].as_str().unwrap_or_default();
        let (files, _) = cargo(&[
            "package",
            "--list",
            "--allow-dirty",
            "--offline",
            "-p",
            name,
        ]);
        let files: Vec<&str> = files.lines().collect();
        for needed in ["LICENSE-MIT", "LICENSE-APACHE", "README.md", "Cargo.toml"] {
            assert!(
                files.contains(&needed),
                "{name} packages {needed}: {files:?}"
            );
        }
    }
}

#[test]
fn each_publishable_crate_packages() {
    // Without the verifying build (the test suite builds every crate already): the manifest as
    // crates.io would take it, its workspace fields filled in, the `.crate` written.
    let mut args = vec!["package", "--no-verify", "--allow-dirty", "--offline"];
    let crates = publishable();
    let names: Vec<&str> = crates.iter().filter_map(|p| p["name"].as_str()).collect();
    for name in &names {
        args.extend(["-p", name]);
    }
    let (_, log) = cargo(&args);
    for name in names {
        assert!(
            log.contains(&format!("Packaging {name} v")),
            "{name}: {log}"
        );
    }
}

/// `major.minor[.patch]` as three numbers (a missing patch is 0).
fn version(v: &str) -> [u64; 3] {
    let mut out = [0; 3];
    for (slot, n) in out.iter_mut().zip(v.split('.')) {
        *slot = n.parse().unwrap_or(0);
    }
    out
}

#[test]
fn every_locked_package_builds_on_the_declared_rust_version() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let declared = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = \""))
        .and_then(|l| l.strip_suffix('"'))
        .expect("the workspace declares rust-version");
    let (out, _) = cargo(&["metadata", "--format-version", "1", "--offline", "--locked"]);
    let meta: Value = serde_json::from_str(&out).expect("cargo metadata is JSON");
    let mut checked = 0;
    for p in meta["packages"].as_array().expect("packages") {
        let Some(needs) = p["rust_version"].as_str() else {
            continue;
        };
        checked += 1;
        assert!(
            version(needs) <= version(declared),
            "{} {} needs Rust {needs}, over the declared {declared}",
            p["name"],
            p["version"]
        );
    }
    assert!(checked > 50, "{checked} packages say their rust-version");
}

/// A scratch crate outside the workspace whose only dependency is `share-macros` (at its path):
/// `cargo` `args` run on it with `main` as `src/main.rs`; the status and standard error.
fn alone(main: &str, args: &[&str]) -> (bool, String) {
    let dir = root().join("target/share-macros-alone");
    std::fs::create_dir_all(dir.join("src")).expect("scratch crate");
    let manifest = format!(
        "[package]\nname = \"alone\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nshare-macros = {{ path = {:?} }}\n\n[workspace]\n",
        root().join("share-macros").display().to_string()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("manifest");
    // The workspace's lock, so the scratch crate builds the versions the workspace tested.
    std::fs::copy(root().join("Cargo.lock"), dir.join("Cargo.lock")).expect("lock");
    std::fs::write(dir.join("src/main.rs"), main).expect("main.rs");
    std::fs::write(
        dir.join("payload.json"),
        r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "from a file"}}"#,
    )
    .expect("payload.json");
    let out = Command::new(env!("CARGO"))
        .args(args)
        .args(["--quiet", "--offline"])
        // Shared with share-lint's packaging tests (install, wheel, hook): the dependencies
        // are built once a run.
        .env("CARGO_TARGET_DIR", root().join("target/packaging"))
        .current_dir(&dir)
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.success(), stdout + &stderr)
}

#[test]
fn share_macros_works_as_the_only_dependency() {
    let good = r#"
use share_macros::{include_payload, payload, ShareMessage, Validate};
fn main() {
    let typed: ShareMessage = payload!({
        "type": "text",
        "channelType": ["wx"],
        "channelObject": { "text": "alone" },
    });
    let file: ShareMessage = include_payload!("payload.json");
    assert!(typed.validate().is_ok() && file.validate().is_ok());
    assert!(matches!(typed, ShareMessage::External(_)));
    println!("built {file:?}");
}
"#;
    let (ok, out) = alone(good, &["run"]);
    assert!(ok, "{out}");
    assert!(out.contains("built"), "{out}");

    // A refused payload: the rule's error alone, not a path the program cannot name.
    let bad = r#"
fn main() {
    let _ = share_macros::payload!({
        "type": "miniProgram",
        "channelType": ["wx", "wx_moments"],
        "channelObject": { "webpageUrl": "https://example.com", "userName": "gh_0123456789ab" }
    });
}
"#;
    let (ok, out) = alone(bad, &["check"]);
    assert!(!ok, "{out}");
    assert!(out.contains("SM301"), "{out}");
    assert!(
        !out.contains("E0433") && !out.contains("unresolved"),
        "{out}"
    );
}
