//! End-to-end tests of the `share-lint` binary: every rule's fixture with a snapshot of the full
//! output, the shipped examples, exit statuses, standard input, configuration errors, and
//! `--fix` / `--diff` round-trips.

mod common;

use common::{stderr, stdout};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_share-lint"));
    c.env_remove("NO_COLOR");
    c
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    manifest_dir().join("tests/fixtures/rules")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("share-lint runs")
}

fn text(out: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The fixture of each rule: `<name>.json`, `<name>.jsonc`, `<name>.js` (a rule about scripts),
/// or a folder `<name>/` (with its own share-lint.toml).
fn fixture_of(name: &str) -> Option<String> {
    ["json", "jsonc", "js"]
        .iter()
        .map(|ext| format!("{name}.{ext}"))
        .chain(std::iter::once(name.to_owned()))
        .find(|f| fixtures().join(f).exists())
}

#[test]
fn every_rule_has_a_fixture_that_triggers_it() {
    let mut snapshots = insta::Settings::clone_current();
    snapshots.set_snapshot_path("snapshots/rules");
    snapshots.set_prepend_module_to_snapshot(false);
    let mut missing = Vec::new();
    for rule in share_lint::rules::all() {
        let Some(fixture) = fixture_of(rule.name) else {
            missing.push(rule.name);
            continue;
        };
        let out = run_in(&fixtures(), &["--color", "never", &fixture]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(&format!("[{}]", rule.code)),
            "fixture {fixture} does not trigger {} {}:\n{}",
            rule.code,
            rule.name,
            text(&out)
        );
        snapshots.bind(|| insta::assert_snapshot!(rule.name, text(&out)));
    }
    assert!(missing.is_empty(), "rules without a fixture: {missing:?}");
}

#[test]
fn output_formats_on_one_fixture_set() {
    let mut snapshots = insta::Settings::clone_current();
    snapshots.set_snapshot_path("snapshots/formats");
    snapshots.set_prepend_module_to_snapshot(false);
    let files = [
        "mini-program-to-moments.jsonc",
        "invalid-thumbnail.jsonc",
        "duplicate-key.jsonc",
    ];
    // In a scratch repository (SARIF names the root it finds, `.git`'s directory), run from
    // its `payloads/` folder; the root's address is shown as [ROOT].
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(repo.path().join(".git")).unwrap();
    let payloads = repo.path().join("payloads");
    std::fs::create_dir_all(&payloads).unwrap();
    for file in files {
        std::fs::copy(fixtures().join(file), payloads.join(file)).unwrap();
    }
    let root = format!("file://{}/", repo.path().canonicalize().unwrap().display());
    // Every format the library has: a new one fails here until its snapshot is written.
    for format in share_lint::render::OutputFormat::ALL
        .iter()
        .map(|f| f.name())
    {
        let mut args = vec!["--color", "never", "--output-format", format];
        args.extend(files);
        let out = run_in(&payloads.canonicalize().unwrap(), &args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let shown = text(&out).replace(&root, "file:///[ROOT]/");
        snapshots.bind(|| insta::assert_snapshot!(format, shown));
    }
}

/// Emoji are two columns wide on a terminal, like CJK text: the carets under a finding that
/// follows them on its line must still sit under the value (`tests/fixtures/display-width`).
#[test]
fn carets_line_up_after_emoji() {
    let mut snapshots = insta::Settings::clone_current();
    snapshots.set_snapshot_path("snapshots/display-width");
    snapshots.set_prepend_module_to_snapshot(false);
    let dir = manifest_dir().join("tests/fixtures/display-width");
    let out = run_in(
        &dir,
        &["--color", "never", "--output-format", "full", "emoji.json"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let source = lines
        .iter()
        .position(|l| l.starts_with(" 1 | "))
        .unwrap_or_else(|| panic!("no source line:\n{}", text(&out)));
    let (shown, carets) = (lines[source], lines[source + 1]);
    // 🚀, ✅ and the Chinese characters take two columns; everything else before the URL one.
    let before = &shown[..shown.find("\"http:").unwrap()];
    let wide = before
        .chars()
        .filter(|c| matches!(c, '🚀' | '✅') || ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    assert_eq!(
        carets.find('^'),
        Some(before.chars().count() + wide),
        "{}",
        text(&out)
    );
    snapshots.bind(|| insta::assert_snapshot!("emoji", text(&out)));
}

#[test]
fn shipped_examples() {
    let root = manifest_dir().join("..");
    let good = run_in(&root, &["--color", "never", "examples/good"]);
    assert_eq!(good.status.code(), Some(0), "{}", text(&good));
    let bad = run_in(
        &root,
        &[
            "--color",
            "never",
            "--output-format",
            "concise",
            "examples/bad",
        ],
    );
    assert_eq!(bad.status.code(), Some(1), "{}", text(&bad));
    let stdout = String::from_utf8_lossy(&bad.stdout);
    for file in std::fs::read_dir(root.join("examples/bad")).unwrap() {
        let name = file.unwrap().file_name().into_string().unwrap();
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with(&format!("examples/bad/{name}:")) && l.contains("error[")),
            "examples/bad/{name} has no error:\n{stdout}"
        );
    }
    // The seed's sample code with a channelType: the two-variant explanation.
    assert!(
        stdout.contains("`content` belongs to the in-app share"),
        "{stdout}"
    );
}

#[test]
fn exit_statuses() {
    let dir = fixtures();
    // Warnings only: 0, unless --fail-on warning.
    let warn = run_in(&dir, &["duplicate-channel.jsonc"]);
    assert_eq!(warn.status.code(), Some(0), "{}", text(&warn));
    let warn = run_in(&dir, &["--fail-on", "warning", "duplicate-channel.jsonc"]);
    assert_eq!(warn.status.code(), Some(1), "{}", text(&warn));
    // Errors: 1, unless --exit-zero.
    assert_eq!(
        run_in(&dir, &["mini-program-to-moments.jsonc"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run_in(&dir, &["--exit-zero", "mini-program-to-moments.jsonc"])
            .status
            .code(),
        Some(0)
    );
    // A path that does not exist, a bad flag: 2.
    let missing = run_in(&dir, &["no-such-file.json"]);
    assert_eq!(missing.status.code(), Some(2), "{}", text(&missing));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-file.json"));
    assert_eq!(
        run_in(&dir, &["--output-format", "xml", "x.json"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn reads_standard_input() {
    let out = common::lint_in_with_input(
        Path::new("."),
        &["--output-format", "concise", "--stdin-filename", "promo.jsonc", "-"],
        br#"// jsonc: comments allowed
{"type": "miniProgram", "channelType": ["wx_moments"], "channelObject": {"webpageUrl": "https://e.com", "userName": "gh_0123456789ab"}}"#,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("promo.jsonc:2:"), "{stdout}");
    assert!(stdout.contains("SM301"), "{stdout}");
}

#[test]
fn bad_configuration_is_a_run_failure() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("share-lint.toml"),
        "[rulez]\nSM603 = \"off\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.json"),
        r#"{"type":"text","channelType":["wx"],"channelObject":{"text":"x"}}"#,
    )
    .unwrap();
    let out = run_in(dir.path(), &["a.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("share-lint.toml:1:"), "{stderr}");
    assert!(stderr.contains("rulez"), "{stderr}");
}

/// A tree of `dirs` directories of `per_dir` payloads, each with one finding (`SM101`: the
/// channels as a string, not a list).
fn payload_tree(dirs: usize, per_dir: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let payload = r#"{"type": "text", "channelType": "wx", "channelObject": {"text": "t"}}"#;
    for d in 0..dirs {
        let sub = dir.path().join(format!("d{d}"));
        std::fs::create_dir_all(&sub).unwrap();
        for f in 0..per_dir {
            std::fs::write(sub.join(format!("p{f}.json")), payload).unwrap();
        }
    }
    dir
}

/// A configuration found late in a walk of many files that cannot be used stops the run before
/// anything is written, in every output format, with `--diff` and with `--show-files`.
#[test]
fn a_bad_configuration_late_in_the_walk_stops_the_run_with_nothing_written() {
    let dir = payload_tree(8, 100);
    let late = dir.path().join("zz");
    std::fs::create_dir_all(&late).unwrap();
    std::fs::write(late.join("share-lint.toml"), "[rulez]\n").unwrap();
    std::fs::write(late.join("a.json"), "{}").unwrap();
    let formats = share_lint::render::OutputFormat::ALL
        .iter()
        .map(|format| vec!["--output-format", format.name(), "."]);
    let modes = [vec!["--diff", "."], vec!["--show-files", "."]];
    for args in formats.chain(modes) {
        let out = run_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out));
        assert!(
            stderr(&out).contains("share-lint.toml:1:"),
            "{args:?}: {}",
            text(&out)
        );
    }
}

/// A walk of many folders reports its files in path order, the same to standard output as to
/// `--output-file`.
#[test]
fn a_walk_of_many_folders_reports_in_path_order() {
    let dir = payload_tree(12, 70);
    // One finding a file, in `Path::cmp`'s order of the files.
    let concise = stdout(&run_in(dir.path(), &["--output-format", "concise", "."]));
    let reported: Vec<&str> = concise
        .lines()
        .map(|line| line.split(':').next().unwrap())
        .collect();
    let mut sorted = reported.clone();
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(reported.len(), 12 * 70, "{concise}");
    assert!(
        concise.lines().all(|line| line.contains("SM101")),
        "{concise}"
    );
    assert_eq!(reported, sorted);
    for format in ["concise", "json", "full"] {
        let walked = run_in(dir.path(), &["--output-format", format, "."]);
        assert_eq!(walked.status.code(), Some(1), "{}", text(&walked));
        let report = dir.path().join("report.txt");
        let collected = run_in(
            dir.path(),
            &[
                "--output-format",
                format,
                "--output-file",
                "report.txt",
                ".",
            ],
        );
        assert_eq!(collected.status.code(), Some(1), "{}", text(&collected));
        assert_eq!(
            stdout(&walked),
            std::fs::read_to_string(&report).unwrap(),
            "{format}"
        );
        std::fs::remove_file(&report).unwrap();
    }
    let files: Vec<String> = stdout(&run_in(dir.path(), &["--show-files", "."]))
        .lines()
        .map(str::to_owned)
        .collect();
    let mut sorted = files.clone();
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(files.len(), 12 * 70);
    assert_eq!(files, sorted);
}

#[test]
fn fix_round_trips_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("promo.jsonc");
    let original = r#"// Our promo card; comments and layout survive --fix.
{
  "type": "webPage",
  "channelType": "wx",   // should be a list
  "channelObject": {
    "title": "季度报告",
    "webpageUrl": "https://example.com/report",
    "thumbImage": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  },
}
"#;
    std::fs::write(&file, original).unwrap();

    // --diff shows the fixes and writes nothing.
    let diff = run_in(dir.path(), &["--diff", "promo.jsonc"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
    let diff_text = String::from_utf8_lossy(&diff.stdout);
    assert!(
        diff_text.contains("-  \"channelType\": \"wx\""),
        "{}",
        text(&diff)
    );
    assert!(
        diff_text.contains("+  \"channelType\": [\"wx\"]"),
        "{}",
        text(&diff)
    );

    // --fix writes them; what is left is clean.
    let fixed = run_in(dir.path(), &["--fix", "promo.jsonc"]);
    assert_eq!(fixed.status.code(), Some(0), "{}", text(&fixed));
    let after = std::fs::read_to_string(&file).unwrap();
    assert!(
        after.contains(r#""channelType": ["wx"],   // should be a list"#),
        "{after}"
    );
    assert!(after.contains(r#""thumbImage": "iVBORw0KGgo"#), "{after}");
    assert!(after.starts_with("// Our promo card"), "{after}");

    // Idempotent: a second --fix changes nothing.
    let again = run_in(dir.path(), &["--fix", "promo.jsonc"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), after);
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mp.json");
    let original = r#"{"type": "miniProgram", "channelType": ["wx", "wx_moments", "wx"], "channelObject": {"webpageUrl": "https://e.com", "userName": "gh_0123456789ab"}}"#;
    std::fs::write(&file, original).unwrap();
    // --fix: only the safe one (the repeated "wx").
    let out = run_in(dir.path(), &["--fix", "mp.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains(r#"["wx", "wx_moments"]"#));
    // --unsafe-fixes: also drops wx_moments.
    let out = run_in(dir.path(), &["--unsafe-fixes", "mp.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains(r#""channelType": ["wx"]"#));
}

#[test]
fn directory_walk_skips_unrelated_json_and_gitignored_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("payloads")).unwrap();
    std::fs::write(
        p.join("package.json"),
        r#"{"name": "app", "version": "1.0.0"}"#,
    )
    .unwrap();
    std::fs::write(
        p.join("payloads/bad.json"),
        r#"{"type": "text", "channelType": [], "channelObject": {"text": "x"}}"#,
    )
    .unwrap();
    std::fs::write(p.join("payloads/ignored.json"), r#"{"type": "text"}"#).unwrap();
    std::fs::write(p.join(".gitignore"), "payloads/ignored.json\n").unwrap();
    std::fs::create_dir(p.join(".git")).unwrap();
    let out = run_in(p, &["--output-format", "concise", "."]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("payloads/bad.json:1:"), "{}", text(&out));
    assert!(!stdout.contains("package.json"), "{stdout}");
    assert!(!stdout.contains("ignored.json"), "{stdout}");
    // Named explicitly, any file is linted.
    let out = run_in(p, &["--output-format", "concise", "package.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

/// Include globs are relative to the configuration's directory, wherever the walk starts: a
/// walk of `.` from a subdirectory, with the configuration found above or named by `--config`.
#[test]
fn directory_walk_from_a_subdirectory_uses_the_configurations_globs() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("sub/skip")).unwrap();
    std::fs::write(
        p.join("share-lint.toml"),
        "[files]\ninclude = [\"sub/**/*.json\"]\nexclude = [\"sub/skip\"]\n",
    )
    .unwrap();
    let empty_text = r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": ""}}"#;
    std::fs::write(p.join("sub/a.json"), empty_text).unwrap();
    std::fs::write(p.join("sub/skip/b.json"), empty_text).unwrap();
    for args in [
        &["--output-format", "concise", "."][..],
        &[
            "--output-format",
            "concise",
            "--config",
            "../share-lint.toml",
            ".",
        ],
    ] {
        let out = run_in(&p.join("sub"), args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(stdout.contains("a.json:1:"), "{args:?}: {}", text(&out));
        assert!(!stdout.contains("b.json"), "{args:?}: {}", text(&out));
    }
}

#[test]
fn explain_rules_and_schema() {
    let out = bin().args(["explain", "SM301"]).output().unwrap();
    let doc = String::from_utf8_lossy(&out.stdout);
    assert!(
        doc.contains("## What it does") && doc.contains("## Fix safety"),
        "{doc}"
    );
    let by_name = bin()
        .args(["explain", "mini-program-to-moments"])
        .output()
        .unwrap();
    assert_eq!(by_name.stdout, out.stdout);
    let unknown = bin()
        .args(["explain", "mini-program-to-moment"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("did you mean `mini-program-to-moments`")
    );

    let rules = bin().args(["rules"]).output().unwrap();
    let listing = String::from_utf8_lossy(&rules.stdout);
    for rule in share_lint::rules::all() {
        assert!(
            listing.contains(rule.code) && listing.contains(rule.name),
            "{} missing from `rules`",
            rule.code
        );
    }

    let schema = bin().args(["schema"]).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert_eq!(value, share_schema::json_schema());
}

#[test]
fn completions_and_the_manual_page_come_from_the_same_flags() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run_in(dir.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", text(&out));
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(script.contains("output-format"), "{shell}: {script}");
    }
    // The bash script is valid bash (`bash -n` parses without running it).
    let out = run_in(dir.path(), &["completions", "bash"]);
    let path = dir.path().join("share-lint.bash");
    std::fs::write(&path, &out.stdout).unwrap();
    let check = Command::new("bash").arg("-n").arg(&path).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let out = run_in(dir.path(), &["man"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH share-lint"),
        "{page}"
    );
    assert!(page.contains("stdin\\-filename"), "{page}");
    let out = run_in(dir.path(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
}

#[test]
fn quiet_prints_the_findings_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("a.json"),
        r#"{"type": "miniProgram", "channelType": ["wx_moments"], "channelObject": {"webpageUrl": "https://e.com", "userName": "gh_0123456789ab"}}"#,
    )
    .unwrap();
    let loud = run_in(p, &["--output-format", "full", "a.json"]);
    let quiet = run_in(p, &["--output-format", "full", "-q", "a.json"]);
    assert_eq!(quiet.status.code(), Some(1), "{}", text(&quiet));
    let (loud, quiet) = (
        String::from_utf8_lossy(&loud.stdout),
        String::from_utf8_lossy(&quiet.stdout),
    );
    assert!(quiet.contains("SM301"), "{quiet}");
    // The same findings, without the summary the loud run ends with.
    assert!(loud.starts_with(quiet.as_ref()), "{loud}\n---\n{quiet}");
    assert!(loud.len() > quiet.len(), "{loud}\n---\n{quiet}");
    // The statistics, when asked for, still come.
    let stats = run_in(
        p,
        &["--output-format", "full", "-q", "--statistics", "a.json"],
    );
    let stats = String::from_utf8_lossy(&stats.stdout);
    assert!(
        stats.starts_with(quiet.as_ref()) && stats.len() > quiet.len(),
        "{stats}"
    );
    let clean = tempfile::tempdir().unwrap();
    let out = run_in(clean.path(), &["-q", "."]);
    assert_eq!(
        (out.status.code(), out.stdout.len()),
        (Some(0), 0),
        "{}",
        text(&out)
    );
}

#[test]
fn a_concise_run_still_has_its_fixes_for_the_statistics_a_diff_and_fix() {
    // `concise` shows no fix, so a plain run computes none; everything that reads them must
    // still get them.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    let payload = format!(
        r#"{{"type": "webPage", "channelType": ["wx"], "channelObject": {{"title": "t", "webpageUrl": "https://e.com", "thumbImage": "data:image/png;base64,{png}"}}}}"#
    );
    std::fs::write(p.join("a.json"), &payload).unwrap();
    let concise = ["--output-format", "concise"];
    let stats = run_in(p, &[&concise[..], &["--statistics", "a.json"]].concat());
    let stats = String::from_utf8_lossy(&stats.stdout);
    assert!(stats.contains("invalid-thumbnail  [*]"), "{stats}");
    let diff = run_in(p, &[&concise[..], &["--diff", "a.json"]].concat());
    let diff = String::from_utf8_lossy(&diff.stdout);
    assert!(
        diff.contains(&format!(
            "+{}",
            payload.replace("data:image/png;base64,", "")
        )),
        "{diff}"
    );
    let fixed = run_in(p, &[&concise[..], &["--fix", "a.json"]].concat());
    assert_eq!(fixed.status.code(), Some(0), "{}", text(&fixed));
    let after = std::fs::read_to_string(p.join("a.json")).unwrap();
    assert_eq!(after, payload.replace("data:image/png;base64,", ""));
}

#[test]
fn force_exclude_applies_the_exclude_globs_to_named_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("fixtures")).unwrap();
    let bad = r#"{"type": "miniProgram", "channelType": ["wx_moments"], "channelObject": {}}"#;
    std::fs::write(p.join("fixtures/bad.json"), bad).unwrap();
    std::fs::write(p.join("bad.json"), bad).unwrap();
    std::fs::write(
        p.join("share-lint.toml"),
        "[files]\nexclude = [\"fixtures/**\"]\n",
    )
    .unwrap();
    // Named, the excluded file is linted, unless --force-exclude.
    let out = run_in(p, &["--output-format", "concise", "fixtures/bad.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let args = [
        "--output-format",
        "concise",
        "--force-exclude",
        "fixtures/bad.json",
        "bad.json",
    ];
    let out = run_in(p, &args);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("bad.json:") && !stdout.contains("fixtures/"),
        "{stdout}"
    );
    // Without a configuration, the default excludes apply (`package.json`).
    let bare = tempfile::tempdir().unwrap();
    std::fs::write(bare.path().join("package.json"), bad).unwrap();
    let out = run_in(bare.path(), &["--force-exclude", "package.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// The sniff (`--only-payloads`, and every walk) takes every rule's fixture for a payload, but for
/// those that have nothing of one: an empty array, and another SDK's parameters without a `type`
/// (WeCom's `msgtype`, the OpenSDK's, the JS-SDK's `link`/`imgUrl`), which only a file named
/// without `--only-payloads` reports.
#[test]
fn the_sniff_takes_every_fixture_for_a_payload() {
    let not_payloads = [
        "empty-payload-array.jsonc",
        "foreign-payload.jsonc",
        "open-sdk.jsonc",
        "wechat-js-sdk.jsonc",
        "wecom-mini-program.jsonc",
        "wecom.jsonc",
    ];
    let mut checked = 0;
    for sub in ["rules", "foreign"] {
        let dir = manifest_dir().join("tests/fixtures").join(sub);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let file = path.to_string_lossy().into_owned();
            let named = run_in(&dir, &["--output-format", "concise", &file]);
            let sniffed = run_in(
                &dir,
                &["--output-format", "concise", "--only-payloads", &file],
            );
            if not_payloads.contains(&name.as_str()) {
                assert!(sniffed.stdout.is_empty(), "{name}: {}", text(&sniffed));
            } else {
                assert_eq!(named.stdout, sniffed.stdout, "{name}: {}", text(&sniffed));
                checked += 1;
            }
        }
    }
    assert!(checked > 40, "{checked}");
}

/// The README's editor set-up: a payload that names the schema with `"$schema"` is linted as a
/// payload, clean, and `share-lint schema` writes the committed schema file.
#[test]
fn a_payload_may_name_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("promo.share.json"),
        r#"{"$schema": "./share-message.schema.json", "type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}}"#,
    )
    .unwrap();
    let out = run_in(dir.path(), &["--color", "never", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Checked 1 file"),
        "{}",
        text(&out)
    );
    let schema = bin().arg("schema").output().unwrap();
    let committed =
        std::fs::read(manifest_dir().join("../share-schema/share-message.schema.json")).unwrap();
    assert_eq!(schema.stdout, committed);
}
