//! Where to cut a document whose value is an array, read a chunk at a time: the `,` after each
//! element of the root array, found without building anything.
//!
//! [`ArraySplitter`] follows strings (and their escapes), comments and brackets, and nothing
//! else, so it is much cheaper than a parse: inside a string it jumps from quote to backslash
//! with `memchr`. What it does not check, [`parse_piece`](crate::parse_piece) does on each
//! piece: on valid JSON the two agree on where every element ends, and on invalid JSON the
//! parser meets the first error at or before the splitter's next cut, so cutting there changes
//! nothing it reports.
//!
//! ```
//! use share_json::split::ArraySplitter;
//!
//! let doc = br#"[{"a": "x,]"}, 2 /* , */, [3, 4]]"#;
//! let mut splitter = ArraySplitter::new();
//! let mut cuts = Vec::new();
//! let mut at = 0;
//! while let Some(comma) = splitter.scan(&doc[at..]) {
//!     cuts.push(at + comma);
//!     at += comma + 1;
//! }
//! assert_eq!(cuts, [13, 24]);
//! assert!(splitter.closed());
//! ```

/// The lexical state between two calls of [`ArraySplitter::scan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    /// Between tokens or inside a number or literal.
    Code,
    /// Inside a string.
    Str,
    /// After a backslash in a string.
    Escape,
    /// After a `/` outside strings.
    Slash,
    /// Inside a `//` comment.
    LineComment,
    /// Inside a `/* */` comment.
    BlockComment,
    /// After a `*` inside a block comment.
    BlockStar,
}

/// Finds the commas that end the elements of a top-level array, across chunks of the stream.
#[derive(Debug, Clone)]
pub struct ArraySplitter {
    lex: Lex,
    /// Brackets open: 0 before the root `[`, 1 between its elements.
    depth: usize,
    /// The root array has closed.
    closed: bool,
    /// Something other than trivia since the root `[` or the last comma returned.
    element: bool,
}

impl Default for ArraySplitter {
    fn default() -> Self {
        Self::new()
    }
}

impl ArraySplitter {
    /// A splitter at the start of a document.
    pub fn new() -> Self {
        ArraySplitter {
            lex: Lex::Code,
            depth: 0,
            closed: false,
            element: false,
        }
    }

    /// Whether the root array's `]` has been seen: no cut comes after it.
    pub fn closed(&self) -> bool {
        self.closed
    }

    /// Scans `bytes`, the stream's next bytes, up to the next comma that ends an element of the
    /// root array, and returns its offset in `bytes`; `None` when `bytes` ends first. The next
    /// call takes the bytes after the comma (or after `bytes`). A comma with no element before
    /// it (`[,` or `,,`) is no cut, so that each piece holds what the parser needs to say what
    /// is wrong there.
    pub fn scan(&mut self, bytes: &[u8]) -> Option<usize> {
        let mut i = 0;
        if self.closed {
            return None;
        }
        while i < bytes.len() {
            match self.lex {
                Lex::Str => match memchr::memchr2(b'"', b'\\', &bytes[i..]) {
                    Some(j) => {
                        i += j;
                        self.lex = if bytes[i] == b'"' {
                            Lex::Code
                        } else {
                            Lex::Escape
                        };
                        i += 1;
                    }
                    None => return None,
                },
                Lex::Escape => {
                    self.lex = Lex::Str;
                    i += 1;
                }
                Lex::LineComment => match memchr::memchr(b'\n', &bytes[i..]) {
                    Some(j) => {
                        self.lex = Lex::Code;
                        i += j + 1;
                    }
                    None => return None,
                },
                Lex::BlockComment => match memchr::memchr(b'*', &bytes[i..]) {
                    Some(j) => {
                        self.lex = Lex::BlockStar;
                        i += j + 1;
                    }
                    None => return None,
                },
                Lex::BlockStar => {
                    self.lex = match bytes[i] {
                        b'/' => Lex::Code,
                        b'*' => Lex::BlockStar,
                        _ => Lex::BlockComment,
                    };
                    i += 1;
                }
                Lex::Slash => match bytes[i] {
                    b'/' => {
                        self.lex = Lex::LineComment;
                        i += 1;
                    }
                    b'*' => {
                        self.lex = Lex::BlockComment;
                        i += 1;
                    }
                    // A lone `/` is no comment: what follows it is read as code.
                    _ => {
                        self.lex = Lex::Code;
                        self.element = true;
                    }
                },
                Lex::Code => {
                    let b = bytes[i];
                    i += 1;
                    match b {
                        b' ' | b'\t' | b'\n' | b'\r' => {}
                        b'/' => self.lex = Lex::Slash,
                        // Before the root `[`: a byte-order mark (the caller checked that `[`
                        // comes first).
                        _ if self.depth == 0 && !self.closed => {
                            if b == b'[' {
                                self.depth = 1;
                            }
                        }
                        b'"' => {
                            self.lex = Lex::Str;
                            self.element = true;
                        }
                        b'[' | b'{' => {
                            self.depth += 1;
                            self.element = true;
                        }
                        b']' | b'}' => {
                            self.depth = self.depth.saturating_sub(1);
                            if self.depth == 0 {
                                self.closed = true;
                                return None;
                            } else {
                                self.element = true;
                            }
                        }
                        b',' if self.depth == 1 && self.element => {
                            self.element = false;
                            return Some(i - 1);
                        }
                        _ => self.element = true,
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::ArraySplitter;

    /// Every cut of `doc`, scanned in chunks of `chunk` bytes.
    fn cuts(doc: &[u8], chunk: usize) -> Vec<usize> {
        let mut splitter = ArraySplitter::new();
        let mut out = Vec::new();
        let mut start = 0;
        while start < doc.len() {
            let end = (start + chunk).min(doc.len());
            let mut at = start;
            while let Some(comma) = splitter.scan(&doc[at..end]) {
                out.push(at + comma);
                at += comma + 1;
            }
            start = end;
        }
        out
    }

    #[test]
    fn cuts_at_the_root_commas_only_whatever_the_chunks() {
        let doc =
            "\u{feff}// a, b\n[ {\"k\": \"a,\\\"b\", \"l\": [1, 2]} /* x,* */, \"s\\\\\", 3 ,{}]";
        let expected = vec![
            doc.find(" /* x").unwrap() + 10,
            doc.find("\\\\\"").unwrap() + 3,
            doc.find(" ,{").unwrap() + 1,
        ];
        for chunk in 1..=doc.len() {
            assert_eq!(cuts(doc.as_bytes(), chunk), expected, "chunk {chunk}");
        }
    }

    #[test]
    fn no_cut_without_an_element_before_it_nor_after_the_root_closes() {
        assert_eq!(cuts(b"[,1,,2,]", 100), [3, 6]);
        assert_eq!(cuts(b"[1], [2, 3]", 100), Vec::<usize>::new());
    }
}
