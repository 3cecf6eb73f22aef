//! Thumbnail rules: `thumbImage` is the base64 text (standard alphabet, padded) of a PNG, JPEG,
//! GIF, WebP or BMP file, with no `data:` prefix, within a decoded size, ideally 5:4; plus the
//! base64 and image-header helpers behind them and their JSON Schema.
//!
//! Everything works on the text as given: validity is one pass over its bytes, the decoded size
//! is arithmetic, and the image header is read by decoding only the few base64 quads that hold
//! the bytes looked at, so a large thumbnail is never decoded as a whole.
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

use super::{thousands, Failure};
use serde_json::{json, Value};
use std::fmt;

/// How much of a value a message quotes.
const QUOTE_CHARS: usize = 60;

/// Most JPEG segments walked looking for the frame header; real files have a few dozen.
const MAX_JPEG_SEGMENTS: usize = 1024;

/// The aspect-ratio tolerance: 2%.
const ASPECT_TOLERANCE: f64 = 0.02;

/// An image file format the SDK accepts as a thumbnail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    /// PNG.
    Png,
    /// JPEG (JFIF or Exif).
    Jpeg,
    /// GIF (87a or 89a).
    Gif,
    /// WebP (lossy, lossless or extended).
    WebP,
    /// Windows bitmap.
    Bmp,
}

impl ImageFormat {
    /// The format's usual name: `PNG`, `JPEG`, `GIF`, `WebP`, `BMP`.
    pub fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Png => "PNG",
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Gif => "GIF",
            ImageFormat::WebP => "WebP",
            ImageFormat::Bmp => "BMP",
        }
    }
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an image file's header says: its format and, when the header holds them, its size in
/// pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    /// The file format.
    pub format: ImageFormat,
    /// Width in pixels, if found.
    pub width: Option<u32>,
    /// Height in pixels, if found.
    pub height: Option<u32>,
}

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

/// Recognizes an image file by its magic number and reads its size from the header: PNG `IHDR`,
/// GIF logical screen, BMP info header, WebP `VP8 `/`VP8L`/`VP8X` chunk, JPEG frame header
/// (`SOFn`). `None` when `bytes` starts like none of them. Never panics, whatever the input.
pub fn sniff(bytes: &[u8]) -> Option<ImageInfo> {
    sniff_in(&bytes)
}

/// Fails unless `value` is the bare base64 text of a PNG, JPEG, GIF, WebP or BMP file of at most
/// `max_bytes` bytes (when given).
///
/// Failures carry a `reason`: `data-uri`, `url`, `empty`, `not-base64`, `not-image` or
/// `too-large`.
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
    let view = match Base64::new(value) {
        Ok(view) => view,
        Err(bad) => return Err(not_base64(value, bad)),
    };
    if sniff_in(&view).is_none() {
        return Err(Failure::new(format!(
            "decodes to {} bytes that are not a PNG, JPEG, GIF, WebP or BMP image",
            thousands(view.len)
        ))
        .with_param("reason", "not-image")
        .with_param("actual", view.len));
    }
    match max_bytes {
        Some(max) if view.len > max => {
            Err(too_large(view.len, max).with_param("reason", "too-large"))
        }
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

/// At most [`QUOTE_CHARS`] characters of `s`, with `…` when cut.
fn quote(s: &str) -> String {
    match s.char_indices().nth(QUOTE_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

// ---- base64 ----

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
enum Bad {
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
    if b.len() % 4 != 0 {
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

fn not_base64(value: &str, bad: Bad) -> Failure {
    let has_whitespace = value.bytes().any(|b| b.is_ascii_whitespace());
    let url_safe = value.bytes().any(|b| b == b'-' || b == b'_');
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

// ---- random access to bytes, decoded or not ----

/// Bytes the header readers can look at by offset.
trait Bytes {
    /// The byte at `i`, if there is one.
    fn at(&self, i: usize) -> Option<u8>;

    fn u16_be(&self, i: usize) -> Option<u16> {
        Some(u16::from_be_bytes([self.at(i)?, self.at(i + 1)?]))
    }

    fn u16_le(&self, i: usize) -> Option<u16> {
        Some(u16::from_le_bytes([self.at(i)?, self.at(i + 1)?]))
    }

    fn u32_be(&self, i: usize) -> Option<u32> {
        Some(u32::from_be_bytes([
            self.at(i)?,
            self.at(i + 1)?,
            self.at(i + 2)?,
            self.at(i + 3)?,
        ]))
    }

    fn u32_le(&self, i: usize) -> Option<u32> {
        Some(u32::from_le_bytes([
            self.at(i)?,
            self.at(i + 1)?,
            self.at(i + 2)?,
            self.at(i + 3)?,
        ]))
    }

    fn u24_le(&self, i: usize) -> Option<u32> {
        Some(u32::from_le_bytes([
            self.at(i)?,
            self.at(i + 1)?,
            self.at(i + 2)?,
            0,
        ]))
    }

    /// Whether the bytes at `i` are `expected`.
    fn has(&self, i: usize, expected: &[u8]) -> bool {
        expected
            .iter()
            .enumerate()
            .all(|(k, &e)| self.at(i + k) == Some(e))
    }
}

impl Bytes for &[u8] {
    fn at(&self, i: usize) -> Option<u8> {
        self.get(i).copied()
    }
}

/// Validated base64 text, read as the bytes it decodes to without decoding all of it.
struct Base64<'a> {
    text: &'a [u8],
    len: usize,
}

impl<'a> Base64<'a> {
    fn new(value: &'a str) -> Result<Self, Bad> {
        let len = scan(value.as_bytes())?;
        Ok(Base64 {
            text: value.as_bytes(),
            len,
        })
    }

    /// A view that validates only the quads it reads (each read checks its four characters):
    /// for rules that look at an image's header and leave validating the whole text to
    /// [`base64_image`], so a thumbnail is scanned once, not once per rule.
    fn lazy(value: &'a str) -> Option<Self> {
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

// ---- image headers ----

fn sniff_in(b: &impl Bytes) -> Option<ImageInfo> {
    let info = |format, width: Option<u32>, height: Option<u32>| {
        Some(ImageInfo {
            format,
            width,
            height,
        })
    };
    if b.has(0, b"\x89PNG\r\n\x1a\n") {
        // The first chunk must be IHDR: length 13, type, width, height (big-endian).
        let (w, h) = if b.has(12, b"IHDR") {
            (b.u32_be(16), b.u32_be(20))
        } else {
            (None, None)
        };
        return info(ImageFormat::Png, w, h);
    }
    if b.has(0, b"GIF87a") || b.has(0, b"GIF89a") {
        let w = b.u16_le(6).map(u32::from);
        let h = b.u16_le(8).map(u32::from);
        return info(ImageFormat::Gif, w, h);
    }
    if b.has(0, b"\xFF\xD8\xFF") {
        let (w, h) = jpeg_size(b).unzip();
        return info(ImageFormat::Jpeg, w, h);
    }
    if b.has(0, b"RIFF") && b.has(8, b"WEBP") {
        let (w, h) = webp_size(b).unzip();
        return info(ImageFormat::WebP, w, h);
    }
    if b.has(0, b"BM") {
        // "BM" alone is too common a start; require a known info-header size as well.
        return match b.u32_le(14)? {
            12 => info(
                ImageFormat::Bmp,
                b.u16_le(18).map(u32::from),
                b.u16_le(20).map(u32::from),
            ),
            40 | 52 | 56 | 64 | 108 | 124 => {
                // Signed: a negative height means the rows are stored top-down.
                let w = b.u32_le(18).map(|v| (v as i32).unsigned_abs());
                let h = b.u32_le(22).map(|v| (v as i32).unsigned_abs());
                info(ImageFormat::Bmp, w, h)
            }
            _ => None,
        };
    }
    None
}

/// The canvas size from the first chunk of a WebP file.
fn webp_size(b: &impl Bytes) -> Option<(u32, u32)> {
    if b.has(12, b"VP8 ") {
        // Lossy: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
        if !b.has(23, b"\x9D\x01\x2A") {
            return None;
        }
        let w = u32::from(b.u16_le(26)? & 0x3FFF);
        let h = u32::from(b.u16_le(28)? & 0x3FFF);
        Some((w, h))
    } else if b.has(12, b"VP8L") {
        // Lossless: signature 0x2F, then width-1 and height-1 as 14-bit fields, LSB first.
        if b.at(20)? != 0x2F {
            return None;
        }
        let bits = b.u32_le(21)?;
        Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
    } else if b.has(12, b"VP8X") {
        // Extended: 4 bytes of flags, then canvas width-1 and height-1 as 24-bit fields.
        Some((b.u24_le(24)? + 1, b.u24_le(27)? + 1))
    } else {
        None
    }
}

/// The size in the first frame header (SOFn) of a JPEG file.
fn jpeg_size(b: &impl Bytes) -> Option<(u32, u32)> {
    let mut i = 2;
    for _ in 0..MAX_JPEG_SEGMENTS {
        if b.at(i)? != 0xFF {
            return None;
        }
        // Any number of 0xFF fill bytes may precede a marker.
        while b.at(i + 1)? == 0xFF {
            i += 1;
        }
        let marker = b.at(i + 1)?;
        match marker {
            // Standalone markers: no length.
            0x01 | 0xD0..=0xD7 => {
                i += 2;
                continue;
            }
            // Scan data or end of image before any frame header: no size to find.
            0xD9 | 0xDA => return None,
            _ => {}
        }
        let len = usize::from(b.u16_be(i + 2)?);
        if len < 2 {
            return None;
        }
        // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            // Length, precision, then height and width.
            let h = u32::from(b.u16_be(i + 5)?);
            let w = u32::from(b.u16_be(i + 7)?);
            return Some((w, h));
        }
        i = i.checked_add(2 + len)?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Test-only standard padded base64 encoder.
    fn b64(bytes: &[u8]) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.len();
            let v = u32::from(chunk[0]) << 16
                | u32::from(*chunk.get(1).unwrap_or(&0)) << 8
                | u32::from(*chunk.get(2).unwrap_or(&0));
            for k in 0..4 {
                if k <= n {
                    out.push(char::from(A[(v >> (18 - 6 * k)) as usize & 63]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    fn reason(r: Result<(), Failure>) -> String {
        let f = r.expect_err("should fail");
        f.params
            .iter()
            .find(|(k, _)| *k == "reason")
            .and_then(|(_, v)| v.as_str())
            .unwrap_or("")
            .to_owned()
    }

    fn param(f: &Failure, name: &str) -> Value {
        f.params
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or(Value::Null)
    }

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut v = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
        v.extend_from_slice(&w.to_be_bytes());
        v.extend_from_slice(&h.to_be_bytes());
        v.extend_from_slice(&[8, 6, 0, 0, 0, 0x12, 0x34, 0x56, 0x78]);
        v
    }

    const GIF_1X1: &[u8] = &[
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF,
        0xFF, 0x00, 0x00, 0x00, 0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00,
        0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    fn bmp(w: i32, h: i32) -> Vec<u8> {
        let mut v = b"BM".to_vec();
        v.extend_from_slice(&[0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]);
        v.extend_from_slice(&40u32.to_le_bytes());
        v.extend_from_slice(&w.to_le_bytes());
        v.extend_from_slice(&h.to_le_bytes());
        v.extend_from_slice(&[1, 0, 24, 0]);
        v.extend_from_slice(&[0; 24]);
        v
    }

    fn riff(chunk: &[u8]) -> Vec<u8> {
        let mut v = b"RIFF".to_vec();
        v.extend_from_slice(&(4 + chunk.len() as u32).to_le_bytes());
        v.extend_from_slice(b"WEBP");
        v.extend_from_slice(chunk);
        v
    }

    fn webp_vp8x(w: u32, h: u32) -> Vec<u8> {
        let mut c = b"VP8X\x0a\x00\x00\x00\x10\x00\x00\x00".to_vec();
        c.extend_from_slice(&(w - 1).to_le_bytes()[..3]);
        c.extend_from_slice(&(h - 1).to_le_bytes()[..3]);
        riff(&c)
    }

    fn webp_vp8l(w: u32, h: u32) -> Vec<u8> {
        let mut c = b"VP8L\x05\x00\x00\x00\x2f".to_vec();
        let bits = (w - 1) | (h - 1) << 14;
        c.extend_from_slice(&bits.to_le_bytes());
        riff(&c)
    }

    fn webp_vp8(w: u16, h: u16) -> Vec<u8> {
        let mut c = b"VP8 \x0a\x00\x00\x00\x50\x02\x00\x9d\x01\x2a".to_vec();
        c.extend_from_slice(&w.to_le_bytes());
        c.extend_from_slice(&h.to_le_bytes());
        riff(&c)
    }

    /// A JPEG with APP0, an optional padding segment of `filler` bytes, DHT, then `sof`.
    fn jpeg(sof: u8, w: u16, h: u16, filler: usize) -> Vec<u8> {
        let mut v = vec![0xFF, 0xD8];
        v.extend_from_slice(b"\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00");
        let mut left = filler;
        while left > 0 {
            let n = left.min(65_533);
            v.extend_from_slice(&[0xFF, 0xE1]);
            v.extend_from_slice(&((n + 2) as u16).to_be_bytes());
            v.extend(std::iter::repeat_n(0xAB, n));
            left -= n;
        }
        // A DHT segment: shares the C0–CF range but is no frame header.
        v.extend_from_slice(&[0xFF, 0xC4, 0x00, 0x06, 0x00, 0x01, 0x02, 0x03]);
        // Fill bytes before a marker are allowed.
        v.extend_from_slice(&[0xFF, 0xFF, sof, 0x00, 0x11, 0x08]);
        v.extend_from_slice(&h.to_be_bytes());
        v.extend_from_slice(&w.to_be_bytes());
        v.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        v.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9]);
        v
    }

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
    fn sniffs_every_format_with_its_size() {
        let cases: Vec<(Vec<u8>, ImageFormat, u32, u32)> = vec![
            (png(300, 240), ImageFormat::Png, 300, 240),
            (GIF_1X1.to_vec(), ImageFormat::Gif, 1, 1),
            (bmp(5, -4), ImageFormat::Bmp, 5, 4),
            (bmp(640, 512), ImageFormat::Bmp, 640, 512),
            (webp_vp8x(1000, 800), ImageFormat::WebP, 1000, 800),
            (webp_vp8x(16_777_216, 1), ImageFormat::WebP, 16_777_216, 1),
            (webp_vp8l(500, 400), ImageFormat::WebP, 500, 400),
            (webp_vp8l(16_384, 16_384), ImageFormat::WebP, 16_384, 16_384),
            (webp_vp8(250, 200), ImageFormat::WebP, 250, 200),
            (jpeg(0xC0, 120, 96, 0), ImageFormat::Jpeg, 120, 96),
            (jpeg(0xC2, 1920, 1080, 0), ImageFormat::Jpeg, 1920, 1080),
            (jpeg(0xC1, 7, 9, 100_000), ImageFormat::Jpeg, 7, 9),
        ];
        for (bytes, format, w, h) in cases {
            let want = Some(ImageInfo {
                format,
                width: Some(w),
                height: Some(h),
            });
            assert_eq!(sniff(&bytes), want, "{format:?} {w}×{h}");
            // The same through the base64 view, without decoding everything.
            let text = b64(&bytes);
            let view = Base64::new(&text).unwrap();
            assert_eq!(sniff_in(&view), want, "base64 {format:?} {w}×{h}");
        }
    }

    #[test]
    fn sniff_rejects_other_data_and_tolerates_truncation() {
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"hello world, this is text"), None);
        assert_eq!(sniff(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), None);
        assert_eq!(sniff(b"BM and some text that happens to start so"), None);
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVEfmt "), None);
        // A JPEG whose scan starts before any frame header has no size.
        let j = sniff(b"\xFF\xD8\xFF\xDA\x00\x02").unwrap();
        assert_eq!((j.format, j.width), (ImageFormat::Jpeg, None));
        // A hostile segment length of 0 or 1 stops the walk.
        let j = sniff(b"\xFF\xD8\xFF\xE0\x00\x00\xFF\xC0").unwrap();
        assert_eq!(j.width, None);

        let images = [
            png(3, 4),
            GIF_1X1.to_vec(),
            bmp(3, 4),
            webp_vp8x(3, 4),
            webp_vp8l(3, 4),
            webp_vp8(3, 4),
            jpeg(0xC0, 3, 4, 10),
        ];
        for image in &images {
            for cut in 0..image.len() {
                let _ = sniff(&image[..cut]);
                let text = b64(&image[..cut]);
                let _ = aspect_ratio(&text, 5, 4);
                let _ = base64_image(&text, Some(10));
            }
        }
        // Pseudo-random bytes behind each magic number.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for round in 0..2000 {
            let mut bytes = images[round % images.len()][..4].to_vec();
            for _ in 0..(round % 64) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                bytes.push(x as u8);
            }
            let _ = sniff(&bytes);
            let _ = aspect_ratio(&b64(&bytes), 5, 4);
        }
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

        let big = jpeg(0xC0, 500, 400, 70_000);
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
        let png = b64(&png(1, 1));
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
        let f = base64_image("Zm9v-mFy", None).unwrap_err();
        assert_eq!(
            f.message,
            "is not valid base64: `-` at byte 4; it looks like URL-safe base64"
        );
        assert!(f.help.unwrap().contains("replace `-` with `+`"));

        let f = base64_image("Zm9v\nYmFy", None).unwrap_err();
        assert_eq!(
            f.message,
            "is not valid base64: a line break at byte 4; it contains spaces or line breaks"
        );
        assert!(f
            .help
            .unwrap()
            .contains("remove the spaces and line breaks"));

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
    fn format_names() {
        assert_eq!(ImageFormat::WebP.as_str(), "WebP");
        assert_eq!(ImageFormat::Jpeg.to_string(), "JPEG");
    }
}
