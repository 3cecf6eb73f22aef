//! The UTF-8 check of a file's text, on SIMD (AVX2 or SSE4.2, detected at run time).
//!
//! Every file is checked whole before it is parsed. The 10,000 payloads of the benchmark corpus
//! (133 MB), each checked in cache, took `std` 8.0–8.4 ms and `simdutf8` 3.5–4.1 ms, and the
//! CPU time of a run on them fell from 163.0 to 157.3 ms (BENCHMARKS.md, issue 14's eighth
//! session). A file that is not UTF-8 is checked again by `std`, which says where the first bad
//! byte is.

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

    #[test]
    fn agrees_with_std_at_the_edges() {
        // Long enough for the SIMD loop, with the bad byte at each place around its blocks.
        for len in [0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 200] {
            for bad in [
                &b"\xff"[..],
                b"\xe4\xb8",
                b"\xed\xa0\x80",
                b"\xc0\xaf",
                b"\xf4\x90\x80\x80",
            ] {
                for at in [0, len / 2, len] {
                    let mut bytes = "分".repeat(len / 3 + 1).into_bytes();
                    bytes.truncate(len);
                    agrees(&bytes);
                    let at = at.min(bytes.len());
                    bytes.splice(at..at, bad.iter().copied());
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
