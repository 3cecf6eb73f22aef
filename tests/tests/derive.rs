//! Behaviour of `#[derive(Validate)]`: violation paths in the JSON (serde) names, severities and
//! codes as written, rules on `Option` only when present, nested paths, container and custom
//! checks, and — for each of serde's enum representations — agreement of `Shape` with serde and
//! of the emitted JSON Schema (run through the `jsonschema` crate) with the validator.

use serde_json::{json, Value};
use share_schema::catalog::{self, Rule};
use share_schema::schema::SchemaGenerator;
use share_schema::{Context, Report, Severity, Shape, ShapeOwned, Validate};

/// `(path, code, severity)` of one violation.
type Found = (String, &'static str, Severity);

/// `(path, code, severity)` of every violation, in order.
fn found(violations: &[share_schema::Violation]) -> Vec<Found> {
    violations
        .iter()
        .map(|v| (v.path().to_owned(), v.code(), v.severity()))
        .collect()
}

fn report_of(value: &impl Validate) -> Vec<Found> {
    let report: Report = value.report();
    found(report.as_slice())
}

/// Checks `json` with `T`'s `Shape`: whether a value was built, and every violation.
fn shape<T: ShapeOwned>(json: &Value) -> (bool, Vec<Found>) {
    let mut cx = Context::new();
    let built = T::from_json(json, &mut cx);
    (built.is_some(), found(cx.violations()))
}

fn paths(found: &[Found]) -> Vec<&str> {
    found.iter().map(|(p, _, _)| p.as_str()).collect()
}

fn messages(json: &Value, check: fn(&Value, &mut Context)) -> Vec<(String, String)> {
    let mut cx = Context::new();
    check(json, &mut cx);
    cx.violations()
        .iter()
        .map(|v| (v.path().to_owned(), v.message().to_owned()))
        .collect()
}

fn e(path: &str, code: &'static str) -> Found {
    (path.to_owned(), code, Severity::Error)
}

fn w(path: &str, code: &'static str) -> Found {
    (path.to_owned(), code, Severity::Warning)
}

fn i(path: &str, code: &'static str) -> Found {
    (path.to_owned(), code, Severity::Info)
}

// ------------------------------------------------------------------------- the issue's example

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(rename_all = "camelCase")]
struct Promo {
    #[share(non_empty, max_bytes = 512)]
    headline_text: String,
    #[share(url)]
    landing_url: String,
    #[share(pattern = "^gh_[0-9a-f]{12}$", severity = "warning")]
    mini_program_id: Option<String>,
    #[share(nested)]
    share: share_schema::ShareMessage,
}

fn promo_json(headline: &str, landing: &str, mini: Option<&str>, text: &str) -> Value {
    let mut v = json!({
        "headlineText": headline,
        "landingUrl": landing,
        "share": {"type": "text", "channelType": ["wx"], "channelObject": {"text": text}},
    });
    if let Some(m) = mini {
        v["miniProgramId"] = json!(m);
    }
    v
}

#[test]
fn issue_example_reports_the_json_name() {
    let promo: Promo = serde_json::from_value(promo_json("", "https://a.example", None, "hi"))
        .expect("serde reads the example");
    assert_eq!(
        report_of(&promo),
        [e("/headlineText", catalog::NON_EMPTY.code)],
        "{:?}",
        promo.report()
    );
    assert!(promo.validate().is_err());
    // The same through Shape, from the untyped JSON.
    let (built, violations) = shape::<Promo>(&promo_json("", "https://a.example", None, "hi"));
    assert!(built);
    assert_eq!(violations, [e("/headlineText", catalog::NON_EMPTY.code)]);
}

#[test]
fn issue_example_reports_every_field_in_json_names() {
    let long = "x".repeat(513);
    let json = promo_json(&long, "not a url", Some("gh_xyz"), "");
    let promo: Promo = serde_json::from_value(json.clone()).expect("serde reads the example");
    let expected = [
        e("/headlineText", catalog::LENGTH.code),
        e("/landingUrl", catalog::URL.code),
        w("/miniProgramId", catalog::PATTERN.code),
        e(
            "/share/channelObject/text",
            share_schema::catalog::EMPTY_TEXT.code,
        ),
    ];
    assert_eq!(report_of(&promo), expected);
    assert_eq!(shape::<Promo>(&json), (true, expected.to_vec()));
    // A warning alone does not fail validation.
    let ok: Promo =
        serde_json::from_value(promo_json("Hi", "https://a.example", Some("gh_xyz"), "hi"))
            .unwrap();
    assert_eq!(report_of(&ok), [w("/miniProgramId", catalog::PATTERN.code)]);
    assert!(ok.validate().is_ok());
    let fine: Promo = serde_json::from_value(promo_json(
        "Hi",
        "https://a.example",
        Some("gh_0123456789ab"),
        "hi",
    ))
    .unwrap();
    assert_eq!(report_of(&fine), []);
}

// ------------------------------------------------------------------------------------ names

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Camel {
    #[share(non_empty)]
    long_field_name: String,
    #[share(non_empty)]
    #[serde(rename = "URL")]
    link: String,
    #[share(non_empty)]
    #[serde(alias = "old_name", alias = "older")]
    new_name: String,
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "snake_case")]
struct Snake {
    #[share(non_empty)]
    long_field_name: String,
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "kebab-case")]
struct Kebab {
    #[share(non_empty)]
    long_field_name: String,
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
struct Screaming {
    #[share(non_empty)]
    long_field_name: String,
    #[share(non_empty)]
    r#type: String,
}

#[test]
fn paths_use_rename_all_and_rename() {
    let camel = Camel {
        long_field_name: String::new(),
        link: String::new(),
        new_name: String::new(),
    };
    assert_eq!(
        paths(&report_of(&camel)),
        ["/longFieldName", "/URL", "/newName"]
    );
    let snake = Snake {
        long_field_name: String::new(),
    };
    assert_eq!(paths(&report_of(&snake)), ["/long_field_name"]);
    let kebab = Kebab {
        long_field_name: String::new(),
    };
    assert_eq!(paths(&report_of(&kebab)), ["/long-field-name"]);
    let screaming = Screaming {
        long_field_name: String::new(),
        r#type: String::new(),
    };
    assert_eq!(paths(&report_of(&screaming)), ["/LONG_FIELD_NAME", "/TYPE"]);
}

#[test]
fn shape_reads_the_names_serde_reads() {
    // Each JSON is read by serde; Shape reads the same keys and reports at the key as written.
    let cases: [(Value, &[&str]); 4] = [
        (
            json!({"longFieldName": "", "URL": "u", "newName": "n"}),
            &["/longFieldName"],
        ),
        (
            json!({"longFieldName": "l", "URL": "", "old_name": ""}),
            &["/URL", "/old_name"],
        ),
        (
            json!({"longFieldName": "l", "URL": "u", "older": ""}),
            &["/older"],
        ),
        (
            json!({"longFieldName": "l", "URL": "u", "newName": "n", "link": 1}),
            &[],
        ),
    ];
    for (json, expected) in cases {
        assert!(
            serde_json::from_value::<Camel>(json.clone()).is_ok(),
            "{json}"
        );
        let (built, violations) = shape::<Camel>(&json);
        assert!(built, "{json}: {violations:?}");
        assert_eq!(paths(&violations), expected, "{json}");
    }
    // The Rust names are not JSON names: both reject them.
    let rust_names = json!({"long_field_name": "l", "link": "u", "new_name": "n"});
    assert!(serde_json::from_value::<Camel>(rust_names.clone()).is_err());
    let (built, violations) = shape::<Camel>(&rust_names);
    assert!(!built);
    assert_eq!(violations, vec![e("", catalog::MISSING_KEY.code); 3]);
    let (built, violations) = shape::<Kebab>(&json!({"long-field-name": ""}));
    assert!(built);
    assert_eq!(paths(&violations), ["/long-field-name"]);
    let (_, violations) = shape::<Screaming>(&json!({"LONG_FIELD_NAME": "x", "TYPE": ""}));
    assert_eq!(paths(&violations), ["/TYPE"]);
}

// ------------------------------------------------------------------------ collection, Option

#[derive(serde::Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Many {
    #[share(non_empty, min_chars = 2, max_bytes = 4)]
    name: String,
    #[share(url)]
    link: String,
    #[share(max_bytes = 3)]
    note: Option<String>,
    #[share(one_of = [1, 2, 3])]
    level: u8,
}

#[test]
fn every_violation_is_collected() {
    let many = Many {
        name: String::new(),
        link: "ftp:/x".into(),
        note: Some("long".into()),
        level: 7,
    };
    assert_eq!(
        report_of(&many),
        [
            e("/name", catalog::NON_EMPTY.code),
            e("/name", catalog::LENGTH.code),
            e("/link", catalog::URL.code),
            e("/note", catalog::LENGTH.code),
            e("/level", catalog::ONE_OF.code),
        ]
    );
    // Structure and rules together: a wrong type does not hide the rules of its neighbours.
    let (built, violations) = shape::<Many>(&json!({
        "name": "toolong",
        "link": 5,
        "level": 9,
        "nme": "x",
    }));
    assert!(!built);
    assert_eq!(
        violations,
        [
            e("/name", catalog::LENGTH.code),
            e("/link", catalog::WRONG_TYPE.code),
            e("/level", catalog::ONE_OF.code),
            e("/nme", catalog::UNKNOWN_KEY.code),
        ]
    );
}

#[test]
fn unknown_keys_suggest_the_field() {
    let found = messages(
        &json!({"name": "ab", "link": "https://a.example", "level": 1, "nmae": "x"}),
        |v, cx| {
            Many::from_json(v, cx);
        },
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "/nmae");
    assert!(found[0].1.contains("did you mean `name`?"), "{found:?}");
}

#[test]
fn option_rules_apply_only_when_present() {
    let absent = Many {
        name: "ab".into(),
        link: "https://a.example".into(),
        note: None,
        level: 1,
    };
    assert_eq!(report_of(&absent), []);
    let present = Many {
        note: Some("long".into()),
        ..absent
    };
    assert_eq!(report_of(&present), [e("/note", catalog::LENGTH.code)]);
    let base = json!({"name": "ab", "link": "https://a.example", "level": 1});
    assert_eq!(shape::<Many>(&base), (true, vec![]));
    let mut with_note = base.clone();
    with_note["note"] = json!("long");
    assert_eq!(
        shape::<Many>(&with_note),
        (true, vec![e("/note", catalog::LENGTH.code)])
    );
    with_note["note"] = json!("ok");
    assert_eq!(shape::<Many>(&with_note), (true, vec![]));
}

#[derive(serde::Deserialize, Validate)]
struct Required {
    #[share(required(severity = "warning"))]
    soft: Option<String>,
    #[share(required, max_bytes = 2)]
    hard: Option<String>,
    #[share(required(code = "APP100", severity = "info"))]
    hint: Option<u32>,
}

#[test]
fn required_fires_when_absent_with_its_severity() {
    let absent = Required {
        soft: None,
        hard: None,
        hint: None,
    };
    let expected = [
        w("/soft", catalog::REQUIRED.code),
        e("/hard", catalog::REQUIRED.code),
        i("/hint", "APP100"),
    ];
    assert_eq!(report_of(&absent), expected);
    assert_eq!(shape::<Required>(&json!({})), (true, expected.to_vec()));
    let present = Required {
        soft: Some(String::new()),
        hard: Some("abc".into()),
        hint: Some(0),
    };
    assert_eq!(report_of(&present), [e("/hard", catalog::LENGTH.code)]);
    assert_eq!(
        shape::<Required>(&json!({"soft": "", "hard": "abc", "hint": 0})),
        (true, vec![e("/hard", catalog::LENGTH.code)])
    );
    // Only an error-severity `required` makes the key required in the schema.
    let schema = SchemaGenerator::default().root_for::<Required>();
    assert_eq!(schema["required"], json!(["hard"]));
}

// ---------------------------------------------------------------------- severities and codes

// Rules of a user's own catalogue: `rule = ...` takes the code and the severity from the constant,
// and the schema follows the constant's severity (only errors constrain it).
const NICK_MISSING: Rule = Rule::new("APP400", "missing-nick", Severity::Error, "no nickname");
const NICK_LONG: Rule = Rule::new("APP401", "long-nick", Severity::Warning, "a long nickname");
const NAME_LONG: Rule = Rule::new("APP402", "long-name", Severity::Error, "a long name");

#[derive(Debug, serde::Deserialize, Validate)]
struct CatalogRules {
    #[share(required(rule = NICK_MISSING), max_chars(3, rule = NICK_LONG))]
    #[serde(default)]
    nick: Option<String>,
    #[share(max_chars(3, rule = NAME_LONG), max_chars(2, rule = NICK_LONG))]
    name: String,
}

#[test]
fn catalog_rules_give_code_and_severity() {
    let absent = CatalogRules {
        nick: None,
        name: "abcd".into(),
    };
    assert_eq!(
        report_of(&absent),
        [
            e("/nick", "APP400"),
            e("/name", "APP402"),
            w("/name", "APP401")
        ]
    );
    assert_eq!(absent.report().as_slice()[0].rule(), &NICK_MISSING);
    let long = CatalogRules {
        nick: Some("abcd".into()),
        name: "ab".into(),
    };
    assert_eq!(report_of(&long), [w("/nick", "APP401")]);
    let schema = SchemaGenerator::default().root_for::<CatalogRules>();
    // The error-severity `required` makes `nick` required; the warning's `maxLength` is left out.
    assert_eq!(schema["required"], json!(["nick", "name"]));
    assert_eq!(schema["properties"]["name"]["maxLength"], json!(3));
    assert_eq!(schema["properties"]["nick"].get("maxLength"), None);
}

const MY_CODE: &str = "APP200";
mod limits {
    pub const MAX: usize = 3;
    pub const CODE: &str = "APP201";
}

#[derive(Validate)]
struct Graded {
    #[share(max_bytes(3, severity = "info", code = "APP202"), non_empty)]
    a: String,
    #[share(severity = "warning", code = "APP203", max_bytes = 1, min_chars = 5)]
    b: String,
    #[share(max_bytes(limits::MAX, code = limits::CODE), max_chars(MY_CODE_LIMIT, code = MY_CODE))]
    c: String,
    #[share(
        max_bytes(2, severity = "warning"),
        max_bytes(4),
        severity = "info",
        code = "APP204"
    )]
    d: String,
}

const MY_CODE_LIMIT: u8 = 2;

#[test]
fn severities_and_codes_are_as_written() {
    let graded = Graded {
        a: "abcd".into(),
        b: "abc".into(),
        c: "abcd".into(),
        d: "abcde".into(),
    };
    assert_eq!(
        report_of(&graded),
        [
            i("/a", "APP202"),
            w("/b", "APP203"),
            w("/b", "APP203"),
            e("/c", "APP201"),
            e("/c", "APP200"),
            // The rule's own severity wins over the field's; the field's code applies to both.
            w("/d", "APP204"),
            i("/d", "APP204"),
        ]
    );
    let empty_a = Graded {
        a: String::new(),
        b: "abcde".into(),
        c: "ab".into(),
        d: String::new(),
    };
    assert_eq!(
        report_of(&empty_a),
        [e("/a", catalog::NON_EMPTY.code), w("/b", "APP203")]
    );
}

// ------------------------------------------------------------------------------------ nested

// Users' own rules, typed like the catalogue's.
const APP300: Rule = Rule::new("APP300", "x-in-name", Severity::Error, "a name with an x");
const APP301: Rule = Rule::new(
    "APP301",
    "forbidden-name",
    Severity::Warning,
    "a forbidden name",
);
const APP302: Rule = Rule::new(
    "APP302",
    "too-many-items",
    Severity::Error,
    "too many items",
);

fn no_x(value: &str, cx: &mut Context) {
    if value.contains('x') {
        cx.report(&APP300, "contains an x");
    }
}

fn inner_check(inner: &Inner, cx: &mut Context) {
    if inner.name == "forbidden" {
        cx.report(&APP301, "is forbidden");
    }
}

#[derive(Debug, serde::Deserialize, Validate)]
#[share(check = inner_check)]
struct Inner {
    #[share(non_empty, custom = no_x)]
    name: String,
}

fn outer_check(outer: &Outer, cx: &mut Context) {
    if outer.items.len() > 2 {
        cx.report(&APP302, "has too many items");
    }
}

#[derive(Debug, serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[share(check = outer_check)]
struct Outer {
    #[share(nested)]
    first: Inner,
    #[share(nested)]
    maybe: Option<Inner>,
    #[share(nested, non_empty)]
    items: Vec<Inner>,
    #[share(nested)]
    boxed_item: Box<Inner>,
    #[share(nested)]
    #[allow(clippy::vec_box)] // on purpose: the path goes through `Option`, `Vec` and `Box`
    maybe_many: Option<Vec<Box<Inner>>>,
    #[share(custom = no_x)]
    free_text: Option<String>,
}

/// `custom`'s `code` and `severity` restate what its function reports: each option shows up in
/// the violation, through `validate()` and through `Shape` alike.
#[derive(Debug, serde::Deserialize, Validate)]
struct Restated {
    #[share(custom = no_x)]
    plain: String,
    #[share(custom(no_x, code = "APP399", severity = "warning"))]
    both: String,
    #[share(custom(no_x, severity = "info"))]
    severity_only: String,
    #[share(custom(no_x, code = "APP398"))]
    code_only: String,
    #[share(severity = "warning", code = "APP397", custom = no_x)]
    field_wide: String,
    #[share(custom(no_x, rule = APP301))]
    catalogued: String,
}

#[test]
fn custom_takes_code_and_severity() {
    let json = json!({
        "plain": "x", "both": "x", "severity_only": "x", "code_only": "x", "field_wide": "x",
        "catalogued": "x"
    });
    let expected = vec![
        e("/plain", "APP300"),
        w("/both", "APP399"),
        i("/severity_only", "APP300"),
        e("/code_only", "APP398"),
        w("/field_wide", "APP397"),
        w("/catalogued", "APP301"),
    ];
    let value: Restated = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(report_of(&value), expected);
    assert_eq!(shape::<Restated>(&json), (true, expected));
}

/// Every string rule takes every string-like type, `non_empty` included.
#[derive(Debug, serde::Deserialize, Validate)]
struct StringLike {
    #[share(non_empty, max_bytes = 3)]
    boxed: Box<str>,
    #[share(non_empty, max_bytes = 3)]
    cow: std::borrow::Cow<'static, str>,
    #[share(non_empty, max_bytes = 3)]
    owned: String,
    #[share(non_empty, max_bytes = 3)]
    arc: std::sync::Arc<str>,
    #[share(non_empty, max_bytes = 3)]
    rc: std::rc::Rc<str>,
    #[share(unique, not_contains = "x")]
    list: Vec<std::sync::Arc<str>>,
}

#[test]
fn string_rules_take_string_like_types() {
    let json =
        json!({"boxed": "", "cow": "", "owned": "", "arc": "", "rc": "", "list": ["a", "x", "a"]});
    let value: StringLike = serde_json::from_value(json.clone()).unwrap();
    let empty = vec![
        e("/boxed", catalog::NON_EMPTY.code),
        e("/cow", catalog::NON_EMPTY.code),
        e("/owned", catalog::NON_EMPTY.code),
        e("/arc", catalog::NON_EMPTY.code),
        e("/rc", catalog::NON_EMPTY.code),
        e("/list", catalog::UNIQUE.code),
        e("/list", catalog::NOT_CONTAINS.code),
    ];
    assert_eq!(report_of(&value), empty);
    assert_eq!(shape::<StringLike>(&json), (true, empty));
    let long = json!({"boxed": "abcd", "cow": "abcd", "owned": "abcd", "arc": "abcd", "rc": "abcd", "list": []});
    let value: StringLike = serde_json::from_value(long).unwrap();
    assert_eq!(
        paths(&report_of(&value)),
        ["/boxed", "/cow", "/owned", "/arc", "/rc"],
        "max_bytes on each"
    );
}

fn inner(name: &str) -> Inner {
    Inner { name: name.into() }
}

#[test]
fn nested_paths_go_through_option_vec_and_box() {
    let outer = Outer {
        first: inner(""),
        maybe: Some(inner("x")),
        items: vec![inner("a"), inner(""), inner("forbidden")],
        boxed_item: Box::new(inner("xx")),
        maybe_many: Some(vec![Box::new(inner("ok")), Box::new(inner(""))]),
        free_text: Some("x".into()),
    };
    let expected = [
        e("/first/name", catalog::NON_EMPTY.code),
        e("/maybe/name", "APP300"),
        e("/items/1/name", catalog::NON_EMPTY.code),
        w("/items/2", "APP301"),
        e("/boxedItem/name", "APP300"),
        e("/maybeMany/1/name", catalog::NON_EMPTY.code),
        e("/freeText", "APP300"),
        e("", "APP302"),
    ];
    assert_eq!(report_of(&outer), expected);
    let json = json!({
        "first": {"name": ""},
        "maybe": {"name": "x"},
        "items": [{"name": "a"}, {"name": ""}, {"name": "forbidden"}],
        "boxedItem": {"name": "xx"},
        "maybeMany": [{"name": "ok"}, {"name": ""}],
        "freeText": "x",
    });
    assert!(serde_json::from_value::<Outer>(json.clone()).is_ok());
    assert_eq!(shape::<Outer>(&json), (true, expected.to_vec()));
}

#[test]
fn absent_nested_values_have_nothing_to_check() {
    let outer = Outer {
        first: inner("a"),
        maybe: None,
        items: vec![],
        boxed_item: Box::new(inner("b")),
        maybe_many: None,
        free_text: None,
    };
    assert_eq!(report_of(&outer), [e("/items", catalog::NON_EMPTY.code)]);
    let json = json!({"first": {"name": "a"}, "items": [], "boxedItem": {"name": "b"}});
    assert_eq!(
        shape::<Outer>(&json),
        (true, vec![e("/items", catalog::NON_EMPTY.code)])
    );
    // A structural error deep inside is reported at its own path and nothing is built.
    let bad = json!({"first": {"name": 1}, "items": [{"nam": "a"}], "boxedItem": {"name": "b"}});
    assert_eq!(
        shape::<Outer>(&bad),
        (
            false,
            vec![
                e("/first/name", catalog::WRONG_TYPE.code),
                e("/items/0", catalog::MISSING_KEY.code),
            ]
        )
    );
}

#[test]
fn checks_run_at_the_container_path() {
    // Top level: the root path "".
    let json = json!({"name": "forbidden"});
    assert_eq!(shape::<Inner>(&json), (true, vec![w("", "APP301")]));
    assert_eq!(report_of(&inner("forbidden")), [w("", "APP301")]);
    // Custom field functions report at the field.
    assert_eq!(report_of(&inner("x")), [e("/name", "APP300")]);
    let mut cx = Context::with_prefix("/payload");
    inner("x").validate_into(&mut cx);
    assert_eq!(found(cx.violations()), [e("/payload/name", "APP300")]);
}

// ------------------------------------------------------------------- enum representations

#[derive(Debug, serde::Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Circle {
    #[share(non_empty)]
    label: String,
    #[share(one_of = [1, 2, 3])]
    radius: u8,
}

#[derive(Debug, serde::Deserialize, Validate)]
enum External {
    Empty,
    Circle(Circle),
    Rect {
        #[share(non_empty)]
        label: String,
        width: u32,
    },
}

#[derive(Debug, serde::Deserialize, Validate)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum Internal {
    Empty,
    Circle(Circle),
    RoundRect {
        #[share(non_empty)]
        label: String,
        width: u32,
    },
}

#[derive(Debug, serde::Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Empty,
    Circle(Circle),
    Rect {
        #[share(non_empty)]
        label: String,
        width: u32,
    },
}

#[derive(Debug, serde::Deserialize, Validate)]
#[serde(untagged)]
enum Untagged {
    Empty,
    Circle(Circle),
    Rect {
        #[share(non_empty)]
        label: String,
        width: u32,
    },
}

/// Shape accepts each input (builds a value with no structural error; rule violations aside)
/// exactly when serde does.
fn agrees_with_serde<T: ShapeOwned + serde::de::DeserializeOwned>(inputs: &[Value]) {
    for json in inputs {
        let serde_ok = serde_json::from_value::<T>(json.clone()).is_ok();
        let (built, violations) = shape::<T>(json);
        let structural = violations.iter().any(|(_, code, severity)| {
            *severity == Severity::Error && catalog::lookup(code).is_some_and(|r| r.structural)
        });
        let shape_ok = built && !structural;
        assert_eq!(
            shape_ok, serde_ok,
            "{json}: serde {serde_ok}, Shape {violations:?}"
        );
    }
}

/// A container-level `#[serde(default)]`: serde fills absent fields from `Default`, so `Shape`
/// and the schema let them be absent too.
#[derive(Debug, Default, serde::Deserialize, Validate)]
#[serde(default, rename_all = "camelCase")]
struct Defaults {
    #[share(non_empty)]
    page_title: String,
    retries: u32,
}

#[test]
fn container_default_lets_fields_be_absent() {
    let empty = json!({});
    let value: Defaults = serde_json::from_value(empty.clone()).unwrap();
    assert_eq!(value.retries, 0);
    // The default's empty title breaks `non_empty`: Shape checks the value serde fills in, as
    // `validate()` does; the schema lets the key be absent whatever the default (a relaxation).
    let expected = vec![e("/pageTitle", catalog::NON_EMPTY.code)];
    assert_eq!(report_of(&value), expected);
    assert_eq!(shape::<Defaults>(&empty), (true, expected));
    assert_eq!(
        shape::<Defaults>(&json!({"pageTitle": "t"})),
        (true, vec![])
    );
    schema_judges::<Defaults>(
        &[empty, json!({"pageTitle": "t"}), json!({"retries": 3})],
        &[json!({"retries": "three"}), json!({"pageTitle": ""})],
    );
}

/// The root schema of `T` accepts `valid` and rejects `invalid`.
fn schema_judges<T: share_schema::JsonSchema>(valid: &[Value], invalid: &[Value]) {
    let schema = SchemaGenerator::default().root_for::<T>();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for json in valid {
        let errors: Vec<String> = validator.iter_errors(json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{json} rejected: {errors:?}\n{schema:#}");
    }
    for json in invalid {
        assert!(!validator.is_valid(json), "{json} accepted\n{schema:#}");
    }
}

#[test]
fn external_enum() {
    let valid = [
        json!("Empty"),
        json!({"Circle": {"label": "c", "radius": 1}}),
        json!({"Rect": {"label": "r", "width": 3}}),
    ];
    let structurally_invalid = [
        json!("Nope"),
        json!({"Nope": {}}),
        json!({"Circle": {"label": "c", "radius": 1}, "Rect": {"label": "r", "width": 3}}),
        json!({"Circle": {"label": "c"}}),
        json!({"Circle": {"label": "c", "radius": 1, "extra": 0}}),
        json!({"Rect": {"label": "r", "width": "3"}}),
        json!(["Empty"]),
        json!(null),
        json!("Circle"),
        json!({"Empty": {}}),
    ];
    agrees_with_serde::<External>(&valid);
    agrees_with_serde::<External>(&structurally_invalid);
    let rule_invalid = [
        json!({"Circle": {"label": "", "radius": 1}}),
        json!({"Circle": {"label": "c", "radius": 4}}),
        json!({"Rect": {"label": "", "width": 3}}),
    ];
    schema_judges::<External>(
        &valid,
        &[&structurally_invalid[..], &rule_invalid[..]].concat(),
    );

    let (_, v) = shape::<External>(&rule_invalid[0]);
    assert_eq!(v, [e("/Circle/label", catalog::NON_EMPTY.code)]);
    let (_, v) = shape::<External>(&rule_invalid[2]);
    assert_eq!(v, [e("/Rect/label", catalog::NON_EMPTY.code)]);
    let rect = External::Rect {
        label: String::new(),
        width: 0,
    };
    assert_eq!(
        report_of(&rect),
        [e("/Rect/label", catalog::NON_EMPTY.code)]
    );
    let circle = External::Circle(Circle {
        label: "c".into(),
        radius: 9,
    });
    assert_eq!(
        report_of(&circle),
        [e("/Circle/radius", catalog::ONE_OF.code)]
    );
    assert_eq!(report_of(&External::Empty), []);

    let unknown = messages(&json!({"Nope": {}}), |v, cx| {
        External::from_json(v, cx);
    });
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert_eq!(unknown[0].0, "/Nope");
    assert!(
        unknown[0].1.contains("`Circle` or `Rect`"),
        "{}",
        unknown[0].1
    );
    // A variant in the other form is told so, not called unknown.
    let other_form = messages(&json!("Circle"), |v, cx| {
        External::from_json(v, cx);
    });
    assert_eq!(
        other_form,
        [(
            "".to_owned(),
            r#"variant `Circle` carries content: write {"Circle": ...}, not the string "Circle""#
                .to_owned()
        )]
    );
    let other_form = messages(&json!({"Empty": {}}), |v, cx| {
        External::from_json(v, cx);
    });
    assert_eq!(
        other_form,
        [(
            "".to_owned(),
            r#"variant `Empty` has no content: write the string "Empty", not an object"#.to_owned()
        )]
    );
    // Deliberately stricter than serde, like `null` for an `Option`: serde also reads a unit
    // variant from `{"Empty": null}`; Shape and the schema accept only the string serde writes.
    let null_content = json!({"Empty": null});
    assert!(serde_json::from_value::<External>(null_content.clone()).is_ok());
    assert!(!shape::<External>(&null_content).0);
    schema_judges::<External>(&[], &[null_content]);

    let unknown = messages(&json!("Rectt"), |v, cx| {
        External::from_json(v, cx);
    });
    assert_eq!(unknown[0].0, "");
    assert!(
        unknown[0].1.contains("`Empty`, `Circle` or `Rect`") && unknown[0].1.contains("`Rect`?"),
        "{}",
        unknown[0].1
    );
}

#[test]
fn internally_tagged_enum() {
    let valid = [
        json!({"kind": "empty"}),
        json!({"kind": "circle", "label": "c", "radius": 2}),
        json!({"kind": "roundRect", "label": "r", "width": 3}),
        json!({"kind": "roundRect", "label": "r", "width": 3, "extra": true}),
    ];
    let structurally_invalid = [
        json!({"kind": "Circle", "label": "c", "radius": 2}),
        json!({"kind": "nope"}),
        json!({"label": "c", "radius": 2}),
        json!({"kind": 1}),
        json!({"kind": "circle", "label": "c", "radius": 2, "extra": 0}),
        json!({"kind": "roundRect", "label": "r"}),
        json!("empty"),
    ];
    agrees_with_serde::<Internal>(&valid);
    agrees_with_serde::<Internal>(&structurally_invalid);
    let rule_invalid = [
        json!({"kind": "circle", "label": "", "radius": 2}),
        json!({"kind": "roundRect", "label": "", "width": 3}),
    ];
    schema_judges::<Internal>(
        &valid,
        &[&structurally_invalid[..], &rule_invalid[..]].concat(),
    );

    let (_, v) = shape::<Internal>(&rule_invalid[0]);
    assert_eq!(v, [e("/label", catalog::NON_EMPTY.code)]);
    let (_, v) = shape::<Internal>(&rule_invalid[1]);
    assert_eq!(v, [e("/label", catalog::NON_EMPTY.code)]);
    let rect = Internal::RoundRect {
        label: String::new(),
        width: 0,
    };
    assert_eq!(report_of(&rect), [e("/label", catalog::NON_EMPTY.code)]);
    let circle = Internal::Circle(Circle {
        label: String::new(),
        radius: 1,
    });
    assert_eq!(report_of(&circle), [e("/label", catalog::NON_EMPTY.code)]);

    let unknown = messages(&json!({"kind": "roundrect"}), |v, cx| {
        Internal::from_json(v, cx);
    });
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert_eq!(unknown[0].0, "/kind");
    assert!(
        unknown[0].1.contains("`empty`, `circle` or `roundRect`")
            && unknown[0].1.contains("did you mean `roundRect`?"),
        "{}",
        unknown[0].1
    );
    let missing = messages(&json!({"label": "c"}), |v, cx| {
        Internal::from_json(v, cx);
    });
    assert_eq!(
        missing,
        [("".to_owned(), "missing required key `kind`".to_owned())]
    );
}

#[test]
fn adjacently_tagged_enum() {
    let valid = [
        json!({"t": "Empty"}),
        json!({"t": "Empty", "c": null}),
        json!({"t": "Circle", "c": {"label": "c", "radius": 3}}),
        json!({"t": "Rect", "c": {"label": "r", "width": 3}}),
    ];
    let structurally_invalid = [
        json!({"t": "Nope", "c": {}}),
        json!({"t": "Circle"}),
        json!({"c": {"label": "c", "radius": 3}}),
        json!({"t": "Circle", "c": {"label": "c", "radius": 3, "extra": 0}}),
        json!({"t": "Rect", "c": {"label": "r", "width": -1}}),
        json!({"t": "Rect", "c": "r"}),
        json!({"t": "Empty", "c": 5}),
    ];
    agrees_with_serde::<Adjacent>(&valid);
    agrees_with_serde::<Adjacent>(&structurally_invalid);
    let rule_invalid = [
        json!({"t": "Circle", "c": {"label": "", "radius": 3}}),
        json!({"t": "Rect", "c": {"label": "", "width": 3}}),
    ];
    schema_judges::<Adjacent>(
        &valid,
        &[&structurally_invalid[..], &rule_invalid[..]].concat(),
    );

    let (_, v) = shape::<Adjacent>(&rule_invalid[0]);
    assert_eq!(v, [e("/c/label", catalog::NON_EMPTY.code)]);
    let (_, v) = shape::<Adjacent>(&rule_invalid[1]);
    assert_eq!(v, [e("/c/label", catalog::NON_EMPTY.code)]);
    let rect = Adjacent::Rect {
        label: String::new(),
        width: 0,
    };
    assert_eq!(report_of(&rect), [e("/c/label", catalog::NON_EMPTY.code)]);
    let circle = Adjacent::Circle(Circle {
        label: "c".into(),
        radius: 0,
    });
    assert_eq!(report_of(&circle), [e("/c/radius", catalog::ONE_OF.code)]);

    // serde reads a unit variant's content as `()`: null or absent.
    assert_eq!(
        shape::<Adjacent>(&json!({"t": "Empty", "c": 5})),
        (false, vec![e("/c", catalog::WRONG_TYPE.code)])
    );

    let unknown = messages(&json!({"t": "Nope", "c": {}}), |v, cx| {
        Adjacent::from_json(v, cx);
    });
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert_eq!(unknown[0].0, "/t");
    assert!(
        unknown[0].1.contains("`Empty`, `Circle` or `Rect`"),
        "{}",
        unknown[0].1
    );
}

#[test]
fn untagged_enum() {
    let valid = [
        json!(null),
        json!({"label": "c", "radius": 1}),
        json!({"label": "r", "width": 3}),
    ];
    let structurally_invalid = [
        json!({"label": "r"}),
        json!({"label": "r", "width": "wide"}),
        json!("Empty"),
        json!(3),
    ];
    agrees_with_serde::<Untagged>(&valid);
    agrees_with_serde::<Untagged>(&structurally_invalid);
    let rule_invalid = [
        json!({"label": "", "radius": 1}),
        json!({"label": "", "width": 3}),
    ];
    schema_judges::<Untagged>(
        &valid,
        &[&structurally_invalid[..], &rule_invalid[..]].concat(),
    );

    let (built, v) = shape::<Untagged>(&rule_invalid[0]);
    assert!(built);
    assert_eq!(v, [e("/label", catalog::NON_EMPTY.code)]);
    let (built, v) = shape::<Untagged>(&rule_invalid[1]);
    assert!(built);
    assert_eq!(v, [e("/label", catalog::NON_EMPTY.code)]);
    let rect = Untagged::Rect {
        label: String::new(),
        width: 0,
    };
    assert_eq!(report_of(&rect), [e("/label", catalog::NON_EMPTY.code)]);

    // No variant fits: one error at the value, then the violations of the closest fit — a
    // variant of the value's JSON type (not `Empty`, which wants null), with the fewest.
    let none_fits = messages(&json!({"label": "r"}), |v, cx| {
        Untagged::from_json(v, cx);
    });
    assert_eq!(
        none_fits,
        [
            (
                "".to_owned(),
                "matches none of the variants of `Untagged`; the closest fit reports:".to_owned()
            ),
            ("".to_owned(), "missing required key `radius`".to_owned()),
        ]
    );
    let none_fits = messages(&json!({"label": 1, "width": 2}), |v, cx| {
        Untagged::from_json(v, cx);
    });
    assert_eq!(none_fits.len(), 2, "{none_fits:?}");
    assert_eq!(none_fits[1].0, "/label");
}
