//! SM002 `duplicate-key`: a key that repeats an earlier key of the same object.

use crate::diagnostic::Diagnostic;
use crate::json::Parsed;

crate::declare_rule! {
    /// ## What it does
    /// Checks that no object has the same key twice. The finding points at the later key and
    /// names the earlier one; the rest of the file is checked with the later value, which is
    /// the one that counts.
    ///
    /// ## Why is this bad?
    /// `JSON.parse` keeps the last value of a repeated key without a word, and so do most JSON
    /// libraries (`serde_json::Value` among them). The earlier value is dead text that a reader
    /// takes for the real one: after an edit that added a new `title` below the old one, the
    /// file shows two titles and the card gets only the second.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": "https://www.kingsoft.com/",
    ///     "title": "加入金山软件"
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "加入金山软件",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. Which of the two values was meant cannot be known.
    pub struct DuplicateKey {
        rule: DUPLICATE_KEY,
        fix: None,
    }
}

impl DuplicateKey {
    /// Every key that repeats an earlier key of its object.
    pub(crate) fn check(parsed: &Parsed) -> impl Iterator<Item = Diagnostic> + '_ {
        parsed.duplicates.iter().map(|dup| {
            let where_ = if dup.pointer.is_empty() {
                "the top-level object".to_owned()
            } else {
                format!("`{}`", dup.pointer)
            };
            Diagnostic::new(
                Self::RULE.rule,
                dup.duplicate,
                format!(
                    "duplicate key `{}` in {where_}: `JSON.parse` silently keeps only the last value",
                    dup.key
                ),
            )
            .with_help("remove one of the two keys")
        })
    }
}
