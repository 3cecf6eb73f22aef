//! BMP structure: the 14-byte file header (`BM`, file size, pixel data offset) and a DIB header
//! of a known size (12, 40, 52, 56, 64, 108 or 124 bytes) with one plane, a known bit depth and a
//! non-zero size; the file size matches the data, and uncompressed pixel rows fit in it.

use super::structure::{le16, le32, Defect};

pub(super) fn check(b: &[u8]) -> Result<(), Defect> {
    if !b.starts_with(b"BM") {
        return Err(Defect::damaged("it does not start with `BM`"));
    }
    let (Some(file_size), Some(offset), Some(dib)) = (le32(b, 2), le32(b, 10), le32(b, 14)) else {
        return Err(Defect::cut_short("its headers end"));
    };
    if file_size as usize > b.len() {
        return Err(Defect::cut_short(&format!(
            "the {file_size} bytes its header announces"
        )));
    }
    if (file_size as usize) < b.len() {
        return Err(Defect::damaged(format!(
            "its header says {file_size} bytes, but the file has {}",
            b.len()
        )));
    }
    let (width, height, planes, bits) = match dib {
        12 => (
            le16(b, 18).map(i64::from),
            le16(b, 20).map(i64::from),
            le16(b, 22),
            le16(b, 24),
        ),
        40 | 52 | 56 | 64 | 108 | 124 => (
            le32(b, 18).map(|w| i64::from(w as i32)),
            le32(b, 22).map(|h| i64::from(h as i32)),
            le16(b, 26),
            le16(b, 28),
        ),
        other => {
            return Err(Defect::damaged(format!(
                "its DIB header size {other} is not a known BMP header"
            )))
        }
    };
    let (Some(width), Some(height), Some(planes), Some(bits)) = (width, height, planes, bits)
    else {
        return Err(Defect::cut_short("its DIB header ends"));
    };
    if planes != 1 || !matches!(bits, 1 | 4 | 8 | 16 | 24 | 32) {
        return Err(Defect::damaged(
            "its DIB header gives an impossible bit depth or plane count",
        ));
    }
    if width <= 0 || height == 0 {
        return Err(Defect::damaged(
            "its DIB header gives a size of zero pixels",
        ));
    }
    let offset = offset as usize;
    if offset < 14 + dib as usize || offset > b.len() {
        return Err(Defect::damaged(
            "its pixel data offset points outside the file",
        ));
    }
    // Uncompressed (BI_RGB, or the 12-byte header's only kind): rows padded to 4 bytes.
    let compression = if dib == 12 { Some(0) } else { le32(b, 30) };
    if compression == Some(0) {
        let row = (i128::from(bits) * i128::from(width) + 31) / 32 * 4;
        let needed = row * i128::from(height.unsigned_abs());
        if needed > (b.len() - offset) as i128 {
            return Err(Defect::cut_short("the last row of its pixels"));
        }
    }
    Ok(())
}
