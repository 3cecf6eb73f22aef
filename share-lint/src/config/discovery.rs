//! Finding and reading `share-lint.toml`: loading the file `--config` names, discovering the
//! nearest one in a directory or above, and the cache that does so for many files at once.

use super::error::ConfigError;
use super::rules::{registry_rules, RuleTable};
use super::{absolute, Config, CONFIG_FILE_NAME};
use crate::open::{kind_of, open_without_waiting};
use std::collections::HashMap;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl Config {
    /// Reads and parses the configuration file at `path` (the one `--config` names): whatever
    /// kind of file it is — `--config <(generate)` waits for its writer — read up to
    /// [`MAX_CONFIG_BYTES`](super::MAX_CONFIG_BYTES).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let file = std::fs::File::open(path).map_err(|e| cannot_read(path, e))?;
        Config::read_with_rules(file, path, registry_rules())
    }

    /// Reads and parses a `share-lint.toml` found by looking for one (`path` exists, as a
    /// symbolic link at least): it must be a regular file, opened without waiting on it, so a
    /// FIFO or a device of that name is an error, never a hang, and never the defaults.
    fn load_discovered(path: &Path, rules: RuleTable<'_>) -> Result<Config, ConfigError> {
        let (file, meta) = open_without_waiting(path).map_err(|e| match std::fs::read_link(path) {
            // A dangling symbolic link: say where it points.
            Ok(target) if e.kind() == io::ErrorKind::NotFound => ConfigError::io(
                path,
                format!(
                    "cannot read the configuration: it is a symbolic link to {}, which does not exist",
                    target.display()
                ),
            ),
            _ => cannot_read(path, e),
        })?;
        if !meta.is_file() {
            return Err(ConfigError::io(
                path,
                format!(
                    "cannot read the configuration: it is {}, not a regular file",
                    kind_of(&meta)
                ),
            ));
        }
        Config::read_with_rules(file, path, rules)
    }

    fn read_with_rules(
        file: std::fs::File,
        path: &Path,
        rules: RuleTable<'_>,
    ) -> Result<Config, ConfigError> {
        let mut bytes = Vec::new();
        // One byte past the limit tells a file that is too large without reading all of it.
        file.take(super::MAX_CONFIG_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| cannot_read(path, e))?;
        if bytes.len() > super::MAX_CONFIG_BYTES {
            return Err(ConfigError::io(
                path,
                format!(
                    "the configuration is over {max} bytes; at most {max} are read (a \
                     configuration is a few kilobytes: is this the right file?)",
                    max = share_schema::rules::thousands(super::MAX_CONFIG_BYTES)
                ),
            ));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            ConfigError::io(
                path,
                format!(
                    "the configuration is not UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            )
        })?;
        Config::from_toml_str_with_rules(&text, path, rules)
    }
}

fn cannot_read(path: &Path, e: io::Error) -> ConfigError {
    ConfigError::io(path, format!("cannot read the configuration: {e}"))
}

/// Whether looking for a configuration file at a path that gave `e` found nothing there (rather
/// than something that cannot be used).
fn is_absent(e: &io::Error) -> bool {
    // `NotADirectory` is stable only since Rust 1.83: a standard input name such as
    // `a.json/x.json`, under a file `a.json`.
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ENOTDIR) {
        return true;
    }
    e.kind() == io::ErrorKind::NotFound
}

/// A discovered configuration: the file and what it says.
pub type Discovered = Arc<(PathBuf, Config)>;

/// Finds the configuration of many files, reading each directory's `share-lint.toml` at most
/// once: 10,000 files in one directory probe the filesystem once, and a sibling directory only
/// probes itself before reusing its parent's answer.
///
/// Errors are not cached: the run is expected to stop at the first configuration error.
#[derive(Debug)]
pub struct ConfigCache {
    rules: RuleTable<'static>,
    dirs: HashMap<PathBuf, Option<Discovered>>,
    /// The directory of the last file asked about, as it was written, and its answer: a walk
    /// asks for every file of a directory in a row, and comparing the text is cheaper than
    /// normalizing and hashing the path (4% of a 10,000-file run; BENCHMARKS.md).
    last: Option<(PathBuf, Option<Discovered>)>,
    /// Directories probed for a configuration file so far: what the cache is for, so its tests
    /// count them.
    probes: usize,
}

impl Default for ConfigCache {
    fn default() -> Self {
        ConfigCache::new()
    }
}

impl ConfigCache {
    /// An empty cache that checks rule names against the registry.
    pub fn new() -> Self {
        ConfigCache::with_rules(registry_rules())
    }

    /// An empty cache that checks rule names against `rules`.
    fn with_rules(rules: RuleTable<'static>) -> Self {
        ConfigCache {
            rules,
            dirs: HashMap::new(),
            last: None,
            probes: 0,
        }
    }

    /// The configuration of `file`: the nearest `share-lint.toml` in its directory or above.
    pub fn for_file(&mut self, file: &Path) -> Result<Option<Discovered>, ConfigError> {
        // The same directory, written the same way, has the same configuration (the current
        // directory does not change during a run).
        if let Some((last, found)) = &self.last {
            if in_dir(file, last) {
                return Ok(found.clone());
            }
        }
        let written = file.parent();
        let absolute_file = absolute(file);
        let found = match absolute_file.parent() {
            Some(dir) => self.for_dir(dir),
            None => self.for_dir(&absolute_file),
        }?;
        if let Some(dir) = written {
            self.last = Some((dir.to_path_buf(), found.clone()));
        }
        Ok(found)
    }

    /// The configuration of the files in `dir`: the nearest `share-lint.toml` in `dir` or above.
    fn for_dir(&mut self, dir: &Path) -> Result<Option<Discovered>, ConfigError> {
        let dir = absolute(dir);
        let mut visited: Vec<&Path> = Vec::new();
        let mut found = None;
        for ancestor in dir.ancestors() {
            if let Some(hit) = self.dirs.get(ancestor) {
                found = hit.clone();
                break;
            }
            visited.push(ancestor);
            self.probes += 1;
            let candidate = ancestor.join(CONFIG_FILE_NAME);
            // Anything of that name is the configuration: a directory, a dangling symbolic link
            // or a FIFO is an error, not the defaults.
            match std::fs::symlink_metadata(&candidate) {
                Err(e) if is_absent(&e) => {}
                Err(e) => return Err(cannot_read(&candidate, e)),
                Ok(_) => {
                    let config = Config::load_discovered(&candidate, self.rules)?;
                    found = Some(Arc::new((candidate, config)));
                    break;
                }
            }
        }
        for path in visited {
            self.dirs.insert(path.to_path_buf(), found.clone());
        }
        Ok(found)
    }
}

/// Whether `file` is `dir`, `/` and a name, as written, for a `dir` that is some path's
/// `Path::parent` (as the cache keeps): then `file.parent()` is `dir`, found without parsing
/// `file`'s components (a walk asks this of every file it finds: with `Path::parent`, `for_file`
/// took 4.8 M instructions on 10,000 files; BENCHMARKS.md, issue 14's ninth session). `false`
/// only means "not known here": the caller asks `Path::parent`.
fn in_dir(file: &Path, dir: &Path) -> bool {
    let file = file.as_os_str().as_encoded_bytes();
    let dir = dir.as_os_str().as_encoded_bytes();
    let Some(name) = crate::bytes::after(file, dir).and_then(|rest| rest.strip_prefix(b"/")) else {
        return false;
    };
    cfg!(unix) && !dir.is_empty() && !name.is_empty() && name != b"." && !name.contains(&b'/')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A directory tree in a temporary directory: `root/a/b/c` and `root/a/b/d`, with
    /// `share-lint.toml` files where asked.
    fn tree(configs: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("a/b/c")).unwrap();
        fs::create_dir_all(dir.path().join("a/b/d")).unwrap();
        for (sub, text) in configs {
            fs::write(dir.path().join(sub).join(CONFIG_FILE_NAME), text).unwrap();
        }
        dir
    }

    #[test]
    fn loaded_and_discovered_configs_are_based_in_their_directory() {
        let dir = tree(&[("a", "[policy]\nmin-client-version = \"4.0.0\"\n")]);
        let root = dir.path();
        let config = Config::load(&root.join("a").join(CONFIG_FILE_NAME)).unwrap();
        assert_eq!(config.base, root.join("a"));
        let found = ConfigCache::new()
            .for_dir(&root.join("a/b/c"))
            .unwrap()
            .unwrap();
        assert_eq!(found.1.base, root.join("a"));
    }

    proptest::proptest! {
        /// `in_dir` says "in `dir`" only where `Path::parent` says `dir` (of a `dir` that is some
        /// path's parent, as the cache keeps).
        #[test]
        fn in_dir_agrees_with_path_parent(file in "[a./]{0,10}", other in "[a./]{0,10}") {
            let file = Path::new(&file);
            for dir in [file.parent(), Path::new(&other).parent()].into_iter().flatten() {
                if in_dir(file, dir) {
                    proptest::prop_assert_eq!(file.parent(), Some(dir));
                }
            }
            // Below the root, which ends with its `/`.
            let below_root = |d: &&Path| {
                let d = d.as_os_str().as_encoded_bytes();
                !d.is_empty() && !d.ends_with(b"/")
            };
            if let Some(dir) = file.parent().filter(below_root) {
                // The walk's own paths: `dir/name`.
                let walked = dir.join("x.json");
                proptest::prop_assert!(in_dir(&walked, dir));
            }
        }
    }

    #[test]
    fn cache_probes_each_directory_once() {
        let dir = tree(&[("a", "[rules]\nSM603 = \"off\"\n")]);
        let root = dir.path();
        let mut cache = ConfigCache::new();

        let first = cache
            .for_file(&root.join("a/b/c/0.share.json"))
            .unwrap()
            .unwrap();
        assert_eq!(first.0, root.join("a").join(CONFIG_FILE_NAME));
        // c, b, a.
        assert_eq!(cache.probes, 3);

        for i in 1..10_000 {
            let again = cache
                .for_file(&root.join(format!("a/b/c/{i}.share.json")))
                .unwrap()
                .unwrap();
            assert!(Arc::ptr_eq(&first, &again));
        }
        assert_eq!(cache.probes, 3);

        // A sibling probes itself, then reuses b's answer.
        let sibling = cache.for_file(&root.join("a/b/d/x.json")).unwrap().unwrap();
        assert!(Arc::ptr_eq(&first, &sibling));
        assert_eq!(cache.probes, 4);
        cache.for_dir(&root.join("a/b/d")).unwrap();
        cache.for_dir(&root.join("a")).unwrap();
        assert_eq!(cache.probes, 4);

        let settings = first.1.settings_for(&root.join("a/b/c/0.share.json"));
        assert_eq!(settings.severities["SM603"], None);
    }

    #[test]
    fn cache_without_a_config_remembers_none() {
        let dir = tree(&[]);
        let mut cache = ConfigCache::new();
        let file = dir.path().join("a/b/c/x.json");
        let found = cache.for_file(&file).unwrap();
        // Nothing in the tree (a configuration above the temporary directory is not ours).
        assert!(found.is_none_or(|d| !d.0.starts_with(dir.path())));
        let probes = cache.probes;
        assert!(probes >= 4);
        cache.for_file(&dir.path().join("a/b/c/y.json")).unwrap();
        cache.for_file(&dir.path().join("a/b/d/y.json")).unwrap();
        assert_eq!(cache.probes, probes + 1);
    }
}
