//! How much a violation matters: `error` fails validation, `warning` and `info` only inform.

use std::fmt;
use std::str::FromStr;

/// The severity of a [`Violation`](crate::Violation), ordered `Info < Warning < Error`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A hint: nothing is wrong, something could be better (e.g. a thumbnail not in 5:4).
    Info,
    /// Likely to misbehave on some clients, but the SDK accepts it.
    Warning,
    /// The SDK or WeChat rejects or mangles the payload.
    Error,
}

impl Severity {
    /// Every severity, highest first (as configuration and `--help` list them).
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// The lowercase name used in attributes, configuration and output: `error`, `warning`, `info`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The error of parsing a [`Severity`] from a string that is not `error`, `warning` or `info`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseSeverityError(pub String);

impl fmt::Display for ParseSeverityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown severity `{}`; expected `error`, `warning` or `info`",
            self.0
        )
    }
}

impl std::error::Error for ParseSeverityError {}

impl FromStr for Severity {
    type Err = ParseSeverityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            "info" => Ok(Severity::Info),
            other => Err(ParseSeverityError(other.to_owned())),
        }
    }
}
