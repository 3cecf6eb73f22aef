//! GIF structure (GIF87a / GIF89a): the header, the logical screen descriptor and its global
//! colour table, then image descriptors (local colour table, LZW code size, data sub-blocks) and
//! extensions (label, sub-blocks) up to the trailer `;`. At least one image.

use super::structure::Defect;

pub(super) fn check(b: &[u8]) -> Result<(), Defect> {
    if !(b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a")) {
        return Err(Defect::damaged("its header is not GIF87a or GIF89a"));
    }
    let Some(&packed) = b.get(10) else {
        return Err(Defect::cut_short("its logical screen descriptor ends"));
    };
    let mut at = 13 + color_table(packed);
    let mut images = 0usize;
    loop {
        match b.get(at) {
            None => return Err(Defect::cut_short("its trailer")),
            Some(0x3B) => {
                if images == 0 {
                    return Err(Defect::damaged("it holds no image"));
                }
                return Ok(());
            }
            Some(0x2C) => {
                // Image descriptor: separator, left, top, width, height (2 bytes each), packed.
                let Some(&flags) = b.get(at + 9) else {
                    return Err(Defect::cut_short("its trailer"));
                };
                at += 10 + color_table(flags);
                // LZW minimum code size, then the data sub-blocks.
                match b.get(at) {
                    None => return Err(Defect::cut_short("its trailer")),
                    Some(2..=12) => {}
                    Some(_) => {
                        return Err(Defect::damaged(format!(
                            "image {} has an impossible LZW code size",
                            images + 1
                        )))
                    }
                }
                at = sub_blocks(b, at + 1)?;
                images += 1;
            }
            Some(0x21) => at = sub_blocks(b, at + 2)?,
            Some(&other) => {
                return Err(Defect::damaged(format!(
                    "byte {at} (0x{other:02X}) starts no GIF block"
                )))
            }
        }
    }
}

/// The size of the colour table a packed field announces.
fn color_table(packed: u8) -> usize {
    if packed & 0x80 == 0 {
        0
    } else {
        3 << ((packed & 7) + 1)
    }
}

/// The offset after the sub-blocks starting at `at` (each a length byte and that many bytes, up
/// to a zero length).
fn sub_blocks(b: &[u8], mut at: usize) -> Result<usize, Defect> {
    loop {
        match b.get(at) {
            None => return Err(Defect::cut_short("its trailer")),
            Some(0) => return Ok(at + 1),
            Some(&n) => at += 1 + usize::from(n),
        }
    }
}
