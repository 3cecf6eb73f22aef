//! `#[serde(flatten)]`: a field whose keys sit beside the struct's own, read the way serde reads
//! them. serde gathers the keys the struct's own fields do not name, in document order; then each
//! flattened field, in declaration order, reads from what is left:
//!
//! - a struct ([`Flatten`], derived) reads the keys among them that name its fields and *claims*
//!   them: a later flattened field does not see them. It sees no other key, so its
//!   `deny_unknown_fields` has nothing to refuse (unless it flattens fields of its own: then serde
//!   reads it as a map, which claims nothing and refuses every key it does not name);
//! - an enum reads every key left and claims none (internally or adjacently tagged, untagged:
//!   serde reads it through a map), or, externally tagged, takes the first key left that names
//!   one of its variants and claims it;
//! - a map (`BTreeMap`, `HashMap`, …) reads every key left, each value at its key, and claims
//!   none;
//! - an `Option` of either is `None` when its content could not be read, the error dropped.
//!
//! What is left at the end is unknown under the struct's `deny_unknown_fields`. The schema puts
//! each flattened struct's properties in an `allOf` beside the struct's own, and
//! `deny_unknown_fields` becomes `unevaluatedProperties: false`, which sees through `allOf`.

use crate::schema::SchemaGenerator;
use crate::structure::in_view;
use crate::{Context, JsonSchema, Shape};
use serde_json::{Map, Value};

/// A type that can be `#[serde(flatten)]`ed into a struct. `#[derive(Validate)]` implements it for
/// structs with named fields and for enums that borrow nothing from the JSON.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be `#[serde(flatten)]`ed by `#[derive(Validate)]`",
    label = "not a type that derives `Validate`, a map or an `Option` of one",
    note = "the derive flattens structs with named fields and enums that derive `Validate` (an enum that borrows nothing from the JSON), maps (`BTreeMap`, `HashMap`, `IndexMap`) and `Option`s of them; a generic parameter flattened needs `#[share(bound(shape = \"T: for<'v> share_schema::Flatten<'v>\", schema = \"T: share_schema::FlatSchema + ..\"))]`"
)]
pub trait Flatten<'v>: Shape<'v> {
    /// Reads `Self` from the keys of the object `value` listed in `rest` (those its container's
    /// own fields and earlier flattened fields left), removing from `rest` the keys it claims.
    fn from_flat(value: &'v Value, rest: &mut Vec<&'v str>, cx: &mut Context) -> Option<Self>;
}

/// The schema of a [`Flatten`] type in its container's `allOf`: its properties and required keys,
/// without anything that refuses the container's other keys.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be `#[serde(flatten)]`ed by `#[derive(Validate)]`",
    label = "not a type that derives `Validate`, a map or an `Option` of one",
    note = "the derive flattens structs with named fields and enums that derive `Validate` (an enum that borrows nothing from the JSON), maps (`BTreeMap`, `HashMap`, `IndexMap`) and `Option`s of them"
)]
pub trait FlatSchema {
    /// The subschema; `{}` adds nothing. `taken`: the container's own keys, which serde never
    /// shows a flattened type (left out of its properties).
    fn flat_schema(generator: &mut SchemaGenerator, taken: &[&str]) -> Value;
}

/// [`Flatten::from_flat`] of a derived struct: `T` reads the object seeing only the keys in
/// `rest`, then claims the keys it names (`known`: its fields' names and aliases), unless it has
/// flattened fields of its own (`claims` false: serde reads it as a map, which claims nothing).
pub fn flat_struct<'v, T: Shape<'v>>(
    value: &'v Value,
    rest: &mut Vec<&'v str>,
    cx: &mut Context,
    known: &[&str],
    claims: bool,
) -> Option<T> {
    cx.set_view(rest.iter().map(|k| (*k).to_owned()).collect());
    let built = T::from_json(value, cx);
    // A value that is not an object never reached the struct's body to take the view.
    drop(cx.take_view());
    if claims {
        rest.retain(|k| !known.contains(k));
    }
    built
}

/// `map`'s entry for `key` when a struct read with `view` sees it.
pub fn get_in_view<'v>(
    map: &'v Map<String, Value>,
    key: &str,
    view: Option<&[String]>,
) -> Option<(&'v String, &'v Value)> {
    crate::structure::get_key_value(map, key).filter(|_| in_view(view, key))
}

/// The keys of `map` that its struct's own fields do not name (`known`), nor the tag around it
/// (`allowed`), limited to `view` when it reads flattened: what its flattened fields read from.
pub fn rest_keys<'v>(
    map: &'v Map<String, Value>,
    view: Option<&[String]>,
    known: &[&str],
    allowed: &[&str],
) -> Vec<&'v str> {
    map.keys()
        .map(String::as_str)
        .filter(|k| !known.contains(k) && !allowed.contains(k) && in_view(view, k))
        .collect()
}

/// [`Flatten::from_flat`] of a derived enum, read from a copy of the keys it sees (so it must
/// borrow nothing: `ShapeOwned`). Externally tagged (`variants`: its variants' names), it takes
/// the first key left that names a variant, and claims it, as serde's `deserialize_enum` does;
/// otherwise (internally or adjacently tagged, untagged) it reads every key left and claims
/// none, as serde reads it through a map. `name`: the enum's, for the message when no key names
/// a variant.
pub fn flat_enum<'v, T: crate::ShapeOwned>(
    value: &'v Value,
    rest: &mut Vec<&'v str>,
    cx: &mut Context,
    variants: Option<&[&str]>,
    units: &[&str],
    name: &str,
) -> Option<T> {
    let map = value.as_object()?;
    let entry = |k: &str| map.get(k).map(|v| (k.to_owned(), v.clone()));
    let seen: Map<String, Value> = match variants {
        Some(names) => {
            let Some(at) = rest.iter().position(|k| names.contains(k)) else {
                cx.report(
                    &crate::catalog::MISSING_KEY,
                    format!(
                        "no key names a variant of `{name}`: expected one of {}",
                        crate::structure::list(names)
                    ),
                );
                return None;
            };
            let key = rest.remove(at);
            // serde reads a unit variant's key with `null` or `{}` as the variant: read here as
            // its name (the one form of a unit variant the enum's `Shape` reads).
            let unit = units.contains(&key)
                && map
                    .get(key)
                    .is_some_and(|v| v.is_null() || v.as_object().is_some_and(Map::is_empty));
            if unit {
                return T::from_json(&Value::String(key.to_owned()), cx);
            }
            entry(key).into_iter().collect()
        }
        None => rest.iter().filter_map(|k| entry(k)).collect(),
    };
    T::from_json(&Value::Object(seen), cx)
}

/// [`FlatSchema::flat_schema`] of a derived enum: an externally tagged one's variant keys, each
/// taking anything (so a closed container sees them evaluated); `{}` for the others, whose keys
/// serde never claims (a closed container refuses them, as `unevaluatedProperties: false`
/// does). A sound relaxation: the variant's content is `Shape`'s to check.
pub fn flat_enum_schema(variants: Option<&[&str]>, taken: &[&str]) -> Value {
    let mut out = Map::new();
    if let Some(names) = variants {
        let props: Map<String, Value> = names
            .iter()
            .filter(|n| !taken.contains(n))
            .map(|n| ((*n).to_owned(), Value::Object(Map::new())))
            .collect();
        out.insert("properties".into(), Value::Object(props));
    }
    Value::Object(out)
}

/// A value read by serde alone (a map's value: maps have no `Shape`, so a map field's values are
/// read by serde, and a flattened map's are read the same way), its error a wrong type.
pub fn read_serde<'v, T: serde::Deserialize<'v>>(value: &'v Value, cx: &mut Context) -> Option<T> {
    match T::deserialize(value) {
        Ok(t) => Some(t),
        Err(e) => {
            cx.report(&crate::catalog::WRONG_TYPE, e.to_string());
            None
        }
    }
}

/// A flattened map: every key left, each value read by `read` at its key; claims none.
pub fn flat_map<'v, K: From<&'v str>, V, M: FromIterator<(K, V)>>(
    value: &'v Value,
    rest: &[&'v str],
    cx: &mut Context,
    read: impl Fn(&'v Value, &mut Context) -> Option<V>,
) -> Option<M> {
    let map = value.as_object()?;
    let mut ok = true;
    let mut entries = Vec::with_capacity(rest.len());
    for &key in rest {
        let Some(item) = map.get(key) else { continue };
        let mark = cx.enter_key(key);
        match read(item, cx) {
            Some(v) => entries.push((K::from(key), v)),
            None => ok = false,
        }
        cx.leave(mark);
    }
    ok.then(|| entries.into_iter().collect())
}

/// A flattened `Option`: `read` tried; `None`, its violations dropped, when it could not build
/// the value, as serde drops the error. The keys it claimed stay claimed either way: serde's
/// flattened struct takes each of its keys as it reads it, and does not give them back when a
/// value fails. (serde stops at the first failing value in document order, so a key of the
/// struct *after* it stays unclaimed there, and unknown under `deny_unknown_fields`; here every
/// key of the struct is claimed. The one case where the two differ.)
pub fn flat_option<'v, T>(
    rest: &mut Vec<&'v str>,
    cx: &mut Context,
    read: impl FnOnce(&mut Vec<&'v str>, &mut Context) -> Option<T>,
) -> Option<Option<T>> {
    let since = cx.len();
    let built = read(rest, cx);
    // serde fails the content on what `Shape` reports and still builds: an unknown or repeated
    // key (a rule's violation is validate()'s, after serde read `Some`).
    let failed = cx.violations()[since.min(cx.len())..]
        .iter()
        .any(|v| v.rule().structural || std::ptr::eq(v.rule(), &crate::catalog::DUPLICATE_KEY));
    match built {
        Some(built) if !failed => Some(Some(built)),
        _ => {
            cx.truncate(since);
            Some(None)
        }
    }
}

/// [`FlatSchema::flat_schema`] of a derived struct: its own schema without what refuses other
/// keys (`additionalProperties`, `unevaluatedProperties`) or names it, and without the keys in
/// `taken` (the container's own, which serde never shows it: a field of the same name reads as
/// absent to it, so its `required` and alias clauses go too; a sound relaxation where that
/// absence would fail serde).
pub fn flat_struct_schema<T: JsonSchema>(generator: &mut SchemaGenerator, taken: &[&str]) -> Value {
    let mut schema = T::json_schema(generator);
    if let Value::Object(map) = &mut schema {
        for key in [
            "additionalProperties",
            "unevaluatedProperties",
            "title",
            "$schema",
        ] {
            map.remove(key);
        }
        if let Some(Value::Object(props)) = map.get_mut("properties") {
            props.retain(|k, _| !taken.contains(&k.as_str()));
        }
        if let Some(Value::Array(required)) = map.get_mut("required") {
            required.retain(|k| !k.as_str().is_some_and(|k| taken.contains(&k)));
        }
        if let Some(Value::Array(all)) = map.get_mut("allOf") {
            all.retain(|clause| !mentions(clause, taken));
            if all.is_empty() {
                map.remove("allOf");
            }
        }
    }
    schema
}

/// Whether a `required` list anywhere in `schema` names one of `keys`.
fn mentions(schema: &Value, keys: &[&str]) -> bool {
    match schema {
        Value::Object(map) => map.iter().any(|(k, v)| {
            let named = |r: &Vec<Value>| {
                r.iter()
                    .any(|n| n.as_str().is_some_and(|n| keys.contains(&n)))
            };
            (k == "required" && v.as_array().is_some_and(named)) || mentions(v, keys)
        }),
        Value::Array(items) => items.iter().any(|v| mentions(v, keys)),
        _ => false,
    }
}

/// The flat schema of an `Option` of a type whose flat schema is `schema`: its properties, each
/// taking anything (serde reads `None` when they do not fit, and they stay unknown); nothing
/// required.
pub fn flat_option_schema(schema: &Value) -> Value {
    let mut names = Map::new();
    collect_properties(schema, &mut names);
    if names.is_empty() {
        return Value::Object(Map::new());
    }
    let mut out = Map::new();
    out.insert("properties".into(), Value::Object(names));
    Value::Object(out)
}

fn collect_properties(schema: &Value, out: &mut Map<String, Value>) {
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for name in props.keys() {
            out.insert(name.clone(), Value::Object(Map::new()));
        }
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            collect_properties(s, out);
        }
    }
}
