//! All the violations found in one value: what `validate()` returns and `report()` lists.

use crate::{Severity, Violation};
use std::fmt;

/// Every violation found, in document order of the checks; warnings and infos included.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
#[serde(transparent)]
pub struct Report {
    violations: Vec<Violation>,
}

impl Report {
    /// A report of these violations.
    pub fn new(violations: Vec<Violation>) -> Self {
        Report { violations }
    }

    /// The violations, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// The violations as a slice.
    pub fn as_slice(&self) -> &[Violation] {
        &self.violations
    }

    /// The violations, owned.
    pub fn into_vec(self) -> Vec<Violation> {
        self.violations
    }

    /// How many violations of every severity.
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// No violation at all, not even an info.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// At least one violation of severity `error`.
    pub fn has_errors(&self) -> bool {
        self.violations
            .iter()
            .any(|v| v.severity() == Severity::Error)
    }

    /// The highest severity found, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.violations.iter().map(Violation::severity).max()
    }

    /// The violations of exactly this severity.
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(move |v| v.severity() == severity)
    }

    /// The violations with this code.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Violation> + 'a {
        self.violations.iter().filter(move |v| v.code() == code)
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl IntoIterator for Report {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.with_severity(Severity::Error).count();
        write!(
            f,
            "{} violation(s), {} error(s)",
            self.violations.len(),
            errors
        )?;
        for v in &self.violations {
            write!(f, "\n  {v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}
