//! SM004 `unused-suppression`: a `// share-lint-ignore CODE: reason` comment that suppressed
//! nothing.

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::json::{Comment, Span};

crate::declare_rule! {
    /// ## What it does
    /// Checks that every suppression comment, `// share-lint-ignore CODE: reason` (in a file
    /// that allows comments), suppressed at least one finding of the code it names.
    ///
    /// ## Why is this bad?
    /// A suppression records that a finding was seen and accepted, with the reason. Once the
    /// payload changes — the URL moved to https, the thumbnail was shrunk — the comment
    /// suppresses nothing but still claims an exception, and it would silently hide the next
    /// finding of that code at the same place. A misspelt code (`SM52` for `SM502`) never
    /// suppresses anything, so this rule also catches suppressions that never worked.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "测试环境入口",
    ///     // share-lint-ignore SM502: the staging host has no certificate yet
    ///     "webpageUrl": "https://staging.kingsoft.com/"
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
    ///     "title": "测试环境入口",
    ///     "webpageUrl": "https://staging.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct UnusedSuppression {
        rule: UNUSED_SUPPRESSION,
        fix: None,
    }
}

/// The `// share-lint-ignore CODE[, CODE]: reason` comments of a file, and which of their codes
/// have suppressed a finding so far.
pub(crate) struct Suppressions {
    /// In source order.
    comments: Vec<Suppression>,
}

/// One suppression comment.
struct Suppression {
    span: Span,
    line: u32,
    codes: Vec<String>,
    used: Vec<bool>,
}

impl Suppressions {
    /// The suppression comments among `comments` of `source`.
    pub(crate) fn parse(source: &SourceFile, comments: &[Comment]) -> Self {
        let mut out = Vec::new();
        for comment in comments {
            let Some(rest) = comment.text.trim().strip_prefix("share-lint-ignore") else {
                continue;
            };
            let list = rest.split_once(':').map_or(rest, |(codes, _reason)| codes);
            let codes: Vec<String> = list
                .split([',', ' '])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect();
            let used = vec![false; codes.len()];
            let (line, _) = source.line_index().line_col(comment.span.start);
            out.push(Suppression {
                span: comment.span,
                line,
                codes,
                used,
            });
        }
        Suppressions { comments: out }
    }

    /// Whether a comment on the line before `d`'s line in `source` names the rule of `d` (by
    /// code or name), marking it used; never for a rule that is not suppressible.
    pub(crate) fn suppress(&mut self, d: &Diagnostic, source: &SourceFile) -> bool {
        // Most files have no suppression comment: no line to compute, no rule to look up.
        if self.comments.is_empty() || !crate::rules::of(d.rule).is_some_and(|r| r.suppressible) {
            return false;
        }
        let (line, _) = source.line_index().line_col(d.span.start);
        // The comments are in source order: find the line before by bisection, not by scanning
        // them all for every finding (a file can hold thousands of each).
        let first = self.comments.partition_point(|s| s.line + 1 < line);
        let mut suppressed = false;
        for s in self.comments[first..]
            .iter_mut()
            .take_while(|s| s.line + 1 == line)
        {
            for (i, c) in s.codes.iter().enumerate() {
                if c.eq_ignore_ascii_case(d.rule.code) || c == d.rule.name {
                    s.used[i] = true;
                    suppressed = true;
                }
            }
        }
        suppressed
    }

    /// A finding for every code of a comment that suppressed nothing.
    pub(crate) fn unused(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        self.comments.iter().flat_map(|s| {
            s.codes
                .iter()
                .zip(&s.used)
                .filter(|(_, used)| !**used)
                .map(|(c, _)| {
                    let message = if crate::rules::lookup(c).is_some() {
                        format!(
                            "`share-lint-ignore {c}` suppresses nothing: no `{c}` finding on the next line"
                        )
                    } else {
                        format!("`share-lint-ignore {c}` names no rule")
                    };
                    Diagnostic::new(UnusedSuppression::RULE.rule, s.span, message).with_help(
                        "remove the comment, or move it to the line before the finding",
                    )
                })
        })
    }
}
