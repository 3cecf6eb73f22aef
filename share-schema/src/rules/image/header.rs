//! Image-header sniffing: which of the thumbnail formats (PNG, JPEG, GIF, WebP, BMP) some bytes
//! start with, and the size in pixels their header gives.
//!
//! The readers take any [`Bytes`]: a decoded slice, or the base64 view of
//! [`Base64`](super::base64::Base64), which decodes only the quads a reader looks at.

use std::fmt;

/// Most JPEG segments walked looking for the frame header; real files have a few dozen.
const MAX_JPEG_SEGMENTS: usize = 1024;

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

/// Recognizes an image file by its magic number and reads its size from the header: PNG `IHDR`,
/// GIF logical screen, BMP info header, WebP `VP8 `/`VP8L`/`VP8X` chunk, JPEG frame header
/// (`SOFn`). `None` when `bytes` starts like none of them. Never panics, whatever the input.
pub fn sniff(bytes: &[u8]) -> Option<ImageInfo> {
    sniff_in(&bytes)
}

/// Bytes the header readers can look at by offset.
pub(super) trait Bytes {
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

/// [`sniff`] over any [`Bytes`].
pub(super) fn sniff_in(b: &impl Bytes) -> Option<ImageInfo> {
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
    use super::super::base64::Base64;
    use super::super::test_images::*;
    use super::*;

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
    fn sniff_rejects_other_data() {
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
    }

    #[test]
    fn sniff_never_panics_on_truncated_or_garbled_images() {
        for bytes in truncated_and_garbled() {
            let _ = sniff(&bytes);
            let text = b64(&bytes);
            if let Ok(view) = Base64::new(&text) {
                let _ = sniff_in(&view);
            }
        }
    }

    #[test]
    fn format_names() {
        assert_eq!(ImageFormat::WebP.as_str(), "WebP");
        assert_eq!(ImageFormat::Jpeg.to_string(), "JPEG");
    }
}
