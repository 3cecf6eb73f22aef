//! Finding and reading `share-lint.toml`: loading the file `--config` names, discovering the
//! nearest one in a directory or above, and the cache that does so for many files at once.

use super::error::ConfigError;
use super::rules::{registry_rules, RuleTable};
use super::{absolute, Config, CONFIG_FILE_NAME};
use std::collections::HashMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The largest configuration file read (a guard against pointing the linter at a huge file).
const MAX_CONFIG_FILE_SIZE: u64 = 16 * 1024 * 1024;

impl Config {
    /// Reads and parses the configuration file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        Config::load_with_rules(path, registry_rules())
    }

    fn load_with_rules(path: &Path, rules: RuleTable<'_>) -> Result<Config, ConfigError> {
        let file = std::fs::File::open(path)
            .map_err(|e| ConfigError::io(path, format!("cannot read the configuration: {e}")))?;
        let mut bytes = Vec::new();
        file.take(MAX_CONFIG_FILE_SIZE + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ConfigError::io(path, format!("cannot read the configuration: {e}")))?;
        if bytes.len() as u64 > MAX_CONFIG_FILE_SIZE {
            return Err(ConfigError::io(
                path,
                format!(
                    "the configuration is larger than {} MiB; is this the right file?",
                    MAX_CONFIG_FILE_SIZE >> 20
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

    /// Finds the `share-lint.toml` in `start_dir` or the nearest parent directory (up to the
    /// filesystem root) and loads it. `Ok(None)`: there is none.
    pub fn discover(start_dir: &Path) -> Result<Option<(PathBuf, Config)>, ConfigError> {
        for dir in absolute(start_dir).ancestors() {
            let candidate = dir.join(CONFIG_FILE_NAME);
            if candidate.is_file() {
                let config = Config::load(&candidate)?;
                return Ok(Some((candidate, config)));
            }
        }
        Ok(None)
    }
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
    pub fn with_rules(rules: RuleTable<'static>) -> Self {
        ConfigCache {
            rules,
            dirs: HashMap::new(),
            probes: 0,
        }
    }

    /// The configuration of `file`: the nearest `share-lint.toml` in its directory or above.
    pub fn for_file(&mut self, file: &Path) -> Result<Option<Discovered>, ConfigError> {
        let file = absolute(file);
        match file.parent() {
            Some(dir) => self.for_dir(dir),
            None => self.for_dir(&file),
        }
    }

    /// The configuration of the files in `dir`: the nearest `share-lint.toml` in `dir` or above.
    pub fn for_dir(&mut self, dir: &Path) -> Result<Option<Discovered>, ConfigError> {
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
            if candidate.is_file() {
                let config = Config::load_with_rules(&candidate, self.rules)?;
                found = Some(Arc::new((candidate, config)));
                break;
            }
        }
        for path in visited {
            self.dirs.insert(path.to_path_buf(), found.clone());
        }
        Ok(found)
    }

    /// How many directories were probed for a configuration file so far.
    pub fn probes(&self) -> usize {
        self.probes
    }
}
