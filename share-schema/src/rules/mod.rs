//! The rule functions behind `#[share(...)]`: one file per rule kind, each a pure function from a
//! value (and the rule's arguments) to `Ok(())` or a [`Failure`], plus the JSON Schema fragment
//! the rule contributes. Generated code, the linter and the builder all call these; no limit or
//! check is written anywhere else.
//!
//! A failure message is a predicate about the value ("is 513 bytes long; at most 512 are
//! allowed"); [`Context::fail`](crate::Context::fail) puts the field's JSON name in front.

pub mod affix;
pub mod charset;
pub mod choice;
pub mod email;
pub mod image;
pub mod inner;
pub mod ip;
pub mod items;
pub mod length;
pub mod matches;
pub mod number;
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
    /// The value of the named parameter, if any (as [`Violation::param`](crate::Violation::param)).
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.params.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

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

impl AsStr for std::sync::Arc<str> {
    fn as_str(&self) -> &str {
        self
    }
}

impl AsStr for std::rc::Rc<str> {
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

/// The string-like types that are not `String` or `str`: their length is their string's.
macro_rules! has_length_as_str {
    ($($t:ty),*) => {$(
        impl HasLength for $t {
            fn length(&self) -> usize {
                AsStr::as_str(self).len()
            }
            fn non_empty_schema() -> Value {
                serde_json::json!({"minLength": 1})
            }
        }
    )*};
}

has_length_as_str!(
    Box<str>,
    std::borrow::Cow<'_, str>,
    std::sync::Arc<str>,
    std::rc::Rc<str>
);

impl<T: HasLength + ?Sized> HasLength for &T {
    fn length(&self) -> usize {
        (**self).length()
    }
    fn non_empty_schema() -> Value {
        T::non_empty_schema()
    }
}

impl<T> HasLength for Box<[T]> {
    fn length(&self) -> usize {
        self.len()
    }
    fn non_empty_schema() -> Value {
        serde_json::json!({"minItems": 1})
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

/// Integers, for `one_of = [1, 2]`: a unit enum or a float is not one (`as i128` would accept a
/// fieldless enum's discriminant, which is not what its JSON holds).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an integer: `one_of` with integers applies to integer fields (write the serde names, `one_of = [\"a\", \"b\"]`, for a string or an enum)",
    label = "`one_of = [integers]` is applied to this field"
)]
pub trait AsInteger {
    /// The value, widened.
    fn as_i128(&self) -> i128;
}

macro_rules! as_integer {
    ($($t:ty),*) => {$(
        impl AsInteger for $t {
            fn as_i128(&self) -> i128 {
                i128::from(*self)
            }
        }
    )*};
}

as_integer!(i8, i16, i32, i64, i128, u8, u16, u32, u64);

impl AsInteger for isize {
    fn as_i128(&self) -> i128 {
        *self as i128
    }
}

impl AsInteger for usize {
    fn as_i128(&self) -> i128 {
        *self as i128
    }
}

/// Past `i128::MAX` a `u128` wraps, as `as i128` did; `one_of` values are `i128`s.
impl AsInteger for u128 {
    fn as_i128(&self) -> i128 {
        *self as i128
    }
}

impl<T: AsInteger + ?Sized> AsInteger for &T {
    fn as_i128(&self) -> i128 {
        (**self).as_i128()
    }
}

/// A limit given as a constant (`max_bytes = limits::TITLE_MAX_BYTES`): an integer, as `usize`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a limit: `max_bytes`, `max_chars` and the other length limits take an integer constant",
    label = "expected an integer constant (`usize`, `u32`, ...)",
    note = "write the limit as a literal (`max_bytes = 512`) or name a constant such as `const TITLE_MAX_BYTES: usize = 512;`"
)]
pub trait Limit {
    /// The limit, as `usize` (as `as usize` converts it).
    fn limit(self) -> usize;
}

macro_rules! limit {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend] // the message says which types: not listed after it
        impl Limit for $t {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // as before: `as usize`
            fn limit(self) -> usize {
                self as usize
            }
        }
    )*};
}

limit!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

/// Lists, for `unique` and `not_contains`: anything that is a slice of items (`Vec<T>`, `[T]`,
/// arrays, `Box<[T]>`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list: `unique` and `not_contains` apply to list fields (`Vec<T>`)",
    label = "a list rule is applied to this field"
)]
pub trait AsList<T> {
    /// The items.
    fn as_list(&self) -> &[T];
}

// Not recommended: an error names `AsList`, whose message says what a list is, rather than
// `AsRef<[T]>`.
#[diagnostic::do_not_recommend]
impl<T, L: AsRef<[T]> + ?Sized> AsList<T> for L {
    fn as_list(&self) -> &[T] {
        self.as_ref()
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

// The message says which types have a JSON name; the impls are not listed after it.
#[diagnostic::do_not_recommend]
impl JsonName for String {
    fn json_name(&self) -> &str {
        self
    }
}

#[diagnostic::do_not_recommend]
impl JsonName for str {
    fn json_name(&self) -> &str {
        self
    }
}

/// Every string-like item type, as the string rules take every string-like field.
macro_rules! json_name_str {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend] // not listed in the derive's errors
        impl JsonName for $t {
            fn json_name(&self) -> &str {
                self
            }
        }
    )*};
}
json_name_str!(
    Box<str>,
    std::borrow::Cow<'_, str>,
    std::sync::Arc<str>,
    std::rc::Rc<str>
);

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl<T: JsonName + ?Sized> JsonName for &T {
    fn json_name(&self) -> &str {
        (**self).json_name()
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

/// A count written with thousands separators: `70312` → `70,312`. Written straight into the
/// message being formatted (`format!("{} bytes", thousands(n))`), with no string of its own: a
/// failure costs one allocation less per number.
pub fn thousands(n: usize) -> Thousands {
    Thousands(n)
}

/// See [`thousands`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thousands(pub usize);

impl std::fmt::Display for Thousands {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut buf = [0u8; 27];
        f.pad(self.write_into(&mut buf))
    }
}

impl Thousands {
    /// The digits and commas, written at the end of `buf` (at most 20 digits and 6 commas).
    fn write_into(self, buf: &mut [u8; 27]) -> &str {
        let mut at = buf.len();
        let mut n = self.0;
        let mut digits = 0;
        loop {
            if digits > 0 && digits % 3 == 0 {
                at -= 1;
                buf[at] = b',';
            }
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            digits += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // Only ASCII digits and commas were written.
        std::str::from_utf8(&buf[at..]).unwrap_or_default()
    }
}

/// A failure's message written piece by piece, without the formatting machinery (`format!` was
/// most of the cost of a failure, and failures are the hot path on bad input), with room in
/// front for the subject [`Context::fail`](crate::Context::fail) puts there.
pub(crate) struct Words(String);

impl Words {
    /// An empty message, with room for a typical one and its subject.
    pub(crate) fn new() -> Self {
        Words(String::with_capacity(96))
    }

    /// Adds `text`.
    pub(crate) fn text(mut self, text: &str) -> Self {
        self.0.push_str(text);
        self
    }

    /// Adds a count with thousands separators (as [`thousands`]).
    pub(crate) fn count(mut self, n: usize) -> Self {
        let mut buf = [0u8; 27];
        self.0.push_str(Thousands(n).write_into(&mut buf));
        self
    }

    /// Adds a number as `Display` writes it.
    pub(crate) fn number(mut self, n: number::Number) -> Self {
        match n {
            number::Number::Int(i) => {
                // At most 39 digits and a sign.
                let mut buf = [0u8; 40];
                let mut at = buf.len();
                let mut m = i.unsigned_abs();
                loop {
                    at -= 1;
                    buf[at] = b'0' + (m % 10) as u8;
                    m /= 10;
                    if m == 0 {
                        break;
                    }
                }
                if i < 0 {
                    at -= 1;
                    buf[at] = b'-';
                }
                self.0
                    .push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
            }
            number::Number::Float(x) => {
                use std::fmt::Write as _;
                let _ = write!(self.0, "{x}");
            }
        }
        self
    }

    /// The message.
    pub(crate) fn done(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use std::rc::Rc;
    use std::sync::Arc;

    #[test]
    fn every_string_like_type_is_a_string_with_a_length() {
        fn check<T: AsStr + HasLength + ?Sized>(value: &T) -> (&str, usize) {
            (value.as_str(), value.length())
        }
        assert_eq!(check("abc"), ("abc", 3));
        assert_eq!(check(&String::from("abc")), ("abc", 3));
        assert_eq!(check(&Box::<str>::from("abc")), ("abc", 3));
        assert_eq!(check(&Cow::Borrowed("abc")), ("abc", 3));
        assert_eq!(check(&Arc::<str>::from("abc")), ("abc", 3));
        assert_eq!(check(&Rc::<str>::from("abc")), ("abc", 3));
        assert_eq!(check(&&"abc"), ("abc", 3));
        assert_eq!(Box::<[u8]>::from(&[1, 2][..]).length(), 2);
    }

    #[test]
    fn integers_widen_and_nothing_else_is_one() {
        assert_eq!(7u8.as_i128(), 7);
        assert_eq!((-7i64).as_i128(), -7);
        assert_eq!(usize::MAX.as_i128(), usize::MAX as i128);
        assert_eq!(AsInteger::as_i128(&&3u16), 3);
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0).to_string(), "0");
        assert_eq!(thousands(999).to_string(), "999");
        assert_eq!(thousands(1000).to_string(), "1,000");
        assert_eq!(thousands(70312).to_string(), "70,312");
        assert_eq!(thousands(1234567).to_string(), "1,234,567");
        assert_eq!(
            thousands(usize::MAX).to_string(),
            "18,446,744,073,709,551,615"
        );
        assert_eq!(format!("[{:>6}]", thousands(1000)), "[ 1,000]");
    }

    #[test]
    fn required_fails_only_when_absent() {
        assert!(required(true).is_ok());
        assert_eq!(required(false).unwrap_err().message, "is missing");
    }
}
