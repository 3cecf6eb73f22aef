//! Number rules: `range` — bounds, inclusive or exclusive, on any integer or float; plus their
//! schema (`minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`).
//!
//! ```
//! use share_schema::rules::number::{range, Number, Range};
//!
//! let percent = Range { min: Some(Number::Int(0)), max: Some(Number::Int(100)), ..Range::default() };
//! assert!(range(&42u8, &percent).is_ok());
//! assert_eq!(range(&101u8, &percent).unwrap_err().message, "is 101; at most 100 is allowed");
//! let positive = Range { exclusive_min: Some(Number::Float(0.0)), ..Range::default() };
//! assert_eq!(range(&0.0f64, &positive).unwrap_err().message, "is 0; it must be more than 0");
//! ```

use super::{Failure, Words};
use serde_json::{Map, Value};
use std::cmp::Ordering;
use std::fmt;

/// A number, as a value or a bound: integers exactly, floats as they are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// An integer (every Rust integer but a `u128` past `i128::MAX`, which is a float here).
    Int(i128),
    /// A float.
    Float(f64),
}

impl Number {
    /// How `self` compares with `other`: integers exactly, anything with a float as `f64`;
    /// `None` when a NaN is involved.
    pub fn compare(self, other: Number) -> Option<Ordering> {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => Some(a.cmp(&b)),
            (a, b) => a.as_f64().partial_cmp(&b.as_f64()),
        }
    }

    fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }

    /// The number as JSON.
    pub fn to_json(self) -> Value {
        match self {
            Number::Int(i) => i64::try_from(i)
                .map(Value::from)
                .or_else(|_| u64::try_from(i).map(Value::from))
                .unwrap_or_else(|_| Value::from(i as f64)),
            Number::Float(f) => Value::from(f),
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::Float(x) => write!(f, "{x}"),
        }
    }
}

/// Values `range` applies to: every integer and float type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a number: `range` applies to integer and float fields",
    label = "`range` is applied to this field"
)]
pub trait AsNumber {
    /// The value as a [`Number`].
    fn as_number(&self) -> Number;
}

macro_rules! as_number_int {
    ($($t:ty),*) => {$(
        impl AsNumber for $t {
            fn as_number(&self) -> Number {
                Number::Int(i128::from(*self))
            }
        }
    )*};
}

as_number_int!(i8, i16, i32, i64, i128, u8, u16, u32, u64);

impl AsNumber for isize {
    fn as_number(&self) -> Number {
        Number::Int(*self as i128)
    }
}

impl AsNumber for usize {
    fn as_number(&self) -> Number {
        Number::Int(*self as i128)
    }
}

impl AsNumber for u128 {
    fn as_number(&self) -> Number {
        i128::try_from(*self).map_or(Number::Float(*self as f64), Number::Int)
    }
}

impl AsNumber for f32 {
    fn as_number(&self) -> Number {
        Number::Float(f64::from(*self))
    }
}

impl AsNumber for f64 {
    fn as_number(&self) -> Number {
        Number::Float(*self)
    }
}

impl<T: AsNumber + ?Sized> AsNumber for &T {
    fn as_number(&self) -> Number {
        (**self).as_number()
    }
}

/// The bounds of `range`: any of them, at least one.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Range {
    /// The least value allowed.
    pub min: Option<Number>,
    /// The greatest value allowed.
    pub max: Option<Number>,
    /// Values must be greater than this.
    pub exclusive_min: Option<Number>,
    /// Values must be less than this.
    pub exclusive_max: Option<Number>,
}

/// Fails when `value` is outside `range` (a NaN is outside every range).
pub fn range<T: AsNumber + ?Sized>(value: &T, range: &Range) -> Result<(), Failure> {
    let v = value.as_number();
    let fail = |message: String, bound: &'static str, limit: Number| {
        Err(Failure::new(message)
            .with_param("actual", v.to_json())
            .with_param(bound, limit.to_json()))
    };
    if let Some(min) = range.min {
        if !matches!(v.compare(min), Some(Ordering::Greater | Ordering::Equal)) {
            let words = Words::new().text("is ").number(v).text("; at least ");
            let words = words.number(min).text(" is allowed");
            return fail(words.done(), "min", min);
        }
    }
    if let Some(min) = range.exclusive_min {
        if v.compare(min) != Some(Ordering::Greater) {
            return fail(
                format!("is {v}; it must be more than {min}"),
                "exclusive_min",
                min,
            );
        }
    }
    if let Some(max) = range.max {
        if !matches!(v.compare(max), Some(Ordering::Less | Ordering::Equal)) {
            let words = Words::new().text("is ").number(v).text("; at most ");
            let words = words.number(max).text(" is allowed");
            return fail(words.done(), "max", max);
        }
    }
    if let Some(max) = range.exclusive_max {
        if v.compare(max) != Some(Ordering::Less) {
            return fail(
                format!("is {v}; it must be less than {max}"),
                "exclusive_max",
                max,
            );
        }
    }
    Ok(())
}

/// The schema of [`range`]: exact, as JSON Schema compares numbers by value.
pub fn range_schema(range: &Range) -> Value {
    let mut schema = Map::new();
    let bounds = [
        ("minimum", range.min),
        ("maximum", range.max),
        ("exclusiveMinimum", range.exclusive_min),
        ("exclusiveMaximum", range.exclusive_max),
    ];
    for (key, bound) in bounds {
        if let Some(bound) = bound {
            schema.insert(key.to_owned(), bound.to_json());
        }
    }
    Value::Object(schema)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn bounds(
        min: Option<Number>,
        max: Option<Number>,
        xmin: Option<Number>,
        xmax: Option<Number>,
    ) -> Range {
        Range {
            min,
            max,
            exclusive_min: xmin,
            exclusive_max: xmax,
        }
    }

    #[test]
    fn inclusive_and_exclusive_bounds_on_integers_and_floats() {
        let r = bounds(Some(Number::Int(-5)), Some(Number::Int(5)), None, None);
        assert!(range(&-5i32, &r).is_ok() && range(&5i64, &r).is_ok());
        assert_eq!(
            range(&-6i8, &r).unwrap_err().message,
            "is -6; at least -5 is allowed"
        );
        assert_eq!(
            range(&5.5f64, &r).unwrap_err().message,
            "is 5.5; at most 5 is allowed"
        );
        let r = bounds(None, None, Some(Number::Float(0.5)), Some(Number::Int(2)));
        assert!(range(&1u8, &r).is_ok());
        assert_eq!(
            range(&0.5f32, &r).unwrap_err().message,
            "is 0.5; it must be more than 0.5"
        );
        assert_eq!(
            range(&2u64, &r).unwrap_err().message,
            "is 2; it must be less than 2"
        );
        assert!(range(&f64::NAN, &r).is_err(), "NaN is in no range");
        let failure = range(&7u8, &bounds(None, Some(Number::Int(5)), None, None)).unwrap_err();
        assert_eq!(failure.param("actual"), Some(&json!(7)));
        assert_eq!(failure.param("max"), Some(&json!(5)));
    }

    #[test]
    fn integers_compare_exactly_past_f64_precision() {
        let max = Number::Int(i128::from(u64::MAX) - 1);
        let r = bounds(None, Some(max), None, None);
        assert!(range(&(u64::MAX - 1), &r).is_ok());
        assert!(
            range(&u64::MAX, &r).is_err(),
            "u64::MAX and u64::MAX - 1 are one f64"
        );
        assert!(range(&u128::MAX, &r).is_err());
    }

    #[test]
    fn the_schema_names_each_bound() {
        let r = bounds(Some(Number::Int(1)), None, None, Some(Number::Float(2.5)));
        assert_eq!(
            range_schema(&r),
            json!({"minimum": 1, "exclusiveMaximum": 2.5})
        );
    }
}
