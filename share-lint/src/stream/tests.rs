//! A file read in pieces reports what it reports read whole: every output format, byte for
//! byte, whatever the pieces' size, where the reads fall and how many workers check them.

use super::{lint_array, opens_array, Stream};
use crate::diagnostic::FileReport;
use crate::engine;
use crate::render::{self, OutputFormat, RenderOptions, Totals};
use crate::settings::Settings;
use proptest::prelude::*;

/// Every format's output for `report`.
fn rendered(report: &FileReport) -> Vec<String> {
    OutputFormat::ALL
        .iter()
        .map(|&format| {
            let mut out = Vec::new();
            let mut stream =
                render::Stream::new(format, crate::rules::all(), &RenderOptions::default());
            stream.file(report, &mut out).unwrap();
            stream
                .finish(&Totals::of(std::slice::from_ref(report)), &mut out)
                .unwrap();
            String::from_utf8(out).unwrap()
        })
        .collect()
}

/// `bytes` linted in pieces of `piece_bytes`, the first `prefix` bytes read before.
fn in_pieces(
    name: &str,
    bytes: &[u8],
    settings: &Settings,
    piece_bytes: usize,
    prefix: usize,
    walked: bool,
) -> Option<FileReport> {
    let stream = Stream {
        walked,
        piece_bytes,
        ..Stream::new(name, settings, 2, 1 << 30)
    };
    let prefix = prefix.min(bytes.len());
    let mut rest = &bytes[prefix..];
    lint_array(&stream, bytes[..prefix].to_vec(), &mut rest).unwrap()
}

fn assert_same(name: &str, bytes: &[u8], settings: &Settings, piece_bytes: usize, prefix: usize) {
    let whole = engine::lint_bytes(name, bytes.to_vec(), settings);
    let pieces = in_pieces(name, bytes, settings, piece_bytes, prefix, false).unwrap();
    let doc = String::from_utf8_lossy(bytes);
    for (format, (w, p)) in OutputFormat::ALL
        .iter()
        .zip(rendered(&whole).into_iter().zip(rendered(&pieces)))
    {
        assert_eq!(p, w, "{format} of {doc:?} in pieces of {piece_bytes}");
    }
    // Not UTF-8, a file read in pieces is judged by its first piece (see `not_utf8`).
    if std::str::from_utf8(bytes).is_err() {
        return;
    }
    let walked_whole = engine::lint_payload_bytes(name, bytes.to_vec(), settings);
    let walked = in_pieces(name, bytes, settings, piece_bytes, prefix, true);
    assert_eq!(
        walked.is_some(),
        walked_whole.is_some(),
        "walk sniff of {doc:?}"
    );
}

const ELEMENTS: &[&str] = &[
    r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}}"#,
    r#"{"type": "webPage", "channelType": ["wx", "wx"], "channelObject": {"title": "标题😀", "description": "d", "webpageUrl": "http://example.com/a"}}"#,
    "{\n    \"type\": \"miniProgram\",\n    \"channelType\": [\"wx\", \"wx_moments\"],\n    \"channelObject\": {\"title\": \"t\", \"webpageUrl\": \"https://example.com\", \"userName\": \"gh_0123456789ab\", \"path\": \"pages/index\"}\n  }",
    r#"{"type": "text", "type": "text", "channelType": ["wx"], "channelObject": {"text": "x"}, "extra": 1e999}"#,
    r#"{"params": {"type": "text", "content": {"text": ""}}}"#,
    "42",
    "\"标\\\"题\"",
    r#"{"type": "txet", "channelType": "wx"}"#,
];

/// A thumbnail long enough that its line is cut in the `full` format.
fn long_element() -> String {
    format!(
        r#"{{"type": "webPage", "channelType": ["wx"], "channelObject": {{"title": "t", "webpageUrl": "https://e.com/{}", "thumbImage": "data:image/png;base64,{}"}}}}"#,
        "é".repeat(300),
        "A".repeat(3000)
    )
}

const SEPARATORS: &[&str] = &[
    ", ",
    ",\n  ",
    ",\r\n  ",
    ",\n  // share-lint-ignore SM104\n  ",
    ",\n  // share-lint-ignore SM103, SM402: kept\n  ",
    " /* a, b */ ,\n",
    ",",
];

/// An array document from the choices: elements, separators, what comes before and after.
fn document(elements: &[usize], separators: &[usize], lead: usize, tail: usize) -> Vec<u8> {
    let mut doc = String::new();
    doc.push_str(["", "\u{feff}", "// lead, [\n", "\u{feff}  \n"][lead % 4]);
    doc.push('[');
    for (i, &e) in elements.iter().enumerate() {
        if i > 0 {
            doc.push_str(SEPARATORS[separators.get(i).copied().unwrap_or(0) % SEPARATORS.len()]);
        } else {
            doc.push_str("\n  ");
        }
        match e % (ELEMENTS.len() + 1) {
            e if e < ELEMENTS.len() => doc.push_str(ELEMENTS[e]),
            _ => doc.push_str(&long_element()),
        }
    }
    doc.push_str(
        [
            "\n]\n",
            "]",
            ",\n]",
            "] x",
            "",
            "]\n// share-lint-ignore SM005\n",
        ][tail % 6],
    );
    doc.into_bytes()
}

#[test]
fn examples_read_alike_in_pieces() {
    let settings = Settings::default();
    let jsonc = Settings {
        json_comments: true,
        ..Settings::default()
    };
    let docs = [
        document(
            &[0, 1, 2, 3, 4, 5, 6, 7, 8],
            &[0, 1, 2, 3, 4, 5, 6, 0, 1],
            1,
            5,
        ),
        document(&[8, 8, 1, 8], &[6, 6, 6, 6], 0, 1),
        document(&[], &[], 2, 0),
        document(&[2, 2], &[3, 3], 3, 3),
        document(&[0, 1], &[2, 2], 0, 4),
        b"[1,,2]".to_vec(),
        b"[{\"a\": -, 1]".to_vec(),
        b"[{\"type\": \"text\"}, \xff]".to_vec(),
        // Minified, after a byte-order mark: columns on line 1 count from past the mark.
        format!("\u{feff}[{},{},{}]", ELEMENTS[1], ELEMENTS[3], ELEMENTS[7]).into_bytes(),
    ];
    for doc in &docs {
        assert!(opens_array(doc));
        for piece_bytes in [1, 5, 64, 1 << 20] {
            for prefix in [0, 1, 7, 300] {
                for (name, settings) in [
                    ("a.json", &settings),
                    ("a.jsonc", &settings),
                    ("a.json", &jsonc),
                ] {
                    assert_same(name, doc, settings, piece_bytes, prefix);
                }
            }
        }
    }
}

#[test]
fn past_the_cap_findings_are_counted_alike() {
    let element =
        r#"{"type": "text", "channelType": ["wx", "wx"], "channelObject": {"text": "x"}, "k": 1}"#;
    let doc = format!("[{}]", vec![element; 250].join(",\n"));
    for piece_bytes in [1, 1000, 1 << 20] {
        assert_same(
            "many.json",
            doc.as_bytes(),
            &Settings::default(),
            piece_bytes,
            0,
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn arrays_read_alike_in_pieces(
        elements in prop::collection::vec(0usize..16, 0..12),
        separators in prop::collection::vec(0usize..16, 12),
        lead in 0usize..4,
        tail in 0usize..6,
        cut in prop::option::of(0usize..4000),
        bad in prop::option::of((0usize..4000, prop::sample::select(vec![0xFFu8, 0xC3, b'"', b'{', b'}', b',', b']']))),
        piece_bytes in prop::sample::select(vec![1usize, 3, 40, 200, 1 << 20]),
        prefix in 0usize..600,
        jsonc in any::<bool>(),
    ) {
        let mut doc = document(&elements, &separators, lead, tail);
        if let Some((at, byte)) = bad {
            let at = at % (doc.len() + 1);
            doc.insert(at, byte);
        }
        if let Some(cut) = cut {
            doc.truncate(cut.max(1));
        }
        prop_assume!(opens_array(&doc));
        let name = if jsonc { "p.jsonc" } else { "p.json" };
        assert_same(name, &doc, &Settings::default(), piece_bytes, prefix);
    }
}

/// An element over the cap is reported where it starts and left out, wherever it ends: inside
/// the bytes read with it or past them. The elements around it are still checked.
#[test]
fn an_element_over_the_cap_is_reported_and_the_rest_checked() {
    let big = format!(
        r#"{{"type": "text", "content": {{"text": "{}"}}}}"#,
        "x".repeat(200)
    );
    let doc = format!("[{}, {big}, {}]", ELEMENTS[7], ELEMENTS[5]);
    let settings = Settings::default();
    for piece_bytes in [1, 64, 1 << 20] {
        let stream = Stream {
            piece_bytes,
            ..Stream::new("cap.json", &settings, 2, 100)
        };
        let mut rest = doc.as_bytes();
        let report = lint_array(&stream, Vec::new(), &mut rest).unwrap().unwrap();
        let concise = &rendered(&report)[1];
        let at = doc.find(&big).unwrap() + 1;
        // Counted from the comma before it, as the cut is.
        let size = big.len() + 2;
        assert!(
            concise.contains(&format!(
                "cap.json:1:{at}: error[SM006] element 1 of the array is {size} bytes; elements over 100 bytes are not read"
            )),
            "{concise}"
        );
        assert!(
            concise.contains("error[SM104]"),
            "element 0 is checked: {concise}"
        );
        let last = doc.rfind(ELEMENTS[5]).unwrap() + 1;
        assert!(
            concise.contains(&format!("cap.json:1:{last}: error[SM101]")),
            "element 2 is checked: {concise}"
        );
    }
}

#[test]
fn only_json_whitespace_comes_before_the_array() {
    assert!(opens_array(b" \t\r\n// c\n/* d */["));
    assert!(!opens_array(b"\x0c["), "a form feed is not JSON whitespace");
    assert!(!opens_array(b"{\"a\": ["));
}

/// A stray `}` closes the array for the splitter; what follows is shown to the parser, which
/// reports it as a whole parse does, even when it runs past the cap.
#[test]
fn text_after_a_stray_bracket_is_reported_as_a_whole_parse_reports_it() {
    let tail = format!(", {}", ELEMENTS[0]).repeat(20);
    let doc = format!("[{}}}{tail}]", ELEMENTS[7]);
    let settings = Settings::default();
    let whole = engine::lint_bytes("stray.json", doc.clone().into_bytes(), &settings);
    for piece_bytes in [1, 1 << 20] {
        let stream = Stream {
            piece_bytes,
            ..Stream::new("stray.json", &settings, 2, 100)
        };
        let mut rest = doc.as_bytes();
        let pieces = lint_array(&stream, Vec::new(), &mut rest).unwrap().unwrap();
        assert_eq!(rendered(&pieces)[1], rendered(&whole)[1]);
    }
}
