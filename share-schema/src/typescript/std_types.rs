//! [`TypeScript`] for the standard types a payload is built from, as serde reads them from JSON.

use super::{list, TsGenerator, TypeScript};
use std::borrow::Cow;

macro_rules! ts_as {
    ($ts:literal: $($t:ty),*) => {$(
        impl TypeScript for $t {
            fn ts_type(_: &mut TsGenerator) -> String {
                $ts.to_owned()
            }
        }
    )*};
}
ts_as!("string": String, str, char);
ts_as!("boolean": bool);
ts_as!("number": u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);
ts_as!("unknown": serde_json::Value);

impl TypeScript for &str {
    fn ts_type(_: &mut TsGenerator) -> String {
        "string".to_owned()
    }
}

impl TypeScript for Cow<'_, str> {
    fn ts_type(_: &mut TsGenerator) -> String {
        "string".to_owned()
    }
}

/// An `Option` is its value's type or `null`, which serde reads as `None` (a field of an
/// `Option` type is written by the derive: optional, and `null` only where the field takes it).
impl<T: TypeScript> TypeScript for Option<T> {
    fn ts_type(gen: &mut TsGenerator) -> String {
        format!("{} | null", gen.reference::<T>())
    }
}

macro_rules! ts_wrapper {
    ($($t:ident),*) => {$(
        impl<T: TypeScript + ?Sized> TypeScript for $t<T> {
            fn ts_type(gen: &mut TsGenerator) -> String {
                gen.reference::<T>()
            }
        }
    )*};
}
use std::{rc::Rc, sync::Arc};
ts_wrapper!(Box, Arc, Rc);

macro_rules! ts_list {
    ($($t:ident),*) => {$(
        impl<T: TypeScript> TypeScript for $t<T> {
            fn ts_type(gen: &mut TsGenerator) -> String {
                list(&gen.reference::<T>(), false)
            }
        }
    )*};
}
use std::collections::{BTreeSet, HashSet, VecDeque};
ts_list!(Vec, VecDeque, BTreeSet);

impl<T: TypeScript, S> TypeScript for HashSet<T, S> {
    fn ts_type(gen: &mut TsGenerator) -> String {
        list(&gen.reference::<T>(), false)
    }
}

impl<T: TypeScript> TypeScript for [T] {
    fn ts_type(gen: &mut TsGenerator) -> String {
        list(&gen.reference::<T>(), false)
    }
}

impl<K, V: TypeScript, S> TypeScript for std::collections::HashMap<K, V, S> {
    fn ts_type(gen: &mut TsGenerator) -> String {
        format!("Readonly<Record<string, {}>>", gen.reference::<V>())
    }
}

impl<K, V: TypeScript> TypeScript for std::collections::BTreeMap<K, V> {
    fn ts_type(gen: &mut TsGenerator) -> String {
        format!("Readonly<Record<string, {}>>", gen.reference::<V>())
    }
}
