//! WebP structure (RFC 9649): a RIFF container whose size matches the data, holding `WEBP` and
//! chunks (fourcc, size, data padded to an even length) that fill it exactly; the first chunk is
//! `VP8 ` (with its start code), `VP8L` (with its signature) or `VP8X`, and an extended file holds
//! an image (`VP8 `, `VP8L` or animation frames).

use super::structure::{le32, Defect};

pub(super) fn check(b: &[u8]) -> Result<(), Defect> {
    if !(b.starts_with(b"RIFF") && b.get(8..12) == Some(b"WEBP")) {
        return Err(Defect::damaged("it is not a RIFF WEBP container"));
    }
    let Some(size) = le32(b, 4) else {
        return Err(Defect::cut_short("its RIFF header ends"));
    };
    let end = 8 + size as usize;
    if end > b.len() {
        return Err(Defect::cut_short(&format!(
            "the {} bytes its RIFF header announces",
            size as usize + 8
        )));
    }
    if end < b.len() {
        return Err(Defect::damaged(format!(
            "{} bytes follow the end its RIFF header announces",
            b.len() - end
        )));
    }
    let mut at = 12;
    let mut first = true;
    let mut extended = false;
    let mut has_image = false;
    while at < end {
        let (Some(kind), Some(len)) = (b.get(at..at + 4), le32(b, at + 4)) else {
            return Err(Defect::cut_short("its last chunk"));
        };
        let name = String::from_utf8_lossy(kind).into_owned();
        let data = at + 8;
        let data_end = data + len as usize;
        if data_end > end {
            return Err(Defect::cut_short(&format!("the end of its `{name}` chunk")));
        }
        let chunk = &b[data..data_end];
        match kind {
            b"VP8 " => {
                if chunk.len() < 10 || chunk[3..6] != [0x9D, 0x01, 0x2A] {
                    return Err(Defect::damaged(
                        "its lossy image (VP8) has no valid frame header",
                    ));
                }
                has_image = true;
            }
            b"VP8L" => {
                if chunk.len() < 5 || chunk[0] != 0x2F {
                    return Err(Defect::damaged(
                        "its lossless image (VP8L) has no valid header",
                    ));
                }
                has_image = true;
            }
            b"VP8X" if first => {
                if chunk.len() < 10 {
                    return Err(Defect::damaged("its extended header (VP8X) is too short"));
                }
                extended = true;
            }
            b"ANMF" => has_image = true,
            _ if first => {
                return Err(Defect::damaged(format!(
                    "its first chunk is `{name}`, not an image (VP8, VP8L or VP8X)"
                )))
            }
            _ => {}
        }
        first = false;
        // Chunks are padded to an even size.
        at = data_end + (len as usize & 1);
    }
    if first {
        return Err(Defect::damaged("it holds no chunk"));
    }
    if extended && !has_image {
        return Err(Defect::damaged("its extended file (VP8X) holds no image"));
    }
    Ok(())
}
