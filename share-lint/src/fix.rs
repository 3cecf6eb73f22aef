//! Fixes: applying a report's edits to its text, and the edit shapes several rules share.
//! Each rule builds its own fix in its rule file; what a fix may change is documented in that
//! rule's "Fix safety".

use crate::diagnostic::{Applicability, Edit, FileReport};
use crate::json::{Node, Span};
use std::collections::HashSet;

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixMode {
    /// Safe fixes only.
    Safe,
    /// Safe and unsafe fixes.
    Unsafe,
}

/// Applies the report's fixes (of the allowed kinds) to its text; `None` when nothing applies.
/// Overlapping edits are left for the next pass: callers lint again until nothing changes.
pub fn apply_fixes(report: &FileReport, mode: FixMode) -> Option<String> {
    let mut edits: Vec<&Edit> = report
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe || mode == FixMode::Unsafe)
        .flat_map(|f| f.edits.iter())
        .collect();
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let text = &report.source.text;
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        if e.span.start < at {
            continue; // overlaps an edit already taken
        }
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    (out != *text).then_some(out)
}

/// Edits removing the array elements at `indices` together with one separating comma each.
pub(crate) fn remove_elements(items: &[Node], indices: &[usize]) -> Vec<Edit> {
    let remove: HashSet<usize> = indices.iter().copied().collect();
    let mut edits = Vec::new();
    let mut i = 0;
    while i < items.len() {
        if !remove.contains(&i) {
            i += 1;
            continue;
        }
        // A run of removed elements [i, j).
        let mut j = i;
        while j < items.len() && remove.contains(&j) {
            j += 1;
        }
        let span = if i > 0 {
            // From the end of the kept element before the run to the end of the run.
            Span::new(items[i - 1].span.end, items[j - 1].span.end)
        } else if j < items.len() {
            // From the start of the run to the start of the next kept element.
            Span::new(items[i].span.start, items[j].span.start)
        } else {
            Span::new(items[i].span.start, items[j - 1].span.end)
        };
        edits.push(Edit {
            span,
            replacement: String::new(),
        });
        i = j;
    }
    edits
}
