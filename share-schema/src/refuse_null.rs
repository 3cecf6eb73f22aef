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

/// Reads the inner value (so `null` is an error unless the inner type reads it) into `Some`.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Writes the inner value, or `null` for `None` (pair it with
/// `skip_serializing_if = "Option::is_none"` so `None` is omitted instead).
pub fn serialize<S, T>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    T: Serialize,
{
    match value {
        Some(v) => v.serialize(serializer),
        None => serializer.serialize_none(),
    }
}
