//! JSON Schema (draft 2020-12) emission: each derived type describes itself once, from the same
//! attributes its validator is generated from, and the generator collects them under `$defs`.
//! The standard library's types describe what serde reads for them in `std_types.rs`.
//!
//! ```
//! use share_schema::schema::{JsonSchema, SchemaGenerator};
//! let mut gen = SchemaGenerator::default();
//! assert_eq!(gen.subschema_for::<Vec<String>>(), serde_json::json!({"type": "array", "items": {"type": "string"}}));
//! ```

use serde_json::{json, Map, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

pub mod editor;
#[cfg(feature = "schemars")]
mod schemars_bridge;
mod std_types;
#[cfg(feature = "schemars")]
pub(crate) use schemars_bridge::schemars_via_ours;
#[cfg(feature = "schemars")]
pub use schemars_bridge::{from_schemars, to_schemars};

/// The meta-schema every emitted schema declares.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// A type that can describe itself as a JSON Schema.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no JSON Schema: add `#[derive(share_schema::Validate)]` to it",
    label = "`{Self}` needs `#[derive(Validate)]`",
    note = "`#[derive(Validate)]` implements `JsonSchema` from the same `#[share(...)]` attributes; the type argument of a generic type that derives it needs it too (`Page<T>` needs `T: JsonSchema`, unless `#[share(bound = \"..\")]` says otherwise)"
)]
pub trait JsonSchema {
    /// The name under `$defs` for named types (derived types are named); `None` inlines it.
    fn schema_name() -> Option<Cow<'static, str>> {
        None
    }

    /// This type's schema (never a `$ref` to itself).
    fn json_schema(gen: &mut SchemaGenerator) -> Value;

    /// Whether serde reads a field of this type whose key is missing (as `None`): an `Option`,
    /// and what only wraps one (`Box<Option<T>>`, a transparent struct over one). The containing
    /// object does not require such a key.
    fn may_be_absent() -> bool {
        false
    }
}

/// Collects the `$defs` of named types while a root schema is built.
#[derive(Debug, Default)]
pub struct SchemaGenerator {
    defs: BTreeMap<String, Value>,
    pending: BTreeSet<String>,
}

impl SchemaGenerator {
    /// The schema to use where a `T` is expected: a `$ref` for named types, inline otherwise.
    pub fn subschema_for<T: JsonSchema + ?Sized>(&mut self) -> Value {
        let Some(name) = T::schema_name() else {
            return T::json_schema(self);
        };
        let name = name.into_owned();
        if !self.defs.contains_key(&name) && self.pending.insert(name.clone()) {
            let schema = T::json_schema(self);
            self.pending.remove(&name);
            self.defs.insert(name.clone(), schema);
        }
        json!({ "$ref": format!("#/$defs/{name}") })
    }

    /// A self-contained root schema for `T`: `$schema`, `T`'s keywords inline, and `$defs`.
    pub fn root_for<T: JsonSchema + ?Sized>(mut self) -> Value {
        let body = T::json_schema(&mut self);
        let mut root = Map::new();
        root.insert("$schema".into(), Value::String(DRAFT_2020_12.into()));
        if let Value::Object(map) = body {
            root.extend(map);
        }
        if !self.defs.is_empty() {
            root.insert(
                "$defs".into(),
                Value::Object(self.defs.into_iter().collect()),
            );
        }
        Value::Object(root)
    }
}

/// Adds the keywords of `fragment` to `schema`. When a keyword is already present with another
/// value, the whole fragment goes into an `allOf` entry of its own, so both constraints hold
/// (never a silent overwrite) and the fragment's keywords stay together; `allOf` entries add up.
pub fn merge(schema: &mut Map<String, Value>, fragment: Value) {
    let Value::Object(fragment) = fragment else {
        return;
    };
    // `allOf`s add up: each entry is a constraint of its own.
    let mut fragment = fragment;
    if let (Some(Value::Array(entries)), Some(Value::Array(_))) =
        (fragment.get("allOf"), schema.get("allOf"))
    {
        let entries = entries.clone();
        fragment.remove("allOf");
        editor::push_all_of(schema, entries);
    }
    let clashes = fragment
        .iter()
        .any(|(k, v)| schema.get(k).is_some_and(|existing| existing != v));
    if clashes {
        // The whole fragment in an entry of its own, so that its keywords stay together (a
        // rule's `pattern` with its `patternErrorMessage`).
        editor::push_all_of(schema, [Value::Object(fragment)]);
        return;
    }
    for (k, v) in fragment {
        schema.entry(k).or_insert(v);
    }
}

/// The name under `$defs` of `T` as a type argument of a generic type (`Page_for_Item`): its
/// `schema_name`, or for an unnamed type its Rust name without module paths (`Vec_String`).
pub fn def_name<T: JsonSchema + ?Sized>() -> String {
    match T::schema_name() {
        Some(name) => name.into_owned(),
        None => rust_def_name::<T>(),
    }
}

/// `T`'s Rust name without module paths, as a `$defs` name (`Vec_String`): for a type argument
/// that need not implement `JsonSchema` (a generic type whose `#[share(bound(schema = ..))]`
/// does not ask it to).
pub fn rust_def_name<T: ?Sized>() -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            if !out.is_empty() {
                out.push('_');
            }
            out.push_str(word);
            word.clear();
        }
    };
    for ch in std::any::type_name::<T>().chars() {
        match ch {
            c if c.is_alphanumeric() || c == '_' => word.push(c),
            // A module path before the name: keep only the last segment.
            ':' => word.clear(),
            _ => flush(&mut word, &mut out),
        }
    }
    flush(&mut word, &mut out);
    out
}

/// `schema` or `null`: `{"anyOf": [schema, {"type": "null"}]}`.
pub fn or_null(schema: Value) -> Value {
    json!({ "anyOf": [schema, { "type": "null" }] })
}
