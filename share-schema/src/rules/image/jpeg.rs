//! JPEG structure (ITU T.81): SOI, marker segments with their lengths, a frame header (`SOFn`)
//! before the first scan (`SOS`), entropy-coded data up to the next marker, and EOI. Bytes after
//! EOI are left alone, as decoders leave them (cameras append data there).

use super::structure::{be16, Defect};

pub(super) fn check(b: &[u8]) -> Result<(), Defect> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return Err(Defect::damaged(
            "it does not start with the JPEG start marker (SOI)",
        ));
    }
    let mut at = 2;
    let mut has_frame = false;
    loop {
        // A marker: 0xFF, optional fill 0xFF bytes, then the code.
        if b.get(at) != Some(&0xFF) {
            if at >= b.len() {
                return Err(Defect::cut_short("its end marker (EOI)"));
            }
            return Err(Defect::damaged(format!(
                "byte {at} should start a marker and does not"
            )));
        }
        while b.get(at) == Some(&0xFF) {
            at += 1;
        }
        let Some(&code) = b.get(at) else {
            return Err(Defect::cut_short("its end marker (EOI)"));
        };
        at += 1;
        match code {
            0xD9 => {
                if !has_frame {
                    return Err(Defect::damaged(
                        "it ends without any image (no frame header)",
                    ));
                }
                return Ok(());
            }
            // Standalone markers: RSTn, TEM.
            0xD0..=0xD7 | 0x01 => continue,
            0xD8 => return Err(Defect::damaged("it has a second start marker (SOI)")),
            0x00 => return Err(Defect::damaged(format!("byte {} is not a marker", at - 1))),
            _ => {}
        }
        let Some(len) = be16(b, at) else {
            return Err(Defect::cut_short("its end marker (EOI)"));
        };
        if len < 2 {
            return Err(Defect::damaged(format!(
                "the segment at byte {} has an impossible length",
                at - 2
            )));
        }
        let end = at + len as usize;
        if end > b.len() {
            return Err(Defect::cut_short("its end marker (EOI)"));
        }
        // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
        if matches!(code, 0xC0..=0xCF) && !matches!(code, 0xC4 | 0xC8 | 0xCC) {
            has_frame = true;
        }
        at = end;
        if code == 0xDA {
            if !has_frame {
                return Err(Defect::damaged(
                    "its image data (scan) comes before its frame header (SOF)",
                ));
            }
            // Entropy-coded data: up to a 0xFF that is not stuffing (0x00) or a restart marker.
            loop {
                let Some(i) = b[at..].iter().position(|&x| x == 0xFF) else {
                    return Err(Defect::cut_short("its end marker (EOI)"));
                };
                at += i;
                match b.get(at + 1) {
                    None => return Err(Defect::cut_short("its end marker (EOI)")),
                    Some(0x00 | 0xD0..=0xD7) => at += 2,
                    // Fill bytes before a marker.
                    Some(0xFF) => at += 1,
                    Some(_) => break,
                }
            }
        }
    }
}
