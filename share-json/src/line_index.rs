//! Byte offsets to lines and columns, computed once per file and only when rendering.
//!
//! Lines end at `\n` (a `\r` before it belongs to the line break, not the text). Columns count
//! Unicode scalar values from 1, as editors show them. A leading byte-order mark is invisible in
//! editors, so it takes no column and is not part of line 1's text.
//!
//! ```
//! use share_json::LineIndex;
//!
//! let src = "{\r\n  \"标题\": 1\r\n}";
//! let index = LineIndex::new(src);
//! let one = src.find('1').unwrap();
//! assert_eq!(index.line_col(one), (2, 9));
//! assert_eq!(index.line_text(src, 2), "  \"标题\": 1");
//! ```

/// Where lines start, and where the characters wider than one byte are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Offset of the first byte of each line; the first is 0.
    line_starts: Vec<usize>,
    /// Every character of two or more bytes, in order.
    wide_chars: Vec<WideChar>,
    /// Bytes of the source text.
    len: usize,
    /// Bytes of the leading byte-order mark: 0 or 3.
    bom_len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WideChar {
    start: usize,
    /// Bytes beyond the first, summed over this and every earlier wide character.
    extra_through: usize,
}

impl LineIndex {
    /// Indexes `src` in one pass over its bytes.
    pub fn new(src: &str) -> Self {
        let bytes = src.as_bytes();
        // Two passes that each run at word or vector speed: line breaks with `memchr`, and
        // multibyte characters by skipping 64-byte chunks that are ASCII (a payload is mostly
        // base64 text, with neither). One pass testing both in each byte took 1.3 instructions a
        // byte (the 10,000-file corpus: 82 M instructions, now 58 M).
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let mut wide_chars = Vec::new();
        let mut extra = 0;
        for (chunk_index, chunk) in bytes.chunks(64).enumerate() {
            if chunk.is_ascii() {
                continue;
            }
            for (i, &b) in chunk.iter().enumerate() {
                // The first byte of a multibyte UTF-8 sequence says how long it is.
                if b >= 0xC0 {
                    extra += if b >= 0xF0 {
                        3
                    } else if b >= 0xE0 {
                        2
                    } else {
                        1
                    };
                    wide_chars.push(WideChar {
                        start: chunk_index * 64 + i,
                        extra_through: extra,
                    });
                }
            }
        }
        let bom_len = if src.starts_with('\u{FEFF}') { 3 } else { 0 };
        LineIndex {
            line_starts,
            wide_chars,
            len: src.len(),
            bom_len,
        }
    }

    /// How many lines there are; text ending in `\n` has an empty last line after it.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 1-based line and 1-based column (in characters) of a byte `offset`. An offset inside
    /// a multibyte character counts as that character's; one past the end counts as the end.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.len);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let line_start = match line {
            0 => self.bom_len.min(self.len),
            _ => self.line_starts[line],
        };
        let offset = offset.max(line_start);
        let before = |at: usize| self.wide_chars.partition_point(|w| w.start < at);
        let (first, mut end) = (before(line_start), before(offset));
        let mut offset = offset;
        if let Some(last) = end.checked_sub(1).map(|i| self.wide_chars[i]) {
            let last_len = 1 + last.extra_through - self.extra_before(end - 1);
            if end > first && last.start + last_len > offset {
                offset = last.start;
                end -= 1;
            }
        }
        let extra = self.extra_before(end) - self.extra_before(first);
        let column = offset - line_start - extra + 1;
        (saturate(line + 1), saturate(column))
    }

    /// The text of 1-based `line` without its line break; empty for a line that does not exist.
    /// `src` must be the text this index was built from.
    pub fn line_text<'s>(&self, src: &'s str, line: u32) -> &'s str {
        let Some(start) = self.line_start(line) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line as usize)
            .map_or(src.len(), |&next| next - 1);
        let text = src.get(start..end).unwrap_or_default();
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// The byte offset of the first character of 1-based `line` (past the byte-order mark on
    /// line 1), where [`line_text`](Self::line_text) starts; `None` for a line that does not
    /// exist.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        let index = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(index)?;
        Some(if index == 0 { self.bom_len } else { start })
    }

    /// The line and column of one byte `offset`, as [`line_col`](Self::line_col) gives them,
    /// computed without an index: the text before `offset` is searched once for line breaks, and
    /// the characters of its last line are counted. A file with one or two findings near its
    /// start needs no more (an index reads the whole text, and a payload's bulk is its thumbnail,
    /// at its end); a caller locating many offsets builds the index.
    pub fn line_col_once(src: &str, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(src.len());
        // Inside a character: that character's place.
        while !src.is_char_boundary(offset) {
            offset -= 1;
        }
        let (mut breaks, mut last_break) = (0, None);
        for i in memchr::memchr_iter(b'\n', &src.as_bytes()[..offset]) {
            breaks += 1;
            last_break = Some(i);
        }
        let line_start = match last_break {
            Some(i) => i + 1,
            // Line 1 starts after a byte-order mark (as `bom_len` says for the index).
            None if src.starts_with('\u{FEFF}') => '\u{FEFF}'.len_utf8().min(offset),
            None => 0,
        };
        let column = src[line_start..offset].chars().count() + 1;
        (saturate(breaks + 1), saturate(column))
    }

    /// Extra bytes of the first `count` wide characters.
    fn extra_before(&self, count: usize) -> usize {
        match count {
            0 => 0,
            _ => self.wide_chars[count - 1].extra_through,
        }
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn lines_and_columns_with_crlf_and_multibyte_characters() {
        let src = "ab\r\nxé😀y\nlast";
        let index = LineIndex::new(src);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_col(2), (1, 3), "the \\r ends line 1");
        assert_eq!(index.line_col(3), (1, 4), "so does the \\n");
        let y = src.find('y').unwrap();
        assert_eq!(index.line_col(y), (2, 4));
        let emoji = src.find('😀').unwrap();
        assert_eq!(index.line_col(emoji), (2, 3));
        assert_eq!(index.line_col(emoji + 1), (2, 3), "inside a character");
        assert_eq!(index.line_col(emoji + 3), (2, 3), "inside a character");
        assert_eq!(index.line_col(src.find('l').unwrap()), (3, 1));
        assert_eq!(index.line_col(src.len()), (3, 5));
        assert_eq!(index.line_col(usize::MAX), (3, 5), "clamped to the end");
        assert_eq!(index.line_text(src, 1), "ab");
        assert_eq!(index.line_text(src, 2), "xé😀y");
        assert_eq!(index.line_text(src, 3), "last");
        assert_eq!(index.line_text(src, 0), "");
        assert_eq!(index.line_text(src, 4), "");
        assert_eq!(index.line_start(2), Some(4));
        assert_eq!(index.line_start(3), src.find("last"));
        assert_eq!(index.line_start(0), None);
        assert_eq!(index.line_start(4), None);
    }

    #[test]
    fn line_col_once_agrees_with_the_index_at_every_offset() {
        let texts = [
            "",
            "\n",
            "ab\r\nxé😀y\nlast",
            "\u{feff}{}\n{}",
            "\u{feff}",
            "\u{feff}\n\u{feff}x",
            "{\r\n  \"标题\": 1\r\n}\n",
            "é\n\n😀😀\r\n\r",
        ];
        for src in texts {
            let index = LineIndex::new(src);
            for offset in 0..=src.len() + 2 {
                assert_eq!(
                    LineIndex::line_col_once(src, offset),
                    index.line_col(offset),
                    "{src:?} at {offset}"
                );
            }
            assert_eq!(
                LineIndex::line_col_once(src, usize::MAX),
                index.line_col(usize::MAX)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn line_col_once_agrees_with_the_index(
            src in "(\u{feff})?[a\n\ré😀标]{0,40}",
            offset in 0usize..200,
        ) {
            let index = LineIndex::new(&src);
            proptest::prop_assert_eq!(
                LineIndex::line_col_once(&src, offset),
                index.line_col(offset)
            );
        }
    }

    #[test]
    fn a_final_line_break_opens_an_empty_line() {
        let src = "{}\n";
        let index = LineIndex::new(src);
        assert_eq!(index.line_count(), 2);
        assert_eq!(index.line_col(3), (2, 1));
        assert_eq!(index.line_text(src, 1), "{}");
        assert_eq!(index.line_text(src, 2), "");
    }

    #[test]
    fn a_byte_order_mark_takes_no_column() {
        let src = "\u{feff}{}\n{}";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_col(1), (1, 1));
        assert_eq!(index.line_col(3), (1, 1));
        assert_eq!(index.line_col(4), (1, 2));
        assert_eq!(index.line_col(6), (2, 1));
        assert_eq!(index.line_text(src, 1), "{}");
        assert_eq!(index.line_start(1), Some(3));
    }

    #[test]
    fn empty_text_has_one_empty_line() {
        let index = LineIndex::new("");
        assert_eq!(index.line_count(), 1);
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_col(10), (1, 1));
        assert_eq!(index.line_text("", 1), "");
    }

    #[test]
    fn every_offset_of_a_multibyte_line_maps_to_a_character_column() {
        let src = "a标b😀\r\n";
        let index = LineIndex::new(src);
        let columns: Vec<u32> = (0..=src.len()).map(|o| index.line_col(o).1).collect();
        assert_eq!(columns, [1, 2, 2, 2, 3, 4, 4, 4, 4, 5, 6, 1]);
    }
}
