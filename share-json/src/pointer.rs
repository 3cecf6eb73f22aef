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
use std::collections::HashMap;

use super::{Member, Node, NodeKind, Span};

/// Objects up to this size are searched member by member; a [`Locator`] indexes larger ones.
const INDEXED_MEMBERS: usize = 16;

impl Node {
    /// The value at `pointer` (`""` is this node); for a repeated key, the last member's value.
    /// `None` if it does not exist or the pointer is malformed.
    pub fn pointer(&self, pointer: &str) -> Option<&Node> {
        resolve(&mut Scan, self, pointer)
    }

    /// The object member that `pointer` names (the last one, for a repeated key); `None` if the
    /// pointer does not end in a key of an existing object.
    pub fn member_at(&self, pointer: &str) -> Option<&Member> {
        member_at(&mut Scan, self, pointer)
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
    /// Each call searches the objects on the way member by member; for many findings in one
    /// large object, use a [`Locator`].
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
        locate(&mut Scan, self, pointer, at_key)
    }

    /// The value at `pointer` or, when it does not exist, its deepest existing ancestor (for a
    /// missing key, the object that should hold it). A malformed pointer gives this node.
    pub fn nearest(&self, pointer: &str) -> &Node {
        let mut node = self;
        let Some(segments) = segments(pointer) else {
            return node;
        };
        for segment in segments {
            match segment.and_then(|s| child(&mut Scan, node, &s)) {
                Some(child) => node = child,
                None => break,
            }
        }
        node
    }
}

/// Answers many pointer queries about one tree, as [`Node::pointer`] and [`Node::locate`] do,
/// in time that does not grow with the size of the objects on the way: an object of more than
/// 16 members has its keys indexed the first time a query passes through it.
///
/// A linter that maps one finding per key of a hostile object with a million unknown keys back
/// to the source would otherwise search the object once per finding (quadratic time).
///
/// ```
/// use share_json::{parse, Locator, ParseOptions};
/// let src = r#"{"a": {"b": [1, 2]}, "c": 3}"#;
/// let root = parse(src, &ParseOptions::json()).root.unwrap();
/// let mut locator = Locator::new(&root);
/// assert_eq!(&src[locator.pointer("/a/b/1").unwrap().span], "2");
/// assert_eq!(locator.locate("/c", true), root.locate("/c", true));
/// ```
#[derive(Debug)]
pub struct Locator<'t> {
    root: &'t Node,
    keys: KeyIndex<'t>,
}

impl<'t> Locator<'t> {
    /// A locator for the tree under `root`; nothing is indexed yet.
    pub fn new(root: &'t Node) -> Self {
        Locator {
            root,
            keys: KeyIndex::default(),
        }
    }

    /// [`Node::pointer`] of the root.
    pub fn pointer(&mut self, pointer: &str) -> Option<&'t Node> {
        resolve(&mut self.keys, self.root, pointer)
    }

    /// [`Node::locate`] of the root.
    pub fn locate(&mut self, pointer: &str, at_key: bool) -> Span {
        locate(&mut self.keys, self.root, pointer, at_key)
    }
}

/// How a query finds the member that counts for a key: the last one with that key.
trait Members<'t> {
    /// `None` also when `object` is not an object.
    fn member(&mut self, object: &'t Node, key: &str) -> Option<&'t Member>;
}

/// Searches member by member: nothing to set up, for one query.
struct Scan;

impl<'t> Members<'t> for Scan {
    fn member(&mut self, object: &'t Node, key: &str) -> Option<&'t Member> {
        object.member(key)
    }
}

/// The members of each large object a query has passed through, by key, under the offset of
/// the object's `{` (which no other object shares).
#[derive(Debug, Default)]
struct KeyIndex<'t>(HashMap<usize, HashMap<&'t str, &'t Member>>);

impl<'t> Members<'t> for KeyIndex<'t> {
    fn member(&mut self, object: &'t Node, key: &str) -> Option<&'t Member> {
        let members = object.as_object()?;
        if members.len() <= INDEXED_MEMBERS {
            return object.member(key);
        }
        let index = self.0.entry(object.span.start).or_insert_with(|| {
            // Collecting keeps the last member of a repeated key, the one that counts.
            members.iter().map(|m| (m.key.as_str(), m)).collect()
        });
        index.get(key).copied()
    }
}

fn resolve<'t>(members: &mut impl Members<'t>, root: &'t Node, pointer: &str) -> Option<&'t Node> {
    let mut node = root;
    for segment in segments(pointer)? {
        node = child(members, node, &segment?)?;
    }
    Some(node)
}

fn member_at<'t>(
    members: &mut impl Members<'t>,
    root: &'t Node,
    pointer: &str,
) -> Option<&'t Member> {
    let (parent, last) = split_last(pointer)?;
    let parent = resolve(members, root, parent)?;
    members.member(parent, &unescape(last)?)
}

fn locate<'t>(members: &mut impl Members<'t>, root: &'t Node, pointer: &str, at_key: bool) -> Span {
    if at_key {
        if let Some(member) = member_at(members, root, pointer) {
            return member.key_span;
        }
    }
    if let Some(node) = resolve(members, root, pointer) {
        if matches!(node.kind, NodeKind::Object(_)) {
            return object_anchor(members, root, pointer, node);
        }
        return node.span;
    }
    let mut ancestor = pointer;
    while let Some(i) = ancestor.rfind('/') {
        ancestor = &ancestor[..i];
        if let Some(node) = resolve(members, root, ancestor) {
            return object_anchor(members, root, ancestor, node);
        }
    }
    object_anchor(members, root, "", root)
}

/// Where to point for a finding about a whole value: the key holding it, else its first byte.
fn object_anchor<'t>(
    members: &mut impl Members<'t>,
    root: &'t Node,
    pointer: &str,
    node: &Node,
) -> Span {
    if !pointer.is_empty() {
        if let Some(member) = member_at(members, root, pointer) {
            return member.key_span;
        }
    }
    Span::new(node.span.start, (node.span.start + 1).min(node.span.end))
}

/// The element or member value named by one unescaped pointer segment.
fn child<'t>(members: &mut impl Members<'t>, node: &'t Node, segment: &str) -> Option<&'t Node> {
    match &node.kind {
        NodeKind::Object(_) => members.member(node, segment).map(|m| &m.value),
        NodeKind::Array(items) => items.get(array_index(segment)?),
        _ => None,
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
    use super::super::{parse, Locator, Node, ParseOptions};
    use super::{array_index, push_pointer_segment, unescape, INDEXED_MEMBERS};

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

    #[test]
    fn a_locator_answers_like_the_tree_also_in_large_objects() {
        // One object small enough to scan, one large enough to index; both repeat a key.
        let keys: Vec<String> = (0..=INDEXED_MEMBERS)
            .map(|i| format!(r#""k{i}": {{"v": [{i}]}}"#))
            .collect();
        let src = format!(
            r#"{{"small": {{"x": 1, "x": 2}}, "large": {{{}, "k3": {{"w": 0}}}}}}"#,
            keys.join(", ")
        );
        let root = parse(&src, &ParseOptions::json()).root.unwrap();
        let mut locator = Locator::new(&root);
        let mut pointers = vec!["", "/small", "/small/x", "/large", "/nope", "/large/nope/v"];
        let large: Vec<String> = (0..=INDEXED_MEMBERS + 1)
            .flat_map(|i| [format!("/large/k{i}"), format!("/large/k{i}/v/0")])
            .collect();
        pointers.extend(large.iter().map(String::as_str));
        for pointer in pointers {
            assert_eq!(locator.pointer(pointer), root.pointer(pointer), "{pointer}");
            for at_key in [false, true] {
                let span = locator.locate(pointer, at_key);
                assert_eq!(span, root.locate(pointer, at_key), "{pointer} {at_key}");
            }
        }
        let repeated = locator.pointer("/large/k3").unwrap();
        assert_eq!(
            &src[repeated.span.range()],
            r#"{"w": 0}"#,
            "the last k3 counts"
        );
    }
}
