//! Values a script computes when it runs ([`NodeKind::Unknown`], from the JS/TS front end), and
//! which findings of a payload hold whatever those values are.
//!
//! A finding is reported only when it holds for every value an unknown may take, so that a rule
//! that depends on an unknown never fires, while rules on the known parts still do (DOMAIN.md §3,
//! "where payloads live"). The rules are not asked what they read; instead the payload is checked
//! with each unknown replaced by candidate values — every string the payload's JSON Schema
//! names (the share types, the channels), another string, `true`, `false`, `0`, `[]`, `{}` and
//! `null` — and only what every check finds, with the same message and help, is kept:
//!
//! 1. Each unknown in turn takes the candidate that leaves the fewest findings elsewhere, among
//!    those of the type its place expects (no structural finding, such as `wrong-type`, at or
//!    under it).
//! 2. With all of them chosen, each unknown in turn takes each of its other candidates of the
//!    right type; a finding is kept only if every one of those checks finds it too.
//!
//! Findings at or under an unknown value are never kept (its key still counts: an unknown key
//! with a computed value is reported), nor those at an object with a spread or a computed key
//! (`{...base, type: "text"}`), which may hold any key it does not spell out. The first
//! [`MAX_VARIED`] unknowns of a payload are varied; the rest keep the first candidate, so the
//! checks of a payload are bounded. Each unknown is varied in turn around the others' choices:
//! combinations of two unknowns' candidates are not checked.
//!
//! The checks of a file — these, and the one check of each payload without unknowns — cost at
//! most [`BUDGET_PER_BYTE`] times its size plus [`BUDGET_BASE`] (in bytes of payload checked): a
//! payload past that reports nothing, so that a file of many calls, each with unknowns beside a
//! long thumbnail or naming one `const` thumbnail, is linted in time linear in its size.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde_json::Value;
use share_schema::catalog::PointsAt;
use share_schema::Violation;

use crate::json::{push_pointer_segment, Node, NodeKind, Span};

/// What checking the payloads of a file with unknowns may cost, per byte of the file, in bytes
/// of payload checked (see [`certain`]), beyond [`BUDGET_BASE`].
pub const BUDGET_PER_BYTE: usize = 64;

/// What checking the payloads of any file with unknowns may cost, in bytes of payload checked.
pub const BUDGET_BASE: usize = 1 << 20;

/// How many unknowns of one payload are varied (see the module docs).
pub const MAX_VARIED: usize = 16;

/// The values an unknown may be replaced by (see the module docs).
static CANDIDATES: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let mut strings = Vec::new();
    schema_strings(&share_schema::json_schema(), &mut strings);
    let mut out = vec![Value::from("x")];
    for s in strings {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out.extend([
        Value::Bool(true),
        Value::Bool(false),
        Value::from(0),
        Value::Array(Vec::new()),
        Value::Object(serde_json::Map::new()),
        Value::Null,
    ]);
    out
});

/// The strings of every `enum` and `const` of a schema.
fn schema_strings(schema: &Value, out: &mut Vec<Value>) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("enum", Value::Array(items)) => {
                        out.extend(items.iter().filter(|v| v.is_string()).cloned());
                    }
                    ("const", Value::String(_)) => out.push(value.clone()),
                    ("examples" | "default" | "defaultSnippets", _) => {}
                    _ => schema_strings(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| schema_strings(v, out)),
        _ => {}
    }
}

/// Where a payload's unknowns are, by JSON Pointer.
#[derive(Debug, Default)]
pub(crate) struct Unknowns {
    /// The unknown values, in document order.
    values: Vec<String>,
    /// The objects that may hold keys they do not spell out, and the keys they spell out.
    open: Vec<(String, Vec<String>)>,
}

impl Unknowns {
    /// The unknowns of `node`; `open` are the spans of its open objects.
    pub(crate) fn of(node: &Node, open: &[Span]) -> Unknowns {
        let mut out = Unknowns::default();
        out.walk(node, &mut String::new(), open);
        out
    }

    fn walk(&mut self, node: &Node, pointer: &mut String, open: &[Span]) {
        let len = pointer.len();
        match &node.kind {
            NodeKind::Unknown => self.values.push(pointer.clone()),
            NodeKind::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    self.walk(item, pointer, open);
                    pointer.truncate(len);
                }
            }
            NodeKind::Object(members) => {
                if open.contains(&node.span) {
                    let keys = members.iter().map(|m| m.key.clone()).collect();
                    self.open.push((pointer.clone(), keys));
                }
                for m in members {
                    push_pointer_segment(pointer, &m.key);
                    self.walk(&m.value, pointer, open);
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }

    /// Whether there is nothing unknown.
    pub(crate) fn is_empty(&self) -> bool {
        self.values.is_empty() && self.open.is_empty()
    }

    /// Whether `v` is about an unknown value, an open object, or a key an open object does not
    /// spell out (a missing key is reported at its own pointer or at the object's).
    fn hides(&self, v: &Violation) -> bool {
        let path = v.path();
        self.values
            .iter()
            .any(|p| under(path, p) && (path != p || v.rule().points_at == PointsAt::Value))
            || self.open.iter().any(|(p, keys)| {
                path == p
                    || path.strip_prefix(p.as_str()).is_some_and(|rest| {
                        rest.strip_prefix('/').is_some_and(|segment| {
                            !segment.contains('/') && !keys.iter().any(|k| unescape(segment) == *k)
                        })
                    })
            })
    }
}

/// A JSON Pointer segment's key (`~1` is `/`, `~0` is `~`).
fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// Whether `path` is `pointer` or under it.
fn under(path: &str, pointer: &str) -> bool {
    path.strip_prefix(pointer)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// A finding's identity across checks: its rule, its place and what it says (a message or help
/// that names a candidate value differs from check to check, and is not kept).
type Identity = (&'static str, String, String, Option<String>);

fn identity(v: &Violation) -> Identity {
    (
        v.code(),
        v.path().to_owned(),
        v.message().to_owned(),
        v.help().map(str::to_owned),
    )
}

/// What checking `value` once costs, in bytes of it (a long thumbnail is decoded each time).
pub(crate) fn cost(value: &Value) -> usize {
    match value {
        Value::String(s) => 8 + s.len(),
        Value::Array(items) => items.iter().map(cost).sum::<usize>() + 8,
        Value::Object(map) => {
            map.iter()
                .map(|(k, v)| 8 + k.len() + cost(v))
                .sum::<usize>()
                + 8
        }
        _ => 8,
    }
}

/// The violations of `value` that hold whatever its unknowns are (see the module docs).
/// `value` is the payload with `null` at its unknowns; `check` runs every rule on a value.
///
/// `budget` is what the checks of a file may still cost, in bytes of payload checked (see
/// [`cost`]): a payload whose checks would pass it is not checked at all (`None`), and reports
/// nothing, so that a file's time stays linear in its size.
pub(crate) fn certain(
    value: &mut Value,
    unknowns: &Unknowns,
    budget: &mut usize,
    mut check: impl FnMut(&Value) -> Vec<Violation>,
) -> Option<Vec<Violation>> {
    let varied = &unknowns.values[..unknowns.values.len().min(MAX_VARIED)];
    let need = cost(value).saturating_mul(2 * varied.len() * CANDIDATES.len() + 1);
    *budget = budget.checked_sub(need)?;
    let set = |value: &mut Value, pointer: &str, candidate: &Value| {
        if let Some(slot) = value.pointer_mut(pointer) {
            *slot = candidate.clone();
        }
    };
    for p in &unknowns.values {
        set(value, p, &CANDIDATES[0]);
    }
    // Whether the value at `pointer` has a type its place takes.
    let fits = |found: &[Violation], pointer: &str| {
        !found.iter().any(|v| {
            v.rule().structural
                && under(v.path(), pointer)
                && (v.path() != pointer || v.rule().points_at == PointsAt::Value)
        })
    };
    let visible =
        |found: &[Violation]| -> usize { found.iter().filter(|v| !unknowns.hides(v)).count() };
    // 1. Choose.
    let mut chosen = vec![0; varied.len()];
    let mut fitting: Vec<Vec<usize>> = vec![Vec::new(); varied.len()];
    for (i, pointer) in varied.iter().enumerate() {
        let mut best: Option<(usize, usize)> = None;
        for (c, candidate) in CANDIDATES.iter().enumerate() {
            set(value, pointer, candidate);
            let found = check(value);
            if !fits(&found, pointer) {
                continue;
            }
            fitting[i].push(c);
            let n = visible(&found);
            if best.is_none_or(|(_, least)| n < least) {
                best = Some((c, n));
            }
        }
        chosen[i] = best.map_or(0, |(c, _)| c);
        if fitting[i].is_empty() {
            fitting[i].push(0);
        }
        set(value, pointer, &CANDIDATES[chosen[i]]);
    }
    // 2. Vary each around the choice; keep what every check finds.
    let found = check(value);
    let mut kept: HashSet<Identity> = found
        .iter()
        .filter(|v| !unknowns.hides(v))
        .map(identity)
        .collect();
    for (i, pointer) in varied.iter().enumerate() {
        for &c in &fitting[i] {
            if c == chosen[i] || kept.is_empty() {
                continue;
            }
            set(value, pointer, &CANDIDATES[c]);
            let other: HashSet<_> = check(value).iter().map(identity).collect();
            kept.retain(|id| other.contains(id));
        }
        set(value, pointer, &CANDIDATES[chosen[i]]);
    }
    Some(
        found
            .into_iter()
            .filter(|v| !unknowns.hides(v) && kept.contains(&identity(v)))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_name_the_schemas_strings() {
        for s in ["text", "webPage", "miniProgram", "wx", "wx_moments"] {
            assert!(CANDIDATES.contains(&Value::from(s)), "{s}");
        }
    }

    #[test]
    fn under_is_by_segment() {
        assert!(under("/a/b", "/a"));
        assert!(under("/a", "/a"));
        assert!(!under("/ab", "/a"));
        assert!(under("/a", ""));
    }
}
