//! Padded standard base64 (RFC 4648 §4: alphabet `A–Z a–z 0–9 + /`, `=` padding) as the
//! thumbnail rules need it, on the `base64` crate: validating and decoding a text, saying what is
//! wrong with one that is not base64, decoding a prefix, and a view that reads single decoded
//! bytes by offset.

use super::header::Bytes;
use ::base64::engine::general_purpose::{GeneralPurpose, PAD};
use ::base64::{alphabet, DecodeError, Engine as _};

/// The standard alphabet with canonical padding (`=` to a multiple of 4, never more). Unused
/// bits in the last symbol are allowed: the SDK's decoder ignores them, and so did this
/// toolkit before it used the crate, so rejecting them would turn working thumbnails into errors.
const ENGINE: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    PAD.with_decode_allow_trailing_bits(true),
);

/// The number of bytes `value` decodes to, if it is padded standard base64 (length a multiple
/// of 4, alphabet `A–Z a–z 0–9 + /`, `=` only as the last one or two characters); else `None`.
/// The empty string is valid and decodes to 0.
pub fn decoded_len(value: &str) -> Option<usize> {
    decode(value).ok().map(|bytes| bytes.len())
}

/// Decodes at most `max_out` bytes from the start of `value`, for sniffing the header. Decoding
/// stops early at the first character that is not base64.
pub fn decode_prefix(value: &str, max_out: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(max_out.min(value.len() / 4 * 3));
    for quad in value.as_bytes().chunks_exact(4) {
        if out.len() >= max_out {
            break;
        }
        match decode_quad(quad) {
            Some((bytes, n)) => out.extend_from_slice(&bytes[..n]),
            None => break,
        }
        if quad[3] == b'=' {
            break;
        }
    }
    out.truncate(max_out);
    out
}

/// Why a text is not padded standard base64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bad {
    /// A byte outside the alphabet at this offset.
    Char(usize),
    /// Padding at this offset that is not the last one or two characters.
    Padding(usize),
    /// A length that is not a multiple of 4.
    Length(usize),
}

/// The bytes `value` decodes to, or what makes it not padded standard base64.
pub(super) fn decode(value: &str) -> Result<Vec<u8>, Bad> {
    let text = value.as_bytes();
    ENGINE.decode(text).map_err(|e| explain(text, e))
}

/// What is wrong with `text`, which the crate rejected with `error`: the first bad byte or
/// misplaced padding, scanning from the start, else the length. The crate stops at its first
/// error, which does not always say as much.
fn explain(text: &[u8], error: DecodeError) -> Bad {
    match error {
        // Every symbol is in the alphabet and padding is at the end, but the count is wrong.
        DecodeError::InvalidLength(_) | DecodeError::InvalidPadding => Bad::Length(text.len()),
        // Everything before is alphabet; what follows the `=` decides.
        DecodeError::InvalidByte(i, b'=') => after_padding(text, i),
        // The crate checks a lone byte after the last whole quad before the rest: an earlier
        // problem comes first.
        DecodeError::InvalidByte(i, _) if i + 1 == text.len() && text.len() % 4 == 1 => {
            match ENGINE.decode(&text[..i]) {
                Err(DecodeError::InvalidByte(j, b'=')) => after_padding(text, j),
                Err(DecodeError::InvalidByte(j, _)) => Bad::Char(j),
                _ => Bad::Char(i),
            }
        }
        DecodeError::InvalidByte(i, _) => Bad::Char(i),
        // Not produced: the engine allows trailing bits.
        DecodeError::InvalidLastSymbol(..) => Bad::Length(text.len()),
    }
}

/// What is wrong with `text` whose first `=` is at `i` with only alphabet before it: a symbol
/// after the padding, a byte outside the alphabet after it, the length, or too much padding.
fn after_padding(text: &[u8], i: usize) -> Bad {
    match text[i..].iter().position(|&c| c != b'=') {
        Some(k) if is_symbol(text[i + k]) => Bad::Padding(i),
        Some(k) => Bad::Char(i + k),
        None if text.len() % 4 != 0 => Bad::Length(text.len()),
        None => Bad::Padding(i),
    }
}

/// Whether `c` is in the standard base64 alphabet.
fn is_symbol(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'+' || c == b'/'
}

/// Decodes one quad: its three bytes and how many of them are real (1 to 3); `None` when it
/// holds a byte outside the alphabet or misplaced padding.
///
/// After the real bytes come the rest of the bits of the last symbol, then zeros: the view reads
/// them from a padded quad in the middle of a text that is not base64, as it always has.
fn decode_quad(quad: &[u8]) -> Option<([u8; 3], usize)> {
    let mut bytes = [0; 3];
    let n = ENGINE.decode_slice(quad, &mut bytes).ok()?;
    if n < 3 {
        // `A` is the zero symbol: decoding the quad with its padding read as `A` gives the
        // real bytes followed by the leftover bits.
        let unpadded =
            [quad[0], quad[1], quad[2], quad[3]].map(|c| if c == b'=' { b'A' } else { c });
        ENGINE.decode_slice(unpadded, &mut bytes).ok()?;
    }
    Some((bytes, n))
}

/// Base64 text read as the bytes it decodes to without decoding all of it: for rules that look
/// at an image's header and leave validating the whole text to
/// [`base64_image`](super::base64_image), so a thumbnail is decoded once, not once per rule.
/// Each read decodes (and so checks) the quad that holds the byte.
pub(super) struct Base64<'a> {
    text: &'a [u8],
    /// The number of bytes the text decodes to, if it is valid.
    len: usize,
}

impl<'a> Base64<'a> {
    /// A view of `value`; `None` when its length is not a multiple of 4.
    pub(super) fn lazy(value: &'a str) -> Option<Self> {
        let text = value.as_bytes();
        if text.len() % 4 != 0 {
            return None;
        }
        let pad = text
            .iter()
            .rev()
            .take(2)
            .take_while(|&&c| c == b'=')
            .count();
        Some(Base64 {
            text,
            len: text.len() / 4 * 3 - pad,
        })
    }
}

impl Bytes for Base64<'_> {
    fn at(&self, i: usize) -> Option<u8> {
        if i >= self.len {
            return None;
        }
        let start = i / 3 * 4;
        let (bytes, _) = decode_quad(self.text.get(start..start + 4)?)?;
        Some(bytes[i % 3])
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_images::b64;
    use super::*;

    #[test]
    fn encoder_matches_known_vectors() {
        assert_eq!(b64(b""), "");
        assert_eq!(b64(b"f"), "Zg==");
        assert_eq!(b64(b"fo"), "Zm8=");
        assert_eq!(b64(b"foo"), "Zm9v");
        assert_eq!(b64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn decoded_len_validates_and_counts() {
        assert_eq!(decoded_len(""), Some(0));
        assert_eq!(decoded_len("Zg=="), Some(1));
        assert_eq!(decoded_len("Zm8="), Some(2));
        assert_eq!(decoded_len("Zm9v"), Some(3));
        assert_eq!(decoded_len("Zm9vYmFy"), Some(6));
        for bad in [
            "Zg",
            "Zg=",
            "Z===",
            "====",
            "Zg==Zg==",
            "Zm9v YmFy",
            "Zm9-",
            "Zm9_",
            "Zm9v\n",
            "Zg=a",
            "=Zm9",
            "例例例例",
        ] {
            assert_eq!(decoded_len(bad), None, "{bad:?}");
        }
        for n in 0..40 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37) as u8).collect();
            assert_eq!(decoded_len(&b64(&bytes)), Some(n as usize));
            assert_eq!(decode_prefix(&b64(&bytes), 1000), bytes);
            assert_eq!(decode_prefix(&b64(&bytes), 5), bytes[..bytes.len().min(5)]);
        }
    }

    #[test]
    fn decode_prefix_stops_at_garbage() {
        assert_eq!(decode_prefix("Zm9v!!!!Zm9v", 100), b"foo");
        assert_eq!(decode_prefix("Zm9vYmFy", 0), b"");
        assert_eq!(decode_prefix("Zg==Zm9v", 100), b"f");
        assert_eq!(decode_prefix("Zm", 100), b"");
    }
}
