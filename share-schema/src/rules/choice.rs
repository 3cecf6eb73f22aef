//! The `one_of` rules: a string or integer must be one of a fixed list of values; plus their
//! schema (`enum`).
//!
//! ```
//! use share_schema::rules::choice;
//!
//! assert!(choice::one_of_str("webPage", &["text", "webPage"]).is_ok());
//! let failure = choice::one_of_str("webpage", &["text", "webPage"]).unwrap_err();
//! assert_eq!(failure.message, r#"is "webpage"; expected one of `text` or `webPage`"#);
//! assert_eq!(failure.help.as_deref(), Some("did you mean `webPage`? Values are case-sensitive"));
//! ```

use super::Failure;
use serde_json::{json, Value};
use share_json::text::quote;
use std::fmt::Display;

/// Fails unless `value` is one of `allowed` (case-sensitive).
pub fn one_of_str(value: &str, allowed: &[&str]) -> Result<(), Failure> {
    if allowed.contains(&value) {
        return Ok(());
    }
    let mut failure = Failure::new(format!("is {:?}; {}", quote(value), expected(allowed)))
        .with_param("actual", value)
        .with_param("limit", allowed.to_vec());
    let lower = value.to_lowercase();
    if let Some(close) = allowed.iter().find(|a| a.to_lowercase() == lower) {
        failure = failure.with_help(format!("did you mean `{close}`? Values are case-sensitive"));
    }
    Err(failure)
}

/// Fails unless `value` is one of `allowed`.
pub fn one_of_int(value: i128, allowed: &[i128]) -> Result<(), Failure> {
    if allowed.contains(&value) {
        return Ok(());
    }
    Err(Failure::new(format!("is {value}; {}", expected(allowed)))
        .with_param("actual", number(value))
        .with_param(
            "limit",
            allowed.iter().map(|&n| number(n)).collect::<Vec<_>>(),
        ))
}

/// The schema of [`one_of_str`]: `{"enum": allowed}`.
pub fn one_of_str_schema(allowed: &[&str]) -> Value {
    // Exact.
    json!({ "enum": allowed })
}

/// The schema of [`one_of_int`]: `{"enum": allowed}`.
pub fn one_of_int_schema(allowed: &[i128]) -> Value {
    // Exact for values within the i64/u64 range; beyond it a value is written as the nearest
    // f64, which is how a JSON parser without arbitrary precision reads the instance too (a
    // relaxation there: distinct huge integers may share an f64).
    json!({ "enum": allowed.iter().map(|&n| number(n)).collect::<Vec<_>>() })
}

/// An i128 as a JSON number, without the panic `json!` has for values beyond 64 bits.
fn number(n: i128) -> Value {
    if let Ok(n) = i64::try_from(n) {
        Value::from(n)
    } else if let Ok(n) = u64::try_from(n) {
        Value::from(n)
    } else {
        // Beyond 64 bits, the nearest f64 is what a JSON parser reads such a literal as.
        Value::from(n as f64)
    }
}

/// "expected one of `a`, `b` or `c`" (or what to say when nothing is allowed).
fn expected<T: Display>(allowed: &[T]) -> String {
    let quoted: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
    match quoted.as_slice() {
        [] => "no value is allowed".to_owned(),
        [one] => format!("expected {one}"),
        [init @ .., last] => format!("expected one of {} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        let allowed = ["text", "webPage", "miniProgram"];
        for a in allowed {
            assert!(one_of_str(a, &allowed).is_ok());
        }
        let f = one_of_str("markdown", &allowed).unwrap_err();
        assert_eq!(
            f.message,
            r#"is "markdown"; expected one of `text`, `webPage` or `miniProgram`"#
        );
        assert_eq!(f.help, None);
        assert_eq!(f.params[0], ("actual", json!("markdown")));
        assert_eq!(f.params[1], ("limit", json!(allowed)));
        assert!(one_of_str("", &allowed).is_err());
        assert!(one_of_str("Text", &allowed).unwrap_err().help.is_some());
        assert_eq!(
            one_of_str("x", &["wx"]).unwrap_err().message,
            r#"is "x"; expected `wx`"#
        );
        assert_eq!(
            one_of_str("x", &[]).unwrap_err().message,
            r#"is "x"; no value is allowed"#
        );
    }

    #[test]
    fn strings_quote_unicode_and_long_values() {
        let f = one_of_str("微信\n", &["wx"]).unwrap_err();
        assert_eq!(f.message, r#"is "微信\n"; expected `wx`"#);
        let long = "好".repeat(100);
        let f = one_of_str(&long, &["wx"]).unwrap_err();
        assert_eq!(
            f.message,
            format!("is {:?}; expected `wx`", format!("{}…", "好".repeat(60)))
        );
    }

    #[test]
    fn integers() {
        assert!(one_of_int(2, &[1, 2, 4]).is_ok());
        let f = one_of_int(3, &[1, 2, 4]).unwrap_err();
        assert_eq!(f.message, "is 3; expected one of `1`, `2` or `4`");
        assert_eq!(f.params[0], ("actual", json!(3)));
        // Beyond 64 bits: no panic.
        let huge = i128::MAX;
        let f = one_of_int(huge, &[i128::MIN, u64::MAX.into()]).unwrap_err();
        assert_eq!(
            f.params[1],
            ("limit", json!([-1.7014118346046923e38, u64::MAX]))
        );
        assert!(one_of_int(-1, &[-1]).is_ok());
    }

    #[test]
    fn schemas() {
        assert_eq!(one_of_str_schema(&["a", "b"]), json!({"enum": ["a", "b"]}));
        assert_eq!(one_of_int_schema(&[1, -2]), json!({"enum": [1, -2]}));
        assert_eq!(one_of_str_schema(&[]), json!({"enum": []}));
    }
}
