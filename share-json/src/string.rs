//! String literals: find the closing quote fast, decode escapes, and copy runs without escapes
//! in one go.
//!
//! Payload files are mostly one long base64 string, so the scan for the next `"`, `\` or control
//! character looks at eight bytes at a time (SWAR, in safe code) and a string without escapes
//! costs one allocation and one copy.
//!
//! A `\u` escape naming half of a UTF-16 surrogate pair without its other half cannot be a Rust
//! `char`; it decodes to U+FFFD and is reported, and parsing goes on (`JSON.parse` would accept
//! it, `serde_json` rejects it).

use super::parser::{Fatal, Parser};
use super::Span;

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

impl Parser<'_> {
    /// Parses the string literal whose opening `"` is at the current position; returns the
    /// decoded text and the literal's span, quotes included.
    pub(super) fn string(&mut self) -> Result<(String, Span), Fatal> {
        let start = self.pos;
        let mut decoded: Option<String> = None;
        // Start of the text not yet copied into `decoded`.
        let mut run = start + 1;
        let mut i = run;
        loop {
            i = find_special(self.bytes, i);
            match self.bytes.get(i) {
                None => {
                    let span = Span::new(start, self.bytes.len());
                    return Err(self.fail(span, "unterminated string"));
                }
                Some(b'"') => {
                    let tail = &self.src[run..i];
                    let text = match decoded {
                        None => tail.to_owned(),
                        Some(mut text) => {
                            text.push_str(tail);
                            text
                        }
                    };
                    self.pos = i + 1;
                    return Ok((text, Span::new(start, self.pos)));
                }
                Some(b'\\') => {
                    let text = decoded.get_or_insert_with(|| String::with_capacity(i - start));
                    text.push_str(&self.src[run..i]);
                    i = self.escape(start, i, text)?;
                    run = i;
                }
                Some(&control) => {
                    let message =
                        format!("control character U+{control:04X} in a string must be escaped");
                    return Err(self.fail(Span::new(i, i + 1), message));
                }
            }
        }
    }

    /// Decodes the escape whose `\` is at `at` (in the string starting at `start`) onto `out`;
    /// returns the offset just past it.
    fn escape(&mut self, start: usize, at: usize, out: &mut String) -> Result<usize, Fatal> {
        let Some(&letter) = self.bytes.get(at + 1) else {
            let span = Span::new(start, self.bytes.len());
            return Err(self.fail(span, "unterminated string"));
        };
        let simple = match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(at, out),
            _ => {
                let c = self.src[at + 1..].chars().next().unwrap_or('\u{FFFD}');
                let span = Span::new(at, at + 1 + c.len_utf8());
                let message = if c.is_control() {
                    format!(
                        "invalid escape: `\\` followed by control character U+{:04X}",
                        u32::from(c)
                    )
                } else {
                    format!("invalid escape `\\{c}`")
                };
                return Err(self.fail(span, message));
            }
        };
        out.push(simple);
        Ok(at + 2)
    }

    /// Decodes `\uXXXX` at `at`, with the `\uXXXX` after it when the two form a surrogate pair.
    fn unicode_escape(&mut self, at: usize, out: &mut String) -> Result<usize, Fatal> {
        let unit = self.hex4(at)?;
        let end = at + 6;
        let decoded = match unit {
            0xD800..=0xDBFF => {
                let low = match self.bytes.get(end..end + 2) {
                    Some(b"\\u") => Some(self.hex4(end)?),
                    _ => None,
                };
                match low {
                    Some(low @ 0xDC00..=0xDFFF) => {
                        let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        return Ok(end + 6);
                    }
                    // Any other escape after it is decoded on its own by the caller.
                    _ => None,
                }
            }
            0xDC00..=0xDFFF => None,
            _ => char::from_u32(unit),
        };
        if let Some(c) = decoded {
            out.push(c);
        } else {
            let span = Span::new(at, end);
            let message = format!("lone surrogate `{}`", &self.src[span]);
            self.soft_error(span, message);
            out.push('\u{FFFD}');
        }
        Ok(end)
    }

    /// Reads the four hex digits of the `\u` escape at `at`.
    fn hex4(&mut self, at: usize) -> Result<u32, Fatal> {
        let digits = self.bytes.get(at + 2..).unwrap_or_default();
        let valid = digits
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if valid == 4 {
            let value = digits[..4]
                .iter()
                .fold(0, |acc, b| (acc << 4) | hex_value(*b));
            return Ok(value);
        }
        // Quote the escape up to the first byte that is not a hex digit, if that is visible.
        let shown = match digits.get(valid) {
            Some(&b) if b.is_ascii_graphic() && b != b'"' && b != b'\\' => valid + 1,
            _ => valid,
        };
        let span = Span::new(at, at + 2 + shown);
        let message = format!(
            "invalid unicode escape `{}` (expected 4 hex digits after `\\u`)",
            &self.src[span]
        );
        Err(self.fail(span, message))
    }
}

fn hex_value(digit: u8) -> u32 {
    match digit {
        b'0'..=b'9' => u32::from(digit - b'0'),
        b'a'..=b'f' => u32::from(digit - b'a' + 10),
        b'A'..=b'F' => u32::from(digit - b'A' + 10),
        _ => 0,
    }
}

/// Offset of the first `"`, `\` or control character (below U+0020) at or after `from`, or
/// `bytes.len()` if there is none.
fn find_special(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    // 32 bytes at a time with a branch-free test LLVM vectorizes: a payload's thumbnail is a
    // string of tens of kilobytes without a special byte.
    while let Some(chunk) = bytes.get(i..i + 32) {
        if chunk.iter().fold(false, |any, &b| any | is_special(b)) {
            break;
        }
        i += 32;
    }
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if has_special(u64::from_ne_bytes(word)) {
            // `has_special` is exact about *whether* a byte matches, so this chunk holds it.
            break;
        }
        i += 8;
    }
    match bytes
        .get(i..)
        .unwrap_or_default()
        .iter()
        .position(|&b| is_special(b))
    {
        Some(offset) => i + offset,
        None => bytes.len(),
    }
}

#[inline(always)]
fn is_special(b: u8) -> bool {
    (b == b'"') | (b == b'\\') | (b < 0x20)
}

/// Whether any byte of `word` is `"`, `\` or below 0x20 (the classic "has zero byte" and
/// "has byte less than" bit tricks; exact as to whether, not as to where).
fn has_special(word: u64) -> bool {
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let zero_in = |w: u64| w.wrapping_sub(ONES) & !w;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word;
    (zero_in(quote) | zero_in(backslash) | below_space) & HIGHS != 0
}

#[cfg(test)]
mod tests {
    use super::{find_special, has_special};

    #[test]
    fn finds_the_first_special_byte_at_every_position() {
        for len in 0..20 {
            for at in 0..len {
                for special in [b'"', b'\\', b'\n', 0, 0x1f] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = special;
                    assert_eq!(find_special(&bytes, 0), at, "len {len}, at {at}");
                }
            }
            assert_eq!(find_special(&vec![b'a'; len], 0), len);
        }
    }

    #[test]
    fn the_word_test_matches_only_special_bytes() {
        for b in 0..=255u8 {
            let mut word = [b'a'; 8];
            word[3] = b;
            let expected = b == b'"' || b == b'\\' || b < 0x20;
            assert_eq!(
                has_special(u64::from_ne_bytes(word)),
                expected,
                "byte {b:#x}"
            );
        }
    }
}
