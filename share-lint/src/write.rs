//! Rewriting a file without ever losing it: write a temporary file in the same directory, flush
//! it to disk, give it the original's permissions (and, where allowed, its owner) and extended
//! attributes, then rename it over the original (atomic on the same file system). Whatever fails
//! before the rename, the original is untouched and the temporary file is removed; a process
//! killed before the rename leaves the original intact and at most one `.share-lint-*.tmp` file
//! per writing thread.
//!
//! A file with other hard links is rewritten in place instead, so that all its names keep
//! naming one file (a rename would give this name a new file and leave the others on the old
//! text), as Vim and Emacs do for such files: first a complete copy of the original is written
//! beside it (`.share-lint-*.bak`) and flushed to disk, then the file is overwritten, truncated
//! and flushed, then the copy is removed. A write that fails puts the original text back; if even
//! that fails, or the process is killed meanwhile, the copy is kept and the error names it. The
//! file keeps its inode, so its permissions, owner and extended attributes stay as they were.
//!
//! A symbolic link is not followed: fixing it would rewrite some other file, so it is refused. So
//! is a read-only file. A file whose contents changed after it was read (an editor saved it) is not
//! overwritten, unless it already holds exactly the fixed text (another `--fix` got there first).

use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::Path;

/// Replaces the contents of `path` with `contents`, atomically, if it still holds `original` (the
/// bytes that `contents` was computed from). A file that already holds `contents` is left as it
/// is; a file that holds anything else is refused, not rewritten.
///
/// A window remains between the last comparison and the rename; it is as short as we can make it.
pub fn replace_if_unchanged(path: &Path, original: &[u8], contents: &[u8]) -> io::Result<()> {
    let meta = fs::symlink_metadata(path).map_err(vanished)?;
    if meta.file_type().is_symlink() {
        return Err(io::Error::other(
            "is a symbolic link: not rewritten (fix the file it points to)",
        ));
    }
    if !meta.is_file() {
        return Err(io::Error::other(
            "is no longer a regular file: not rewritten",
        ));
    }
    if meta.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "is read-only: not rewritten",
        ));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if other_links(&meta) {
        return rewrite_in_place(path, dir, original, contents);
    }
    // Dropping `tmp` on any error below removes the temporary file.
    let mut tmp = tempfile::Builder::new()
        .prefix(".share-lint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(not_written)?;
    tmp.write_all(contents).map_err(not_written)?;
    tmp.as_file().sync_all().map_err(not_written)?;
    keep_owner(tmp.as_file(), &meta);
    fs::set_permissions(tmp.path(), meta.permissions()).map_err(not_written)?;
    keep_xattrs(path, tmp.as_file()).map_err(not_written)?;
    let now = read_now(path, original.len().max(contents.len())).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => vanished(e),
        _ => not_written(e),
    })?;
    if now == contents {
        return Ok(());
    }
    if now != original {
        return Err(io::Error::other(
            "changed while it was being fixed: not rewritten (run again)",
        ));
    }
    tmp.persist(path).map_err(|e| not_written(e.error))?;
    Ok(())
}

/// What `path` holds now, to compare with what was linted: opened without waiting (a FIFO swapped
/// in since the lint must not block the run), only if it is still a regular file, and at most
/// `limit` bytes and one more (enough to tell it differs; a file grown huge is not read whole).
fn read_now(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    let (file, meta) = crate::open::open_without_waiting(path)?;
    if !meta.is_file() {
        return Err(io::Error::other("is no longer a regular file"));
    }
    let mut now = Vec::with_capacity(limit.min(meta.len() as usize).saturating_add(1));
    file.take(limit as u64 + 1).read_to_end(&mut now)?;
    Ok(now)
}

/// A failure before the original was touched.
fn not_written(e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!("cannot write the fixed file ({e}); the file is unchanged"),
    )
}

/// Whether the file has other names (hard links), which a rename would split from this one.
#[cfg(unix)]
fn other_links(meta: &fs::Metadata) -> bool {
    std::os::unix::fs::MetadataExt::nlink(meta) > 1
}

#[cfg(not(unix))]
fn other_links(_: &fs::Metadata) -> bool {
    false
}

/// [`replace_if_unchanged`] for a file with other hard links: overwritten in place, once a
/// complete copy of the original is on disk beside it (see the module doc).
fn rewrite_in_place(path: &Path, dir: &Path, original: &[u8], contents: &[u8]) -> io::Result<()> {
    // Dropping `backup` removes it: kept only when the original could not be put back.
    let mut backup = tempfile::Builder::new()
        .prefix(".share-lint-")
        .suffix(".bak")
        .tempfile_in(dir)
        .map_err(not_written)?;
    backup.write_all(original).map_err(not_written)?;
    backup.as_file().sync_all().map_err(not_written)?;
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true);
    // Without waiting, as `read_now`: a FIFO swapped in since the lint must not block the run.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let mut file = options.open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => vanished(e),
        _ => not_written(e),
    })?;
    if !file.metadata().map_err(not_written)?.is_file() {
        return Err(io::Error::other(
            "is no longer a regular file: not rewritten",
        ));
    }
    // Compared through the handle that writes: the file written is the file compared.
    let limit = original.len().max(contents.len()) as u64 + 1;
    let mut now = Vec::with_capacity(original.len());
    (&mut file)
        .take(limit)
        .read_to_end(&mut now)
        .map_err(not_written)?;
    if now == contents {
        return Ok(());
    }
    if now != original {
        return Err(io::Error::other(
            "changed while it was being fixed: not rewritten (run again)",
        ));
    }
    let overwrite = |file: &mut fs::File, bytes: &[u8]| -> io::Result<()> {
        file.rewind()?;
        file.write_all(bytes)?;
        file.set_len(bytes.len() as u64)?;
        file.sync_all()
    };
    let Err(e) = overwrite(&mut file, contents) else {
        return Ok(());
    };
    if overwrite(&mut file, original).is_ok() {
        return Err(not_written(e));
    }
    let kept = backup.into_temp_path().keep().map_err(|k| k.error)?;
    Err(io::Error::new(
        e.kind(),
        format!(
            "cannot write the fixed file ({e}); its original text is in {}",
            kept.display()
        ),
    ))
}

/// Gives the new file the original's extended attributes, which belong to the file (its inode),
/// not to its name, so a rename would drop them: a `user.*` note, a macOS Finder tag or
/// quarantine flag, an ACL (`system.posix_acl_access`). A `security.*` attribute (an SELinux or
/// Smack label, file capabilities) is copied where allowed: the system labels new files itself,
/// and an ordinary user may not set a label; any other that cannot be copied stops the fix, the
/// file unchanged. Through the `xattr` crate, because the workspace forbids `unsafe` code and the
/// standard library has no xattr calls.
#[cfg(unix)]
fn keep_xattrs(path: &Path, new: &fs::File) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    use xattr::FileExt;
    let names = match xattr::list(path) {
        Ok(names) => names,
        // A file system without extended attributes: nothing to keep.
        Err(e) if e.kind() == io::ErrorKind::Unsupported => return Ok(()),
        Err(e) => return Err(e),
    };
    for name in names {
        // `None`: removed since it was listed.
        let Some(value) = xattr::get(path, &name)? else {
            continue;
        };
        if let Err(e) = new.set_xattr(&name, &value) {
            if !name.as_bytes().starts_with(b"security.") {
                return Err(io::Error::new(
                    e.kind(),
                    format!(
                        "cannot keep the extended attribute {}: {e}",
                        name.to_string_lossy()
                    ),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn keep_xattrs(_: &Path, _: &fs::File) -> io::Result<()> {
    Ok(())
}

/// A file deleted after it was read is not brought back by its fix.
fn vanished(e: io::Error) -> io::Error {
    match e.kind() {
        io::ErrorKind::NotFound => io::Error::new(
            e.kind(),
            "was deleted while it was being fixed: not recreated",
        ),
        _ => e,
    }
}

/// Gives the new file the original's owner and group, so that fixing someone else's file as root
/// does not hand it to root. Best effort: an ordinary user cannot give a file away, and then the
/// fixed file is theirs, as after any editor's atomic save.
#[cfg(unix)]
fn keep_owner(file: &fs::File, original: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let Ok(now) = file.metadata() else { return };
    if (now.uid(), now.gid()) != (original.uid(), original.gid()) {
        let _ = std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &fs::File, _: &fs::Metadata) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        replace_if_unchanged(&path, b"old", b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn refuses_symlinks_and_read_only_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.json");
        fs::write(&target, "x").unwrap();
        let link = dir.path().join("l.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(replace_if_unchanged(&link, b"x", b"y").is_err());
        assert_eq!(fs::read_to_string(&target).unwrap(), "x");

        let mut perms = fs::metadata(&target).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&target, perms).unwrap();
        assert!(replace_if_unchanged(&target, b"x", b"y").is_err());
        assert_eq!(fs::read_to_string(&target).unwrap(), "x");
    }

    #[test]
    fn refuses_a_file_that_changed_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        fs::write(&path, "saved by an editor").unwrap();
        let e = replace_if_unchanged(&path, b"old", b"fixed").unwrap_err();
        assert!(e.to_string().contains("changed while"), "{e}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "saved by an editor");
        // Already fixed by someone else: nothing to do, and no error.
        fs::write(&path, "fixed").unwrap();
        replace_if_unchanged(&path, b"old", b"fixed").unwrap();
        // Deleted meanwhile: not brought back.
        let gone = dir.path().join("gone.json");
        let e = replace_if_unchanged(&gone, b"old", b"fixed").unwrap_err();
        assert!(e.to_string().contains("deleted while"), "{e}");
        assert!(!gone.exists());
        // Unchanged: rewritten.
        fs::write(&path, "old").unwrap();
        replace_if_unchanged(&path, b"old", b"fixed").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "fixed");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_hard_linked_file_is_rewritten_in_place_only_when_unchanged() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        fs::write(&path, "saved by an editor").unwrap();
        fs::hard_link(&path, dir.path().join("b.json")).unwrap();
        let e = replace_if_unchanged(&path, b"old", b"fixed").unwrap_err();
        assert!(e.to_string().contains("changed while"), "{e}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "saved by an editor");
        fs::write(&path, "a longer original").unwrap();
        let inode = fs::metadata(&path).unwrap().ino();
        replace_if_unchanged(&path, b"a longer original", b"short").unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("b.json")).unwrap(),
            "short"
        );
        assert_eq!(fs::metadata(&path).unwrap().ino(), inode);
        // Neither a temporary file nor the copy of the original is left.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    /// A file swapped for a FIFO between the lint and the write is refused at once, not waited
    /// on; so is one whose other names make it a hard-linked FIFO (the in-place path).
    #[cfg(unix)]
    #[test]
    fn a_fifo_swapped_in_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let e = replace_if_unchanged(&fifo, b"old", b"new").unwrap_err();
        assert!(e.to_string().contains("regular file"), "{e}");
        assert_eq!(
            read_now(&fifo, 10).unwrap_err().to_string(),
            "is no longer a regular file"
        );
        fs::hard_link(&fifo, dir.path().join("b.json")).unwrap();
        let e = replace_if_unchanged(&fifo, b"old", b"new").unwrap_err();
        assert!(e.to_string().contains("regular file"), "{e}");
    }
}
