//! Where a finding's file is, as SARIF says it: a URI reference relative to the repository's
//! root, under the base id `%SRCROOT%`, which the log maps to the root's `file://` URI
//! (`originalUriBaseIds`). GitHub code scanning resolves `%SRCROOT%` to the checkout, so the
//! paths are right wherever in the repository the linter ran.

use std::path::{Component, Path, PathBuf};

/// The base id of paths relative to the repository root.
pub(super) const SRCROOT: &str = "%SRCROOT%";

/// The repository root the run reports paths under, and the directory the paths it was given
/// are relative to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRoot {
    /// The root, absolute: the nearest directory at or above `cwd` holding `.git` (a directory,
    /// or the file of a worktree or submodule), else `cwd` itself.
    root: PathBuf,
    /// The directory relative paths start from, absolute.
    cwd: PathBuf,
}

impl SourceRoot {
    /// The root for a run in `cwd` (an absolute path).
    pub fn discover(cwd: &Path) -> Self {
        let cwd = normalize(cwd);
        let root = cwd
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .unwrap_or(&cwd)
            .to_owned();
        SourceRoot { root, cwd }
    }

    /// A root at `root` for a run in `cwd`, both absolute (for tests).
    pub fn new(root: impl Into<PathBuf>, cwd: impl Into<PathBuf>) -> Self {
        SourceRoot {
            root: normalize(&root.into()),
            cwd: normalize(&cwd.into()),
        }
    }

    /// The root as a `file://` URI, ending in `/` as SARIF requires of a base.
    pub(super) fn uri(&self) -> String {
        let mut uri = artifact_uri(&self.root.to_string_lossy());
        if !uri.ends_with('/') {
            uri.push('/');
        }
        uri
    }

    /// `path` (as a report names it: relative to `cwd`, or absolute) relative to the root, with
    /// `/` separators; `None` when it is outside the root.
    pub(super) fn relative(&self, path: &str) -> Option<String> {
        let absolute = normalize(&self.cwd.join(path.replace('\\', "/")));
        let inside = match absolute.strip_prefix(&self.root) {
            Ok(inside) => inside.to_owned(),
            // Written through a symbolic link (a logical `$PWD/...`, macOS's `/tmp`): its real
            // path may be inside.
            Err(_) => {
                let real = absolute.canonicalize().ok()?;
                let root = self.root.canonicalize().ok()?;
                real.strip_prefix(root).ok()?.to_owned()
            }
        };
        let parts: Vec<String> = inside
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        (!parts.is_empty()).then(|| parts.join("/"))
    }
}

/// `path` without `.` and with each `..` taking the component before it away, as text (symbolic
/// links are not followed: the paths are the user's).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(component);
                }
            }
            _ => out.push(component),
        }
    }
    out
}

/// The path as a URI reference: relative paths stay relative, absolute ones become `file://`
/// URIs. Everything but unreserved characters and `/` is percent-encoded, so a space is `%20`
/// and a `:` in the first segment cannot pass for a scheme.
pub(super) fn artifact_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut path = path.as_str();
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && (bytes.len() == 2 || bytes[2] == b'/');
    if drive {
        format!("file:///{}:{}", &path[..1], percent_encode(&path[2..]))
    } else if path.starts_with('/') {
        format!("file://{}", percent_encode(path))
    } else {
        percent_encode(path)
    }
}

pub(super) fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_references() {
        assert_eq!(artifact_uri("payloads/promo.json"), "payloads/promo.json");
        assert_eq!(artifact_uri("./a dir/b.json"), "a%20dir/b.json");
        assert_eq!(
            artifact_uri("小程序.json"),
            "%E5%B0%8F%E7%A8%8B%E5%BA%8F.json"
        );
        assert_eq!(artifact_uri("a:b/100%.json"), "a%3Ab/100%25.json");
        assert_eq!(artifact_uri("/srv/x y.json"), "file:///srv/x%20y.json");
        assert_eq!(artifact_uri("C:/x y.json"), "file:///C:/x%20y.json");
        assert_eq!(artifact_uri(r"dir\file.json"), "dir/file.json");
    }

    #[cfg(unix)]
    #[test]
    fn paths_are_made_relative_to_the_root_wherever_the_run_is() {
        let root = SourceRoot::new("/repo", "/repo/web/src");
        assert_eq!(root.uri(), "file:///repo/");
        assert_eq!(root.relative("a.json").as_deref(), Some("web/src/a.json"));
        assert_eq!(
            root.relative("./x/../b.json").as_deref(),
            Some("web/src/b.json")
        );
        assert_eq!(root.relative("../../c.json").as_deref(), Some("c.json"));
        assert_eq!(root.relative("/repo/d/e.json").as_deref(), Some("d/e.json"));
        assert_eq!(root.relative("../../../elsewhere.json"), None, "outside");
        assert_eq!(root.relative("/srv/f.json"), None, "outside");
        assert_eq!(
            root.relative("/repository/g.json"),
            None,
            "not a prefix by bytes"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_root_is_the_nearest_directory_with_git() {
        let dir = std::env::temp_dir().join(format!("share-lint-root-{}", std::process::id()));
        let nested = dir.join("repo/web/src");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::create_dir_all(dir.join("repo/.git")).unwrap();
        assert_eq!(
            SourceRoot::discover(&nested),
            SourceRoot::new(dir.join("repo"), &nested)
        );
        // A worktree's or submodule's `.git` is a file.
        std::fs::write(nested.join(".git"), "gitdir: elsewhere\n").unwrap();
        assert_eq!(
            SourceRoot::discover(&nested),
            SourceRoot::new(&nested, &nested)
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[cfg(all(test, unix))]
mod symlinks {
    use super::*;

    #[test]
    fn a_path_through_a_symbolic_link_is_placed_by_its_real_path() {
        let dir = std::env::temp_dir().join(format!("share-lint-link-{}", std::process::id()));
        let repo = dir.join("repo");
        std::fs::create_dir_all(repo.join("web")).unwrap();
        std::fs::write(repo.join("web/a.json"), "{}").unwrap();
        std::os::unix::fs::symlink(&repo, dir.join("link")).unwrap();
        let repo = repo.canonicalize().unwrap();
        let root = SourceRoot::new(&repo, &repo);
        let through = dir.join("link/web/a.json");
        assert_eq!(
            root.relative(&through.to_string_lossy()).as_deref(),
            Some("web/a.json")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
