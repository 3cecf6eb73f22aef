//! The structure checks on real images, encoded by the `image` crate's own encoders (a different
//! implementation from the checks under test): each format whole, every strict prefix of it
//! (cut short), header-only, and damaged in a structural byte.

use super::structure::check;
use super::test_images::{b64, real};
use super::{base64_image, normalize_base64, ImageFormat};
use serde_json::Value;

/// A `w`×`h` picture with some detail, encoded as `format`.
fn encoded(format: image::ImageFormat, w: u32, h: u32) -> Vec<u8> {
    real(format, w, h, false)
}

const FORMATS: [(image::ImageFormat, ImageFormat); 5] = [
    (image::ImageFormat::Png, ImageFormat::Png),
    (image::ImageFormat::Jpeg, ImageFormat::Jpeg),
    (image::ImageFormat::Gif, ImageFormat::Gif),
    (image::ImageFormat::WebP, ImageFormat::WebP),
    (image::ImageFormat::Bmp, ImageFormat::Bmp),
];

fn reason(value: &str) -> String {
    base64_image(value, None)
        .err()
        .and_then(|f| f.param("reason").and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_default()
}

#[test]
fn real_images_of_every_format_pass() {
    for (encoder, format) in FORMATS {
        for (w, h) in [(1, 1), (5, 4), (40, 32), (101, 7)] {
            let bytes = encoded(encoder, w, h);
            assert_eq!(check(format, &bytes), Ok(()), "{format} {w}×{h}");
            assert_eq!(base64_image(&b64(&bytes), None), Ok(()), "{format} {w}×{h}");
        }
    }
}

#[test]
fn the_threads_decoding_buffer_keeps_nothing_of_the_last_thumbnail() {
    // A whole PNG, then the same cut before its end chunk: the bytes left in the buffer after
    // the cut one would complete it, were they read.
    let small = encoded(image::ImageFormat::Png, 40, 32);
    let cut = &small[..small.len() - 12];
    assert_eq!(base64_image(&b64(&small), None), Ok(()));
    assert_eq!(reason(&b64(cut)), "broken-image");
    // Past the size kept, the buffer is given back, after an image or a value that is not
    // base64 alike (either grows it).
    let large = real(image::ImageFormat::Png, 300, 300, true);
    assert!(large.len() > super::KEPT_BUFFER_BYTES, "{}", large.len());
    let large = b64(&large);
    let mut not_base64 = large.clone();
    not_base64.replace_range(8..9, "!");
    for value in [&large, &not_base64] {
        let _ = base64_image(value, None);
        super::DECODED.with_borrow(|kept| {
            assert!(
                kept.capacity() <= super::KEPT_BUFFER_BYTES,
                "{}",
                kept.capacity()
            );
        });
    }
    assert_eq!(reason(&not_base64), "not-base64");
    base64_image(&b64(&small), None).unwrap();
    super::DECODED.with_borrow(|kept| assert!(kept.capacity() >= small.len()));
}

#[test]
fn every_strict_prefix_of_a_real_image_is_cut_short() {
    for (encoder, format) in FORMATS {
        let bytes = encoded(encoder, 40, 32);
        for len in 0..bytes.len() {
            assert!(
                check(format, &bytes[..len]).is_err(),
                "{format} cut to {len} of {} bytes passed",
                bytes.len()
            );
        }
    }
}

#[test]
fn header_only_files_are_not_images() {
    for (encoder, format) in FORMATS {
        let bytes = encoded(encoder, 40, 32);
        // The magic number and the header that gives the size: what sniffing used to accept.
        let header = match format {
            ImageFormat::Png => 33,
            ImageFormat::Jpeg => 30,
            ImageFormat::Gif => 13,
            ImageFormat::WebP => 30,
            ImageFormat::Bmp => 54,
        };
        let value = b64(&bytes[..header]);
        assert_eq!(reason(&value), "broken-image", "{format}");
    }
    // The examples.
    for header in [
        &b"\x89PNG\r\n\x1a\n"[..],
        &[0xFF, 0xD8, 0xFF],
        b"GIF89a",
        b"RIFF\x04\x00\x00\x00WEBP",
    ] {
        assert_ne!(reason(&b64(header)), "", "{header:?}");
    }
}

#[test]
fn damaged_structure_is_named_in_the_message() {
    /// An encoder, the format it writes, a damage done to the file, what the message says.
    type Case = (
        image::ImageFormat,
        ImageFormat,
        fn(&mut Vec<u8>),
        &'static str,
    );
    let cases: [Case; 7] = [
        // A pixel byte of the PNG's image data: the chunk's CRC no longer matches.
        (
            image::ImageFormat::Png,
            ImageFormat::Png,
            |b| {
                let n = b.len() - 20;
                b[n] ^= 0x40
            },
            "does not match its checksum",
        ),
        // Bytes after IEND.
        (
            image::ImageFormat::Png,
            ImageFormat::Png,
            |b| b.extend_from_slice(b"junk"),
            "follow its end",
        ),
        // The JPEG's EOI marker removed.
        (
            image::ImageFormat::Jpeg,
            ImageFormat::Jpeg,
            |b| b.truncate(b.len() - 2),
            "ends before its end marker (EOI)",
        ),
        // The GIF's trailer replaced by another byte.
        (
            image::ImageFormat::Gif,
            ImageFormat::Gif,
            |b| {
                let n = b.len() - 1;
                b[n] = 0x99
            },
            "starts no GIF block",
        ),
        // The RIFF size one more than the data.
        (
            image::ImageFormat::WebP,
            ImageFormat::WebP,
            |b| b[4] = b[4].wrapping_add(2),
            "RIFF header announces",
        ),
        // The BMP's plane count.
        (
            image::ImageFormat::Bmp,
            ImageFormat::Bmp,
            |b| b[26] = 2,
            "impossible bit depth or plane count",
        ),
        // The BMP grown past its declared size.
        (
            image::ImageFormat::Bmp,
            ImageFormat::Bmp,
            |b| b.push(0),
            "but the file has",
        ),
    ];
    for (encoder, format, damage, says) in cases {
        let mut bytes = encoded(encoder, 40, 32);
        damage(&mut bytes);
        let failure = base64_image(&b64(&bytes), None).expect_err(says);
        assert!(
            failure.message.contains(says)
                && failure
                    .message
                    .starts_with(&format!("decodes to a {format} that")),
            "{format}: {}",
            failure.message
        );
        assert_eq!(
            failure.param("reason").and_then(Value::as_str),
            Some("broken-image")
        );
    }
}

#[test]
fn the_checks_never_panic_on_any_bytes() {
    // Every single-byte change of a small real image, for every format: no panic, no hang.
    for (encoder, format) in FORMATS {
        let bytes = encoded(encoder, 5, 4);
        for i in 0..bytes.len() {
            for x in [0x00, 0xFF, 0x01, 0x80] {
                let mut b = bytes.clone();
                b[i] = x;
                let _ = check(format, &b);
            }
        }
    }
}

#[test]
fn base64_dialects_each_get_their_message_and_normalize_to_the_same_bytes() {
    // A PNG whose base64 holds `+` and `/` and ends in padding, so every dialect differs.
    let standard = (32..)
        .map(|w| b64(&encoded(image::ImageFormat::Png, w, 32)))
        .find(|s| s.contains('+') && s.contains('/') && s.ends_with('='))
        .expect("some width gives one");
    // MIME: a line break every 76 characters.
    let mime: String = standard
        .as_bytes()
        .chunks(76)
        .map(|l| std::str::from_utf8(l).unwrap())
        .collect::<Vec<_>>()
        .join("\r\n");
    let trailing = format!("{standard}\n");
    let url_safe = standard.replace('+', "-").replace('/', "_");
    let unpadded = standard.trim_end_matches('=').to_owned();
    for (value, reason_is, says) in [
        (
            &mime,
            "line-breaks",
            "is broken into lines (the first line break is at byte 76)",
        ),
        (&trailing, "line-breaks", "ends with a line break"),
        (&url_safe, "url-safe", "URL-safe alphabet"),
        (&unpadded, "unpadded", "lacks its `=` padding"),
    ] {
        let failure = base64_image(value, None).expect_err(reason_is);
        assert_eq!(
            failure.param("reason").and_then(Value::as_str),
            Some(reason_is)
        );
        assert!(failure.message.contains(says), "{}", failure.message);
        assert_eq!(normalize_base64(value).as_deref(), Some(standard.as_str()));
    }
    // base64url without padding, as JWT libraries write it: both said, the first names the reason.
    let both = url_safe.trim_end_matches('=');
    let failure = base64_image(both, None).expect_err("url-safe");
    assert!(failure.message.contains("URL-safe") && failure.message.contains("padding"));
    assert_eq!(normalize_base64(both).as_deref(), Some(standard.as_str()));
    // Not a dialect: nothing to normalize.
    assert_eq!(normalize_base64(&standard), None);
    assert_eq!(normalize_base64("a*b="), None);
    assert_eq!(reason("a*bc"), "not-base64");
}

#[test]
fn the_simd_decoder_accepts_nothing_the_scan_refuses() {
    // Canonical and non-canonical final quads, padding in the middle, whitespace, the URL-safe
    // alphabet, every length: what base64-simd decodes, the hand-written scan (the rule of
    // validity) accepts, with the same bytes. The scan also accepts non-canonical final bits
    // (`Zh==`), which base64-simd refuses: base64_image then decodes by the scan's own decoder.
    let mut cases: Vec<String> = [
        "", "Zg==", "Zh==", "Zm8=", "Zm9=", "Zm9v", "Zg=", "Z===", "Zg==Zg==", "Zm9v\n", "Zm-v",
        "=Zm9",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n";
    let mut state = 7u64;
    for len in 0..200 {
        let s: String = (0..len % 13 + 4 * (len / 13))
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let i = (state >> 33) as usize % alphabet.len();
                alphabet.as_bytes()[i] as char
            })
            .collect();
        cases.push(s);
    }
    let mut refused_by_simd_only = 0;
    for s in &cases {
        match base64_simd::STANDARD.decode_to_vec(s) {
            Ok(bytes) => {
                assert_eq!(super::decoded_len(s), Some(bytes.len()), "{s:?}");
                assert_eq!(super::decode_prefix(s, usize::MAX), bytes, "{s:?}");
            }
            Err(_) => refused_by_simd_only += usize::from(super::decoded_len(s).is_some()),
        }
    }
    assert!(refused_by_simd_only > 0, "the fallback is exercised");
    // Such a value is judged by the scan: valid base64, then not an image.
    assert_eq!(reason("Zh=="), "not-image");
}
