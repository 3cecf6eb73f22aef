//! schemars 1.x interop (the `schemars` feature), both ways, with one schema per type:
//!
//! - [`to_schemars`]: a derived type's `schemars::JsonSchema` is its [`JsonSchema`], the types it
//!   names moved into schemars' definitions (wherever its settings keep them:
//!   `#/$defs/` for JSON Schema, `#/components/schemas/` for OpenAPI), so OpenAPI builders on
//!   schemars (aide) put it in their documents;
//! - [`from_schemars`]: a field whose type implements only `schemars::JsonSchema` keeps that schema
//!   in ours, its definitions beside ours.

use super::{JsonSchema, SchemaGenerator};
use serde_json::Value;

/// `T`'s schema for schemars' generator `gen`: ours, with every `$ref` pointing where `gen` keeps
/// definitions, and the named types it uses added there.
pub fn to_schemars<T: JsonSchema + ?Sized>(
    gen: &mut schemars::SchemaGenerator,
) -> schemars::Schema {
    let mut ours = SchemaGenerator::default();
    let mut body = T::json_schema(&mut ours);
    let prefix = refs_prefix(gen);
    for (name, mut def) in std::mem::take(&mut ours.defs) {
        move_refs(&mut def, "#/$defs/", &prefix);
        gen.definitions_mut().entry(name).or_insert(def);
    }
    move_refs(&mut body, "#/$defs/", &prefix);
    schemars::Schema::try_from(body).unwrap_or_default()
}

/// schemars' schema for `T`, in our generator: a subschema (`inline`: the schema itself), with
/// the definitions it needs added to ours.
pub fn from_schemars<T: schemars::JsonSchema + ?Sized>(
    gen: &mut SchemaGenerator,
    inline: bool,
) -> Value {
    let mut theirs = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let schema = match inline {
        true => T::json_schema(&mut theirs),
        false => theirs.subschema_for::<T>(),
    };
    let from = refs_prefix(&theirs);
    let mut value = schema.to_value();
    move_refs(&mut value, &from, "#/$defs/");
    for (name, mut def) in std::mem::take(theirs.definitions_mut()) {
        move_refs(&mut def, &from, "#/$defs/");
        gen.defs.entry(name).or_insert(def);
    }
    value
}

/// `schemars::JsonSchema` for types whose [`JsonSchema`] is written by hand (the derive writes
/// it for the others): the same schema, through [`to_schemars`].
macro_rules! schemars_via_ours {
    ($($t:ty),* $(,)?) => {$(
        impl schemars::JsonSchema for $t {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                crate::schema::def_name::<Self>().into()
            }
            fn schema_id() -> std::borrow::Cow<'static, str> {
                std::any::type_name::<Self>().into()
            }
            fn json_schema(gen: &mut schemars::SchemaGenerator) -> schemars::Schema {
                crate::schema::to_schemars::<Self>(gen)
            }
        }
    )*};
}
pub(crate) use schemars_via_ours;

/// How `gen`'s `$ref`s to its definitions start: `#/$defs/`, `#/components/schemas/`. Its
/// setting may be written with or without the `#` and the last `/` (aide writes both), as
/// schemars reads it.
fn refs_prefix(gen: &schemars::SchemaGenerator) -> String {
    let path = &gen.settings().definitions_path;
    let path = path.strip_prefix('#').unwrap_or(path);
    format!("#{}/", path.strip_suffix('/').unwrap_or(path))
}

/// Rewrites every `$ref` starting with `from` to start with `to`.
fn move_refs(value: &mut Value, from: &str, to: &str) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref") {
                if let Some(name) = r.strip_prefix(from) {
                    *r = format!("{to}{name}");
                }
            }
            map.values_mut().for_each(|v| move_refs(v, from, to));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| move_refs(v, from, to)),
        _ => {}
    }
}
