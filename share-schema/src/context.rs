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
use crate::pointer::Pointer;
use crate::rules::Failure;
use crate::{Report, Severity, Violation};
use std::any::Any;

/// Where validation is and what it has found.
///
/// A context made by [`with_limit`](Context::with_limit) keeps at most that many violations of
/// one rule, then one more that counts the rest ([`Violation::more`]): a document with millions
/// of violations costs the memory of a few hundred.
///
/// It may also carry a value of the application's, the *user context*
/// ([`with_user`](Context::with_user)): a tenant, a configuration, a clock. `custom` and `check` functions of a
/// type that declares `#[share(context(T))]` receive it as a `&T`; any function can read it with
/// [`user`](Context::user).
pub struct Context<'u> {
    path: Pointer,
    violations: Vec<Violation>,
    /// Violations of one rule kept before the rest are only counted; `usize::MAX`: no limit.
    limit: usize,
    /// With a limit: how many violations of each rule are kept, and where the one that counts
    /// the rest is.
    tallies: Vec<Tally>,
    /// The user context, if one was given.
    user: Option<&'u dyn Any>,
    /// The keys the next struct read may see, when it is read `#[serde(flatten)]`ed
    /// (`flatten.rs`); taken by that struct before it reads anything else.
    view: Option<Vec<String>>,
}

impl std::fmt::Debug for Context<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("path", &self.path)
            .field("violations", &self.violations)
            .field("limit", &self.limit)
            .field("user", &self.user.map(|_| ".."))
            .finish_non_exhaustive()
    }
}

/// The violations of one rule kept in a limited [`Context`].
#[derive(Debug)]
struct Tally {
    rule: &'static Rule,
    kept: usize,
    /// Index of the violation that counts the rest, once `kept` passed the limit.
    counter: usize,
}

impl Default for Context<'_> {
    fn default() -> Self {
        Context::new()
    }
}

/// The position to return to with [`Context::leave`].
#[derive(Clone, Copy, Debug)]
#[must_use = "pass it to Context::leave"]
pub struct Mark(usize);

impl<'u> Context<'u> {
    /// An empty context at the document root.
    pub fn new() -> Self {
        Context {
            path: Pointer::default(),
            violations: Vec::new(),
            limit: usize::MAX,
            tallies: Vec::new(),
            user: None,
            view: None,
        }
    }

    /// This context, carrying `user` for the functions that need it ([`user`](Self::user),
    /// `#[share(context(T))]`). [`Validate::validate_with`](crate::Validate::validate_with) makes
    /// one.
    ///
    /// ```
    /// use share_schema::Context;
    /// struct Tenant { max_len: usize }
    /// let tenant = Tenant { max_len: 8 };
    /// let cx = Context::new().with_user(&tenant);
    /// assert_eq!(cx.user::<Tenant>().map(|t| t.max_len), Some(8));
    /// assert!(cx.user::<String>().is_none());
    /// ```
    pub fn with_user<U: Any>(mut self, user: &'u U) -> Self {
        self.user = Some(user);
        self
    }

    /// The user context, when one of type `U` was given. The reference lives as long as the
    /// value given, not as this borrow of the context: a function can hold it while it reports.
    pub fn user<U: Any>(&self) -> Option<&'u U> {
        self.user.and_then(|u| u.downcast_ref::<U>())
    }

    /// A context that keeps at most `limit` violations of each rule: the next one is kept too,
    /// and counts every later one of its rule ([`Violation::more`]) instead of keeping it.
    ///
    /// The count is exact for violations recorded directly. An untagged enum's trial that is
    /// thrown away ([`truncate`](Self::truncate), [`split_off`](Self::split_off)) takes its kept
    /// violations with it, but what it counted into a violation recorded before the trial stays
    /// counted there: past the limit, the count can only be too high, never too low.
    ///
    /// ```
    /// use share_schema::{catalog, Context};
    /// let mut cx = Context::with_limit(2);
    /// for i in 0..1_000 {
    ///     cx.at_index(i, |cx| cx.report(&catalog::WRONG_TYPE, "expected an object"));
    /// }
    /// let kept = cx.violations();
    /// assert_eq!(kept.len(), 3);
    /// assert_eq!(kept[2].path(), "/2");
    /// assert_eq!(kept[2].more(), 997);
    /// ```
    pub fn with_limit(limit: usize) -> Self {
        Context {
            limit,
            ..Context::new()
        }
    }

    /// A context whose paths start at `prefix` (a JSON Pointer).
    pub fn with_prefix(prefix: &str) -> Self {
        Context {
            path: Pointer::from_str(prefix),
            ..Context::new()
        }
    }

    /// Whether a violation of `rule` would only be counted: its rule is past the limit. Counts
    /// it if so, and the caller builds nothing.
    fn counted(&mut self, rule: &'static Rule, n: usize) -> bool {
        if self.limit == usize::MAX {
            return false;
        }
        let i = match self.tallies.iter().position(|t| t.rule == rule) {
            Some(i) => i,
            None => {
                self.tallies.push(Tally {
                    rule,
                    kept: 0,
                    counter: 0,
                });
                self.tallies.len() - 1
            }
        };
        let tally = &mut self.tallies[i];
        if tally.kept <= self.limit {
            tally.kept += 1;
            if tally.kept > self.limit {
                // The one about to be pushed counts the rest.
                tally.counter = self.violations.len();
            }
            return false;
        }
        self.violations[tally.counter].add_more(n);
        true
    }

    /// Keeps `v`, or counts it (and what it counts) into its rule's counter.
    fn record(&mut self, v: Violation) {
        if self.counted(v.rule(), 1 + v.more()) {
            return;
        }
        self.violations.push(v);
    }

    /// After violations were removed: the tallies of those left (a limited context keeps few).
    fn recount(&mut self) {
        if self.limit == usize::MAX {
            return;
        }
        let kept = std::mem::take(&mut self.violations);
        self.tallies.clear();
        for v in kept {
            self.record(v);
        }
    }

    /// The JSON Pointer of the value being checked.
    pub fn path(&self) -> &str {
        self.path.as_str()
    }

    /// What the current path names, for the front of a message: the last key (`title`), `item 2`
    /// for an array element, `the value` at the root.
    pub fn subject(&self) -> String {
        let (a, b) = self.subject_parts();
        let mut out = String::with_capacity(a.len() + b.len());
        out.push_str(a);
        out.push_str(&b);
        out
    }

    /// [`subject`](Self::subject) as two pieces to write one after the other, borrowed from the
    /// path when they can be (a failure's message is then built without another allocation).
    fn subject_parts(&self) -> (&'static str, std::borrow::Cow<'_, str>) {
        let path = self.path.as_str();
        let last = match path.rfind('/') {
            Some(i) => &path[i + 1..],
            None => return ("the value", "".into()),
        };
        if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
            ("item ", last.into())
        } else if last.contains('~') {
            ("", last.replace("~1", "/").replace("~0", "~").into())
        } else {
            ("", last.into())
        }
    }

    /// Steps into the member `key` of an object; returns where to [`leave`](Self::leave) to.
    pub fn enter_key(&mut self, key: &str) -> Mark {
        let mark = Mark(self.path.len());
        self.path.push_key(key);
        mark
    }

    /// Steps into a member whose pointer segment is written already: `/` and the key, escaped
    /// (`"/channelObject"`). What the derive emits for a field's name, which it escapes at compile
    /// time; [`enter_key`](Self::enter_key) for any other key.
    #[doc(hidden)]
    #[inline]
    pub fn enter_segment(&mut self, segment: &'static str) -> Mark {
        debug_assert!(
            segment.starts_with('/'),
            "a segment starts with `/`: {segment:?}"
        );
        let mark = Mark(self.path.len());
        self.path.push_str(segment);
        mark
    }

    /// Steps into the element `index` of an array.
    #[inline]
    pub fn enter_index(&mut self, index: usize) -> Mark {
        let mark = Mark(self.path.len());
        self.path.push_index(index);
        mark
    }

    /// Limits the next struct read to the keys in `keys` (a flattened struct sees only what its
    /// container left).
    #[doc(hidden)]
    pub fn set_view(&mut self, keys: Vec<String>) {
        self.view = Some(keys);
    }

    /// The keys set by [`set_view`](Self::set_view), taken (the struct's own fields are read
    /// without it).
    #[doc(hidden)]
    pub fn take_view(&mut self) -> Option<Vec<String>> {
        self.view.take()
    }

    /// Returns to where `mark` was taken.
    #[inline]
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
        if self.counted(rule, 1) {
            return;
        }
        let v = Violation::new(rule, self.path.as_str().to_owned(), message);
        self.violations.push(v);
    }

    /// Records a violation built by the caller; its path is replaced by the current one.
    pub fn push(&mut self, violation: Violation) {
        let mut v = violation;
        if v.path().is_empty() {
            v.prefix_path(self.path.as_str());
        }
        self.record(v);
    }

    /// Records the failure of a rule function under `rule`.
    pub fn fail(&mut self, rule: &'static Rule, failure: Failure) {
        if self.counted(rule, 1) {
            return;
        }
        // The subject goes in front of the failure's own words, in the failure's buffer: `format!`
        // leaves room for it as a rule, so a violation costs no allocation more for it.
        let (a, b) = self.subject_parts();
        let mut message = failure.message;
        message.reserve(a.len() + b.len() + 1);
        message.insert(0, ' ');
        message.insert_str(0, &b);
        message.insert_str(0, a);
        let v = Violation::from_parts(
            rule,
            self.path.as_str().to_owned(),
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

    /// Records `result`'s failure, if any, in the words of `message` instead of the rule's own
    /// (`#[share(max_chars(80, message = "..."))]`): `{name}` in it becomes the failure's
    /// parameter `name` (`{actual}`, `{limit}`, … as [`Violation::param`] lists them), `{field}`
    /// the field's name, and `{{` / `}}` a brace; anything else stays as written. The violation
    /// keeps its code and parameters, for an application that translates it.
    ///
    /// ```
    /// use share_schema::{catalog, rules::length, Context};
    /// let mut cx = Context::new();
    /// let mark = cx.enter_key("title");
    /// cx.check_worded(&catalog::LENGTH, length::max_chars("abcd", 3), "{field}: {actual} > {limit}");
    /// cx.leave(mark);
    /// assert_eq!(cx.violations()[0].message(), "title: 4 > 3");
    /// ```
    pub fn check_worded(
        &mut self,
        rule: &'static Rule,
        result: Result<(), Failure>,
        message: &str,
    ) {
        let Err(failure) = result else {
            return;
        };
        if self.counted(rule, 1) {
            return;
        }
        let text = worded(message, |name| match name {
            "field" => Some(self.subject()),
            _ => failure.param(name).map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
        });
        let v = Violation::from_parts(
            rule,
            self.path.as_str().to_owned(),
            text,
            failure.help,
            failure.params,
        );
        self.violations.push(v);
    }

    /// Reports the violations after the first `since` under `rule` (its code) and at
    /// `severity`, where given: what `#[share(custom(f, code = "..", severity = ".."))]` does
    /// with what `f` reported.
    ///
    /// ```
    /// use share_schema::{catalog::Rule, Context, Severity};
    /// const MINE: Rule = Rule::custom("APP001", Severity::Error);
    /// const RESTATED: Rule = Rule::custom("APP100", Severity::Error);
    /// let mut cx = Context::new();
    /// cx.report(&MINE, "before");
    /// let since = cx.len();
    /// cx.report(&MINE, "inside");
    /// cx.restate_since(since, Some(&RESTATED), Some(Severity::Warning));
    /// let codes: Vec<_> = cx.violations().iter().map(|v| (v.code(), v.severity())).collect();
    /// assert_eq!(codes, [("APP001", Severity::Error), ("APP100", Severity::Warning)]);
    /// ```
    pub fn restate_since(
        &mut self,
        since: usize,
        rule: Option<&'static Rule>,
        severity: Option<Severity>,
    ) {
        let start = since.min(self.violations.len());
        // A function that could not run (no user context) is not what it reports: that stays
        // SM224, an error.
        for v in &mut self.violations[start..] {
            if v.rule() != &crate::catalog::CONTEXT_MISSING {
                v.restate(rule, severity);
            }
        }
        if rule.is_some() {
            // The limit counts violations by rule.
            self.recount();
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
        self.recount();
    }

    /// Takes the violations after the first `since` out of the context.
    pub fn split_off(&mut self, since: usize) -> Vec<Violation> {
        let tried = self.violations.split_off(since.min(self.violations.len()));
        self.recount();
        tried
    }

    /// Appends violations recorded elsewhere.
    pub fn extend(&mut self, violations: impl IntoIterator<Item = Violation>) {
        for v in violations {
            self.record(v);
        }
    }

    /// Finishes: the report of everything found.
    pub fn into_report(self) -> Report {
        Report::new(self.violations)
    }
}

/// `template` with each `{name}` that `lookup` knows replaced, `{{` and `}}` as braces.
fn worded(template: &str, lookup: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if let Some(name) = tail
            .strip_prefix('{')
            .and_then(|t| t.split_once('}'))
            .map(|(name, _)| name)
        {
            if let Some(value) = lookup(name) {
                out.push_str(&value);
                rest = &tail[name.len() + 2..];
                continue;
            }
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}
