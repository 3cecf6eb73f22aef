//! `matches(other)`: a field equal to another field of the same struct (a password typed twice).
//! JSON Schema cannot compare two values, so the schema says nothing about it.
//!
//! ```
//! use share_schema::rules::matches::matches;
//!
//! assert!(matches("s3cret", "s3cret", "password").is_ok());
//! assert_eq!(matches("s3cret", "secret", "password").unwrap_err().message, "does not match `password`");
//! ```

use super::Failure;

/// Fails when `value` differs from `other`, the value of the field named `other_name`.
pub fn matches<T: PartialEq<U> + ?Sized, U: ?Sized>(
    value: &T,
    other: &U,
    other_name: &str,
) -> Result<(), Failure> {
    match value == other {
        true => Ok(()),
        false => {
            Err(Failure::new(format!("does not match `{other_name}`"))
                .with_param("other", other_name))
        }
    }
}
