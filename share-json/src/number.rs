//! Numbers: check the JSON number grammar, keep the raw text, and convert it the way
//! `serde_json` does.
//!
//! ```text
//! number = [ "-" ] ( "0" / [1-9] *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
//! ```
//!
//! A number such as `1e999` is valid JSON but has no `f64`; `serde_json` refuses the whole
//! document ("number out of range") and `JSON.parse` makes it `Infinity`. Here it parses, its
//! span lands in [`Parsed::unrepresentable_numbers`](super::Parsed::unrepresentable_numbers), and
//! [`to_number`] gives `None` (so `to_value` writes `null`).

use serde_json::Number;

use super::parser::{Fatal, Parser};
use super::{Node, NodeKind, Span};

/// A number without an exponent and at most this long is below 1e300 and so always finite.
const ALWAYS_FINITE_LEN: usize = 300;

impl Parser<'_> {
    /// Parses the number at the current position (which holds `-` or a digit).
    pub(super) fn number(&mut self) -> Result<Node, Fatal> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    self.digits();
                    let span = Span::new(start, self.pos);
                    return Err(self.fail(span, "numbers cannot have leading zeros"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.unexpected("expected a digit after `-`")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.unexpected("expected a digit after the decimal point"));
            }
            self.digits();
        }
        let mut exponent = false;
        if let Some(b'e' | b'E') = self.peek() {
            exponent = true;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.unexpected("expected a digit in the exponent"));
            }
            self.digits();
        }
        let span = Span::new(start, self.pos);
        let raw = &self.src[span];
        if (exponent || raw.len() > ALWAYS_FINITE_LEN) && to_number(raw).is_none() {
            self.unrepresentable_numbers.push(span);
        }
        Ok(Node {
            span,
            kind: NodeKind::Number(raw.to_owned()),
        })
    }

    fn digits(&mut self) {
        let rest = &self.bytes[self.pos..];
        self.pos += rest
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(rest.len());
    }
}

/// Converts the raw text of a valid JSON number to the `serde_json::Number` that
/// `serde_json::from_str` would produce; `None` if it is too large for an `f64`.
///
/// Integers that fit in `u64` or `i64` stay integers; `-0` is the float `-0.0`, as in
/// `serde_json`; everything else is the nearest `f64` (correctly rounded, which `serde_json`
/// without its `float_roundtrip` feature is only almost always).
pub(super) fn to_number(raw: &str) -> Option<Number> {
    let integer = !raw.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
    if integer {
        if let Some(digits) = raw.strip_prefix('-') {
            if digits.bytes().all(|b| b == b'0') {
                return Number::from_f64(-0.0);
            }
            if let Ok(n) = raw.parse::<i64>() {
                return Some(Number::from(n));
            }
        } else if let Ok(n) = raw.parse::<u64>() {
            return Some(Number::from(n));
        }
    }
    raw.parse::<f64>().ok().and_then(Number::from_f64)
}

#[cfg(test)]
mod tests {
    use super::to_number;

    #[test]
    fn converts_like_serde_json() {
        for raw in [
            "0",
            "-0",
            "-0.0",
            "1",
            "-1",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1.5",
            "1e2",
            "1E+2",
            "-2.5e-3",
            "1e-999",
            "123456789012345678901234567890",
        ] {
            let expected: serde_json::Number = serde_json::from_str(raw).unwrap();
            assert_eq!(to_number(raw), Some(expected), "{raw}");
        }
    }

    #[test]
    fn numbers_beyond_f64_have_no_value() {
        assert_eq!(to_number("1e999"), None);
        assert_eq!(to_number("-1e400"), None);
        assert_eq!(to_number(&format!("1{}", "0".repeat(400))), None);
    }
}
