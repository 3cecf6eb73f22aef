//! `#[serde(flatten)]`: a field whose keys sit beside the struct's own, read by `Shape` as serde
//! reads them — a flattened struct claims the keys its fields name, a map takes every key left,
//! an `Option` is `None` when its content does not read, and `deny_unknown_fields` refuses what
//! is left — with `validate()` running the flattened type's rules at the struct's own path and
//! the schema putting its properties in `allOf` (`unevaluatedProperties: false` for
//! `deny_unknown_fields`). Each document below is judged by serde (with `validate()`), `Shape` and
//! the schema, which must agree (the schema may accept more only where a map or an `Option`
//! relaxes it, said at the case).

mod common;

use common::shape_reads;
use serde::Deserialize;
use serde_json::{json, Value};
use share_schema::schema::SchemaGenerator;
use share_schema::{JsonSchema, ShapeOwned, Validate};
use std::collections::BTreeMap;

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Paging {
    #[share(range(max = 100))]
    page_size: u32,
    #[serde(default)]
    cursor: Option<String>,
}

/// A flattened struct that denies unknown fields: flattened, it sees only its own keys.
#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Audit {
    #[share(non_empty)]
    by: String,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Query {
    #[share(max_chars = 10)]
    q: String,
    #[serde(flatten)]
    paging: Paging,
    #[serde(flatten)]
    audit: Audit,
}

/// Open, with a map taking the rest.
#[derive(Debug, Deserialize, Validate)]
struct Tagged {
    id: u32,
    #[serde(flatten)]
    paging: Paging,
    #[serde(flatten)]
    extra: BTreeMap<String, String>,
}

/// An optional flattened struct, in a closed struct.
#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Maybe {
    id: u32,
    #[serde(flatten)]
    paging: Option<Paging>,
}

/// A flattened struct that flattens in turn (serde reads it as a map: it claims nothing).
#[derive(Debug, Deserialize, Validate)]
struct Outer {
    #[serde(flatten)]
    query: Inner,
    #[serde(flatten)]
    rest: BTreeMap<String, Value>,
}

#[derive(Debug, Deserialize, Validate)]
struct Inner {
    q: String,
    #[serde(flatten)]
    paging: Paging,
}

struct Verdicts {
    serde: bool,
    shape: bool,
    schema: bool,
    found: Vec<(String, String)>,
}

fn judge<T: serde::de::DeserializeOwned + Validate + ShapeOwned + JsonSchema>(
    doc: &Value,
) -> Verdicts {
    let serde = serde_json::from_value::<T>(doc.clone()).is_ok_and(|t| t.validate().is_ok());
    let (shape, violations) = shape_reads::<T>(doc);
    let schema = SchemaGenerator::default().root_for::<T>();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    Verdicts {
        serde,
        shape,
        schema: validator.is_valid(doc),
        found: violations
            .iter()
            .map(|v| (v.code().to_owned(), v.path().to_owned()))
            .collect(),
    }
}

/// All three agree, and Shape found exactly `found` (code, path).
fn exact<T: serde::de::DeserializeOwned + Validate + ShapeOwned + JsonSchema>(
    doc: Value,
    ok: bool,
    found: &[(&str, &str)],
) {
    let v = judge::<T>(&doc);
    assert_eq!(
        (v.serde, v.shape, v.schema),
        (ok, ok, ok),
        "{doc}: {:?}",
        v.found
    );
    let want: Vec<(String, String)> = found
        .iter()
        .map(|(c, p)| ((*c).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(v.found, want, "{doc}");
}

#[test]
fn a_flattened_struct_reads_its_keys_beside_the_structs_own() {
    exact::<Query>(json!({"q": "rust", "pageSize": 20, "by": "li"}), true, &[]);
    // Its rules run at the struct's own path, in validate() as in Shape.
    exact::<Query>(
        json!({"q": "rust", "pageSize": 200, "by": ""}),
        false,
        &[("SM213", "/pageSize"), ("SM201", "/by")],
    );
    // Its missing key is missing from the struct's object.
    exact::<Query>(json!({"q": "rust", "by": "li"}), false, &[("SM102", "")]);
    // What no field claims is unknown under the container's deny_unknown_fields.
    exact::<Query>(
        json!({"q": "rust", "pageSize": 1, "by": "li", "extra": 1}),
        false,
        &[("SM103", "/extra")],
    );
    let q: Query =
        serde_json::from_value(json!({"q": "a", "pageSize": 3, "cursor": "c", "by": "li"}))
            .expect("serde reads it");
    assert_eq!(q.paging.cursor.as_deref(), Some("c"));
}

#[test]
fn a_flattened_map_takes_every_key_left() {
    exact::<Tagged>(
        json!({"id": 1, "pageSize": 5, "a": "x", "b": "y"}),
        true,
        &[],
    );
    // Each value at its key: the map's values are strings.
    exact::<Tagged>(
        json!({"id": 1, "pageSize": 5, "a": 2}),
        false,
        &[("SM101", "/a")],
    );
    let mut cx = share_schema::Context::new();
    let t: Tagged = share_schema::Shape::from_json(
        &json!({"id": 1, "pageSize": 5, "cursor": "c", "a": "x"}),
        &mut cx,
    )
    .expect("built");
    // The struct claimed `pageSize` and `cursor`; the map has what was left, the struct's own
    // key `id` not among it.
    assert_eq!(t.extra.keys().collect::<Vec<_>>(), ["a"]);
}

#[test]
fn an_optional_flattened_struct_is_none_when_its_keys_do_not_read() {
    exact::<Maybe>(json!({"id": 1, "pageSize": 5}), true, &[]);
    exact::<Maybe>(json!({"id": 1}), true, &[]);
    let mut cx = share_schema::Context::new();
    let m: Maybe = share_schema::Shape::from_json(&json!({"id": 1}), &mut cx).expect("built");
    assert!(m.paging.is_none());
    // `pageSize` of the wrong type: serde reads `None`, and the key it took while trying stays
    // taken, so it is not unknown either.
    exact::<Maybe>(json!({"id": 1, "pageSize": "five"}), true, &[]);
    let mut cx = share_schema::Context::new();
    let m: Maybe = share_schema::Shape::from_json(&json!({"id": 1, "pageSize": "five"}), &mut cx)
        .expect("built");
    assert!(m.paging.is_none());
    // A key it does not name is left over, unknown.
    exact::<Maybe>(json!({"id": 1, "other": 1}), false, &[("SM103", "/other")]);
    // A rule broken inside a content that reads is kept: `Some`, then validate() refuses it.
    // The schema accepts it: an `Option`'s keys take anything there (it cannot tell a value
    // serde cannot read, `None`, from one that breaks a rule; a sound relaxation).
    let v = judge::<Maybe>(&json!({"id": 1, "pageSize": 500}));
    assert_eq!((v.serde, v.shape, v.schema), (false, false, true));
    assert_eq!(v.found, [("SM213".to_owned(), "/pageSize".to_owned())]);
}

#[test]
fn a_struct_that_flattens_in_turn_claims_nothing() {
    // serde reads `Inner` as a map: its keys stay for `rest` too.
    let doc = json!({"q": "a", "pageSize": 1, "z": true});
    exact::<Outer>(doc.clone(), true, &[]);
    let mut cx = share_schema::Context::new();
    let o: Outer = share_schema::Shape::from_json(&doc, &mut cx).expect("built");
    let serde: Outer = serde_json::from_value(doc).expect("serde reads it");
    assert_eq!(
        o.rest.keys().collect::<Vec<_>>(),
        serde.rest.keys().collect::<Vec<_>>()
    );
    assert_eq!(o.rest.len(), 3, "{:?}", o.rest);
}

#[test]
fn the_schema_puts_flattened_properties_in_all_of() {
    let schema = SchemaGenerator::default().root_for::<Query>();
    assert_eq!(schema["unevaluatedProperties"], json!(false));
    assert!(schema.get("additionalProperties").is_none());
    let all_of = schema["allOf"].as_array().expect("allOf");
    assert_eq!(all_of.len(), 2);
    assert_eq!(all_of[0]["required"], json!(["pageSize"]));
    // Audit's own `additionalProperties: false` is gone inside the container.
    assert!(all_of[1].get("additionalProperties").is_none());
}

/// An internally tagged enum: serde reads it from every key left and claims none.
#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "form", rename_all = "lowercase")]
enum Form {
    Circle {
        #[share(range(max = 9))]
        r: u8,
    },
    Square {
        side: u8,
    },
}

/// An externally tagged enum: serde takes the first key left that names a variant.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "lowercase")]
enum Unit {
    Px(u16),
    Em {
        #[share(range(max = 10))]
        size: u8,
    },
}

#[derive(Debug, Deserialize, Validate)]
struct Shaped {
    id: u8,
    #[serde(flatten)]
    form: Form,
    #[serde(flatten)]
    unit: Unit,
}

/// A closed struct: an internally tagged enum's keys, never claimed, are always unknown to
/// serde here (its `deny_unknown_fields` with `flatten`); an external one's key is claimed.
#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct ClosedShaped {
    id: u8,
    #[serde(flatten)]
    unit: Unit,
}

#[test]
fn a_flattened_enum_reads_as_serde_reads_it() {
    exact::<Shaped>(
        json!({"id": 1, "form": "circle", "r": 3, "px": 10}),
        true,
        &[],
    );
    exact::<Shaped>(
        json!({"id": 1, "form": "square", "side": 3, "em": {"size": 2}}),
        true,
        &[],
    );
    // A variant's rule, at the struct's own path (and under the external variant's key).
    let v = judge::<Shaped>(&json!({"id": 1, "form": "circle", "r": 30, "em": {"size": 20}}));
    assert_eq!((v.serde, v.shape), (false, false));
    assert_eq!(
        v.found,
        [
            ("SM213".to_owned(), "/r".to_owned()),
            ("SM213".to_owned(), "/em/size".to_owned())
        ]
    );
    // No tag; no key naming a unit.
    let v = judge::<Shaped>(&json!({"id": 1, "r": 3, "px": 1}));
    assert_eq!((v.serde, v.shape), (false, false), "{:?}", v.found);
    let v = judge::<Shaped>(&json!({"id": 1, "form": "circle", "r": 3}));
    assert_eq!((v.serde, v.shape), (false, false), "{:?}", v.found);
    assert_eq!(v.found, [("SM102".to_owned(), String::new())]);
    // The schema: a sound relaxation for an enum's content, never refusing what serde reads.
    for doc in [
        json!({"id": 1, "form": "circle", "r": 3, "px": 10}),
        json!({"id": 1, "form": "square", "side": 3, "em": {"size": 2}}),
    ] {
        assert!(judge::<Shaped>(&doc).schema, "{doc}");
    }
}

#[test]
fn a_closed_struct_claims_only_an_external_enums_key() {
    exact::<ClosedShaped>(json!({"id": 1, "px": 10}), true, &[]);
    // The second variant key is left over, unknown. The schema lets both be (it cannot say
    // "one of these keys"; a sound relaxation).
    let v = judge::<ClosedShaped>(&json!({"id": 1, "px": 10, "em": {"size": 1}}));
    assert_eq!((v.serde, v.shape), (false, false));
    assert_eq!(v.found, [("SM103".to_owned(), "/em".to_owned())]);
    // An unknown key is refused by all three.
    exact::<ClosedShaped>(
        json!({"id": 1, "px": 10, "zz": 1}),
        false,
        &[("SM103", "/zz")],
    );
}

/// Struct variants flatten too: externally and internally tagged.
#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
enum Request {
    Search {
        #[share(max_chars = 10)]
        q: String,
        #[serde(flatten)]
        paging: Paging,
    },
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "op", deny_unknown_fields)]
enum Op {
    List {
        #[serde(flatten)]
        paging: Paging,
        #[serde(flatten)]
        extra: BTreeMap<String, u8>,
    },
}

#[test]
fn struct_variants_flatten_as_structs_do() {
    exact::<Request>(json!({"Search": {"q": "a", "pageSize": 5}}), true, &[]);
    exact::<Request>(
        json!({"Search": {"q": "a", "pageSize": 500}}),
        false,
        &[("SM213", "/Search/pageSize")],
    );
    exact::<Request>(
        json!({"Search": {"q": "a", "pageSize": 5, "zz": 1}}),
        false,
        &[("SM103", "/Search/zz")],
    );
    // The tag is not a key left for the map, nor unknown.
    let v = judge::<Op>(&json!({"op": "List", "pageSize": 5}));
    assert_eq!((v.serde, v.shape), (true, true), "{:?}", v.found);
    // Under deny_unknown_fields, what the map took is still left, as serde reads it.
    let v = judge::<Op>(&json!({"op": "List", "pageSize": 5, "a": 1}));
    assert_eq!((v.serde, v.shape), (false, false), "{:?}", v.found);
    assert_eq!(v.found, [("SM103".to_owned(), "/a".to_owned())]);
}

// ------------------------------------------------------------------ the review's cases

/// A flattened struct naming a key its container took: serde never shows it the key.
#[derive(Debug, Deserialize, Validate)]
struct Meta {
    #[serde(default)]
    #[share(max_chars = 3)]
    id: String,
    #[serde(alias = "a")]
    b: Option<u8>,
}

#[derive(Debug, Deserialize, Validate)]
struct Doc {
    id: String,
    a: Option<u8>,
    #[serde(flatten)]
    meta: Meta,
}

#[test]
fn a_flattened_struct_never_sees_its_containers_keys() {
    // `id` is the container's: `Meta::id` reads as absent (its default), in the schema too; `a`
    // is the container's, so `Meta`'s alias `a` beside `b` is no duplicate.
    exact::<Doc>(json!({"id": "abcdef"}), true, &[]);
    exact::<Doc>(json!({"id": "x", "a": 1, "b": 2}), true, &[]);
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind", deny_unknown_fields)]
enum Extra {
    A { a: u8 },
}

#[derive(Debug, Deserialize, Validate)]
struct WithExtra {
    id: u8,
    #[serde(flatten)]
    extra: Option<Extra>,
}

#[test]
fn a_flattened_option_is_none_when_its_content_has_an_unknown_key() {
    let doc = json!({"id": 1, "kind": "A", "a": 1, "z": 2});
    let by_serde: WithExtra = serde_json::from_value(doc.clone()).expect("serde reads it");
    assert!(by_serde.extra.is_none());
    let mut cx = share_schema::Context::new();
    let by_shape: WithExtra = share_schema::Shape::from_json(&doc, &mut cx).expect("built");
    assert!(by_shape.extra.is_none());
    assert!(cx.is_empty(), "{:?}", cx.violations());
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "lowercase")]
enum Speed {
    Fast,
    Slow(u8),
}

#[derive(Debug, Deserialize, Validate)]
struct Job {
    id: u8,
    #[serde(flatten)]
    speed: Speed,
}

#[test]
fn a_flattened_unit_variant_reads_from_null_or_an_empty_object() {
    exact::<Job>(json!({"id": 1, "fast": null}), true, &[]);
    exact::<Job>(json!({"id": 1, "fast": {}}), true, &[]);
    exact::<Job>(json!({"id": 1, "slow": 3}), true, &[]);
}

/// A flattened map's values are read by serde, as a map field's are: their type's rules are
/// validate()'s business, which does not walk maps.
#[derive(Debug, Deserialize, Validate)]
struct Audited {
    id: u8,
    #[serde(flatten)]
    rest: BTreeMap<String, Audit>,
}

#[test]
fn a_flattened_maps_values_are_read_as_a_map_fields_are() {
    let doc = json!({"id": 1, "k": {"by": ""}});
    let v = judge::<Audited>(&doc);
    assert_eq!((v.serde, v.shape), (true, true), "{:?}", v.found);
    let v = judge::<Audited>(&json!({"id": 1, "k": 3}));
    assert_eq!((v.serde, v.shape), (false, false));
    assert_eq!(v.found[0].1, "/k");
}
