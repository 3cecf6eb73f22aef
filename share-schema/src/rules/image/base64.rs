//! Padded standard base64 (RFC 4648 §4: alphabet `A–Z a–z 0–9 + /`, `=` padding) as the
//! thumbnail rules need it: validating a text and counting the bytes it decodes to in one pass
//! without decoding it, decoding a prefix, and a view that reads single decoded bytes by offset.

use super::header::Bytes;

/// The number of bytes `value` decodes to, if it is padded standard base64 (length a multiple
/// of 4, alphabet `A–Z a–z 0–9 + /`, `=` only as the last one or two characters); else `None`.
///
/// One pass over the bytes; nothing is decoded. The empty string is valid and decodes to 0.
pub fn decoded_len(value: &str) -> Option<usize> {
    scan(value.as_bytes()).ok()
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

/// A byte outside the alphabet in [`DECODE`].
const INVALID: u8 = 0xFF;

/// Sextet of each base64 byte, [`INVALID`] for the rest (including '=').
const DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table
};

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

/// Whether `c` is in the standard base64 alphabet, without branches (so the compiler can check
/// many bytes at once).
#[inline(always)]
fn in_alphabet(c: u8) -> bool {
    (c.wrapping_sub(b'A') < 26)
        | (c.wrapping_sub(b'a') < 26)
        | (c.wrapping_sub(b'0') < 10)
        | (c == b'+')
        | (c == b'/')
}

// Why not the `base64` crate: it cannot validate without decoding, and decoding is the cost.
// Measured with the crate in place of this scan (0.22.1, standard alphabet, canonical padding,
// trailing bits allowed; same accept/reject and messages; BENCHMARKS.md, "base64: the `base64`
// crate vs the hand-written scan"). Medians, hand-written → crate: criterion validate(),
// webPage (valid) 290.9 → 880.5 ns (×3.0), miniProgram (valid) 769.6 → 1,620.1 ns (×2.1);
// callgrind, instructions per validate(): 5,526 → 15,815 and 12,490 → 27,161; base64_image of
// a 64 KiB thumbnail: 107,586 → 678,081 instructions (×6.3), 4.8–5.5 → 30.9–37.1 µs. The
// crate's decode_slice alone, into a ready buffer, took 29.6–30.9 µs there: no way of calling
// it comes near. The crate stays a dev-dependency, to check this scan against.

/// Validates padded standard base64 in one pass; the decoded length.
fn scan(b: &[u8]) -> Result<usize, Bad> {
    // Fast path: whole 32-byte chunks of alphabet before the last two bytes (where padding may
    // be). A thumbnail is tens of kilobytes: this check is most of a payload's validation time.
    let body = &b[..b.len().saturating_sub(2)];
    let mut clean = 0;
    for chunk in body.chunks_exact(32) {
        if !chunk.iter().fold(true, |ok, &c| ok & in_alphabet(c)) {
            break;
        }
        clean += 32;
    }
    // The exact scan from there: it finds the first bad byte or misplaced padding.
    let mut pad_start = None;
    for (i, &c) in b.iter().enumerate().skip(clean) {
        if DECODE[usize::from(c)] != INVALID {
            if let Some(p) = pad_start {
                return Err(Bad::Padding(p));
            }
        } else if c == b'=' {
            pad_start.get_or_insert(i);
        } else {
            return Err(Bad::Char(i));
        }
    }
    if !b.len().is_multiple_of(4) {
        return Err(Bad::Length(b.len()));
    }
    let pad = pad_start.map_or(0, |p| b.len() - p);
    if pad > 2 {
        return Err(Bad::Padding(b.len() - pad));
    }
    Ok(b.len() / 4 * 3 - pad)
}

/// Decodes one quad: its three bytes and how many of them are real (1 to 3); `None` when it
/// holds a byte outside the alphabet or misplaced padding.
fn decode_quad(quad: &[u8]) -> Option<([u8; 3], usize)> {
    let s = |i: usize| DECODE[usize::from(quad[i])];
    let (a, b) = (s(0), s(1));
    if a == INVALID || b == INVALID {
        return None;
    }
    let (c, d, n) = match (quad[2], quad[3]) {
        (b'=', b'=') => (0, 0, 1),
        (_, b'=') => (s(2), 0, 2),
        _ => (s(2), s(3), 3),
    };
    if c == INVALID || d == INVALID {
        return None;
    }
    let bits = u32::from(a) << 18 | u32::from(b) << 12 | u32::from(c) << 6 | u32::from(d);
    Some(([(bits >> 16) as u8, (bits >> 8) as u8, bits as u8], n))
}

/// Validated base64 text, read as the bytes it decodes to without decoding all of it.
pub(super) struct Base64<'a> {
    text: &'a [u8],
    /// The number of bytes the text decodes to.
    pub(super) len: usize,
}

impl<'a> Base64<'a> {
    /// A view of `value`, validated as a whole first.
    pub(super) fn new(value: &'a str) -> Result<Self, Bad> {
        let len = scan(value.as_bytes())?;
        Ok(Base64 {
            text: value.as_bytes(),
            len,
        })
    }

    /// A view that validates only the quads it reads (each read checks its four characters):
    /// for rules that look at an image's header and leave validating the whole text to
    /// [`base64_image`](super::base64_image), so a thumbnail is scanned once, not once per rule.
    pub(super) fn lazy(value: &'a str) -> Option<Self> {
        let text = value.as_bytes();
        if !text.len().is_multiple_of(4) {
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

    /// The `base64` crate configured as the SDK decodes: standard alphabet, canonical padding,
    /// unused bits in the last symbol ignored.
    const CRATE: ::base64::engine::GeneralPurpose = ::base64::engine::GeneralPurpose::new(
        &::base64::alphabet::STANDARD,
        ::base64::engine::general_purpose::PAD.with_decode_allow_trailing_bits(true),
    );

    /// Asserts that the scan and the crate accept and reject `text` alike, decode it to the same
    /// bytes, and name the same bad byte where the crate names one for sure.
    fn agrees_with_the_crate(text: &str) {
        use ::base64::{DecodeError, Engine as _};
        match (scan(text.as_bytes()), CRATE.decode(text)) {
            (Ok(n), Ok(bytes)) => {
                assert_eq!(n, bytes.len(), "{text:?}");
                assert_eq!(decode_prefix(text, usize::MAX), bytes, "{text:?}");
            }
            (Err(bad), Err(DecodeError::InvalidByte(i, c))) => {
                // The crate reports `=` at its first misplaced one whatever follows, and a lone
                // byte after the last whole quad before the rest: only other bytes are certain.
                let lone_last = i + 1 == text.len() && text.len() % 4 == 1;
                if c != b'=' && !lone_last {
                    assert_eq!(bad, Bad::Char(i), "{text:?}");
                }
            }
            (Err(_), Err(_)) => {}
            (ours, theirs) => panic!("{text:?}: scan {ours:?}, crate {theirs:?}"),
        }
    }

    #[test]
    fn scan_agrees_with_the_base64_crate() {
        // Every text of up to 7 bytes over two symbols (`h` leaves unused bits), padding and two
        // bytes outside the alphabet.
        let bytes = [b'Z', b'h', b'=', b'-', b'\n'];
        for len in 0..=7u32 {
            for mut k in 0..bytes.len().pow(len) {
                let mut text = String::new();
                for _ in 0..len {
                    text.push(char::from(bytes[k % bytes.len()]));
                    k /= bytes.len();
                }
                agrees_with_the_crate(&text);
            }
        }
        // Longer texts: the base64 of pseudo-random bytes, whole, then cut or with one byte
        // replaced.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let replacements = b"=-_ !A/+";
        for round in 0..3000 {
            let data: Vec<u8> = (0..round % 200).map(|_| next() as u8).collect();
            let text = b64(&data);
            agrees_with_the_crate(&text);
            if text.is_empty() {
                continue;
            }
            let at = next() as usize % text.len();
            agrees_with_the_crate(&text[..at]);
            let mut changed = text.into_bytes();
            changed[at] = replacements[next() as usize % replacements.len()];
            agrees_with_the_crate(&String::from_utf8(changed).expect("ASCII"));
        }
    }
}
