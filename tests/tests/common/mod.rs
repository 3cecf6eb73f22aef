//! What the serde-parity test files share: how `Shape` judges a JSON value.
#![allow(dead_code)]

use serde_json::Value;
use share_schema::{Context, Severity, ShapeOwned, Violation};

/// Whether `Shape` builds a `T` from `json` with no error-severity violation, and every
/// violation it reported.
pub fn shape_reads<T: ShapeOwned>(json: &Value) -> (bool, Vec<Violation>) {
    let mut cx = Context::new();
    let built = T::from_json(json, &mut cx).is_some();
    let violations = cx.into_report().into_vec();
    let errors = violations.iter().any(|v| v.severity() == Severity::Error);
    (built && !errors, violations)
}

/// `deserialize_with` for a count written as a number or as a numeric string (`3` or `"3"`).
pub fn number_or_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Either {
        Number(u32),
        Text(String),
    }
    match <Either as serde::Deserialize>::deserialize(d)? {
        Either::Number(n) => Ok(n),
        Either::Text(s) => s.parse().map_err(serde::de::Error::custom),
    }
}
