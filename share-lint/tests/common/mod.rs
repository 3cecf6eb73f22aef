//! What the binary tests share: showing a run's output in an assertion message.
//!
//! Each test file uses a part of it.
#![allow(dead_code)]

use std::process::Output;

/// The exit status, standard output and standard error of a run, for an assertion message.
pub fn text(out: &Output) -> String {
    format!(
        "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A run's standard output, as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A run's standard error, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs the `share-lint` binary in `dir` with `args` (colour left to the arguments).
pub fn lint_in(dir: &std::path::Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .env_remove("NO_COLOR")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("share-lint runs")
}

/// Runs the `share-lint` binary in `dir` with `args`, `input` on its standard input.
pub fn lint_in_with_input(dir: &std::path::Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .env_remove("NO_COLOR")
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("share-lint runs");
    child
        .stdin
        .take()
        .expect("a pipe")
        .write_all(input)
        .expect("share-lint reads its input");
    child.wait_with_output().expect("share-lint runs")
}

/// A folder of test fixtures: `share-lint/tests/fixtures/<name>`.
pub fn fixtures(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}
