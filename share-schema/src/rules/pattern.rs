//! The `pattern` rule: a string must match a regular expression somewhere (anchor it with `^…$`
//! to match the whole value), as JSON Schema's `pattern` does; plus its schema.
//!
//! ```
//! use share_schema::rules::pattern;
//!
//! let re = regex::Regex::new("^gh_[0-9a-f]{12}$").unwrap();
//! assert!(pattern::pattern("gh_0123456789ab", &re).is_ok());
//! let failure = pattern::pattern("gh_xxx", &re).unwrap_err();
//! assert_eq!(failure.message, "does not match the pattern `^gh_[0-9a-f]{12}$`");
//! ```

use super::Failure;
use serde_json::{json, Value};

/// Fails unless `re` matches somewhere in `value`.
pub fn pattern(value: &str, re: &regex::Regex) -> Result<(), Failure> {
    if re.is_match(value) {
        Ok(())
    } else {
        Err(
            Failure::new(format!("does not match the pattern `{}`", re.as_str()))
                .with_param("actual", value)
                .with_param("limit", re.as_str()),
        )
    }
}

/// The schema of [`pattern`]: `{"pattern": src}`.
pub fn pattern_schema(src: &str) -> Value {
    // Exact: both search unanchored, and the derive accepts only the regex syntax that means the
    // same in the `regex` crate and ECMA-262.
    json!({ "pattern": src })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_anywhere_unless_anchored() {
        let anchored = regex::Regex::new("^gh_[0-9a-f]{12}$").unwrap();
        assert!(pattern("gh_0123456789ab", &anchored).is_ok());
        assert!(pattern("gh_0123456789abc", &anchored).is_err());
        assert!(pattern(" gh_0123456789ab", &anchored).is_err());
        assert!(pattern("", &anchored).is_err());
        let loose = regex::Regex::new("gh_").unwrap();
        assert!(pattern("x gh_ y", &loose).is_ok());
    }

    #[test]
    fn failure_carries_value_and_pattern() {
        let re = regex::Regex::new("^[0-9]+$").unwrap();
        let f = pattern("12a", &re).unwrap_err();
        assert_eq!(f.message, "does not match the pattern `^[0-9]+$`");
        assert_eq!(
            f.params,
            vec![("actual", json!("12a")), ("limit", json!("^[0-9]+$"))]
        );
    }

    #[test]
    fn unicode_values() {
        let re = regex::Regex::new("^.{2}$").unwrap();
        // Two scalar values, six bytes: JSON Schema's `.` also matches per code point.
        assert!(pattern("你好", &re).is_ok());
        assert!(pattern("你好!", &re).is_err());
    }

    #[test]
    fn schema_is_the_source() {
        assert_eq!(pattern_schema("^a$"), json!({"pattern": "^a$"}));
    }
}
