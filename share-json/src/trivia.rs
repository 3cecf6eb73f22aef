//! Whitespace and comments between tokens.
//!
//! Comments are always recognised and recorded, so that strict `.json` can say "comments are not
//! allowed" once per comment (and carry on) instead of "expected a value, found `/`".

use super::parser::{Fatal, Parser};
use super::{Comment, Span};

impl Parser<'_> {
    /// Skips whitespace and comments; fails only on an unterminated block comment.
    pub(super) fn skip_trivia(&mut self) -> Result<(), Fatal> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') => match self.bytes.get(self.pos + 1) {
                    Some(b'/') => self.line_comment(),
                    Some(b'*') => self.block_comment()?,
                    _ => return Ok(()),
                },
                _ => return Ok(()),
            }
        }
    }

    fn line_comment(&mut self) {
        let start = self.pos;
        let rest = &self.bytes[start..];
        let line_end = start + rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let end = if line_end > start && self.bytes[line_end - 1] == b'\r' {
            line_end - 1
        } else {
            line_end
        };
        self.pos = line_end;
        self.comment(Span::new(start, end), start + 2..end, true);
    }

    fn block_comment(&mut self) -> Result<(), Fatal> {
        let start = self.pos;
        let Some(close) = self.src[start + 2..].find("*/") else {
            let span = Span::new(start, self.bytes.len());
            return Err(self.fail(span, "unterminated block comment"));
        };
        let text_end = start + 2 + close;
        self.pos = text_end + 2;
        self.comment(Span::new(start, self.pos), start + 2..text_end, false);
        Ok(())
    }

    fn comment(&mut self, span: Span, text: std::ops::Range<usize>, line_comment: bool) {
        if !self.opts.comments {
            self.soft_error(span, "comments are not allowed in .json files");
        }
        self.comments.push(Comment {
            span,
            text: self.src[text].trim().to_owned(),
            line_comment,
        });
    }
}
