//! Test-only samples for the thumbnail tests: a base64 encoder written independently of the
//! decoder under test, and builders for the smallest headers of each image format.

/// Test-only standard padded base64 encoder.
pub(super) fn b64(bytes: &[u8]) -> String {
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

/// A PNG signature and IHDR chunk of `w`×`h` pixels.
pub(super) fn png(w: u32, h: u32) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    v.extend_from_slice(&w.to_be_bytes());
    v.extend_from_slice(&h.to_be_bytes());
    v.extend_from_slice(&[8, 6, 0, 0, 0, 0x12, 0x34, 0x56, 0x78]);
    v
}

/// A whole 1×1 GIF89a file.
pub(super) const GIF_1X1: &[u8] = &[
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF,
    0x00, 0x00, 0x00, 0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
];

/// A BMP file and info header (40 bytes) of `w`×`h` pixels; negative `h` is top-down.
pub(super) fn bmp(w: i32, h: i32) -> Vec<u8> {
    let mut v = b"BM".to_vec();
    v.extend_from_slice(&[0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]);
    v.extend_from_slice(&40u32.to_le_bytes());
    v.extend_from_slice(&w.to_le_bytes());
    v.extend_from_slice(&h.to_le_bytes());
    v.extend_from_slice(&[1, 0, 24, 0]);
    v.extend_from_slice(&[0; 24]);
    v
}

/// A RIFF/WEBP container around one chunk.
fn riff(chunk: &[u8]) -> Vec<u8> {
    let mut v = b"RIFF".to_vec();
    v.extend_from_slice(&(4 + chunk.len() as u32).to_le_bytes());
    v.extend_from_slice(b"WEBP");
    v.extend_from_slice(chunk);
    v
}

/// An extended WebP (`VP8X`) of `w`×`h` pixels.
pub(super) fn webp_vp8x(w: u32, h: u32) -> Vec<u8> {
    let mut c = b"VP8X\x0a\x00\x00\x00\x10\x00\x00\x00".to_vec();
    c.extend_from_slice(&(w - 1).to_le_bytes()[..3]);
    c.extend_from_slice(&(h - 1).to_le_bytes()[..3]);
    riff(&c)
}

/// A lossless WebP (`VP8L`) of `w`×`h` pixels.
pub(super) fn webp_vp8l(w: u32, h: u32) -> Vec<u8> {
    let mut c = b"VP8L\x05\x00\x00\x00\x2f".to_vec();
    let bits = (w - 1) | (h - 1) << 14;
    c.extend_from_slice(&bits.to_le_bytes());
    riff(&c)
}

/// A lossy WebP (`VP8 `) of `w`×`h` pixels.
pub(super) fn webp_vp8(w: u16, h: u16) -> Vec<u8> {
    let mut c = b"VP8 \x0a\x00\x00\x00\x50\x02\x00\x9d\x01\x2a".to_vec();
    c.extend_from_slice(&w.to_le_bytes());
    c.extend_from_slice(&h.to_le_bytes());
    riff(&c)
}

/// A JPEG with APP0, an optional padding segment of `filler` bytes, DHT, then `sof`.
pub(super) fn jpeg(sof: u8, w: u16, h: u16, filler: usize) -> Vec<u8> {
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

/// Hostile inputs for the never-panic tests: every truncation of a small image of each format,
/// then pseudo-random bytes behind each magic number.
pub(super) fn truncated_and_garbled() -> Vec<Vec<u8>> {
    let images = [
        png(3, 4),
        GIF_1X1.to_vec(),
        bmp(3, 4),
        webp_vp8x(3, 4),
        webp_vp8l(3, 4),
        webp_vp8(3, 4),
        jpeg(0xC0, 3, 4, 10),
    ];
    let mut samples = Vec::new();
    for image in &images {
        for cut in 0..image.len() {
            samples.push(image[..cut].to_vec());
        }
    }
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for round in 0..2000 {
        let mut bytes = images[round % images.len()][..4].to_vec();
        for _ in 0..(round % 64) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            bytes.push(x as u8);
        }
        samples.push(bytes);
    }
    samples
}

/// A real `w`×`h` image encoded as `format` by the `image` crate's own encoder (independent of
/// the checks under test); `noise` fills it with pseudo-random pixels, which compress badly, for
/// a large file.
pub(super) fn real(format: image::ImageFormat, w: u32, h: u32, noise: bool) -> Vec<u8> {
    let mut state = 0x2545_F491_u32;
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        if noise {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let [a, b, c, _] = state.to_le_bytes();
            image::Rgb([a, b, c])
        } else {
            image::Rgb([(x * 37) as u8, (y * 91) as u8, ((x ^ y) * 13) as u8])
        }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, format)
        .expect("the image crate encodes it");
    out.into_inner()
}
