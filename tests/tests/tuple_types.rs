//! Newtype, tuple and unit structs, `#[serde(transparent)]` and tuple variants: read as serde
//! reads them (a newtype or transparent struct is its field's JSON, a tuple an array of fixed
//! length, a unit struct `null`), with the rules of their fields, at paths that carry the index.
//! serde (+ `validate()`), `Shape` and the derived JSON Schema (the `jsonschema` crate) judge
//! every document below alike; `serde_differential.rs` generates more.

use serde::Deserialize;
use serde_json::{json, Value};
use share_schema::schema::SchemaGenerator;
use share_schema::{Context, Shape, ShapeOwned, Validate};

/// A newtype with a rule on its field: the JSON is a string.
#[derive(Debug, Deserialize, share_schema::Validate)]
struct Title(#[share(non_empty, max_chars = 5)] String);

/// A tuple: an array of two items, each with its rules, at `/0` and `/1`.
#[derive(Debug, Deserialize, share_schema::Validate)]
struct Point(
    #[share(range(min = -10, max = 10))] i32,
    #[share(range(min = -10, max = 10))] i32,
);

/// A tuple whose last item may be missing (serde fills its default) and a skipped field that
/// takes no place in the array.
#[derive(Debug, Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by serde and Shape only
struct Span(
    #[share(email)] String,
    #[serde(skip)] u8,
    #[serde(default)]
    #[share(range(max = 3))]
    u8,
);

/// `transparent` on a struct with named fields: the JSON is `label`'s.
#[derive(Debug, Deserialize, share_schema::Validate)]
#[serde(transparent)]
struct Label {
    #[share(prefix("#"))]
    label: String,
    #[serde(skip)]
    #[allow(dead_code)] // serde skips it; it is there to be skipped
    cache: Option<u32>,
}

/// An `Option` item is read like any other: it may be `null`, not missing (serde's
/// `invalid length`).
#[derive(Debug, Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by serde and Shape only
struct Maybe(u8, Option<u8>);

/// `transparent` beside a `PhantomData` and a field with a `default`, which serde fills.
#[derive(Debug, Deserialize, share_schema::Validate)]
#[serde(transparent)]
#[allow(dead_code)] // read by serde and Shape only
struct Id<T> {
    #[share(range(max = 99))]
    raw: u64,
    #[serde(default)]
    note: String,
    kind: std::marker::PhantomData<T>,
}

/// A unit struct: `null`.
#[derive(Debug, Deserialize, share_schema::Validate)]
struct Nothing;

/// Tuple variants, externally tagged: `{"Move": [x, y]}`.
#[derive(Debug, Deserialize, share_schema::Validate)]
enum Step {
    Move(#[share(range(min = 0))] i8, #[share(range(min = 0))] i8),
    Say(Title),
    Stop,
}

/// Adjacently tagged: `{"t": "Pair", "c": ["a", 1]}`.
#[derive(Debug, Deserialize, share_schema::Validate)]
#[serde(tag = "t", content = "c")]
enum Tagged {
    Pair(#[share(ascii)] String, u8),
    Empty(),
}

/// Untagged: an array of two strings, or a number.
#[derive(Debug, Deserialize, share_schema::Validate)]
#[serde(untagged)]
enum Loose {
    Two(#[share(max_chars = 2)] String, String),
    One(u8),
}

/// The whole document: every kind above, in one struct.
#[derive(Debug, Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by serde and Shape only
struct Doc {
    title: Title,
    at: Point,
    span: Span,
    label: Label,
    nothing: Nothing,
    steps: Vec<Step>,
    tagged: Tagged,
    loose: Vec<Loose>,
    maybe: Maybe,
    id: Id<String>,
}

fn good() -> Value {
    json!({
        "title": "Hi",
        "at": [1, -2],
        "span": ["ops@kingsoft.com", 3],
        "label": "#wx",
        "nothing": null,
        "steps": [{"Move": [1, 2]}, {"Say": "yo"}, "Stop"],
        "tagged": {"t": "Pair", "c": ["a", 1]},
        "loose": [["ab", "long text"], 7],
        "maybe": [1, null],
        "id": 7,
    })
}

/// One key of [`good`] changed: `(key, value, the path of the first violation; None: accepted)`.
fn cases() -> Vec<(&'static str, Value, Option<&'static str>)> {
    vec![
        ("title", json!(""), Some("/title")),
        ("title", json!("toolong"), Some("/title")),
        ("title", json!(["Hi"]), Some("/title")),
        ("at", json!([1, 11]), Some("/at/1")),
        ("at", json!([1]), Some("/at")),
        ("at", json!([1, 2, 3]), Some("/at")),
        ("at", json!({"0": 1, "1": 2}), Some("/at")),
        ("span", json!(["ops@kingsoft.com"]), None),
        ("span", json!(["nope", 1]), Some("/span/0")),
        ("span", json!(["ops@kingsoft.com", 4]), Some("/span/1")),
        ("span", json!(["ops@kingsoft.com", 1, 2]), Some("/span")),
        ("span", json!([]), Some("/span")),
        ("label", json!("wx"), Some("/label")),
        ("label", json!({"label": "#wx"}), Some("/label")),
        ("nothing", json!({}), Some("/nothing")),
        ("nothing", json!(0), Some("/nothing")),
        ("steps", json!([{"Move": [1, -1]}]), Some("/steps/0/Move/1")),
        ("steps", json!([{"Move": [1]}]), Some("/steps/0/Move")),
        ("steps", json!([{"Say": ""}]), Some("/steps/0/Say")),
        (
            "steps",
            json!([{"Move": {"0": 1, "1": 2}}]),
            Some("/steps/0/Move"),
        ),
        (
            "tagged",
            json!({"t": "Pair", "c": ["é", 1]}),
            Some("/tagged/c/0"),
        ),
        (
            "tagged",
            json!({"t": "Pair", "c": ["a"]}),
            Some("/tagged/c"),
        ),
        ("tagged", json!({"t": "Empty", "c": []}), None),
        ("tagged", json!({"t": "Empty", "c": [1]}), Some("/tagged/c")),
        ("loose", json!([["abc", "x"]]), Some("/loose/0/0")),
        ("loose", json!([["ab"]]), Some("/loose/0")),
        ("loose", json!([300]), Some("/loose/0")),
        ("maybe", json!([1]), Some("/maybe")),
        ("maybe", json!([1, 2]), None),
        ("id", json!(100), Some("/id")),
        ("id", json!({"raw": 1}), Some("/id")),
    ]
}

/// Whether serde reads `json` and `validate()` finds no error.
fn serde_accepts<T: serde::de::DeserializeOwned + Validate>(json: &Value) -> bool {
    serde_json::from_value::<T>(json.clone()).is_ok_and(|t| t.validate().is_ok())
}

#[test]
fn serde_shape_and_the_schema_judge_tuples_alike() {
    let schema = SchemaGenerator::default().root_for::<Doc>();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let base = good();
    let mut all = vec![("(none)", base.clone(), None)];
    all.extend(cases());
    for (key, value, at) in all {
        let mut json = base.clone();
        if key != "(none)" {
            json[key] = value.clone();
        }
        let accepted = at.is_none();
        assert_eq!(
            serde_accepts::<Doc>(&json),
            accepted,
            "serde: {key} = {value}"
        );
        let mut cx = Context::new();
        let shaped = Doc::from_json(&json, &mut cx);
        assert_eq!(
            shaped.is_some() && !cx.has_errors_since(0),
            accepted,
            "Shape: {key} = {value}: {:?}",
            cx.violations()
        );
        if let Some(at) = at {
            let first = cx.violations().first().map(|v| v.path().to_owned());
            assert_eq!(
                first.as_deref(),
                Some(at),
                "{key} = {value}: {:?}",
                cx.violations()
            );
        }
        assert_eq!(
            validator.is_valid(&json),
            accepted,
            "schema: {key} = {value}\n{schema:#}"
        );
    }
}

#[test]
fn validate_reports_tuple_items_at_their_index() {
    let at = Point(3, 12);
    let report = at.report();
    let said: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        ["error SM213 at /1: item 1 is 12; at most 10 is allowed"]
    );
    let title = Title(String::new());
    assert_eq!(title.report().as_slice()[0].path(), "");
    let step = Step::Move(-1, 0);
    assert_eq!(step.report().as_slice()[0].path(), "/Move/0");
    let tagged = Tagged::Pair("é".into(), 0);
    assert_eq!(tagged.report().as_slice()[0].path(), "/c/0");
}

#[test]
fn what_each_kind_expects_is_said_in_json_terms() {
    fn expected_of<T: ShapeOwned>(json: Value) -> String {
        let mut cx = Context::new();
        assert!(T::from_json(&json, &mut cx).is_none());
        cx.violations()[0].message().to_owned()
    }
    assert_eq!(
        expected_of::<Point>(json!([1])),
        "expected an array of 2 items, found an array of 1 item(s)"
    );
    assert_eq!(
        expected_of::<Span>(json!(true)),
        "expected an array of 1 to 2 items, found a boolean (true)"
    );
    assert_eq!(
        expected_of::<Title>(json!(1)),
        "expected a string, found a number (1)"
    );
    assert_eq!(
        expected_of::<Nothing>(json!("x")),
        "expected null, found a string (\"x\")"
    );
    assert_eq!(<Title as Shape>::expected(), "a string");
    assert_eq!(<Span as Shape>::expected(), "an array of 1 to 2 items");
    assert_eq!(<Nothing as Shape>::expected(), "null");
}

#[test]
fn the_schema_states_each_kind() {
    let g = SchemaGenerator::default;
    assert_eq!(
        g().root_for::<Point>()["prefixItems"][1]["allOf"],
        json!([{"minimum": -10, "maximum": 10}])
    );
    let span = g().root_for::<Span>();
    assert_eq!(
        (span["minItems"].clone(), span["maxItems"].clone()),
        (json!(1), json!(2))
    );
    assert_eq!(span["items"], json!(false));
    let title = g().root_for::<Title>();
    assert_eq!(
        (title["type"].clone(), title["maxLength"].clone()),
        (json!("string"), json!(5))
    );
    assert_eq!(g().root_for::<Nothing>()["type"], json!("null"));
}

/// Internally tagged newtype variants of a unit struct and of a transparent struct: serde reads
/// `{"type": "Ping"}` for the first, and the inner object with the tag beside it for the second.
#[derive(Debug, Deserialize, share_schema::Validate)]
#[serde(tag = "type")]
#[allow(dead_code)] // read by serde and Shape only
enum Signal {
    Ping(Nothing),
    Wrap(Wrapped),
    Nest(Kinded),
}

/// An internally tagged enum inside one: its branches' `additionalProperties: false` would not
/// see the outer tag.
#[derive(Debug, Deserialize, share_schema::Validate)]
#[serde(tag = "kind", deny_unknown_fields)]
#[allow(dead_code)] // read by serde and Shape only
enum Kinded {
    S { x: u32 },
}

#[derive(Debug, Deserialize, share_schema::Validate)]
#[serde(transparent)]
struct Wrapped(Inner);

#[derive(Debug, Deserialize, share_schema::Validate)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read by serde and Shape only
struct Inner {
    #[share(max_chars = 3)]
    code: String,
}

#[test]
fn internally_tagged_newtypes_of_unit_and_transparent_structs() {
    let schema = SchemaGenerator::default().root_for::<Signal>();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for (json, accepted) in [
        (json!({"type": "Ping"}), true),
        (json!({"type": "Ping", "x": 1}), false),
        (json!({"type": "Wrap", "code": "ab"}), true),
        (json!({"type": "Wrap", "code": "abcd"}), false),
        (json!({"type": "Wrap", "code": "ab", "x": 1}), false),
        (json!({"type": "Nest", "kind": "S", "x": 1}), true),
    ] {
        assert_eq!(serde_accepts::<Signal>(&json), accepted, "serde: {json}");
        let mut cx = Context::new();
        let shaped = Signal::from_json(&json, &mut cx);
        assert_eq!(
            shaped.is_some() && !cx.has_errors_since(0),
            accepted,
            "Shape: {json}: {:?}",
            cx.violations()
        );
        // The schema cannot put the tag beside these (a sound relaxation): it never rejects
        // what serde reads.
        if accepted {
            assert!(validator.is_valid(&json), "schema: {json}\n{schema:#}");
        }
    }
}
