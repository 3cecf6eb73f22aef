//! The configuration error: what went wrong, where (`path:line:col`), and the helpers that
//! quote a user's value into a message.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// How long a message from the TOML parser may get (it quotes keys in full).
const MAX_MESSAGE_CHARS: usize = 300;

/// What went wrong with a configuration file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigErrorKind {
    /// The file could not be read (or is not UTF-8, or is too large).
    Io,
    /// The file is not valid TOML, or a key or value is wrong.
    Invalid,
}

/// A configuration error, displayed as `path:line:col: message` (or `path: message` when it has
/// no position, as for an unreadable file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    kind: ConfigErrorKind,
    path: PathBuf,
    /// 1-based line and column (in characters).
    position: Option<(usize, usize)>,
    message: String,
}

impl ConfigError {
    pub(super) fn io(path: &Path, message: impl Into<String>) -> Self {
        ConfigError {
            kind: ConfigErrorKind::Io,
            path: path.to_path_buf(),
            position: None,
            message: message.into(),
        }
    }

    pub(super) fn at(
        path: &Path,
        text: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        ConfigError {
            kind: ConfigErrorKind::Invalid,
            path: path.to_path_buf(),
            position: span.map(|s| line_col(text, s.start)),
            message: message.into(),
        }
    }

    pub(super) fn from_toml(path: &Path, text: &str, error: &toml::de::Error) -> Self {
        let message = error.message().trim_end();
        // The parser's messages are one line, but be sure: the rest would break `path:l:c:`.
        let first_line = message.lines().next().unwrap_or("");
        ConfigError::at(
            path,
            text,
            error.span(),
            truncate(first_line, MAX_MESSAGE_CHARS),
        )
    }

    /// What kind of error it is.
    pub fn kind(&self) -> ConfigErrorKind {
        self.kind
    }

    /// The configuration file, as it was given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line of the error, if it has a position.
    pub fn line(&self) -> Option<usize> {
        self.position.map(|(line, _)| line)
    }

    /// The 1-based column (in characters) of the error, if it has a position.
    pub fn column(&self) -> Option<usize> {
        self.position.map(|(_, column)| column)
    }

    /// The message without the path and position.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

/// The 1-based line and character column of byte `offset` in `text` (the toolkit's one line
/// index, share-json's).
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let (line, column) = share_json::LineIndex::new(text).line_col(offset);
    (line as usize, column as usize)
}

/// At most `max` characters of `s`, with `…` when cut.
fn truncate(s: &str, max: usize) -> String {
    share_json::text::clip(s, max).into_owned()
}

/// A user's value, quoted for a message.
pub(super) fn quote(s: &str) -> String {
    share_json::text::quote(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "a\n中文x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (2, 1));
        assert_eq!(line_col(text, 8), (2, 3));
        // Inside a character: the character's start.
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 1000), (3, 1));
    }
}
