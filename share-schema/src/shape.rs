//! `Shape`: checking an untyped JSON value against a type's structure *and* rules, reporting
//! every problem with its JSON Pointer instead of stopping at the first like a deserializer.
//!
//! This is what the linter runs on payload files: a wrong type in `channelObject.title` does not
//! hide an oversized thumbnail next to it. `#[derive(Validate)]` implements it for your types;
//! this file implements it for the standard leaf types.
//!
//! ```
//! use share_schema::{Context, Shape};
//! let mut cx = Context::new();
//! let v: Option<Vec<String>> = Shape::from_json(&serde_json::json!(["a", 1]), &mut cx);
//! assert!(v.is_none());
//! assert_eq!(cx.violations()[0].path(), "/1");
//! ```

use crate::{catalog, Context};
use serde_json::Value;

#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Shape`: add `#[derive(share_schema::Validate)]` to it",
    label = "`{Self}` needs `#[derive(Validate)]`",
    note = "`#[derive(Validate)]` implements `Shape`, reading the type from JSON with its rules; the type argument of a generic type that derives it needs it too (`Page<T>` needs `T: Shape`, unless `#[share(bound = \"..\")]` says otherwise)"
)]
/// A type that can be checked and built from an untyped JSON value.
///
/// `'v` is the lifetime of the value read, as `'de` is serde's: a type that borrows from its
/// input (a `&'a str` field) is built from the JSON it checked, without copying; owned types
/// implement it for every `'v` ([`ShapeOwned`]).
pub trait Shape<'v>: Sized {
    /// Checks `value` (structure and rules), recording violations in `cx`; returns the typed
    /// value when the structure allowed building one (rule violations do not prevent it).
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self>;

    /// Like [`from_json`](Self::from_json), but the keys in `allowed` are not unknown: the tag of
    /// an internally tagged enum around this type sits in the same object.
    fn from_json_allowing(value: &'v Value, cx: &mut Context, allowed: &[&str]) -> Option<Self> {
        let _ = allowed;
        Self::from_json(value, cx)
    }

    /// What this type expects, for "expected ..., found ..." messages: `a string`, `an object`.
    fn expected() -> &'static str;

    /// What serde reads when the key of a field of this type is missing: `Some(None)` for an
    /// `Option` (and for what only wraps one: a `Box`, a transparent struct), so such a field may
    /// be absent; `None` (the default): the key is required.
    fn absent() -> Option<Self> {
        None
    }
}

/// A [`Shape`] that borrows nothing from the value it reads (serde's `DeserializeOwned`): the
/// bound to write for "any checkable type", `T: ShapeOwned`.
pub trait ShapeOwned: for<'v> Shape<'v> {}

impl<T: for<'v> Shape<'v>> ShapeOwned for T {}

/// Describes a JSON value in a message: `a number (42)`, `a string ("wx")`, `an object`.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("a boolean ({b})"),
        Value::Number(n) => format!("a number ({n})"),
        Value::String(s) => {
            let shown = share_json::text::clip(s, 40);
            format!("a string ({shown:?})")
        }
        Value::Array(a) => format!("an array of {} item(s)", a.len()),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Records that `found` is not what `expected` describes.
pub fn wrong_type(cx: &mut Context, expected: &str, found: &Value) {
    cx.report(
        &catalog::WRONG_TYPE,
        format!("expected {expected}, found {}", describe(found)),
    );
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl<'v> Shape<'v> for bool {
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                wrong_type(cx, Self::expected(), other);
                None
            }
        }
    }
    fn expected() -> &'static str {
        "a boolean"
    }
}

macro_rules! shape_int {
    ($($t:ty => $expected:literal),* $(,)?) => {$(
        #[diagnostic::do_not_recommend] // not listed in the derive's errors
        impl<'v> Shape<'v> for $t {
            fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
                let n = match value {
                    Value::Number(n) => n,
                    other => {
                        wrong_type(cx, Self::expected(), other);
                        return None;
                    }
                };
                let fitted = if let Some(i) = n.as_i64() {
                    <$t>::try_from(i).ok()
                } else if let Some(u) = n.as_u64() {
                    <$t>::try_from(u).ok()
                } else {
                    None
                };
                if fitted.is_none() {
                    wrong_type(cx, Self::expected(), value);
                }
                fitted
            }
            fn expected() -> &'static str {
                $expected
            }
        }
    )*};
}

shape_int! {
    u8 => "an integer from 0 to 255",
    u16 => "an integer from 0 to 65535",
    u32 => "an integer from 0 to 4294967295",
    u64 => "a non-negative integer",
    usize => "a non-negative integer",
    i8 => "an integer from -128 to 127",
    i16 => "an integer from -32768 to 32767",
    i32 => "a 32-bit integer",
    i64 => "an integer",
    isize => "an integer",
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl<'v> Shape<'v> for f64 {
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
        match value.as_f64() {
            Some(f) if value.is_number() => Some(f),
            _ => {
                wrong_type(cx, Self::expected(), value);
                None
            }
        }
    }
    fn expected() -> &'static str {
        "a number"
    }
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl<'v> Shape<'v> for f32 {
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
        // A JSON number that does not fit an f32 becomes infinity, as serde_json does.
        #[allow(clippy::cast_possible_truncation)] // the documented serde_json behaviour
        f64::from_json(value, cx).map(|f| f as f32)
    }
    fn expected() -> &'static str {
        "a number"
    }
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl<'v> Shape<'v> for Value {
    fn from_json(value: &'v Value, _cx: &mut Context) -> Option<Self> {
        Some(value.clone())
    }
    fn expected() -> &'static str {
        "any JSON value"
    }
}

/// `null` reads as `None`, as serde reads it. A field that refuses `null` says so to serde and to
/// the derive at once with `#[serde(default, with = "share_schema::refuse_null")]`.
impl<'v, T: Shape<'v>> Shape<'v> for Option<T> {
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
        Self::from_json_allowing(value, cx, &[])
    }
    fn from_json_allowing(value: &'v Value, cx: &mut Context, allowed: &[&str]) -> Option<Self> {
        if value.is_null() {
            return Some(None);
        }
        T::from_json_allowing(value, cx, allowed).map(Some)
    }
    fn expected() -> &'static str {
        T::expected()
    }
    fn absent() -> Option<Self> {
        Some(None)
    }
}

/// A string borrowed from the value read: checking a string needs no copy of it.
#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl<'v: 'a, 'a> Shape<'v> for &'a str {
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
        match value {
            Value::String(s) => Some(s.as_str()),
            other => {
                wrong_type(cx, Self::expected(), other);
                None
            }
        }
    }
    fn expected() -> &'static str {
        "a string"
    }
}

/// Owned, as serde reads a `Cow` (so `Cow<'static, str>` reads from any value).
#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl<'v, 'a> Shape<'v> for std::borrow::Cow<'a, str> {
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
        String::from_json(value, cx).map(std::borrow::Cow::Owned)
    }
    fn expected() -> &'static str {
        "a string"
    }
}

macro_rules! shape_owned_str {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend] // not listed in the derive's errors
        impl<'v> Shape<'v> for $t {
            fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
                <&str>::from_json(value, cx).map(<$t>::from)
            }
            fn expected() -> &'static str {
                "a string"
            }
        }
    )*};
}
// Read as a borrowed string, then owned.
shape_owned_str!(String, Box<str>, std::sync::Arc<str>, std::rc::Rc<str>);

/// Records that a key that refuses `null` holds it (`expected` is what it takes instead).
pub fn refused_null(cx: &mut Context, expected: &str) {
    cx.report(
        &catalog::WRONG_TYPE,
        format!("expected {expected}, found null; omit the key instead"),
    );
}

/// Reads a field with the function of its `#[serde(deserialize_with = "..")]` (or `with`):
/// `read` calls it on the field's JSON, as serde would; its error becomes a violation at the
/// field's path, in serde's words, naming the function (`function`).
pub fn read_with<'v, T>(
    value: &'v Value,
    cx: &mut Context,
    function: &str,
    read: impl FnOnce(&'v Value) -> Result<T, serde_json::Error>,
) -> Option<T> {
    match read(value) {
        Ok(built) => Some(built),
        Err(e) => {
            cx.report(
                &catalog::WRONG_TYPE,
                format!("`{function}` could not read {}: {e}", describe(value)),
            );
            None
        }
    }
}

/// The keys `allowed` beside it (an internal tag) pass through to `T`, as serde reads the
/// content through the box.
impl<'v, T: Shape<'v>> Shape<'v> for Box<T> {
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
        T::from_json(value, cx).map(Box::new)
    }
    fn from_json_allowing(value: &'v Value, cx: &mut Context, allowed: &[&str]) -> Option<Self> {
        T::from_json_allowing(value, cx, allowed).map(Box::new)
    }
    fn absent() -> Option<Self> {
        T::absent().map(Box::new)
    }
    fn expected() -> &'static str {
        T::expected()
    }
}

impl<'v, T: Shape<'v>> Shape<'v> for Vec<T> {
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
        let Value::Array(items) = value else {
            wrong_type(cx, Self::expected(), value);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut complete = true;
        for (i, item) in items.iter().enumerate() {
            let mark = cx.enter_index(i);
            match T::from_json(item, cx) {
                Some(t) if complete => out.push(t),
                Some(_) => {}
                None => complete = false,
            }
            cx.leave(mark);
        }
        complete.then_some(out)
    }
    fn expected() -> &'static str {
        "an array"
    }
}
