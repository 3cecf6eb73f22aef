//! The library's error: why a run failed, or why one file could not be linted or fixed.

use crate::config::ConfigError;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// What went wrong in a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A configuration file cannot be read, or is not valid.
    Config,
    /// A path named on the command line cannot be opened (it does not exist, say).
    Access,
    /// A directory cannot be searched for payload files (the other directories still are).
    Walk,
    /// A file (or standard input) cannot be read.
    Read,
    /// A fixed file cannot be written back; the file is left as it was.
    WriteFix,
    /// The findings cannot be written to the output, or `--output-file` names a file the run
    /// reads (an input or a configuration in force).
    Output,
    /// `-` (standard input) is named more than once, or one stream (a pipe, standard input)
    /// under two names.
    StdinTwice,
    /// The linter failed on a file (a bug: please report it with the file); the other files
    /// were still linted.
    Internal,
}

/// Why a run failed, or why one file could not be linted or fixed.
///
/// Its `Display` is the whole message: the path concerned, what failed and why (`a.json: cannot
/// read: Permission denied (os error 13)`), so it has no separate
/// [`source`](std::error::Error::source).
#[derive(Debug)]
pub struct Error(Repr);

/// What went wrong, with what it went wrong on and the cause.
#[derive(Debug)]
enum Repr {
    Config(ConfigError),
    Access(PathBuf, io::Error),
    /// The directory that cannot be read and why (the OS error), or the directory named and
    /// the walk's own message.
    Walk(PathBuf, WalkCause),
    /// A file, named as the run shows it.
    Read(String, io::Error),
    ReadStdin(io::Error),
    /// A file, named as the run shows it.
    WriteFix(String, io::Error),
    /// The destination, as the user named it, and the cause.
    Output(String, io::Error),
    /// `--output-file`, and what the run reads it as ("an input", "the configuration").
    OutputIsRead(PathBuf, &'static str),
    StdinTwice,
    /// A stream named a second time, and the name it was first given.
    SameStream(PathBuf, String),
    /// A file, named as the run shows it, and what went wrong.
    Internal(String, String),
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        match &self.0 {
            Repr::Config(_) => ErrorKind::Config,
            Repr::Access(..) => ErrorKind::Access,
            Repr::Walk(..) => ErrorKind::Walk,
            Repr::Read(..) | Repr::ReadStdin(_) => ErrorKind::Read,
            Repr::WriteFix(..) => ErrorKind::WriteFix,
            Repr::Output(..) | Repr::OutputIsRead(..) => ErrorKind::Output,
            Repr::StdinTwice | Repr::SameStream(..) => ErrorKind::StdinTwice,
            Repr::Internal(..) => ErrorKind::Internal,
        }
    }

    /// A path named on the command line that cannot be opened.
    pub(crate) fn access(path: &Path, e: io::Error) -> Self {
        Error(Repr::Access(path.to_path_buf(), e))
    }

    /// A directory met while walking `root` that cannot be read.
    pub(crate) fn walk(root: &Path, e: ignore::Error) -> Self {
        // The walk's error wraps walkdir's, whose message repeats the path ("IO error for
        // operation on dir: ..."): keep the directory and the OS error under it.
        let Some(io) = e.io_error() else {
            return Error(Repr::Walk(
                root.to_path_buf(),
                WalkCause::Other(e.to_string()),
            ));
        };
        let cause = io
            .get_ref()
            .and_then(|inner| inner.source())
            .map_or_else(|| io.to_string(), ToString::to_string);
        let dir = walked_path(&e).unwrap_or(root);
        Error(Repr::Walk(dir.to_path_buf(), WalkCause::Io(cause)))
    }

    /// A file that cannot be read, named as the run shows it.
    pub(crate) fn read(name: &str, e: io::Error) -> Self {
        Error(Repr::Read(name.to_owned(), e))
    }

    /// Standard input that cannot be read.
    pub(crate) fn read_stdin(e: io::Error) -> Self {
        Error(Repr::ReadStdin(e))
    }

    /// A fixed file that cannot be written back, named as the run shows it.
    pub(crate) fn write_fix(name: &str, e: io::Error) -> Self {
        Error(Repr::WriteFix(name.to_owned(), e))
    }

    /// A destination (`standard output`, the report file) that cannot be written.
    pub(crate) fn output(destination: &str, e: io::Error) -> Self {
        Error(Repr::Output(destination.to_owned(), e))
    }

    /// `--output-file` names a file the run reads: `what` it is to the run.
    pub(crate) fn output_is_read(path: &Path, what: &'static str) -> Self {
        Error(Repr::OutputIsRead(path.to_path_buf(), what))
    }

    /// `path` is the stream (a pipe, standard input) already named as `first`: it can be read once.
    pub(crate) fn same_stream(path: &Path, first: &str) -> Self {
        Error(Repr::SameStream(path.to_path_buf(), first.to_owned()))
    }

    /// The linter failed on a file: `what` went wrong (a panic's message).
    pub(crate) fn internal(name: &str, what: String) -> Self {
        Error(Repr::Internal(name.to_owned(), what))
    }

    /// `-` given twice.
    pub(crate) fn stdin_twice() -> Self {
        Error(Repr::StdinTwice)
    }
}

impl From<ConfigError> for Error {
    fn from(e: ConfigError) -> Self {
        Error(Repr::Config(e))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Config(e) => e.fmt(f),
            Repr::Access(path, e) => write!(f, "{}: {e}", path.display()),
            Repr::Walk(dir, WalkCause::Io(e)) => {
                write!(f, "{}: cannot read the directory: {e}", dir.display())
            }
            Repr::Walk(root, WalkCause::Other(e)) => {
                write!(f, "cannot walk {}: {e}", root.display())
            }
            Repr::Read(name, e) => write!(f, "{name}: cannot read: {e}"),
            Repr::ReadStdin(e) => write!(f, "cannot read standard input: {e}"),
            Repr::WriteFix(name, e) => write!(f, "{name}: {e}"),
            Repr::Output(name, e) => write!(f, "writing {name}: {e}"),
            Repr::OutputIsRead(path, what) => write!(
                f,
                "--output-file {} is {what} of this run: refusing to overwrite it",
                path.display()
            ),
            Repr::StdinTwice => f.write_str("`-` (standard input) is given twice"),
            Repr::SameStream(path, first) => {
                let first = if first == "-" {
                    "`-` (standard input)".to_owned()
                } else {
                    first.clone()
                };
                write!(
                    f,
                    "{} is the same stream as {first}, which can be read only once: name it once",
                    path.display()
                )
            }
            Repr::Internal(name, what) => write!(
                f,
                "{name}: share-lint failed on this file ({what}); please report it, with the file"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Why a walk could not read a directory.
#[derive(Debug)]
enum WalkCause {
    /// The OS error reading it.
    Io(String),
    /// Anything else the walk reports (a symbolic link loop, say), whole.
    Other(String),
}

/// The path an error of the walk is about, if it says.
fn walked_path(e: &ignore::Error) -> Option<&Path> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walked_path(err)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_message_names_the_path_and_the_cause() {
        let denied = || io::Error::new(io::ErrorKind::PermissionDenied, "denied");
        let config = crate::config::Config::from_toml_str("rules = [", Path::new("x.toml"))
            .expect_err("not TOML");
        let cases = [
            (
                Error::access(Path::new("a.json"), denied()),
                ErrorKind::Access,
                "a.json: denied",
            ),
            (
                Error::walk(Path::new("dir"), ignore::Error::Io(denied())),
                ErrorKind::Walk,
                "dir: cannot read the directory: denied",
            ),
            (
                Error::walk(
                    Path::new("dir"),
                    ignore::Error::WithDepth {
                        depth: 1,
                        err: Box::new(ignore::Error::WithPath {
                            path: PathBuf::from("dir/sub"),
                            err: Box::new(ignore::Error::Io(denied())),
                        }),
                    },
                ),
                ErrorKind::Walk,
                "dir/sub: cannot read the directory: denied",
            ),
            (
                Error::walk(
                    Path::new("dir"),
                    ignore::Error::Loop {
                        ancestor: PathBuf::from("dir"),
                        child: PathBuf::from("dir/sub/up"),
                    },
                ),
                ErrorKind::Walk,
                "cannot walk dir: File system loop found: dir/sub/up points to an ancestor dir",
            ),
            (
                Error::read("b.json", denied()),
                ErrorKind::Read,
                "b.json: cannot read: denied",
            ),
            (
                Error::read_stdin(denied()),
                ErrorKind::Read,
                "cannot read standard input: denied",
            ),
            (
                Error::write_fix("c.json", denied()),
                ErrorKind::WriteFix,
                "c.json: denied",
            ),
            (
                Error::output("report.sarif", denied()),
                ErrorKind::Output,
                "writing report.sarif: denied",
            ),
            (
                Error::output_is_read(Path::new("a.json"), "an input"),
                ErrorKind::Output,
                "--output-file a.json is an input of this run: refusing to overwrite it",
            ),
            (
                Error::same_stream(Path::new("/dev/stdin"), "-"),
                ErrorKind::StdinTwice,
                "/dev/stdin is the same stream as `-` (standard input), which can be read only once: name it once",
            ),
            (
                Error::stdin_twice(),
                ErrorKind::StdinTwice,
                "`-` (standard input) is given twice",
            ),
            (
                Error::from(config.clone()),
                ErrorKind::Config,
                &config.to_string(),
            ),
        ];
        for (error, kind, message) in &cases {
            assert_eq!(
                (error.kind(), error.to_string()),
                (*kind, message.to_string())
            );
        }
    }
}
