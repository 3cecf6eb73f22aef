//! Tests of the parser as a whole: values, spans, duplicates, dialects, every error message,
//! limits and size, plus property tests against `serde_json`.

use std::fmt::Write;

use proptest::prelude::*;
use serde_json::Value;

use super::{parse, Node, NodeKind, ParseOptions, Parsed, Span};

fn json(src: &str) -> Parsed {
    parse(src, &ParseOptions::json())
}

fn jsonc(src: &str) -> Parsed {
    parse(src, &ParseOptions::jsonc())
}

/// Parses strict JSON that must be valid.
fn root(src: &str) -> Node {
    let parsed = json(src);
    assert_eq!(parsed.errors, [], "{src:?}");
    parsed.root.expect("a root without errors")
}

/// The only error of `src`, as (message, text it points at), and whether a tree was still built.
fn only_error(parsed: &Parsed, src: &str) -> (String, String) {
    assert_eq!(parsed.errors.len(), 1, "{src:?}: {:?}", parsed.errors);
    let error = &parsed.errors[0];
    (error.message.clone(), src[error.span].to_owned())
}

/// The fatal error of `src` under strict JSON: the message and the text it points at.
fn fatal(src: &str) -> (String, String) {
    let parsed = json(src);
    assert!(parsed.root.is_none(), "{src:?} should not parse");
    only_error(&parsed, src)
}

// ---- values ----

#[test]
fn valid_json_gives_the_same_value_as_serde_json() {
    let documents = [
        "null",
        "true",
        " false ",
        "0",
        "-0",
        "1.5e-3",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        r#""""#,
        r#""plain""#,
        r#""esc \" \\ \/ \b \f \n \r \t \u00e9 \u4e2d \uD83D\uDE00 end""#,
        "\"raw é 中 😀 \u{7f}\"",
        "[]",
        "{}",
        "[1, [2, [3, []]], {}]",
        r#"{"type": "webPage", "channelType": ["wx", "wx_moments"],
            "channelObject": {"title": "t", "thumbImage": "iVBORw0KGgo="}}"#,
        r#"{"b": 1, "a": 2, "b": 3}"#,
        " \t\r\n[ 1 , 2 ]\r\n",
    ];
    for src in documents {
        let expected: Value = serde_json::from_str(src).unwrap();
        assert_eq!(root(src).to_value(), expected, "{src}");
    }
}

#[test]
fn surrogate_pairs_decode_to_one_character() {
    assert_eq!(root(r#""\ud83d\ude00""#).as_str(), Some("😀"));
    assert_eq!(root(r#""\uD83D\uDE00x""#).as_str(), Some("😀x"));
}

#[test]
fn numbers_keep_their_raw_text() {
    let node = root("[1.50, -0, 1E+2]");
    let raws: Vec<&NodeKind> = node.as_array().unwrap().iter().map(|n| &n.kind).collect();
    assert_eq!(
        raws,
        [
            &NodeKind::Number("1.50".into()),
            &NodeKind::Number("-0".into()),
            &NodeKind::Number("1E+2".into()),
        ]
    );
}

#[test]
fn numbers_beyond_f64_parse_and_are_listed() {
    let src = "[1e999999, -1e400, 1e-400, 1e308]";
    let parsed = json(src);
    assert_eq!(parsed.errors, []);
    let texts: Vec<&str> = parsed
        .unrepresentable_numbers
        .iter()
        .map(|&s| &src[s])
        .collect();
    assert_eq!(texts, ["1e999999", "-1e400"]);
    let value = parsed.root.unwrap().to_value();
    assert_eq!(value, serde_json::json!([null, null, 0.0, 1e308]));
}

// ---- spans ----

#[test]
fn spans_cover_nodes_and_keys_exactly() {
    let src = "{ \"a\" : [ 1 , \"x\\n\" , true , null , { } ] ,\n \"é\":-2.5e3 }";
    let node = root(src);
    assert_eq!(&src[node.span], src);
    let members = node.as_object().unwrap();
    assert_eq!(&src[members[0].key_span], "\"a\"");
    assert_eq!(
        &src[members[0].value.span],
        "[ 1 , \"x\\n\" , true , null , { } ]"
    );
    let items: Vec<&str> = members[0]
        .value
        .as_array()
        .unwrap()
        .iter()
        .map(|n| &src[n.span])
        .collect();
    assert_eq!(items, ["1", "\"x\\n\"", "true", "null", "{ }"]);
    assert_eq!(&src[members[1].key_span], "\"é\"");
    assert_eq!(&src[members[1].value.span], "-2.5e3");
}

// ---- duplicates ----

#[test]
fn duplicate_keys_are_reported_with_both_spans_and_the_object_pointer() {
    let src = r#"{"type": "text", "channelObject": {"text": "a", "x/y": 1, "text": "b", "x/y": 2},
        "list": [{}, {"k": 1, "k": 2, "k": 3}], "type": "webPage"}"#;
    let parsed = json(src);
    assert_eq!(parsed.errors, []);
    let found: Vec<(&str, usize, usize, &str)> = parsed
        .duplicates
        .iter()
        .map(|d| {
            assert_eq!(&src[d.first], &src[d.duplicate]);
            assert!(d.first.start < d.duplicate.start);
            (
                d.key.as_str(),
                d.first.start,
                d.duplicate.start,
                d.pointer.as_str(),
            )
        })
        .collect();
    let at = |needle: &str, nth: usize| src.match_indices(needle).nth(nth).unwrap().0;
    assert_eq!(
        found,
        [
            (
                "text",
                at("\"text\"", 1),
                at("\"text\"", 2),
                "/channelObject"
            ),
            ("x/y", at("\"x/y\"", 0), at("\"x/y\"", 1), "/channelObject"),
            ("k", at("\"k\"", 0), at("\"k\"", 1), "/list/1"),
            ("k", at("\"k\"", 0), at("\"k\"", 2), "/list/1"),
            ("type", at("\"type\"", 0), at("\"type\"", 1), ""),
        ]
    );
    let root = parsed.root.unwrap();
    assert_eq!(
        root.pointer("/channelObject/text").unwrap().as_str(),
        Some("b")
    );
    assert_eq!(root.to_value()["type"], "webPage");
}

#[test]
fn duplicates_in_large_objects_are_found_too() {
    let mut src = String::from("{");
    for i in 0..100 {
        write!(src, "\"k{i}\": {i}, ").unwrap();
    }
    src.push_str("\"k7\": 0, \"a~b\": {\"k99\": 1}}");
    let parsed = json(&src);
    assert_eq!(parsed.duplicates.len(), 1);
    let duplicate = &parsed.duplicates[0];
    assert_eq!(duplicate.key, "k7");
    assert_eq!(duplicate.first.start, src.find("\"k7\"").unwrap());
    assert_eq!(duplicate.duplicate.start, src.rfind("\"k7\"").unwrap());
    assert_eq!(duplicate.pointer, "");
}

#[test]
fn duplicate_pointers_escape_their_keys() {
    let parsed = json(r#"{"a/b~": [0, {"z": 1, "z": 2}]}"#);
    assert_eq!(parsed.duplicates[0].pointer, "/a~1b~0/1");
}

// ---- dialects ----

const COMMENTED: &str = "// the vendor's sample\n{\n  \"type\": \"text\", /* inline */\n  \"channelType\": [\"wx\",],\r\n}\n// end\r\n";

#[test]
fn jsonc_accepts_comments_and_trailing_commas() {
    let parsed = jsonc(COMMENTED);
    assert_eq!(parsed.errors, []);
    let comments: Vec<(&str, &str, bool)> = parsed
        .comments
        .iter()
        .map(|c| (&COMMENTED[c.span], c.text.as_str(), c.line_comment))
        .collect();
    assert_eq!(
        comments,
        [
            ("// the vendor's sample", "the vendor's sample", true),
            ("/* inline */", "inline", false),
            ("// end", "end", true),
        ]
    );
    let expected = serde_json::json!({"type": "text", "channelType": ["wx"]});
    assert_eq!(parsed.root.unwrap().to_value(), expected);
}

#[test]
fn json_rejects_comments_and_trailing_commas_but_still_builds_the_tree() {
    let parsed = json(COMMENTED);
    let errors: Vec<(&str, &str)> = parsed
        .errors
        .iter()
        .map(|e| (e.message.as_str(), &COMMENTED[e.span]))
        .collect();
    let comments = "comments are not allowed in .json files";
    let comma = "trailing comma is not allowed in .json (use .jsonc or remove it)";
    assert_eq!(
        errors,
        [
            (comments, "// the vendor's sample"),
            (comments, "/* inline */"),
            (comma, ","),
            (comma, ","),
            (comments, "// end"),
        ]
    );
    assert_eq!(parsed.errors[2].span.start, COMMENTED.find(",]").unwrap());
    assert_eq!(parsed.errors[3].span.start, COMMENTED.find(",\r").unwrap());
    assert_eq!(parsed.comments.len(), 3);
    assert!(parsed.root.is_some());
}

#[test]
fn a_trailing_comma_needs_something_before_it() {
    for src in ["[,]", "{,}", "[1,,]", "{\"a\":1,,}"] {
        let parsed = jsonc(src);
        assert!(parsed.root.is_none(), "{src}");
        assert_eq!(parsed.errors.len(), 1, "{src}");
    }
}

#[test]
fn a_byte_order_mark_is_accepted_and_recorded() {
    let src = "\u{feff}{\"a\": 1}";
    let parsed = json(src);
    assert!(parsed.bom);
    assert_eq!(parsed.errors, []);
    let root = parsed.root.unwrap();
    assert_eq!(root.span, Span::new(3, src.len()));
    assert_eq!(&src[root.key_span_at("/a").unwrap()], "\"a\"");
    assert!(!json("{}").bom);
}

#[test]
fn a_byte_order_mark_elsewhere_is_an_error() {
    assert_eq!(
        fatal("[\u{feff}1]"),
        (
            "expected a value, found byte-order mark U+FEFF".into(),
            "\u{feff}".into()
        )
    );
}

// ---- errors ----

#[test]
fn every_error_message() {
    let cases: &[(&str, &str, &str)] = &[
        (
            r#"{"a": 1 "b": 2}"#,
            "expected `,` or `}` after an object member, found `\"`",
            "\"",
        ),
        (
            "[1 2]",
            "expected `,` or `]` after an array element, found `2`",
            "2",
        ),
        (
            r#"{"a" 1}"#,
            "expected `:` after an object key, found `1`",
            "1",
        ),
        (
            "{a: 1}",
            "expected an object key, found `a` (JSON keys must be in double quotes)",
            "a",
        ),
        (
            "{'a': 1}",
            "expected an object key, found `'` (JSON keys are strings in double quotes)",
            "'",
        ),
        ("{\"a\": }", "expected a value, found `}`", "}"),
        (
            "['a']",
            "expected a value, found `'` (JSON strings use double quotes)",
            "'",
        ),
        (
            "[True]",
            "expected a value, found `True` (JSON literals are lowercase: `true`)",
            "True",
        ),
        (
            "[NaN]",
            "expected a value, found `NaN` (JSON numbers cannot be NaN or infinite)",
            "NaN",
        ),
        (
            "[undefined]",
            "expected a value, found `undefined` (JSON writes a missing value as `null`)",
            "undefined",
        ),
        ("[nul]", "expected a value, found `nul`", "nul"),
        ("[truex]", "expected a value, found `truex`", "truex"),
        ("\"abc", "unterminated string", "\"abc"),
        ("[\"abc\\", "unterminated string", "\"abc\\"),
        (r#""a\x""#, "invalid escape `\\x`", "\\x"),
        ("\"a\\é\"", "invalid escape `\\é`", "\\é"),
        (
            "\"a\\\u{1}\"",
            "invalid escape: `\\` followed by control character U+0001",
            "\\\u{1}",
        ),
        (
            r#""\u12G4""#,
            "invalid unicode escape `\\u12G` (expected 4 hex digits after `\\u`)",
            "\\u12G",
        ),
        (
            r#""\u12""#,
            "invalid unicode escape `\\u12` (expected 4 hex digits after `\\u`)",
            "\\u12",
        ),
        (
            "\"a\nb\"",
            "control character U+000A in a string must be escaped",
            "\n",
        ),
        (
            "\"a\tb\"",
            "control character U+0009 in a string must be escaped",
            "\t",
        ),
        (
            "\"a\0b\"",
            "control character U+0000 in a string must be escaped",
            "\0",
        ),
        (
            "[1,\0]",
            "expected a value, found control character U+0000",
            "\0",
        ),
        (
            "\u{c}1",
            "expected a value, found control character U+000C",
            "\u{c}",
        ),
        ("[1]\0", "unexpected text after the JSON value", "\0"),
        ("[\u{a0}1]", "expected a value, found U+00A0", "\u{a0}"),
        ("", "unexpected end of input: expected a value", ""),
        ("  \n", "unexpected end of input: expected a value", ""),
        ("[1,", "unexpected end of input: expected a value", ""),
        (
            "[1",
            "unexpected end of input: expected `,` or `]` after an array element",
            "",
        ),
        (
            "{\"a\":1",
            "unexpected end of input: expected `,` or `}` after an object member",
            "",
        ),
        (
            "{\"a\"",
            "unexpected end of input: expected `:` after an object key",
            "",
        ),
        ("{", "unexpected end of input: expected an object key", ""),
        ("{} {}", "unexpected text after the JSON value", "{"),
        ("1 2", "unexpected text after the JSON value", "2"),
        ("[01]", "numbers cannot have leading zeros", "01"),
        (
            "-",
            "unexpected end of input: expected a digit after `-`",
            "",
        ),
        ("-a", "expected a digit after `-`, found `a`", "a"),
        ("[+1]", "expected a value, found `+`", "+"),
        ("[.5]", "expected a value, found `.`", "."),
        (
            "1.",
            "unexpected end of input: expected a digit after the decimal point",
            "",
        ),
        (
            "1.e3",
            "expected a digit after the decimal point, found `e3`",
            "e3",
        ),
        (
            "1e+",
            "unexpected end of input: expected a digit in the exponent",
            "",
        ),
        ("[1ex]", "expected a digit in the exponent, found `x`", "x"),
        (
            "[1x]",
            "expected `,` or `]` after an array element, found `x`",
            "x",
        ),
        ("/* open", "unterminated block comment", "/* open"),
    ];
    for &(src, message, text) in cases {
        let parsed = jsonc(src);
        assert!(parsed.root.is_none(), "{src:?} should not parse");
        assert_eq!(
            only_error(&parsed, src),
            (message.to_owned(), text.to_owned()),
            "{src:?}"
        );
    }
}

#[test]
fn the_end_of_input_error_points_past_the_last_byte() {
    let src = "{\"a\": [1";
    let parsed = json(src);
    assert_eq!(parsed.errors[0].span, Span::empty(src.len()));
}

#[test]
fn long_words_are_quoted_in_part() {
    let word = "x".repeat(40);
    let (message, text) = fatal(&format!("[{word}]"));
    assert_eq!(
        message,
        format!("expected a value, found `{}…`", &word[..32])
    );
    assert_eq!(text, word);
}

#[test]
fn lone_surrogates_become_replacement_characters_and_errors() {
    let src = r#"["\ud800", "a\uDC00b", "\ud800\u0041", "\ud83d\ude00"]"#;
    let parsed = json(src);
    let errors: Vec<(&str, &str)> = parsed
        .errors
        .iter()
        .map(|e| (e.message.as_str(), &src[e.span]))
        .collect();
    assert_eq!(
        errors,
        [
            ("lone surrogate `\\ud800`", "\\ud800"),
            ("lone surrogate `\\uDC00`", "\\uDC00"),
            ("lone surrogate `\\ud800`", "\\ud800"),
        ]
    );
    let value = parsed.root.unwrap().to_value();
    assert_eq!(
        value,
        serde_json::json!(["\u{fffd}", "a\u{fffd}b", "\u{fffd}A", "😀"])
    );
}

// ---- limits ----

#[test]
fn nesting_at_the_limit_parses_and_one_deeper_fails_at_the_bracket() {
    let at_limit = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert!(json(&at_limit).root.is_some());
    let objects = format!("{}1{}", "{\"a\":".repeat(128), "}".repeat(128));
    assert!(json(&objects).root.is_some());

    let too_deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
    let parsed = json(&too_deep);
    assert_eq!(parsed.errors.len(), 1);
    assert_eq!(parsed.errors[0].message, "nesting deeper than 128 levels");
    assert_eq!(parsed.errors[0].span, Span::new(128, 129));

    let shallow = ParseOptions {
        max_depth: 2,
        ..ParseOptions::json()
    };
    let parsed = parse("[{}, [[]]]", &shallow);
    assert_eq!(parsed.errors[0].message, "nesting deeper than 2 levels");
    assert_eq!(parsed.errors[0].span, Span::new(6, 7));
}

#[test]
fn the_value_limit_counts_every_value_and_stops_at_the_one_past_it() {
    let limited = |max_values| ParseOptions {
        max_values,
        ..ParseOptions::json()
    };
    // Five values: the object, the array, its two elements, the member's value `null`.
    let src = r#"{"a": [1, "x"], "b": null}"#;
    assert!(parse(src, &limited(5)).errors.is_empty());
    let parsed = parse(src, &limited(4));
    assert!(parsed.root.is_none());
    assert_eq!(parsed.errors.len(), 1);
    assert_eq!(
        parsed.errors[0].message,
        "more than 4 JSON values in one file: not read further"
    );
    assert_eq!(parsed.errors[0].span, Span::new(21, 25), "at `null`");
    // The default: about a million `0`s is one too many.
    let zeros = format!("[{}0]", "0,".repeat(super::DEFAULT_MAX_VALUES - 1));
    assert!(json(&zeros).errors[0]
        .message
        .starts_with("more than 1048576 JSON values"));
    let zeros = format!("[{}0]", "0,".repeat(super::DEFAULT_MAX_VALUES - 2));
    assert!(json(&zeros).errors.is_empty());
}

#[test]
fn very_deep_nesting_fails_fast_without_recursion() {
    let src = format!("{}{}", "[".repeat(100_000), "{\"a\":".repeat(100_000));
    let parsed = json(&src);
    assert!(parsed.root.is_none());
    assert_eq!(parsed.errors[0].message, "nesting deeper than 128 levels");
}

#[test]
fn a_ten_megabyte_string_parses() {
    let text: String = "iVBORw0KGgoAAAANSUhEUg=="
        .chars()
        .cycle()
        .take(10 << 20)
        .collect();
    let src = format!("{{\"thumbImage\": \"{text}\"}}");
    let root = root(&src);
    assert_eq!(
        root.get("thumbImage").unwrap().as_str(),
        Some(text.as_str())
    );
}

#[test]
fn an_object_of_400_000_keys_parses() {
    // A million keys take about 1.3 s in a debug build and 0.3 s in release; this keeps the
    // suite quick while still being far beyond any real payload.
    let count = 400_000;
    let mut src = String::with_capacity(count * 16);
    src.push('{');
    for i in 0..count {
        write!(src, "\"k{i}\":{i},").unwrap();
    }
    src.push_str("\"k0\":0}");
    let parsed = json(&src);
    assert_eq!(parsed.errors, []);
    assert_eq!(parsed.root.unwrap().as_object().unwrap().len(), count + 1);
    assert_eq!(parsed.duplicates.len(), 1);
}

// ---- properties ----

pub(crate) fn arbitrary_value() -> impl Strategy<Value = Value> {
    let number = prop_oneof![
        any::<i64>().prop_map(serde_json::Number::from),
        any::<u64>().prop_map(serde_json::Number::from),
        any::<f64>().prop_filter_map("finite", serde_json::Number::from_f64),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number.prop_map(Value::Number),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Text made of JSON's own pieces, so that random inputs get deep into the grammar.
pub(crate) fn json_like_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "{", "}", "[", "]", ",", ":", " ", "\n", "\"", "\"k\"", "\"v\"", "\\", "\\u", "\\ud83d",
        "\\ude00", "\\n", "0", "1", "-", ".", "e", "E", "+", "12", "true", "false", "null", "tru",
        "/", "//", "/*", "*/", "é", "\t", "\r", "\0", "x",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

/// Checks what must hold for any input: spans inside the text on character boundaries.
fn assert_well_formed(src: &str, parsed: &Parsed) {
    let check = |span: Span| {
        assert!(span.start <= span.end && span.end <= src.len(), "{span:?}");
        assert!(src.is_char_boundary(span.start) && src.is_char_boundary(span.end));
    };
    parsed.errors.iter().for_each(|e| check(e.span));
    parsed.comments.iter().for_each(|c| check(c.span));
    parsed
        .unrepresentable_numbers
        .iter()
        .for_each(|&s| check(s));
    for duplicate in &parsed.duplicates {
        check(duplicate.first);
        check(duplicate.duplicate);
    }
    let mut pending: Vec<&Node> = parsed.root.iter().collect();
    while let Some(node) = pending.pop() {
        check(node.span);
        match &node.kind {
            NodeKind::Array(items) => pending.extend(items),
            NodeKind::Object(members) => {
                for member in members {
                    check(member.key_span);
                    pending.push(&member.value);
                }
            }
            _ => {}
        }
    }
    if parsed.root.is_none() {
        assert!(
            !parsed.errors.is_empty(),
            "no tree and no error for {src:?}"
        );
    }
}

proptest! {
    #[test]
    fn serialized_values_parse_back_to_themselves(value in arbitrary_value()) {
        for src in [
            serde_json::to_string(&value).unwrap(),
            serde_json::to_string_pretty(&value).unwrap(),
        ] {
            let parsed = json(&src);
            prop_assert_eq!(&parsed.errors, &[]);
            prop_assert_eq!(parsed.root.unwrap().to_value(), value.clone());
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let src = String::from_utf8_lossy(&bytes);
        assert_well_formed(&src, &json(&src));
        assert_well_formed(&src, &jsonc(&src));
    }
}

proptest! {
    // Cheap cases, and most random texts are invalid: run more to reach the valid ones.
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn json_like_text_is_judged_like_serde_json_judges_it(src in json_like_text()) {
        let parsed = json(&src);
        assert_well_formed(&src, &parsed);
        assert_well_formed(&src, &jsonc(&src));
        // `serde_json` rejects numbers beyond `f64` (`1e1212`); they are valid JSON here.
        prop_assume!(parsed.unrepresentable_numbers.is_empty());
        let ours = match parsed.root {
            Some(root) if parsed.errors.is_empty() => Some(root.to_value()),
            _ => None,
        };
        let theirs = serde_json::from_str::<Value>(&src).ok();
        prop_assert_eq!(ours, theirs, "{:?}", src);
    }
}
