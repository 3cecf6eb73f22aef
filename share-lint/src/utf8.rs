//! The UTF-8 check of a file's text, on SIMD (AVX2 or SSE4.2, detected at run time).
//!
//! Every file read whole is checked whole before it is parsed (a large array, read a piece at a
//! time, piece by piece). The 10,000 payloads of the benchmark corpus (133 MB), each checked in
//! cache, took `std` 8.0–8.4 ms and `simdutf8` 3.5–4.1 ms, and the CPU time of a run on them fell
//! from 163.0 to 157.3 ms (BENCHMARKS.md, issue 14's eighth session). A file that is not UTF-8 is
//! checked again by `std`, which says where the first bad byte is.

use std::string::FromUtf8Error;
use stdx::string::StringExt as _;

/// `String::from_utf8`, with the same result and error.
pub(crate) fn string(bytes: Vec<u8>) -> Result<String, FromUtf8Error> {
    String::from_utf8_simd(bytes).or_else(|e| String::from_utf8(e.into_bytes()))
}

/// `std::str::from_utf8`, with the same result; the error is the length of the valid start.
pub(crate) fn str(bytes: &[u8]) -> Result<&str, usize> {
    simdutf8::compat::from_utf8(bytes).map_err(|e| e.valid_up_to())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn agrees(bytes: &[u8]) {
        let std = String::from_utf8(bytes.to_vec());
        let ours = string(bytes.to_vec());
        match (&std, &ours) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(a), Err(b)) => {
                assert_eq!(a.utf8_error(), b.utf8_error());
                assert_eq!(a.as_bytes(), b.as_bytes());
            }
            _ => panic!("{bytes:?}: std {std:?}, ours {ours:?}"),
        }
        assert_eq!(
            str(bytes),
            std::str::from_utf8(bytes).map_err(|e| e.valid_up_to())
        );
    }

    /// Valid text of exactly `len` bytes: whole characters of one, two, three and four bytes,
    /// padded with ASCII.
    fn text_of(len: usize) -> Vec<u8> {
        let mut bytes = Vec::new();
        for c in "a\u{e9}\u{5206}\u{1f600}".chars().cycle() {
            if bytes.len() + c.len_utf8() > len {
                break;
            }
            bytes.extend_from_slice(c.to_string().as_bytes());
        }
        bytes.resize(len, b'x');
        bytes
    }

    #[test]
    fn agrees_with_std_at_the_edges() {
        // simdutf8 checks 64-byte blocks on SIMD (shorter input goes to `std`): valid text of
        // lengths around one, two and several blocks, and each kind of bad sequence inserted at
        // character boundaries before, at and after the blocks' edges.
        let bad: [&[u8]; 6] = [
            b"\xff",
            b"\xe4\xb8",         // cut short
            b"\xed\xa0\x80",     // a surrogate
            b"\xc0\xaf",         // overlong
            b"\xf4\x90\x80\x80", // past U+10FFFF
            b"\x80",             // a continuation byte alone
        ];
        for len in [0, 1, 63, 64, 65, 127, 128, 129, 192, 255, 256, 1000] {
            let text = text_of(len);
            assert_eq!(text.len(), len);
            assert!(string(text.clone()).is_ok(), "{len}");
            agrees(&text);
            for at in [0, 61, 62, 63, 64, 127, 128, len.saturating_sub(1), len] {
                // The nearest character boundary at or before `at`.
                let at = (0..=at.min(len))
                    .rev()
                    .find(|&i| i == len || !(0x80..0xc0).contains(&text[i]))
                    .unwrap_or(0);
                for bad in bad {
                    let mut bytes = text.clone();
                    bytes.splice(at..at, bad.iter().copied());
                    assert!(string(bytes.clone()).is_err(), "{len} {at} {bad:?}");
                    agrees(&bytes);
                }
            }
        }
    }

    proptest! {
        #[test]
        fn agrees_with_std(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            agrees(&bytes);
        }

        #[test]
        fn agrees_with_std_on_text(text in "\\PC{0,200}", cut in 0usize..400) {
            let mut bytes = text.into_bytes();
            bytes.truncate(cut.min(bytes.len()));
            agrees(&bytes);
        }
    }
}
