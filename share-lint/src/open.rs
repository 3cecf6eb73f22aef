//! Opening files: without waiting on them, and relative to their directory.
//!
//! **Without waiting**, for the files the linter finds itself (by walking a directory, or by
//! looking for `share-lint.toml`), which it expects to be regular files.
//!
//! A plain `open` of a FIFO waits until some process opens it for writing — forever, when a
//! walked `x.json` was swapped for a FIFO after the walk saw a regular file there, or when a
//! `share-lint.toml` is one. Opened with `O_NONBLOCK`, a FIFO opens at once; the caller then looks
//! at what was opened (`fstat` on the descriptor, so there is no window between the check and the
//! read) and reads it only if it is a regular file.
//!
//! **Relative to their directory**, for the inputs: each thread keeps a descriptor of the last
//! directory it opened an input in, and opens the next input there by its name alone
//! ([`open_input`]). A path is otherwise looked up a component at a time from the root or the
//! working directory, for every file; a walk lists a directory's files together, so most
//! inputs are in the last one's directory. On this machine, opening, `fstat`ing and closing a
//! file takes 7–8 % less time that way (`benches/open_in_dir.rs`; BENCHMARKS.md, issue 14's
//! eleventh session).

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
    let file = by_path(path, Wait::No)?;
    let meta = file.metadata()?;
    Ok((file, meta))
}

/// Whether opening a file may wait on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wait {
    /// As [`File::open`]: a FIFO waits for its writer (a path named on the command line, read
    /// as `cat` reads it).
    Yes,
    /// As [`open_without_waiting`] (a file the walk found).
    No,
}

/// Opens the input at `path` for reading, as [`File::open`] or [`open_without_waiting`] would
/// (`wait`), but relative to the descriptor of its directory that this thread keeps: the last
/// directory it opened an input in, opened again only when the input is in another one.
///
/// `path` is split at its last `/`: the directory is what comes before, the name what comes
/// after, so the name is one component in the directory the path names. That directory is
/// looked up once for the files of it that a thread opens in a row: one renamed or replaced
/// in the meantime is read as it was when looked up, as a file changed during a run is read as
/// the run finds it. Should anything fail, the path is opened as a whole, so an error reads as
/// it always has, and the descriptor is let go. A run lets go of the descriptor of its own
/// thread when it ends ([`forget_directory`]); its workers' go with them.
pub(crate) fn open_input(path: &Path, wait: Wait) -> io::Result<File> {
    #[cfg(unix)]
    if let Some(file) = in_directory::open(path, wait) {
        return Ok(file);
    }
    by_path(path, wait)
}

/// Closes the directory descriptor this thread keeps for [`open_input`], if any: a later open
/// looks its directory up again (the working directory may have changed, or the directory been
/// replaced).
pub(crate) fn forget_directory() {
    #[cfg(unix)]
    in_directory::forget();
}

/// The directory this thread keeps a descriptor of, as its inputs' paths spell it.
#[cfg(all(test, unix))]
pub(crate) fn kept_directory() -> Option<Vec<u8>> {
    in_directory::kept()
}

/// Calls [`forget_directory`] when dropped: held by a run while it opens inputs on its own
/// thread, so that the thread keeps no directory once the run is over, however it ends.
pub(crate) struct ForgetDirectory;

impl Drop for ForgetDirectory {
    fn drop(&mut self) {
        forget_directory();
    }
}

/// `path` opened by path, a component at a time.
fn by_path(path: &Path, wait: Wait) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    if wait == Wait::No {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    #[cfg(not(unix))]
    let _ = wait;
    options.open(path)
}

/// [`open_input`]'s directory descriptors.
#[cfg(unix)]
mod in_directory {
    use super::Wait;
    use rustix::fs::{Mode, OFlags};
    use std::cell::RefCell;
    use std::fs::File;
    use std::os::fd::OwnedFd;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;

    std::thread_local! {
        /// The last directory this thread opened an input in (as the input's path spelled
        /// it), and its descriptor.
        static LAST: RefCell<Option<(Vec<u8>, OwnedFd)>> = const { RefCell::new(None) };
    }

    /// A directory opened only to open files in it: no read permission is needed, as for a
    /// path through it (`O_PATH` where there is one).
    #[cfg(any(target_os = "linux", target_os = "android"))]
    const DIRECTORY: OFlags = OFlags::PATH.union(OFlags::DIRECTORY).union(OFlags::CLOEXEC);
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    const DIRECTORY: OFlags = OFlags::RDONLY
        .union(OFlags::DIRECTORY)
        .union(OFlags::CLOEXEC);

    /// `path` opened in its directory's descriptor, or `None` when it has no directory part,
    /// is too long to open by path, or anything fails (the caller opens it by path).
    pub(super) fn open(path: &Path, wait: Wait) -> Option<File> {
        let bytes = path.as_os_str().as_bytes();
        // What the kernel refuses by path (`ENAMETOOLONG`) is refused here too, not opened in
        // pieces.
        if bytes.len() >= PATH_MAX {
            return None;
        }
        let (dir, name) = split(bytes)?;
        let flags = match wait {
            Wait::Yes => OFlags::RDONLY | OFlags::CLOEXEC,
            Wait::No => OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC,
        };
        LAST.with_borrow_mut(|last| {
            if last.as_ref().is_none_or(|(cached, _)| cached != dir) {
                // The old one is closed first: a thread holds one descriptor at most.
                *last = None;
                let fd = rustix::fs::open(dir, DIRECTORY, Mode::empty()).ok()?;
                *last = Some((dir.to_vec(), fd));
            }
            let (_, fd) = last.as_ref()?;
            match rustix::fs::openat(fd, name, flags, Mode::empty()) {
                Ok(file) => Some(File::from(file)),
                Err(_) => {
                    // Perhaps the directory is gone: looked up again next time.
                    *last = None;
                    None
                }
            }
        })
    }

    /// Closes this thread's directory descriptor.
    pub(super) fn forget() {
        LAST.set(None);
    }

    /// The directory whose descriptor this thread keeps.
    #[cfg(test)]
    pub(super) fn kept() -> Option<Vec<u8>> {
        LAST.with_borrow(|last| last.as_ref().map(|(dir, _)| dir.clone()))
    }

    /// The longest path the kernel opens, its terminating NUL included.
    pub(super) const PATH_MAX: usize = libc::PATH_MAX as usize;

    /// `path` split at its last `/` into a directory and a name, both not empty (`/x.json`
    /// and `x.json` are opened by path).
    pub(super) fn split(path: &[u8]) -> Option<(&[u8], &[u8])> {
        let slash = memchr::memrchr(b'/', path)?;
        let (dir, name) = (&path[..slash], &path[slash + 1..]);
        (!dir.is_empty() && !name.is_empty()).then_some((dir, name))
    }
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
        // And in its directory's descriptor.
        let start = Instant::now();
        let opened = in_directory::open(&fifo, Wait::No).expect("opened in its directory");
        assert!(start.elapsed() < Duration::from_secs(5));
        assert_eq!(kind_of(&opened.metadata().unwrap()), "a FIFO (named pipe)");

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

    /// `path` read through its directory's descriptor, not by path.
    fn read(path: &Path, wait: Wait) -> String {
        use std::io::Read;
        let mut text = String::new();
        in_directory::open(path, wait)
            .expect("opened in its directory")
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    #[test]
    fn an_input_opens_in_the_directory_its_path_names_whichever_was_last() {
        let root = tempfile::tempdir().unwrap();
        for (dir, name, text) in [
            ("a", "x.json", "a/x"),
            ("b", "x.json", "b/x"),
            ("a", "y.json", "a/y"),
        ] {
            std::fs::create_dir_all(root.path().join(dir)).unwrap();
            std::fs::write(root.path().join(dir).join(name), text).unwrap();
        }
        std::os::unix::fs::symlink(root.path().join("b"), root.path().join("link")).unwrap();
        // Each from the directory its path names: the thread's last directory changes between
        // them and back, and a symbolic link to a directory is followed as a path would be.
        for (path, text) in [
            ("a/x.json", "a/x"),
            ("a/y.json", "a/y"),
            ("b/x.json", "b/x"),
            ("a/x.json", "a/x"),
            ("link/x.json", "b/x"),
            ("a//y.json", "a/y"),
            ("a/../b/x.json", "b/x"),
        ] {
            for wait in [Wait::Yes, Wait::No] {
                assert_eq!(read(&root.path().join(path), wait), text, "{path}");
            }
        }
    }

    #[test]
    fn an_input_that_cannot_be_opened_fails_as_its_path_does() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("x.json"), "{}").unwrap();
        let too_long = format!("{}/x.json", "d".repeat(5000));
        for path in ["missing.json", "x.json/y.json", "no-dir/x.json", &too_long] {
            let path = root.path().join(path);
            // The directory's descriptor is kept from the last input, when there is one.
            read(&root.path().join("x.json"), Wait::No);
            let ours = open_input(&path, Wait::No).unwrap_err();
            let by_path = File::open(&path).unwrap_err();
            assert_eq!(ours.kind(), by_path.kind(), "{}", path.display());
            assert_eq!(ours.to_string(), by_path.to_string());
        }
    }

    #[test]
    fn a_directory_gone_is_looked_up_again_and_a_run_keeps_none() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("x.json"), "old").unwrap();
        assert_eq!(read(&dir.join("x.json"), Wait::No), "old");
        let spelled = dir.as_os_str().as_encoded_bytes().to_vec();
        assert_eq!(in_directory::kept(), Some(spelled.clone()));
        // Removed and made again: the descriptor kept is of the directory removed, where the
        // open fails; it is let go, and the next open looks the new one up.
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("x.json"), "new").unwrap();
        assert!(in_directory::open(&dir.join("x.json"), Wait::No).is_none());
        assert_eq!(in_directory::kept(), None);
        assert_eq!(read(&dir.join("x.json"), Wait::No), "new");
        // A run lets go of its thread's descriptor when it ends.
        {
            let _run = ForgetDirectory;
            assert_eq!(read(&dir.join("x.json"), Wait::Yes), "new");
            assert_eq!(in_directory::kept(), Some(spelled));
        }
        assert_eq!(in_directory::kept(), None);
    }

    #[test]
    fn a_path_too_long_to_open_is_not_opened_in_pieces() {
        use rustix::fs::{Mode, OFlags};
        // A directory whose path is short enough to open, and a name that takes the whole
        // path past PATH_MAX: the kernel refuses it by path, and so must `open_input`.
        let root = tempfile::tempdir().unwrap();
        let mut dir = root.path().to_path_buf();
        while dir.as_os_str().len() < in_directory::PATH_MAX - 250 {
            dir.push("d".repeat(200));
        }
        std::fs::create_dir_all(&dir).unwrap();
        let name = "x".repeat(250) + ".json";
        let fd = rustix::fs::open(&dir, OFlags::DIRECTORY | OFlags::RDONLY, Mode::empty()).unwrap();
        let made = OFlags::CREATE | OFlags::WRONLY | OFlags::CLOEXEC;
        drop(rustix::fs::openat(&fd, name.as_str(), made, Mode::RUSR | Mode::WUSR).unwrap());
        let path = dir.join(&name);
        assert!(path.as_os_str().len() >= in_directory::PATH_MAX);
        let by_path = File::open(&path).unwrap_err();
        assert!(in_directory::open(&path, Wait::No).is_none());
        let ours = open_input(&path, Wait::No).unwrap_err();
        assert_eq!(ours.kind(), by_path.kind());
    }

    #[test]
    fn a_path_splits_into_a_directory_and_one_name_or_is_opened_whole() {
        use in_directory::split;
        for (path, parts) in [
            ("a/x.json", Some(("a", "x.json"))),
            ("/tmp/a/x.json", Some(("/tmp/a", "x.json"))),
            ("a//x.json", Some(("a/", "x.json"))),
            ("a/..", Some(("a", ".."))),
            ("x.json", None),
            ("/x.json", None),
            ("a/", None),
            ("", None),
        ] {
            let got = split(path.as_bytes());
            let want = parts.map(|(d, n): (&str, &str)| (d.as_bytes(), n.as_bytes()));
            assert_eq!(got, want, "{path}");
            if let Some((dir, name)) = got {
                // The path is exactly the directory, a `/` and the name.
                assert_eq!([dir, b"/", name].concat(), path.as_bytes());
            }
        }
    }
}
