//! The thumbnail helpers on arbitrary strings and bytes: nothing panics, and what they say about
//! a value agrees (the decoded length is what decoding gives; a valid thumbnail has a valid
//! length, a recognised header and a whole, well-formed file; another dialect of base64
//! normalizes to valid base64 once). The structure walk of every format runs on the raw bytes.

#![no_main]

use libfuzzer_sys::fuzz_target;
use share_schema::rules::image;

fuzz_target!(|data: &[u8]| {
    let _ = image::sniff(data);
    for format in [
        image::ImageFormat::Png,
        image::ImageFormat::Jpeg,
        image::ImageFormat::Gif,
        image::ImageFormat::WebP,
        image::ImageFormat::Bmp,
    ] {
        let _ = image::check_structure(format, data);
    }
    let value = String::from_utf8_lossy(data);
    let value = value.as_ref();
    if let Some(rest) = image::strip_data_uri(value) {
        assert!(value.ends_with(rest));
        let _ = image::base64_image(rest, None);
    }
    for max in [0, 1, 7, 32, 4096] {
        assert!(image::decode_prefix(value, max).len() <= max);
    }
    if let Some(len) = image::decoded_len(value) {
        assert_eq!(
            len,
            value.len() / 4 * 3 - value.bytes().rev().take_while(|&b| b == b'=').count()
        );
        assert_eq!(image::decode_prefix(value, len).len(), len);
        assert!(image::max_decoded_bytes(value, len).is_ok());
        if len > 0 {
            assert!(image::max_decoded_bytes(value, len - 1).is_err());
        }
    }
    if let Some(standard) = image::normalize_base64(value) {
        assert!(image::decoded_len(&standard).is_some());
        assert_eq!(image::normalize_base64(&standard), None);
    }
    let valid = image::base64_image(value, None).is_ok();
    if valid {
        assert!(image::decoded_len(value).is_some());
        let bytes = image::decode_prefix(value, usize::MAX);
        let info = image::sniff(&bytes).expect("a valid thumbnail has a known header");
        assert!(
            bytes.len() > image::MAX_WALKED_BYTES
                || image::check_structure(info.format, &bytes).is_ok()
        );
    }
    for limit in [0, 16, 65_536] {
        if image::base64_image(value, Some(limit)).is_ok() {
            assert!(valid);
        }
    }
    let _ = image::aspect_ratio(value, 5, 4);
    let _ = image::aspect_ratio(value, 1, 1);
});
