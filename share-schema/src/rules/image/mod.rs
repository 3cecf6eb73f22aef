//! Thumbnail rules: `thumbImage` is the base64 text (standard alphabet, padded) of a PNG, JPEG,
//! GIF, WebP or BMP file, with no `data:` prefix, within a decoded size, ideally 5:4; and their
//! JSON Schema. The base64 helpers are in `base64.rs`, the image-header readers in `header.rs`;
//! both are re-exported here.
//!
//! A thumbnail of up to [`MAX_WALKED_BYTES`] is decoded whole, into a buffer each thread keeps,
//! and its structure walked. Past that the size is the problem: the text is checked as given
//! (validity in one pass over its bytes, the decoded size by arithmetic, the image header by
//! decoding only the few base64 quads that hold the bytes looked at), so it is never decoded as
//! a whole. The size and aspect-ratio rules work on the text as given, at any size.
//!
//! ```
//! use share_schema::rules::image::{self, ImageFormat};
//!
//! // A 1×1 GIF.
//! let gif = "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==";
//! assert_eq!(image::decoded_len(gif), Some(43));
//! assert!(image::base64_image(gif, Some(65_536)).is_ok());
//! let info = image::sniff(&image::decode_prefix(gif, 32)).unwrap();
//! assert_eq!((info.format, info.width, info.height), (ImageFormat::Gif, Some(1), Some(1)));
//!
//! let failure = image::base64_image("data:image/gif;base64,R0lGODlh", None).unwrap_err();
//! assert_eq!(failure.message, "starts with a `data:image/gif;base64,` prefix");
//! ```

use share_json::text::quote;
mod base64;
mod bmp;
mod gif;
mod header;
mod jpeg;
mod png;
mod structure;
#[cfg(test)]
mod test_images;
#[cfg(test)]
mod tests_structure;
mod webp;

pub use self::base64::{decode_prefix, decoded_len};
pub use self::header::{sniff, ImageFormat, ImageInfo};
pub use self::structure::{check as check_structure, Defect};

use self::base64::{Bad, Base64};
use self::header::sniff_in;
use super::{thousands, Failure};
use serde_json::{json, Value};

/// The largest decoded thumbnail whose structure is walked: 32 times the largest size the SDK
/// takes (128 KiB, mini programs). Larger ones fail their size rule whatever their structure.
pub const MAX_WALKED_BYTES: usize = 4 << 20;

/// The aspect-ratio tolerance: 2%.
const ASPECT_TOLERANCE: f64 = 0.02;

/// The base64 text after a `data:…;base64,` prefix (ASCII case-insensitive), or `None` when
/// `value` is not a base64 data URI.
///
/// A data URI without `;base64` holds percent-encoded bytes, which stripping would not turn into
/// base64, so it gives `None` too.
pub fn strip_data_uri(value: &str) -> Option<&str> {
    if !starts_with_ignore_case(value, "data:") {
        return None;
    }
    let comma = value.find(',')?;
    // Compared as bytes: the media type may hold non-ASCII text, and slicing a str could split
    // a character.
    let header = &value.as_bytes()[..comma];
    if header.len() >= 7 && header[header.len() - 7..].eq_ignore_ascii_case(b";base64") {
        Some(&value[comma + 1..])
    } else {
        None
    }
}

/// Fails unless `value` is the bare base64 text of a PNG, JPEG, GIF, WebP or BMP file of at most
/// `max_bytes` bytes (when given).
///
/// Failures carry a `reason`: `data-uri`, `url`, `empty`; `line-breaks`, `url-safe` or
/// `unpadded` (base64 of another dialect, which [`normalize_base64`] turns into the SDK's);
/// `not-base64`; `not-image`; `broken-image` (a PNG, JPEG, GIF, WebP or BMP file that is cut short
/// or damaged, checked by [`check_structure`]); or `too-large`.
pub fn base64_image(value: &str, max_bytes: Option<usize>) -> Result<(), Failure> {
    if starts_with_ignore_case(value, "data:") {
        let prefix = value.find(',').map_or(value, |i| &value[..=i]);
        return Err(
            Failure::new(format!("starts with a `{}` prefix", quote(prefix)))
                .with_help("remove the prefix; the SDK expects the bare base64 text")
                .with_param("reason", "data-uri"),
        );
    }
    if starts_with_ignore_case(value, "http://") || starts_with_ignore_case(value, "https://") {
        return Err(
            Failure::new("is a URL; the SDK expects base64 image data, not a link")
                .with_help("download the image and put its base64 text here")
                .with_param("reason", "url"),
        );
    }
    if value.is_empty() {
        return Err(Failure::new("is empty").with_param("reason", "empty"));
    }
    // A magic number alone is not an image: the whole file is walked (DOMAIN.md), so a value
    // of a thumbnail's size is decoded whole — by base64-simd, whose decoding also validates it
    // in fewer instructions than the hand-written scan alone (callgrind, BENCHMARKS.md). Past
    // MAX_WALKED_BYTES the size is the problem (the size rules say so): the value is scanned and
    // its header read lazily, without holding its bytes twice.
    if value.len() / 4 * 3 <= MAX_WALKED_BYTES {
        return DECODED.with_borrow_mut(|buffer| {
            buffer.clear();
            let checked = match decode_into(value, buffer) {
                Some(bytes) => check_decoded(bytes, max_bytes),
                // The scan says what is wrong; it is the rule of validity, should the two
                // differ.
                None => match Base64::new(value) {
                    Err(bad) => Err(not_base64(value, bad)),
                    Ok(_) => check_decoded(&decode_prefix(value, usize::MAX), max_bytes),
                },
            };
            // Given back whatever the outcome: a refused value has grown the buffer too.
            if buffer.capacity() > KEPT_BUFFER_BYTES {
                *buffer = Vec::new();
            }
            checked
        });
    }
    let view = match Base64::new(value) {
        Ok(view) => view,
        Err(bad) => return Err(not_base64(value, bad)),
    };
    if sniff_in(&view).is_none() {
        return Err(not_image(view.len));
    }
    within(view.len, max_bytes)
}

/// The largest buffer of decoded bytes a thread keeps between thumbnails: one of the SDK's
/// largest (128 KiB); a larger one is freed after use.
const KEPT_BUFFER_BYTES: usize = 128 << 10;

std::thread_local! {
    /// Each thread's buffer for the bytes of the thumbnail it checks: decoding into memory
    /// already in the cache, without an allocation for each thumbnail (BENCHMARKS.md, issue 14's
    /// ninth session).
    static DECODED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `value`'s decoded bytes, written into `buffer`'s spare room (grown to fit; nothing is
/// zeroed first), or `None` when base64-simd refuses it.
fn decode_into<'b>(value: &str, buffer: &'b mut Vec<u8>) -> Option<&'b [u8]> {
    use base64_simd::AsOut;
    let needed = base64_simd::STANDARD
        .decoded_length(value.as_bytes())
        .ok()?;
    // Exactly: doubling would push a buffer past the size kept for a thumbnail a little larger
    // than the last.
    buffer.reserve_exact(needed);
    let decoded = base64_simd::STANDARD
        .decode(value.as_bytes(), buffer.spare_capacity_mut().as_out())
        .ok()?;
    Some(decoded)
}

/// The checks of decoded thumbnail bytes: an image of one of the five formats, well formed,
/// within `max_bytes`.
fn check_decoded(bytes: &[u8], max_bytes: Option<usize>) -> Result<(), Failure> {
    let Some(info) = sniff(bytes) else {
        return Err(not_image(bytes.len()));
    };
    if let Err(Defect(defect)) = check_structure(info.format, bytes) {
        return Err(
            Failure::new(format!("decodes to a {} that {defect}", info.format))
                .with_param("reason", "broken-image")
                .with_param("format", info.format.as_str()),
        );
    }
    within(bytes.len(), max_bytes)
}

/// Bytes that are no image file of the five formats.
fn not_image(len: usize) -> Failure {
    Failure::new(format!(
        "decodes to {} bytes that are not a PNG, JPEG, GIF, WebP or BMP image",
        thousands(len)
    ))
    .with_param("reason", "not-image")
    .with_param("actual", len)
}

/// `len` decoded bytes against the optional limit.
fn within(len: usize, max_bytes: Option<usize>) -> Result<(), Failure> {
    match max_bytes {
        Some(max) if len > max => Err(too_large(len, max).with_param("reason", "too-large")),
        _ => Ok(()),
    }
}

/// Fails when `value` decodes to more than `max` bytes. Passes when it is not valid base64:
/// [`base64_image`] reports that.
pub fn max_decoded_bytes(value: &str, max: usize) -> Result<(), Failure> {
    // Valid base64 of this length decodes to at most len / 4 * 3 bytes: most values are
    // settled without looking at them.
    if value.len() / 4 * 3 <= max {
        return Ok(());
    }
    match decoded_len(value) {
        Some(n) if n > max => Err(too_large(n, max)),
        _ => Ok(()),
    }
}

/// Fails when the image `value` decodes to is not `w`:`h` within 2%. Passes when the value is not
/// an image or its size is not in its header (the other rules report what they must).
pub fn aspect_ratio(value: &str, w: u32, h: u32) -> Result<(), Failure> {
    let Some(view) = Base64::lazy(value) else {
        return Ok(());
    };
    let Some(ImageInfo {
        width: Some(width),
        height: Some(height),
        ..
    }) = sniff_in(&view)
    else {
        return Ok(());
    };
    if width == 0 || height == 0 || w == 0 || h == 0 {
        return Ok(());
    }
    // width/height against w/h, cross-multiplied so nothing is divided; in f64 because the
    // products of two u32 overflow u32.
    let actual = f64::from(width) * f64::from(h);
    let wanted = f64::from(height) * f64::from(w);
    if (actual - wanted).abs() <= ASPECT_TOLERANCE * wanted {
        return Ok(());
    }
    Err(Failure::new(format!(
        "is {width}×{height} pixels ({}); {} is recommended",
        ratio(width, height),
        ratio(w, h)
    ))
    .with_param("width", width)
    .with_param("height", height)
    .with_param("limit", ratio(w, h)))
}

/// The schema of [`base64_image`]: the base64 pattern, `minLength` 4, and `maxLength` from the
/// size limit.
pub fn base64_image_schema(max_bytes: Option<usize>) -> Value {
    // The pattern is exact for the alphabet and padding, and with minLength it also rejects the
    // empty string, data: URIs and URLs. Not exact overall: whether the bytes are an image
    // cannot be said in JSON Schema, and maxLength is a sound relaxation of the decoded size
    // (a value of n bytes is 4·ceil(n/3) characters long).
    let mut schema = json!({
        "pattern": BASE64_PATTERN,
        "minLength": 4,
        "contentEncoding": "base64",
    });
    if let Some(max) = max_bytes {
        schema["maxLength"] = json!(encoded_len(max));
    }
    schema
}

/// The schema of [`max_decoded_bytes`]: `{"maxLength": 4 * ceil(max / 3)}`.
pub fn max_decoded_bytes_schema(max: usize) -> Value {
    // A relaxation, not exact: base64 of at most `max` bytes is at most this long, but up to two
    // bytes more can fit in the same length. It also rejects long values that are not base64 at
    // all, which this rule lets through; that is sound only beside `base64_image`, which rejects
    // them anyway (as every thumbnail field has it).
    json!({ "maxLength": encoded_len(max) })
}

/// Padded standard base64, as an ECMA-262 regex.
const BASE64_PATTERN: &str = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";

/// The length of the padded base64 text of `n` bytes.
fn encoded_len(n: usize) -> usize {
    n.div_ceil(3).saturating_mul(4)
}

fn too_large(actual: usize, max: usize) -> Failure {
    Failure::new(format!(
        "decodes to {} bytes; at most {} are allowed",
        thousands(actual),
        thousands(max)
    ))
    .with_param("actual", actual)
    .with_param("limit", max)
}

/// `w:h` in lowest terms.
fn ratio(w: u32, h: u32) -> String {
    let (mut a, mut b) = (w, h);
    while b != 0 {
        (a, b) = (b, a % b);
    }
    let g = a.max(1);
    format!("{}:{}", w / g, h / g)
}

fn starts_with_ignore_case(value: &str, prefix: &str) -> bool {
    value
        .as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `value` in the SDK's base64 — line breaks and other whitespace removed, the URL-safe `-` and
/// `_` mapped to `+` and `/`, `=` padding added — when that makes it valid padded standard base64
/// of the same bytes (what Android's lenient decoder reads); `None` otherwise, or when `value`
/// already is.
pub fn normalize_base64(value: &str) -> Option<String> {
    Dialect::scan(value).map(|d| d.standard)
}

/// What one pass over a text in another dialect of base64 finds.
struct Dialect {
    /// The same bytes in padded standard base64.
    standard: String,
    /// The byte offset of the first whitespace, if any.
    first_space: Option<usize>,
    /// Whether everything from the first whitespace on is whitespace.
    trailing: bool,
    /// `-` or `_` seen.
    url_safe: bool,
    /// Padding had to be added.
    unpadded: bool,
}

impl Dialect {
    /// `None` unless the result is valid padded standard base64 that differs from `value`.
    ///
    /// A base64 thumbnail is tens of kilobytes, and a corpus may hold hundreds in another
    /// dialect: the line breaks are found with SIMD (`memchr`) and the runs between them copied
    /// whole, the URL-safe bytes mapped in a loop the compiler vectorizes. The first version, a
    /// byte-by-byte loop, cost 13% of the instructions of the 10,000-file run (BENCHMARKS.md).
    fn scan(value: &str) -> Option<Dialect> {
        let bytes = value.as_bytes();
        // Tabs and form feeds are as rare as they are whitespace: a text holding one is taken
        // byte by byte below, with the same result.
        let odd_space = memchr::memchr2(b'\t', 0x0c, bytes).is_some();
        let mut out: Vec<u8> = Vec::with_capacity(bytes.len() + 2);
        let mut first_space = None;
        if odd_space {
            out.extend(bytes.iter().copied().filter(|b| !b.is_ascii_whitespace()));
            first_space = bytes.iter().position(u8::is_ascii_whitespace);
        } else {
            let mut from = 0;
            for at in memchr::memchr3_iter(b'\n', b'\r', b' ', bytes) {
                first_space.get_or_insert(at);
                out.extend_from_slice(&bytes[from..at]);
                from = at + 1;
            }
            out.extend_from_slice(&bytes[from..]);
        }
        let url_safe = memchr::memchr2(b'-', b'_', &out).is_some();
        if url_safe {
            for b in &mut out {
                *b = match *b {
                    b'-' => b'+',
                    b'_' => b'/',
                    other => other,
                };
            }
        }
        let n = out.len();
        let skipped = bytes.len() - n;
        let unpadded = !n.is_multiple_of(4);
        match n % 4 {
            2 => out.extend_from_slice(b"=="),
            3 => out.push(b'='),
            _ => {}
        }
        let standard = String::from_utf8(out).ok()?;
        if standard == value || decoded_len(&standard).is_none() {
            return None;
        }
        Some(Dialect {
            standard,
            first_space,
            trailing: first_space.is_some_and(|i| skipped == bytes.len() - i),
            url_safe,
            unpadded,
        })
    }
}

/// The dialect `value` is written in, when [`normalize_base64`] can turn it into the SDK's: its
/// differences, first the one that names the reason.
fn dialect(value: &str) -> Option<Failure> {
    let d = Dialect::scan(value)?;
    let mut found: Vec<(&str, String)> = Vec::new();
    if let Some(i) = d.first_space {
        let what = match (d.trailing, matches!(value.as_bytes()[i], b'\n' | b'\r')) {
            (true, true) => "ends with a line break".to_owned(),
            (true, false) => "ends with a space".to_owned(),
            (false, true) => format!(
                "is broken into lines (the first line break is at byte {})",
                thousands(i)
            ),
            (false, false) => format!("holds a space at byte {}", thousands(i)),
        };
        found.push(("line-breaks", what));
    }
    if d.url_safe {
        found.push((
            "url-safe",
            "is written in the URL-safe alphabet (`-` and `_`) instead of the standard one (`+` and `/`)".to_owned(),
        ));
    }
    if d.unpadded {
        found.push(("unpadded", "lacks its `=` padding".to_owned()));
    }
    let (reason, _) = *found.first()?;
    let message = found
        .iter()
        .map(|(_, m)| m.as_str())
        .collect::<Vec<_>>()
        .join(", and ");
    Some(
        Failure::new(format!(
            "{message}: iOS decodes only one unbroken line of padded standard base64"
        ))
        .with_help("the fix rewrites it as one line of padded standard base64 of the same bytes")
        .with_param("reason", reason),
    )
}

fn not_base64(value: &str, bad: Bad) -> Failure {
    // Another dialect shows first as a byte of its own (whitespace, `-`, `_`) or as a length
    // that padding would complete; misplaced padding never is one.
    let maybe_dialect = match bad {
        Bad::Char(i) => matches!(
            value.as_bytes()[i],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'-' | b'_'
        ),
        Bad::Length(_) => true,
        Bad::Padding(_) => false,
    };
    if let Some(dialect) = maybe_dialect.then(|| dialect(value)).flatten() {
        return dialect;
    }
    // With SIMD (`memchr`): a thumbnail is tens of kilobytes, and these two searches, a byte at
    // a time, cost 2.3 M of the 92 M instructions of 1,000 files (BENCHMARKS.md).
    let bytes = value.as_bytes();
    let has_whitespace = memchr::memchr3(b' ', b'\n', b'\r', bytes)
        .or_else(|| memchr::memchr2(b'\t', 0x0c, bytes))
        .is_some();
    let url_safe = memchr::memchr2(b'-', b'_', bytes).is_some();
    let mut message = String::from("is not valid base64: ");
    let offset = match bad {
        Bad::Char(i) => {
            let c = value[i..].chars().next().unwrap_or('\u{FFFD}');
            let what = match c {
                ' ' => "a space".to_owned(),
                '\n' | '\r' => "a line break".to_owned(),
                '\t' => "a tab".to_owned(),
                c => format!("`{}`", c.escape_debug()),
            };
            message.push_str(&format!("{what} at byte {}", thousands(i)));
            i
        }
        Bad::Padding(i) => {
            message.push_str(&format!(
                "padding `=` at byte {} before the end",
                thousands(i)
            ));
            i
        }
        Bad::Length(n) => {
            message.push_str(&format!("length {} is not a multiple of 4", thousands(n)));
            n
        }
    };
    let mut help = Vec::new();
    if has_whitespace {
        message.push_str("; it contains spaces or line breaks");
        help.push("remove the spaces and line breaks: the SDK expects one unbroken line");
    }
    if url_safe {
        message.push_str("; it looks like URL-safe base64");
        help.push("use the standard alphabet: replace `-` with `+` and `_` with `/`, and pad with `=` to a multiple of 4 characters");
    }
    if help.is_empty() && matches!(bad, Bad::Length(_)) {
        help.push("padded base64 is a multiple of 4 characters long; the text may be cut off or lack its `=` padding");
    }
    let mut failure = Failure::new(message)
        .with_param("reason", "not-base64")
        .with_param("actual", offset);
    if !help.is_empty() {
        failure = failure.with_help(help.join("; "));
    }
    failure
}

#[cfg(test)]
mod tests {
    use super::test_images::*;
    use super::*;

    fn reason(r: Result<(), Failure>) -> String {
        let f = r.expect_err("should fail");
        f.param("reason")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    }

    fn param(f: &Failure, name: &str) -> Value {
        f.param(name).cloned().unwrap_or(Value::Null)
    }
    #[test]
    fn strip_data_uri_returns_the_base64_part() {
        assert_eq!(strip_data_uri("data:image/png;base64,iVBO"), Some("iVBO"));
        assert_eq!(strip_data_uri("DATA:image/png;BASE64,iVBO"), Some("iVBO"));
        assert_eq!(strip_data_uri("data:;base64,"), Some(""));
        assert_eq!(strip_data_uri("data:image/svg+xml,%3Csvg"), None);
        assert_eq!(strip_data_uri("data:image/png;base64"), None);
        assert_eq!(strip_data_uri("iVBORw0KGgo="), None);
        assert_eq!(strip_data_uri("dat"), None);
        assert_eq!(strip_data_uri("数据:x;base64,AAAA"), None);
        // Non-ASCII media types must not split a character.
        assert_eq!(strip_data_uri("data:例例例,AAAA"), None);
        assert_eq!(strip_data_uri("data:例;base64,AAAA"), Some("AAAA"));
        assert_eq!(reason(base64_image("data:例例例,AAAA", None)), "data-uri");
    }

    #[test]
    fn base64_image_accepts_images_within_the_limit() {
        let gif = b64(GIF_1X1);
        assert_eq!(base64_image(&gif, None), Ok(()));
        assert_eq!(base64_image(&gif, Some(43)), Ok(()));
        let f = base64_image(&gif, Some(42)).unwrap_err();
        assert_eq!(f.message, "decodes to 43 bytes; at most 42 are allowed");
        assert_eq!(param(&f, "reason"), json!("too-large"));
        assert_eq!(param(&f, "actual"), json!(43));
        assert_eq!(param(&f, "limit"), json!(42));

        let big = real(image::ImageFormat::Png, 200, 120, true);
        assert!(big.len() > 65_536);
        let f = base64_image(&b64(&big), Some(65_536)).unwrap_err();
        assert_eq!(
            f.message,
            format!(
                "decodes to {} bytes; at most 65,536 are allowed",
                thousands(big.len())
            )
        );
    }

    #[test]
    fn base64_image_reasons_in_order() {
        let png = b64(&real(image::ImageFormat::Png, 1, 1, false));
        assert_eq!(base64_image(&png, None), Ok(()));

        let f = base64_image(&format!("data:image/png;base64,{png}"), None).unwrap_err();
        assert_eq!(f.message, "starts with a `data:image/png;base64,` prefix");
        assert_eq!(
            f.help.as_deref(),
            Some("remove the prefix; the SDK expects the bare base64 text")
        );
        assert_eq!(reason(base64_image("Data:whatever", None)), "data-uri");
        let long = format!("data:{}", "x".repeat(100));
        let f = base64_image(&long, None).unwrap_err();
        assert!(f.message.ends_with("…` prefix"), "{}", f.message);

        let f = base64_image("https://example.com/a.png", None).unwrap_err();
        assert_eq!(
            f.message,
            "is a URL; the SDK expects base64 image data, not a link"
        );
        assert_eq!(reason(base64_image("HTTP://x", None)), "url");

        assert_eq!(reason(base64_image("", None)), "empty");
        assert_eq!(reason(base64_image("Zm9v!", None)), "not-base64");

        let text = b64(&[b'x'; 1234]);
        let f = base64_image(&text, Some(10)).unwrap_err();
        assert_eq!(
            f.message,
            "decodes to 1,234 bytes that are not a PNG, JPEG, GIF, WebP or BMP image"
        );
        assert_eq!(param(&f, "reason"), json!("not-image"));
    }

    #[test]
    fn not_base64_messages_say_what_is_wrong() {
        // Another dialect of base64 (normalize_base64 turns it into the SDK's): said as such.
        let f = base64_image("Zm9v-mFy", None).unwrap_err();
        assert_eq!(
            f.message,
            "is written in the URL-safe alphabet (`-` and `_`) instead of the standard one (`+` \
             and `/`): iOS decodes only one unbroken line of padded standard base64"
        );
        assert_eq!(param(&f, "reason"), json!("url-safe"));
        let f = base64_image("Zm9v\nYmFy", None).unwrap_err();
        assert_eq!(param(&f, "reason"), json!("line-breaks"));
        // Not base64 in any dialect: where it breaks, with hints.
        let f = base64_image("Zm9v-mF!", None).unwrap_err();
        assert_eq!(
            f.message,
            "is not valid base64: `-` at byte 4; it looks like URL-safe base64"
        );
        assert!(f.help.unwrap().contains("replace `-` with `+`"));
        let f = base64_image("Zm9v\nYmF!", None).unwrap_err();
        assert_eq!(
            f.message,
            "is not valid base64: a line break at byte 4; it contains spaces or line breaks"
        );
        assert!(f
            .help
            .unwrap()
            .contains("remove the spaces and line breaks"));
        // Every ASCII whitespace byte, and `-` or `_`, wherever they are in a long text: the
        // hints are searched for in the whole of it.
        for pad in [0, 100, 5000] {
            for b in 0u8..128 {
                let mut text = "A".repeat(pad) + "!";
                text.push(char::from(b));
                text.push_str(&"A".repeat(pad));
                let Err(f) = base64_image(&text, None) else {
                    continue;
                };
                let said = |hint: &str| f.message.contains(hint);
                assert_eq!(
                    said("it contains spaces or line breaks"),
                    b.is_ascii_whitespace(),
                    "{b:#x} {pad}: {}",
                    f.message
                );
                assert_eq!(
                    said("it looks like URL-safe base64"),
                    b == b'-' || b == b'_',
                    "{b:#x} {pad}: {}",
                    f.message
                );
            }
        }

        let f = base64_image("Zm9vY", None).unwrap_err();
        assert_eq!(
            f.message,
            "is not valid base64: length 5 is not a multiple of 4"
        );
        assert!(f.help.is_some());

        let f = base64_image("Zg==Zm9v", None).unwrap_err();
        assert_eq!(
            f.message,
            "is not valid base64: padding `=` at byte 2 before the end"
        );
        let f = base64_image("Z===", None).unwrap_err();
        assert_eq!(
            f.message,
            "is not valid base64: padding `=` at byte 1 before the end"
        );

        let f = base64_image("Zm9v例", None).unwrap_err();
        assert_eq!(f.message, "is not valid base64: `例` at byte 4");
        let f = base64_image("Zm9v\u{0}", None).unwrap_err();
        assert_eq!(f.message, "is not valid base64: `\\0` at byte 4");
    }

    #[test]
    fn max_decoded_bytes_boundary() {
        let at = b64(&[0; 65_536]);
        assert_eq!(max_decoded_bytes(&at, 65_536), Ok(()));
        let over = b64(&[0; 65_537]);
        let f = max_decoded_bytes(&over, 65_536).unwrap_err();
        assert_eq!(
            f.message,
            "decodes to 65,537 bytes; at most 65,536 are allowed"
        );
        // Sizes whose base64 has the same length are told apart by the padding.
        assert!(max_decoded_bytes(&b64(&[0; 65_535]), 65_535).is_ok());
        assert!(max_decoded_bytes(&b64(&[0; 65_535]), 65_534).is_err());
        assert!(max_decoded_bytes(&b64(&[0; 65_534]), 65_534).is_ok());
        // Not base64: passes (base64_image reports it).
        assert!(max_decoded_bytes(&"!".repeat(100_000), 10).is_ok());
        assert!(max_decoded_bytes("", 0).is_ok());
    }

    #[test]
    fn aspect_ratio_within_two_percent() {
        let ok = |w, h| aspect_ratio(&b64(&png(w, h)), 5, 4);
        assert_eq!(ok(500, 400), Ok(()));
        assert_eq!(ok(510, 400), Ok(()));
        assert_eq!(ok(490, 400), Ok(()));
        assert!(ok(511, 400).is_err());
        assert!(ok(489, 400).is_err());
        let f = ok(120, 120).unwrap_err();
        assert_eq!(f.message, "is 120×120 pixels (1:1); 5:4 is recommended");
        assert_eq!(param(&f, "width"), json!(120));
        assert_eq!(param(&f, "height"), json!(120));

        // JPEG with the frame header far from the start.
        let j = b64(&jpeg(0xC0, 1000, 1000, 100_000));
        assert!(aspect_ratio(&j, 5, 4).is_err());
        assert!(aspect_ratio(&j, 1, 1).is_ok());

        // Unknown size, not an image, not base64: nothing to say.
        assert!(aspect_ratio(&b64(b"\xFF\xD8\xFF\xDA\x00\x02"), 5, 4).is_ok());
        assert!(aspect_ratio(&b64(b"not an image"), 5, 4).is_ok());
        assert!(aspect_ratio("%%%", 5, 4).is_ok());
        assert!(aspect_ratio(&b64(&png(0, 0)), 5, 4).is_ok());
        assert!(aspect_ratio(&b64(&png(u32::MAX, 1)), 5, 4).is_err());
    }

    #[test]
    fn schema_pattern_agrees_with_decoded_len() {
        let schema = base64_image_schema(Some(4));
        assert_eq!(schema["maxLength"], json!(8));
        assert_eq!(schema["minLength"], json!(4));
        assert_eq!(base64_image_schema(None).get("maxLength"), None);
        assert_eq!(
            max_decoded_bytes_schema(65_536),
            json!({"maxLength": 87_384})
        );
        assert_eq!(max_decoded_bytes_schema(0), json!({"maxLength": 0}));

        let re = regex::Regex::new(schema["pattern"].as_str().unwrap()).unwrap();
        let alphabet = ["A", "z", "0", "+", "/", "=", "-", "_", " ", "\n", "例"];
        let mut x: u64 = 88_172_645_463_325_252;
        for _ in 0..3000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = x % 10;
            let mut s = String::new();
            let mut y = x;
            for _ in 0..len {
                y = y.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                s.push_str(alphabet[(y >> 33) as usize % alphabet.len()]);
            }
            assert_eq!(re.is_match(&s), decoded_len(&s).is_some(), "{s:?}");
            // maxLength is sound: whatever fits the size limit fits the length limit.
            if let Some(n) = decoded_len(&s) {
                for max in 0..8 {
                    if n <= max {
                        assert!(s.chars().count() <= encoded_len(max), "{s:?} {max}");
                    }
                }
            }
        }
    }

    #[test]
    fn rules_never_panic_on_truncated_or_garbled_images() {
        for bytes in truncated_and_garbled() {
            let text = b64(&bytes);
            let _ = aspect_ratio(&text, 5, 4);
            let _ = base64_image(&text, Some(10));
            let _ = max_decoded_bytes(&text, 10);
        }
    }
}
