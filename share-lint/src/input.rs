//! The input side of a run: which files `share-lint check` lints (the paths named, and the
//! payload files found by walking the directories named), the configuration in force for each,
//! and reading each one under its size cap.

use crate::config::{Config, ConfigCache, Discovered};
use crate::diagnostic::FileReport;
use crate::engine;
use crate::error::Error;
use crate::settings::Settings;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where a payload comes from.
#[derive(Debug)]
pub(crate) enum Input {
    /// A file named on the command line or found by the walk (which has already resolved its
    /// configuration).
    File {
        path: PathBuf,
        walked: bool,
        config: Option<Resolved>,
    },
    /// Standard input, under a display name.
    Stdin { name: String },
}

/// The configuration in force for a file: its path and contents, or none found.
type Resolved = Option<Discovered>;

/// Finds the configuration of each file: the one named in the settings, or the file's nearest
/// (cached; shared by the worker threads).
#[derive(Debug)]
pub(crate) struct Configs {
    explicit: Option<Discovered>,
    cache: Mutex<ConfigCache>,
}

impl Configs {
    /// Loads the configuration file `--config` names, if any.
    pub(crate) fn new(explicit: Option<&Path>) -> Result<Configs, Error> {
        let explicit = match explicit {
            Some(path) => Some(Discovered::new((path.to_path_buf(), Config::load(path)?))),
            None => None,
        };
        Ok(Configs {
            explicit,
            cache: Mutex::new(ConfigCache::default()),
        })
    }

    fn for_file(&self, path: &Path) -> Result<Resolved, Error> {
        if let Some(c) = &self.explicit {
            return Ok(Some(c.clone()));
        }
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        Ok(cache.for_file(path)?)
    }
}

/// An input read: what the engine lints, or the finding that stands for a file too large to read.
pub(crate) enum Loaded<'a> {
    /// The input's contents.
    Contents {
        /// The input's name in the output.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
        /// The settings in force for it.
        settings: Settings,
        /// Where its fixes go: the file, or none for standard input (the fixed text goes to
        /// the output).
        file: Option<&'a Path>,
        /// Found by walking a directory (lint it only if it looks like a payload).
        walked: bool,
    },
    /// A file over its size cap: the report of `file-too-large`, nothing read.
    TooLarge(FileReport),
}

impl Input {
    /// Reads the input, under the size cap of the configuration in force for it.
    pub(crate) fn load(&self, configs: &Configs) -> Result<Loaded<'_>, Error> {
        Ok(match self {
            Input::File {
                path,
                walked,
                config,
            } => {
                let config = match config {
                    Some(resolved) => resolved.clone(),
                    None => configs.for_file(path)?,
                };
                let settings = settings_for(config.as_deref(), path);
                let cap = config
                    .as_deref()
                    .map_or(crate::config::DEFAULT_MAX_FILE_SIZE, |(_, c)| {
                        c.max_file_size()
                    });
                let name = display_path(path);
                let (bytes, size) = read_capped(path, cap).map_err(|e| Error::read(&name, e))?;
                if size > cap {
                    return Ok(Loaded::TooLarge(engine::too_large(
                        &name, size, cap, &settings,
                    )));
                }
                Loaded::Contents {
                    name,
                    bytes,
                    settings,
                    file: Some(path.as_path()),
                    walked: *walked,
                }
            }
            Input::Stdin { name } => {
                let mut bytes = Vec::new();
                io::stdin()
                    .read_to_end(&mut bytes)
                    .map_err(Error::read_stdin)?;
                let config = configs.for_file(Path::new(name))?;
                let settings = settings_for(config.as_deref(), Path::new(name));
                Loaded::Contents {
                    name: name.clone(),
                    bytes,
                    settings,
                    file: None,
                    walked: false,
                }
            }
        })
    }
}

fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

/// Reads at most `cap` bytes of `path` (one open, one fstat); returns them and the file's size.
/// A file over the cap is not read at all.
fn read_capped(path: &Path, cap: u64) -> io::Result<(Vec<u8>, u64)> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > cap {
        return Ok((Vec::new(), size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    // `take`: a file that grows while it is read still stops at the cap.
    file.take(cap + 1).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    Ok((bytes, read.max(size)))
}

fn settings_for(config: Option<&(PathBuf, Config)>, path: &Path) -> Settings {
    match config {
        Some((_, c)) => c.settings_for(path),
        None => Settings::default(),
    }
}

/// The inputs of a run, in order: each of `paths` (`-` is standard input, read under the name
/// `stdin_name`), and the payload files in each directory named (respecting `.gitignore` and
/// each configuration's include and exclude globs), sorted by path.
pub(crate) fn collect_inputs(
    paths: &[PathBuf],
    stdin_name: &str,
    configs: &Configs,
) -> Result<Vec<Input>, Error> {
    let mut inputs = Vec::new();
    let mut stdin_seen = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if stdin_seen {
                return Err(Error::stdin_twice());
            }
            stdin_seen = true;
            inputs.push(Input::Stdin {
                name: stdin_name.to_owned(),
            });
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| Error::access(path, e))?;
        if meta.is_file() {
            inputs.push(Input::File {
                path: path.clone(),
                walked: false,
                config: None,
            });
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(path)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build()
        {
            let entry = entry.map_err(|e| Error::walk(path, e))?;
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let file = entry.into_path();
            let config = configs.for_file(&file)?;
            let included = match config.as_deref() {
                // The walk's paths are relative to the current directory, which need not be the
                // configuration's: `includes_file` makes them relative to the configuration.
                Some((_, c)) => c.includes_file(&file),
                None => {
                    crate::config::default_is_included(file.strip_prefix(path).unwrap_or(&file))
                }
            };
            if included {
                found.push((file, config));
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        inputs.extend(found.into_iter().map(|(path, config)| Input::File {
            path,
            walked: true,
            config: Some(config),
        }));
    }
    Ok(inputs)
}
