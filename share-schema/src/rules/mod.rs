//! The rule functions behind `#[share(...)]`: one file per rule kind, each a pure function from a
//! value (and the rule's arguments) to `Ok(())` or a [`Failure`], plus the JSON Schema fragment
//! the rule contributes. Generated code, the linter and the builder all call these; no limit or
//! check is written anywhere else.
//!
//! A failure message is a predicate about the value ("is 513 bytes long; at most 512 are
//! allowed"); [`Context::fail`](crate::Context::fail) puts the field's JSON name in front.

pub mod choice;
pub mod image;
pub mod items;
pub mod length;
pub mod pattern;
pub mod url;

use serde_json::Value;

/// Why a value failed a rule: a message, an optional fix, and the values involved.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    /// A predicate about the value: "is 513 bytes long; at most 512 are allowed".
    pub message: String,
    /// How to fix it, if there is a likely fix.
    pub help: Option<String>,
    /// Named values involved (`actual`, `limit`, `reason`, ...).
    pub params: Vec<(&'static str, Value)>,
}

impl Failure {
    /// A failure with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            help: None,
            params: Vec::new(),
        }
    }

    /// Adds a hint on how to fix it.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a named value.
    #[must_use]
    pub fn with_param(mut self, name: &'static str, value: impl Into<Value>) -> Self {
        self.params.push((name, value.into()));
        self
    }
}

/// String-like values the string rules apply to.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a string: this `#[share(...)]` rule applies to string fields",
    label = "a string rule is applied to this field"
)]
pub trait AsStr {
    /// The string to check.
    fn as_str(&self) -> &str;
}

impl AsStr for str {
    fn as_str(&self) -> &str {
        self
    }
}

impl AsStr for String {
    fn as_str(&self) -> &str {
        self
    }
}

impl AsStr for Box<str> {
    fn as_str(&self) -> &str {
        self
    }
}

impl AsStr for std::borrow::Cow<'_, str> {
    fn as_str(&self) -> &str {
        self
    }
}

impl<T: AsStr + ?Sized> AsStr for &T {
    fn as_str(&self) -> &str {
        (**self).as_str()
    }
}

/// Values with a length, for `non_empty`: strings (bytes) and collections (items).
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no length: `non_empty` applies to strings and lists",
    label = "`non_empty` is applied to this field"
)]
pub trait HasLength {
    /// The length: bytes for a string, items for a collection.
    fn length(&self) -> usize;
    /// The schema keyword that says "not empty" for this JSON type.
    fn non_empty_schema() -> Value;
}

impl HasLength for str {
    fn length(&self) -> usize {
        self.len()
    }
    fn non_empty_schema() -> Value {
        serde_json::json!({"minLength": 1})
    }
}

impl HasLength for String {
    fn length(&self) -> usize {
        self.len()
    }
    fn non_empty_schema() -> Value {
        serde_json::json!({"minLength": 1})
    }
}

impl<T> HasLength for Vec<T> {
    fn length(&self) -> usize {
        self.len()
    }
    fn non_empty_schema() -> Value {
        serde_json::json!({"minItems": 1})
    }
}

impl<T> HasLength for [T] {
    fn length(&self) -> usize {
        self.len()
    }
    fn non_empty_schema() -> Value {
        serde_json::json!({"minItems": 1})
    }
}

/// The JSON string of an enum's unit variant (`Channel::WxMoments` → `"wx_moments"`), derived for
/// unit-only enums; used by `not_contains` and by messages.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no JSON name: `not_contains` and `unique` need list items that are strings or unit-only enums deriving `Validate`",
    label = "a list rule is applied to this field"
)]
pub trait JsonName {
    /// The serde name of this value.
    fn json_name(&self) -> &str;
}

impl JsonName for String {
    fn json_name(&self) -> &str {
        self
    }
}

impl JsonName for str {
    fn json_name(&self) -> &str {
        self
    }
}

/// `required` on an `Option` field: fails when the value is absent.
pub fn required(present: bool) -> Result<(), Failure> {
    if present {
        Ok(())
    } else {
        Err(Failure::new("is missing"))
    }
}

/// Formats a count with thousands separators: `70312` → `70,312`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(70312), "70,312");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn required_fails_only_when_absent() {
        assert!(required(true).is_ok());
        assert_eq!(required(false).unwrap_err().message, "is missing");
    }
}
