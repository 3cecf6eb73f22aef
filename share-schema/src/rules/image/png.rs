//! PNG structure (ISO/IEC 15948): the 8-byte signature, then chunks of length, type, data and
//! CRC-32 over type and data; `IHDR` first (13 bytes, non-zero size), at least one `IDAT`, `IEND`
//! last with nothing after it.

use super::structure::{be32, Defect};

const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
/// The largest chunk length the format allows (2^31 - 1).
const MAX_CHUNK: u32 = 0x7FFF_FFFF;

pub(super) fn check(b: &[u8]) -> Result<(), Defect> {
    if !b.starts_with(SIGNATURE) {
        return Err(Defect::damaged("its signature is not the PNG signature"));
    }
    let mut at = SIGNATURE.len();
    let mut first = true;
    let mut has_data = false;
    loop {
        let (Some(len), Some(kind)) = (be32(b, at), b.get(at + 4..at + 8)) else {
            return Err(Defect::cut_short("its IEND chunk"));
        };
        // Only a message names the chunk: no allocation for a well-formed one.
        let name = || String::from_utf8_lossy(kind);
        if len > MAX_CHUNK {
            return Err(Defect::damaged(format!(
                "its `{}` chunk claims {len} bytes, more than PNG allows",
                name()
            )));
        }
        let data_end = at + 8 + len as usize;
        let Some(crc) = be32(b, data_end) else {
            return Err(Defect::cut_short(&format!(
                "its IEND chunk (it stops inside its `{}` chunk)",
                name()
            )));
        };
        if crc32fast::hash(&b[at + 4..data_end]) != crc {
            return Err(Defect::damaged(format!(
                "its `{}` chunk does not match its checksum (CRC)",
                name()
            )));
        }
        if first {
            if kind != b"IHDR" || len != 13 {
                return Err(Defect::damaged(
                    "its first chunk is not the image header (IHDR)",
                ));
            }
            if be32(b, at + 8) == Some(0) || be32(b, at + 12) == Some(0) {
                return Err(Defect::damaged(
                    "its header (IHDR) gives a size of zero pixels",
                ));
            }
            first = false;
        } else if kind == b"IHDR" {
            return Err(Defect::damaged("it has a second image header (IHDR)"));
        }
        has_data |= kind == b"IDAT";
        at = data_end + 4;
        if kind == b"IEND" {
            if !has_data {
                return Err(Defect::damaged("it has no image data (IDAT chunk)"));
            }
            if at < b.len() {
                return Err(Defect::damaged(format!(
                    "{} bytes follow its end (IEND chunk)",
                    b.len() - at
                )));
            }
            return Ok(());
        }
    }
}
