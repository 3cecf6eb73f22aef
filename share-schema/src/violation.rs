//! A violation is data: a stable code, a severity, a JSON Pointer, a message and the values
//! involved. Rendering it is the caller's job.

use crate::catalog::Rule;
use crate::Severity;
use serde_json::Value;
use std::fmt;

/// One broken rule, located by a JSON Pointer built from the JSON (serde) names.
///
/// ```
/// use share_schema::{catalog, Severity, Violation};
/// let v = Violation::new(&catalog::TITLE_TOO_LONG, "/channelObject/title", "title is 513 bytes; at most 512 are allowed")
///     .with_param("actual", 513)
///     .with_param("limit", 512);
/// assert_eq!(v.code(), "SM401");
/// assert_eq!(v.severity(), Severity::Error);
/// assert_eq!(v.path(), "/channelObject/title");
/// assert_eq!(v.param("limit"), Some(&serde_json::json!(512)));
/// ```
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Violation {
    #[serde(rename = "code", serialize_with = "serialize_code")]
    rule: &'static Rule,
    severity: Severity,
    path: String,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    params: Vec<(&'static str, Value)>,
    #[serde(skip_serializing_if = "is_zero")]
    more: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Violation {
    /// A violation of `rule` at the JSON Pointer `path`, with the rule's severity.
    pub fn new(rule: &'static Rule, path: impl Into<String>, message: impl Into<String>) -> Self {
        Violation {
            rule,
            severity: rule.severity,
            path: path.into(),
            message: message.into(),
            help: None,
            params: Vec::new(),
            more: 0,
        }
    }

    /// A violation with all its parts (what [`Context::fail`](crate::Context::fail) builds).
    pub(crate) fn from_parts(
        rule: &'static Rule,
        path: String,
        message: String,
        help: Option<String>,
        params: Vec<(&'static str, Value)>,
    ) -> Self {
        Violation {
            rule,
            severity: rule.severity,
            path,
            message,
            help,
            params,
            more: 0,
        }
    }

    /// Adds a hint on how to fix it ("did you mean `webpageUrl`?").
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a named value involved in the violation (`actual`, `limit`, `reason`, ...).
    #[must_use]
    pub fn with_param(mut self, name: &'static str, value: impl Into<Value>) -> Self {
        self.params.push((name, value.into()));
        self
    }

    /// The rule it breaks.
    pub fn rule(&self) -> &'static Rule {
        self.rule
    }

    /// The stable rule code, e.g. `SM401`.
    pub fn code(&self) -> &'static str {
        self.rule.code
    }

    /// How much it matters.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Where: a JSON Pointer (RFC 6901) using the JSON names, `""` for the whole document.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong, naming the actual value where that helps.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// How to fix it, when there is a fix or a likely intent.
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// The named values involved, in the order they were added.
    pub fn params(&self) -> impl Iterator<Item = (&'static str, &Value)> {
        self.params.iter().map(|(k, v)| (*k, v))
    }

    /// One named value, if present.
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.params.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// How many further violations of the same rule this one stands for: a context with a limit
    /// ([`Context::with_limit`](crate::Context::with_limit)) counts the violations of a rule past
    /// its limit here instead of keeping them. 0 for a violation that stands only for itself.
    pub fn more(&self) -> usize {
        self.more
    }

    /// Counts `n` more violations of the same rule into this one (see [`more`](Self::more)).
    /// Reports it under `rule` (its code) and at `severity`, where given.
    pub(crate) fn restate(&mut self, rule: Option<&'static Rule>, severity: Option<Severity>) {
        if let Some(rule) = rule {
            self.rule = rule;
        }
        if let Some(severity) = severity {
            self.severity = severity;
        }
    }

    pub(crate) fn add_more(&mut self, n: usize) {
        self.more = self.more.saturating_add(n);
    }

    /// Changes the severity (configuration may raise or lower a rule).
    pub fn set_severity(&mut self, severity: Severity) {
        self.severity = severity;
    }

    /// The bytes of `locator`'s source this violation is about: its JSON Pointer mapped to the
    /// value (or, for rules that point at keys, the key) — the one road from a violation to a
    /// place in the source, for the linter and for `payload!` alike. A pointer that does not
    /// exist (a missing key) is shown by its deepest existing ancestor.
    ///
    /// ```
    /// use share_json::{parse, Locator, ParseOptions};
    /// use share_schema::{Context, PayloadFile, Shape};
    ///
    /// let src = r#"{"type": "text", "channelType": ["wx"], "channelObject": {"txt": "hi"}}"#;
    /// let root = parse(src, &ParseOptions::json()).root.unwrap();
    /// let mut cx = Context::new();
    /// PayloadFile::from_json(&root.to_value(), &mut cx);
    /// let unknown = cx.violations().iter().find(|v| v.code() == "SM103").unwrap();
    /// assert_eq!(&src[unknown.locate(&mut Locator::new(&root)).range()], "\"txt\"");
    /// ```
    pub fn locate(&self, locator: &mut share_json::Locator<'_>) -> share_json::Span {
        let at_key = self.rule.points_at == crate::catalog::PointsAt::Key;
        locator.locate(&self.path, at_key)
    }

    /// Prefixes the path with `prefix` (a JSON Pointer), for a payload found inside a larger document.
    pub fn prefix_path(&mut self, prefix: &str) {
        if !prefix.is_empty() {
            self.path.insert_str(0, prefix);
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(
            f,
            "{} {} at {}: {}",
            self.severity, self.rule.code, path, self.message
        )
    }
}

fn serialize_code<S: serde::Serializer>(rule: &&'static Rule, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(rule.code)
}
