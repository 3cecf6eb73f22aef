//! Thumbnails end to end (`tests/fixtures/thumbnails/`, real PNGs): the full output for an image
//! cut short, damaged, reduced to its signature, and for each other dialect of base64 (MIME line
//! breaks, a trailing newline, the URL-safe alphabet, no padding); and `--fix` turning each
//! dialect into the one line of padded standard base64 that a whole, valid image has.

mod common;

use common::{lint_in as lint, text};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    common::fixtures("thumbnails")
}

const CASES: [&str; 8] = [
    "valid",
    "cut-short",
    "damaged",
    "header-only",
    "mime-lines",
    "trailing-newline",
    "url-safe",
    "unpadded",
];

#[test]
fn each_thumbnail_case_has_its_full_output() {
    let mut snapshots = insta::Settings::clone_current();
    snapshots.set_snapshot_path("snapshots/thumbnails");
    snapshots.set_prepend_module_to_snapshot(false);
    for case in CASES {
        let file = format!("{case}.jsonc");
        let out = lint(&fixtures(), &["--color", "never", &file]);
        let expected = if case == "valid" { 0 } else { 1 };
        assert_eq!(out.status.code(), Some(expected), "{}", text(&out));
        snapshots.bind(|| insta::assert_snapshot!(case, text(&out)));
    }
}

/// The `thumbImage` string of a payload file.
fn thumb(path: &std::path::Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let start = text.find("\"thumbImage\": \"").unwrap() + "\"thumbImage\": \"".len();
    text[start..start + text[start..].find('"').unwrap()].to_owned()
}

#[test]
fn fix_writes_every_dialect_as_the_sdks_base64() {
    let valid = thumb(&fixtures().join("valid.jsonc"));
    for case in ["mime-lines", "trailing-newline", "url-safe", "unpadded"] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("{case}.jsonc"));
        std::fs::copy(fixtures().join(format!("{case}.jsonc")), &file).unwrap();
        let fixed = lint(dir.path(), &["--fix", &format!("{case}.jsonc")]);
        assert_eq!(fixed.status.code(), Some(0), "{case}: {}", text(&fixed));
        assert_eq!(thumb(&file), valid, "{case}");
        // The comment above the payload is kept.
        let written = std::fs::read_to_string(&file).unwrap();
        assert!(written.starts_with("// "), "{case}: {written}");
    }
    // A broken image has no fix: the file is left as it was.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cut-short.jsonc");
    std::fs::copy(fixtures().join("cut-short.jsonc"), &file).unwrap();
    let before = std::fs::read(&file).unwrap();
    let run = lint(dir.path(), &["--fix", "cut-short.jsonc"]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}
