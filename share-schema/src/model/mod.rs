//! The typed payload of `ksoxz_sdk.shareMessage` (DOMAIN.md §1), annotated with
//! `#[derive(Validate)]` so every limit of DOMAIN.md §2–3 is checked, reported with JSON paths,
//! and emitted as JSON Schema from the same attributes.
//!
//! - [`ExternalShare`]: to WeChat (`type`, `channelType`, `channelObject`).
//! - [`InAppShare`]: into WPS协作's own chats (`type`, `content`).
//! - [`ShareMessage`]: either, told apart by their keys.
//! - [`PayloadFile`]: what a payload file holds (a params object, `{"params": ...}`, or an array).

mod channel;
mod external;
mod file;
mod foreign;
mod in_app;
mod message;

pub use channel::Channel;
pub use external::{ExternalShare, MiniProgram, Text, WebPage};
pub use file::{CallArgument, PayloadFile, PayloadItem};
pub use in_app::{InAppShare, InAppText, InAppWebPage};
pub use message::ShareMessage;

/// The `type` values of both variants of the call (`text`, `webPage`, `miniProgram`,
/// `markdown`, …), read from the model's own schema (its tags), so they have one home: what a
/// tool needs to tell a payload from other JSON with a `type`.
///
/// ```
/// assert!(share_schema::share_types().iter().any(|t| t == "miniProgram"));
/// assert!(share_schema::share_types().iter().any(|t| t == "markdown"));
/// ```
pub fn share_types() -> &'static [String] {
    static TYPES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let mut out: Vec<String> = Vec::new();
        for schema in [
            crate::schema::SchemaGenerator::default().root_for::<ExternalShare>(),
            crate::schema::SchemaGenerator::default().root_for::<InAppShare>(),
        ] {
            let names = schema["properties"]["type"]["enum"].as_array().cloned();
            for name in names.unwrap_or_default() {
                if let Some(name) = name.as_str() {
                    if !out.iter().any(|n| n == name) {
                        out.push(name.to_owned());
                    }
                }
            }
        }
        out
    });
    &TYPES
}

/// `impl Deserialize` through [`Shape`](crate::Shape): one code path decides what a valid
/// structure is, and a structural error names every problem with its JSON path.
macro_rules! deserialize_via_shape {
    ($ty:ty) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = serde_json::Value::deserialize(deserializer)?;
                let mut cx = crate::Context::new();
                let built = <$ty as crate::Shape<'_>>::from_json(&value, &mut cx);
                let structural: Vec<String> = cx
                    .violations()
                    .iter()
                    .filter(|v| v.severity() == crate::Severity::Error && v.rule().structural)
                    .map(ToString::to_string)
                    .collect();
                match built {
                    Some(v) if structural.is_empty() => Ok(v),
                    _ => Err(serde::de::Error::custom(structural.join("; "))),
                }
            }
        }
    };
}
pub(crate) use deserialize_via_shape;

// The payload types whose schema is written by hand implement schemars' `JsonSchema` from it (the
// derived ones get it from the derive).
#[cfg(feature = "schemars")]
crate::schema::schemars_via_ours!(ShareMessage, PayloadItem, PayloadFile);
