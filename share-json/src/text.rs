//! The small text helpers every crate of the toolkit shares, written once: "did you mean"
//! ([`suggest`]) and quoting a user's text in a message ([`clip`]).
//!
//! ```
//! use share_json::text::{clip, suggest};
//!
//! assert_eq!(suggest("titel", &["title", "description"]), Some("title"));
//! assert_eq!(suggest("warn", &["error", "warning", "info"]), Some("warning"));
//! assert_eq!(suggest("zzz", &["title"]), None);
//! assert_eq!(clip("data:image/png;base64,iVBORw0", 10), "data:image…");
//! ```

use std::borrow::Cow;

/// How many characters of a user's text a message quotes: a hostile file may hold a key or a
/// value of megabytes.
pub const QUOTE_CHARS: usize = 60;

/// The candidate `word` most likely meant ("did you mean"), for every suggestion the toolkit
/// makes — unknown keys and variants, configuration keys, rule names, derive attributes:
///
/// 1. a candidate equal to it ignoring ASCII case;
/// 2. else the closest candidate within one edit per three characters of `word` (at least 1,
///    at most 3), counting a swap of neighbours as one edit (optimal string alignment, so
///    `titel` is one edit from `title`);
/// 3. else, for a word of three characters or more, the one candidate it abbreviates (`warn`
///    for `warning`), which is further than that in edits — none when it abbreviates several.
pub fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if let Some(c) = candidates.iter().find(|c| c.eq_ignore_ascii_case(word)) {
        return Some(c);
    }
    let len = word.chars().count();
    let budget = (len / 3).clamp(1, 3);
    let close = candidates
        .iter()
        // The distance is at least the difference in length: a hostile key of megabytes is
        // measured against nothing (its distance table would take gigabytes).
        .filter(|c| c.chars().count().abs_diff(len) <= budget)
        .map(|c| (strsim::osa_distance(word, c), *c))
        .filter(|(d, _)| *d <= budget)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c);
    close.or_else(|| {
        if len < 3 {
            return None;
        }
        let mut abbreviated = candidates.iter().filter(|c| c.starts_with(word));
        match (abbreviated.next(), abbreviated.next()) {
            (Some(one), None) => Some(*one),
            _ => None,
        }
    })
}

/// `text` as a message quotes a user's key or value: at most [`QUOTE_CHARS`] characters.
pub fn quote(text: &str) -> Cow<'_, str> {
    clip(text, QUOTE_CHARS)
}

/// `text` cut to at most `max` characters, `…` marking a cut.
pub fn clip(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]).into(),
        None => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggest_by_case_edits_and_prefix() {
        assert_eq!(suggest("Title", &["title"]), Some("title"));
        assert_eq!(suggest("webpageurl", &["webpageUrl"]), Some("webpageUrl"));
        assert_eq!(
            suggest("thumbimage", &["thumbImage", "title"]),
            Some("thumbImage")
        );
        // One edit per three characters: `tilte` (5 chars, budget 1) is one swap from `title`.
        assert_eq!(suggest("tilte", &["title"]), Some("title"));
        assert_eq!(suggest("ab", &["xy"]), None);
        assert_eq!(
            suggest("insecure-urls", &["insecure-url", "invalid-url"]),
            Some("insecure-url")
        );
        assert_eq!(suggest("inf", &["info", "error"]), Some("info"));
        assert_eq!(suggest("x", &["xylophone"]), None);
        assert_eq!(suggest("thumb", &["thumbImage", "thumbnail"]), None);
        // A key of megabytes is not measured.
        assert_eq!(suggest(&"a".repeat(1 << 20), &["title"]), None);
    }

    #[test]
    fn clip_counts_characters() {
        assert_eq!(clip("金山软件欢迎你", 4), "金山软件…");
        assert_eq!(clip("short", 60), "short");
        assert_eq!(clip("", 0), "");
        assert_eq!(clip("ab", 0), "…");
    }
}
