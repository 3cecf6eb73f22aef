//! JSON Pointers (RFC 6901) over the syntax tree: find a value, the key that names it, or, for a
//! key that is missing, the closest thing that exists, so every finding has a place to point at.
//!
//! ```
//! use share_json::{parse, ParseOptions};
//!
//! let src = r#"{"channelObject": {"a/b": 1}}"#;
//! let root = parse(src, &ParseOptions::json()).root.unwrap();
//! assert_eq!(&src[root.pointer("/channelObject/a~1b").unwrap().span], "1");
//! assert_eq!(&src[root.key_span_at("/channelObject/a~1b").unwrap()], r#""a/b""#);
//! // A missing key: point at the object that should hold it.
//! assert_eq!(&src[root.nearest("/channelObject/title").span], r#"{"a/b": 1}"#);
//! ```

use std::borrow::Cow;

use super::{Member, Node, NodeKind, Span};

impl Node {
    /// The value at `pointer` (`""` is this node); for a repeated key, the last member's value.
    /// `None` if it does not exist or the pointer is malformed.
    pub fn pointer(&self, pointer: &str) -> Option<&Node> {
        let mut node = self;
        for segment in segments(pointer)? {
            node = node.child(&segment?)?;
        }
        Some(node)
    }

    /// The object member that `pointer` names (the last one, for a repeated key); `None` if the
    /// pointer does not end in a key of an existing object.
    pub fn member_at(&self, pointer: &str) -> Option<&Member> {
        let (parent, last) = split_last(pointer)?;
        self.pointer(parent)?.member(&unescape(last)?)
    }

    /// The span of the key that `pointer` ends in, quotes included: where "unknown key" and
    /// "duplicate key" findings point.
    pub fn key_span_at(&self, pointer: &str) -> Option<Span> {
        self.member_at(pointer).map(|m| m.key_span)
    }

    /// Where to point for a finding about the value at `pointer` (a JSON Pointer into this
    /// tree), for a human: with `at_key`, the member's key (an unknown key); otherwise the value
    /// itself, except that an object is shown by the key that holds it (or its `{`), not by all
    /// its lines. A pointer that does not exist (a missing key) is shown by its deepest existing
    /// ancestor, the same way.
    ///
    /// ```
    /// use share_json::{parse, ParseOptions};
    /// let src = r#"{"channelObject": {"titel": "x"}}"#;
    /// let root = parse(src, &ParseOptions::json()).root.unwrap();
    /// assert_eq!(&src[root.locate("/channelObject/titel", true).range()], "\"titel\"");
    /// assert_eq!(&src[root.locate("/channelObject/titel", false).range()], "\"x\"");
    /// assert_eq!(&src[root.locate("/channelObject/webpageUrl", false).range()], "\"channelObject\"");
    /// assert_eq!(&src[root.locate("", false).range()], "{");
    /// ```
    pub fn locate(&self, pointer: &str, at_key: bool) -> Span {
        if at_key {
            if let Some(span) = self.key_span_at(pointer) {
                return span;
            }
        }
        if let Some(node) = self.pointer(pointer) {
            if matches!(node.kind, NodeKind::Object(_)) {
                return self.object_anchor(pointer, node);
            }
            return node.span;
        }
        let mut ancestor = pointer;
        while let Some(i) = ancestor.rfind('/') {
            ancestor = &ancestor[..i];
            if let Some(node) = self.pointer(ancestor) {
                return self.object_anchor(ancestor, node);
            }
        }
        self.object_anchor("", self)
    }

    /// Where to point for a finding about a whole value: the key holding it, else its first byte.
    fn object_anchor(&self, pointer: &str, node: &Node) -> Span {
        if !pointer.is_empty() {
            if let Some(span) = self.key_span_at(pointer) {
                return span;
            }
        }
        Span::new(node.span.start, (node.span.start + 1).min(node.span.end))
    }

    /// The value at `pointer` or, when it does not exist, its deepest existing ancestor (for a
    /// missing key, the object that should hold it). A malformed pointer gives this node.
    pub fn nearest(&self, pointer: &str) -> &Node {
        let mut node = self;
        let Some(segments) = segments(pointer) else {
            return node;
        };
        for segment in segments {
            match segment.and_then(|s| node.child(&s)) {
                Some(child) => node = child,
                None => break,
            }
        }
        node
    }

    /// The element or member value named by one unescaped pointer segment.
    fn child(&self, segment: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Object(_) => self.get(segment),
            NodeKind::Array(items) => items.get(array_index(segment)?),
            _ => None,
        }
    }
}

/// Appends `/` and `segment` to `pointer`, escaping `~` as `~0` and `/` as `~1`.
///
/// ```
/// let mut pointer = String::from("/content");
/// share_json::push_pointer_segment(&mut pointer, "a/b~c");
/// assert_eq!(pointer, "/content/a~1b~0c");
/// ```
pub fn push_pointer_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// The unescaped segments of `pointer`: `None` if it neither is empty nor starts with `/`; an
/// item is `None` where a segment holds a `~` not followed by `0` or `1`.
fn segments(pointer: &str) -> Option<impl Iterator<Item = Option<Cow<'_, str>>>> {
    let rest = match pointer {
        "" => None,
        _ => Some(pointer.strip_prefix('/')?),
    };
    Some(rest.into_iter().flat_map(|r| r.split('/')).map(unescape))
}

/// Splits a non-empty pointer into its parent pointer and its last, still escaped, segment.
fn split_last(pointer: &str) -> Option<(&str, &str)> {
    if !pointer.starts_with('/') {
        return None;
    }
    pointer.rsplit_once('/')
}

fn unescape(segment: &str) -> Option<Cow<'_, str>> {
    if !segment.contains('~') {
        return Some(Cow::Borrowed(segment));
    }
    let mut out = String::with_capacity(segment.len());
    let mut chars = segment.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(Cow::Owned(out))
}

/// An array index segment: `0` or digits without a leading zero (so not `-`, `01` or `+1`).
fn array_index(segment: &str) -> Option<usize> {
    let canonical = segment == "0"
        || (!segment.starts_with('0')
            && !segment.is_empty()
            && segment.bytes().all(|b| b.is_ascii_digit()));
    if canonical {
        segment.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse, Node, ParseOptions};
    use super::{array_index, push_pointer_segment, unescape};

    const SRC: &str = r#"{"a~b": {"c/d": [10, 20, {"": "empty"}]}, "x": 1, "x": 2}"#;

    fn root() -> Node {
        parse(SRC, &ParseOptions::json()).root.unwrap()
    }

    fn text(pointer: &str) -> Option<&'static str> {
        root().pointer(pointer).map(|n| &SRC[n.span])
    }

    #[test]
    fn resolves_escaped_segments_and_indexes() {
        assert_eq!(text(""), Some(SRC));
        assert_eq!(text("/a~0b/c~1d/1"), Some("20"));
        assert_eq!(text("/a~0b/c~1d/2/"), Some(r#""empty""#));
        assert_eq!(text("/x"), Some("2"));
    }

    #[test]
    fn rejects_what_does_not_exist_or_is_malformed() {
        for pointer in [
            "a~0b",
            "/a~b",
            "/a~2b",
            "/a~0b/c~1d/3",
            "/a~0b/c~1d/01",
            "/a~0b/c~1d/-",
            "/x/0",
            "/missing",
        ] {
            assert_eq!(text(pointer), None, "{pointer}");
        }
    }

    #[test]
    fn key_spans_point_at_the_last_duplicate() {
        let root = root();
        let span = root.key_span_at("/x").unwrap();
        assert_eq!(&SRC[span], r#""x""#);
        assert_eq!(span.start, SRC.rfind(r#""x""#).unwrap());
        assert_eq!(&SRC[root.key_span_at("/a~0b/c~1d").unwrap()], r#""c/d""#);
        assert_eq!(root.key_span_at("/a~0b/c~1d/0"), None, "an index is no key");
        assert_eq!(root.key_span_at(""), None);
        assert_eq!(root.key_span_at("/nope"), None);
    }

    #[test]
    fn nearest_stops_at_the_deepest_existing_value() {
        let root = root();
        let nearest = |p: &str| &SRC[root.nearest(p).span];
        assert_eq!(nearest("/a~0b/c~1d/1"), "20");
        assert_eq!(
            nearest("/a~0b/title"),
            r#"{"c/d": [10, 20, {"": "empty"}]}"#
        );
        assert_eq!(nearest("/a~0b/c~1d/9/z"), r#"[10, 20, {"": "empty"}]"#);
        assert_eq!(nearest("/x/y"), "2");
        assert_eq!(nearest("no slash"), SRC);
    }

    #[test]
    fn segments_escape_and_unescape() {
        let mut pointer = String::new();
        push_pointer_segment(&mut pointer, "~/x");
        assert_eq!(pointer, "/~0~1x");
        assert_eq!(unescape("~0~1x").unwrap(), "~/x");
        assert_eq!(unescape("~01").unwrap(), "~1", "~0 is unescaped after ~1");
        assert_eq!(unescape("~"), None);
        assert_eq!(array_index("0"), Some(0));
        assert_eq!(array_index("12"), Some(12));
        assert_eq!(array_index(""), None);
        assert_eq!(array_index("+1"), None);
    }
}
