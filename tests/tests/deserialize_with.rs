//! `#[serde(deserialize_with = "f")]` and `#[serde(with = "m")]` on a field: serde reads the
//! field with the function, so `Shape` calls the same function on the field's JSON (its error a
//! violation at the field's path, in serde's words), the field's rules check what it built, and
//! the schema takes any JSON there. As serde: an `Option` read by a function is not optional
//! unless it has a `default`, and the field's type needs no bound of the derive's traits.

mod common;

use common::shape_reads;
use serde::Deserialize;
use serde_json::{json, Value};
use share_schema::schema::SchemaGenerator;
use share_schema::{Validate, Violation};
use std::str::FromStr;

/// Seconds written `"90s"`, as a module for `with`.
mod seconds {
    use serde::Deserialize;
    use std::time::Duration;

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let text = String::deserialize(d)?;
        text.strip_suffix('s')
            .and_then(|n| n.parse().ok())
            .map(Duration::from_secs)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not `<n>s`")))
    }
}

/// An `Option` read by a function: serde passes `null` to it, and a missing key is an error.
fn maybe_upper<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(|s| s.to_uppercase()))
}

fn at_most_9(n: &u32, cx: &mut share_schema::Context) {
    if *n > 9 {
        cx.report(&share_schema::catalog::CUSTOM, "at most 9 retries");
    }
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Job {
    #[serde(deserialize_with = "common::number_or_string")]
    #[share(custom(at_most_9))]
    retries: u32,
    /// How long to wait.
    #[serde(with = "seconds")]
    timeout: std::time::Duration,
    #[serde(deserialize_with = "maybe_upper")]
    #[share(max_chars = 4)]
    queue: Option<String>,
    #[serde(default, deserialize_with = "maybe_upper")]
    label: Option<String>,
}

/// serde's verdict (with `validate()`) and Shape's, and the codes and paths Shape reported.
fn verdicts(doc: &Value) -> (bool, bool, Vec<(String, String)>) {
    let serde = serde_json::from_value::<Job>(doc.clone()).is_ok_and(|j| j.validate().is_ok());
    let (shape, violations) = shape_reads::<Job>(doc);
    let found = violations
        .iter()
        .map(|v: &Violation| (v.code().to_owned(), v.path().to_owned()))
        .collect();
    (serde, shape, found)
}

#[test]
fn shape_calls_the_function_serde_calls() {
    let ok = json!({"retries": "3", "timeout": "90s", "queue": null});
    assert_eq!(verdicts(&ok), (true, true, vec![]));
    let mut cx = share_schema::Context::new();
    let job: Job = share_schema::Shape::from_json(&ok, &mut cx).expect("built");
    assert_eq!(job.retries, 3);
    assert_eq!(job.timeout.as_secs(), 90);
    let upper = json!({"retries": 1, "timeout": "1s", "queue": "ab"});
    let mut cx = share_schema::Context::new();
    let job: Job = share_schema::Shape::from_json(&upper, &mut cx).expect("built");
    assert_eq!(job.queue.as_deref(), Some("AB"), "what the function built");
}

#[test]
fn the_functions_errors_are_violations_at_the_field_in_serdes_words() {
    let doc = json!({"retries": true, "timeout": "soon", "queue": null});
    let (serde, shape, found) = verdicts(&doc);
    assert_eq!((serde, shape), (false, false));
    assert_eq!(
        found,
        [
            ("SM101".to_owned(), "/retries".to_owned()),
            ("SM101".to_owned(), "/timeout".to_owned()),
        ]
    );
    let (_, violations) = shape_reads::<Job>(&doc);
    let message = violations[1].message();
    assert!(
        message.contains("`seconds::deserialize`") && message.contains("\"soon\" is not `<n>s`"),
        "{message}"
    );
}

#[test]
fn the_fields_rules_check_what_the_function_built() {
    // `"12"` reads as 12, which breaks `at_most_9`; `"abcde"` reads as `ABCDE`, five chars.
    let doc = json!({"retries": "12", "timeout": "1s", "queue": "abcde"});
    let (serde, shape, found) = verdicts(&doc);
    assert_eq!((serde, shape), (false, false));
    let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["SM299", "SM202"], "{found:?}");
    assert_eq!(found[1].1, "/queue");
}

#[test]
fn an_option_read_by_a_function_is_required_unless_it_has_a_default() {
    // `queue` has no default: missing is an error to serde and to Shape; `label` may be absent.
    let doc = json!({"retries": 0, "timeout": "1s"});
    let (serde, shape, found) = verdicts(&doc);
    assert_eq!((serde, shape), (false, false));
    assert_eq!(found, [("SM102".to_owned(), String::new())]);
    let schema = SchemaGenerator::default().root_for::<Job>();
    assert_eq!(schema["required"], json!(["retries", "timeout", "queue"]));
}

#[test]
fn the_schema_takes_any_json_where_a_function_reads() {
    let schema = SchemaGenerator::default().root_for::<Job>();
    let props = &schema["properties"];
    assert_eq!(props["retries"], json!({}));
    assert_eq!(
        props["timeout"],
        json!({"description": "How long to wait."})
    );
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    // Whatever serde accepts, the schema accepts (a sound relaxation at these keys).
    for doc in [
        json!({"retries": "3", "timeout": "90s", "queue": null}),
        json!({"retries": 3, "timeout": "1s", "queue": "ab", "label": null}),
    ] {
        assert!(serde_json::from_value::<Job>(doc.clone()).is_ok(), "{doc}");
        assert!(validator.is_valid(&doc), "{doc}");
    }
    // Elsewhere it is exact: an unknown key and a missing one are refused.
    assert!(!validator.is_valid(&json!({"retries": 3, "timeout": "1s", "queue": null, "x": 1})));
    assert!(!validator.is_valid(&json!({"retries": 3, "timeout": "1s"})));
}

/// A type of the application's with no serde, `Shape`, `Validate` or schema impl.
#[derive(Debug, PartialEq)]
struct Code(u16);

impl FromStr for Code {
    type Err = std::num::ParseIntError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(Code)
    }
}

fn parse<'de, D: serde::Deserializer<'de>, T: FromStr>(d: D) -> Result<T, D::Error>
where
    T::Err: std::fmt::Display,
{
    String::deserialize(d)?
        .parse()
        .map_err(serde::de::Error::custom)
}

/// Generic, as serde infers bounds: the field read by a function adds none.
#[derive(Debug, Deserialize, Validate)]
struct Held<T: FromStr>
where
    T::Err: std::fmt::Display,
{
    #[serde(deserialize_with = "parse")]
    value: T,
}

#[test]
fn a_field_read_by_a_function_needs_no_impl_of_the_derives_traits() {
    let doc = json!({"value": "404"});
    let held: Held<Code> = serde_json::from_value(doc.clone()).expect("serde reads it");
    assert_eq!(held.value, Code(404));
    let (ok, _) = shape_reads::<Held<Code>>(&doc);
    assert!(ok);
    let (ok, violations) = shape_reads::<Held<Code>>(&json!({"value": "x"}));
    assert!(!ok);
    assert_eq!(violations[0].path(), "/value");
}

#[derive(Debug, Deserialize, Validate)]
struct Heading {
    #[share(max_chars = 3)]
    text: String,
}

fn heading_from_str<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Heading, D::Error> {
    String::deserialize(d).map(|text| Heading { text })
}

fn zero_if_missing<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    Option::<u32>::deserialize(d).map(Option::unwrap_or_default)
}

/// Transparent over a field read by a function: a missing key is what the function makes of it.
#[derive(Debug, Deserialize, Validate)]
#[serde(transparent)]
struct Count(#[serde(deserialize_with = "zero_if_missing")] u32);

#[derive(Debug, Deserialize, Validate)]
struct Card {
    #[serde(deserialize_with = "heading_from_str")]
    heading: Heading,
    count: Count,
}

#[test]
fn the_built_values_own_rules_run_and_a_missing_key_goes_to_the_function() {
    // validate() runs `Heading`'s rule on what the function built; so does Shape.
    let doc = json!({"heading": "abcdef"});
    let (serde, shape, found) = {
        let serde = serde_json::from_value::<Card>(doc.clone()).is_ok_and(|c| c.validate().is_ok());
        let (shape, v) = shape_reads::<Card>(&doc);
        (
            serde,
            shape,
            v.iter().map(|v| v.path().to_owned()).collect::<Vec<_>>(),
        )
    };
    assert_eq!((serde, shape), (false, false));
    assert_eq!(found, ["/heading/text"]);
    // `count` is missing: serde hands its function a missing key, which it reads as 0.
    let doc = json!({"heading": "abc"});
    let card: Card = serde_json::from_value(doc.clone()).expect("serde reads it");
    assert_eq!(card.count.0, 0);
    assert!(shape_reads::<Card>(&doc).0);
    let schema = SchemaGenerator::default().root_for::<Card>();
    assert_eq!(schema["required"], json!(["heading"]));
}
