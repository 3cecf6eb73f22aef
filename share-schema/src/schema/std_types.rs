//! The schemas of the standard library's types: what serde (with `serde_json`) reads for each,
//! exactly where JSON Schema can say it, else a sound relaxation that never rejects what serde
//! reads (`tests/tests/std_schemas.rs` holds each to that, value by value).
//!
//! Relaxed on purpose: a set's items are not `uniqueItems` (serde reads repeats and drops them); a
//! map's keys are not constrained (`HashMap<u8, _>` reads only the keys `"0"` to `"255"`); socket
//! addresses and paths are any string.
//!
//! `IpAddr`, `Ipv4Addr` and `Ipv6Addr` take the `ip` rule's schema, beside that rule in
//! `rules/ip.rs` (both are what `std::net` parses).
//!
//! The leaf impls are not listed as "other types that implement `JsonSchema`" in errors
//! (`do_not_recommend`): those lists would only bury the user's own type.

use super::{or_null, JsonSchema, SchemaGenerator};
use serde_json::{json, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

// ------------------------------------------------------------------------------- scalars

macro_rules! schema_of {
    ($($t:ty => $schema:expr),* $(,)?) => {$(
        #[diagnostic::do_not_recommend]
        impl JsonSchema for $t {
            fn json_schema(_: &mut SchemaGenerator) -> Value {
                $schema
            }
        }
    )*};
}

schema_of! {
    String => json!({"type": "string"}),
    str => json!({"type": "string"}),
    // Of the references serde reads, only these two (and `&[u8]`, from a string — left to the
    // fallback `{}`: an array's schema there would be wrong both ways).
    &str => json!({"type": "string"}),
    &std::path::Path => json!({"type": "string"}),
    bool => json!({"type": "boolean"}),
    f64 => json!({"type": "number"}),
    f32 => json!({"type": "number"}),
    // Exactly one character: JSON Schema counts code points, as `char` is one.
    char => json!({"type": "string", "minLength": 1, "maxLength": 1}),
    () => json!({"type": "null"}),
    Value => json!({}),
    std::net::SocketAddr => json!({"type": "string"}),
    std::net::SocketAddrV4 => json!({"type": "string"}),
    std::net::SocketAddrV6 => json!({"type": "string"}),
    std::path::PathBuf => json!({"type": "string"}),
    std::path::Path => json!({"type": "string"}),
    // serde reads `{"secs": .., "nanos": ..}` or `[secs, nanos]`, and no other key.
    std::time::Duration => seconds_and_nanos("secs", "nanos"),
    std::time::SystemTime => seconds_and_nanos("secs_since_epoch", "nanos_since_epoch"),
}

/// serde's form of a `Duration` or `SystemTime`: an object of the two keys, or a pair.
fn seconds_and_nanos(secs: &str, nanos: &str) -> Value {
    let (s, n) = (
        json!({"type": "integer", "minimum": 0, "maximum": u64::MAX}),
        json!({"type": "integer", "minimum": 0, "maximum": u32::MAX}),
    );
    json!({"anyOf": [
        {
            "type": "object",
            "properties": {secs: s, nanos: n},
            "required": [secs, nanos],
            "additionalProperties": false,
        },
        {"type": "array", "prefixItems": [s, n], "items": false, "minItems": 2, "maxItems": 2},
    ]})
}

macro_rules! schema_int {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl JsonSchema for $t {
            fn json_schema(_: &mut SchemaGenerator) -> Value {
                json!({"type": "integer", "minimum": <$t>::MIN, "maximum": <$t>::MAX})
            }
        }
    )*};
}
schema_int!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

macro_rules! schema_non_zero {
    ($($t:ty => $int:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl JsonSchema for $t {
            fn json_schema(_: &mut SchemaGenerator) -> Value {
                if <$int>::MIN == 0 {
                    json!({"type": "integer", "minimum": 1, "maximum": <$int>::MAX})
                } else {
                    json!({"type": "integer", "minimum": <$int>::MIN, "maximum": <$int>::MAX, "not": {"const": 0}})
                }
            }
        }
    )*};
}
schema_non_zero!(
    std::num::NonZeroU8 => u8, std::num::NonZeroU16 => u16, std::num::NonZeroU32 => u32,
    std::num::NonZeroU64 => u64, std::num::NonZeroUsize => usize,
    std::num::NonZeroI8 => i8, std::num::NonZeroI16 => i16, std::num::NonZeroI32 => i32,
    std::num::NonZeroI64 => i64, std::num::NonZeroIsize => isize
);

// ------------------------------------------------------------------ wrappers and references

/// `T` or `null`, as serde reads an `Option`; whether the key may be absent is the containing
/// object's business (`required`).
impl<T: JsonSchema> JsonSchema for Option<T> {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        or_null(gen.subschema_for::<T>())
    }
    fn may_be_absent() -> bool {
        true
    }
}

macro_rules! schema_as_inner {
    ($($wrapper:ty),*) => {$(
        impl<T: JsonSchema + ?Sized> JsonSchema for $wrapper {
            fn json_schema(gen: &mut SchemaGenerator) -> Value {
                gen.subschema_for::<T>()
            }
            fn may_be_absent() -> bool {
                T::may_be_absent()
            }
        }
    )*};
}
schema_as_inner!(Box<T>, std::rc::Rc<T>, std::sync::Arc<T>);

impl<T: JsonSchema + ToOwned + ?Sized> JsonSchema for Cow<'_, T> {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        gen.subschema_for::<T>()
    }
}

// ------------------------------------------------------------------------------ sequences

/// An array of `T`s.
fn array_of<T: JsonSchema + ?Sized>(gen: &mut SchemaGenerator) -> Value {
    json!({"type": "array", "items": gen.subschema_for::<T>()})
}

impl<T: JsonSchema> JsonSchema for [T] {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        array_of::<T>(gen)
    }
}

impl<T: JsonSchema> JsonSchema for Vec<T> {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        array_of::<T>(gen)
    }
}

impl<T: JsonSchema> JsonSchema for VecDeque<T> {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        array_of::<T>(gen)
    }
}

/// No `uniqueItems`: serde reads `[1, 1]` as the set `{1}`.
impl<T: JsonSchema> JsonSchema for BTreeSet<T> {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        array_of::<T>(gen)
    }
}

/// No `uniqueItems`: serde reads `[1, 1]` as the set `{1}`.
impl<T: JsonSchema, S> JsonSchema for HashSet<T, S> {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        array_of::<T>(gen)
    }
}

/// Exactly `N` items.
impl<T: JsonSchema, const N: usize> JsonSchema for [T; N] {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        let mut schema = array_of::<T>(gen);
        schema["minItems"] = json!(N);
        schema["maxItems"] = json!(N);
        schema
    }
}

macro_rules! schema_tuple {
    ($(($($t:ident),+))*) => {$(
        /// An array of exactly as many items, each of its type.
        impl<$($t: JsonSchema),+> JsonSchema for ($($t,)+) {
            fn json_schema(gen: &mut SchemaGenerator) -> Value {
                let items = vec![$(gen.subschema_for::<$t>()),+];
                let n = items.len();
                json!({"type": "array", "prefixItems": items, "items": false, "minItems": n, "maxItems": n})
            }
        }
    )*};
}
schema_tuple! { (A) (A, B) (A, B, C) (A, B, C, D) (A, B, C, D, E) (A, B, C, D, E, F) }

// ----------------------------------------------------------------------------------- maps

/// An object of `V`s (its keys are not constrained: see the top of this file).
fn object_of<V: JsonSchema>(gen: &mut SchemaGenerator) -> Value {
    json!({"type": "object", "additionalProperties": gen.subschema_for::<V>()})
}

impl<K, V: JsonSchema> JsonSchema for BTreeMap<K, V> {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        object_of::<V>(gen)
    }
}

impl<K, V: JsonSchema, S> JsonSchema for HashMap<K, V, S> {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        object_of::<V>(gen)
    }
}

impl<K, V: JsonSchema, S> JsonSchema for indexmap::IndexMap<K, V, S> {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        object_of::<V>(gen)
    }
}
