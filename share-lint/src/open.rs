//! Opening a file without waiting on it: for the files the linter finds itself (by walking a
//! directory, or by looking for `share-lint.toml`), which it expects to be regular files.
//!
//! A plain `open` of a FIFO waits until some process opens it for writing — forever, when a
//! walked `x.json` was swapped for a FIFO after the walk saw a regular file there, or when a
//! `share-lint.toml` is one. Opened with `O_NONBLOCK`, a FIFO opens at once; the caller then looks
//! at what was opened (`fstat` on the descriptor, so there is no window between the check and the
//! read) and reads it only if it is a regular file.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::path::Path;

/// Opens `path` for reading without waiting on it (a FIFO without a writer opens at once, and a
/// terminal does not become the controlling one), and returns it with what it is (from the
/// descriptor, not the path).
///
/// `O_NONBLOCK` stays set: it changes nothing for a regular file on Linux (nor on the BSDs or
/// macOS), whose reads never wait in that sense; callers read only regular files.
pub(crate) fn open_without_waiting(path: &Path) -> io::Result<(File, Metadata)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    Ok((file, meta))
}

/// What a file that is not a regular file is, for messages: "a directory", "a FIFO", ...
pub(crate) fn kind_of(meta: &Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::process::Command;
    use std::time::{Duration, Instant};

    #[test]
    fn a_fifo_opens_at_once_and_says_what_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.json");
        let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        // No writer ever comes: a blocking open would never return.
        let start = Instant::now();
        let (_, meta) = open_without_waiting(&fifo).unwrap();
        assert!(start.elapsed() < Duration::from_secs(5));
        assert!(!meta.is_file());
        assert_eq!(kind_of(&meta), "a FIFO (named pipe)");

        let (_, meta) = open_without_waiting(dir.path()).unwrap();
        assert_eq!(kind_of(&meta), "a directory");
        let (_, meta) = open_without_waiting(Path::new("/dev/null")).unwrap();
        assert_eq!(kind_of(&meta), "a device");
        let file = dir.path().join("a.json");
        std::fs::write(&file, "{}").unwrap();
        let (_, meta) = open_without_waiting(&file).unwrap();
        assert!(meta.is_file());
        assert_eq!(kind_of(&meta), "a regular file");
    }
}
