//! `inner(...)`: rules applied to each item of a list or array, and to each value of a map, with
//! the item's index or the value's key added to the path (`/tags/3`, `/labels/zh-CN`).
//!
//! ```
//! use share_schema::rules::inner::Inner;
//! use share_schema::Context;
//!
//! let tags = vec!["ok".to_owned(), "".to_owned()];
//! let mut cx = Context::new();
//! let mut paths = Vec::new();
//! tags.each_item(&mut cx, &mut |tag, cx| {
//!     if tag.is_empty() {
//!         paths.push(cx.path().to_owned());
//!     }
//! });
//! assert_eq!(paths, ["/1"]);
//! ```

use crate::Context;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt::Display;

/// Collections whose items `inner(...)` checks.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no items for `inner(...)`: it applies to lists, arrays, `BTreeSet`s and maps",
    label = "`inner(...)` is applied to this field"
)]
pub trait Inner {
    /// The type of an item (of a map's value).
    type Item: ?Sized;

    /// Calls `check` on each item, with `cx` at the item's path.
    fn each_item(&self, cx: &mut Context, check: &mut dyn FnMut(&Self::Item, &mut Context));
}

fn each_indexed<'a, T: 'a>(
    items: impl Iterator<Item = &'a T>,
    cx: &mut Context,
    check: &mut dyn FnMut(&T, &mut Context),
) {
    for (i, item) in items.enumerate() {
        let mark = cx.enter_index(i);
        check(item, cx);
        cx.leave(mark);
    }
}

fn each_keyed<'a, K: Display + 'a, V: 'a>(
    entries: impl Iterator<Item = (&'a K, &'a V)>,
    cx: &mut Context,
    check: &mut dyn FnMut(&V, &mut Context),
) {
    for (key, value) in entries {
        let mark = cx.enter_key(&key.to_string());
        check(value, cx);
        cx.leave(mark);
    }
}

impl<T> Inner for [T] {
    type Item = T;
    fn each_item(&self, cx: &mut Context, check: &mut dyn FnMut(&T, &mut Context)) {
        each_indexed(self.iter(), cx, check);
    }
}

impl<T, const N: usize> Inner for [T; N] {
    type Item = T;
    fn each_item(&self, cx: &mut Context, check: &mut dyn FnMut(&T, &mut Context)) {
        each_indexed(self.iter(), cx, check);
    }
}

impl<T> Inner for Vec<T> {
    type Item = T;
    fn each_item(&self, cx: &mut Context, check: &mut dyn FnMut(&T, &mut Context)) {
        each_indexed(self.iter(), cx, check);
    }
}

impl<T> Inner for Box<[T]> {
    type Item = T;
    fn each_item(&self, cx: &mut Context, check: &mut dyn FnMut(&T, &mut Context)) {
        each_indexed(self.iter(), cx, check);
    }
}

impl<T> Inner for VecDeque<T> {
    type Item = T;
    fn each_item(&self, cx: &mut Context, check: &mut dyn FnMut(&T, &mut Context)) {
        each_indexed(self.iter(), cx, check);
    }
}

/// A `BTreeSet` is checked in its own (sorted) order: the index is the item's place there, which
/// is its place in the JSON array serde writes.
impl<T> Inner for BTreeSet<T> {
    type Item = T;
    fn each_item(&self, cx: &mut Context, check: &mut dyn FnMut(&T, &mut Context)) {
        each_indexed(self.iter(), cx, check);
    }
}

impl<K: Display, V, S> Inner for HashMap<K, V, S> {
    type Item = V;
    fn each_item(&self, cx: &mut Context, check: &mut dyn FnMut(&V, &mut Context)) {
        // In key order, so that the violations come in the same order every run.
        let mut entries: Vec<(String, &V)> = self.iter().map(|(k, v)| (k.to_string(), v)).collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (key, value) in entries {
            let mark = cx.enter_key(&key);
            check(value, cx);
            cx.leave(mark);
        }
    }
}

impl<K: Display, V> Inner for BTreeMap<K, V> {
    type Item = V;
    fn each_item(&self, cx: &mut Context, check: &mut dyn FnMut(&V, &mut Context)) {
        each_keyed(self.iter(), cx, check);
    }
}

/// In the map's own order, which is the JSON object's.
impl<K: Display, V, S> Inner for indexmap::IndexMap<K, V, S> {
    type Item = V;
    fn each_item(&self, cx: &mut Context, check: &mut dyn FnMut(&V, &mut Context)) {
        each_keyed(self.iter(), cx, check);
    }
}

impl<T: Inner + ?Sized> Inner for &T {
    type Item = T::Item;
    fn each_item(&self, cx: &mut Context, check: &mut dyn FnMut(&T::Item, &mut Context)) {
        (**self).each_item(cx, check);
    }
}

/// Where the items' schema is in a collection's schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Items {
    /// A list's or array's `items`.
    List,
    /// A map's `additionalProperties`.
    Map,
}

/// Merges `fragment` (the inner rules' schema) into the items' schema of `schema`; into the
/// branch that is not `null` when the items are `Option`s (`anyOf: [T, {"type": "null"}]`).
pub fn merge_inner(schema: &mut Map<String, Value>, items: Items, option: bool, fragment: Value) {
    let key = match items {
        Items::List => "items",
        Items::Map => "additionalProperties",
    };
    let slot = schema
        .entry(key)
        .or_insert_with(|| Value::Object(Map::new()));
    if *slot == Value::Bool(true) {
        *slot = Value::Object(Map::new());
    }
    let has_branches = slot.get("anyOf").is_some_and(Value::is_array);
    // Items that are `Option`s without a `null` branch to step past (a type without a schema of
    // its own, or a nested `inner`): `null` is allowed beside the rules, as `validate()` skips it.
    let fragment = match (option, has_branches) {
        (true, false) => serde_json::json!({ "anyOf": [{ "type": "null" }, fragment] }),
        _ => fragment,
    };
    let target = match slot.get_mut("anyOf").and_then(Value::as_array_mut) {
        Some(branches) if option => branches
            .iter_mut()
            .find(|b| b.get("type") != Some(&Value::from("null"))),
        _ => Some(slot),
    };
    if let Some(Value::Object(target)) = target {
        if let Value::Object(fragment) = fragment {
            crate::schema::merge(target, Value::Object(fragment));
        }
    }
}
