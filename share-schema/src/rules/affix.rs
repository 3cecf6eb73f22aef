//! Substring rules: `contains`, `prefix` and `suffix`, each with a literal; plus their schema,
//! the literal as an escaped `pattern`.
//!
//! ```
//! use share_schema::rules::affix;
//!
//! assert!(affix::prefix("gh_0123", "gh_").is_ok());
//! assert_eq!(affix::suffix("a.png", ".jpg").unwrap_err().message, "does not end with `.jpg`");
//! assert_eq!(affix::contains_schema("a.b"), serde_json::json!({"pattern": "a\\.b"}));
//! ```

use super::Failure;
use serde_json::{json, Value};

fn failure(what: &str, needle: &str) -> Failure {
    Failure::new(format!("does not {what} `{needle}`")).with_param("expected", needle)
}

/// Fails when `value` does not contain `needle`.
pub fn contains(value: &str, needle: &str) -> Result<(), Failure> {
    match value.contains(needle) {
        true => Ok(()),
        false => Err(failure("contain", needle)),
    }
}

/// Fails when `value` does not start with `prefix`.
pub fn prefix(value: &str, prefix: &str) -> Result<(), Failure> {
    match value.starts_with(prefix) {
        true => Ok(()),
        false => Err(failure("start with", prefix)),
    }
}

/// Fails when `value` does not end with `suffix`.
pub fn suffix(value: &str, suffix: &str) -> Result<(), Failure> {
    match value.ends_with(suffix) {
        true => Ok(()),
        false => Err(failure("end with", suffix)),
    }
}

/// `literal` as a regular expression that matches it and nothing else, in both Rust's and
/// ECMAScript's syntax (with the `u` flag, which refuses escapes of anything but these).
fn escape(literal: &str) -> String {
    let mut out = String::with_capacity(literal.len());
    for c in literal.chars() {
        if "^$\\.*+?()[]{}|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The schema of [`contains`]: exact.
pub fn contains_schema(needle: &str) -> Value {
    json!({ "pattern": escape(needle) })
}

/// The schema of [`prefix`]: exact.
pub fn prefix_schema(prefix: &str) -> Value {
    json!({ "pattern": format!("^{}", escape(prefix)) })
}

/// The schema of [`suffix`]: exact.
pub fn suffix_schema(suffix: &str) -> Value {
    json!({ "pattern": format!("{}$", escape(suffix)) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_with_regex_syntax_match_only_themselves() {
        let needle = "a.b*(c)[d]{2}|^$\\+?";
        let re = regex::Regex::new(&escape(needle)).unwrap();
        assert!(re.is_match(needle));
        assert!(!re.is_match("axb"));
        assert!(contains(&format!("x{needle}y"), needle).is_ok());
        assert_eq!(
            contains("abc", "d").unwrap_err().message,
            "does not contain `d`"
        );
        assert_eq!(
            prefix("abc", "b").unwrap_err().message,
            "does not start with `b`"
        );
        assert!(suffix("abc", "bc").is_ok());
    }
}
