//! Whether decoded thumbnail bytes are a complete, well-formed image file, checked by walking the
//! format's structure without decoding a pixel (DOMAIN.md, "thumbnails"): one file per format —
//! `png.rs` (signature, `IHDR` first, chunk CRCs, `IEND` last), `jpeg.rs` (SOI, a frame header
//! before the scan, EOI), `gif.rs` (header, logical screen, blocks to the trailer), `webp.rs`
//! (RIFF size, a `VP8 `/`VP8L`/`VP8X` chunk) and `bmp.rs` (file size and DIB header).
//!
//! Each walk is bounded: every step moves forward by at least one byte, so time is linear in the
//! size and nothing is allocated. A defect is said in a user's words, with what to do.

use super::header::ImageFormat;

/// What is wrong with an image file, in a user's words (completes "is a PNG that …").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Defect(pub String);

impl Defect {
    /// The file ends before `what`: the usual copy or export cut short.
    pub(super) fn cut_short(what: &str) -> Self {
        Defect(format!(
            "ends before {what}: the image was cut short — re-export it or copy all of it"
        ))
    }

    /// A part of the file that is not what the format says it must be.
    pub(super) fn damaged(what: impl Into<String>) -> Self {
        Defect(format!("is damaged: {} — re-export it", what.into()))
    }
}

/// Checks that `bytes`, which start like a `format` file, are a whole, well-formed one.
pub fn check(format: ImageFormat, bytes: &[u8]) -> Result<(), Defect> {
    match format {
        ImageFormat::Png => super::png::check(bytes),
        ImageFormat::Jpeg => super::jpeg::check(bytes),
        ImageFormat::Gif => super::gif::check(bytes),
        ImageFormat::WebP => super::webp::check(bytes),
        ImageFormat::Bmp => super::bmp::check(bytes),
    }
}

/// A big-endian `u16` at `at`, if the bytes reach it.
pub(super) fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

/// A big-endian `u32` at `at`, if the bytes reach it.
pub(super) fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// A little-endian `u16` at `at`, if the bytes reach it.
pub(super) fn le16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

/// A little-endian `u32` at `at`, if the bytes reach it.
pub(super) fn le32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}
