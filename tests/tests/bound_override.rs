//! `#[share(bound = "..")]` and `#[share(bound(validate = "..", shape = "..", schema = ".."))]`:
//! the where-predicates of the derived impls, written by hand instead of inferred, as serde's
//! `bound`. Inference bounds every type parameter a field mentions (`C: Validate` for a field
//! `C::Value`); where that is wrong, the user says what the impls need.

mod common;

use common::shape_reads;
use serde::Deserialize;
use serde_json::json;
use share_schema::schema::SchemaGenerator;
use share_schema::{JsonSchema, ShapeOwned, Validate};

/// A configuration trait: the type of a setting's value depends on the environment.
trait Env {
    type Title;
}

/// An environment that is itself no payload type: no `Validate`, `Shape` or `JsonSchema`.
struct Prod;

impl Env for Prod {
    type Title = Title;
}

#[derive(Debug, Deserialize, Validate)]
struct Title {
    #[share(non_empty, max_chars = 5)]
    text: String,
}

/// Written by hand for all three impls (what inference gives here too: `E::Title` bounded, not
/// `E`, as serde bounds it).
#[derive(Debug, Deserialize, Validate)]
#[serde(bound = "E::Title: serde::de::DeserializeOwned")]
#[share(bound = "E::Title: Validate + ShapeOwned + JsonSchema")]
struct Setting<E: Env> {
    title: E::Title,
}

/// The same with one predicate per impl.
#[derive(Debug, Deserialize, Validate)]
#[serde(bound = "E::Title: serde::de::DeserializeOwned")]
#[share(bound(
    validate = "E::Title: Validate",
    shape = "E::Title: ShapeOwned",
    schema = "E::Title: JsonSchema"
))]
struct Labelled<E: Env> {
    #[share(nested)]
    label: E::Title,
}

#[test]
fn the_written_bound_replaces_the_inferred_one() {
    let good = json!({"title": {"text": "hi"}});
    let bad = json!({"title": {"text": "far too long"}});
    // validate() through the written bound: the nested type's rule runs.
    let s: Setting<Prod> = serde_json::from_value(bad.clone()).expect("serde reads it");
    let report = s.report();
    assert_eq!(report.as_slice()[0].path(), "/title/text");
    // Shape through it.
    assert!(shape_reads::<Setting<Prod>>(&good).0);
    let (ok, violations) = shape_reads::<Setting<Prod>>(&bad);
    assert!(!ok);
    assert_eq!(violations[0].path(), "/title/text");
    // And the schema: `Prod` is named by its Rust name, needing no `JsonSchema`.
    let schema = SchemaGenerator::default().root_for::<Setting<Prod>>();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    assert!(validator.is_valid(&good));
    assert!(
        !validator.is_valid(&bad),
        "maxLength comes from Title's rule"
    );
    assert_eq!(
        <Setting<Prod> as JsonSchema>::schema_name().as_deref(),
        Some("Setting_for_Prod")
    );
}

/// Inferred: a field `E::Title` is bounded itself, as serde bounds it; `E` (`Prod`, no payload
/// type) needs nothing.
#[derive(Debug, Deserialize, Validate)]
struct Inferred<E: Env> {
    title: E::Title,
}

#[test]
fn an_associated_type_is_bounded_itself_as_serde_bounds_it() {
    let bad = json!({"title": {"text": "far too long"}});
    let i: Inferred<Prod> = serde_json::from_value(bad.clone()).expect("serde reads it");
    assert_eq!(i.report().as_slice()[0].path(), "/title/text");
    let (ok, violations) = shape_reads::<Inferred<Prod>>(&bad);
    assert!(!ok);
    assert_eq!(violations[0].path(), "/title/text");
    let schema = SchemaGenerator::default().root_for::<Inferred<Prod>>();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    assert!(!validator.is_valid(&bad));
    assert!(validator.is_valid(&json!({"title": {"text": "ok"}})));
}

#[test]
fn each_impl_takes_its_own_predicates() {
    let bad = json!({"label": {"text": ""}});
    let l: Labelled<Prod> = serde_json::from_value(bad.clone()).expect("serde reads it");
    assert_eq!(l.report().as_slice()[0].path(), "/label/text");
    let (ok, violations) = shape_reads::<Labelled<Prod>>(&bad);
    assert!(!ok);
    assert_eq!(violations[0].code(), "SM201");
    let schema = SchemaGenerator::default().root_for::<Labelled<Prod>>();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    assert!(!validator.is_valid(&bad));
}
