//! A document whose value is an array, read in pieces cut at the splitter's commas: every piece
//! parsed with `parse_piece` and merged back tells what `parse` tells of the whole.

use proptest::prelude::*;
use serde_json::Value;

use super::tests::{arbitrary_value, json_like_text};
use super::{parse, parse_piece, Node, NodeKind, ParseOptions, Parsed, Piece, Span};

/// `src` parsed in pieces cut at the splitter's commas (every cut `keep` allows), merged back:
/// spans shifted to the whole text, elements gathered, stopping at the first fatal error.
fn parse_in_pieces(src: &str, opts: &ParseOptions, keep: impl Fn(usize) -> bool) -> Parsed {
    use crate::split::ArraySplitter;
    let mut splitter = ArraySplitter::new();
    let mut cuts = Vec::new();
    let mut at = 0;
    while let Some(comma) = splitter.scan(&src.as_bytes()[at..]) {
        if keep(cuts.len()) {
            cuts.push(at + comma);
        }
        at += comma + 1;
    }
    cuts.push(src.len());
    let shift = |s: Span, base: usize| Span::new(s.start + base, s.end + base);
    let mut merged = Parsed::default();
    let mut items = Vec::new();
    let (mut start, mut index) = (0, 0);
    for (k, &end) in cuts.iter().enumerate() {
        let piece = Piece {
            first: k == 0,
            last: k == cuts.len() - 1,
            first_index: index,
        };
        let with_comma = if piece.last { end } else { end + 1 };
        let part = parse_piece(&src[start..with_comma], piece, opts);
        merged.bom |= part.bom;
        merged.limit_reached |= part.limit_reached;
        merged.errors.extend(part.errors.into_iter().map(|mut e| {
            e.span = shift(e.span, start);
            e
        }));
        merged
            .comments
            .extend(part.comments.into_iter().map(|mut c| {
                c.span = shift(c.span, start);
                c
            }));
        merged
            .duplicates
            .extend(part.duplicates.into_iter().map(|mut d| {
                d.first = shift(d.first, start);
                d.duplicate = shift(d.duplicate, start);
                d
            }));
        merged.unrepresentable_numbers.extend(
            part.unrepresentable_numbers
                .into_iter()
                .map(|s| shift(s, start)),
        );
        let Some(root) = part.root else {
            return merged;
        };
        let NodeKind::Array(elements) = root.kind else {
            unreachable!("a piece's root is an array")
        };
        index += elements.len();
        items.extend(elements.into_iter().map(|e| e.to_value()));
        start = end;
    }
    // The values are compared apart: node spans are checked by the whole parse's own tests.
    merged.root = Some(Node {
        span: Span::new(0, 0),
        kind: NodeKind::String(serde_json::to_string(&items).unwrap()),
    });
    merged
}

/// Whether reading `src` in pieces tells what reading it whole tells.
fn assert_pieces_agree(src: &str, keep: impl Fn(usize) -> bool + Copy) {
    for opts in [ParseOptions::json(), ParseOptions::jsonc()] {
        let whole = parse(src, &opts);
        let pieces = parse_in_pieces(src, &opts, keep);
        assert_eq!(pieces.errors, whole.errors, "errors of {src:?}");
        assert_eq!(pieces.comments, whole.comments, "comments of {src:?}");
        assert_eq!(pieces.duplicates, whole.duplicates, "duplicates of {src:?}");
        assert_eq!(pieces.bom, whole.bom);
        assert_eq!(
            pieces.unrepresentable_numbers, whole.unrepresentable_numbers,
            "numbers of {src:?}"
        );
        let whole_items = whole.root.map(|root| match root.to_value() {
            Value::Array(items) => serde_json::to_string(&items).unwrap(),
            other => panic!("not an array: {other}"),
        });
        let piece_items = pieces.root.map(|root| match root.kind {
            NodeKind::String(items) => items,
            _ => unreachable!(),
        });
        assert_eq!(piece_items, whole_items, "elements of {src:?}");
    }
}

#[test]
fn an_array_read_in_pieces_reads_as_it_does_whole() {
    let docs = [
        "[]",
        "\u{feff} // lead\n[ ]  ",
        r#"[{"a": 1, "a": 2}, {"b": [1, {"c": 3, "c": 4}]}, 1e999, "x"]"#,
        "[1, 2,]",
        "[1,,2]",
        "[,1]",
        "[1 2]",
        "[1, 2] 3",
        "[1, 2",
        "[1, 2,",
        "[{\"a\": 1]",
        "[{\"a\": 1}, /* c, */ {\"b\": \"x\\\"]\"} // d\n, 3]\n// after\n",
        "[1, /* open",
        "[\"a\nb\", 2]",
    ];
    for doc in docs {
        assert_pieces_agree(doc, |_| true);
        assert_pieces_agree(doc, |k| k % 2 == 1);
    }
}

#[test]
fn the_depth_limit_counts_the_root_array_of_a_piece() {
    let deep = format!("[1, {}{}]", "[".repeat(127), "]".repeat(127));
    assert_pieces_agree(&deep, |_| true);
    let too_deep = format!("[1, {}{}]", "[".repeat(128), "]".repeat(128));
    assert_pieces_agree(&too_deep, |_| true);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn json_like_arrays_read_in_pieces_read_as_whole(src in json_like_text(), every in 1usize..4) {
        let src = format!("[{src}");
        assert_pieces_agree(&src, |k| k % every == 0);
    }

    #[test]
    fn valid_arrays_read_in_pieces_read_as_whole(value in prop::collection::vec(arbitrary_value(), 0..8)) {
        let value = Value::Array(value);
        for src in [serde_json::to_string(&value).unwrap(), serde_json::to_string_pretty(&value).unwrap()] {
            assert_pieces_agree(&src, |_| true);
        }
    }
}
