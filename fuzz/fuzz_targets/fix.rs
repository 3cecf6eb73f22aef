//! `--fix` on arbitrary text, safe and unsafe: fixing never panics, never breaks a file that
//! parsed, is idempotent (fixing the fixed text changes nothing), and keeps comments where they
//! belong: every comment that does not belong to a removed element is still there, in the same
//! order, belonging to the same element.

#![no_main]

use libfuzzer_sys::fuzz_target;
use share_json::{Comment, Node, NodeKind, ParseOptions, Span};
use share_lint::diagnostic::FileReport;
use share_lint::engine;
use share_lint::fix::FixMode;
use share_lint::settings::Settings;
use share_schema::catalog::INVALID_JSON;
use std::collections::HashSet;

fn parses(report: &FileReport) -> bool {
    !report.diagnostics.iter().any(|d| d.rule == &INVALID_JSON)
}

/// An element of a `channelType` array (the only arrays fixes remove from): the array's place,
/// the element as written, and which occurrence of that text in the array it is. A fix keeps
/// the first of repeated channels and removes every `wx_moments`, so a kept element keeps its id.
type Element = (String, String, usize);

/// Every comment of `text` as written, with the element it belongs to (`None`: no element of a
/// `channelType` array); and every such element. `None` when `text` does not parse to a value.
fn comments_and_elements(text: &str) -> Option<(Vec<(String, Option<Element>)>, HashSet<Element>)> {
    let parsed = share_json::parse(text, &ParseOptions::jsonc());
    let mut arrays = Vec::new();
    channel_arrays(parsed.root.as_ref()?, String::new(), &mut arrays);
    let mut elements = HashSet::new();
    let mut owned = Vec::new();
    for c in &parsed.comments {
        let owner = arrays.iter().find_map(|(place, array)| {
            let inside = array.span.start < c.span.start && c.span.end < array.span.end;
            inside.then(|| owner(text, &parsed.comments, place, array, c.span))
        });
        owned.push((text[c.span.range()].to_owned(), owner.flatten()));
    }
    for (place, array) in &arrays {
        for i in 0..items(array).len() {
            elements.insert(element(text, place, array, i));
        }
    }
    Some((owned, elements))
}

/// The `channelType` arrays of the tree, outermost only, with their places (pointers whose
/// segments count repeated keys, so that two `channelType` keys of one object differ).
fn channel_arrays<'a>(node: &'a Node, place: String, out: &mut Vec<(String, &'a Node)>) {
    match &node.kind {
        NodeKind::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                channel_arrays(item, format!("{place}/{i}"), out);
            }
        }
        NodeKind::Object(members) => {
            for (i, m) in members.iter().enumerate() {
                let seen = members[..i].iter().filter(|o| o.key == m.key).count();
                let place = format!("{place}/{}#{seen}", m.key);
                match &m.value.kind {
                    NodeKind::Array(_) if m.key == "channelType" => out.push((place, &m.value)),
                    _ => channel_arrays(&m.value, place, out),
                }
            }
        }
        _ => {}
    }
}

fn items(array: &Node) -> &[Node] {
    match &array.kind {
        NodeKind::Array(items) => items,
        _ => &[],
    }
}

fn element(text: &str, place: &str, array: &Node, i: usize) -> Element {
    let items = items(array);
    let written = &text[items[i].span.range()];
    let seen = items[..i]
        .iter()
        .filter(|e| &text[e.span.range()] == written)
        .count();
    (place.to_owned(), written.to_owned(), seen)
}

/// The element of `array` that the comment at `at` belongs to, by the rule `share_lint::fix`
/// documents, written again here from that doc: inside an element, that element; all on one
/// line between two elements, the one before if the comment is before the comma, else the one
/// after; on the line a gap starts, the element before; on the next element's line before it
/// (after any comma there), or on comment-only lines directly above it, the element after.
fn owner(text: &str, comments: &[Comment], place: &str, array: &Node, at: Span) -> Option<Element> {
    let items = items(array);
    if let Some(i) = items
        .iter()
        .position(|e| e.span.start <= at.start && at.end <= e.span.end)
    {
        return Some(element(text, place, array, i));
    }
    let k = items.iter().take_while(|e| e.span.end <= at.start).count();
    let prev = k.checked_sub(1);
    let next = (k < items.len()).then_some(k);
    let start = prev.map_or(array.span.start + 1, |p| items[p].span.end);
    let end = next.map_or(array.span.end - 1, |n| items[n].span.start);
    // The gap with its comments blanked out: its line breaks and commas are the real ones.
    let mut gap = text.as_bytes()[start..end].to_vec();
    let mut starts = Vec::new();
    for c in comments
        .iter()
        .filter(|c| start <= c.span.start && c.span.end <= end)
    {
        gap[c.span.start - start..c.span.end - start].fill(b' ');
        starts.push(c.span.start - start);
    }
    let lines: Vec<&[u8]> = gap.split(|&b| b == b'\n').collect();
    let line_of = |offset: usize| gap[..offset].iter().filter(|&&b| b == b'\n').count();
    let last = lines.len() - 1;
    let me = at.start - start;
    let line = line_of(me);
    let comma = gap.iter().position(|&b| b == b',');
    let after_comma = comma.is_some_and(|c| c < me);
    let owner = if last == 0 {
        if after_comma {
            next.or(prev)
        } else {
            prev.or(next)
        }
    } else if line == 0 {
        prev
    } else if line == last {
        let comma_here = comma.is_some_and(|c| line_of(c) == last);
        (!comma_here || after_comma).then_some(next).flatten()
    } else {
        let comment_only =
            |l: usize| !lines[l].contains(&b',') && starts.iter().any(|&s| line_of(s) == l);
        (line..last).all(comment_only).then_some(next).flatten()
    };
    owner.map(|i| element(text, place, array, i))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let settings = Settings::default();
    for name in ["payload.json", "payload.jsonc"] {
        let before = engine::lint_text(name, text.to_owned(), &settings);
        for mode in [FixMode::Safe, FixMode::Unsafe] {
            let (report, fixed) = engine::lint_and_fix(name, text.to_owned(), &settings, mode);
            let Some(fixed) = fixed else {
                continue;
            };
            assert_eq!(report.source.text, fixed);
            if parses(&before) {
                assert!(
                    parses(&report),
                    "{mode:?} fixes broke {name}:\n{text}\n--- became\n{fixed}"
                );
            }
            if let (Some((was, _)), Some((now, kept))) =
                (comments_and_elements(text), comments_and_elements(&fixed))
            {
                let expected: Vec<_> = was
                    .into_iter()
                    .filter(|(_, owner)| owner.as_ref().is_none_or(|e| kept.contains(e)))
                    .collect();
                assert_eq!(
                    now, expected,
                    "{mode:?} fixes of {name} lost or moved a comment:\n{text}\n--- became\n{fixed}"
                );
            }
            let (_, again) = engine::lint_and_fix(name, fixed.clone(), &settings, mode);
            assert!(
                again.is_none(),
                "{mode:?} fixes of {name} are not idempotent:\n{fixed}\n--- became\n{}",
                again.unwrap_or_default()
            );
        }
    }
});
