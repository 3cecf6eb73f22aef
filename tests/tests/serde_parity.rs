//! What serde reads, `Shape` and the schema accept, attribute by attribute: field and variant
//! aliases, variant-level `untagged`, `rename_all_fields`, generics (one `$defs` entry per
//! instantiation), `null` for an `Option` (read as `None` unless `share_schema::refuse_null`
//! refuses it in serde too), `validate()` descending into a field whose type has rules, as
//! `Shape` does, with or without `nested`; the value serde fills in for an absent key (a field's
//! `default`, `default = "path"`, the struct's `default`) checked by the rules; keys beside an
//! internally tagged unit variant; an adjacently tagged `Option` without content; types made by
//! `macro_rules!`.
//!
//! `serde_differential.rs` generates values and mutations of the same kind of types; these are
//! the named cases a reader can follow.

mod common;

use serde_json::{json, Value};
use share_schema::catalog;
use share_schema::schema::SchemaGenerator;
use share_schema::{Context, JsonSchema, Severity, Shape, ShapeOwned, Validate};

/// Whether serde reads `json` as a `T` and `validate()` finds no error in it.
fn serde_accepts<T: serde::de::DeserializeOwned + Validate>(json: &Value) -> bool {
    serde_json::from_value::<T>(json.clone()).is_ok_and(|t| t.validate().is_ok())
}

/// Whether `Shape` reads `json` without an error, and the paths and codes of what it reports.
fn shape_accepts<T: ShapeOwned>(json: &Value) -> (bool, Vec<(String, &'static str)>) {
    let (ok, violations) = common::shape_reads::<T>(json);
    let found = violations
        .iter()
        .map(|v| (v.path().to_owned(), v.code()))
        .collect();
    (ok, found)
}

fn schema_of<T: JsonSchema>() -> Value {
    SchemaGenerator::default().root_for::<T>()
}

fn schema_accepts<T: JsonSchema>(json: &Value) -> bool {
    let schema = schema_of::<T>();
    jsonschema::validator_for(&schema)
        .expect("the schema compiles")
        .is_valid(json)
}

/// serde (with `validate()`), `Shape` and the schema give `expected` for every input.
fn all_judge<T>(cases: &[(Value, bool)])
where
    T: serde::de::DeserializeOwned + Validate + ShapeOwned + JsonSchema,
{
    for (json, expected) in cases {
        let serde = serde_accepts::<T>(json);
        let (shape, found) = shape_accepts::<T>(json);
        let schema = schema_accepts::<T>(json);
        assert_eq!(
            (serde, shape, schema),
            (*expected, *expected, *expected),
            "{json}: (serde, Shape, schema); Shape reported {found:?}\n{:#}",
            schema_of::<T>()
        );
    }
}

// ------------------------------------------------------------------------------ field aliases

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(deny_unknown_fields)]
struct Aliased {
    #[serde(alias = "headline", alias = "heading")]
    #[share(non_empty)]
    title: String,
    #[serde(default, alias = "desc")]
    description: Option<String>,
}

#[test]
fn a_field_alias_reads_as_the_field_once() {
    all_judge::<Aliased>(&[
        (json!({"title": "t"}), true),
        (json!({"headline": "t"}), true),
        (json!({"heading": "t", "desc": "d"}), true),
        (json!({"title": "t", "description": "d"}), true),
        // Rules apply under the alias too.
        (json!({"headline": ""}), false),
        // Missing under every name.
        (json!({"desc": "d"}), false),
        // The field twice, under its name and an alias: serde's "duplicate field".
        (json!({"title": "t", "headline": "u"}), false),
        (
            json!({"title": "t", "description": "d", "desc": "e"}),
            false,
        ),
    ]);
    let (_, found) = shape_accepts::<Aliased>(&json!({"title": "t", "headline": "u"}));
    assert_eq!(found, vec![("/headline".to_owned(), "SM002")]);
    let (_, found) = shape_accepts::<Aliased>(&json!({"headline": ""}));
    assert_eq!(found, vec![("/headline".to_owned(), "SM201")]);
}

// ---------------------------------------------------------------------------- variant aliases

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(rename_all = "lowercase")]
enum Color {
    #[serde(alias = "grey")]
    Gray,
    Red,
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
enum Shape2 {
    #[serde(alias = "round")]
    Circle { radius_mm: u32 },
    Square {
        #[share(max_chars = 3)]
        side_label: String,
    },
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    #[serde(alias = "N")]
    Num(u8),
    #[serde(alias = "Nothing")]
    Empty,
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
enum External {
    #[serde(alias = "Old")]
    New { n: u8 },
    #[serde(alias = "Zero")]
    Unit,
}

#[test]
fn variant_aliases_read_as_the_variant() {
    all_judge::<Color>(&[
        (json!("gray"), true),
        (json!("grey"), true),
        (json!("red"), true),
        (json!("Grey"), false),
    ]);
    all_judge::<Shape2>(&[
        (json!({"kind": "circle", "radiusMm": 3}), true),
        (json!({"kind": "round", "radiusMm": 3}), true),
        (json!({"kind": "square", "sideLabel": "abc"}), true),
        (json!({"kind": "square", "sideLabel": "abcd"}), false),
        (json!({"kind": "round", "radius_mm": 3}), false),
        (json!({"kind": "oval"}), false),
    ]);
    all_judge::<Adjacent>(&[
        (json!({"t": "Num", "c": 1}), true),
        (json!({"t": "N", "c": 1}), true),
        (json!({"t": "N", "c": 300}), false),
        (json!({"t": "Nothing"}), true),
        (json!({"t": "Empty"}), true),
    ]);
    all_judge::<External>(&[
        (json!({"New": {"n": 1}}), true),
        (json!({"Old": {"n": 1}}), true),
        (json!("Zero"), true),
        (json!("Unit"), true),
        (json!({"Old": {"n": -1}}), false),
    ]);
    let (_, found) = shape_accepts::<Shape2>(&json!({"kind": "round", "radiusMm": "x"}));
    assert_eq!(found, vec![("/radiusMm".to_owned(), "SM101")]);
}

// -------------------------------------------------------------------- variant-level untagged

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(tag = "type", rename_all = "camelCase")]
enum Event {
    Click {
        x: i32,
    },
    #[serde(untagged)]
    Raw(String),
    #[serde(untagged)]
    Code(u16),
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
enum Token {
    Word(String),
    #[serde(untagged)]
    Number(u8),
    #[serde(untagged)]
    Nothing,
}

#[test]
fn untagged_variants_are_tried_after_the_tagged_ones() {
    all_judge::<Event>(&[
        (json!({"type": "click", "x": 1}), true),
        (json!("anything"), true),
        (json!(404), true),
        (json!({"type": "click", "x": "1"}), false),
        (json!({"type": "scroll"}), false),
        (json!(70000), false),
        (json!(null), false),
    ]);
    all_judge::<Token>(&[
        (json!({"Word": "w"}), true),
        (json!(7), true),
        (json!(null), true),
        (json!("Word"), false),
        (json!(-1), false),
    ]);
    // None fits: the tagged reading's violations are reported.
    let (_, found) = shape_accepts::<Event>(&json!({"type": "click", "x": "1"}));
    assert_eq!(found, vec![("/x".to_owned(), "SM101")]);
}

// ------------------------------------------------------------------------------------ generics

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct Item {
    #[share(non_empty)]
    name: String,
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct Other {
    count: u8,
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct Page<T> {
    #[share(non_empty)]
    items: Vec<T>,
    #[serde(skip)]
    _cursor: std::marker::PhantomData<T>,
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct Both {
    items: Page<Item>,
    others: Page<Other>,
    names: Page<String>,
}

#[test]
fn each_instantiation_of_a_generic_type_has_its_own_definition() {
    let schema = schema_of::<Both>();
    let defs = schema["$defs"].as_object().expect("$defs");
    for name in [
        "Page_for_Item",
        "Page_for_Other",
        "Page_for_String",
        "Item",
        "Other",
    ] {
        assert!(defs.contains_key(name), "{name} missing: {schema:#}");
    }
    all_judge::<Both>(&[
        (
            json!({"items": {"items": [{"name": "a"}]}, "others": {"items": [{"count": 1}]}, "names": {"items": ["x"]}}),
            true,
        ),
        (
            json!({"items": {"items": [{"name": ""}]}, "others": {"items": [{"count": 1}]}, "names": {"items": ["x"]}}),
            false,
        ),
        (
            json!({"items": {"items": [{"name": "a"}]}, "others": {"items": [{"count": 300}]}, "names": {"items": ["x"]}}),
            false,
        ),
        (
            json!({"items": {"items": [{"name": "a"}]}, "others": {"items": [{"count": 1}]}, "names": {"items": [1]}}),
            false,
        ),
    ]);
    // The generic's rules and the item type's rules both run in validate().
    let page: Page<Item> = serde_json::from_value(json!({"items": [{"name": ""}]})).unwrap();
    let report = page.report();
    assert_eq!(report.as_slice()[0].path(), "/items/0/name");
}

// ------------------------------------------------------------------------- null for an Option

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct Nullable {
    #[share(max_chars = 2)]
    note: Option<String>,
    #[share(required(severity = "warning"))]
    #[serde(default)]
    hint: Option<String>,
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct NoNull {
    #[serde(default, with = "share_schema::refuse_null")]
    note: Option<String>,
    /// Without `default`, serde needs the key (its function reads it).
    #[serde(with = "share_schema::refuse_null")]
    must: Option<u8>,
}

#[test]
fn null_for_an_option_is_none_unless_refused_in_serde_too() {
    all_judge::<Nullable>(&[
        (json!({}), true),
        (json!({"note": null}), true),
        (json!({"note": "ab", "hint": null}), true),
        (json!({"note": "abc"}), false),
        (json!({"note": 1}), false),
    ]);
    // `null` is absent to `required`, as validate() sees the `None` serde reads.
    let (_, found) = shape_accepts::<Nullable>(&json!({"hint": null}));
    assert_eq!(found, vec![("/hint".to_owned(), "SM212")]);
    all_judge::<NoNull>(&[
        (json!({"must": 1}), true),
        (json!({"note": "n", "must": 1}), true),
        (json!({"note": null, "must": 1}), false),
        (json!({"must": null}), false),
        (json!({}), false),
    ]);
    let mut cx = Context::new();
    let _ = NoNull::from_json(&json!({"note": null, "must": 1}), &mut cx);
    let v = &cx.violations()[0];
    assert_eq!((v.path(), v.rule()), ("/note", &catalog::WRONG_TYPE));
    assert!(
        v.message().contains("found null; omit the key instead"),
        "{}",
        v.message()
    );
}

// ------------------------------------------------------ validate() descends as Shape descends

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct Outer {
    /// No `nested`: its rules still run, in validate() as in Shape.
    inner: Item,
    many: Vec<Item>,
    #[share(nested)]
    marked: Option<Item>,
}

#[test]
fn validate_and_shape_both_descend_into_a_field_with_rules() {
    let json = json!({"inner": {"name": ""}, "many": [{"name": "a"}, {"name": ""}], "marked": {"name": ""}});
    let value: Outer = serde_json::from_value(json.clone()).unwrap();
    let validated: Vec<String> = value
        .report()
        .as_slice()
        .iter()
        .map(|v| v.path().to_owned())
        .collect();
    let (_, found) = shape_accepts::<Outer>(&json);
    let shaped: Vec<String> = found.into_iter().map(|(p, _)| p).collect();
    assert_eq!(validated, ["/inner/name", "/many/1/name", "/marked/name"]);
    assert_eq!(shaped, validated);
}

// ------------------------------------------------------------------------------ borrowed types

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(deny_unknown_fields)]
struct Borrowed<'a> {
    #[share(non_empty, max_bytes = 3)]
    title: &'a str,
    #[serde(borrow, default)]
    #[share(max_chars = 2)]
    note: Option<std::borrow::Cow<'a, str>>,
    #[share(unique)]
    tags: Vec<&'a str>,
    inner: Option<Lent<'a>>,
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct Lent<'a> {
    #[share(url)]
    link: &'a str,
}

#[test]
fn borrowed_fields_derive_and_are_read_without_copying() {
    let json = json!({"title": "abc", "tags": ["a", "b"], "inner": {"link": "https://e.com"}});
    let mut cx = Context::new();
    let value = Borrowed::from_json(&json, &mut cx).expect("reads");
    assert!(cx.violations().is_empty(), "{:?}", cx.violations());
    // The string is the JSON value's own, not a copy.
    assert!(std::ptr::eq(value.title, json["title"].as_str().unwrap()));
    assert!(value.note.is_none() && value.inner.is_some());

    let text = r#"{"title": "abcd", "note": "xyz", "tags": ["a", "a"], "inner": {"link": "nope"}}"#;
    let typed: Borrowed = serde_json::from_str(text).expect("serde borrows from the text");
    let paths: Vec<String> = typed
        .report()
        .as_slice()
        .iter()
        .map(|v| v.path().to_owned())
        .collect();
    assert_eq!(paths, ["/title", "/note", "/tags", "/inner/link"]);
    let json: Value = serde_json::from_str(text).unwrap();
    let (ok, found) = {
        let mut cx = Context::new();
        let built = Borrowed::from_json(&json, &mut cx).is_some();
        let found: Vec<String> = cx
            .violations()
            .iter()
            .map(|v| v.path().to_owned())
            .collect();
        (built, found)
    };
    assert!(ok);
    assert_eq!(found, paths);
    assert!(!schema_accepts::<Borrowed>(&json));
    assert!(schema_accepts::<Borrowed>(
        &json!({"title": "abc", "tags": ["a", "b"], "inner": null})
    ));
}

/// The payload model refuses `null` for its optional keys in serde as in `Shape` (README).
#[test]
fn the_payload_model_refuses_null_in_serde_and_shape_alike() {
    let text = r#"{"type": "webPage", "channelType": ["wx"], "channelObject": {"webpageUrl": "https://example.com", "title": null}}"#;
    assert!(serde_json::from_str::<share_schema::ShareMessage>(text).is_err());
    let object = r#"{"webpageUrl": "https://example.com", "thumbImage": null}"#;
    assert!(serde_json::from_str::<share_schema::WebPage>(object).is_err());
    let mut cx = Context::new();
    let json: Value = serde_json::from_str(text).unwrap();
    let _ = share_schema::ShareMessage::from_json(&json, &mut cx);
    let v = &cx.violations()[0];
    assert_eq!((v.path(), v.code()), ("/channelObject/title", "SM101"));
    // Without the null, both read it.
    let fine = text.replace(", \"title\": null", "");
    assert!(serde_json::from_str::<share_schema::ShareMessage>(&fine).is_ok());
}

// ------------------------------------------------------- defaults: the value serde fills in

fn two() -> u8 {
    2
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct FieldDefaults {
    /// From a function: `2` is allowed, the type's `0` would not be.
    #[serde(default = "two")]
    #[share(one_of = [1, 2, 3])]
    level: u8,
    /// The type's default, `""`, breaks the field's own rule.
    #[serde(default)]
    #[share(non_empty)]
    title: String,
}

/// serde fills every absent field, and the skipped one, from `ContainerDefault::default()`,
/// not from the field types' defaults.
#[derive(Debug, PartialEq, serde::Deserialize, share_schema::Validate)]
#[serde(default)]
struct ContainerDefault {
    #[share(one_of = [1, 2, 3])]
    level: u8,
    #[serde(skip_deserializing)]
    computed: u8,
}

impl Default for ContainerDefault {
    fn default() -> Self {
        ContainerDefault {
            level: 2,
            computed: 7,
        }
    }
}

#[test]
fn an_absent_key_is_the_default_serde_fills_in_checked_by_the_rules() {
    all_judge::<FieldDefaults>(&[
        (json!({"title": "t"}), true),
        (json!({"title": "t", "level": 0}), false),
    ]);
    // `{}`: serde reads `title: ""`, which `validate()` and Shape report at the absent key; the
    // schema lets a key with a default be absent whatever the default (a sound relaxation).
    let empty = json!({});
    assert!(!serde_accepts::<FieldDefaults>(&empty));
    let (shape, found) = shape_accepts::<FieldDefaults>(&empty);
    assert!(!shape);
    assert_eq!(found, vec![("/title".to_owned(), "SM201")]);
    assert!(schema_accepts::<FieldDefaults>(&empty));

    all_judge::<ContainerDefault>(&[
        (json!({}), true),
        (json!({"level": 3}), true),
        (json!({"level": 0}), false),
        (json!({"computed": 0}), true),
    ]);
    let read: ContainerDefault = serde_json::from_value(json!({"computed": 0})).unwrap();
    let built = ContainerDefault::from_json(&json!({"computed": 0}), &mut Context::new());
    assert_eq!(built.as_ref(), Some(&read));
    assert_eq!(read, ContainerDefault::default());
}

// --------------------------------------------------- internally tagged: a unit variant's keys

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(tag = "kind", deny_unknown_fields)]
enum Strict {
    Dot,
    Circle { r: u8 },
}

#[test]
fn keys_beside_an_internally_tagged_unit_variant_are_ignored_as_serde_ignores_them() {
    all_judge::<Strict>(&[
        (json!({"kind": "Dot"}), true),
        // serde's unit-variant visitor skips every other key, `deny_unknown_fields` or not.
        (json!({"kind": "Dot", "extra": 1}), true),
        (json!({"kind": "Circle", "r": 1}), true),
        (json!({"kind": "Circle", "r": 1, "extra": 1}), false),
    ]);
}

// ----------------------------------------------- adjacently tagged: an `Option`'s content

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(tag = "t", content = "c")]
enum Slot {
    Maybe(Option<u8>),
    Num(u8),
    Clear,
}

#[test]
fn an_absent_content_is_none_for_an_option_as_serde_reads_a_missing_field() {
    all_judge::<Slot>(&[
        (json!({"t": "Maybe"}), true),
        (json!({"t": "Maybe", "c": null}), true),
        (json!({"t": "Maybe", "c": 300}), false),
        (json!({"t": "Num"}), false),
        (json!({"t": "Clear"}), true),
    ]);
}

// ------------------------------------------------------------- types made by `macro_rules!`

const NO_TAB: catalog::Rule =
    catalog::Rule::new("APP500", "tab", Severity::Error, "a tab in a label");

fn no_tab(label: &str, cx: &mut Context) {
    if label.contains('\t') {
        cx.report(&NO_TAB, "contains a tab");
    }
}

/// Field types given as macro arguments: `$t:ty` reaches the derive as an invisible group (an
/// `Option` must still be seen as one), `$inner:ident` and `$text:ident` with the macro caller's
/// hygiene (the generated code's own names must still resolve, rules or none).
macro_rules! card {
    ($name:ident, $t:ty, $inner:ident, $text:ident) => {
        #[derive(Debug, serde::Deserialize, share_schema::Validate)]
        struct $name {
            #[share(max_chars = 3)]
            title: $t,
            inner: $inner,
            #[share(
                non_empty,
                pattern = "^[a-z\t]+$",
                custom(no_tab, severity = "warning")
            )]
            label: $text,
        }
    };
}

card!(MacroCard, Option<String>, Item, String);

#[test]
fn a_type_made_by_a_macro_reads_as_written_out() {
    all_judge::<MacroCard>(&[
        (json!({"inner": {"name": "a"}, "label": "l"}), true),
        (
            json!({"title": null, "inner": {"name": "a"}, "label": "l"}),
            true,
        ),
        (
            json!({"title": "abcd", "inner": {"name": "a"}, "label": "l"}),
            false,
        ),
        (json!({"inner": {"name": ""}, "label": "l"}), false),
        (json!({"inner": {"name": "a"}, "label": "L"}), false),
        (json!({"inner": {"name": "a"}, "label": "a\tb"}), true),
    ]);
    let (_, found) = shape_accepts::<MacroCard>(&json!({"inner": {"name": "a"}, "label": "a\tb"}));
    assert_eq!(found, vec![("/label".to_owned(), "APP500")]);
}

// ------------------------------------------- the two serde forms left out, as the README says

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct Pair {
    a: u8,
    b: String,
}

#[test]
fn arrays_for_structs_and_index_tags_are_read_by_serde_alone() {
    let array = json!([1, "x"]);
    assert!(serde_accepts::<Pair>(&array));
    assert!(!shape_accepts::<Pair>(&array).0);
    assert!(!schema_accepts::<Pair>(&array));
    // Inside an untagged enum serde buffers the value and takes a variant index as the tag.
    #[derive(Debug, serde::Deserialize, share_schema::Validate)]
    #[serde(untagged)]
    enum Either {
        Tagged(Event),
    }
    let index = json!({"type": 0, "x": 1});
    assert!(serde_accepts::<Either>(&index));
    assert!(!shape_accepts::<Either>(&index).0);
    assert!(!schema_accepts::<Either>(&index));
}

// ----------------------------------- the attributes accepted because they change no reading

fn write_upper<S: serde::Serializer>(v: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&v.to_uppercase())
}

#[derive(Clone, Debug, serde::Deserialize, serde::Serialize, share_schema::Validate)]
#[serde(
    rename = "Card",
    crate = "serde",
    expecting = "a card",
    bound(deserialize = "")
)]
struct Accepted {
    #[serde(skip_serializing_if = "str::is_empty", serialize_with = "write_upper")]
    #[share(max_chars = 3)]
    a: String,
    #[serde(skip_serializing, default)]
    b: u8,
    // `borrow` is in `Borrowed` above.
    #[serde(bound = "")]
    c: String,
    d: Kind,
}

#[derive(Clone, Debug, serde::Deserialize, serde::Serialize, share_schema::Validate)]
enum Kind {
    #[serde(skip_serializing)]
    Hidden,
    #[serde(serialize_with = "write_kind", bound = "")]
    Shown(String),
}

fn write_kind<S: serde::Serializer>(v: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v)
}

/// The README's "accepted" column: each key compiles and changes nothing that is read.
#[test]
fn accepted_attributes_change_nothing_read() {
    all_judge::<Accepted>(&[
        (json!({"a": "abc", "b": 1, "c": "x", "d": "Hidden"}), true),
        (json!({"a": "abc", "c": "x", "d": {"Shown": "s"}}), true),
        (json!({"a": "abcd", "c": "x", "d": "Hidden"}), false),
        (json!({"a": "abc", "d": "Hidden"}), false),
    ]);
}

/// `into` converts only what is written out.
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize, share_schema::Validate)]
#[serde(into = "String")]
struct WrittenAsText {
    #[share(non_empty)]
    s: String,
}

impl From<WrittenAsText> for String {
    fn from(w: WrittenAsText) -> String {
        w.s
    }
}

#[test]
fn into_changes_nothing_read() {
    all_judge::<WrittenAsText>(&[(json!({"s": "a"}), true), (json!({"s": ""}), false)]);
    assert_eq!(
        serde_json::to_value(WrittenAsText { s: "a".into() }).unwrap(),
        json!("a")
    );
}

// ------------------------------------- the tag through Box, Option and an untagged enum

/// A closed struct, the content of internally tagged newtype variants below.
#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(deny_unknown_fields)]
struct Pin {
    #[share(max_chars = 3)]
    at: String,
}

/// An untagged enum of closed structs, itself the content of a newtype variant.
#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(untagged)]
enum Spot {
    Pin(Pin),
    Named {
        #[share(non_empty)]
        name: String,
    },
}

/// serde reads each variant's content from the object without the tag: whatever wraps the
/// content (`Box`, an untagged enum and its newtype variants), the tag is not unknown to it.
#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(tag = "kind", deny_unknown_fields)]
enum Mark {
    Boxed(Box<Pin>),
    Either(Spot),
}

#[test]
fn the_tag_passes_through_box_and_untagged_enums_to_the_content() {
    // serde (with validate()) and Shape alike; the schema a sound relaxation here (a newtype
    // variant's `$ref`'d or branching content cannot take the tag beside it: see `with_tag`).
    for (json, expected) in [
        (json!({"kind": "Boxed", "at": "abc"}), true),
        (json!({"kind": "Boxed", "at": "abcd"}), false),
        (json!({"kind": "Boxed", "at": "a", "x": 1}), false),
        (json!({"kind": "Either", "at": "abc"}), true),
        (json!({"kind": "Either", "name": "n"}), true),
        (json!({"kind": "Either", "name": ""}), false),
        (json!({"kind": "Either", "at": "a", "x": 1}), false),
    ] {
        let (shape, found) = shape_accepts::<Mark>(&json);
        assert_eq!(
            (serde_accepts::<Mark>(&json), shape),
            (expected, expected),
            "{json}: {found:?}"
        );
        assert!(!expected || schema_accepts::<Mark>(&json), "{json}");
    }
}

// ------------------------------------------------------------------------ Option<Option<T>>

/// serde_with's `double_option`, written out: `null` is `Some(None)`, absent `None`.
fn double_option<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<u8>>, D::Error> {
    serde::Deserialize::deserialize(d).map(Some)
}

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(deny_unknown_fields)]
struct Patch {
    /// Plain: `null` and absent are both `None`.
    plain: Option<Option<u8>>,
    /// Through a function: `null` clears, absent leaves alone.
    #[serde(default, deserialize_with = "double_option")]
    clear: Option<Option<u8>>,
}

#[test]
fn an_option_of_an_option_reads_as_serde_reads_it() {
    all_judge::<Patch>(&[
        (json!({}), true),
        (json!({"plain": null, "clear": null}), true),
        (json!({"plain": 3, "clear": 4}), true),
        (json!({"plain": "x"}), false),
    ]);
    // The function's field takes any JSON in the schema (see deserialize_with.rs).
    assert!(!serde_accepts::<Patch>(&json!({"clear": "x"})));
    assert!(!shape_accepts::<Patch>(&json!({"clear": "x"})).0);
    // What each reads, alike: `null` through the function is `Some(None)`.
    for (json, plain, clear) in [
        (json!({}), None, None),
        (json!({"plain": null, "clear": null}), None, Some(None)),
        (
            json!({"plain": 3, "clear": 4}),
            Some(Some(3)),
            Some(Some(4)),
        ),
    ] {
        let by_serde: Patch = serde_json::from_value(json.clone()).expect("serde reads it");
        let mut cx = Context::new();
        let by_shape: Patch = share_schema::Shape::from_json(&json, &mut cx).expect("built");
        assert_eq!((by_serde.plain, by_serde.clear), (plain, clear), "{json}");
        assert_eq!((by_shape.plain, by_shape.clear), (plain, clear), "{json}");
    }
}

// ------------------------------------------------- a missing key of what wraps an Option

/// Transparent over an `Option`: serde reads it as its field, `None` for a missing key.
#[derive(Debug, PartialEq, serde::Deserialize, share_schema::Validate)]
#[serde(transparent)]
struct MaybeNote(Option<String>);

/// A newtype struct over an `Option`, without `transparent`: serde requires its key.
#[derive(Debug, PartialEq, serde::Deserialize, share_schema::Validate)]
struct StrictNote(Option<String>);

#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(deny_unknown_fields)]
struct Absences {
    boxed: Box<Option<u8>>,
    shared: std::sync::Arc<Option<u8>>,
    note: MaybeNote,
    strict: StrictNote,
}

#[test]
fn a_missing_key_of_what_wraps_an_option_is_none_as_serde_reads_it() {
    all_judge::<Absences>(&[
        (json!({"strict": null}), true),
        (
            json!({"boxed": 1, "shared": 2, "note": "n", "strict": "s"}),
            true,
        ),
        // The newtype struct's key is required, even over an `Option`.
        (json!({"boxed": 1}), false),
        (json!({"boxed": "x", "strict": null}), false),
    ]);
    let json = json!({"strict": null});
    let by_serde: Absences = serde_json::from_value(json.clone()).expect("serde reads it");
    let mut cx = Context::new();
    let by_shape: Absences = share_schema::Shape::from_json(&json, &mut cx).expect("built");
    assert_eq!(*by_shape.boxed, *by_serde.boxed);
    assert_eq!(by_shape.note, MaybeNote(None));
    assert_eq!(by_serde.note, MaybeNote(None));
    let (_, found) = shape_accepts::<Absences>(&json!({}));
    assert_eq!(
        found,
        [(String::new(), "SM102")],
        "only `strict` is missing"
    );
}

/// A generic parameter set to an `Option`: its key may be missing, in the schema too.
#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct Holder<T> {
    item: T,
}

fn present(n: &Option<u8>, cx: &mut Context) {
    if n.is_none() {
        cx.report(&catalog::CUSTOM, "must be given");
    }
}

/// A field rule on what a missing key reads as.
#[derive(Debug, serde::Deserialize, share_schema::Validate)]
struct Required {
    #[share(custom(present))]
    boxed: Box<Option<u8>>,
}

#[test]
fn a_missing_key_of_a_generic_option_and_its_field_rules() {
    all_judge::<Holder<Option<u8>>>(&[(json!({}), true), (json!({"item": 3}), true)]);
    all_judge::<Holder<u8>>(&[(json!({}), false), (json!({"item": 3}), true)]);
    // `custom` sees the `None` a missing key reads as, in validate() and in Shape alike.
    assert!(!serde_accepts::<Required>(&json!({})));
    assert!(!shape_accepts::<Required>(&json!({})).0);
}

/// An adjacently tagged newtype variant over what wraps an `Option`: its content may be missing.
#[derive(Debug, serde::Deserialize, share_schema::Validate)]
#[serde(tag = "t", content = "c")]
enum Wrapped {
    Boxed(Box<Option<u8>>),
    Plain(u8),
}

#[test]
fn an_adjacent_contents_missing_key_reads_as_serde_reads_it() {
    all_judge::<Wrapped>(&[
        (json!({"t": "Boxed"}), true),
        (json!({"t": "Boxed", "c": 3}), true),
        (json!({"t": "Plain"}), false),
        (json!({"t": "Plain", "c": 3}), true),
    ]);
}
