//! Structural checks shared by all generated `Shape` impls: objects, missing and unknown keys,
//! tags, and the "did you mean" suggestion. Written once here so generated code stays small.

use crate::shape::wrong_type;
use crate::{codes, Context};
use serde_json::{Map, Value};

/// The object `value` is, or a wrong-type violation.
pub fn expect_object<'a>(value: &'a Value, cx: &mut Context) -> Option<&'a Map<String, Value>> {
    match value {
        Value::Object(map) => Some(map),
        other => {
            wrong_type(cx, "an object", other);
            None
        }
    }
}

/// Records that the object at the current path lacks the required `key`.
pub fn missing_key(cx: &mut Context, key: &str) {
    cx.error(codes::MISSING_KEY, format!("missing required key `{key}`"));
}

/// Records an unknown `key` (at the key's own path) with a suggestion: an explicit hint
/// (`hints`: unknown key → known key, for keys of another variant) or a known key within a small
/// edit distance or differing only in case.
pub fn unknown_key(cx: &mut Context, key: &str, known: &[&str], hints: &[(&str, &str)]) {
    let mark = cx.enter_key(key);
    let mut message = format!("unknown key `{key}`");
    let suggestion = hints
        .iter()
        .find(|(from, _)| *from == key)
        .map(|(_, to)| *to)
        .or_else(|| suggest(key, known));
    if let Some(s) = suggestion {
        message.push_str(&format!("; did you mean `{s}`?"));
    } else if !known.is_empty() {
        message.push_str(&format!("; expected one of {}", list(known)));
    }
    cx.error(codes::UNKNOWN_KEY, message);
    cx.leave(mark);
}

/// Records a tag or enum string outside `expected` (at the current path).
pub fn unknown_variant(cx: &mut Context, found: &str, expected: &[&str]) {
    let mut message = format!(
        "unknown value {found:?}; expected one of {}",
        list(expected)
    );
    if let Some(s) = suggest(found, expected) {
        message.push_str(&format!(" (did you mean `{s}`?)"));
    }
    cx.error(codes::UNKNOWN_VARIANT, message);
}

/// The string tag `tag` of `map`: reports it missing (at the object) or not a string (at the tag).
pub fn tag_of<'a>(map: &'a Map<String, Value>, tag: &str, cx: &mut Context) -> Option<&'a str> {
    match map.get(tag) {
        None => {
            missing_key(cx, tag);
            None
        }
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            cx.at_key(tag, |cx| wrong_type(cx, "a string", other));
            None
        }
    }
}

/// `a`, `b` or `c` for messages.
pub fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// The candidate `name` most likely meant: equal ignoring case, or within an edit distance of
/// one per three characters (at least 1, at most 3).
pub fn suggest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if let Some(c) = candidates.iter().find(|c| c.eq_ignore_ascii_case(name)) {
        return Some(c);
    }
    let budget = (name.chars().count() / 3).clamp(1, 3);
    candidates
        .iter()
        .map(|c| (edit_distance(name, c), *c))
        .filter(|(d, _)| *d <= budget)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over chars (the inputs are key names: short).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_and_case_insensitive_names() {
        let known = ["webpageUrl", "thumbImage", "title", "description"];
        assert_eq!(suggest("webPageUrl", &known), Some("webpageUrl"));
        assert_eq!(suggest("thumbimage", &known), Some("thumbImage"));
        assert_eq!(suggest("titel", &known), Some("title"));
        assert_eq!(suggest("url", &known), None);
    }

    #[test]
    fn unknown_key_uses_hint_before_distance() {
        let mut cx = Context::new();
        unknown_key(&mut cx, "url", &["webpageUrl"], &[("url", "webpageUrl")]);
        let v = &cx.violations()[0];
        assert_eq!(v.path(), "/url");
        assert!(
            v.message().contains("did you mean `webpageUrl`?"),
            "{}",
            v.message()
        );
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
