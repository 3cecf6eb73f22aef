//! `share-lint check` under hostile inputs, through the real binary: standard input and devices
//! that never end, FIFOs where a walk expects files, pipes and `/dev/stdin` named on the command
//! line, directories that cannot be read, paths that do not exist, JSON that is not a payload, and
//! configuration files that cannot be used. Every run has a deadline: a hang fails the test
//! instead of hanging it.

mod common;
use common::{stderr, stdout, text};

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long any one run may take. The slowest, reading 10 MiB of `/dev/zero` in a debug build,
/// takes well under a second.
const DEADLINE: Duration = Duration::from_secs(20);

/// The default `max-file-size`, as the finding prints it.
const DEFAULT_CAP: &str = "10,485,760";

fn bin(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_share-lint"));
    // `--fail-on warning`: the payloads' one finding is a warning, which then exits 1.
    c.current_dir(dir)
        .args(["--color", "never", "--fail-on", "warning"])
        .args(args);
    c
}

/// [`bin`] under a 2 GiB address-space limit (`ulimit -v`), for runs that read a device that
/// never ends: should the cap ever be lost, the run dies of it rather than taking the memory of
/// the machine.
fn bin_limited(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new("sh");
    c.current_dir(dir)
        .args(["-c", r#"ulimit -v 2097152 && exec "$0" "$@""#])
        .arg(env!("CARGO_BIN_EXE_share-lint"))
        .args(["--color", "never", "--fail-on", "warning"])
        .args(args);
    c
}

/// Runs `command` with `stdin` as its standard input, and kills it (failing the test) if it is
/// still running after [`DEADLINE`].
fn run_with(mut command: Command, stdin: Stdio) -> Output {
    let child = command
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("share-lint runs");
    wait_or_kill(child, &format!("{command:?}"))
}

fn run(command: Command) -> Output {
    run_with(command, Stdio::null())
}

/// Waits for `child`, reading its output on the side (a full pipe must not stall it); kills it
/// and panics after [`DEADLINE`].
fn wait_or_kill(mut child: Child, what: &str) -> Output {
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = r.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} still running after {DEADLINE:?}: killed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// A payload whose one finding is an `http:` URL (`insecure-url`, a warning); `title` makes it
/// identifiable in the output.
fn insecure(title: &str) -> String {
    format!(
        r#"{{
  "type": "webPage",
  "channelType": ["wx"],
  "channelObject": {{ "title": "{title}", "webpageUrl": "http://example.com/{title}" }}
}}
"#
    )
}

/// Writes `text` into the FIFO at `path` from a thread: opening a FIFO to write waits for a
/// reader, which is the run under test.
fn feed_fifo(path: &Path, text: String) -> JoinHandle<std::io::Result<()>> {
    let path = path.to_path_buf();
    std::thread::spawn(move || fs::write(path, text))
}

/// Waits for the writer of [`feed_fifo`] once the run is over. A writer still waiting means the
/// run never opened the FIFO: it is released by a reader here, so the test fails on what the
/// run printed instead of hanging.
fn release(writer: JoinHandle<std::io::Result<()>>, fifo: &Path) {
    if !writer.is_finished() {
        let fifo = fifo.to_path_buf();
        // Not joined: should the writer finish first, this open would wait for another one,
        // and the test process exits without it.
        std::thread::spawn(move || fs::read(fifo));
    }
    let start = Instant::now();
    while !writer.is_finished() {
        assert!(start.elapsed() < DEADLINE, "the FIFO's writer is stuck");
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = writer.join();
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// `command`, run as the unprivileged user `nobody` when this process can open `locked` despite
/// its mode 000 (it runs as root), so that the mode denies the run access as it denies anyone
/// else; `None` when we can neither be denied access nor drop privileges.
fn as_unprivileged(mut command: Command, locked: &Path) -> Option<Command> {
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::process::CommandExt;
    if fs::File::open(locked).is_err() {
        return Some(command);
    }
    // What we create is ours: owned by root means we are root, and may become `nobody`.
    if fs::metadata(locked).ok()?.uid() != 0 {
        return None;
    }
    command.uid(65534).gid(65534);
    Some(command)
}

/// A temporary directory every user can enter and read (for runs as `nobody`).
fn open_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

// 7. Standard input obeys the size cap.

#[test]
fn standard_input_stops_at_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    // `/dev/zero` never ends: without the cap, the run reads until it runs out of memory.
    let zero = fs::File::open("/dev/zero").unwrap();
    let out = run_with(bin_limited(dir.path(), &["-"]), Stdio::from(zero));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains(&format!(
            "error[SM006] file-too-large: the input is over {DEFAULT_CAP} bytes, the most that is read"
        )),
        "{}",
        text(&out)
    );

    // The cap is the configuration's in force for the name standard input is reported under.
    fs::create_dir(dir.path().join("small")).unwrap();
    fs::write(
        dir.path().join("small/share-lint.toml"),
        "[files]\nmax-file-size = 100\n",
    )
    .unwrap();
    let payload = insecure("over-a-hundred-bytes");
    assert!(payload.len() > 100);
    for (name, over) in [("small/in.json", true), ("in.json", false)] {
        let mut child = bin(dir.path(), &["--stdin-filename", name, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        let body = payload.clone();
        // A writer that never closes would also be cut at the cap; this one closes.
        let writer = std::thread::spawn(move || {
            let _ = input.write_all(body.as_bytes());
        });
        let out = wait_or_kill(child, name);
        writer.join().unwrap();
        let found = stdout(&out);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert_eq!(
            found.contains("file-too-large: the input is over 100 bytes"),
            over,
            "{}",
            text(&out)
        );
        assert_eq!(found.contains("insecure-url"), !over, "{}", text(&out));
    }
}

// 8. Nothing that is not a regular file blocks the run.

#[test]
fn a_walk_skips_fifos_and_links_to_devices() {
    let dir = tempfile::tempdir().unwrap();
    let payloads = dir.path().join("payloads");
    fs::create_dir(&payloads).unwrap();
    fs::write(payloads.join("a.json"), insecure("a")).unwrap();
    // No process ever writes to this FIFO: reading it would wait forever.
    mkfifo(&payloads.join("x.json"));
    std::os::unix::fs::symlink("x.json", payloads.join("to-fifo.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", payloads.join("to-zero.json")).unwrap();
    let out = run(bin(dir.path(), &["payloads"]));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let found = stdout(&out);
    assert!(found.contains("payloads/a.json"), "{}", text(&out));
    assert!(found.contains("Checked 1 file"), "{}", text(&out));
    assert!(stderr(&out).is_empty(), "{}", text(&out));
    // The reader's own check (a regular file swapped for a FIFO after the walk) is the unit test
    // `input::tests::the_walks_reader_skips_a_fifo_at_once`.
}

// 10. Pipes and devices named on the command line are read.

#[test]
fn a_fifo_named_on_the_command_line_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("generated.json");
    mkfifo(&fifo);
    let writer = feed_fifo(&fifo, insecure("from-a-pipe"));
    let out = run(bin(dir.path(), &["generated.json"]));
    release(writer, &fifo);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let found = stdout(&out);
    assert!(
        found.contains("insecure-url") && found.contains("generated.json"),
        "{}",
        text(&out)
    );
    assert!(found.contains("Checked 1 file"), "{}", text(&out));
}

#[test]
fn process_substitution_and_dev_stdin_are_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("gen.json"), insecure("substituted")).unwrap();
    // `<(cat gen.json)` is a `/dev/fd/N` pipe.
    let mut shell = Command::new("bash");
    shell.current_dir(dir.path()).args([
        "-c",
        &format!(
            "exec {} --fail-on warning <(cat gen.json)",
            env!("CARGO_BIN_EXE_share-lint")
        ),
    ]);
    let out = run(shell);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stdout(&out).contains("/dev/fd/"), "{}", text(&out));
    assert!(stdout(&out).contains("insecure-url"), "{}", text(&out));

    for named in ["/dev/stdin", "/proc/self/fd/0"] {
        let input = fs::File::open(dir.path().join("gen.json")).unwrap();
        let out = run_with(bin(dir.path(), &[named]), Stdio::from(input));
        assert_eq!(out.status.code(), Some(1), "{named}: {}", text(&out));
        let found = stdout(&out);
        assert!(found.contains("insecure-url"), "{named}: {}", text(&out));
        assert!(found.contains("Checked 1 file"), "{named}: {}", text(&out));
    }
}

#[test]
fn a_device_named_on_the_command_line_stops_at_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(bin_limited(dir.path(), &["/dev/zero"]));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let found = stdout(&out);
    assert!(found.contains("--> /dev/zero:1:1"), "{}", text(&out));
    assert!(
        found.contains(&format!(
            "file-too-large: the input is over {DEFAULT_CAP} bytes, the most that is read"
        )),
        "{}",
        text(&out)
    );
}

/// A 1×1 PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

#[test]
fn fixing_a_pipe_reports_its_findings_unfixed() {
    let dir = tempfile::tempdir().unwrap();
    // A thumbnail pasted with its `data:` prefix: a safe fix removes it.
    let payload = format!(
        r#"{{
  "type": "webPage",
  "channelType": ["wx"],
  "channelObject": {{
    "title": "t",
    "webpageUrl": "https://example.com",
    "thumbImage": "data:image/png;base64,{PNG}"
  }}
}}
"#
    );
    let fifo = dir.path().join("p.json");
    mkfifo(&fifo);
    // A FIFO cannot be rewritten (the rewrite would read it again, and wait forever for a
    // second writer): it is linted as it came, with its fixes shown, not applied. `-` is the
    // filter that writes fixed text.
    let writer = feed_fifo(&fifo, payload);
    let out = run(bin(dir.path(), &["--fix", "p.json"]));
    release(writer, &fifo);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stdout(&out).contains("p.json:7:"), "{}", text(&out));
    assert!(stdout(&out).contains("data:image/png"), "{}", text(&out));
    assert!(stderr(&out).is_empty(), "{}", text(&out));
    assert!(!fs::symlink_metadata(&fifo).unwrap().is_file());
}

// 12. One bad directory does not abort the run.

#[test]
fn an_unreadable_directory_is_reported_and_the_rest_is_linted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = open_tempdir();
    let tree = dir.path().join("payloads");
    fs::create_dir_all(tree.join("good")).unwrap();
    fs::create_dir_all(tree.join("locked")).unwrap();
    fs::write(tree.join("good/a.json"), insecure("good")).unwrap();
    fs::write(tree.join("locked/b.json"), insecure("locked")).unwrap();
    fs::write(tree.join("z.json"), insecure("last")).unwrap();
    for d in [&tree, &tree.join("good")] {
        fs::set_permissions(d, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let locked = tree.join("locked");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let Some(command) = as_unprivileged(bin(dir.path(), &["payloads"]), &locked) else {
        println!("note: skipped: this process can read a mode-000 directory and is not root");
        return;
    };
    let out = run(command);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let found = stdout(&out);
    assert!(
        found.contains("payloads/good/a.json") && found.contains("payloads/z.json"),
        "{}",
        text(&out)
    );
    assert!(found.contains("Checked 2 files"), "{}", text(&out));
    assert_eq!(
        stderr(&out),
        "share-lint: error: payloads/locked: cannot read the directory: Permission denied (os error 13)\n",
        "{}",
        text(&out)
    );
}

#[test]
fn a_missing_path_is_reported_and_the_others_are_linted() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.json"), insecure("a")).unwrap();
    fs::create_dir(dir.path().join("more")).unwrap();
    fs::write(dir.path().join("more/b.json"), insecure("b")).unwrap();
    // A dangling symbolic link named on the command line is missing too.
    std::os::unix::fs::symlink("nowhere", dir.path().join("dangling")).unwrap();
    let out = run(bin(
        dir.path(),
        &["gone.json", "a.json", "dangling", "more"],
    ));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let found = stdout(&out);
    assert!(
        found.contains("a.json") && found.contains("more/b.json"),
        "{}",
        text(&out)
    );
    assert!(found.contains("Checked 2 files"), "{}", text(&out));
    assert_eq!(
        stderr(&out),
        "share-lint: error: gone.json: No such file or directory (os error 2)\n\
         share-lint: error: dangling: No such file or directory (os error 2)\n",
        "{}",
        text(&out)
    );
}

// 13. Walks never fail on JSON that is not a payload.

/// A payload in GBK (the title is "季度报告"): not UTF-8, but a payload all the same.
fn gbk_payload() -> Vec<u8> {
    let mut bytes =
        br#"{"type": "webPage", "channelType": ["wx"], "channelObject": {"title": ""#.to_vec();
    bytes.extend_from_slice(&[0xbc, 0xbe, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6]);
    bytes.extend_from_slice(br#"", "webpageUrl": "https://example.com"}}"#);
    bytes
}

#[test]
fn a_walk_skips_json_that_is_not_a_payload() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("repo");
    fs::create_dir(&tree).unwrap();
    let not_payloads: [(&str, &[u8]); 6] = [
        ("empty.json", b""),
        ("blank.json", b" \n\t\r\n"),
        ("bom.json", "\u{feff}\n".as_bytes()),
        ("comments.jsonc", b"// nothing yet\n/* still nothing */\n"),
        ("binary.json", &[0xff, 0xfe, 0x00, 0x01, 0x80, b'{']),
        ("utf16.json", &[0xff, 0xfe, b'{', 0, b'}', 0]),
    ];
    for (name, bytes) in not_payloads {
        fs::write(tree.join(name), bytes).unwrap();
    }
    for args in [&["repo"][..], &["--fix", "repo"], &["--diff", "repo"]] {
        let out = run(bin(dir.path(), args));
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
        assert!(
            stdout(&out).contains("Checked 0 files: no findings."),
            "{args:?}: {}",
            text(&out)
        );
        assert!(stderr(&out).is_empty(), "{args:?}: {}", text(&out));
    }

    // A broken payload, and a payload in another encoding, are still payloads.
    fs::write(tree.join("broken.json"), r#"{"type": "webPage", "#).unwrap();
    fs::write(tree.join("gbk.json"), gbk_payload()).unwrap();
    for args in [&["repo"][..], &["--fix", "repo"]] {
        let out = run(bin(dir.path(), args));
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let found = stdout(&out);
        assert!(
            found.contains("Checked 2 files"),
            "{args:?}: {}",
            text(&out)
        );
        assert!(
            found.contains("repo/broken.json") && found.contains("invalid-json"),
            "{args:?}: {}",
            text(&out)
        );
        assert!(
            found.contains("repo/gbk.json") && found.contains("invalid-utf8"),
            "{args:?}: {}",
            text(&out)
        );
    }

    // Named on the command line, a file is linted whatever it holds.
    for (name, rule) in [
        ("empty.json", "invalid-json"),
        ("blank.json", "invalid-json"),
        ("comments.jsonc", "invalid-json"),
        ("binary.json", "invalid-utf8"),
    ] {
        let out = run(bin(&tree, &[name]));
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out));
        assert!(stdout(&out).contains(rule), "{name}: {}", text(&out));
    }
}

// 14. A configuration that cannot be used is an error.

/// Runs share-lint on `dir/p.json` and checks that it fails naming `dir/share-lint.toml` and
/// `why`, and lints nothing with the defaults.
fn assert_config_refused(dir: &Path, command: Command, why: &str) {
    let out = run(command);
    assert_eq!(out.status.code(), Some(2), "{why}: {}", text(&out));
    let config = dir.join("share-lint.toml");
    assert!(
        stderr(&out).contains(&format!(
            "share-lint: error: {}: cannot read the configuration: {why}",
            config.display()
        )),
        "{why}: {}",
        text(&out)
    );
    assert!(!stdout(&out).contains("insecure-url"), "{}", text(&out));
}

#[test]
fn a_config_that_cannot_be_used_is_an_error() {
    let dir = open_tempdir();
    let root = dir.path();
    fs::write(root.join("p.json"), insecure("p")).unwrap();
    let config = root.join("share-lint.toml");

    std::os::unix::fs::symlink("gone.toml", &config).unwrap();
    for args in [&["p.json"][..], &["."]] {
        assert_config_refused(
            root,
            bin(root, args),
            "it is a symbolic link to gone.toml, which does not exist",
        );
    }
    fs::remove_file(&config).unwrap();

    fs::create_dir(&config).unwrap();
    assert_config_refused(
        root,
        bin(root, &["."]),
        "it is a directory, not a regular file",
    );
    fs::remove_dir(&config).unwrap();

    // No process ever writes to it: reading it would wait forever.
    mkfifo(&config);
    assert_config_refused(
        root,
        bin(root, &["p.json"]),
        "it is a FIFO (named pipe), not a regular file",
    );
    fs::remove_file(&config).unwrap();

    std::os::unix::fs::symlink("/dev/zero", &config).unwrap();
    assert_config_refused(
        root,
        bin(root, &["."]),
        "it is a device, not a regular file",
    );
    fs::remove_file(&config).unwrap();

    // Standard input finds its configuration from its name, the same way.
    mkfifo(&config);
    let out = run_with(
        bin(root, &["--stdin-filename", "p.json", "-"]),
        Stdio::from(fs::File::open(root.join("p.json")).unwrap()),
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(stderr(&out).contains("FIFO"), "{}", text(&out));
    fs::remove_file(&config).unwrap();

    use std::os::unix::fs::PermissionsExt;
    fs::write(&config, "[rules]\ninsecure-url = \"off\"\n").unwrap();
    fs::set_permissions(&config, fs::Permissions::from_mode(0o000)).unwrap();
    match as_unprivileged(bin(root, &["p.json"]), &config) {
        Some(command) => assert_config_refused(root, command, "Permission denied (os error 13)"),
        None => println!("note: skipped the unreadable configuration: permissions do not bind us"),
    }
}

#[test]
fn config_flag_reads_any_file_up_to_its_cap() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("p.json"), insecure("p")).unwrap();
    // A device that never ends: read up to 1 MiB and one byte, then refused.
    let out = run(bin_limited(root, &["--config", "/dev/zero", "p.json"]));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        stderr(&out),
        "share-lint: error: /dev/zero: the configuration is over 1,048,576 bytes; at most 1,048,576 are read (a configuration is a few kilobytes: is this the right file?)\n"
    );
    // A pipe named with --config is read (`--config <(generate)`).
    let off = fs::File::open({
        let path = root.join("off.toml");
        fs::write(&path, "[rules]\ninsecure-url = \"off\"\n").unwrap();
        path
    })
    .unwrap();
    let out = run_with(
        bin(root, &["--config", "/dev/stdin", "p.json"]),
        Stdio::from(off),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stdout(&out).contains("Checked 1 file: no findings."),
        "{}",
        text(&out)
    );
    // A missing one is an error naming it.
    let out = run(bin(root, &["--config", "gone.toml", "p.json"]));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("gone.toml: cannot read the configuration: No such file"),
        "{}",
        text(&out)
    );
}

/// A stream can be read once: standard input named as `-` and as `/dev/stdin` is refused up
/// front, not read twice (the second read would be empty, an `invalid-json` finding).
#[cfg(target_os = "linux")]
#[test]
fn one_stream_named_twice_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .current_dir(dir.path())
        .args(["-", "/dev/stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        stderr(&out),
        "share-lint: error: /dev/stdin is the same stream as `-` (standard input), which can be read only once: name it once\n"
    );
    assert!(out.stdout.is_empty(), "{}", text(&out));
    // A regular file on standard input and named too is two reads of one file: both linted.
    std::fs::write(dir.path().join("a.json"), "{}").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .current_dir(dir.path())
        .args(["--output-format", "concise", "-", "a.json"])
        .stdin(std::fs::File::open(dir.path().join("a.json")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stdout(&out).contains("a.json:1:1:"), "{}", text(&out));
}
