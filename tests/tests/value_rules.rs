//! The rules garde and validator users reach for — `range`, `ascii`, `alphanumeric`,
//! `non_control_character`, `email`, `ip`/`ipv4`/`ipv6`, `contains`/`prefix`/`suffix`,
//! `min_items`/`max_items`, `length(unit, min, max, equal)` — judged alike by `validate()` on what serde reads, by `Shape` on the
//! JSON, and by the derived JSON Schema (the `jsonschema` crate, formats asserted), on values on
//! both sides of each rule. Every one of these schemas is exact, so the three must agree.

use serde_json::{json, Value};
use share_schema::schema::SchemaGenerator;
use share_schema::{Context, Shape, Validate};

const MAX: i64 = 10;

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by validate() and Shape only
struct Rules {
    #[share(range(min = -1, max = MAX))]
    int: i64,
    #[share(range(exclusive_min = 0, exclusive_max = 1.5))]
    float: f64,
    #[share(range(max = 255))]
    small: u16,
    #[share(ascii)]
    ascii: String,
    #[share(alphanumeric)]
    alnum: String,
    #[share(non_control_character)]
    printable: String,
    #[share(email)]
    email: String,
    #[share(ip)]
    ip: String,
    #[share(ipv4)]
    v4: String,
    #[share(ipv6)]
    v6: String,
    #[share(contains("a.b"))]
    contains: String,
    #[share(prefix("gh_"), suffix("$"))]
    affixes: String,
    #[share(min_items(1), max_items(2))]
    list: Vec<u8>,
    #[share(range(min = 1))]
    maybe: Option<u8>,
    /// `length` as garde and validator spell it: characters by default on a string,
    #[share(length(equal = 3))]
    code3: String,
    /// the unit named,
    #[share(length(chars, min = 2, max = 4))]
    tag: String,
    /// items by default on a list, and inside `inner`.
    #[share(length(min = 1, max = 2), inner(length(equal = 2)))]
    pairs: Vec<String>,
}

/// A value every rule accepts.
fn good() -> Value {
    json!({
        "int": -1, "float": 1.0, "small": 255, "ascii": "wx-1 ~", "alnum": "标题2Ⅻ",
        "printable": "plain text, é", "email": "ops@kingsoft.com", "ip": "::1",
        "v4": "10.0.0.1", "v6": "2001:db8::1", "contains": "xa.by", "affixes": "gh_1$",
        "list": [1], "maybe": 1, "code3": "a😀é", "tag": "éé", "pairs": ["ab"],
    })
}

/// One key of [`good`] changed: `(key, value, accepted)`.
fn cases() -> Vec<(&'static str, Value, bool)> {
    vec![
        ("int", json!(10), true),
        ("int", json!(11), false),
        ("int", json!(-2), false),
        ("float", json!(0), false),
        ("float", json!(1.5), false),
        ("float", json!(1.4999), true),
        ("small", json!(0), true),
        ("ascii", json!("wé"), false),
        ("ascii", json!(""), true),
        ("alnum", json!("a b"), false),
        ("alnum", json!("٣x"), true),
        ("printable", json!("a\u{7f}"), false),
        ("printable", json!("a\u{85}"), false),
        ("printable", json!("é😀"), true),
        ("email", json!("ops@kingsoft"), true),
        ("email", json!("ops@kingsoft..com"), false),
        ("email", json!("o ps@kingsoft.com"), false),
        ("email", json!("ops@-kingsoft.com"), false),
        ("ip", json!("10.0.0.1"), true),
        ("ip", json!("10.0.0"), false),
        ("v4", json!("010.0.0.1"), false),
        ("v4", json!("::1"), false),
        ("v6", json!("::ffff:10.0.0.1"), true),
        ("v6", json!("10.0.0.1"), false),
        ("v6", json!("fe80::1%eth0"), false),
        ("contains", json!("axb"), false),
        ("contains", json!("a.b"), true),
        ("affixes", json!("gh_"), false),
        ("affixes", json!("$gh_$"), false),
        ("list", json!([]), false),
        ("list", json!([1, 2, 3]), false),
        ("list", json!([1, 2]), true),
        ("maybe", json!(0), false),
        ("maybe", Value::Null, true),
        ("code3", json!("abcd"), false),
        ("code3", json!("ab"), false),
        ("code3", json!("abc"), true),
        ("tag", json!("é😀"), true),
        ("tag", json!("é"), false),
        ("tag", json!("ééaaa"), false),
        ("pairs", json!([]), false),
        ("pairs", json!(["ab", "cd", "ef"]), false),
        ("pairs", json!(["ab", "c"]), false),
        ("pairs", json!(["é😀", "cd"]), true),
    ]
}

#[test]
fn validate_shape_and_the_schema_judge_alike() {
    let schema = SchemaGenerator::default().root_for::<Rules>();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let base = good();
    let mut all = vec![("(none)", base.clone(), true)];
    all.extend(cases());
    for (key, value, accepted) in all {
        let mut json = base.clone();
        if key != "(none)" {
            json[key] = value.clone();
        }
        let typed: Rules = serde_json::from_value(json.clone()).expect("serde reads it");
        assert_eq!(
            typed.validate().is_ok(),
            accepted,
            "validate(): {key} = {value}"
        );
        let mut cx = Context::new();
        let shaped = Rules::from_json(&json, &mut cx);
        assert_eq!(
            shaped.is_some() && !cx.has_errors_since(0),
            accepted,
            "Shape: {key} = {value}: {:?}",
            cx.violations()
        );
        assert_eq!(
            validator.is_valid(&json),
            accepted,
            "schema: {key} = {value}\n{schema:#}"
        );
    }
}

/// The units JSON Schema cannot count exactly (its lengths are code points): judged by
/// `validate()` (the schema relaxes them, as for `max_bytes`).
#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by validate() only
struct Units {
    #[share(length(bytes, max = 2))]
    bytes: String,
    #[share(length(utf16, equal = 2))]
    utf16: String,
}

#[test]
fn length_counts_in_the_unit_named() {
    for (bytes, utf16, at) in [
        ("é", "😀", vec![]),
        ("éa", "ab", vec!["/bytes"]),
        ("ab", "a", vec!["/utf16"]),
        ("ab", "😀a", vec!["/utf16"]),
    ] {
        let units = Units {
            bytes: bytes.into(),
            utf16: utf16.into(),
        };
        let report = units.report();
        let paths: Vec<&str> = report.iter().map(|v| v.path()).collect();
        assert_eq!(paths, at, "{bytes:?} {utf16:?}");
    }
}

#[test]
fn a_failure_says_what_is_wrong_at_the_field() {
    let mut json = good();
    json["int"] = json!(12);
    json["affixes"] = json!("x$");
    let typed: Rules = serde_json::from_value(json).unwrap();
    let report = typed.report();
    let said: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "error SM213 at /int: int is 12; at most 10 is allowed",
            "error SM218 at /affixes: affixes does not start with `gh_`",
        ]
    );
    assert_eq!(report.as_slice()[0].param("max"), Some(&json!(10)));
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by validate() and Shape only
struct Items {
    #[share(inner(url), max_items(3))]
    links: Vec<String>,
    #[share(inner(inner(max_chars(3))))]
    grid: Vec<Vec<String>>,
    #[share(inner(prefix("v"), non_empty))]
    labels: std::collections::BTreeMap<String, String>,
    #[share(inner(range(max = 5)))]
    scores: Vec<Option<u8>>,
    #[share(inner(ascii))]
    pair: [String; 2],
    #[share(inner(range(min = 1)))]
    ids: std::collections::BTreeSet<u32>,
    #[share(inner(range(max = 9)))]
    counts: std::collections::HashMap<String, u8>,
    #[share(inner(suffix("!")))]
    queue: std::collections::VecDeque<String>,
    /// Checked in the object's order, each value at its key.
    #[share(inner(range(max = 9)))]
    ordered: indexmap::IndexMap<String, u8>,
    #[share(inner(max_bytes(2)))]
    boxed: Box<[String]>,
}

fn good_items() -> Value {
    json!({
        "links": ["https://a.example/"], "grid": [["abc"], []], "labels": {"zh-CN": "v1"},
        "scores": [5, null], "pair": ["a", "b"], "ids": [1, 2], "counts": {"b": 9, "a": 0},
        "queue": ["a!"], "boxed": ["ab", ""], "ordered": {"b": 1, "a": 9},
    })
}

#[test]
fn inner_rules_check_each_item_at_its_index_or_key() {
    let schema = SchemaGenerator::default().root_for::<Items>();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let cases: Vec<(&str, Value, Option<&str>)> = vec![
        (
            "links",
            json!(["https://a.example/", "nope"]),
            Some("/links/1"),
        ),
        ("grid", json!([["abc"], ["ab", "abcd"]]), Some("/grid/1/1")),
        ("labels", json!({"zh-CN": "x1"}), Some("/labels/zh-CN")),
        ("labels", json!({"a/b": "x"}), Some("/labels/a~1b")),
        ("scores", json!([null, 6]), Some("/scores/1")),
        ("pair", json!(["a", "é"]), Some("/pair/1")),
        ("ids", json!([0, 2]), Some("/ids/0")),
        ("counts", json!({"z": 1, "y": 10}), Some("/counts/y")),
        ("queue", json!(["a!", "b"]), Some("/queue/1")),
        ("ordered", json!({"z": 1, "y": 10}), Some("/ordered/y")),
        ("boxed", json!(["abc"]), Some("/boxed/0")),
        ("links", json!([]), None),
    ];
    let mut all = vec![("(none)", Value::Null, None)];
    all.extend(cases);
    for (key, value, path) in all {
        let mut json = good_items();
        if key != "(none)" {
            json[key] = value.clone();
        }
        let typed: Items = serde_json::from_value(json.clone()).expect("serde reads it");
        let report = typed.report();
        let paths: Vec<&str> = report.iter().map(|v| v.path()).collect();
        assert_eq!(
            paths,
            path.into_iter().collect::<Vec<_>>(),
            "validate(): {key} = {value}"
        );
        let mut cx = Context::new();
        Items::from_json(&json, &mut cx).expect("Shape builds it");
        let shaped: Vec<&str> = cx.violations().iter().map(|v| v.path()).collect();
        assert_eq!(shaped, paths, "Shape: {key} = {value}");
        assert_eq!(
            validator.is_valid(&json),
            path.is_none(),
            "schema: {key} = {value}\n{schema:#}"
        );
    }
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by validate() and Shape only
struct InnerOptions {
    #[share(inner(url(code = "X1", severity = "warning")))]
    own: Vec<String>,
    #[share(severity = "info", code = "X2", inner(url))]
    field_wide: Vec<String>,
}

#[test]
fn inner_rules_take_their_options_and_the_fields() {
    let json = json!({"own": ["nope"], "field_wide": ["nope"]});
    let typed: InnerOptions = serde_json::from_value(json.clone()).unwrap();
    let mut cx = Context::new();
    InnerOptions::from_json(&json, &mut cx).expect("Shape builds it");
    for violations in [typed.report().as_slice(), cx.violations()] {
        let said: Vec<(&str, &str, share_schema::Severity)> = violations
            .iter()
            .map(|v| (v.path(), v.code(), v.severity()))
            .collect();
        assert_eq!(
            said,
            [
                ("/own/0", "X1", share_schema::Severity::Warning),
                ("/field_wide/0", "X2", share_schema::Severity::Info),
            ]
        );
    }
    assert!(
        typed.validate().is_ok(),
        "a warning and an info do not fail"
    );
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by validate() and Shape only
struct Worded {
    #[share(max_chars(3, message = "{field}: {actual} characters, {limit} at most"))]
    title: String,
    #[share(range(
        max = 5,
        code = "APP9",
        message = "score {actual} > {max} {{sic}} {unknown}"
    ))]
    score: u8,
    #[share(inner(prefix("v", message = "label {field} must start with {expected}")))]
    labels: std::collections::BTreeMap<String, String>,
}

#[test]
fn a_message_replaces_the_words_and_keeps_the_code_and_values() {
    let json = json!({"title": "abcd", "score": 6, "labels": {"zh-CN": "x"}});
    let typed: Worded = serde_json::from_value(json.clone()).unwrap();
    let mut cx = Context::new();
    Worded::from_json(&json, &mut cx).expect("Shape builds it");
    for violations in [typed.report().as_slice(), cx.violations()] {
        let said: Vec<(&str, &str)> = violations.iter().map(|v| (v.code(), v.message())).collect();
        assert_eq!(
            said,
            [
                ("SM202", "title: 4 characters, 3 at most"),
                ("APP9", "score 6 > 5 {sic} {unknown}"),
                ("SM218", "label zh-CN must start with v"),
            ]
        );
        assert_eq!(violations[1].param("max"), Some(&json!(5)));
    }
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // read by validate() and Shape only
struct SignUp {
    password: String,
    #[share(matches(password), min_chars(1))]
    password_again: String,
    email: Option<String>,
    #[share(matches(email, severity = "warning"))]
    email_again: Option<String>,
}

#[test]
fn matches_compares_two_fields_at_the_second() {
    for (json, want) in [
        (json!({"password": "a", "passwordAgain": "a"}), vec![]),
        (
            json!({"password": "a", "passwordAgain": "b", "email": "x@y", "emailAgain": "x@z"}),
            vec![
                ("/passwordAgain", "passwordAgain does not match `password`"),
                ("/emailAgain", "emailAgain does not match `email`"),
            ],
        ),
        // An absent `Option` is `None`, which `Some` does not match.
        (
            json!({"password": "a", "passwordAgain": "a", "email": "x@y"}),
            vec![("/emailAgain", "emailAgain does not match `email`")],
        ),
    ] {
        let typed: SignUp = serde_json::from_value(json.clone()).unwrap();
        let mut cx = Context::new();
        SignUp::from_json(&json, &mut cx).expect("Shape builds it");
        for violations in [typed.report().as_slice(), cx.violations()] {
            let said: Vec<(&str, &str)> =
                violations.iter().map(|v| (v.path(), v.message())).collect();
            assert_eq!(said, want, "{json}");
        }
    }
    let schema = SchemaGenerator::default().root_for::<SignUp>();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(
        validator.is_valid(&json!({"password": "a", "passwordAgain": "b"})),
        "the schema cannot compare two values: it stays a relaxation"
    );
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by validate() and Shape only
struct Counts {
    #[share(min_items(2))]
    set: std::collections::BTreeSet<u8>,
    #[share(max_items(1))]
    array: [u8; 2],
}

#[test]
fn item_counts_take_sets_and_arrays() {
    let json = json!({"set": [1], "array": [1, 2]});
    let typed: Counts = serde_json::from_value(json.clone()).unwrap();
    let mut cx = Context::new();
    Counts::from_json(&json, &mut cx).expect("Shape builds it");
    for violations in [typed.report().as_slice(), cx.violations()] {
        let said: Vec<(&str, &str)> = violations.iter().map(|v| (v.path(), v.message())).collect();
        assert_eq!(
            said,
            [
                ("/set", "set holds 1 item; at least 2 are required"),
                ("/array", "array holds 2 items; at most 1 is allowed"),
            ]
        );
    }
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by validate() and Shape only
struct Relaxed {
    #[share(inner(one_of(["a"])))]
    queue: std::collections::VecDeque<Option<String>>,
    #[share(inner(inner(one_of(["a"]))))]
    grid: Vec<Vec<Option<String>>>,
    #[share(max_items(1))]
    set: std::collections::BTreeSet<u8>,
    #[share(required(message = "say who: {field}"))]
    who: Option<String>,
    #[share(matches(who, message = "{field} is not {other}"))]
    again: Option<String>,
}

/// The schema never rejects what `validate()` accepts: `null` items that `inner` skips, and a set
/// that serde reads as one item from two equal ones.
#[test]
fn the_schema_stays_a_relaxation_for_option_items_and_sets() {
    let schema = SchemaGenerator::default().root_for::<Relaxed>();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let json = json!({"queue": [null, "a"], "grid": [[null], ["a"]], "set": [1, 1], "who": "x", "again": "x"});
    let typed: Relaxed = serde_json::from_value(json.clone()).unwrap();
    assert!(typed.validate().is_ok(), "{:?}", typed.report());
    assert!(validator.is_valid(&json), "{schema:#}");
    let bad = json!({"queue": ["b"], "grid": [["a"]], "set": [1], "who": "x", "again": "x"});
    assert!(
        !validator.is_valid(&bad),
        "the rules still hold for present items"
    );
}

#[test]
fn required_and_matches_take_a_message_too() {
    let json = json!({"queue": [], "grid": [], "set": [], "again": "y"});
    let typed: Relaxed = serde_json::from_value(json.clone()).unwrap();
    let mut cx = Context::new();
    Relaxed::from_json(&json, &mut cx).expect("Shape builds it");
    for violations in [typed.report().as_slice(), cx.violations()] {
        let said: Vec<&str> = violations.iter().map(|v| v.message()).collect();
        assert_eq!(said, ["say who: who", "again is not who"]);
    }
}
