//! `--show-files` (the files a run lints, and nothing else) and `--show-settings` (which
//! configuration applies to a file, why, and what it sets), on a scratch project.

mod common;

use common::{lint_in, stderr, stdout, text};
use std::path::Path;

const GOOD: &str = r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}}"#;
const BAD: &str = r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": ""}}"#;

/// A project: payloads in `web/` (one under `web/legacy/`, one excluded fixture), a
/// `package.json`, a JSON file that is no payload, and a `share-lint.toml` in `web/`.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("package.json", r#"{"name": "app", "type": "module"}"#);
    write("settings.json", r#"{"editor": {"tabSize": 2}}"#);
    write("web/share/promo.json", GOOD);
    write("web/share/broken.json", BAD);
    write("web/legacy/old.json", BAD);
    write("web/fixtures/sample.json", BAD);
    write(
        "web/share-lint.toml",
        "[rules]\ninsecure-url = \"error\"\nSM603 = \"off\"\n\n[files]\nexclude = [\"fixtures/**\"]\n\n\
         [policy]\nallowed-hosts = [\"example.com\"]\n\n\
         [[overrides]]\nfiles = [\"legacy/**\"]\nrules = { empty-text = \"warning\" }\n",
    );
    dir
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn show_files_lists_what_the_run_lints() {
    let dir = project();
    let out = lint_in(dir.path(), &["--show-files", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        lines(&stdout(&out)),
        [
            "web/legacy/old.json",
            "web/share/broken.json",
            "web/share/promo.json"
        ]
    );
    // The same files the run reports on, and nothing else is written.
    let run = lint_in(dir.path(), &["--color", "never", "."]);
    assert!(stdout(&run).contains("Checked 3 files"), "{}", text(&run));
    assert!(stderr(&out).is_empty(), "{}", text(&out));

    // Files named: as the run takes them (a file named is linted whatever it is, unless
    // --only-payloads or --force-exclude says otherwise).
    let named = [
        "package.json",
        "web/fixtures/sample.json",
        "web/share/promo.json",
    ];
    let mut args = vec!["--show-files"];
    args.extend(named);
    assert_eq!(lines(&stdout(&lint_in(dir.path(), &args))), named);
    args.extend(["--only-payloads", "--force-exclude"]);
    assert_eq!(
        lines(&stdout(&lint_in(dir.path(), &args))),
        ["web/share/promo.json"]
    );

    // In every format: the list, not a document.
    let sarif = lint_in(
        dir.path(),
        &["--show-files", "--output-format", "sarif", "web/share"],
    );
    assert_eq!(
        lines(&stdout(&sarif)),
        ["web/share/broken.json", "web/share/promo.json"]
    );
    let missing = lint_in(dir.path(), &["--show-files", "nowhere.json"]);
    assert_eq!(missing.status.code(), Some(2), "{}", text(&missing));
}

#[test]
fn show_settings_names_the_configuration_and_why() {
    let dir = project();
    let out = lint_in(
        dir.path(),
        &[
            "--show-settings",
            "web/legacy/old.json",
            "web/fixtures/sample.json",
            "settings.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let shown = stdout(&out);
    let blocks: Vec<&str> = shown.split("\n\n").collect();
    assert_eq!(blocks.len(), 3, "{shown}");

    let legacy = blocks[0];
    assert!(legacy.starts_with("web/legacy/old.json\n"), "{legacy}");
    assert!(
        legacy.contains(
            "configuration: web/share-lint.toml (the nearest share-lint.toml at or above web/legacy)"
        ),
        "{legacy}"
    );
    assert!(
        legacy.contains("a directory walk lints it if it looks like a payload: `**/*.json`"),
        "{legacy}"
    );
    assert!(
        legacy.contains(
            "SM403 empty-text: warning, by [[overrides]] #1 (\"legacy/**\") (default error)"
        ),
        "{legacy}"
    );
    assert!(
        legacy.contains("SM502 insecure-url: error, by [rules] (default warning)"),
        "{legacy}"
    );
    assert!(legacy.contains(": off, by [rules]"), "{legacy}");
    assert!(legacy.contains("allowed-hosts = example.com"), "{legacy}");

    let fixture = blocks[1];
    assert!(
        fixture.contains("a directory walk skips it: exclude glob `fixtures/**`"),
        "{fixture}"
    );
    assert!(
        !fixture.contains("empty-text"),
        "the override is legacy/'s: {fixture}"
    );

    let outside = blocks[2];
    assert!(
        outside.contains("configuration: none (share-lint.toml is in neither . nor a directory above it): the defaults"),
        "{outside}"
    );
    assert!(
        outside.contains("none: every rule at its default severity"),
        "{outside}"
    );
    assert!(outside.contains("allowed-hosts = any"), "{outside}");

    // --config wins over the nearest file, and says so.
    let config = dir.path().join("ci.toml");
    std::fs::write(&config, "[policy]\nprivate-deployment = true\n").unwrap();
    let out = lint_in(
        dir.path(),
        &[
            "--show-settings",
            "--config",
            "ci.toml",
            "web/share/promo.json",
        ],
    );
    assert!(
        stdout(&out).contains("configuration: ci.toml (named by --config)"),
        "{}",
        text(&out)
    );
    assert!(
        stdout(&out).contains("private-deployment = true"),
        "{}",
        text(&out)
    );

    let none = lint_in(Path::new("."), &["--show-settings"]);
    assert_eq!(none.status.code(), Some(2), "{}", text(&none));
}

/// The verdicts are the run's: an override or an include glob naming a directory matches no file
/// in it (only exclude globs apply to the directories above a file), and without a configuration
/// the default excludes see the path's directories (`node_modules/**`).
#[test]
fn show_settings_matches_as_the_run_does() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("project/legacy/a.json", BAD);
    write(
        "project/share-lint.toml",
        "[files]\ninclude = [\"legacy\"]\n\n[[overrides]]\nfiles = [\"legacy\"]\nrules = { empty-text = \"off\" }\n",
    );
    write("loose/node_modules/x/a.json", BAD);

    let out = lint_in(dir.path(), &["--show-settings", "project/legacy/a.json"]);
    let shown = stdout(&out);
    assert!(
        shown.contains("a directory walk skips it: no include glob matches"),
        "{shown}"
    );
    assert!(
        shown.contains("none: every rule at its default severity"),
        "{shown}"
    );
    let run = lint_in(dir.path(), &["--color", "never", "project/legacy/a.json"]);
    assert!(
        stdout(&run).contains("[SM403]"),
        "the override does not apply: {}",
        text(&run)
    );
    let walk = lint_in(dir.path(), &["--show-files", "project"]);
    assert!(stdout(&walk).is_empty(), "{}", text(&walk));

    let out = lint_in(
        &dir.path().join("loose"),
        &["--show-settings", "node_modules/x/a.json"],
    );
    assert!(
        stdout(&out).contains("a directory walk skips it: exclude glob `node_modules/**`"),
        "{}",
        text(&out)
    );
    let walk = lint_in(&dir.path().join("loose"), &["--show-files", "."]);
    assert!(stdout(&walk).is_empty(), "{}", text(&walk));
}
