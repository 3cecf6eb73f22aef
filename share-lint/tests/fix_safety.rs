//! `--fix` never loses a file: through the real binary, a write that fails halfway, a process
//! killed mid-run, two runs fixing the same files at once, read-only files, symbolic links, files
//! that cannot be read or vanish, permissions, owners, hard links and extended attributes after a
//! fix. After each, every file
//! holds either its original bytes or its fully fixed bytes, nothing in between.

mod common;
use common::text;

use share_lint::engine;
use share_lint::fix::FixMode;
use share_lint::settings::Settings;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A 1×1 PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_share-lint"))
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("share-lint runs")
}

/// `share-lint --fix FILES` in `dir`, where no file may grow past 512 bytes (`ulimit -f 1`,
/// with `SIGXFSZ` ignored so that a write past it fails with `EFBIG` instead of killing the run).
fn fix_with_files_limited_to_512_bytes(dir: &Path, files: &str) -> Output {
    Command::new("/bin/sh")
        .current_dir(dir)
        .args([
            "-c",
            &format!(r#"trap '' XFSZ; ulimit -f 1 && exec "$0" --fix {files}"#),
            env!("CARGO_BIN_EXE_share-lint"),
        ])
        .output()
        .expect("sh runs")
}

/// A payload whose only finding is a thumbnail pasted with its `data:` prefix, which `--fix`
/// removes. `pad` lengthens the URL, to make the file as large as a test needs.
fn payload(i: usize, pad: usize) -> String {
    format!(
        r#"{{
  "type": "webPage",
  "channelType": ["wx"],
  "channelObject": {{
    "title": "季度报告 {i}",
    "webpageUrl": "https://example.com/report/{i}?p={}",
    "thumbImage": "data:image/png;base64,{PNG}"
  }}
}}
"#,
        "x".repeat(pad)
    )
}

/// What `--fix` makes of `original`, computed by the library the binary uses.
fn fixed(original: &str) -> String {
    let (report, fixed) = engine::lint_and_fix(
        "payload.json",
        original.to_owned(),
        &Settings::default(),
        FixMode::Safe,
    );
    let fixed = fixed.expect("the payload has a safe fix");
    assert!(report.diagnostics.is_empty(), "the fix leaves it clean");
    assert!(
        fixed.contains(&format!(r#""thumbImage": "{PNG}""#)),
        "{fixed}"
    );
    fixed
}

/// Writes `count` fixable payloads `p0000.json`, ... into `dir`; returns each one's path, original
/// and fixed text.
fn corpus(dir: &Path, count: usize) -> Vec<(PathBuf, String, String)> {
    (0..count)
        .map(|i| {
            let path = dir.join(format!("p{i:04}.json"));
            let original = payload(i, 0);
            fs::write(&path, &original).unwrap();
            let fixed = fixed(&original);
            (path, original, fixed)
        })
        .collect()
}

/// The temporary files a fix left in `dir`, with their contents.
fn temp_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(".share-lint-") && name.ends_with(".tmp")
        })
        .map(|p| {
            let bytes = fs::read(&p).unwrap_or_default();
            (p, bytes)
        })
        .collect()
}

/// Every file holds its original bytes or its fixed bytes (and so parses as JSON); returns how
/// many are fixed.
fn assert_original_or_fixed(files: &[(PathBuf, String, String)]) -> usize {
    let mut fixed_count = 0;
    for (path, original, fixed) in files {
        let now =
            fs::read_to_string(path).unwrap_or_else(|e| panic!("{} is lost: {e}", path.display()));
        if now == *fixed {
            fixed_count += 1;
        } else {
            assert!(
                now == *original,
                "{} is neither the original nor the fixed text:\n{now}",
                path.display()
            );
        }
        serde_json::from_str::<serde_json::Value>(&now)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
    }
    fixed_count
}

#[cfg(unix)]
#[test]
fn a_write_that_fails_halfway_leaves_the_original_intact_and_the_run_goes_on() {
    // The injection works as root too: the shell limits the size of the files the linter may
    // write (RLIMIT_FSIZE) to one 512-byte block and ignores SIGXFSZ, which the linter inherits,
    // so writing the temporary file fails with EFBIG after 512 bytes.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    let big_original = payload(1, 2000);
    assert!(big_original.len() > 2000);
    fs::write(&big, &big_original).unwrap();
    let small = dir.path().join("small.json");
    let small_original = payload(2, 0);
    assert!(small_original.len() < 512);
    fs::write(&small, &small_original).unwrap();

    let out = fix_with_files_limited_to_512_bytes(dir.path(), "big.json small.json");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("big.json: cannot write the fixed file (")
            && stderr.contains("the file is unchanged"),
        "{}",
        text(&out)
    );
    assert_eq!(fs::read_to_string(&big).unwrap(), big_original);
    // The failure did not stop the run: the other file is fixed.
    assert_eq!(fs::read_to_string(&small).unwrap(), fixed(&small_original));
    // The half-written temporary file is removed.
    assert!(temp_files(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_directory_that_cannot_be_written_leaves_the_original_intact() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("locked");
    fs::create_dir(&sub).unwrap();
    let file = sub.join("a.json");
    let original = payload(1, 0);
    fs::write(&file, &original).unwrap();
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o555)).unwrap();
    // Root writes into a read-only directory anyway; the RLIMIT_FSIZE test above covers root.
    if fs::write(sub.join("probe"), "").is_ok() {
        eprintln!("skipped: a read-only directory does not stop this user (root) from writing");
        fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let out = run_in(dir.path(), &["--fix", "locked/a.json"]);
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("locked/a.json: cannot write the fixed file"),
        "{}",
        text(&out)
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), original);
    assert!(temp_files(&sub).is_empty());
}

#[test]
fn killing_a_fix_midway_leaves_every_file_original_or_fixed() {
    const THREADS: usize = 2;
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path(), 2000);
    let fixed_texts: HashSet<&str> = files.iter().map(|(_, _, f)| f.as_str()).collect();

    let mut child = bin()
        .current_dir(dir.path())
        .args(["--fix", "--threads", &THREADS.to_string(), "."])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("share-lint starts");
    // Kill it once it has begun writing (the first file is in the first chunk of work) ...
    let (first, _, first_fixed) = &files[0];
    let deadline = Instant::now() + Duration::from_secs(60);
    while fs::read_to_string(first).ok().as_deref() != Some(first_fixed.as_str()) {
        assert!(Instant::now() < deadline, "the first file was never fixed");
        std::thread::sleep(Duration::from_millis(1));
    }
    // ... and a little later, so that it dies with some files fixed and others not yet (2,000
    // files take about two seconds).
    std::thread::sleep(Duration::from_millis(200));
    let finished_first = child.try_wait().unwrap().is_some();
    child.kill().unwrap(); // SIGKILL: no destructor, no clean-up runs
    child.wait().unwrap();

    let fixed_count = assert_original_or_fixed(&files);
    assert!(fixed_count >= 1);
    if finished_first || fixed_count == files.len() {
        eprintln!("note: the run finished before the kill; only the end state was checked");
    }
    // SIGKILL can leave the temporary file each thread was writing; its content is a prefix of
    // some file's fixed text (never anything else), and the file it was for is intact.
    let temps = temp_files(dir.path());
    assert!(temps.len() <= THREADS, "{temps:?}");
    for (path, bytes) in temps {
        let bytes = String::from_utf8_lossy(&bytes);
        assert!(
            fixed_texts.iter().any(|f| f.starts_with(&*bytes)),
            "{} holds something other than a fixed file: {bytes}",
            path.display()
        );
    }
}

#[test]
fn two_concurrent_fixes_leave_valid_fixed_files() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path(), 500);
    let spawn = || {
        bin()
            .current_dir(dir.path())
            .args(["--fix", "--output-format", "concise", "."])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("share-lint starts")
    };
    let (a, b) = (spawn(), spawn());
    for run in [a, b] {
        let out = run.wait_with_output().unwrap();
        // Whichever run renames a file second finds it already fixed: not an error.
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        assert!(out.stderr.is_empty(), "{}", text(&out));
    }
    assert_eq!(assert_original_or_fixed(&files), files.len());
    assert!(temp_files(dir.path()).is_empty());
    // Linted again: nothing left to fix, nothing to report.
    let again = run_in(dir.path(), &["--diff", "."]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again));
    assert!(!String::from_utf8_lossy(&again.stdout).contains("+++"));
}

#[test]
fn an_edit_saved_during_the_fix_is_not_overwritten() {
    // The linter reads the file, then an editor saves it, then the linter would rename its fix
    // over it. The write compares the file with what was linted first. The window is made
    // deterministic here by a file that changes as soon as it has been read: a FIFO cannot be
    // used (the walk skips it), so this test drives the library function the run calls.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    let original = payload(1, 0);
    let fix = fixed(&original);
    fs::write(&path, "{\"type\": \"text\"} // saved by an editor").unwrap();
    let e = share_lint::write::replace_if_unchanged(&path, original.as_bytes(), fix.as_bytes())
        .unwrap_err();
    assert!(
        e.to_string().contains("changed while it was being fixed"),
        "{e}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{\"type\": \"text\"} // saved by an editor"
    );
    assert!(temp_files(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn read_only_files_are_reported_and_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro.json");
    let ro_original = payload(1, 0);
    fs::write(&ro, &ro_original).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o444)).unwrap();
    let rw = dir.path().join("rw.json");
    let rw_original = payload(2, 0);
    fs::write(&rw, &rw_original).unwrap();
    let ro2 = dir.path().join("ro2.json");
    fs::write(&ro2, payload(3, 0)).unwrap();
    fs::set_permissions(&ro2, fs::Permissions::from_mode(0o400)).unwrap();

    // The mode bits decide, so this holds for root too.
    let out = run_in(dir.path(), &["--fix", "ro.json", "rw.json", "ro2.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Every failing file is named, each on its own line, and the run went on.
    assert!(
        stderr.contains("share-lint: error: ro.json: is read-only: not rewritten\n"),
        "{}",
        text(&out)
    );
    assert!(
        stderr.contains("share-lint: error: ro2.json: is read-only: not rewritten\n"),
        "{}",
        text(&out)
    );
    assert_eq!(fs::read_to_string(&ro).unwrap(), ro_original);
    assert_eq!(
        fs::metadata(&ro).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert_eq!(fs::read_to_string(&rw).unwrap(), fixed(&rw_original));
    assert!(temp_files(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_not_followed_for_writing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.json");
    let original = payload(1, 0);
    fs::write(&target, &original).unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();

    let out = run_in(dir.path(), &["--fix", "link.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("link.json: is a symbolic link: not rewritten"),
        "{}",
        text(&out)
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), original);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());

    // A directory walk does not follow the link either: only the real file is fixed, once.
    let out = run_in(dir.path(), &["--fix", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(fs::read_to_string(&target).unwrap(), fixed(&original));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn a_missing_path_fails_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let ok = dir.path().join("ok.json");
    let original = payload(1, 0);
    fs::write(&ok, &original).unwrap();
    let out = run_in(dir.path(), &["--fix", "ok.json", "gone.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("gone.json"),
        "{}",
        text(&out)
    );
    // As ruff and ripgrep do, the other paths are still checked and fixed.
    assert_eq!(fs::read_to_string(&ok).unwrap(), fixed(&original));
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_that_cannot_be_read_is_named_and_the_run_goes_on() {
    // `/proc/self/mem` is a regular file whose first byte cannot be read (address 0 is not
    // mapped): a read that fails after the file was found, for any user.
    let dir = tempfile::tempdir().unwrap();
    let ok = dir.path().join("ok.json");
    let original = payload(1, 0);
    fs::write(&ok, &original).unwrap();
    let out = run_in(dir.path(), &["--fix", "/proc/self/mem", "ok.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("/proc/self/mem: cannot read"),
        "{}",
        text(&out)
    );
    assert_eq!(fs::read_to_string(&ok).unwrap(), fixed(&original));
}

#[test]
fn files_deleted_during_a_walk_do_not_crash_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path(), 1000);
    let child = bin()
        .current_dir(dir.path())
        .args(["--fix", "--threads", "2", "."])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("share-lint starts");
    // Delete every other file from the end, while the run walks, reads and fixes.
    let deleted: HashSet<PathBuf> = files
        .iter()
        .rev()
        .step_by(2)
        .map(|(p, _, _)| p.clone())
        .collect();
    for path in &deleted {
        let _ = fs::remove_file(path);
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Exit 0 when every deleted file went before the walk or after its fix, 2 (naming each) when
    // one vanished in between: before its read, or between its read and its write (then the fix
    // does not bring it back).
    match out.status.code() {
        Some(0) => assert!(stderr.is_empty(), "{stderr}"),
        Some(2) => assert!(
            stderr.lines().all(|l| l.contains(": cannot read: ")
                || l.contains(": was deleted while it was being fixed: not recreated")),
            "{stderr}"
        ),
        code => panic!("exit {code:?}: {stderr}"),
    }
    let kept: Vec<_> = files
        .into_iter()
        .filter(|(p, _, _)| !deleted.contains(p))
        .collect();
    assert_eq!(assert_original_or_fixed(&kept), kept.len());
    assert!(temp_files(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn permissions_and_owner_are_kept() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let mut cases = Vec::new();
    for (i, mode) in [0o640, 0o600, 0o755, 0o604].into_iter().enumerate() {
        let path = dir.path().join(format!("m{i}.json"));
        let original = payload(i, 0);
        fs::write(&path, &original).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
        cases.push((path, original, mode));
    }
    // As root the owner can be given away, and a fix must not take it back.
    let owned = dir.path().join("owned.json");
    let owned_original = payload(9, 0);
    fs::write(&owned, &owned_original).unwrap();
    let chowned = std::os::unix::fs::chown(&owned, Some(4242), Some(4343)).is_ok();

    let out = run_in(dir.path(), &["--fix", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    for (path, original, mode) in cases {
        assert_eq!(fs::read_to_string(&path).unwrap(), fixed(&original));
        let now = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
        assert_eq!(now, mode, "{}: {now:o} instead of {mode:o}", path.display());
    }
    assert_eq!(fs::read_to_string(&owned).unwrap(), fixed(&owned_original));
    if chowned {
        let meta = fs::metadata(&owned).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (4242, 4343));
    } else {
        eprintln!("note: not root, so the owner part is not checked");
    }
}

#[cfg(unix)]
#[test]
fn a_hard_linked_file_is_fixed_under_all_its_names() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    let original = payload(1, 0);
    fs::write(&path, &original).unwrap();
    let other = dir.path().join("b.json");
    fs::hard_link(&path, &other).unwrap();
    let inode = fs::metadata(&path).unwrap().ino();

    let out = run_in(dir.path(), &["--fix", "a.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let want = fixed(&original);
    assert_eq!(fs::read_to_string(&path).unwrap(), want);
    assert_eq!(fs::read_to_string(&other).unwrap(), want);
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.ino(), meta.nlink()), (inode, 2), "still one file");
    // The copy kept while the file was overwritten is gone.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // Both names given: the second finds the file fixed already.
    fs::write(&path, &original).unwrap();
    let out = run_in(dir.path(), &["--fix", "a.json", "b.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(fs::read_to_string(&other).unwrap(), want);
    assert_eq!(fs::metadata(&other).unwrap().ino(), inode);
}

#[cfg(unix)]
#[test]
fn extended_attributes_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    let original = payload(1, 0);
    fs::write(&path, &original).unwrap();
    if let Err(e) = xattr::set(&path, "user.share-lint.note", b"reviewed") {
        eprintln!("note: the temporary directory does not take user xattrs ({e}): not checked");
        return;
    }
    xattr::set(&path, "user.empty", b"").unwrap();

    let out = run_in(dir.path(), &["--fix", "a.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), fixed(&original));
    assert_eq!(
        xattr::get(&path, "user.share-lint.note")
            .unwrap()
            .as_deref(),
        Some(&b"reviewed"[..])
    );
    assert_eq!(
        xattr::get(&path, "user.empty").unwrap().as_deref(),
        Some(&b""[..])
    );
    assert!(temp_files(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_hard_linked_file_whose_overwrite_fails_gets_its_original_back() {
    // The fix (wrapping `"wx"` in brackets) makes the file 2 bytes longer than the 512 bytes the
    // shell lets the linter write (see the first test): the copy of the original fits, the
    // overwrite fails at byte 512, and the original is written back.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    let head = r#"{"type": "webPage", "channelType": "wx", "channelObject": {"title": "t", "webpageUrl": "https://example.com/?p="#;
    let tail = "\"}}\n";
    let original = format!("{head}{}{tail}", "x".repeat(511 - head.len() - tail.len()));
    assert_eq!(original.len(), 511);
    fs::write(&path, &original).unwrap();
    let other = dir.path().join("b.json");
    fs::hard_link(&path, &other).unwrap();

    let out = fix_with_files_limited_to_512_bytes(dir.path(), "a.json");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a.json: cannot write the fixed file (")
            && stderr.contains("the file is unchanged"),
        "{}",
        text(&out)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), original);
    assert_eq!(fs::read_to_string(&other).unwrap(), original);
    // The copy of the original is removed once the original is back.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn without_fixes_the_engine_finds_the_same_findings_bare() {
    // `Settings::fixes` off (a run whose output shows no fix): the same findings, none with a
    // fix, file rules' (a trailing comma) and payload rules' (a `data:` prefix) alike.
    let text = format!(
        r#"{{"type": "miniProgram", "channelType": ["wx", "wx_moments"], "channelObject": {{"webpageUrl": "https://e.com", "userName": "gh_0123456789ab", "thumbImage": "data:image/png;base64,{PNG}",}}}}"#
    );
    let with = engine::lint_text("a.jsonc", text.clone(), &Settings::default());
    let bare = engine::lint_text(
        "a.jsonc",
        text.clone(),
        &Settings {
            fixes: false,
            ..Settings::default()
        },
    );
    let fixed: Vec<&str> = with
        .diagnostics
        .iter()
        .filter(|d| d.fix.is_some())
        .map(|d| d.rule.code)
        .collect();
    assert!(fixed.contains(&"SM601") && fixed.len() >= 2, "{fixed:?}");
    assert!(bare.diagnostics.iter().all(|d| d.fix.is_none()));
    let strip = |mut d: share_lint::diagnostic::Diagnostic| {
        d.fix = None;
        d
    };
    let with: Vec<_> = with.diagnostics.into_iter().map(strip).collect();
    assert_eq!(with, bare.diagnostics);
    // Fixing turns them on for itself.
    let off = Settings {
        fixes: false,
        ..Settings::default()
    };
    let (_, fixed) = engine::lint_and_fix("a.jsonc", text.clone(), &off, FixMode::Safe);
    assert!(fixed.is_some_and(|t| !t.contains("data:image")));
    let (_, fixed) = engine::lint_and_fix_payload("a.jsonc", text, &off, FixMode::Safe).unwrap();
    assert!(fixed.is_some_and(|t| !t.contains("data:image")));
}
