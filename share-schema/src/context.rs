//! The validation context: the JSON Pointer of the value being checked and the violations so far.
//!
//! Generated code enters a key or index, runs the rules of that value and leaves again, so the
//! pointer is built once per step and copied only when a violation is recorded.
//!
//! ```
//! use share_schema::{catalog::Rule, Context, Severity};
//! const NO_SLASH: Rule = Rule::new("APP001", "slash-in-key", Severity::Error, "a key with a slash");
//! let mut cx = Context::new();
//! let mark = cx.enter_key("channelObject");
//! cx.at_key("a/b", |cx| cx.report(&NO_SLASH, "bad"));
//! cx.leave(mark);
//! let report = cx.into_report();
//! assert_eq!(report.as_slice()[0].path(), "/channelObject/a~1b");
//! ```

use crate::catalog::Rule;
use crate::rules::Failure;
use crate::{Report, Severity, Violation};
use std::fmt::Write as _;

/// Where validation is and what it has found.
#[derive(Debug, Default)]
pub struct Context {
    path: String,
    violations: Vec<Violation>,
}

/// The position to return to with [`Context::leave`].
#[derive(Clone, Copy, Debug)]
#[must_use = "pass it to Context::leave"]
pub struct Mark(usize);

impl Context {
    /// An empty context at the document root.
    pub fn new() -> Self {
        // Room for a typical pointer (`/channelObject/thumbImage`) without regrowing.
        Context {
            path: String::with_capacity(64),
            violations: Vec::new(),
        }
    }

    /// A context whose paths start at `prefix` (a JSON Pointer).
    pub fn with_prefix(prefix: &str) -> Self {
        Context {
            path: prefix.to_owned(),
            violations: Vec::new(),
        }
    }

    /// The JSON Pointer of the value being checked.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What the current path names, for the front of a message: the last key (`title`), `item 2`
    /// for an array element, `the value` at the root.
    pub fn subject(&self) -> String {
        let last = match self.path.rfind('/') {
            Some(i) => &self.path[i + 1..],
            None => return "the value".to_owned(),
        };
        if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
            format!("item {last}")
        } else if last.contains('~') {
            last.replace("~1", "/").replace("~0", "~")
        } else {
            last.to_owned()
        }
    }

    /// Steps into the member `key` of an object; returns where to [`leave`](Self::leave) to.
    pub fn enter_key(&mut self, key: &str) -> Mark {
        let mark = Mark(self.path.len());
        self.path.push('/');
        if key.bytes().any(|b| b == b'~' || b == b'/') {
            for ch in key.chars() {
                match ch {
                    '~' => self.path.push_str("~0"),
                    '/' => self.path.push_str("~1"),
                    c => self.path.push(c),
                }
            }
        } else {
            self.path.push_str(key);
        }
        mark
    }

    /// Steps into the element `index` of an array.
    pub fn enter_index(&mut self, index: usize) -> Mark {
        let mark = Mark(self.path.len());
        let _ = write!(self.path, "/{index}");
        mark
    }

    /// Returns to where `mark` was taken.
    pub fn leave(&mut self, mark: Mark) {
        self.path.truncate(mark.0);
    }

    /// Runs `f` at the member `key`.
    pub fn at_key<R>(&mut self, key: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        let mark = self.enter_key(key);
        let r = f(self);
        self.leave(mark);
        r
    }

    /// Runs `f` at the element `index`.
    pub fn at_index<R>(&mut self, index: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        let mark = self.enter_index(index);
        let r = f(self);
        self.leave(mark);
        r
    }

    /// Records a violation of `rule` at the current path, with the rule's severity.
    pub fn report(&mut self, rule: &'static Rule, message: impl Into<String>) {
        let v = Violation::new(rule, self.path.clone(), message);
        self.violations.push(v);
    }

    /// Records a violation built by the caller; its path is replaced by the current one.
    pub fn push(&mut self, violation: Violation) {
        let mut v = violation;
        if v.path().is_empty() {
            v.prefix_path(&self.path);
        }
        self.violations.push(v);
    }

    /// Records the failure of a rule function under `rule`.
    pub fn fail(&mut self, rule: &'static Rule, failure: Failure) {
        let mut message = self.subject();
        message.reserve(failure.message.len() + 1);
        message.push(' ');
        message.push_str(&failure.message);
        let v = Violation::from_parts(
            rule,
            self.path.clone(),
            message,
            failure.help,
            failure.params,
        );
        self.violations.push(v);
    }

    /// Records `result`'s failure, if any (the shape generated code uses).
    #[inline]
    pub fn check(&mut self, rule: &'static Rule, result: Result<(), Failure>) {
        if let Err(failure) = result {
            self.fail(rule, failure);
        }
    }

    /// The violations so far.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// How many violations so far (to [`truncate`](Self::truncate) back to after a trial).
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// No violation so far.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// Any error-severity violation after the first `since` ones.
    pub fn has_errors_since(&self, since: usize) -> bool {
        self.violations[since.min(self.violations.len())..]
            .iter()
            .any(|v| v.severity() == Severity::Error)
    }

    /// Drops the violations after the first `len` (used when trying untagged variants).
    pub fn truncate(&mut self, len: usize) {
        self.violations.truncate(len);
    }

    /// Takes the violations after the first `since` out of the context.
    pub fn split_off(&mut self, since: usize) -> Vec<Violation> {
        self.violations.split_off(since.min(self.violations.len()))
    }

    /// Appends violations recorded elsewhere.
    pub fn extend(&mut self, violations: impl IntoIterator<Item = Violation>) {
        self.violations.extend(violations);
    }

    /// Finishes: the report of everything found.
    pub fn into_report(self) -> Report {
        Report::new(self.violations)
    }
}
