//! Pathological files through the real binary: nesting a hundred thousand levels deep, files over
//! the size cap, a 10 MB string, invalid UTF-8, a byte-order mark, NUL bytes, an object of a
//! million keys, a 50 MB thumbnail, numbers beyond `f64`. Each gives one clear finding with its
//! line and column and the exit status DOMAIN.md implies (1 for an error, 0 for the byte-order
//! mark warning), never a crash, and finishes (a hang would stop the test run).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;

/// What one `share-lint --output-format concise FILE` printed.
#[derive(Debug)]
struct Run {
    exit: i32,
    /// The lines of standard output; in `concise`, one per finding:
    /// `path:line:col: severity[CODE] message`.
    lines: Vec<String>,
    stderr: String,
}

/// A directory of its own with a `share-lint.toml` of `config`, so that no configuration above
/// it applies.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("share-lint.toml"), config).unwrap();
    dir
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), contents).unwrap();
}

fn lint(dir: &Path, file: &str) -> Run {
    lint_as(dir, file, "concise")
}

fn lint_as(dir: &Path, file: &str, format: &str) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .current_dir(dir)
        .args(["--output-format", format, "--color", "never", file])
        .output()
        .expect("share-lint runs");
    Run {
        exit: out.status.code().unwrap_or(-1),
        lines: String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_owned)
            .collect(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Asserts that `run` exited with `exit` and printed exactly one finding, `finding` (such as
/// `error[SM001]`) at `line:col` of `file`, whose message contains `message`; returns that line.
fn assert_one(run: &Run, file: &str, finding: &str, at: (u32, u32), message: &str, exit: i32) {
    assert_eq!(run.stderr, "", "{run:?}");
    assert_eq!(run.exit, exit, "{run:?}");
    assert_eq!(run.lines.len(), 1, "{run:?}");
    let prefix = format!("{file}:{}:{}: {finding} ", at.0, at.1);
    let line = &run.lines[0];
    assert!(
        line.starts_with(&prefix),
        "expected {prefix:?}…, got {line:?}"
    );
    assert!(line.contains(message), "expected {message:?} in {line:?}");
}

/// A text share whose `text` is `text`, as JSON source (`text` written as is, so it may break
/// the file).
fn text_share(text: &str) -> String {
    format!(r#"{{"type": "text", "channelType": ["wx"], "channelObject": {{"text": "{text}"}}}}"#)
}

#[test]
fn a_hundred_thousand_nested_arrays_stop_at_the_depth_limit() {
    let dir = project("");
    let depth = 100_000;
    write(
        dir.path(),
        "arrays.json",
        "[".repeat(depth) + &"]".repeat(depth),
    );
    let run = lint(dir.path(), "arrays.json");
    // The 129th `[` is the first one over the limit of 128 levels.
    let message = "nesting deeper than 128 levels";
    assert_one(&run, "arrays.json", "error[SM001]", (1, 129), message, 1);

    // Objects too, unterminated, in the lenient dialect.
    write(dir.path(), "objects.jsonc", r#"{"a": "#.repeat(depth));
    let run = lint(dir.path(), "objects.jsonc");
    let column = 128 * r#"{"a": "#.len() as u32 + 1;
    assert_one(
        &run,
        "objects.jsonc",
        "error[SM001]",
        (1, column),
        message,
        1,
    );
}

#[test]
fn a_file_over_the_default_cap_is_reported_without_being_read() {
    let dir = project("");
    // 200 MB of holes: nothing is written, and reading it would find NUL bytes, not a payload.
    File::create(dir.path().join("huge.json"))
        .unwrap()
        .set_len(200_000_000)
        .unwrap();
    let run = lint(dir.path(), "huge.json");
    let message = "the file is 200,000,000 bytes; files over 10,485,760 bytes are not read";
    assert_one(&run, "huge.json", "error[SM006]", (1, 1), message, 1);
}

#[test]
fn a_configured_cap_is_exact() {
    let dir = project("[files]\nmax-file-size = \"1KB\"\n");
    let share = text_share("hi");
    let padded = |len: usize| format!("{share}{}", " ".repeat(len - share.len()));
    write(dir.path(), "at-cap.json", padded(1_000));
    write(dir.path(), "over-cap.json", padded(1_001));

    let run = lint(dir.path(), "at-cap.json");
    assert_eq!((run.exit, run.lines.len()), (0, 0), "{run:?}");
    let run = lint(dir.path(), "over-cap.json");
    let message = "the file is 1,001 bytes; files over 1,000 bytes are not read";
    assert_one(&run, "over-cap.json", "error[SM006]", (1, 1), message, 1);
}

#[test]
fn a_ten_megabyte_string_is_one_text_too_long() {
    // 10,000,071 bytes: under the default cap of 10 MiB, so it is read.
    let dir = project("");
    write(dir.path(), "long.json", text_share(&"a".repeat(10_000_000)));
    let run = lint(dir.path(), "long.json");
    let message = "text is 10,000,000 UTF-8 bytes long; at most 10,240 are allowed";
    assert_one(&run, "long.json", "error[SM404]", (1, 67), message, 1);
}

#[test]
fn invalid_utf8_is_one_finding_at_the_bad_byte() {
    let dir = project("");
    let mut latin1 = text_share("caf_").into_bytes();
    let at = latin1.iter().position(|&b| b == b'_').unwrap();
    latin1[at] = 0xE9;
    write(dir.path(), "latin1.json", &latin1);
    let run = lint(dir.path(), "latin1.json");
    let message = "byte 70 (0xE9) starts no UTF-8 character";
    assert_one(&run, "latin1.json", "error[SM005]", (1, 71), message, 1);

    // A multibyte character cut short at the very end, after a line break.
    let mut cut = format!("{}\n", text_share("标")).into_bytes();
    cut.extend_from_slice(&"标".as_bytes()[..2]);
    write(dir.path(), "cut.json", &cut);
    let run = lint(dir.path(), "cut.json");
    assert_one(&run, "cut.json", "error[SM005]", (2, 1), "0xE6", 1);
}

#[test]
fn a_byte_order_mark_is_one_warning_and_exit_0() {
    let dir = project("");
    write(
        dir.path(),
        "bom.json",
        format!("\u{FEFF}{}\n", text_share("hi")),
    );
    let run = lint(dir.path(), "bom.json");
    let message = "the file starts with a UTF-8 byte-order mark";
    assert_one(&run, "bom.json", "warning[SM003]", (1, 1), message, 0);
}

#[test]
fn nul_bytes_are_one_syntax_error_where_they_are() {
    let dir = project("");
    let between = r#"{"type": "text", "channelType": ["wx"],
    "channelObject": {"text": "hi"}}"#;
    write(
        dir.path(),
        "between.json",
        between.replace("\n", "\n\0\0\0"),
    );
    let run = lint(dir.path(), "between.json");
    let message = "expected an object key, found control character U+0000";
    assert_one(&run, "between.json", "error[SM001]", (2, 1), message, 1);

    write(dir.path(), "inside.json", text_share("h\0\0i"));
    let run = lint(dir.path(), "inside.json");
    let message = "control character U+0000 in a string must be escaped";
    assert_one(&run, "inside.json", "error[SM001]", (1, 69), message, 1);
}

/// `{"k0": 0, "k1": 1, …}` with `n` keys.
fn keys(n: usize) -> String {
    let mut out = String::with_capacity(n * 20);
    out.push('{');
    for i in 0..n {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&format!(r#""k{i}": {i}"#));
    }
    out.push('}');
    out
}

/// A file of two-byte values (`[0,0,…]`) under the default cap would be a tree of five million
/// nodes: past one value per ten bytes of the cap, the parse stops with one finding. The limit
/// follows the cap.
#[test]
fn more_values_than_the_cap_allows_is_one_finding_where_the_limit_is_passed() {
    let dir = project("");
    let values: u32 = 1 << 20;
    // An object read whole: the value, its array, then the zeros; the one past the limit is
    // zero number 2²⁰ − 2 (from 0), at column 8 + 2 × (2²⁰ − 2).
    write(
        dir.path(),
        "zeros.json",
        format!("{{\"k\": [{}0]}}", "0,".repeat(values as usize)),
    );
    let run = lint(dir.path(), "zeros.json");
    let message = "more than 1048576 JSON values in one file";
    assert_one(
        &run,
        "zeros.json",
        "error[SM001]",
        (1, 8 + 2 * (values - 2)),
        message,
        1,
    );

    // The same zeros as a top-level array of over 1 MiB are read in pieces, whose elements' values are
    // counted apart: each zero is a payload of the wrong type, shown up to the cap of a rule.
    write(
        dir.path(),
        "array.json",
        format!("[{}0]", "0,".repeat(values as usize)),
    );
    let run = lint(dir.path(), "array.json");
    assert_eq!((run.exit, run.stderr.as_str()), (1, ""), "{run:?}");
    assert_eq!(run.lines.len(), 101, "{:?}", &run.lines[..3]);
    assert!(run.lines[0].starts_with("array.json:1:2: error[SM101] "));
    assert!(
        run.lines[100].ends_with("… and 1,048,477 more SM101 findings"),
        "{}",
        run.lines[100]
    );

    let dir = project("[files]\nmax-file-size = 100\n");
    write(dir.path(), "ten.json", "[1,2,3,4,5,6,7,8,9]");
    assert_eq!(
        lint(dir.path(), "ten.json").lines.len(),
        9,
        "ten values are allowed"
    );
    write(dir.path(), "eleven.json", "[1,2,3,4,5,6,7,8,9,10]");
    let run = lint(dir.path(), "eleven.json");
    let message = "more than 10 JSON values in one file";
    assert_one(&run, "eleven.json", "error[SM001]", (1, 20), message, 1);
}

/// A walk judges a file too large to parse whole by its first key: data (GeoJSON, numbers) is
/// skipped like any JSON that is not a payload, a payload is reported.
#[test]
fn a_walk_skips_data_past_the_value_limit_and_reports_payloads() {
    let dir = project("[files]\nmax-file-size = 1000\n");
    let zeros = "0,".repeat(200);
    write(
        dir.path(),
        "geo.json",
        format!(r#"{{"features": [{zeros}0]}}"#),
    );
    write(
        dir.path(),
        "list.json",
        format!(r#"[{{"coordinates": [{zeros}0]}}]"#),
    );
    let run = lint(dir.path(), ".");
    assert_eq!((run.exit, run.lines.len()), (0, 0), "{run:?}");
    write(
        dir.path(),
        "share.json",
        format!("// ok in .jsonc\n[{{\"type\": \"text\", \"x\": [{zeros}0]}}]"),
    );
    std::fs::rename(
        dir.path().join("share.json"),
        dir.path().join("share.jsonc"),
    )
    .unwrap();
    let run = lint(dir.path(), ".");
    // The array, the object, `"text"`, `x`'s array, then zeros: the 101st value is the 97th.
    let message = "more than 100 JSON values in one file";
    assert_one(&run, "share.jsonc", "error[SM001]", (2, 217), message, 1);
}

#[test]
fn a_million_keys_in_one_object_are_one_wrong_type() {
    // About 18 MB, so the cap is raised.
    let dir = project("[files]\nmax-file-size = \"64MB\"\n");
    let payload = format!(
        r#"{{"type": "text", "channelType": {}, "channelObject": {{"text": "hi"}}}}"#,
        keys(1_000_000)
    );
    assert!(payload.len() > 17_000_000);
    write(dir.path(), "keys.json", payload);
    let run = lint(dir.path(), "keys.json");
    let message = "expected an array, found an object";
    assert_one(&run, "keys.json", "error[SM101]", (1, 18), message, 1);
}

#[test]
fn twenty_thousand_unknown_keys_show_a_hundred_and_count_the_rest_in_linear_time() {
    // Each key is a finding of its own. Mapping each back to its key searched the whole object
    // per finding, and the `full` format measured the whole line (here the whole file) for each
    // snippet: both quadratic, 6 s and 7 minutes for this file in a debug build, a hang for a
    // million keys. The engine's `Locator` indexes the object once; a snippet looks only near
    // its span. Past 100 findings of one rule, the rest are one finding that counts them.
    let dir = project("");
    let n = 20_000;
    let extra = keys(n);
    let payload = format!(
        r#"{{"type": "text", "channelType": ["wx"], "channelObject": {{"text": "hi"}}, {}"#,
        &extra[1..]
    );
    write(dir.path(), "unknown.json", &payload);
    let run = lint(dir.path(), "unknown.json");
    assert_eq!(
        (run.exit, run.lines.len(), run.stderr.as_str()),
        (1, 101, "")
    );
    let mut column = 0;
    for (i, line) in run.lines.iter().enumerate() {
        // The keys are in order: search on from the last one.
        column += payload[column..].find(&format!(r#""k{i}":"#)).unwrap() + 1;
        let expected = if i < 100 {
            format!("unknown.json:1:{column}: error[SM103] unknown key `k{i}`;")
        } else {
            format!("unknown.json:1:{column}: error[SM103] … and 19,900 more SM103 findings")
        };
        assert!(line.starts_with(&expected), "{line:?} is not {expected:?}…");
    }
    let full = lint_as(dir.path(), "unknown.json", "full");
    let headers = full.lines.iter().filter(|l| l.starts_with("error[SM103]"));
    assert_eq!((full.exit, headers.count()), (1, 101));
    assert_eq!(
        full.lines.last().map(String::as_str),
        Some("Checked 1 file: found 20000 errors."),
        "the summary counts every finding"
    );
    assert!(
        full.lines.iter().all(|l| l.len() < 1_000),
        "a snippet is cut to fit"
    );
}

#[test]
fn twenty_thousand_suppressions_each_hide_their_line() {
    // Every finding looked at every suppression comment of the file (quadratic: 24 s for
    // 100,000 of each in a release build); they are now found by line.
    let dir = project("");
    let n = 20_000;
    let mut text =
        String::from(r#"{"type": "text", "channelObject": {"text": "hi"}, "channelType": ["#);
    for i in 0..n {
        text.push_str(&format!(
            "\n  // share-lint-ignore SM104: generated\n  \"c{i}\","
        ));
    }
    text.push_str("\n  // an unknown channel left to report\n  \"qq\"]}\n");
    write(dir.path(), "suppressed.jsonc", text);
    let run = lint(dir.path(), "suppressed.jsonc");
    let message = r#"unknown value "qq""#;
    let at = (2 * n as u32 + 3, 3);
    assert_one(&run, "suppressed.jsonc", "error[SM104]", at, message, 1);
}

#[test]
fn twenty_thousand_suppressions_on_one_line_hide_the_next_line() {
    // Each finding looked at every comment of the line above (20,000 × 20,000); the comments
    // of a line are now grouped with the rules they name.
    let dir = project("");
    let n = 20_000;
    let mut text = "/* share-lint-ignore SM104 */ ".repeat(n);
    text.push_str(
        "\n{\"type\": \"text\", \"channelObject\": {\"text\": \"hi\"}, \"channelType\": [",
    );
    let channels: Vec<String> = (0..n).map(|i| format!("\"c{i}\"")).collect();
    text.push_str(&channels.join(", "));
    text.push_str(
        "]}\n// one code that suppresses nothing: reported once\n// share-lint-ignore SM104\n",
    );
    write(dir.path(), "line.jsonc", text);
    let run = lint(dir.path(), "line.jsonc");
    let message = "`share-lint-ignore SM104` suppresses nothing";
    assert_one(&run, "line.jsonc", "warning[SM004]", (4, 1), message, 0);
}

#[test]
fn a_five_megabyte_key_is_one_unknown_key() {
    // "Did you mean" measured the key against each known key in a table of 5 million rows
    // (over a gigabyte); a key longer than any known key by more than 3 is now not measured.
    let dir = project("");
    let key = "k".repeat(5_000_000);
    let payload = format!(
        r#"{{"type": "text", "channelType": ["wx"], "channelObject": {{"text": "hi"}}, "{key}": 1}}"#
    );
    write(dir.path(), "key.json", payload);
    let run = lint(dir.path(), "key.json");
    assert_one(
        &run,
        "key.json",
        "error[SM103]",
        (1, 74),
        "unknown key `kkk",
        1,
    );
}

/// Writes the base64 text of a 500×400 PNG header followed by zeros, `len` characters in all.
fn write_png_thumbnail(out: &mut impl Write, len: usize) {
    // Signature, IHDR length and type, width, height, bit depth 8, colour type 2: 29 bytes,
    // padded with zeros to 30 so the base64 of the header ends on a whole quad.
    let mut header = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    header.extend_from_slice(&500u32.to_be_bytes());
    header.extend_from_slice(&400u32.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0, 0]);
    let encoded = base64_of_whole_quads(&header);
    out.write_all(encoded.as_bytes()).unwrap();
    let zeros = [b'A'; 64 * 1024];
    let mut left = len - encoded.len();
    while left > 0 {
        let n = left.min(zeros.len());
        out.write_all(&zeros[..n]).unwrap();
        left -= n;
    }
}

/// Base64 of `bytes`, whose length is a multiple of 3.
fn base64_of_whole_quads(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    assert_eq!(bytes.len() % 3, 0);
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16) | (u32::from(chunk[1]) << 8) | u32::from(chunk[2]);
        for shift in [18, 12, 6, 0] {
            out.push(char::from(ALPHABET[(n >> shift) as usize & 63]));
        }
    }
    out
}

#[test]
fn a_fifty_megabyte_thumbnail_is_too_large_not_a_crash() {
    let dir = project("[files]\nmax-file-size = \"64MB\"\n");
    let mut file = BufWriter::new(File::create(dir.path().join("thumb.json")).unwrap());
    let before = r#"{"type": "webPage", "channelType": ["wx"], "channelObject": {"title": "t", "webpageUrl": "https://example.com", "thumbImage": ""#;
    file.write_all(before.as_bytes()).unwrap();
    write_png_thumbnail(&mut file, 50_000_000);
    file.write_all(b"\"}}\n").unwrap();
    file.into_inner().unwrap().sync_all().unwrap();

    let run = lint(dir.path(), "thumb.json");
    assert_eq!((run.exit, run.stderr.as_str()), (1, ""), "{run:?}");
    // Two findings, by design (the SM603 docs: "Over 65,536 bytes, `thumbnail-too-large`
    // reports an error as well"): the error for current SDKs and the warning for older ones,
    // which a project may configure apart. Nothing else: the value is base64 and a PNG.
    let column = before.len() as u32;
    assert_eq!(
        run.lines,
        [
            format!("thumb.json:1:{column}: error[SM602] thumbImage decodes to 37,500,000 bytes; at most 65,536 are allowed"),
            format!("thumb.json:1:{column}: warning[SM603] thumbImage decodes to 37,500,000 bytes; at most 32,768 are allowed"),
        ]
    );
}

#[test]
fn numbers_beyond_f64_are_one_number_out_of_range() {
    let dir = project("");
    let digits = format!("1{}", "0".repeat(400));
    let cases = [
        ("bare.json", "1e999999".to_owned(), "1e999999"),
        (
            "flag.json",
            r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}, "showAIAgentEntrance": 1e999999}"#.to_owned(),
            "1e999999",
        ),
        (
            "title.json",
            r#"{"type": "webPage", "channelType": ["wx"], "channelObject": {"title": -1e999999, "webpageUrl": "https://example.com"}}"#.to_owned(),
            "-1e999999",
        ),
        (
            "digits.json",
            format!(r#"{{"type": "text", "channelType": [{digits}], "channelObject": {{"text": "hi"}}}}"#),
            &digits,
        ),
    ];
    for (file, text, number) in cases {
        let column = text.find(number).unwrap() as u32 + 1;
        write(dir.path(), file, &text);
        let run = lint(dir.path(), file);
        // The wrong type of the `null` it is read as is not reported beside it.
        let infinity = if number.starts_with('-') {
            "-Infinity"
        } else {
            "Infinity"
        };
        let message = format!("is out of range: JavaScript reads it as {infinity}");
        assert_one(&run, file, "error[SM007]", (1, column), &message, 1);
    }
    // 400 digits are quoted by their first 40.
    let run = lint(dir.path(), "digits.json");
    assert!(
        run.lines[0].contains(&format!("`{}…`", &digits[..40])),
        "{run:?}"
    );
}

#[test]
fn a_suppression_cannot_hide_a_file_that_does_not_parse() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.jsonc");
    std::fs::write(
        &path,
        "// share-lint-ignore SM001: nope\n{\"type\": \"text\",,}\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .args(["--output-format", "concise"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("error[SM001]"), "{stdout}");
}

/// A campaign file of 1 MiB or more holding an array is read a piece at a time, whatever its
/// size: the cap bounds each element, an element over it is reported where it starts and
/// skipped, and the elements after it are still checked — except when fixing, which reads the
/// file whole under the cap.
#[test]
fn a_large_array_is_read_element_by_element_under_the_cap() {
    let dir = project("[files]\nmax-file-size = \"100KB\"\n");
    let good = text_share("hi");
    let mut doc = String::from("[\n");
    for _ in 0..20_000 {
        doc.push_str(&good);
        doc.push_str(",\n");
    }
    // Element 20,000, on line 20,002: 200,000 bytes of text, over the 100 KB cap.
    doc.push_str(&text_share(&"a".repeat(200_000)));
    doc.push_str(",\n");
    // Element 20,001: a mini program shared to Moments, still checked.
    doc.push_str(r#"{"type": "miniProgram", "channelType": ["wx_moments"], "channelObject": {"title": "t", "webpageUrl": "https://e.com", "userName": "gh_0123456789ab", "path": "p", "thumbImage": "x"}}"#);
    doc.push_str("\n]\n");
    assert!(doc.len() > 1 << 20);
    write(dir.path(), "campaign.json", &doc);
    let run = lint(dir.path(), "campaign.json");
    assert_eq!((run.exit, run.stderr.as_str()), (1, ""), "{run:?}");
    assert!(
        run.lines[0]
            .starts_with("campaign.json:20002:1: error[SM006] element 20000 of the array is 200,"),
        "{:?}",
        run.lines
    );
    assert!(
        run.lines
            .iter()
            .any(|l| l.starts_with("campaign.json:20003:") && l.contains("error[SM301]")),
        "{:?}",
        run.lines
    );

    // Fixing reads the file whole: over the cap, it is not read.
    let out = Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .current_dir(dir.path())
        .args(["--output-format", "concise", "--fix", "campaign.json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("campaign.json:1:1: error[SM006] the file is "),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("campaign.json")).unwrap(),
        doc
    );
}

/// DOMAIN.md: a 64 MiB array of mini program payloads at their size limits lints by default.
#[test]
fn a_64_mib_campaign_file_lints_by_default() {
    let fixture = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/thumbnails/valid.jsonc"),
    )
    .unwrap();
    let json: String = fixture.lines().skip(1).collect::<Vec<_>>().join("\n");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let thumb = value["channelObject"]["thumbImage"].as_str().unwrap();
    let payload = serde_json::json!({
        "type": "miniProgram",
        "channelType": ["wx"],
        "channelObject": {
            "title": "标".repeat(170),
            "description": "述".repeat(341),
            "webpageUrl": format!("https://example.com/{}", "p".repeat(1000)),
            "userName": "gh_0123456789ab",
            "path": format!("pages/index/index?{}", "q".repeat(2000)),
            "withShareTicket": true,
            "thumbImage": thumb,
        }
    })
    .to_string();
    let count = (64 << 20) / (payload.len() + 2);
    let doc = format!("[{}]", vec![payload; count].join(",\n"));
    assert!(
        doc.len() > 60 << 20 && doc.len() <= 64 << 20,
        "{}",
        doc.len()
    );
    let dir = project("");
    write(dir.path(), "campaign.json", &doc);
    let run = lint(dir.path(), "campaign.json");
    assert_eq!(
        (run.exit, run.stderr.as_str()),
        (0, ""),
        "{:?}",
        &run.lines[..run.lines.len().min(3)]
    );
    assert!(
        run.lines
            .iter()
            .all(|l| !l.contains("error[") && !l.contains("warning[")),
        "{:?}",
        &run.lines[..run.lines.len().min(3)]
    );
}
