//! The pre-commit hook, run by the real `pre-commit` tool (`pre-commit try-repo` against a
//! temporary git repository holding a good payload, a bad one and an unrelated JSON file),
//! installed as pre-commit installs it: `language: python`, a wheel built by maturin.
//! `scripts/test` installs pre-commit; without it this test fails and says so.

mod common;

use common::text as show;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn try_repo(dir: &Path, home: &Path, files: &[&str]) -> Output {
    let mut args = vec![
        "try-repo".to_owned(),
        workspace().display().to_string(),
        "share-lint".into(),
        "--files".into(),
    ];
    args.extend(files.iter().map(|f| (*f).to_owned()));
    Command::new("pre-commit")
        .current_dir(dir)
        .args(&args)
        .env("PRE_COMMIT_HOME", home)
        // pre-commit pip-installs the hook's repository: maturin builds share-lint into a wheel.
        // target/packaging, shared with the wheel and install tests (the same dev profile, so the
        // dependencies are built once) and kept between runs, not the test run's: the hook builds the
        // clone pre-commit makes, whose crates get the same file names as the workspace's own
        // (cargo names path crates by their place in the workspace) — built into the test run's
        // target directory, they would replace the libraries the doc tests link against.
        .env("CARGO_TARGET_DIR", workspace().join("target/packaging"))
        // The dev profile builds faster; maturin's build backend takes its arguments here.
        .env("MATURIN_PEP517_ARGS", "--profile dev")
        // pip fetches the build backend (maturin) from the wheel scripts/test downloaded: no
        // network while testing.
        .env("PIP_NO_INDEX", "1")
        .env("PIP_FIND_LINKS", workspace().join("target/tools/wheels"))
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("pre-commit is installed: run the tests with scripts/test, which installs it")
}

#[test]
fn hook_passes_good_payloads_and_fails_bad_ones() {
    let repo = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let dir = repo.path();
    git(dir, &["init", "-q"]);
    git(dir, &["config", "user.email", "test@example.invalid"]);
    git(dir, &["config", "user.name", "test"]);
    std::fs::write(
        dir.join("good.json"),
        r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "你好"}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("bad.json"),
        r#"{"type": "miniProgram", "channelType": ["wx_moments"], "channelObject": {"webpageUrl": "https://e.com", "userName": "gh_0123456789ab"}}"#,
    )
    .unwrap();
    // The repository's other JSON, each with a `type` or a `content` of another meaning: the
    // hook must never block them.
    let others: [(&str, &str); 8] = [
        (
            "package.json",
            r#"{"name": "app", "type": "module", "version": "1.0.0"}"#,
        ),
        (
            "schema.json",
            r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {"content": {"type": "string"}}}"#,
        ),
        (
            "key.json",
            r#"{"type": "service_account", "project_id": "p", "private_key_id": "k"}"#,
        ),
        (
            "tsconfig.json",
            r#"{"compilerOptions": {"target": "es2020"}}"#,
        ),
        (
            ".eslintrc.json",
            r#"{"root": true, "parserOptions": {"sourceType": "module"}}"#,
        ),
        ("composer.json", r#"{"name": "a/b", "type": "library"}"#),
        (".vscode/settings.json", r#"{"editor.tabSize": 2}"#),
        (
            "package-lock.json",
            r#"{"name": "app", "lockfileVersion": 3, "packages": {"": {"name": "app"}}}"#,
        ),
    ];
    std::fs::create_dir_all(dir.join(".vscode")).unwrap();
    for (name, text) in others {
        std::fs::write(dir.join(name), text).unwrap();
    }
    // A bad payload the configuration excludes (a test fixture): named by the hook, left out
    // (`--force-exclude`).
    std::fs::create_dir_all(dir.join("fixtures")).unwrap();
    std::fs::write(
        dir.join("fixtures/broken.json"),
        r#"{"type": "miniProgram", "channelType": ["wx_moments"], "channelObject": {}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("share-lint.toml"),
        "[files]\nexclude = [\"fixtures/**\"]\n",
    )
    .unwrap();
    // Scripts: one without a call, one with a good call, and (committed later) a bad call.
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(dir.join("src/util.js"), "export const type = 'module';\n").unwrap();
    std::fs::write(
        dir.join("src/Good.vue"),
        "<script setup lang=\"ts\">\nwindow.ksoxz_sdk.shareMessage({ params: { type: 'text', \
         content: { text: '你好' } } });\n</script>\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("src/bad.ts"),
        "ksoxz_sdk.shareMessage({ params: { type: 'miniProgram', channelType: ['wx_moments'], \
         channelObject: { title, webpageUrl: url, userName: 'gh_0123456789ab', path: p } } });\n",
    )
    .unwrap();
    git(dir, &["add", "."]);

    let mut files = vec![
        "good.json",
        "fixtures/broken.json",
        "src/util.js",
        "src/Good.vue",
    ];
    files.extend(others.iter().map(|(name, _)| *name));
    let good = try_repo(dir, home.path(), &files);
    assert!(good.status.success(), "{}", show(&good));
    // The first run builds the hook, and pre-commit says so before it starts.
    assert!(
        String::from_utf8_lossy(&good.stderr).contains("This may take a few minutes")
            || String::from_utf8_lossy(&good.stdout).contains("This may take a few minutes"),
        "{}",
        show(&good)
    );
    assert!(
        String::from_utf8_lossy(&good.stdout).contains("Passed"),
        "{}",
        show(&good)
    );

    files.push("bad.json");
    files.push("src/bad.ts");
    let bad = try_repo(dir, home.path(), &files);
    assert_eq!(bad.status.code(), Some(1), "{}", show(&bad));
    let stdout = String::from_utf8_lossy(&bad.stdout);
    assert!(stdout.contains("Failed"), "{}", show(&bad));
    assert!(
        stdout.contains("error[SM301] mini-program-to-moments"),
        "{}",
        show(&bad)
    );
    assert!(stdout.contains("bad.json:1:"), "{}", show(&bad));
    assert!(stdout.contains("src/bad.ts:1:"), "{}", show(&bad));
    assert!(!stdout.contains("Good.vue"), "{}", show(&bad));
    assert!(!stdout.contains("util.js"), "{}", show(&bad));
    // Only the bad payload: nothing else in the report.
    for (name, _) in others {
        assert!(
            !stdout.contains(&format!("{name}:")),
            "{name}: {}",
            show(&bad)
        );
    }
}
