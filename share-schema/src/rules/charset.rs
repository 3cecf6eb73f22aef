//! Character-set rules: `ascii`, `alphanumeric` (letters and digits of any script, as
//! `char::is_alphanumeric`) and `non_control_character` (no `Cc` character, as
//! `char::is_control`); plus their schema, the same sets as `pattern`s.
//!
//! ```
//! use share_schema::rules::charset;
//!
//! assert!(charset::ascii("wx").is_ok());
//! assert_eq!(charset::ascii("wé").unwrap_err().message, "holds `é` (byte 1), which is not ASCII");
//! assert!(charset::alphanumeric("标题2").is_ok());
//! assert!(charset::non_control_character("a\u{7}b").is_err());
//! ```

use super::Failure;
use serde_json::{json, Value};

/// The first character of `value` that `allowed` refuses, as a failure saying it is `not`.
fn first_refused(value: &str, allowed: impl Fn(char) -> bool, not: &str) -> Result<(), Failure> {
    match value.char_indices().find(|&(_, c)| !allowed(c)) {
        None => Ok(()),
        Some((at, c)) => {
            let shown = if c.is_control() {
                format!("U+{:04X}", u32::from(c))
            } else {
                format!("`{c}`")
            };
            Err(
                Failure::new(format!("holds {shown} (byte {at}), which is not {not}"))
                    .with_param("actual", c.to_string())
                    .with_param("index", at),
            )
        }
    }
}

/// Fails when `value` holds a character outside ASCII.
pub fn ascii(value: &str) -> Result<(), Failure> {
    if value.is_ascii() {
        return Ok(());
    }
    first_refused(value, |c| c.is_ascii(), "ASCII")
}

/// The schema of [`ascii`]: exact.
pub fn ascii_schema() -> Value {
    json!({ "pattern": "^[\\x00-\\x7F]*$" })
}

/// Fails when `value` holds a character that is neither a letter nor a digit, in any script.
pub fn alphanumeric(value: &str) -> Result<(), Failure> {
    first_refused(value, char::is_alphanumeric, "a letter or a digit")
}

/// The schema of [`alphanumeric`]: `char::is_alphanumeric` is Unicode's `Alphabetic` property
/// or a number (`N`), which both Rust's and ECMAScript's (`u` flag) regular expressions name.
pub fn alphanumeric_schema() -> Value {
    json!({ "pattern": "^[\\p{Alphabetic}\\p{N}]*$" })
}

/// Fails when `value` holds a control character (category `Cc`: U+0000–U+001F, U+007F–U+009F).
pub fn non_control_character(value: &str) -> Result<(), Failure> {
    first_refused(value, |c| !c.is_control(), "allowed (a control character)")
}

/// The schema of [`non_control_character`]: exact.
pub fn non_control_character_schema() -> Value {
    json!({ "pattern": "^\\P{Cc}*$" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_set_refuses_its_first_outsider() {
        assert!(ascii("").is_ok() && alphanumeric("").is_ok() && non_control_character("").is_ok());
        let f = ascii("ab标c").unwrap_err();
        assert_eq!(f.message, "holds `标` (byte 2), which is not ASCII");
        assert_eq!(f.param("index"), Some(&json!(2)));
        assert_eq!(
            alphanumeric("a b").unwrap_err().message,
            "holds ` ` (byte 1), which is not a letter or a digit"
        );
        assert!(
            alphanumeric("Ⅻ٣x").is_ok(),
            "letter numbers and Arabic-Indic digits are digits"
        );
        assert_eq!(
            non_control_character("a\u{85}").unwrap_err().message,
            "holds U+0085 (byte 1), which is not allowed (a control character)"
        );
        assert!(non_control_character("tab-free é").is_ok());
    }
}
