//! The Python package (`pyproject.toml`: the binary in a wheel, maturin's `bin` bindings, as ruff
//! ships): the wheel and the source distribution are built by the real `maturin` and installed
//! into fresh virtual environments — `pip install share-lint` from a local folder instead of
//! PyPI, `pip install .` and `pipx install .` from the checkout, and the source distribution —
//! and each installed command lints the shipped examples as the workspace's build does.
//! `scripts/test` installs maturin and pipx (from PyPI, into `target/tools/venv`) and downloads
//! maturin's wheel into `target/tools/wheels` for the isolated build of the source distribution:
//! nothing here reaches the network.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .unwrap()
}

fn run(command: &mut Command) -> Output {
    let shown = format!("{command:?}");
    let out = command.output().unwrap_or_else(|e| {
        panic!("{shown}: {e} (run the tests with scripts/test, which installs the tools)")
    });
    assert!(
        out.status.success(),
        "{shown}: exit {:?}\n{}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `maturin ARGS` at the workspace root, building into `target/packaging` (shared with the hook
/// and install tests, kept between runs), with the dev profile (faster to build; the release workflow
/// builds release wheels).
fn maturin(args: &[&str], out: &Path) -> Output {
    run(Command::new("maturin")
        .current_dir(workspace())
        .args(args)
        .args(["--profile", "dev", "--locked", "--out"])
        .arg(out)
        .env("CARGO_TARGET_DIR", workspace().join("target/packaging")))
}

/// The files of `dir` whose names end with `suffix`.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect()
}

/// The installed command on the shipped examples: the same verdict as the workspace's build.
fn lints_the_examples(share_lint: &Path) {
    let version = run(Command::new(share_lint).arg("--version"));
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("share-lint {}", env!("CARGO_PKG_VERSION"))
    );
    let installed = Command::new(share_lint)
        .current_dir(workspace())
        .args(["--color", "never", "examples/"])
        .output()
        .unwrap();
    let built = Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .current_dir(workspace())
        .args(["--color", "never", "examples/"])
        .output()
        .unwrap();
    assert_eq!(installed.status.code(), Some(1), "examples/bad has errors");
    assert_eq!(installed.stdout, built.stdout);
}

#[test]
fn pip_and_pipx_install_the_wheel_and_the_source_distribution() {
    let scratch = tempfile::tempdir().unwrap();
    let dist = scratch.path().join("dist");
    let version = env!("CARGO_PKG_VERSION");

    maturin(&["build"], &dist);
    let wheels = files(&dist, ".whl");
    assert_eq!(wheels.len(), 1, "{wheels:?}");
    let name = wheels[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with(&format!("share_lint-{version}-py3-none-")),
        "one wheel for every Python 3: {name}"
    );

    // `pip install share-lint` into a fresh virtual environment, from the folder.
    let venv = scratch.path().join("venv");
    run(Command::new("python3").args(["-m", "venv"]).arg(&venv));
    run(Command::new(venv.join("bin/pip"))
        .args(["install", "--quiet", "--no-index", "--find-links"])
        .arg(&dist)
        .arg(format!("share-lint=={version}")));
    lints_the_examples(&venv.join("bin/share-lint"));

    // From the checkout, as the README says: `pip install .` and `pipx install .` (maturin builds
    // the wheel in place; its build backend comes from the local wheel folder).
    let from_checkout = |command: &mut Command| {
        run(command
            .current_dir(workspace())
            .env("PIP_NO_INDEX", "1")
            .env("PIP_FIND_LINKS", workspace().join("target/tools/wheels"))
            .env("MATURIN_PEP517_ARGS", "--profile dev")
            .env("CARGO_TARGET_DIR", workspace().join("target/packaging")))
    };
    let checkout_venv = scratch.path().join("checkout-venv");
    run(Command::new("python3")
        .args(["-m", "venv"])
        .arg(&checkout_venv));
    from_checkout(Command::new(checkout_venv.join("bin/pip")).args(["install", "--quiet", "."]));
    lints_the_examples(&checkout_venv.join("bin/share-lint"));

    // pipx: an environment of its own, the command on pipx's bin directory.
    let pipx = scratch.path().join("pipx");
    from_checkout(
        Command::new("pipx")
            .env("PIPX_HOME", pipx.join("home"))
            .env("PIPX_BIN_DIR", pipx.join("bin"))
            .env("PIPX_MAN_DIR", pipx.join("man"))
            .args(["install", "."]),
    );
    lints_the_examples(&pipx.join("bin/share-lint"));

    // The source distribution builds on its own (what pip does where no wheel fits): the
    // workspace's crates and lock are in it, and maturin comes from the local wheel folder.
    let sdist_dir = scratch.path().join("sdist");
    run(Command::new("maturin")
        .current_dir(workspace())
        .args(["sdist", "--out"])
        .arg(&sdist_dir));
    let sdists = files(&sdist_dir, ".tar.gz");
    assert_eq!(sdists.len(), 1, "{sdists:?}");
    let from_source = scratch.path().join("from-source");
    run(Command::new("python3")
        .args(["-m", "venv"])
        .arg(&from_source));
    run(Command::new(from_source.join("bin/pip"))
        .args(["install", "--quiet", "--no-index", "--find-links"])
        .arg(workspace().join("target/tools/wheels"))
        .arg(&sdists[0])
        .env("MATURIN_PEP517_ARGS", "--profile dev")
        .env("CARGO_TARGET_DIR", workspace().join("target/packaging")));
    lints_the_examples(&from_source.join("bin/share-lint"));
}
