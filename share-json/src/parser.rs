//! The parser proper: an explicit stack of open arrays and objects instead of recursion, so depth
//! costs heap rather than call stack and the depth limit is checked before a level is opened.
//!
//! Scalars live in their own files ([`string`](super::string), [`number`](super::number)), as
//! does whitespace and comments ([`trivia`](super::trivia)); this file owns the structure:
//! values, commas, brackets, member keys, duplicate keys and the first fatal error.

use std::collections::hash_map::{Entry, HashMap};

use super::error::describe_char;
use super::pointer::push_pointer_segment;
use super::{
    Comment, DuplicateKey, Member, Node, NodeKind, ParseOptions, Parsed, Piece, Span, SyntaxError,
};

/// Marks a fatal syntax error whose [`SyntaxError`] is already recorded.
pub(super) struct Fatal;

/// An array or object that has been opened and not yet closed.
enum Frame {
    Array {
        start: usize,
        items: Vec<Node>,
    },
    Object {
        start: usize,
        members: Vec<Member>,
        /// The key whose value is being parsed.
        key: String,
        key_span: Span,
    },
}

/// Objects up to this size look for duplicate keys by comparing every pair, which beats hashing.
const PAIRWISE_DUPLICATE_SCAN: usize = 16;

/// Words longer than this are quoted only in part in a message.
const MAX_QUOTED_WORD: usize = 32;

/// The state of one parse.
pub(super) struct Parser<'s> {
    pub(super) src: &'s str,
    pub(super) bytes: &'s [u8],
    pub(super) pos: usize,
    pub(super) opts: ParseOptions,
    pub(super) errors: Vec<SyntaxError>,
    pub(super) comments: Vec<Comment>,
    duplicates: Vec<DuplicateKey>,
    pub(super) unrepresentable_numbers: Vec<Span>,
    /// Values begun so far, against [`ParseOptions::max_values`].
    values: usize,
    /// Whether the parse stopped at a limit of the options.
    limit_reached: bool,
    /// Parsing a piece of a top-level array ([`super::parse_piece`]): the index of the element
    /// being parsed, which its duplicate keys' pointers start with, and which puts it one level
    /// deep for the depth limit.
    element: Option<usize>,
    /// Where a piece that is not the last ends: at the `,` after its last element.
    piece_end: usize,
}

impl<'s> Parser<'s> {
    pub(super) fn new(src: &'s str, opts: &ParseOptions) -> Self {
        Parser {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            opts: *opts,
            errors: Vec::new(),
            comments: Vec::new(),
            duplicates: Vec::new(),
            unrepresentable_numbers: Vec::new(),
            values: 0,
            limit_reached: false,
            element: None,
            piece_end: usize::MAX,
        }
    }

    pub(super) fn run(mut self) -> Parsed {
        let bom = self.src.starts_with('\u{FEFF}');
        if bom {
            self.pos = '\u{FEFF}'.len_utf8();
        }
        let root = self.document().ok();
        self.parsed(root, bom)
    }

    /// What the parse found, with its `root`.
    fn parsed(self, root: Option<Node>, bom: bool) -> Parsed {
        Parsed {
            root,
            errors: self.errors,
            comments: self.comments,
            duplicates: self.duplicates,
            bom,
            unrepresentable_numbers: self.unrepresentable_numbers,
            limit_reached: self.limit_reached,
        }
    }

    /// Parses a piece of a document whose value is an array (see [`super::parse_piece`]): its
    /// root is an array of the piece's elements, `None` after a fatal error.
    pub(super) fn run_piece(mut self, piece: Piece) -> Parsed {
        let bom = piece.first && self.src.starts_with('\u{FEFF}');
        if bom {
            self.pos = '\u{FEFF}'.len_utf8();
        }
        if !piece.last {
            self.piece_end = self.src.len().saturating_sub(1);
        }
        let mut items = Vec::new();
        // The root array's span, as far as the piece holds it.
        let mut span = Span::new(0, self.src.len());
        let root = self
            .piece(piece, &mut items, &mut span)
            .ok()
            .map(|()| Node::new(span.start, span.end, NodeKind::Array(items)));
        self.parsed(root, bom)
    }

    /// The elements of a piece, through the same steps as [`Parser::value_tree`] takes for the
    /// root array and [`Parser::document`] for what follows it, so that a file read piece by
    /// piece meets the same errors, with the same words, as one read whole.
    fn piece(&mut self, piece: Piece, items: &mut Vec<Node>, span: &mut Span) -> Result<(), Fatal> {
        let mut index = piece.first_index;
        let mut open = true;
        if piece.first {
            self.skip_trivia()?;
            self.count_value()?;
            if self.peek() != Some(b'[') {
                return Err(self.unexpected("expected `[`"));
            }
            span.start = self.open(0)?;
            if self.peek() == Some(b']') {
                self.pos += 1;
                span.end = self.pos;
                open = false;
            } else {
                items.push(self.element(index)?);
                index += 1;
            }
        }
        while open {
            self.skip_trivia()?;
            if self.pos == self.piece_end {
                // The next piece goes on from the `,` here.
                return Ok(());
            }
            if self.array_continues()? {
                items.push(self.element(index)?);
                index += 1;
            } else {
                span.end = self.pos;
                open = false;
            }
        }
        self.skip_trivia()?;
        if self.pos < self.bytes.len() {
            let (span, _) = self.found();
            return Err(self.fail(span, "unexpected text after the JSON value"));
        }
        Ok(())
    }

    /// One element of a piece: a value one level inside the root array.
    fn element(&mut self, index: usize) -> Result<Node, Fatal> {
        // The limit on values bounds each element's tree: a piece holds elements of a bounded
        // size, however many.
        self.values = 0;
        self.element = Some(index);
        let node = self.value_tree();
        self.element = None;
        node
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Records a fatal error.
    pub(super) fn fail(&mut self, span: Span, message: impl Into<String>) -> Fatal {
        self.errors.push(SyntaxError {
            span,
            message: message.into(),
        });
        Fatal
    }

    /// Records an error that the parse can continue past.
    pub(super) fn soft_error(&mut self, span: Span, message: impl Into<String>) {
        self.errors.push(SyntaxError {
            span,
            message: message.into(),
        });
    }

    /// Fails with "`expected`, found X" about the text at the current position.
    pub(super) fn unexpected(&mut self, expected: &str) -> Fatal {
        self.unexpected_with_hint(expected, "")
    }

    fn unexpected_with_hint(&mut self, expected: &str, hint: &str) -> Fatal {
        let (span, found) = self.found();
        let message = match found {
            Some(found) => format!("{expected}, found {found}{hint}"),
            None => format!("unexpected end of input: {expected}"),
        };
        self.fail(span, message)
    }

    /// The token-ish thing at the current position, for a message: a word of letters and digits
    /// (so `True` is named whole), else one character; `None` at the end of input.
    fn found(&self) -> (Span, Option<String>) {
        let rest = &self.src[self.pos..];
        let Some(c) = rest.chars().next() else {
            return (Span::empty(self.pos), None);
        };
        let word = word_len(rest.as_bytes());
        if word == 0 {
            let span = Span::new(self.pos, self.pos + c.len_utf8());
            return (span, Some(describe_char(c)));
        }
        let span = Span::new(self.pos, self.pos + word);
        let text = &self.src[span];
        let quoted = if word > MAX_QUOTED_WORD {
            format!("`{}…`", &text[..MAX_QUOTED_WORD])
        } else {
            format!("`{text}`")
        };
        (span, Some(quoted))
    }

    /// Parses the whole document: one value, surrounded by trivia.
    fn document(&mut self) -> Result<Node, Fatal> {
        let root = self.value_tree()?;
        self.skip_trivia()?;
        if self.pos < self.bytes.len() {
            let (span, _) = self.found();
            return Err(self.fail(span, "unexpected text after the JSON value"));
        }
        Ok(root)
    }

    /// Parses one value, arrays and objects included, without recursion.
    fn value_tree(&mut self) -> Result<Node, Fatal> {
        let mut stack: Vec<Frame> = Vec::new();
        'value: loop {
            self.skip_trivia()?;
            self.count_value()?;
            let mut node = match self.peek() {
                Some(b'[') => {
                    let start = self.open(stack.len())?;
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        Node::new(start, self.pos, NodeKind::Array(Vec::new()))
                    } else {
                        stack.push(Frame::Array {
                            start,
                            items: Vec::new(),
                        });
                        continue 'value;
                    }
                }
                Some(b'{') => {
                    let start = self.open(stack.len())?;
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        Node::new(start, self.pos, NodeKind::Object(Vec::new()))
                    } else {
                        let (key, key_span) = self.member_key()?;
                        stack.push(Frame::Object {
                            start,
                            members: Vec::new(),
                            key,
                            key_span,
                        });
                        continue 'value;
                    }
                }
                _ => self.scalar()?,
            };
            // Hand the finished value to its parent; closing the parent finishes another value.
            loop {
                match stack.pop() {
                    None => return Ok(node),
                    Some(Frame::Array { start, mut items }) => {
                        items.push(node);
                        if self.array_continues()? {
                            stack.push(Frame::Array { start, items });
                            continue 'value;
                        }
                        // Growth leaves up to twice the room needed (four nodes for a one-element
                        // array): returned, a 10 MiB file of nested arrays takes a fifth.
                        items.shrink_to_fit();
                        node = Node::new(start, self.pos, NodeKind::Array(items));
                    }
                    Some(Frame::Object {
                        start,
                        mut members,
                        key,
                        key_span,
                    }) => {
                        let value = node;
                        members.push(Member {
                            key,
                            key_span,
                            value,
                        });
                        if let Some((key, key_span)) = self.object_continues()? {
                            stack.push(Frame::Object {
                                start,
                                members,
                                key,
                                key_span,
                            });
                            continue 'value;
                        }
                        self.check_duplicates(&members, &stack);
                        members.shrink_to_fit();
                        node = Node::new(start, self.pos, NodeKind::Object(members));
                    }
                }
            }
        }
    }

    /// Counts the value that starts at the current position, once the limit on values allows
    /// one more: the tree's size, and so the memory a parse takes, is bounded by the options,
    /// not only by the length of the text.
    fn count_value(&mut self) -> Result<(), Fatal> {
        if self.values >= self.opts.max_values {
            let message = format!(
                "more than {} JSON values in one file: not read further",
                self.opts.max_values
            );
            let (span, _) = self.found();
            self.limit_reached = true;
            return Err(self.fail(span, message));
        }
        self.values += 1;
        Ok(())
    }

    /// Consumes the `[` or `{` at the current position and the trivia after it, once the
    /// depth limit allows one more level; returns where it was.
    fn open(&mut self, open_levels: usize) -> Result<usize, Fatal> {
        let start = self.pos;
        let open_levels = open_levels + usize::from(self.element.is_some());
        if open_levels >= self.opts.max_depth {
            let message = format!("nesting deeper than {} levels", self.opts.max_depth);
            self.limit_reached = true;
            return Err(self.fail(Span::new(start, start + 1), message));
        }
        self.pos += 1;
        self.skip_trivia()?;
        Ok(start)
    }

    /// After an array element: `true` when another element follows (the `,` consumed), `false`
    /// when the array ends (the `]` consumed).
    fn array_continues(&mut self) -> Result<bool, Fatal> {
        self.skip_trivia()?;
        match self.peek() {
            Some(b',') => {
                let comma = self.pos;
                self.pos += 1;
                self.skip_trivia()?;
                if self.peek() != Some(b']') {
                    return Ok(true);
                }
                self.trailing_comma(comma);
            }
            Some(b']') => {}
            _ => return Err(self.unexpected("expected `,` or `]` after an array element")),
        }
        self.pos += 1;
        Ok(false)
    }

    /// After an object member: the next member's key when one follows (its `:` consumed),
    /// `None` when the object ends (the `}` consumed).
    fn object_continues(&mut self) -> Result<Option<(String, Span)>, Fatal> {
        self.skip_trivia()?;
        match self.peek() {
            Some(b',') => {
                let comma = self.pos;
                self.pos += 1;
                self.skip_trivia()?;
                if self.peek() != Some(b'}') {
                    return self.member_key().map(Some);
                }
                self.trailing_comma(comma);
            }
            Some(b'}') => {}
            _ => return Err(self.unexpected("expected `,` or `}` after an object member")),
        }
        self.pos += 1;
        Ok(None)
    }

    fn trailing_comma(&mut self, comma: usize) {
        if !self.opts.trailing_commas {
            self.soft_error(
                Span::new(comma, comma + 1),
                "trailing comma is not allowed in .json (use .jsonc or remove it)",
            );
        }
    }

    /// Parses `"key"` and the `:` after it; the current position is past any trivia.
    fn member_key(&mut self) -> Result<(String, Span), Fatal> {
        match self.peek() {
            Some(b'"') => {}
            Some(b'\'') => {
                return Err(self.unexpected_with_hint(
                    "expected an object key",
                    " (JSON keys are strings in double quotes)",
                ))
            }
            Some(c) if word_len(&[c]) == 1 => {
                return Err(self.unexpected_with_hint(
                    "expected an object key",
                    " (JSON keys must be in double quotes)",
                ))
            }
            _ => return Err(self.unexpected("expected an object key")),
        }
        let key = self.string()?;
        self.skip_trivia()?;
        if self.peek() != Some(b':') {
            return Err(self.unexpected("expected `:` after an object key"));
        }
        self.pos += 1;
        Ok(key)
    }

    /// Parses a string, number, `true`, `false` or `null`; the position is past any trivia.
    fn scalar(&mut self) -> Result<Node, Fatal> {
        let start = self.pos;
        match self.peek() {
            Some(b'"') => {
                let (text, span) = self.string()?;
                Ok(Node {
                    span,
                    kind: NodeKind::String(text),
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'\'') => {
                Err(self
                    .unexpected_with_hint("expected a value", " (JSON strings use double quotes)"))
            }
            Some(_) => {
                let word = &self.src[start..start + word_len(&self.bytes[start..])];
                let kind = match word {
                    "true" => NodeKind::Bool(true),
                    "false" => NodeKind::Bool(false),
                    "null" => NodeKind::Null,
                    _ => return Err(self.unexpected_with_hint("expected a value", hint(word))),
                };
                self.pos += word.len();
                Ok(Node::new(start, self.pos, kind))
            }
            None => Err(self.unexpected("expected a value")),
        }
    }

    /// Reports the duplicate keys of an object that just closed; `ancestors` are the frames
    /// still open around it, which spell its JSON Pointer.
    fn check_duplicates(&mut self, members: &[Member], ancestors: &[Frame]) {
        if members.len() < 2 {
            return;
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        if members.len() <= PAIRWISE_DUPLICATE_SCAN {
            for (i, member) in members.iter().enumerate().skip(1) {
                if let Some(first) = members[..i].iter().position(|m| m.key == member.key) {
                    pairs.push((first, i));
                }
            }
        } else {
            let mut seen: HashMap<&str, usize> = HashMap::with_capacity(members.len());
            for (i, member) in members.iter().enumerate() {
                match seen.entry(member.key.as_str()) {
                    Entry::Occupied(first) => pairs.push((*first.get(), i)),
                    Entry::Vacant(slot) => {
                        slot.insert(i);
                    }
                }
            }
        }
        if pairs.is_empty() {
            return;
        }
        let mut pointer = pointer_to(ancestors);
        if let Some(index) = self.element {
            pointer.insert_str(0, &format!("/{index}"));
        }
        for (first, duplicate) in pairs {
            self.duplicates.push(DuplicateKey {
                key: members[duplicate].key.clone(),
                first: members[first].key_span,
                duplicate: members[duplicate].key_span,
                pointer: pointer.clone(),
            });
        }
    }
}

impl Node {
    fn new(start: usize, end: usize, kind: NodeKind) -> Self {
        Node {
            span: Span::new(start, end),
            kind,
        }
    }
}

/// The JSON Pointer of the value being parsed inside the innermost of `frames`.
fn pointer_to(frames: &[Frame]) -> String {
    let mut pointer = String::new();
    for frame in frames {
        match frame {
            Frame::Array { items, .. } => {
                pointer.push('/');
                pointer.push_str(&items.len().to_string());
            }
            Frame::Object { key, .. } => push_pointer_segment(&mut pointer, key),
        }
    }
    pointer
}

/// Length of the run of ASCII letters, digits and `_` at the start of `bytes`.
fn word_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
        .unwrap_or(bytes.len())
}

/// What to add to "expected a value, found `word`" when the word looks like an intended literal.
fn hint(word: &str) -> &'static str {
    let lower = word.to_ascii_lowercase();
    match lower.as_str() {
        "true" => " (JSON literals are lowercase: `true`)",
        "false" => " (JSON literals are lowercase: `false`)",
        "null" => " (JSON literals are lowercase: `null`)",
        "none" | "nil" | "undefined" => " (JSON writes a missing value as `null`)",
        "nan" | "infinity" => " (JSON numbers cannot be NaN or infinite)",
        _ => "",
    }
}
