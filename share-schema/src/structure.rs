//! Structural checks shared by all generated `Shape` impls: objects, missing and unknown keys,
//! tags, and the "did you mean" suggestion. Written once here so generated code stays small.

use crate::shape::wrong_type;
use crate::{catalog, Context};
use serde_json::{Map, Value};
use share_json::text::quote;

/// The object `value` is, or a wrong-type violation.
pub fn expect_object<'a>(value: &'a Value, cx: &mut Context) -> Option<&'a Map<String, Value>> {
    match value {
        Value::Object(map) => Some(map),
        other => {
            wrong_type(cx, "an object", other);
            None
        }
    }
}

/// Records that the object at the current path lacks the required `key`.
pub fn missing_key(cx: &mut Context, key: &str) {
    cx.report(
        &catalog::MISSING_KEY,
        format!("missing required key `{key}`"),
    );
}

/// Records an unknown `key` (at the key's own path) with a suggestion: an explicit hint
/// (`hints`: unknown key → known key, for keys of another variant) or a known key within a small
/// edit distance or differing only in case.
pub fn unknown_key(cx: &mut Context, key: &str, known: &[&str], hints: &[(&str, &str)]) {
    let mark = cx.enter_key(key);
    let mut message = format!("unknown key `{}`", quote(key));
    let suggestion = hints
        .iter()
        .find(|(from, _)| *from == key)
        .map(|(_, to)| *to)
        .or_else(|| suggest(key, known));
    if let Some(s) = suggestion {
        message.push_str(&format!("; did you mean `{s}`?"));
    } else if !known.is_empty() {
        message.push_str(&format!("; expected one of {}", list(known)));
    }
    cx.report(&catalog::UNKNOWN_KEY, message);
    cx.leave(mark);
}

/// Records a tag or enum string outside `expected` (at the current path).
pub fn unknown_variant(cx: &mut Context, found: &str, expected: &[&str]) {
    let mut message = format!(
        "unknown value {:?}; expected one of {}",
        quote(found),
        list(expected)
    );
    if let Some(s) = suggest(found, expected) {
        message.push_str(&format!(" (did you mean `{s}`?)"));
    }
    cx.report(&catalog::UNKNOWN_VARIANT, message);
}

/// Whether more than one of `names` (a field's name and its aliases) is in `map`: serde reads a
/// field once and fails on the second ("duplicate field"); reported at the later key.
/// Whether `key` is visible to a struct read with `view`: the keys a struct read flattened sees
/// (`flatten.rs`, [`Context::take_view`]); `None`: all.
pub fn in_view(view: Option<&[String]>, key: &str) -> bool {
    view.is_none_or(|keys| keys.iter().any(|k| k == key))
}

/// `view`: the keys a flattened struct sees (see `flatten.rs`); the others are not given to it.
pub fn duplicate_field(
    map: &Map<String, Value>,
    names: &[&str],
    view: Option<&[String]>,
    cx: &mut Context,
) -> bool {
    let given: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| get(map, n).is_some() && in_view(view, n))
        .collect();
    if given.len() < 2 {
        return false;
    }
    cx.at_key(given[1], |cx| {
        cx.report(
            &catalog::DUPLICATE_KEY,
            format!(
                "`{}` and `{}` name the same field: give it once",
                quote(given[0]),
                quote(given[1])
            ),
        );
    });
    true
}

/// The string tag `tag` of `map`: reports it missing (at the object) or not a string (at the tag).
pub fn tag_of<'a>(map: &'a Map<String, Value>, tag: &str, cx: &mut Context) -> Option<&'a str> {
    match get(map, tag) {
        None => {
            missing_key(cx, tag);
            None
        }
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            cx.at_key(tag, |cx| wrong_type(cx, "a string", other));
            None
        }
    }
}

/// The most keys an object may have for [`get_key_value`] to look a key up by comparing it
/// with each; a larger object (hostile input) is looked up through its hash table.
pub const SCAN_KEYS: usize = 16;

/// `map.get_key_value(key)`, found by comparing `key` with each key of a small object: a payload
/// object has a handful of short keys, and comparing them costs less than hashing `key` with
/// the SipHash of serde_json's `IndexMap` (`preserve_order`): 3% fewer instructions linting
/// 10,000 payload files (BENCHMARKS.md, "Workers render"). Objects of more than
/// [`SCAN_KEYS`] keys are looked up through the hash table, so time stays linear in the keys.
pub fn get_key_value<'v>(
    map: &'v Map<String, Value>,
    key: &str,
) -> Option<(&'v String, &'v Value)> {
    if map.len() <= SCAN_KEYS {
        map.iter().find(|(k, _)| k.as_str() == key)
    } else {
        map.get_key_value(key)
    }
}

/// `map.get(key)` by [`get_key_value`].
pub fn get<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    get_key_value(map, key).map(|(_, v)| v)
}

/// `a`, `b` or `c` for messages.
pub fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

pub use share_json::text::suggest;

/// Autoref specialization for generated code: a field whose type implements [`Shape`],
/// [`JsonSchema`] or [`Validate`] uses it; any other field falls back to serde (its value is
/// checked by deserializing it), to the empty schema `{}` (a sound relaxation) and to no rules.
///
/// Generated code calls `(&Probe::<T>::new()).probe_*(..)`: method lookup tries `Probe<T>`
/// (the trait impls) before `&Probe<T>` (the fallbacks).
pub struct Probe<T: ?Sized>(std::marker::PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    /// A probe for `T`.
    #[allow(clippy::new_without_default)] // only generated code makes these
    pub const fn new() -> Self {
        Probe(std::marker::PhantomData)
    }
}

use crate::schema::SchemaGenerator;
use crate::{JsonSchema, Shape, Validate};

/// The preferred path: `T: Shape<'v>`.
pub trait ViaShape<'v, T> {
    /// `T::from_json`.
    fn probe_from_json(&self, value: &'v Value, cx: &mut Context) -> Option<T>;
    /// `T::from_json_allowing`.
    fn probe_from_json_allowing(
        &self,
        value: &'v Value,
        cx: &mut Context,
        allowed: &[&str],
    ) -> Option<T>;
    /// `T::expected()`.
    fn probe_expected(&self) -> &'static str;
    /// `T::absent()`: what a missing key of this type reads as, if anything.
    fn probe_absent(&self) -> Option<T>;
}

impl<'v, T: Shape<'v>> ViaShape<'v, T> for Probe<T> {
    fn probe_absent(&self) -> Option<T> {
        T::absent()
    }
    fn probe_expected(&self) -> &'static str {
        T::expected()
    }
    fn probe_from_json(&self, value: &'v Value, cx: &mut Context) -> Option<T> {
        T::from_json(value, cx)
    }
    fn probe_from_json_allowing(
        &self,
        value: &'v Value,
        cx: &mut Context,
        allowed: &[&str],
    ) -> Option<T> {
        T::from_json_allowing(value, cx, allowed)
    }
}

/// The fallback: any `T: Deserialize<'v>`, checked by serde (borrowing from the value read).
pub trait ViaSerde<'v, T> {
    /// `T::deserialize(value)`, its error recorded as a wrong type.
    fn probe_from_json(&self, value: &'v Value, cx: &mut Context) -> Option<T>;
    /// The same; serde knows nothing of the tag, so an internally tagged newtype of a type
    /// without `Shape` must not deny unknown fields.
    fn probe_from_json_allowing(
        &self,
        value: &'v Value,
        cx: &mut Context,
        allowed: &[&str],
    ) -> Option<T>;
    /// `a value`: serde's types do not say what they expect.
    fn probe_expected(&self) -> &'static str;
    /// What serde reads for a missing key of this type: `T` read from [`Missing`].
    fn probe_absent(&self) -> Option<T>;
}

impl<'v, T: serde::Deserialize<'v>> ViaSerde<'v, T> for &Probe<T> {
    fn probe_absent(&self) -> Option<T> {
        T::deserialize(Missing).ok()
    }
    fn probe_expected(&self) -> &'static str {
        "a value"
    }
    fn probe_from_json(&self, value: &'v Value, cx: &mut Context) -> Option<T> {
        match T::deserialize(value) {
            Ok(t) => Some(t),
            Err(e) => {
                cx.report(&catalog::WRONG_TYPE, e.to_string());
                None
            }
        }
    }
    fn probe_from_json_allowing(
        &self,
        value: &'v Value,
        cx: &mut Context,
        _: &[&str],
    ) -> Option<T> {
        self.probe_from_json(value, cx)
    }
}

/// What serde hands a type for a field whose key is missing (its private `missing_field`): an
/// `Option` reads `None` from it (so does what only wraps one: `Box<Option<T>>`, `Arc<Option<T>>`,
/// a transparent struct); every other type fails, and the key is required.
pub struct Missing;

impl<'de> serde::Deserializer<'de> for Missing {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("missing"))
    }

    fn deserialize_option<V: serde::de::Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

/// The preferred path: `T: JsonSchema`.
pub trait ViaSchema {
    /// `gen.subschema_for::<T>()`.
    fn probe_schema(&self, gen: &mut SchemaGenerator) -> Value;
    /// `T::json_schema(gen)`, inline even for named types.
    fn probe_inline_schema(&self, gen: &mut SchemaGenerator) -> Value;
    /// `T::may_be_absent()`.
    fn probe_may_be_absent(&self) -> bool;
}

impl<T: JsonSchema + ?Sized> ViaSchema for Probe<T> {
    fn probe_may_be_absent(&self) -> bool {
        T::may_be_absent()
    }
    fn probe_schema(&self, gen: &mut SchemaGenerator) -> Value {
        gen.subschema_for::<T>()
    }
    fn probe_inline_schema(&self, gen: &mut SchemaGenerator) -> Value {
        T::json_schema(gen)
    }
}

/// The next path, with the `schemars` feature: `T: schemars::JsonSchema` only (a type of another
/// crate's), whose schema is taken from schemars, its definitions beside ours.
pub trait ViaSchemars {
    /// schemars' subschema for `T`.
    fn probe_schema(&self, gen: &mut SchemaGenerator) -> Value;
    /// schemars' schema for `T`, inline.
    fn probe_inline_schema(&self, gen: &mut SchemaGenerator) -> Value;
    /// `false`: schemars does not say (the field's `Shape` or serde may: see `probe_absent`).
    fn probe_may_be_absent(&self) -> bool;
}

#[cfg(feature = "schemars")]
impl<T: schemars::JsonSchema + ?Sized> ViaSchemars for &Probe<T> {
    fn probe_may_be_absent(&self) -> bool {
        false
    }
    fn probe_schema(&self, gen: &mut SchemaGenerator) -> Value {
        crate::schema::from_schemars::<T>(gen, false)
    }
    fn probe_inline_schema(&self, gen: &mut SchemaGenerator) -> Value {
        crate::schema::from_schemars::<T>(gen, true)
    }
}

/// The fallback: the empty schema, which accepts anything (a sound relaxation).
pub trait ViaAnySchema {
    /// `{}`.
    fn probe_schema(self, gen: &mut SchemaGenerator) -> Value;
    /// `{}`.
    fn probe_inline_schema(self, gen: &mut SchemaGenerator) -> Value;
    /// `false` (the field's `Shape` or serde may say: see `probe_absent`).
    fn probe_may_be_absent(self) -> bool;
}

impl<T: ?Sized> ViaAnySchema for Probe<T> {
    fn probe_may_be_absent(self) -> bool {
        false
    }
    fn probe_schema(self, _: &mut SchemaGenerator) -> Value {
        Value::Object(Map::new())
    }
    fn probe_inline_schema(self, _: &mut SchemaGenerator) -> Value {
        Value::Object(Map::new())
    }
}

/// The preferred path: `T: Validate`.
pub trait ViaValidate<T: ?Sized> {
    /// `value.validate_into(cx)`.
    fn probe_validate(&self, value: &T, cx: &mut Context);
    /// `value.validate_into(cx)` under `segment` (`/` and the key, escaped).
    fn probe_validate_at(&self, value: &T, segment: &'static str, cx: &mut Context);
}

impl<T: Validate + ?Sized> ViaValidate<T> for Probe<T> {
    fn probe_validate(&self, value: &T, cx: &mut Context) {
        value.validate_into(cx);
    }
    fn probe_validate_at(&self, value: &T, segment: &'static str, cx: &mut Context) {
        let mark = cx.enter_segment(segment);
        value.validate_into(cx);
        cx.leave(mark);
    }
}

/// The fallback: a type without rules.
pub trait ViaNoRules<T: ?Sized> {
    /// Nothing to check.
    fn probe_validate(&self, value: &T, cx: &mut Context);
    /// Nothing to check.
    fn probe_validate_at(&self, value: &T, segment: &'static str, cx: &mut Context);
}

impl<T: ?Sized> ViaNoRules<T> for &Probe<T> {
    fn probe_validate(&self, _: &T, _: &mut Context) {}
    fn probe_validate_at(&self, _: &T, _: &'static str, _: &mut Context) {}
}

/// The schema of an internally tagged newtype variant: the inner object's schema with the tag
/// (its name, or `enum` of its name and aliases) added to its properties (so
/// `additionalProperties: false` still admits the tag).
pub fn with_tag(schema: Value, tag: &str, names: &[&str]) -> Value {
    let mut map = match schema {
        // An object schema of its own properties takes the tag among them.
        Value::Object(m) if m.get("type") == Some(&Value::from("object")) && !branches(&m) => m,
        // Anything else — a `$ref` (a newtype or transparent struct names its field's type,
        // whose `additionalProperties: false` would not see a tag beside it), branches (an
        // enum's: a branch's `additionalProperties: false` would not see it either), a unit struct's
        // `null` (serde reads `{"tag": ..}` alone for it) — cannot hold the tag: the object is
        // left to `Shape` (a sound relaxation).
        _ => {
            let mut m = Map::new();
            m.insert("type".into(), Value::from("object"));
            m
        }
    };
    let props = map
        .entry("properties")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(props) = props {
        let tag_schema = match names {
            [name] => serde_json::json!({ "const": name }),
            names => serde_json::json!({ "enum": names }),
        };
        props.insert(tag.to_owned(), tag_schema);
    }
    Value::Object(map)
}

/// Whether an object schema holds a `$ref` or branches (`anyOf`, `oneOf`, `if`, or an `allOf` of
/// `if`/`then`: an enum's), whose own `additionalProperties: false` would not see a key added to
/// its `properties`. (A struct's `allOf` of `required`/`not` for its aliases is no branch.)
fn branches(schema: &Map<String, Value>) -> bool {
    let conditional = |v: &Value| v.get("then").is_some() || v.get("if").is_some();
    ["$ref", "anyOf", "oneOf", "if"]
        .iter()
        .any(|k| schema.contains_key(*k))
        || schema
            .get("allOf")
            .and_then(Value::as_array)
            .is_some_and(|all| all.iter().any(conditional))
}

/// Schema keywords as a map, wrapping a non-object schema (`true`) in `allOf`.
pub fn schema_map(schema: Value) -> Map<String, Value> {
    match schema {
        Value::Object(m) => m,
        other => {
            let mut m = Map::new();
            m.insert("allOf".into(), Value::Array(vec![other]));
            m
        }
    }
}

/// Checks the optional top-level `"$schema"` key of a `#[share(schema_key)]` type.
pub fn schema_key(map: &Map<String, Value>, cx: &mut Context) {
    if let Some(v) = get(map, "$schema") {
        if !v.is_string() {
            cx.at_key("$schema", |cx| {
                wrong_type(cx, "a string (the schema's URL or path)", v)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_key_value_finds_what_the_map_finds_in_small_and_large_objects() {
        for n in [0, 1, SCAN_KEYS, SCAN_KEYS + 1, 100] {
            let map: Map<String, Value> =
                (0..n).map(|i| (format!("k{i}"), Value::from(i))).collect();
            for key in (0..n + 2)
                .map(|i| format!("k{i}"))
                .chain(["".to_owned(), "k".to_owned()])
            {
                assert_eq!(
                    get_key_value(&map, &key),
                    map.get_key_value(&key),
                    "{n} keys, {key}"
                );
                assert_eq!(get(&map, &key), map.get(&key));
            }
        }
    }

    #[test]
    fn suggests_close_and_case_insensitive_names() {
        let known = ["webpageUrl", "thumbImage", "title", "description"];
        assert_eq!(suggest("webPageUrl", &known), Some("webpageUrl"));
        assert_eq!(suggest("thumbimage", &known), Some("thumbImage"));
        assert_eq!(suggest("titel", &known), Some("title"));
        assert_eq!(suggest("descriptoin", &known), Some("description"));
        assert_eq!(suggest("url", &known), None);
        assert_eq!(suggest(&"t".repeat(1_000_000), &known), None);
    }

    #[test]
    fn unknown_key_uses_hint_before_distance() {
        let mut cx = Context::new();
        unknown_key(&mut cx, "url", &["webpageUrl"], &[("url", "webpageUrl")]);
        let v = &cx.violations()[0];
        assert_eq!(v.path(), "/url");
        assert!(
            v.message().contains("did you mean `webpageUrl`?"),
            "{}",
            v.message()
        );
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
