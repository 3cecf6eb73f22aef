//! Byte ranges into the source text: what every node, key, comment and error carries.
//!
//! A [`Span`] is a plain `start..end` pair of byte offsets into the `&str` that was parsed
//! (a leading byte-order mark included), so `&src[span]` is exactly the text of the thing.
//! Line and column are computed only when rendering, by [`LineIndex`](super::LineIndex).

use std::ops::{Index, Range};

/// A half-open byte range `start..end` into the parsed source text.
///
/// ```
/// use share_json::Span;
///
/// let src = r#"{"type": "text"}"#;
/// assert_eq!(&src[Span::new(9, 15)], r#""text""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `offset`, for things that have a place but no text (the end of input).
    pub const fn empty(offset: usize) -> Self {
        Span {
            start: offset,
            end: offset,
        }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range`, for slicing and for APIs that take ranges.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Self {
        span.range()
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span::new(range.start, range.end)
    }
}

/// `&src[span]`, with the same panics as `&src[span.start..span.end]`.
impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn indexes_a_str_like_its_range() {
        let src = "ab\u{e9}cd";
        let span = Span::new(2, 4);
        assert_eq!(&src[span], "\u{e9}");
        assert_eq!(span.len(), 2);
        assert!(!span.is_empty());
        assert!(Span::empty(3).is_empty());
        assert_eq!(Span::from(1..3), Span::new(1, 3));
        assert_eq!(std::ops::Range::from(Span::new(1, 3)), 1..3);
    }
}
