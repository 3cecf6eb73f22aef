//! Where the findings of one piece are in the file: each offset's line and column, and the line
//! around each finding, computed while the piece and the file around it are in memory.

use super::{PieceJob, Placed, BOM};
use crate::diagnostic::{Diagnostic, Excerpt, Places};
use crate::json::Span;

/// How many characters of UTF-8 text start in `bytes`: the bytes that do not continue one,
/// summed a chunk at a time so that the compiler vectorizes it.
pub(super) fn characters(bytes: &[u8]) -> usize {
    // At most 255 a chunk: the count fits a byte, which vectorizes best.
    bytes
        .chunks(255)
        .map(|chunk| {
            let n = chunk
                .iter()
                .fold(0u8, |n, &b| n.wrapping_add(u8::from(!is_continuation(b))));
            usize::from(n)
        })
        .sum()
}

/// Whether `b` continues a UTF-8 character rather than starting one.
pub(super) fn is_continuation(b: u8) -> bool {
    (b as i8) < -0x40
}

/// Places in one piece: offsets in the piece become the file's offsets, lines and columns.
pub(super) struct Locate<'a> {
    job: &'a PieceJob,
    /// The line and column in the piece of each offset asked for, in order.
    positions: Vec<(usize, (u32, u32))>,
}

impl<'a> Locate<'a> {
    /// Places the `offsets` of `text` (the piece), in one pass over it: a piece of many findings
    /// costs no more than one of a few, and one of none nothing.
    pub(super) fn new(job: &'a PieceJob, text: &[u8], mut offsets: Vec<usize>) -> Self {
        offsets.sort_unstable();
        offsets.dedup();
        // Line 1 starts past a byte-order mark (as `LineIndex` has it).
        let bom = if job.piece.first && text.starts_with(BOM) {
            BOM.len()
        } else {
            0
        };
        let (mut at, mut line, mut line_start) = (0usize, 1u32, bom);
        // Characters of the current line counted so far, up to `counted`.
        let (mut counted, mut column) = (bom, 1usize);
        let positions = offsets
            .into_iter()
            .map(|offset| {
                let x = offset.min(text.len());
                let skipped = &text[at.min(x)..x];
                if let Some(last) = memchr::memrchr(b'\n', skipped) {
                    let lines = memchr::memchr_iter(b'\n', skipped).count();
                    line = line.saturating_add(u32::try_from(lines).unwrap_or(u32::MAX));
                    line_start = at + last + 1;
                    (counted, column) = (line_start, 1);
                }
                at = at.max(x);
                // An offset inside a character counts as that character's.
                let mut end = x;
                while end > counted && end < text.len() && is_continuation(text[end]) {
                    end -= 1;
                }
                let from = counted.min(end);
                column += characters(&text[from..end]);
                counted = counted.max(end);
                (offset, (line, u32::try_from(column).unwrap_or(u32::MAX)))
            })
            .collect();
        Locate { job, positions }
    }

    pub(super) fn shift(&self, span: Span) -> Span {
        Span::new(span.start + self.job.base, span.end + self.job.base)
    }

    /// A finding of the piece, moved to the file, with its places.
    pub(super) fn place(&self, mut d: Diagnostic) -> Placed {
        let mut places = Places::default();
        self.span(d.span, &mut places);
        self.line(d.span.start, &mut places);
        if let Some(fix) = &mut d.fix {
            for edit in &mut fix.edits {
                self.span(edit.span, &mut places);
                edit.span = self.shift(edit.span);
            }
        }
        d.span = self.shift(d.span);
        Placed { d, places }
    }

    /// Records the line and column of both ends of `span` (in the piece).
    pub(super) fn span(&self, span: Span, places: &mut Places) {
        for offset in [span.start, span.end] {
            let i = self.positions.partition_point(|&(o, _)| o < offset);
            let (line, column) = self.positions.get(i).map_or((1, 1), |&(_, at)| at);
            let (line0, column0) = self.job.line_col;
            let at = if line == 1 {
                (line0, column0.saturating_add(column - 1))
            } else {
                (line0.saturating_add(line - 1), column)
            };
            places.insert(self.job.base + offset, at);
        }
    }

    /// Records the line around `offset` (in the piece): the whole line, or
    /// [`Places::LINE_BYTES`] of it on each side when it is longer.
    pub(super) fn line(&self, offset: usize, places: &mut Places) {
        let ext = &self.job.bytes[..];
        let x = (self.job.pre + offset).min(ext.len());
        let reach = Places::LINE_BYTES;
        let back = x.saturating_sub(reach);
        let (mut from, mut cut) = match memchr::memrchr(b'\n', &ext[back..x]) {
            Some(i) => (back + i + 1, false),
            // The context reaches the line's start only if it starts a line.
            None if back == 0 && self.job.starts_line => (0, false),
            None => (back, true),
        };
        if from == 0 && self.job.base == self.job.pre && self.job.bom {
            // Line 1 starts past the byte-order mark.
            from = BOM.len().min(ext.len());
        }
        let ahead = (x + reach).min(ext.len());
        let (to, ends) = match memchr::memchr(b'\n', &ext[x..ahead]) {
            Some(i) => (x + i, true),
            None if ahead == ext.len() && self.job.ends_file => (ahead, true),
            None => (ahead, false),
        };
        cut |= !ends;
        let floor = |mut i: usize| {
            while i > 0 && i < ext.len() && is_continuation(ext[i]) {
                i -= 1;
            }
            i
        };
        let (from, to) = (floor(from), floor(to));
        let mut bytes = &ext[from..to];
        if ends {
            bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        }
        // Only the line is made text: U+FFFD for a bad byte, as a file read whole has it.
        let text = String::from_utf8_lossy(bytes);
        let start = self.job.base - self.job.pre + from;
        places.insert_line(
            self.job.base + offset,
            Excerpt {
                text: text.into_owned(),
                start,
                cut,
            },
        );
    }
}
