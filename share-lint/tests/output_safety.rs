//! Where the findings go never costs a file or the verdict, through the real binary:
//! `--output-file` is written last and atomically and refuses a file the run reads, `--fix -` is
//! a filter, a reader that goes away does not change the exit status nor stop the fixes, a write
//! that fails names its destination, flags that would break a document are refused, and the
//! workers do not run unboundedly ahead of the printer.

mod common;
use common::{stderr, text};

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A 1×1 PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/// A payload with an error (a mini program shared to Moments) and nothing to fix.
const ERROR: &str = r#"{"type": "miniProgram", "channelType": ["wx_moments"], "channelObject": {"webpageUrl": "https://e.com", "userName": "gh_0123456789ab"}}
"#;

/// A payload whose only finding has a safe fix: a thumbnail pasted with its `data:` prefix.
fn fixable(i: usize) -> (String, String) {
    let payload = |thumb: &str| {
        format!(
            "// report {i}\n{{\"type\": \"webPage\", \"channelType\": [\"wx\"], \"channelObject\": \
             {{\"title\": \"季度报告 {i}\", \"webpageUrl\": \"https://example.com/{i}\", \
             \"thumbImage\": \"{thumb}\"}}}}\n"
        )
    };
    (
        payload(&format!("data:image/png;base64,{PNG}")),
        payload(PNG),
    )
}

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_share-lint"));
    command.args(["--color", "never"]);
    command
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("share-lint runs")
}

/// Runs with `input` on standard input.
fn run_with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

#[test]
fn an_output_file_that_the_run_reads_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a.json"), ERROR).unwrap();
    fs::write(p.join("share-lint.toml"), "[rules]\n").unwrap();
    fs::write(p.join("other.toml"), "[rules]\n").unwrap();
    fs::create_dir(p.join("walked")).unwrap();
    fs::write(p.join("walked/b.json"), ERROR).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("a.json", p.join("link.json")).unwrap();
        fs::hard_link(p.join("a.json"), p.join("hard.json")).unwrap();
    }
    let cases: &[(&[&str], &str, &str)] = &[
        (&["a.json"], "a.json", "an input"),
        (&["./a.json"], "a.json", "an input"),
        #[cfg(unix)]
        (&["a.json"], "link.json", "an input"),
        #[cfg(unix)]
        (&["a.json"], "hard.json", "an input"),
        (
            &["walked"],
            "walked/b.json",
            "a payload file found in a directory",
        ),
        (&["a.json"], "share-lint.toml", "a configuration"),
        (
            &["--config", "other.toml", "a.json"],
            "other.toml",
            "the configuration",
        ),
    ];
    for (args, output, what) in cases {
        let before: Vec<_> = ["a.json", "walked/b.json", "share-lint.toml", "other.toml"]
            .iter()
            .map(|f| fs::read(p.join(f)).unwrap())
            .collect();
        let mut all = args.to_vec();
        all.extend(["--output-file", output]);
        let out = run_in(p, &all);
        assert_eq!(out.status.code(), Some(2), "{all:?}\n{}", text(&out));
        assert!(
            stderr(&out).contains(&format!("--output-file {output} is {what} of this run")),
            "{all:?}\n{}",
            text(&out)
        );
        let after: Vec<_> = ["a.json", "walked/b.json", "share-lint.toml", "other.toml"]
            .iter()
            .map(|f| fs::read(p.join(f)).unwrap())
            .collect();
        assert_eq!(before, after, "{all:?}");
    }
    // No temporary file is left anywhere.
    let mut names: Vec<String> = fs::read_dir(p)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn a_report_written_twice_into_the_walked_tree_is_never_linted() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    // A clean tree: its JSON report is `[]`, which the walk's sniff alone would take for an
    // empty list of payloads.
    fs::write(p.join("clean.jsonc"), &fixable(0).1).unwrap();
    for _ in 0..2 {
        let all = [
            "--output-format",
            "json",
            "--output-file",
            "empty.json",
            ".",
        ];
        let out = run_in(p, &all);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        assert_eq!(
            fs::read_to_string(p.join("empty.json")).unwrap().trim(),
            "[]"
        );
    }
    fs::remove_file(p.join("empty.json")).unwrap();
    fs::write(p.join("a.json"), ERROR).unwrap();
    for format in ["json", "concise", "full", "github", "sarif"] {
        let report = format!("findings-{format}.json");
        let args = [
            "--output-format",
            format,
            "--output-file",
            report.as_str(),
            ".",
        ];
        let first = run_in(p, &args);
        assert_eq!(first.status.code(), Some(1), "{}", text(&first));
        let first_report = fs::read_to_string(p.join(&report)).unwrap();
        assert!(first_report.contains("SM301"), "{first_report}");
        let second = run_in(p, &args);
        // SARIF has a `$schema` key and text does not parse, so the walk's sniff alone would
        // take either for a payload: share-lint's own reports are recognised.
        assert_eq!(second.status.code(), Some(1), "{}", text(&second));
        assert_eq!(
            fs::read_to_string(p.join(&report)).unwrap(),
            first_report,
            "the second run found the same, and did not lint the first report"
        );
        fs::remove_file(p.join(&report)).unwrap();
    }
}

#[test]
fn a_report_that_cannot_be_created_fails_before_anything_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let (original, _) = fixable(0);
    fs::write(p.join("a.json"), &original).unwrap();
    for output in ["no-such-dir/report.txt", "."] {
        let out = run_in(p, &["--fix", "a.json", "--output-file", output]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert!(
            stderr(&out).contains(&format!("writing {output}")),
            "{}",
            text(&out)
        );
        assert_eq!(fs::read_to_string(p.join("a.json")).unwrap(), original);
    }
}

#[test]
fn a_new_report_gets_the_permissions_of_any_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a.json"), ERROR).unwrap();
    let out = run_in(p, &["a.json", "--output-file", "report.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    fs::write(p.join("sibling.txt"), "").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |f: &str| fs::metadata(p.join(f)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode("report.txt"), mode("sibling.txt"));
        // A report that exists keeps its own.
        fs::set_permissions(p.join("report.txt"), fs::Permissions::from_mode(0o640)).unwrap();
        run_in(p, &["a.json", "--output-file", "report.txt"]);
        assert_eq!(mode("report.txt"), 0o640);
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_write_that_fails_names_its_destination() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a.json"), ERROR).unwrap();
    let out = run_in(p, &["a.json", "--output-file", "/dev/full"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("writing /dev/full: No space left on device"),
        "{}",
        text(&out)
    );
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = bin()
        .current_dir(p)
        .arg("a.json")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("writing standard output: No space left on device"),
        "{}",
        text(&out)
    );
    // Through /dev/stdout, the file standard output goes to is appended to, not replaced; so is
    // it through a link of the user's own to /dev/stdout.
    fs::write(p.join("ci.log"), "earlier lines\n").unwrap();
    std::os::unix::fs::symlink("/dev/stdout", p.join("to-stdout")).unwrap();
    for (times, output) in [(1, "/dev/stdout"), (2, "to-stdout")] {
        let log = fs::OpenOptions::new()
            .append(true)
            .open(p.join("ci.log"))
            .unwrap();
        let out = bin()
            .current_dir(p)
            .args([
                "--output-format",
                "concise",
                "a.json",
                "--output-file",
                output,
            ])
            .stdout(log)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{output}: {}", text(&out));
        let log = fs::read_to_string(p.join("ci.log")).unwrap();
        assert!(
            log.starts_with("earlier lines\na.json:1:"),
            "{output}: {log}"
        );
        assert_eq!(
            log.matches("SM301").count(),
            times,
            "{output}: appended: {log}"
        );
    }
    // A device named as the output is written directly, not replaced.
    let out = run_in(p, &["a.json", "--output-file", "/dev/null"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device_like());
}

/// `is_char_device` under a name that also compiles where `FileTypeExt` is not imported.
trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for fs::FileType {
    fn is_char_device_like(&self) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            self.is_char_device()
        }
        #[cfg(not(unix))]
        {
            true
        }
    }
}

#[test]
fn fixing_standard_input_writes_only_the_text_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let (original, fixed) = fixable(1);
    let args = ["--fix", "--stdin-filename", "a.jsonc", "-"];
    // Fixed: the fixed text, and nothing else; the findings left go to standard error.
    let out = run_with_stdin(p, &args, original.as_bytes());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        fixed,
        "{}",
        text(&out)
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    // Nothing to fix: the text as it came, the findings on standard error, the verdict kept.
    let out = run_with_stdin(p, &args, ERROR.as_bytes());
    assert_eq!(out.stdout, ERROR.as_bytes(), "{}", text(&out));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("SM301"), "{}", text(&out));
    // Whatever the output format: JSON findings go to standard error, whole.
    let mut json = vec!["--output-format", "json"];
    json.extend(args);
    let out = run_with_stdin(p, &json, ERROR.as_bytes());
    assert_eq!(out.stdout, ERROR.as_bytes(), "{}", text(&out));
    let findings: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(findings[0]["code"], "SM301", "{findings}");
    // Not UTF-8, not JSON, empty, not a payload: passed through byte for byte.
    for input in [
        &b"{\"type\": \"text\xff\"}"[..],
        b"not json at all",
        b"",
        b"{\"name\": \"package\"}",
    ] {
        for extra in [&[][..], &["--only-payloads"]] {
            let mut all = extra.to_vec();
            all.extend(args);
            let out = run_with_stdin(p, &all, input);
            assert_eq!(out.stdout, input, "{all:?}\n{}", text(&out));
        }
    }
    // Too large to lint: passed through whole, though only the cap and one byte were read to
    // lint it.
    fs::write(p.join("share-lint.toml"), "[files]\nmax-file-size = 100\n").unwrap();
    let large = format!("{{\"x\": \"{}\"}}", "é".repeat(50_000));
    let out = run_with_stdin(p, &args, large.as_bytes());
    assert_eq!(out.stdout, large.as_bytes(), "{}", stderr(&out));
    assert!(stderr(&out).contains("SM0"), "{}", stderr(&out));
    fs::remove_file(p.join("share-lint.toml")).unwrap();
    // A reader of the text that goes away ends the pass-through of an endless input.
    let mut child = bin()
        .current_dir(p)
        .args(args)
        .stdin(fs::File::open("/dev/zero").unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("the filter went on reading standard input after its reader left");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // With other files: they are fixed in place, standard input still only gets its text.
    let (other, other_fixed) = fixable(2);
    fs::write(p.join("b.json"), &other).unwrap();
    let mut with_file = args.to_vec();
    with_file.push("b.json");
    let out = run_with_stdin(p, &with_file, original.as_bytes());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        fixed,
        "{}",
        text(&out)
    );
    assert_eq!(fs::read_to_string(p.join("b.json")).unwrap(), other_fixed);
    // And with --output-file, the findings go there.
    let mut to_file = args.to_vec();
    to_file.extend(["--output-file", "report.txt"]);
    let out = run_with_stdin(p, &to_file, ERROR.as_bytes());
    assert_eq!(out.stdout, ERROR.as_bytes(), "{}", text(&out));
    assert!(fs::read_to_string(p.join("report.txt"))
        .unwrap()
        .contains("SM301"));
}

#[test]
fn a_document_stays_whole() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a.json"), ERROR).unwrap();
    for format in ["json", "sarif"] {
        // `--diff` would put a diff inside the document: refused.
        let out = run_in(p, &["--output-format", format, "--diff", "a.json"]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert!(out.stdout.is_empty(), "{}", text(&out));
        assert!(
            stderr(&out).contains(&format!(
                "--diff cannot be used with --output-format {format}"
            )),
            "{}",
            text(&out)
        );
        // `--statistics` goes to standard error: the document parses, into a file too.
        let out = run_in(p, &["--output-format", format, "--statistics", "a.json"]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        serde_json::from_slice::<serde_json::Value>(&out.stdout)
            .unwrap_or_else(|e| panic!("{format} stays one document: {e}\n{}", text(&out)));
        assert!(stderr(&out).contains("SM301"), "{}", text(&out));
        let args = [
            "--output-format",
            format,
            "--statistics",
            "--output-file",
            "r.json",
            "a.json",
        ];
        let out = run_in(p, &args);
        let report = fs::read(p.join("r.json")).unwrap();
        serde_json::from_slice::<serde_json::Value>(&report).expect("the report file parses");
        assert!(stderr(&out).contains("SM301"), "{}", text(&out));
    }
    // Fixing standard input puts the document on standard error: no room for the table there.
    let args = ["--fix", "--output-format", "json", "--statistics", "-"];
    let out = run_with_stdin(p, &args, ERROR.as_bytes());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("--statistics cannot be used with --fix"),
        "{}",
        text(&out)
    );
    // The text formats take both, on standard output.
    let out = run_in(
        p,
        &[
            "--output-format",
            "concise",
            "--statistics",
            "--diff",
            "a.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

#[test]
fn a_flag_given_twice_takes_its_last_value() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a.json"), ERROR).unwrap();
    // A hook's `args: [--output-format=concise]` after the command's own.
    let out = run_in(
        p,
        &[
            "--output-format",
            "json",
            "--output-format=concise",
            "a.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("a.json:"), "{}", text(&out));
}

#[test]
fn stdin_filename_alone_reads_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_with_stdin(
        dir.path(),
        &["--stdin-filename", "x.json"],
        ERROR.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("x.json") && stdout.contains("SM301"),
        "{}",
        text(&out)
    );
}

#[test]
fn force_color_colours_a_pipe_and_never_stays_never() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a.json"), ERROR).unwrap();
    let coloured = |color: &str, env: &[(&str, &str)]| {
        let mut command = bin();
        command
            .current_dir(p)
            .env_remove("NO_COLOR")
            .env_remove("FORCE_COLOR")
            .env_remove("CLICOLOR_FORCE");
        for (k, v) in env {
            command.env(k, v);
        }
        let out = command
            .args(["--color", color, "--output-format", "full", "a.json"])
            .output()
            .expect("share-lint runs");
        out.stdout.windows(2).any(|w| w == b"\x1b[")
    };
    assert!(!coloured("auto", &[]), "a pipe is not coloured by default");
    assert!(coloured("auto", &[("FORCE_COLOR", "1")]));
    assert!(coloured(
        "auto",
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    ));
    assert!(!coloured("auto", &[("FORCE_COLOR", "0")]));
    assert!(!coloured("auto", &[("FORCE_COLOR", "")]));
    assert!(!coloured("never", &[("FORCE_COLOR", "1")]));
    // Never into a report file.
    let out = bin()
        .current_dir(p)
        .env("FORCE_COLOR", "1")
        .args(["--color", "auto", "--output-file", "r.txt", "a.json"])
        .output()
        .expect("share-lint runs");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report = fs::read(p.join("r.txt")).unwrap();
    assert!(
        !report.windows(2).any(|w| w == b"\x1b["),
        "{}",
        String::from_utf8_lossy(&report)
    );
}

/// A payload with a warning (a channel listed twice) that `--fix` removes.
const WARNING: &str = r#"{"type": "text", "channelType": ["wx", "wx"], "channelObject": {"text": "hi"}}
"#;

/// A payload with a safe fix (a channel listed twice) and an error the fix leaves.
const FIXABLE_ERROR: &str = r#"{"type": "miniProgram", "channelType": ["wx", "wx", "wx_moments"], "channelObject": {"webpageUrl": "https://e.com", "userName": "gh_0123456789ab"}}
"#;

/// Writes `count` files `p0000.json`, ... holding `contents` into `dir`: enough findings for
/// the report to overflow a pipe's buffer many times.
fn tree(dir: &Path, count: usize, contents: &str) -> Vec<std::path::PathBuf> {
    (0..count)
        .map(|i| {
            let path = dir.join(format!("p{i:04}.json"));
            fs::write(&path, contents).unwrap();
            path
        })
        .collect()
}

fn is_fixed(path: &Path) -> bool {
    !fs::read_to_string(path).unwrap().contains("\"wx\", \"wx\"")
}

/// Runs in `dir`, reads one line of standard output and closes it, like `| head -1`.
fn run_then_close_after_one_line(dir: &Path, args: &[&str]) -> Output {
    let mut child = bin()
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(!line.is_empty());
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    Output {
        status,
        stdout: line.into_bytes(),
        stderr: err.into_bytes(),
    }
}

#[test]
fn a_reader_that_goes_away_changes_neither_the_verdict_nor_the_fixes() {
    // Warnings fill the pipe; the one error comes last, after the reader has gone.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    tree(p, 300, WARNING);
    fs::write(p.join("z.json"), ERROR).unwrap();
    let out = run_then_close_after_one_line(p, &["-j", "2", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(out.stderr.is_empty(), "{}", text(&out));

    // Every file is fixed, though nobody read past the first finding.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let files = tree(p, 300, FIXABLE_ERROR);
    let out = run_then_close_after_one_line(p, &["-j", "2", "--fix", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let unfixed: Vec<_> = files.iter().filter(|f| !is_fixed(f)).collect();
    assert!(
        unfixed.is_empty(),
        "{} not fixed: {unfixed:?}",
        unfixed.len()
    );
    assert!(out.stderr.is_empty(), "{}", text(&out));
}

/// A slow first file (a named pipe nobody writes to yet) does not let the workers lint the
/// whole tree ahead of the printer: with `--fix`, how many later files are fixed while the first
/// blocks shows how far ahead they ran.
#[cfg(unix)]
#[test]
fn workers_stay_a_bounded_distance_ahead_of_the_printer() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let fifo = p.join("first.json");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let files = tree(p, 400, FIXABLE_ERROR);
    let mut args = vec!["-j".to_owned(), "2".to_owned(), "--fix".to_owned()];
    args.push("first.json".to_owned());
    args.extend(
        files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned()),
    );
    let mut child = bin()
        .current_dir(p)
        .args(&args)
        // Nobody reads the report, so that only the first file holds the printer up.
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let count_fixed = || files.iter().filter(|f| is_fixed(f)).count();
    // Let the workers run as far as they may; they stop well before the end.
    let start = Instant::now();
    let mut last = usize::MAX;
    while start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(500));
        let now = count_fixed();
        if now == last && now > 0 {
            break;
        }
        last = now;
    }
    let ahead = count_fixed();
    assert!(
        ahead < 200,
        "{ahead} of 400 files fixed while the first file blocks"
    );
    // Release the first file (from a thread: opening a pipe to write waits for its reader):
    // the run finishes, every file fixed.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(fifo, ERROR))
    };
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            // Unblock the writer, which waits for a reader that never came.
            let _ = fs::File::open(&fifo);
            panic!("the run did not finish once its first file was written");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    writer.join().unwrap().unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(1));
    assert_eq!(count_fixed(), 400);
}

/// A campaign file the walk finds is a payload whatever its size — read a piece at a time past
/// the cap — so naming it as `--output-file` is refused like any payload, never taken for an
/// earlier report and overwritten.
#[test]
fn a_large_walked_array_is_a_payload_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(
        p.join("share-lint.toml"),
        "[files]\nmax-file-size = \"100KB\"\n",
    )
    .unwrap();
    fs::create_dir(p.join("walked")).unwrap();
    let item = r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}}"#;
    let campaign = format!("[{}]", vec![item; 20_000].join(",\n"));
    assert!(campaign.len() > 1 << 20);
    fs::write(p.join("walked/campaign.json"), &campaign).unwrap();
    let out = run_in(p, &["walked", "--output-file", "walked/campaign.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("is a payload file found in a directory of this run"),
        "{}",
        text(&out)
    );
    assert_eq!(
        fs::read_to_string(p.join("walked/campaign.json")).unwrap(),
        campaign
    );
}
