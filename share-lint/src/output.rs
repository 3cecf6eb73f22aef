//! Where a run writes, and what happens when writing fails.
//!
//! - A [`Destination`] is one stream the run writes to (standard output, standard error, the
//!   report file). A write that fails does not stop the run: the reader that went away
//!   (`share-lint . | head -1`) is silently discarded, and any other failure ("No space left on
//!   device") is kept, named after the destination, and returned by [`Destination::finish`] — so
//!   every file is still linted and fixed, and the exit status still tells the findings.
//! - A [`ReportFile`] is `--output-file`: written to a temporary file beside it and renamed over
//!   it once the run is complete, so an interrupted or failed run leaves the previous report (or
//!   no file) and never a truncated one. [`ReportFile::create`] refuses a path that is a
//!   directory; the run refuses one that is one of its own inputs or configurations.

use crate::error::Error;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// One stream a run writes to, by name ("standard output", "report.sarif").
///
/// Writes never fail: a reader that went away is discarded, and the first other error is kept
/// for [`finish`](Destination::finish) while later writes are dropped.
pub struct Destination<'a> {
    inner: &'a mut dyn Write,
    name: String,
    state: State,
}

enum State {
    Open,
    /// The reader went away (`EPIPE`): not a failure, the output is simply not wanted.
    Gone,
    /// Writing failed; nothing more is written.
    Failed(io::Error),
}

impl<'a> Destination<'a> {
    /// `inner`, named `name` in error messages.
    pub fn new(inner: &'a mut dyn Write, name: impl Into<String>) -> Self {
        Destination {
            inner,
            name: name.into(),
            state: State::Open,
        }
    }

    /// Flushes, and returns the first write error, naming the destination ("writing report.sarif:
    /// No space left on device"). A reader that went away is not an error.
    pub fn finish(mut self) -> Result<(), Error> {
        let _ = self.flush();
        match self.state {
            State::Failed(e) => Err(Error::output(&self.name, e)),
            State::Open | State::Gone => Ok(()),
        }
    }

    /// Whether writes still reach the destination (its reader has not gone, nothing failed).
    pub fn is_open(&self) -> bool {
        matches!(self.state, State::Open)
    }

    fn failed(&mut self, e: io::Error) {
        self.state = if e.kind() == io::ErrorKind::BrokenPipe {
            State::Gone
        } else {
            State::Failed(e)
        };
    }
}

impl Write for Destination<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let State::Open = self.state {
            match self.inner.write(buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => return Err(e),
                Err(e) => self.failed(e),
                Ok(n) => return Ok(n),
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if let State::Open = self.state {
            if let Err(e) = self.inner.flush() {
                self.failed(e);
            }
        }
        Ok(())
    }
}

/// The file `--output-file` names, written through a temporary file that replaces it when the
/// run is complete ([`commit`](ReportFile::commit)). A path that exists and is not a regular file
/// (a named pipe, a terminal), and any path under `/dev` or `/proc` (`/dev/stdout` may lead to
/// the file standard output is redirected to, which must be appended to, not replaced), is
/// written directly, appending.
pub struct ReportFile {
    out: BufWriter<Target>,
    path: PathBuf,
}

enum Target {
    /// A temporary file in the destination's directory, and the path it will be renamed to (the
    /// file a symbolic link points to, so that the link is kept).
    Temporary(tempfile::NamedTempFile, PathBuf),
    Direct(fs::File),
}

impl Write for Target {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Target::Temporary(file, _) => file.write(buf),
            Target::Direct(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Target::Temporary(file, _) => file.flush(),
            Target::Direct(file) => file.flush(),
        }
    }
}

impl ReportFile {
    /// Prepares to write `path`: creates the temporary file now, so that a destination that
    /// cannot be written fails the run before any file is linted.
    pub fn create(path: &Path) -> Result<ReportFile, Error> {
        let fail = |e: io::Error| Error::output(&path.display().to_string(), e);
        let target = match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(fail(io::Error::other("is a directory")));
            }
            Ok(meta) if !meta.is_file() || is_special(path) => Target::Direct(
                fs::OpenOptions::new()
                    .append(true)
                    .open(path)
                    .map_err(fail)?,
            ),
            found => {
                // Through a symbolic link, the file it points to is replaced and the link kept.
                let destination = match &found {
                    Ok(_) => fs::canonicalize(path).map_err(fail)?,
                    Err(_) => path.to_path_buf(),
                };
                let dir = match destination.parent() {
                    Some(dir) if !dir.as_os_str().is_empty() => dir,
                    _ => Path::new("."),
                };
                let mut builder = tempfile::Builder::new();
                builder.prefix(".share-lint-report-").suffix(".tmp");
                // A new report gets the permissions of any new file (0666 less the umask, which
                // `open` applies), not the temporary file's 0600; a replaced one keeps its own.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    builder.permissions(fs::Permissions::from_mode(0o666));
                }
                let tmp = builder.tempfile_in(dir).map_err(fail)?;
                if let Ok(meta) = &found {
                    fs::set_permissions(tmp.path(), meta.permissions()).map_err(fail)?;
                }
                Target::Temporary(tmp, destination)
            }
        };
        Ok(ReportFile {
            out: BufWriter::new(target),
            path: path.to_path_buf(),
        })
    }

    /// The path as the user gave it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Puts the complete report in place: flushes it to disk and renames it over the
    /// destination. Dropping a `ReportFile` without committing it removes the temporary file and
    /// leaves the destination as it was.
    pub fn commit(self) -> Result<(), Error> {
        let name = self.path.display().to_string();
        let fail = |e: io::Error| Error::output(&name, e);
        match self.out.into_inner().map_err(|e| fail(e.into_error()))? {
            Target::Temporary(tmp, destination) => {
                tmp.as_file().sync_all().map_err(fail)?;
                tmp.persist(&destination).map_err(|e| fail(e.error))?;
            }
            Target::Direct(mut file) => file.flush().map_err(fail)?,
        }
        Ok(())
    }
}

impl std::fmt::Debug for ReportFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportFile")
            .field("path", &self.path)
            .finish()
    }
}

impl Write for ReportFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Whether `path` names a file through the system's own trees (`/dev/stdout`, `/dev/fd/1`,
/// `/proc/self/fd/1`), itself or by a symbolic link leading there: such a name stands for an
/// open file, not a place to replace.
fn is_special(path: &Path) -> bool {
    let mut at = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // As many links as the kernel follows (`MAXSYMLINKS`).
    for _ in 0..40 {
        if at.starts_with("/dev") || at.starts_with("/proc") {
            return true;
        }
        match fs::read_link(&at) {
            Ok(target) => at = at.parent().unwrap_or(Path::new("/")).join(target),
            Err(_) => return false,
        }
    }
    false
}

/// The identity of an existing file (device and inode), following symbolic links: two paths
/// with the same identity are the same file, whatever links or hard links lead to it.
#[cfg(unix)]
pub(crate) fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// The identity of an existing file: elsewhere, its canonical path.
#[cfg(not(unix))]
pub(crate) fn identity(path: &Path) -> Option<PathBuf> {
    fs::canonicalize(path).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails every write with `kind`.
    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_reader_that_went_away_is_not_an_error_and_later_writes_are_dropped() {
        let mut inner = Failing(io::ErrorKind::BrokenPipe);
        let mut out = Destination::new(&mut inner, "standard output");
        out.write_all(b"one").unwrap();
        out.write_all(b"two").unwrap();
        assert!(out.finish().is_ok());
    }

    #[test]
    fn another_failure_is_kept_and_names_the_destination() {
        let mut inner = Failing(io::ErrorKind::StorageFull);
        let mut out = Destination::new(&mut inner, "report.sarif");
        out.write_all(b"one").unwrap();
        let e = out.finish().unwrap_err();
        assert!(e.to_string().starts_with("writing report.sarif: "), "{e}");
    }

    #[test]
    fn a_report_file_appears_only_when_committed_and_keeps_a_symbolic_link() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        fs::write(&path, "previous").unwrap();
        let mut report = ReportFile::create(&path).unwrap();
        report.write_all(b"new").unwrap();
        report.flush().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "previous");
        drop(report);
        assert_eq!(fs::read_to_string(&path).unwrap(), "previous");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );

        let mut report = ReportFile::create(&path).unwrap();
        report.write_all(b"new").unwrap();
        report.commit().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");

        #[cfg(unix)]
        {
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink(&path, &link).unwrap();
            let mut report = ReportFile::create(&link).unwrap();
            report.write_all(b"through the link").unwrap();
            report.commit().unwrap();
            assert!(fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink());
            assert_eq!(fs::read_to_string(&path).unwrap(), "through the link");
        }
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let e = ReportFile::create(dir.path()).err().unwrap();
        assert!(e.to_string().contains("is a directory"), "{e}");
    }
}
