//! Output formats: each format is one file, rendering the same [`FileReport`]s.

use crate::diagnostic::FileReport;
use std::io::{self, Write};

/// The `--output-format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// rustc-style snippet with carets and help.
    Full,
    /// One line per finding: `path:line:col: severity[CODE] message`.
    Concise,
    /// A JSON array of findings.
    Json,
    /// SARIF 2.1.0, with the rule catalogue.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=..,line=..,col=..::`).
    Github,
}

/// Options common to the renderers.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    /// Colour (only `full` and `concise` use it; only on a terminal).
    pub color: bool,
}
