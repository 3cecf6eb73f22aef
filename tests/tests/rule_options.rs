//! Every `#[share]` rule × every option: the option shows up in the violation, through
//! `validate()` / `report()` on the value serde reads and through `Shape::from_json` alike.
//!
//! The options: `severity = "warning"`, `severity = "info"`, `code = "X1"`, `code` and
//! `severity` together, `rule = PATH` (a `catalog::Rule` constant giving code, name and
//! severity in one place), and `severity` / `code` written for the whole field. Each rule kind
//! gets one struct (from [`every_option!`]) with one field per option, and a JSON value that
//! breaks the rule; every field holds that value, and each must report exactly one violation, at
//! its own path, with the code, name and severity its option says.
//!
//! `nested` is the one rule without these options: it reports the nested type's own rules, so
//! `code`, `severity` and `rule` on it are refused at compile time
//! (`tests/ui/compile-fail/nested_restated.rs`).

use serde_json::{json, Map, Value};
use share_schema::catalog::{self, Rule};
use share_schema::{Context, Severity, Shape, ShapeOwned, Validate, Violation};

/// The constant every `rule = ...` field names: its code, name and severity (a warning, unlike
/// every rule kind's own) must be what the violation carries.
const CATALOGUED: Rule = Rule::new(
    "APP777",
    "catalogued",
    Severity::Warning,
    "a rule of the user's own catalogue",
);

/// What `custom` functions report unless the attribute restates it.
const NO_X: Rule = Rule::new("APP100", "no-x", Severity::Error, "a value with an x");
const NO_X_SOFT: Rule = Rule::new(
    "APP101",
    "no-x-soft",
    Severity::Warning,
    "a value with an x",
);

fn no_x(value: &str, cx: &mut Context) {
    if value.contains('x') {
        cx.report(&NO_X, "contains an x");
    }
}

fn no_x_soft(value: &str, cx: &mut Context) {
    if value.contains('x') {
        cx.report(&NO_X_SOFT, "contains an x");
    }
}

/// A struct whose fields carry `$rule($args..)` with each option; `$args` ends with a comma
/// when there are any, so the options follow it.
macro_rules! every_option {
    ($name:ident: $ty:ty, $rule:ident($($arg:tt)*)) => {
        #[derive(Debug, serde::Deserialize, share_schema::Validate)]
        #[allow(dead_code)] // read by validate() and Shape only
        struct $name {
            #[share($rule($($arg)*))]
            plain: $ty,
            #[share($rule($($arg)* severity = "warning"))]
            warning: $ty,
            #[share($rule($($arg)* severity = "info"))]
            info: $ty,
            #[share($rule($($arg)* code = "X1"))]
            code: $ty,
            #[share($rule($($arg)* code = "X1", severity = "warning"))]
            code_warning: $ty,
            #[share($rule($($arg)* rule = CATALOGUED))]
            rule: $ty,
            #[share(severity = "info", code = "X2", $rule($($arg)*))]
            field_wide: $ty,
        }
    };
}

/// The fields of every [`every_option!`] struct, in order.
const FIELDS: [&str; 7] = [
    "plain",
    "warning",
    "info",
    "code",
    "code_warning",
    "rule",
    "field_wide",
];

/// `(code, name, severity)` of one violation.
type Said = (&'static str, &'static str, Severity);

/// What each field of [`FIELDS`] must report when its value breaks a rule that reports `own`
/// by default.
fn expected(own: &Rule) -> [Said; 7] {
    [
        (own.code, own.name, own.severity),
        (own.code, own.name, Severity::Warning),
        (own.code, own.name, Severity::Info),
        ("X1", "custom", Severity::Error),
        ("X1", "custom", Severity::Warning),
        (CATALOGUED.code, CATALOGUED.name, CATALOGUED.severity),
        ("X2", "custom", Severity::Info),
    ]
}

fn said(v: &Violation) -> Said {
    (v.code(), v.rule().name, v.severity())
}

/// The object with `bad` under every field (`None`: every field absent).
fn all_bad(bad: Option<&Value>) -> Value {
    let mut map = Map::new();
    if let Some(bad) = bad {
        for f in FIELDS {
            map.insert(f.to_owned(), bad.clone());
        }
    }
    Value::Object(map)
}

/// `T`'s fields all hold `bad` (or are all absent): through `report()` on what serde reads and
/// through `Shape`, each reports exactly one violation, at its own path, as its option says.
fn check<T>(kind: &str, bad: Option<Value>, own: &Rule)
where
    T: serde::de::DeserializeOwned + Validate + ShapeOwned + std::fmt::Debug,
{
    let json = all_bad(bad.as_ref());
    let value: T = serde_json::from_value(json.clone())
        .unwrap_or_else(|e| panic!("{kind}: serde reads {json}: {e}"));
    let report = value.report();
    let mut cx = Context::new();
    let built = T::from_json(&json, &mut cx);
    assert!(
        built.is_some(),
        "{kind}: Shape builds {json}: {:?}",
        cx.violations()
    );
    let expected = expected(own);
    for (through, violations) in [("report()", report.as_slice()), ("Shape", cx.violations())] {
        assert_eq!(
            violations.len(),
            FIELDS.len(),
            "{kind} through {through}: one violation per field: {violations:#?}"
        );
        for ((field, want), v) in FIELDS.iter().zip(&expected).zip(violations) {
            assert_eq!(v.path(), format!("/{field}"), "{kind} through {through}");
            assert_eq!(said(v), *want, "{kind} through {through}: /{field}: {v:?}");
            if *field == "rule" {
                assert_eq!(v.rule(), &CATALOGUED, "{kind} through {through}");
            }
        }
    }
    // `plain` (and `code`) break an error-severity rule.
    assert!(value.validate().is_err(), "{kind}: `plain` is an error");
}

// ------------------------------------------------------------------------------- the rules

/// A 5×4 PNG (the builder tests' `PNG_5X4`, `share-schema/src/builder/tests.rs`): decodable,
/// so the image rules fail on its size and shape, not on its encoding.
const PNG_5X4: &str = "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAECAAAAABjWKqcAAAADklEQVR42mP4DwIMGCQA7ygT7e4liI8AAAAASUVORK5CYII=";

every_option!(NonEmpty: String, non_empty());
every_option!(MaxBytes: String, max_bytes(2,));
every_option!(MinBytes: String, min_bytes(3,));
every_option!(MaxChars: String, max_chars(2,));
every_option!(MinChars: String, min_chars(3,));
every_option!(MaxUtf16: String, max_utf16(1,));
every_option!(MinUtf16: String, min_utf16(3,));
every_option!(Url: String, url());
every_option!(Https: String, https());
every_option!(Base64Image: String, base64_image(max_bytes = 10,));
every_option!(MaxDecodedBytes: String, max_decoded_bytes(10,));
every_option!(AspectRatio: String, aspect_ratio("1:1",));
every_option!(Pattern: String, pattern("^a+$",));
every_option!(OneOfStr: String, one_of(["a", "b"],));
every_option!(OneOfInt: u8, one_of([1, 2],));
every_option!(NotContains: Vec<String>, not_contains("x",));
every_option!(Unique: Vec<String>, unique());
every_option!(Required: Option<String>, required());
every_option!(Custom: String, custom(no_x,));
every_option!(Range: i32, range(min = -1, max = 10,));
every_option!(RangeFloat: f64, range(exclusive_min = 0.5,));
every_option!(Ascii: String, ascii());
every_option!(Alphanumeric: String, alphanumeric());
every_option!(NonControl: String, non_control_character());
every_option!(Email: String, email());
every_option!(Ip: String, ip());
every_option!(Ipv4: String, ipv4());
every_option!(Ipv6: String, ipv6());
every_option!(Contains: String, contains("ab",));
every_option!(Prefix: String, prefix("gh_",));
every_option!(Suffix: String, suffix(".png",));
every_option!(MinItems: Vec<String>, min_items(2,));
every_option!(MaxItems: Vec<u8>, max_items(1,));

#[test]
fn string_rules_report_as_their_options_say() {
    check::<NonEmpty>("non_empty", Some(json!("")), &catalog::NON_EMPTY);
    // "ééé": 3 chars, 6 bytes, 3 UTF-16 units; "😀": 1 char, 4 bytes, 2 units.
    check::<MaxBytes>("max_bytes", Some(json!("ééé")), &catalog::LENGTH);
    check::<MinBytes>("min_bytes", Some(json!("é")), &catalog::LENGTH);
    check::<MaxChars>("max_chars", Some(json!("ééé")), &catalog::LENGTH);
    check::<MinChars>("min_chars", Some(json!("😀😀")), &catalog::LENGTH);
    check::<MaxUtf16>("max_utf16", Some(json!("😀")), &catalog::LENGTH);
    check::<MinUtf16>("min_utf16", Some(json!("😀")), &catalog::LENGTH);
    check::<Pattern>("pattern", Some(json!("ab")), &catalog::PATTERN);
    check::<OneOfStr>("one_of (strings)", Some(json!("c")), &catalog::ONE_OF);
}

#[test]
fn url_rules_report_as_their_options_say() {
    check::<Url>("url", Some(json!("not a url")), &catalog::URL);
    check::<Https>("https", Some(json!("http://a.example/")), &catalog::HTTPS);
}

#[test]
fn image_rules_report_as_their_options_say() {
    // A real image, broken only by the limits: too many bytes, not square.
    check::<Base64Image>("base64_image", Some(json!(PNG_5X4)), &catalog::BASE64_IMAGE);
    check::<MaxDecodedBytes>(
        "max_decoded_bytes",
        Some(json!(PNG_5X4)),
        &catalog::DECODED_SIZE,
    );
    check::<AspectRatio>("aspect_ratio", Some(json!(PNG_5X4)), &catalog::ASPECT_RATIO);
    // Not base64 at all: `base64_image` reports it, under the same options.
    check::<Base64Image>("base64_image", Some(json!("!!")), &catalog::BASE64_IMAGE);
}

#[test]
fn integer_list_and_option_rules_report_as_their_options_say() {
    check::<OneOfInt>("one_of (integers)", Some(json!(3)), &catalog::ONE_OF);
    check::<NotContains>(
        "not_contains",
        Some(json!(["a", "x"])),
        &catalog::NOT_CONTAINS,
    );
    check::<Unique>("unique", Some(json!(["a", "a"])), &catalog::UNIQUE);
    // `required`: every field absent.
    check::<Required>("required", None, &catalog::REQUIRED);
}

#[test]
fn number_rules_report_as_their_options_say() {
    check::<Range>("range", Some(json!(11)), &catalog::RANGE);
    check::<Range>("range", Some(json!(-2)), &catalog::RANGE);
    check::<RangeFloat>("range (float)", Some(json!(0.5)), &catalog::RANGE);
}

#[test]
fn character_and_affix_rules_report_as_their_options_say() {
    check::<Ascii>("ascii", Some(json!("wé")), &catalog::ASCII);
    check::<Alphanumeric>("alphanumeric", Some(json!("a-b")), &catalog::ALPHANUMERIC);
    check::<NonControl>(
        "non_control_character",
        Some(json!("a\u{7}")),
        &catalog::CONTROL_CHARACTER,
    );
    check::<Email>("email", Some(json!("ops@@kingsoft.com")), &catalog::EMAIL);
    check::<Ip>("ip", Some(json!("1.2.3")), &catalog::IP);
    check::<Ipv4>("ipv4", Some(json!("::1")), &catalog::IP);
    check::<Ipv6>("ipv6", Some(json!("127.0.0.1")), &catalog::IP);
    check::<Contains>("contains", Some(json!("a-b")), &catalog::CONTAINS);
    check::<Prefix>("prefix", Some(json!("wx_1")), &catalog::PREFIX);
    check::<Suffix>("suffix", Some(json!("a.jpg")), &catalog::SUFFIX);
}

#[test]
fn item_count_rules_report_as_their_options_say() {
    check::<MinItems>("min_items", Some(json!(["a"])), &catalog::ITEM_COUNT);
    check::<MaxItems>("max_items", Some(json!([1, 2])), &catalog::ITEM_COUNT);
}

#[test]
fn custom_reports_what_its_function_reports_as_the_options_say() {
    check::<Custom>("custom", Some(json!("x")), &NO_X);
}

/// `custom` restates only what is written: `code` alone keeps the severity the function
/// reported (a warning here), where every other rule kind's `code` alone is an error.
#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct CustomCodeOnly {
    #[share(custom(no_x_soft, code = "X1"))]
    soft: String,
    #[share(max_chars(0, code = "X1"))]
    length: String,
}

#[test]
fn custom_code_alone_keeps_the_functions_severity() {
    let json = json!({"soft": "x", "length": "x"});
    let value: CustomCodeOnly = serde_json::from_value(json.clone()).unwrap();
    let mut cx = Context::new();
    CustomCodeOnly::from_json(&json, &mut cx).expect("Shape builds it");
    let want = [
        ("X1", "custom", Severity::Warning),
        ("X1", "custom", Severity::Error),
    ];
    for violations in [value.report().as_slice(), cx.violations()] {
        let got: Vec<Said> = violations.iter().map(said).collect();
        assert_eq!(got, want);
    }
}

/// The options with a `rule = ...` constant of each severity: the schema and `validate()` follow
/// the constant's severity (only an error rejects).
const CATALOGUED_ERROR: Rule = Rule::new("APP778", "catalogued-error", Severity::Error, "an error");
const CATALOGUED_INFO: Rule = Rule::new("APP779", "catalogued-info", Severity::Info, "an info");

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct BySeverity {
    #[share(max_chars(1, rule = CATALOGUED_ERROR))]
    error: String,
    #[share(max_chars(1, rule = CATALOGUED))]
    warning: String,
    #[share(max_chars(1, rule = CATALOGUED_INFO))]
    info: String,
}

#[test]
fn only_error_severities_fail_validation() {
    for (json, fails) in [
        (json!({"error": "ab", "warning": "a", "info": "a"}), true),
        (json!({"error": "a", "warning": "ab", "info": "ab"}), false),
    ] {
        let value: BySeverity = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(value.validate().is_err(), fails, "{json}");
        let mut cx = Context::new();
        BySeverity::from_json(&json, &mut cx).expect("Shape builds it");
        assert_eq!(
            cx.has_errors_since(0),
            fails,
            "{json}: {:?}",
            cx.violations()
        );
        let schema = share_schema::schema::SchemaGenerator::default().root_for::<BySeverity>();
        let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
        assert_eq!(validator.is_valid(&json), !fails, "{json}\n{schema:#}");
    }
}
