//! SM004 `unused-suppression`: a `// share-lint-ignore CODE: reason` comment that suppressed
//! nothing.

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::json::{Comment, Span};
use share_schema::catalog::Rule;

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

/// The `// share-lint-ignore CODE[, CODE]: reason` comments of a file, and which of the rules
/// they name have suppressed a finding so far.
///
/// Each comment resolves its codes to rules once, so matching a finding costs a look-up among
/// the (few) rules the comment names, whatever the number of codes written on it: a line of a
/// million codes over a line of a million findings is linear, not a million squared. The
/// comments of one line are grouped, with the rules they name between them: a finding under a
/// line of many comments costs one look-up too, and the comments are walked once per rule.
pub(crate) struct Suppressions<'a> {
    /// In source order.
    comments: Vec<Suppression<'a>>,
    /// The lines that hold suppression comments, in order.
    lines: Vec<Line>,
}

/// The suppression comments of one line.
struct Line {
    line: u32,
    /// Their indices in `comments`.
    comments: std::ops::Range<usize>,
    /// The distinct rules they name, each with whether a finding on the next line used it.
    rules: Vec<(&'static Rule, bool)>,
}

/// One suppression comment.
struct Suppression<'a> {
    span: Span,
    line: u32,
    /// The codes as written, each with the index in `named` of the rule it names.
    codes: Vec<(&'a str, Option<u16>)>,
    /// The distinct rules named, each with whether it suppressed a finding.
    named: Vec<(&'static Rule, bool)>,
}

/// The codes of a suppression comment's text, or `None` for another comment.
fn codes_of(text: &str) -> Option<impl Iterator<Item = &str>> {
    let rest = text.trim().strip_prefix("share-lint-ignore")?;
    let list = rest.split_once(':').map_or(rest, |(codes, _reason)| codes);
    Some(
        list.split([',', ' '])
            .map(str::trim)
            .filter(|c| !c.is_empty()),
    )
}

impl<'a> Suppressions<'a> {
    /// Whether `comment` is a suppression comment.
    pub(crate) fn is_suppression(comment: &Comment) -> bool {
        codes_of(&comment.text).is_some()
    }

    /// How many of `comments` are suppression comments.
    pub(crate) fn count(comments: &[Comment]) -> usize {
        comments
            .iter()
            .filter(|c| codes_of(&c.text).is_some())
            .count()
    }

    /// The suppression comments among `comments` of `source`.
    pub(crate) fn parse(source: &SourceFile, comments: &'a [Comment]) -> Self {
        let mut out = Vec::new();
        for comment in comments {
            let Some(list) = codes_of(&comment.text) else {
                continue;
            };
            let mut named: Vec<(&'static Rule, bool)> = Vec::new();
            let codes = list
                .map(|c| {
                    let rule = crate::rules::lookup(c).map(|r| r.rule);
                    let index = rule.map(|rule| {
                        let i = named
                            .iter()
                            .position(|(n, _)| *n == rule)
                            .unwrap_or_else(|| {
                                named.push((rule, false));
                                named.len() - 1
                            });
                        // Rule codes have three digits: fewer than 1,000 rules.
                        u16::try_from(i).unwrap_or(u16::MAX)
                    });
                    (c, index)
                })
                .collect();
            let (line, _) = source.line_col(comment.span.start);
            out.push(Suppression {
                span: comment.span,
                line,
                codes,
                named,
            });
        }
        let mut lines: Vec<Line> = Vec::new();
        for (i, s) in out.iter().enumerate() {
            let line = match lines.last_mut() {
                Some(last) if last.line == s.line => last,
                _ => {
                    lines.push(Line {
                        line: s.line,
                        comments: i..i,
                        rules: Vec::new(),
                    });
                    lines.last_mut().expect("just pushed")
                }
            };
            line.comments.end = i + 1;
            for (rule, _) in &s.named {
                if !line.rules.iter().any(|(r, _)| r == rule) {
                    line.rules.push((rule, false));
                }
            }
        }
        Suppressions {
            comments: out,
            lines,
        }
    }

    /// Whether a comment on the line before `d`'s line in `source` names the rule of `d` (by
    /// code or name), marking it used; never for a rule that is not suppressible.
    pub(crate) fn suppress(&mut self, d: &Diagnostic, source: &SourceFile) -> bool {
        // Most files have no suppression comment: no line to compute, no rule to look up.
        if self.comments.is_empty() || !crate::rules::of(d.rule).is_some_and(|r| r.suppressible) {
            return false;
        }
        let (line, _) = source.line_col(d.span.start);
        // The lines are in source order: find the line before by bisection, not by scanning
        // them all for every finding (a file can hold thousands of each).
        let at = self.lines.partition_point(|l| l.line + 1 < line);
        let Some(before) = self.lines.get_mut(at).filter(|l| l.line + 1 == line) else {
            return false;
        };
        let Some((_, used)) = before.rules.iter_mut().find(|(r, _)| *r == d.rule) else {
            return false;
        };
        if !*used {
            // The first finding of this rule here marks every comment of the line naming it.
            *used = true;
            for s in &mut self.comments[before.comments.clone()] {
                if let Some((_, used)) = s.named.iter_mut().find(|(r, _)| *r == d.rule) {
                    *used = true;
                }
            }
        }
        true
    }

    /// A finding for every code of a comment that suppressed nothing.
    pub(crate) fn unused(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        self.comments.iter().flat_map(|s| {
            s.codes
                .iter()
                .filter(|(_, named)| !named.is_some_and(|i| s.named[usize::from(i)].1))
                .map(|(c, named)| {
                    let message = if named.is_some() {
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
