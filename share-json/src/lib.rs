//! A span-preserving JSON and JSONC parser: the ground the linter and the payload macros stand on.
//!
//! Unlike `serde_json::Value`, the tree produced here remembers where everything is (every node,
//! every object key, every comment, as byte [`Span`]s), keeps every object member in source
//! order *including duplicate keys*, and reports what a user would want to hear about: duplicate
//! keys with both places, a byte-order mark, comments and trailing commas in strict `.json`.
//!
//! ```
//! use share_json::{parse, ParseOptions};
//!
//! let src = "{\n  // the vendor's samples carry comments\n  \"type\": \"text\",\n}";
//! let parsed = parse(src, &ParseOptions::jsonc());
//! assert!(parsed.errors.is_empty());
//! let root = parsed.root.unwrap();
//! assert_eq!(&src[root.key_span_at("/type").unwrap()], "\"type\"");
//! assert_eq!(root.to_value(), serde_json::json!({"type": "text"}));
//!
//! let strict = parse(src, &ParseOptions::json());
//! assert_eq!(strict.errors[0].message, "comments are not allowed in .json files");
//! ```
//!
//! # Errors and recovery
//!
//! Some problems do not stop the parser, because the structure around them is still clear: a
//! comment or trailing comma that the options forbid, and a lone UTF-16 surrogate in a `\u`
//! escape (decoded as U+FFFD). They are recorded in [`Parsed::errors`] and `root` is still
//! built. Any other syntax error ends the parse: it is the last entry of `errors` and `root` is
//! `None`. So `errors.is_empty()` means "valid under these options", and `root.is_some()` means
//! "there is a tree to lint".
//!
//! # Limits
//!
//! The parser is iterative and runs in time linear in the input. Nesting deeper than
//! [`ParseOptions::max_depth`] is an error raised before anything is allocated for the extra
//! level. [`Node`] trees are recursive and so are [`Node::to_value`] and `Drop`; the depth limit
//! is what keeps them from exhausting the stack, so keep it modest. More values than
//! [`ParseOptions::max_values`] is an error too, raised before the extra value is built: it is
//! what bounds the memory of a parse.

mod error;
mod line_index;
mod number;
mod parser;
mod pointer;
mod span;
pub mod split;
mod string;
pub mod text;
mod trivia;
mod value;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_pieces;

pub use error::SyntaxError;
pub use line_index::LineIndex;
pub use pointer::{push_pointer_segment, Locator};
pub use span::Span;
pub use value::{Member, Node, NodeKind};

/// Nesting depth allowed by [`ParseOptions::json`] and [`ParseOptions::jsonc`].
pub const DEFAULT_MAX_DEPTH: usize = 128;

/// How many values (of any kind, arrays and objects included) [`ParseOptions::json`] and
/// [`ParseOptions::jsonc`] allow in one document: 2²⁰, about a million.
pub const DEFAULT_MAX_VALUES: usize = 1 << 20;

/// Which dialect to accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions {
    /// Accept `//` line comments and `/* */` block comments.
    pub comments: bool,
    /// Accept one comma after the last element of an array or the last member of an object.
    pub trailing_commas: bool,
    /// How many arrays and objects may be nested inside each other; the outermost counts as one.
    ///
    /// The parser itself needs no stack for depth, but [`Node::to_value`] and dropping a tree
    /// recurse once per level, so this is what keeps hostile input from overflowing the stack.
    pub max_depth: usize,
    /// How many values the document may hold, arrays, objects and each of their elements and
    /// member values included (keys are not counted). A tree costs about 50 bytes a value, and
    /// the text may spend as little as two bytes on one (`0,`): this is what bounds the memory
    /// of a parse, as the depth limit bounds its stack. One more value is an error.
    pub max_values: usize,
}

impl ParseOptions {
    /// Strict JSON (RFC 8259), for `.json` files.
    pub const fn json() -> Self {
        ParseOptions {
            comments: false,
            trailing_commas: false,
            max_depth: DEFAULT_MAX_DEPTH,
            max_values: DEFAULT_MAX_VALUES,
        }
    }

    /// JSON with comments and trailing commas, for `.jsonc` files.
    pub const fn jsonc() -> Self {
        ParseOptions {
            comments: true,
            trailing_commas: true,
            max_depth: DEFAULT_MAX_DEPTH,
            max_values: DEFAULT_MAX_VALUES,
        }
    }
}

impl Default for ParseOptions {
    /// Strict JSON.
    fn default() -> Self {
        ParseOptions::json()
    }
}

/// Everything [`parse`] learned about one file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The document's value; `None` after a syntax error that stopped the parse.
    pub root: Option<Node>,
    /// Syntax errors in source order; see the module docs for which ones leave `root` built.
    pub errors: Vec<SyntaxError>,
    /// Every comment, in source order, also when the options forbid them.
    pub comments: Vec<Comment>,
    /// Every key that repeats an earlier key of the same object, in the order objects close.
    pub duplicates: Vec<DuplicateKey>,
    /// Whether the text starts with a UTF-8 byte-order mark (which `JSON.parse` rejects).
    /// Spans still count its three bytes.
    pub bom: bool,
    /// Numbers that are valid JSON but too large for an `f64` (such as `1e999`).
    /// [`Node::to_value`] turns them into `null`; the raw text stays in [`NodeKind::Number`].
    pub unrepresentable_numbers: Vec<Span>,
    /// Whether the parse stopped at [`ParseOptions::max_depth`] or
    /// [`ParseOptions::max_values`] (the last error says which): the text may be valid JSON.
    pub limit_reached: bool,
}

/// A `//` or `/* */` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The whole comment, markers included, the line break after a `//` comment excluded.
    pub span: Span,
    /// The text between the markers, with surrounding whitespace trimmed.
    pub text: String,
    /// `true` for `//`, `false` for `/* */`.
    pub line_comment: bool,
}

/// A key that repeats an earlier key of the same object.
///
/// Both members stay in [`NodeKind::Object`]; lookups and [`Node::to_value`] use the last one,
/// as `JSON.parse` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The decoded key.
    pub key: String,
    /// The key's first occurrence (its quotes included).
    pub first: Span,
    /// This later occurrence.
    pub duplicate: Span,
    /// JSON Pointer (RFC 6901) of the object that holds both, `""` for the root.
    pub pointer: String,
}

/// Where a piece of a top-level array lies in its document (see [`parse_piece`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// The piece starts the document: a byte-order mark, trivia, then the array's `[`.
    pub first: bool,
    /// The piece ends the document: the array's `]` and the trivia after it are in it.
    pub last: bool,
    /// The index in the array of the piece's first element.
    pub first_index: usize,
}

/// Parses one piece of a document whose value is an array, so that a file of any size can be
/// read a piece at a time ([`split::ArraySplitter`] finds where to cut it).
///
/// Every piece but the first starts at the `,` after an element, and every piece but the last
/// ends just before such a `,`, which `src` holds as well: an element that ends badly is
/// described as it is in the whole ("expected a digit after `-`, found `,`"). The root of the result is an array of the piece's elements; the
/// errors, comments, duplicate keys (whose pointers carry the element's index in the whole array)
/// and numbers are the piece's, and a document cut this way gives, piece after piece, what
/// [`parse`] gives for it whole, up to its first fatal error. Spans are relative to `src`.
/// [`ParseOptions::max_values`] applies to each element: a piece may hold many elements.
///
/// ```
/// use share_json::{parse_piece, ParseOptions, Piece};
///
/// let doc = r#"[{"a": 1}, {"a": 2, "a": 3}]"#;
/// let cut = doc.find(", {").unwrap();
/// let head = parse_piece(&doc[..=cut], Piece { first: true, last: false, first_index: 0 }, &ParseOptions::json());
/// let tail = parse_piece(&doc[cut..], Piece { first: false, last: true, first_index: 1 }, &ParseOptions::json());
/// assert!(head.errors.is_empty() && tail.errors.is_empty());
/// assert_eq!(tail.duplicates[0].pointer, "/1");
/// assert_eq!(tail.root.unwrap().to_value(), serde_json::json!([{"a": 3}]));
/// ```
#[must_use]
pub fn parse_piece(src: &str, piece: Piece, opts: &ParseOptions) -> Parsed {
    parser::Parser::new(src, opts).run_piece(piece)
}

/// Parses `src` as JSON or JSONC, keeping spans, comments and duplicate keys.
///
/// Never panics, whatever the input; runs in linear time and constant stack.
#[must_use]
pub fn parse(src: &str, opts: &ParseOptions) -> Parsed {
    parser::Parser::new(src, opts).run()
}
