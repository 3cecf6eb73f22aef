//! Length rules: non-empty, and minimum or maximum lengths counted in UTF-8 bytes (what WeChat's
//! docs and iOS headers count), Unicode scalar values, or UTF-16 code units (what the Android SDK's
//! `String.length()` counts); plus the JSON Schema fragment of each.
//!
//! ```
//! use share_schema::rules::length;
//!
//! assert!(length::max_bytes("你好", 6).is_ok());
//! let failure = length::max_bytes("你好!", 6).unwrap_err();
//! assert_eq!(failure.message, "is 7 UTF-8 bytes long; at most 6 are allowed");
//! assert!(length::max_chars("你好!", 3).is_ok());
//! ```

use super::{Failure, HasLength, Words};
use serde_json::{json, Value};

/// Fails when a string or collection is empty.
pub fn non_empty<T: HasLength + ?Sized>(value: &T) -> Result<(), Failure> {
    if value.length() == 0 {
        Err(Failure::new("is empty"))
    } else {
        Ok(())
    }
}

/// The schema of [`non_empty`]: `minLength` for strings, `minItems` for arrays (exact).
pub fn non_empty_schema<T: HasLength + ?Sized>() -> Value {
    T::non_empty_schema()
}

/// The unit a length is counted in, for messages.
#[derive(Clone, Copy)]
enum Unit {
    Bytes,
    Chars,
    Utf16,
}

impl Unit {
    fn name(self, n: usize) -> &'static str {
        match (self, n == 1) {
            (Unit::Bytes, true) => "UTF-8 byte",
            (Unit::Bytes, false) => "UTF-8 bytes",
            (Unit::Chars, true) => "character",
            (Unit::Chars, false) => "characters",
            (Unit::Utf16, true) => "UTF-16 unit",
            (Unit::Utf16, false) => "UTF-16 units",
        }
    }
}

fn too_long(actual: usize, max: usize, unit: Unit) -> Failure {
    outside(actual, max, unit, (" long; at most ", " allowed"))
}

fn too_short(actual: usize, min: usize, unit: Unit) -> Failure {
    outside(actual, min, unit, (" long; at least ", " required"))
}

/// "is 513 UTF-8 bytes long; at most 512 are allowed": `bound` is the words around the limit.
fn outside(actual: usize, limit: usize, unit: Unit, bound: (&str, &str)) -> Failure {
    let verb = if limit == 1 { " is" } else { " are" };
    let message = Words::new()
        .text("is ")
        .count(actual)
        .text(" ")
        .text(unit.name(actual))
        .text(bound.0)
        .count(limit)
        .text(verb)
        .text(bound.1);
    Failure::new(message.done())
        .with_param("actual", actual)
        .with_param("limit", limit)
}

/// The number of UTF-16 code units of `value`, the length JavaScript and Java report.
fn utf16_len(value: &str) -> usize {
    // One unit per scalar (every byte that is not a continuation byte), and one more for each
    // scalar above U+FFFF (the 4-byte sequences, lead byte 0xF0 or above): a single pass over
    // the bytes instead of decoding chars.
    value
        .bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// Fails when `value` is longer than `max` UTF-8 bytes.
pub fn max_bytes(value: &str, max: usize) -> Result<(), Failure> {
    let n = value.len();
    if n > max {
        Err(too_long(n, max, Unit::Bytes))
    } else {
        Ok(())
    }
}

/// Fails when `value` is shorter than `min` UTF-8 bytes.
pub fn min_bytes(value: &str, min: usize) -> Result<(), Failure> {
    let n = value.len();
    if n < min {
        Err(too_short(n, min, Unit::Bytes))
    } else {
        Ok(())
    }
}

/// Fails when `value` has more than `max` Unicode scalar values.
pub fn max_chars(value: &str, max: usize) -> Result<(), Failure> {
    // A string of at most `max` bytes has at most `max` chars: skip the count.
    if value.len() <= max {
        return Ok(());
    }
    let n = value.chars().count();
    if n > max {
        Err(too_long(n, max, Unit::Chars))
    } else {
        Ok(())
    }
}

/// Fails when `value` has fewer than `min` Unicode scalar values.
pub fn min_chars(value: &str, min: usize) -> Result<(), Failure> {
    // Every char is at most 4 bytes, so a string of at least 4·min bytes is long enough.
    if value.len() / 4 >= min {
        return Ok(());
    }
    let n = value.chars().count();
    if n < min {
        Err(too_short(n, min, Unit::Chars))
    } else {
        Ok(())
    }
}

/// Fails when `value` has more than `max` UTF-16 code units.
pub fn max_utf16(value: &str, max: usize) -> Result<(), Failure> {
    // UTF-16 units never outnumber UTF-8 bytes.
    if value.len() <= max {
        return Ok(());
    }
    let n = utf16_len(value);
    if n > max {
        Err(too_long(n, max, Unit::Utf16))
    } else {
        Ok(())
    }
}

/// Fails when `value` has fewer than `min` UTF-16 code units.
pub fn min_utf16(value: &str, min: usize) -> Result<(), Failure> {
    // At most 3 UTF-8 bytes per UTF-16 unit (a 4-byte scalar is 2 units).
    if value.len() / 3 >= min {
        return Ok(());
    }
    let n = utf16_len(value);
    if n < min {
        Err(too_short(n, min, Unit::Utf16))
    } else {
        Ok(())
    }
}

/// The schema of [`max_bytes`]: `{"maxLength": max}`.
pub fn max_bytes_schema(max: usize) -> Value {
    // A relaxation, not exact: JSON Schema counts code points, and a string has no more code
    // points than bytes, so everything within `max` bytes passes; some longer strings of
    // multibyte characters pass too.
    json!({ "maxLength": max })
}

/// The schema of [`min_bytes`]: `{"minLength": ceil(min / 4)}`.
pub fn min_bytes_schema(min: usize) -> Value {
    // A relaxation, not exact: a code point is at most 4 bytes, so a string of `min` bytes has
    // at least ceil(min / 4) code points.
    json!({ "minLength": min.div_ceil(4) })
}

/// The schema of [`max_chars`]: `{"maxLength": max}`.
pub fn max_chars_schema(max: usize) -> Value {
    // Exact: JSON Schema's maxLength counts code points, as the rule does.
    json!({ "maxLength": max })
}

/// The schema of [`min_chars`]: `{"minLength": min}`.
pub fn min_chars_schema(min: usize) -> Value {
    // Exact: JSON Schema's minLength counts code points, as the rule does.
    json!({ "minLength": min })
}

/// The schema of [`max_utf16`]: `{"maxLength": max}`.
pub fn max_utf16_schema(max: usize) -> Value {
    // A relaxation, not exact: a string has no more code points than UTF-16 units.
    json!({ "maxLength": max })
}

/// The schema of [`min_utf16`]: `{"minLength": ceil(min / 2)}`.
pub fn min_utf16_schema(min: usize) -> Value {
    // A relaxation, not exact: a code point is at most 2 UTF-16 units, so a string of `min`
    // units has at least ceil(min / 2) code points.
    json!({ "minLength": min.div_ceil(2) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(f: &Failure, name: &str) -> Value {
        f.param(name).cloned().unwrap_or(Value::Null)
    }

    #[test]
    fn non_empty_checks_strings_and_collections() {
        assert_eq!(non_empty("").unwrap_err().message, "is empty");
        assert!(non_empty(" ").is_ok());
        assert!(non_empty(&String::new()).is_err());
        assert!(non_empty(&Vec::<u8>::new()).is_err());
        assert!(non_empty(&vec![1]).is_ok());
        assert!(non_empty(&[1, 2][..]).is_ok());
        assert_eq!(non_empty_schema::<str>(), json!({"minLength": 1}));
        assert_eq!(non_empty_schema::<Vec<u8>>(), json!({"minItems": 1}));
    }

    #[test]
    fn max_bytes_boundary() {
        let at = "a".repeat(512);
        assert!(max_bytes(&at, 512).is_ok());
        let over = "a".repeat(513);
        let f = max_bytes(&over, 512).unwrap_err();
        assert_eq!(
            f.message,
            "is 513 UTF-8 bytes long; at most 512 are allowed"
        );
        assert_eq!(param(&f, "actual"), json!(513));
        assert_eq!(param(&f, "limit"), json!(512));
        assert!(max_bytes("", 0).is_ok());
    }

    #[test]
    fn max_bytes_counts_multibyte_characters() {
        // 171 × 3 bytes = 513.
        let s = "好".repeat(171);
        assert_eq!(s.len(), 513);
        assert!(max_bytes(&s, 512).is_err());
        assert!(max_chars(&s, 512).is_ok());
        assert!(max_utf16(&s, 512).is_ok());
    }

    #[test]
    fn messages_group_thousands() {
        let s = "a".repeat(10_241);
        let f = max_utf16(&s, 10_240).unwrap_err();
        assert_eq!(
            f.message,
            "is 10,241 UTF-16 units long; at most 10,240 are allowed"
        );
    }

    #[test]
    fn min_bytes_boundary() {
        assert!(min_bytes("abc", 3).is_ok());
        let f = min_bytes("ab", 3).unwrap_err();
        assert_eq!(f.message, "is 2 UTF-8 bytes long; at least 3 are required");
        assert!(min_bytes("", 1).is_err());
        assert!(min_bytes("é", 2).is_ok());
    }

    #[test]
    fn chars_count_scalar_values() {
        assert!(max_chars("你好吗", 3).is_ok());
        let f = max_chars("你好吗?", 3).unwrap_err();
        assert_eq!(f.message, "is 4 characters long; at most 3 are allowed");
        assert!(min_chars("😀😀😀😀😀", 5).is_ok());
        let f = min_chars("abc", 5).unwrap_err();
        assert_eq!(f.message, "is 3 characters long; at least 5 are required");
        assert!(min_chars("", 0).is_ok());
        assert!(min_chars("", 1).is_err());
    }

    #[test]
    fn utf16_counts_surrogate_pairs_as_two() {
        // One emoji: 4 bytes, 1 char, 2 UTF-16 units.
        assert!(max_utf16("😀", 2).is_ok());
        let f = max_utf16("😀", 1).unwrap_err();
        assert_eq!(f.message, "is 2 UTF-16 units long; at most 1 is allowed");
        assert!(min_utf16("😀", 2).is_ok());
        assert!(min_utf16("😀", 3).is_err());
        // Three-byte chars are one unit each.
        assert!(min_utf16("好好", 3).is_err());
        assert!(min_utf16("好好好", 3).is_ok());
    }

    #[test]
    fn singular_units() {
        let f = min_chars("a", 2).unwrap_err();
        assert_eq!(f.message, "is 1 character long; at least 2 are required");
    }

    #[test]
    fn schemas_are_sound_relaxations() {
        assert_eq!(max_bytes_schema(512), json!({"maxLength": 512}));
        assert_eq!(min_bytes_schema(5), json!({"minLength": 2}));
        assert_eq!(min_bytes_schema(4), json!({"minLength": 1}));
        assert_eq!(max_chars_schema(3), json!({"maxLength": 3}));
        assert_eq!(min_chars_schema(3), json!({"minLength": 3}));
        assert_eq!(max_utf16_schema(7), json!({"maxLength": 7}));
        assert_eq!(min_utf16_schema(3), json!({"minLength": 2}));
        // Soundness on samples: whatever the rule accepts, the schema bound accepts too.
        let samples = ["", "a", "é", "好", "😀", "a好😀", "😀😀😀", "abcdefgh"];
        for s in samples {
            let chars = s.chars().count();
            for limit in 0..10 {
                if max_bytes(s, limit).is_ok() || max_utf16(s, limit).is_ok() {
                    assert!(chars <= limit, "{s:?} {limit}");
                }
                if min_bytes(s, limit).is_ok() {
                    assert!(chars >= limit.div_ceil(4), "{s:?} {limit}");
                }
                if min_utf16(s, limit).is_ok() {
                    assert!(chars >= limit.div_ceil(2), "{s:?} {limit}");
                }
            }
        }
    }
}
