//! For `#[serde(default, with = "share_schema::refuse_null")]` on an `Option` field: serde then
//! refuses `null` for the key (it reads the inner type, which has no `null`), and
//! `#[derive(Validate)]` recognises the path, so `Shape` and the schema refuse it too. Without it,
//! an `Option` reads `null` as `None` everywhere, as serde does.
//!
//! ```
//! #[derive(serde::Deserialize, serde::Serialize, share_schema::Validate)]
//! struct Card {
//!     #[serde(default, with = "share_schema::refuse_null", skip_serializing_if = "Option::is_none")]
//!     title: Option<String>,
//! }
//! assert!(serde_json::from_str::<Card>(r#"{"title": null}"#).is_err());
//! assert!(serde_json::from_str::<Card>(r#"{}"#).unwrap().title.is_none());
//! let mut cx = share_schema::Context::new();
//! let _ = <Card as share_schema::Shape>::from_json(&serde_json::json!({"title": null}), &mut cx);
//! assert_eq!(cx.violations()[0].path(), "/title");
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The `Option` fields `refuse_null` goes on; a field of another type refuses `null` already.
#[diagnostic::on_unimplemented(
    message = "`share_schema::refuse_null` goes on an `Option` field, not on `{Self}`",
    label = "`{Self}` is not an `Option`",
    note = "a field that is not an `Option` refuses `null` already: remove `with = \"share_schema::refuse_null\"`"
)]
pub trait OptionField {
    /// The `T` of `Option<T>`.
    type Inner;
    /// `Some(inner)`.
    fn some(inner: Self::Inner) -> Self;
    /// The value, if any.
    fn get(&self) -> Option<&Self::Inner>;
}

#[diagnostic::do_not_recommend] // the message says it: not listed after it
impl<T> OptionField for Option<T> {
    type Inner = T;
    fn some(inner: T) -> Self {
        Some(inner)
    }
    fn get(&self) -> Option<&T> {
        self.as_ref()
    }
}

/// Reads the inner value (so `null` is an error unless the inner type reads it) into `Some`.
pub fn deserialize<'de, D, O>(deserializer: D) -> Result<O, D::Error>
where
    D: Deserializer<'de>,
    O: OptionField,
    O::Inner: Deserialize<'de>,
{
    O::Inner::deserialize(deserializer).map(O::some)
}

/// Writes the inner value, or `null` for `None` (pair it with
/// `skip_serializing_if = "Option::is_none"` so `None` is omitted instead).
pub fn serialize<S, O>(value: &O, serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    O: OptionField,
    O::Inner: Serialize,
{
    match value.get() {
        Some(v) => v.serialize(serializer),
        None => serializer.serialize_none(),
    }
}
