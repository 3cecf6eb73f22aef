//! Hostile input never panics and never hangs: property tests feed arbitrary bytes, JSON-ish
//! token soup, arbitrary JSON, payload-shaped JSON and randomly mutated example payloads to the
//! parser and its tree, the engine (lint, fix, render), the typed model and the thumbnail and URL
//! rules, and check what must hold whatever the input.
//!
//! Inputs stay under a few KiB (the shipped examples and the small rule fixtures, mutated), so
//! every case runs at once: the parser and the rules are linear, and a hang would show as a test
//! that never ends. Quadratic and huge inputs are `pathological.rs`'s.

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value};
use share_lint::diagnostic::FileReport;
use share_lint::engine;
use share_lint::fix::FixMode;
use share_lint::json::{self, Locator, Node, NodeKind, ParseOptions};
use share_lint::render::{self, OutputFormat, RenderOptions};
use share_lint::settings::Settings;
use share_schema::catalog;
use share_schema::rules::{image, url};
use share_schema::{Context, PayloadFile, Shape, Validate};
use std::path::Path;
use std::sync::LazyLock;

/// Cases per property: enough to reach every rule many times, few enough for a debug build.
const CASES: u32 = 256;

/// Seed files larger than this are left out, to keep each case fast in a debug build.
const MAX_SEED_BYTES: usize = 16 * 1024;

/// Pointers checked per tree, at most.
const MAX_POINTERS: usize = 256;

/// Pieces of JSON and of payloads, for token soup and for insertions into seeds.
const FRAGMENTS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    " ",
    "\n",
    "\r\n",
    "\t",
    "\"",
    "\\",
    "\\u",
    "\\ud83d",
    "\\ude00",
    "\\n",
    "\"type\"",
    "\"channelType\"",
    "\"channelObject\"",
    "\"content\"",
    "\"params\"",
    "\"$schema\"",
    "\"text\"",
    "\"title\"",
    "\"description\"",
    "\"webpageUrl\"",
    "\"thumbImage\"",
    "\"userName\"",
    "\"path\"",
    "\"withShareTicket\"",
    "\"url\"",
    "\"image\"",
    "\"showAIAgentEntrance\"",
    "\"webPage\"",
    "\"miniProgram\"",
    "\"markdown\"",
    "\"wx\"",
    "\"wx_moments\"",
    "\"https://example.com/a?b=c#d\"",
    "\"http://user:pw@host\"",
    "\"data:image/png;base64,iVBORw0KGgo=\"",
    "\"gh_0123456789ab\"",
    "0",
    "-0",
    "1.5e3",
    "1e999999",
    "-",
    "true",
    "false",
    "null",
    "True",
    "NaN",
    "//",
    "/*",
    "*/",
    "// share-lint-ignore SM103\n",
    "/* share-lint-ignore SM001, SM104: reason */",
    "\u{FEFF}",
    "\u{0}",
    "é",
    "标",
    "😀",
    "\u{202E}",
    "\u{301}",
    "'",
    "\u{7f}",
];

/// Keys of both variants and their content objects.
const KEYS: &[&str] = &[
    "type",
    "channelType",
    "channelObject",
    "content",
    "params",
    "$schema",
    "showAIAgentEntrance",
    "text",
    "title",
    "description",
    "webpageUrl",
    "thumbImage",
    "userName",
    "path",
    "withShareTicket",
    "url",
    "image",
    "Title",
    "titel",
    "a/b~c",
    "",
];

/// Strings the rules look at closely.
const WORDS: &[&str] = &[
    "text",
    "webPage",
    "miniProgram",
    "markdown",
    "wx",
    "wx_moments",
    "",
    "https://example.com/page?q=1",
    "http://example.com",
    "https://user:pw@example.com",
    "https://[::1]:8080/",
    "ftp://example.com",
    "//example.com",
    "https://例子.中国/路径",
    "gh_0123456789ab",
    "小程序原始ID",
    "/pages/index?id=1",
    "data:image/png;base64,iVBORw0KGgo=",
    "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==",
    "iVBORw0KGgo",
    "2.1.0",
];

/// Magic numbers (and a little more) of the image formats the sniffers recognise.
const MAGICS: &[&[u8]] = &[
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF89a",
    b"GIF87a",
    b"RIFF\0\0\0\0WEBPVP8 ",
    b"RIFF\0\0\0\0WEBPVP8L",
    b"RIFF\0\0\0\0WEBPVP8X",
    b"BM",
    b"",
];

/// The shipped examples and the small rule fixtures: (file name, contents).
static SEEDS: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs = [
        root.join("../examples/good"),
        root.join("../examples/bad"),
        root.join("tests/fixtures/rules"),
    ];
    let mut seeds = Vec::new();
    for dir in dirs {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.is_file())
            .collect();
        entries.sort();
        for path in entries {
            let bytes = std::fs::read(&path).unwrap();
            if bytes.len() <= MAX_SEED_BYTES {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                seeds.push((name, bytes));
            }
        }
    }
    assert!(seeds.len() >= 9, "the examples are missing: {seeds:?}");
    seeds
});

// ---- what must hold ----

/// Lints `bytes` as a `.json` and as a `.jsonc` file, parses, fixes and builds the model.
fn check_input(bytes: &[u8]) {
    let settings = Settings::default();
    for path in ["payload.json", "payload.jsonc"] {
        let report = engine::lint_bytes(path, bytes.to_vec(), &settings);
        check_report(&report, path.ends_with(".json"));
        let Ok(text) = std::str::from_utf8(bytes) else {
            let utf8: Vec<&str> = report
                .diagnostics
                .iter()
                .filter(|d| d.rule == &catalog::INVALID_UTF8)
                .map(|d| d.rule.code)
                .collect();
            assert_eq!(utf8.len(), 1, "{:?}", report.diagnostics);
            continue;
        };
        let opts = options(path);
        let parsed = json::parse(text, &opts);
        // A `share-lint-ignore SM001` comment may hide the syntax error, as it may any finding.
        if parsed.root.is_none() && !text.contains("share-lint-ignore") {
            assert!(
                report
                    .diagnostics
                    .iter()
                    .any(|d| d.rule == &catalog::INVALID_JSON),
                "an unparsable file without SM001: {:?}",
                report.diagnostics
            );
        }
        check_parse(text, &opts);
        for mode in [FixMode::Safe, FixMode::Unsafe] {
            check_fix(path, text, mode);
        }
        if let Some(root) = &parsed.root {
            check_model(&root.to_value());
        }
    }
}

fn options(path: &str) -> ParseOptions {
    if path.ends_with(".jsonc") {
        ParseOptions::jsonc()
    } else {
        ParseOptions::json()
    }
}

/// Every span of a report slices its text, and the output formats render it: the line formats
/// always, the document formats (whose SARIF carries the whole rule catalogue, slow to write in
/// a debug build) with `documents`.
fn check_report(report: &FileReport, documents: bool) {
    let text = &report.source.text;
    for d in &report.diagnostics {
        assert!(text.get(d.span.range()).is_some(), "{d:?} in {text:?}");
        let location = report.location(d);
        assert!(location.line >= 1 && location.column >= 1, "{location:?}");
        for edit in d.fix.iter().flat_map(|f| &f.edits) {
            assert!(
                text.get(edit.span.range()).is_some(),
                "{edit:?} in {text:?}"
            );
        }
    }
    let opts = RenderOptions::default();
    // The document formats only where asked for (they render a whole run at once).
    for &format in OutputFormat::ALL
        .iter()
        .filter(|f| documents || !matches!(f, OutputFormat::Json | OutputFormat::Sarif))
    {
        let mut out = Vec::new();
        let reports = std::slice::from_ref(report);
        render::render(format, reports, share_lint::rules::all(), &opts, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        match format {
            OutputFormat::Json | OutputFormat::Sarif => {
                serde_json::from_str::<Value>(&out).unwrap();
            }
            OutputFormat::Concise => assert_eq!(out.lines().count(), report.diagnostics.len()),
            _ => {}
        }
    }
}

/// The parser's spans slice the text, and the tree answers pointer queries consistently: with
/// and without a [`Locator`], and as `serde_json` answers them on the tree's value.
fn check_parse(text: &str, opts: &ParseOptions) {
    let parsed = json::parse(text, opts);
    let spans = parsed
        .errors
        .iter()
        .map(|e| e.span)
        .chain(parsed.comments.iter().map(|c| c.span))
        .chain(
            parsed
                .duplicates
                .iter()
                .flat_map(|d| [d.first, d.duplicate]),
        )
        .chain(parsed.unrepresentable_numbers.iter().copied());
    for span in spans {
        assert!(text.get(span.range()).is_some(), "{span:?} in {text:?}");
    }
    let Some(root) = &parsed.root else {
        assert!(!parsed.errors.is_empty(), "no tree and no error: {text:?}");
        return;
    };
    assert!(text.get(root.span.range()).is_some());
    let value = root.to_value();
    assert_eq!(root.clone().take_value(), value);

    let mut pointers = Vec::new();
    collect_pointers(root, &mut String::new(), &mut pointers);
    let mut locator = Locator::new(root);
    for pointer in &pointers {
        let node = root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{pointer:?} of {text:?}"));
        assert_eq!(
            value.pointer(pointer),
            Some(&node.to_value()),
            "{pointer:?}"
        );
        assert_eq!(locator.pointer(pointer), Some(node), "{pointer:?}");
    }
    let hostile = [
        "",
        "/",
        "//",
        "~",
        "/~",
        "/~2",
        "/~01",
        "/0",
        "/-",
        "/00",
        "/+1",
        "/a/b/c",
        "/99999999999999999999999",
        "/\u{0}",
        "/channelObject/thumbImage",
        "no slash",
    ];
    for pointer in pointers.iter().map(String::as_str).chain(hostile) {
        for at_key in [false, true] {
            let span = root.locate(pointer, at_key);
            assert!(text.get(span.range()).is_some(), "{pointer:?} in {text:?}");
            assert_eq!(
                locator.locate(pointer, at_key),
                span,
                "{pointer:?} {at_key}"
            );
        }
        assert_eq!(
            locator.pointer(pointer).map(|n| n.span),
            root.pointer(pointer).map(|n| n.span)
        );
        let _ = root.nearest(pointer);
        let _ = root.key_span_at(pointer);
    }
}

/// The JSON Pointer of every node that a pointer can name, in document order, at most
/// [`MAX_POINTERS`].
fn collect_pointers(node: &Node, pointer: &mut String, out: &mut Vec<String>) {
    if out.len() >= MAX_POINTERS {
        return;
    }
    out.push(pointer.clone());
    let len = pointer.len();
    match &node.kind {
        NodeKind::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointer.push_str(&format!("/{i}"));
                collect_pointers(item, pointer, out);
                pointer.truncate(len);
            }
        }
        NodeKind::Object(members) => {
            for (i, member) in members.iter().enumerate() {
                // A repeated key names its last member only.
                if members[i + 1..].iter().any(|m| m.key == member.key) {
                    continue;
                }
                json::push_pointer_segment(pointer, &member.key);
                collect_pointers(&member.value, pointer, out);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// Fixing keeps a file that parsed parsing (and valid JSON valid), and fixing the result again
/// changes nothing.
fn check_fix(path: &str, text: &str, mode: FixMode) {
    let settings = Settings::default();
    let opts = options(path);
    let (report, fixed) = engine::lint_and_fix(path, text.to_owned(), &settings, mode);
    check_report(&report, false);
    let text = match fixed {
        Some(fixed) => {
            let before = json::parse(text, &opts);
            let after = json::parse(&fixed, &opts);
            if before.root.is_some() {
                assert!(
                    after.root.is_some(),
                    "{mode:?} broke {text:?} into {fixed:?}"
                );
            }
            if before.errors.is_empty() {
                assert_eq!(after.errors, [], "{mode:?} broke {text:?} into {fixed:?}");
            }
            assert_eq!(report.source.text, fixed);
            fixed
        }
        None => text.to_owned(),
    };
    let (_, again) = engine::lint_and_fix(path, text.clone(), &settings, mode);
    assert_eq!(again, None, "{mode:?} fixes of {text:?} are not idempotent");
}

/// The typed model is built from any value, by `Shape` and by serde, and validates.
fn check_model(value: &Value) {
    let mut cx = Context::new();
    let shaped = PayloadFile::from_json(value, &mut cx);
    let _ = cx.into_report();
    if let Some(file) = &shaped {
        let _ = file.report();
    }
    match serde_json::from_value::<PayloadFile>(value.clone()) {
        Ok(file) => {
            assert!(shaped.is_some(), "serde built what Shape did not: {value}");
            let _ = file.report();
            let _ = file.validate();
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// The thumbnail and URL rules take any text; decoding agrees with the decoded size.
fn check_thumbnail_text(s: &str) {
    let _ = image::base64_image(s, None);
    let _ = image::base64_image(s, Some(65_536));
    let _ = image::max_decoded_bytes(s, 16);
    let whole = image::decode_prefix(s, usize::MAX);
    if let Some(n) = image::decoded_len(s) {
        assert_eq!(whole.len(), n, "{s:?}");
    }
    for max in [0, 1, 16, 64] {
        let prefix = image::decode_prefix(s, max);
        assert!(prefix.len() <= max);
        assert!(whole.starts_with(&prefix), "{s:?}");
    }
    let _ = image::sniff(&whole);
    let _ = image::sniff(s.as_bytes());
    for (w, h) in [(5, 4), (1, 1), (0, 1), (u32::MAX, 1)] {
        let _ = image::aspect_ratio(s, w, h);
    }
    if let Some(rest) = image::strip_data_uri(s) {
        assert!(s.ends_with(rest));
        check_thumbnail_text_once(rest);
    }
    for schemes in [&[][..], &["https", "http"], &["ftp"]] {
        let _ = url::url(s, schemes);
    }
    let _ = url::https(s);
}

/// [`check_thumbnail_text`] without recursing into a data URI again.
fn check_thumbnail_text_once(s: &str) {
    let _ = image::base64_image(s, Some(65_536));
    let _ = image::sniff(&image::decode_prefix(s, 64));
}

// ---- inputs ----

/// Standard padded base64, written here so the rules are checked against an independent coder.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Text made of JSON tokens, payload keys and values, comments and odd characters.
fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..160).prop_map(|parts| parts.concat())
}

/// The bytes of an image file, or of a file that starts like one.
fn image_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        (
            prop::sample::select(MAGICS),
            prop::collection::vec(any::<u8>(), 0..96)
        )
            .prop_map(|(magic, tail)| [magic, &tail[..]].concat()),
        jpeg_bytes(),
    ]
}

/// A JPEG start followed by segments with random markers, lengths and contents, which the
/// sniffer walks looking for the frame header.
fn jpeg_bytes() -> impl Strategy<Value = Vec<u8>> {
    let marker = prop_oneof![0xC0..=0xCFu8, 0xD8..=0xDAu8, 0xDB..=0xFFu8, any::<u8>()];
    let segment = (
        marker,
        any::<u16>(),
        prop::collection::vec(any::<u8>(), 0..24),
    );
    prop::collection::vec(segment, 0..12).prop_map(|segments| {
        let mut out = vec![0xFF, 0xD8];
        for (marker, len, body) in segments {
            out.extend_from_slice(&[0xFF, marker]);
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(&body);
        }
        out
    })
}

/// What a `thumbImage` (or a URL field) may hold.
fn thumbnail_text() -> impl Strategy<Value = String> {
    let encoded = || image_bytes().prop_map(|bytes| base64(&bytes));
    prop_oneof![
        encoded(),
        encoded().prop_map(|b64| format!("data:image/png;base64,{b64}")),
        (
            encoded(),
            any::<Index>(),
            prop::sample::select(&["=", "==", "-", " ", "\n", "é", ""][..])
        )
            .prop_map(|(mut b64, at, insert)| {
                let at = at.index(b64.len() + 1);
                b64.insert_str(at, insert);
                b64
            }),
        prop::collection::vec(any::<u8>(), 0..64).prop_map(|b| base64(&b)),
        prop::sample::select(WORDS).prop_map(str::to_owned),
        ".{0,40}",
        soup(),
    ]
}

fn string_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_owned),
        2 => thumbnail_text(),
        1 => (0usize..12_000, prop::sample::select(&["a", "标", "😀"][..]))
            .prop_map(|(n, unit)| unit.repeat(n)),
        1 => ".{0,20}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => ".{0,12}",
    ]
}

/// Any JSON value, with payload keys and values more often than chance would give them.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        string_value().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            // Up to 24 members: the engine's `Locator` indexes objects of more than 16.
            prop::collection::vec((key(), inner), 0..24)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// A payload of either variant (or both), maybe wrapped in `{"params": ...}`, with content
/// objects built from the known keys.
fn payload() -> impl Strategy<Value = Value> {
    let field = (prop::sample::select(&KEYS[7..]), field_value());
    let object = prop::collection::vec(field, 0..7).prop_map(|fields| {
        let map: Map<String, Value> = fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        Value::Object(map)
    });
    let channels = prop_oneof![
        prop::collection::vec(
            prop::sample::select(&["wx", "wx_moments", "qq", ""][..]).prop_map(Value::from),
            0..4
        )
        .prop_map(Value::Array),
        json_value(),
    ];
    (
        prop::sample::select(&["text", "webPage", "miniProgram", "markdown", "video"][..]),
        channels,
        object,
        0u8..8,
        proptest::option::of(json_value()),
    )
        .prop_map(|(kind, channels, object, shape, extra)| {
            let mut map = Map::new();
            map.insert("type".into(), kind.into());
            if shape & 1 == 0 {
                map.insert("channelType".into(), channels);
                map.insert("channelObject".into(), object.clone());
            }
            if shape & 3 != 0 {
                map.insert("content".into(), object);
            }
            if let Some(extra) = extra {
                map.insert("showAIAgentEntrance".into(), extra);
            }
            let params = Value::Object(map);
            if shape & 4 == 0 {
                params
            } else {
                serde_json::json!({ "params": params })
            }
        })
}

fn field_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => string_value().prop_map(Value::String),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => json_value(),
    ]
}

/// A payload file: one payload, or an array of them.
fn payload_file() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => payload(),
        1 => prop::collection::vec(payload(), 0..4).prop_map(Value::Array),
    ]
}

/// One random edit of a file's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    FlipBit(Index, u8),
    SetByte(Index, u8),
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    Duplicate(Index, usize),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let insertion = prop_oneof![
        3 => fragment().prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 1..8),
    ];
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit(at, bit)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Mutation::SetByte(at, b)),
        3 => (any::<Index>(), insertion).prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        3 => (any::<Index>(), 1usize..32).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => (any::<Index>(), 1usize..64).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    match mutation {
        Mutation::FlipBit(at, bit) if len > 0 => bytes[at.index(len)] ^= 1 << bit,
        Mutation::SetByte(at, b) if len > 0 => bytes[at.index(len)] = *b,
        Mutation::Insert(at, insert) => {
            let at = at.index(len + 1);
            bytes.splice(at..at, insert.iter().copied());
        }
        Mutation::Delete(at, n) if len > 0 => {
            let at = at.index(len);
            bytes.drain(at..(at + n).min(len));
        }
        Mutation::Duplicate(at, n) if len > 0 => {
            let at = at.index(len);
            let copy = bytes[at..(at + n).min(len)].to_vec();
            bytes.splice(at..at, copy);
        }
        Mutation::Truncate(at) => bytes.truncate(at.index(len + 1)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        check_input(&bytes);
    }

    #[test]
    fn json_token_soup(text in soup()) {
        check_input(text.as_bytes());
    }

    #[test]
    fn arbitrary_json(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        check_input(text.as_bytes());
        check_model(&value);
    }

    #[test]
    fn payload_shaped_json(value in payload_file(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        check_input(text.as_bytes());
        check_model(&value);
    }

    #[test]
    fn mutated_examples(
        seed in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let (_, original) = &SEEDS[seed.index(SEEDS.len())];
        let mut bytes = original.clone();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        check_input(&bytes);
    }

    #[test]
    fn thumbnail_and_url_rules(text in thumbnail_text()) {
        check_thumbnail_text(&text);
    }

    #[test]
    fn image_sniffers_and_base64(bytes in image_bytes()) {
        let _ = image::sniff(&bytes);
        let encoded = base64(&bytes);
        prop_assert_eq!(image::decoded_len(&encoded), Some(bytes.len()));
        prop_assert_eq!(image::decode_prefix(&encoded, usize::MAX), bytes);
        check_thumbnail_text(&encoded);
    }
}

#[test]
fn every_seed_lints_and_fixes_unmutated() {
    for (name, bytes) in SEEDS.iter() {
        let report = engine::lint_bytes(name, bytes.clone(), &Settings::default());
        check_report(&report, true);
        check_input(bytes);
    }
}
