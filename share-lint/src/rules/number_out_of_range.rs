//! SM007 `number-out-of-range`: a number such as `1e999999` that no JavaScript engine represents.

use crate::diagnostic::Diagnostic;
use crate::json::text::clip;
use crate::json::{Parsed, Span};

crate::declare_rule! {
    /// ## What it does
    /// Checks that every number is within the range of a double (the largest is about
    /// 1.8e308). JSON's grammar allows any number of digits and any exponent, so `1e999999` is
    /// valid JSON.
    ///
    /// ## Why is this bad?
    /// JavaScript numbers are doubles: `JSON.parse` turns a number beyond their range into
    /// `Infinity`, and `JSON.stringify` writes `Infinity` back as `null`, so the value is lost
    /// on the first round trip; `serde_json` refuses the whole document ("number out of
    /// range"). The payload format has no numeric keys, so such a number is a wrong type as
    /// well; most often it is a generator's bug or a fuzzing input.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "channelType": ["wx"],
    ///   "channelObject": { "text": "你好" },
    ///   "showAIAgentEntrance": 1e999999
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "channelType": ["wx"],
    ///   "channelObject": { "text": "你好" },
    ///   "showAIAgentEntrance": true
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct NumberOutOfRange {
        rule: NUMBER_OUT_OF_RANGE,
        fix: None,
    }
}

impl NumberOutOfRange {
    /// Every number JavaScript reads as `±Infinity`.
    pub(crate) fn check<'a>(
        parsed: &'a Parsed,
        text: &'a str,
    ) -> impl Iterator<Item = Diagnostic> + 'a {
        parsed.unrepresentable_numbers.iter().map(move |span| {
            let number = &text[span.range()];
            let infinity = if number.starts_with('-') {
                "-Infinity"
            } else {
                "Infinity"
            };
            // A number can be megabytes of digits: quote its start.
            Diagnostic::new(
                Self::RULE.rule,
                *span,
                format!(
                    "the number `{}` is out of range: JavaScript reads it as {infinity}",
                    clip(number, 40)
                ),
            )
        })
    }

    /// Whether `d` only restates this rule's finding: an out-of-range number is read as `null`,
    /// so the model also reports its wrong type.
    pub(crate) fn covers(unrepresentable: &[Span], d: &Diagnostic) -> bool {
        d.rule == &share_schema::catalog::WRONG_TYPE && unrepresentable.contains(&d.span)
    }
}
