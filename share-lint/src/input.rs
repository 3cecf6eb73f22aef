//! The input side of a run: which files `share-lint check` lints (the paths named, and the
//! payload files found by walking the directories named), the configuration in force for each,
//! and reading each one under its size cap.
//!
//! - A path named on the command line is read whatever kind of file it is — a FIFO such as
//!   `<(jq . gen.json)`, `/dev/stdin`, a device — up to one byte past the cap; only a directory is
//!   walked. A path that does not exist is reported, and the other paths are still linted.
//! - A file the walk finds is opened without waiting on it and read only if the opened
//!   descriptor is still a regular file, so nothing swapped in after the walk can block the run.
//! - A directory the walk cannot read is reported, and the rest of the walk goes on.
//! - Standard input is read up to one byte past the cap, and no further.

use crate::config::{Config, ConfigCache, Discovered, DEFAULT_MAX_FILE_SIZE};
use crate::diagnostic::FileReport;
use crate::engine;
use crate::error::Error;
use crate::settings::Settings;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

mod read;

use read::{read_capped, read_named, read_walked, Capped, Opened};

/// Where a payload comes from.
#[derive(Debug)]
pub(crate) enum Input {
    /// A file named on the command line or found by the walk (which has already resolved its
    /// configuration).
    File {
        path: PathBuf,
        walked: bool,
        config: Option<Resolved>,
        /// The ticket of its result, when the walk handed it on to be linted while the walk
        /// went on (`run.rs`, `Ahead`).
        ahead: Option<Ticket>,
    },
    /// Standard input, under a display name.
    Stdin { name: String },
    /// A path named that does not exist, or a directory the walk could not read: reported in
    /// its place in the run (by the first [`Input::load`]), while every other input is still
    /// linted.
    Failed(Mutex<Option<Error>>),
}

/// What a file linted while the walk went on is found by: its place among those handed on, from
/// 1 (four bytes, and none for `None`, which the other files carry).
pub(crate) type Ticket = std::num::NonZeroU32;

/// The configuration in force for a file: its path and contents, or none found.
pub(crate) type Resolved = Option<Discovered>;

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

    /// The configuration `--config` names, if any.
    pub(crate) fn explicit(&self) -> Option<&Discovered> {
        self.explicit.as_ref()
    }

    /// The configuration in force for `path`.
    pub(crate) fn for_file(&self, path: &Path) -> Result<Resolved, Error> {
        if let Some(c) = &self.explicit {
            return Ok(Some(c.clone()));
        }
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        Ok(cache.for_file(path)?)
    }
}

/// An input read: what the engine lints, the finding that stands for an input too large to
/// read, or nothing to lint.
pub(crate) enum Loaded<'a> {
    /// The input's contents.
    Contents {
        /// The input's name in the output.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
        /// The settings in force for it.
        settings: Settings,
        /// Where its fixes go: the file, or none for standard input and for a pipe or device
        /// named on the command line (linted as it came: it cannot be rewritten).
        file: Option<&'a Path>,
        /// Found by walking a directory (lint it only if it looks like a payload).
        walked: bool,
    },
    /// An input over its size cap: the report of `file-too-large`; no more of it was read.
    TooLarge {
        /// The finding.
        report: FileReport,
        /// What was read before the cap was passed (nothing from a regular file, whose size
        /// tells): fixing standard input passes it through, then the rest.
        read: Vec<u8>,
    },
    /// A regular file whose value is an array, of at least
    /// [`STREAM_FROM`](crate::stream::STREAM_FROM) bytes: read a piece at a time
    /// ([`crate::stream`]), whatever its size; the cap bounds each element.
    Stream {
        /// The input's name in the output.
        name: String,
        /// The file, read up to `prefix`.
        file: File,
        /// Its first bytes, which open an array.
        prefix: Vec<u8>,
        /// The settings in force for it.
        settings: Settings,
        /// Found by walking a directory.
        walked: bool,
        /// The size cap in force: the most one element may take.
        cap: u64,
    },
    /// A file the walk found that is not a regular file when opened (a FIFO or a device swapped
    /// in since the walk): skipped like a file that is not a payload, since the walk only
    /// takes regular files.
    Skipped,
}

impl Input {
    /// The input's name in the output.
    pub(crate) fn name(&self) -> String {
        match self {
            Input::File { path, .. } => display_path(path),
            Input::Stdin { name } => name.clone(),
            Input::Failed(_) => String::new(),
        }
    }

    /// Reads the input, under the size cap of the configuration in force for it. With
    /// `stream`, a regular file of at least [`STREAM_FROM`](crate::stream::STREAM_FROM) bytes
    /// whose value is an array is only opened ([`Loaded::Stream`]), to be read in pieces.
    pub(crate) fn load(&self, configs: &Configs, stream: bool) -> Result<Loaded<'_>, Error> {
        let (path, walked, config) = match self {
            Input::File {
                path,
                walked,
                config,
                ..
            } => (path, *walked, config),
            Input::Stdin { name } => {
                let config = configs.for_file(Path::new(name))?;
                let settings = settings_for(config.as_deref(), Path::new(name));
                let cap = cap_of(config.as_deref());
                let capped = read_capped(io::stdin().lock(), cap).map_err(Error::read_stdin)?;
                return Ok(loaded(name.clone(), capped, cap, settings, None, false));
            }
            Input::Failed(error) => {
                let error = error.lock().unwrap_or_else(|p| p.into_inner()).take();
                return error.map_or(Ok(Loaded::Skipped), Err);
            }
        };
        let config = match config {
            Some(resolved) => resolved.clone(),
            None => configs.for_file(path)?,
        };
        let settings = settings_for(config.as_deref(), path);
        let cap = cap_of(config.as_deref());
        let name = display_path(path);
        // Only a JSON array is read in pieces.
        let stream = stream && !crate::js::is_script(&name);
        let read = if walked {
            read_walked(path, cap, stream).map(|c| c.map(|c| (c, true)))
        } else {
            read_named(path, cap, stream).map(Some)
        };
        Ok(match read.map_err(|e| Error::read(&name, e))? {
            Some((Opened::Stream(file, prefix), _)) => Loaded::Stream {
                name,
                file,
                prefix,
                settings,
                walked,
                cap,
            },
            // Only a regular file is rewritten by its fixes.
            Some((Opened::Capped(capped), regular)) => {
                let file = regular.then_some(path.as_path());
                loaded(name, capped, cap, settings, file, walked)
            }
            None => Loaded::Skipped,
        })
    }
}

/// An input read, as the engine takes it.
fn loaded(
    name: String,
    capped: Capped,
    cap: u64,
    settings: Settings,
    file: Option<&Path>,
    walked: bool,
) -> Loaded<'_> {
    match capped {
        Capped::Bytes(bytes) => Loaded::Contents {
            name,
            bytes,
            settings,
            file,
            walked,
        },
        Capped::TooLarge(Some(size), read) => Loaded::TooLarge {
            report: engine::too_large(&name, size, cap, &settings),
            read,
        },
        Capped::TooLarge(None, read) => Loaded::TooLarge {
            report: engine::too_large_stream(&name, cap, &settings),
            read,
        },
    }
}

/// The order of a walk's files: `Path::cmp`'s (component by component), compared as bytes with
/// the separator lowest. The walk's paths are clean (no `.`, no `//`), so the two orders agree,
/// and comparing bytes spares parsing both paths at every comparison (7% of a 10,000-file run;
/// BENCHMARKS.md). The first `skip` bytes, the same in every path (the walk's root), are
/// passed over; the rest is compared in a loop, without a key allocated for each path or a
/// `memcmp` call for each comparison (BENCHMARKS.md, issue 14's ninth session).
fn walk_order(a: &Path, b: &Path, skip: usize) -> std::cmp::Ordering {
    let a = &a.as_os_str().as_encoded_bytes()[skip..];
    let b = &b.as_os_str().as_encoded_bytes()[skip..];
    match a
        .iter()
        .zip(b)
        .position(|(x, y)| order_byte(*x) != order_byte(*y))
    {
        Some(i) => order_byte(a[i]).cmp(&order_byte(b[i])),
        None => a.len().cmp(&b.len()),
    }
}

/// A byte as [`walk_order`] compares it: a separator lowest.
fn order_byte(b: u8) -> u8 {
    if b == b'/' || b == std::path::MAIN_SEPARATOR as u8 {
        0
    } else {
        b
    }
}

/// The first 16 bytes of `path` after `skip`, as [`walk_order`] compares them, in one integer
/// (padded with zeros): where two paths' prefixes differ, they are in [`walk_order`]'s order,
/// so most comparisons of a sort are one of integers, and only equal prefixes compare the rest.
fn order_prefix(path: &Path, skip: usize) -> u128 {
    let mut prefix = [0; 16];
    let bytes = &path.as_os_str().as_encoded_bytes()[skip..];
    for (to, from) in prefix.iter_mut().zip(bytes) {
        *to = order_byte(*from);
    }
    u128::from_be_bytes(prefix)
}

/// `file`, found by walking `root`, relative to `root`. The walk's paths are `root` joined with
/// the names below it, so on Unix the root is cut off as bytes, without `Path::strip_prefix`
/// parsing both paths into components (17 M instructions on 10,000 files; BENCHMARKS.md).
fn below<'f>(file: &'f Path, root: &Path) -> &'f Path {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = file.as_os_str().as_bytes();
        let root = root.as_os_str().as_bytes();
        // After the root, a separator (not `a/bc` below `a/b`), unless the root ends with one.
        let rest = crate::bytes::after(bytes, root).and_then(|rest| match root.last() {
            Some(b'/') => Some(rest),
            _ => rest.strip_prefix(b"/"),
        });
        if let Some(rest) = rest.filter(|rest| !rest.starts_with(b"/")) {
            return Path::new(std::ffi::OsStr::from_bytes(rest));
        }
    }
    file.strip_prefix(root).unwrap_or(file)
}

fn display_path(path: &Path) -> String {
    // `to_str` first: it checks a name word by word, where `to_string_lossy` walks it byte by
    // byte.
    let s = match path.to_str() {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => path.to_string_lossy(),
    };
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

fn settings_for(config: Option<&(PathBuf, Config)>, path: &Path) -> Settings {
    match config {
        Some((_, c)) => c.settings_for(path),
        None => Settings::default(),
    }
}

/// The size cap in force: the configuration's `max-file-size`, or the default.
fn cap_of(config: Option<&(PathBuf, Config)>) -> u64 {
    config.map_or(DEFAULT_MAX_FILE_SIZE, |(_, c)| c.max_file_size())
}

/// The inputs of a run, in order: each of `paths` (`-` is standard input, read under the name
/// `stdin_name`), and the payload files in each directory named (respecting `.gitignore` and
/// each configuration's include and exclude globs), sorted by path.
///
/// A path that does not exist and a directory the walk cannot read become [`Input::Failed`]:
/// the run reports them and lints everything else. Only a configuration that cannot be used
/// (or `-` named twice) stops the run here.
///
/// Each file the walk takes is offered to `ahead` as soon as it is found, before the walk can
/// put it in order: the ticket it gives back is kept in the file's [`Input::File`], to find the
/// file's result by when it was linted while the walk went on.
pub(crate) fn collect_inputs(
    paths: &[PathBuf],
    stdin_name: &str,
    configs: &Configs,
    force_exclude: bool,
    ahead: &mut dyn FnMut(&Path, &Resolved) -> Option<Ticket>,
) -> Result<Vec<Input>, Error> {
    let failed = |e: Error| Input::Failed(Mutex::new(Some(e)));
    let mut inputs = Vec::new();
    let mut stdin_seen = false;
    // A stream can be read once: the streams named so far (standard input, if `-` is named),
    // by identity, with the name they were given.
    let mut streams: Vec<(_, String)> = Vec::new();
    if paths.iter().any(|p| p.as_os_str() == "-") {
        if let Some(id) = crate::output::identity(Path::new("/dev/stdin")) {
            streams.push((id, "-".to_owned()));
        }
    }
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
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                inputs.push(failed(Error::access(path, e)));
                continue;
            }
        };
        // A path the user names is read whatever it is (a pipe, `/dev/stdin`, a device); only
        // a directory is walked.
        if !meta.is_dir() && !meta.is_file() {
            if let Some(id) = crate::output::identity(path) {
                if let Some((_, first)) = streams.iter().find(|(seen, _)| *seen == id) {
                    return Err(Error::same_stream(path, first));
                }
                streams.push((id, path.display().to_string()));
            }
        }
        if !meta.is_dir() {
            // `--force-exclude`: the exclude globs apply to a file named too (a hook names every
            // staged file), as in ruff.
            if force_exclude && meta.is_file() {
                let excluded = match configs.for_file(path)?.as_deref() {
                    Some((_, c)) => c.excludes_file(path),
                    None => crate::config::default_is_excluded(path),
                };
                if excluded {
                    continue;
                }
            }
            inputs.push(Input::File {
                path: path.clone(),
                walked: false,
                config: None,
                ahead: None,
            });
            continue;
        }
        let mut found = Vec::new();
        // The files handed on, with their tickets: apart, so that `found` (every file of the
        // tree) grows by nothing for them.
        let mut handed = Vec::new();
        let mut unreadable = Vec::new();
        // Unsorted: `found` is sorted once below (sorting each directory by file name as well
        // cost 5% of a 10,000-file run in `Path::file_name`; BENCHMARKS.md).
        for entry in ignore::WalkBuilder::new(path).build() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    unreadable.push(failed(Error::walk(path, e)));
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let file = entry.into_path();
            let config = configs.for_file(&file)?;
            // Matched here, not by the workers: a file left out takes no place in the run's
            // list (a walk through an unignored `node_modules` finds every file in it).
            let included = match config.as_deref() {
                // The walk's paths are relative to the current directory, which need not be the
                // configuration's: `includes_file` makes them relative to the configuration.
                Some((_, c)) => c.includes_file(&file),
                None => crate::config::default_is_included(below(&file, path)),
            };
            if included {
                // The keys of the sorts below, set once the walk is done.
                if let Some(ticket) = ahead(&file, &config) {
                    handed.push((0, file.clone(), ticket));
                }
                found.push((0, file, config));
            }
        }
        let root = path.as_os_str().as_encoded_bytes();
        let below_root = |file: &PathBuf| {
            crate::bytes::after(file.as_os_str().as_encoded_bytes(), root).is_some()
        };
        // The walk's paths start with the root as given: only what follows is compared.
        let skip = if found.iter().all(|(_, file, _)| below_root(file)) {
            root.len()
        } else {
            0
        };
        for (key, file, _) in &mut found {
            *key = order_prefix(file, skip);
        }
        for (key, file, _) in &mut handed {
            *key = order_prefix(file, skip);
        }
        let order = |(ka, a): (&u128, &PathBuf), (kb, b): (&u128, &PathBuf)| {
            ka.cmp(kb).then_with(|| walk_order(a, b, skip))
        };
        found.sort_unstable_by(|(ka, a, _), (kb, b, _)| order((ka, a), (kb, b)));
        handed.sort_unstable_by(|(ka, a, _), (kb, b, _)| order((ka, a), (kb, b)));
        // In the same order, the files handed on meet their places in one pass.
        let mut handed = handed.into_iter().peekable();
        inputs.extend(found.into_iter().map(|(key, path, config)| {
            let ahead = handed
                .next_if(|(k, handed, _)| *k == key && *handed == path)
                .map(|(.., ticket)| ticket);
            Input::File {
                path,
                walked: true,
                config: Some(config),
                ahead,
            }
        }));
        inputs.extend(unreadable);
    }
    Ok(inputs)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A clean path below `root`: names of bytes around `/` in order (`-`, `.`, `0`, `A`, `_`,
    /// `a`, and non-ASCII), none empty or `.`.
    fn walked(root: &'static str) -> impl proptest::strategy::Strategy<Value = PathBuf> {
        use proptest::prelude::*;
        let name = "[-.0A_aé ]{1,7}".prop_filter("a clean name", |n| n != "." && n != "..");
        prop::collection::vec(name, 1..4)
            .prop_map(move |names| Path::new(root).join(names.join("/")))
    }

    proptest::proptest! {
        /// The walk's byte order is `Path::cmp`'s, with the root's bytes passed over or not.
        #[test]
        fn walk_order_is_path_order(
            a in walked("./corpus-1"),
            b in walked("./corpus-1"),
        ) {
            let skip = "./corpus-1".len();
            proptest::prop_assert_eq!(walk_order(&a, &b, skip), a.cmp(&b));
            proptest::prop_assert_eq!(walk_order(&a, &b, 0), a.cmp(&b));
            // A prefix that differs orders as the whole paths do.
            let (pa, pb) = (order_prefix(&a, skip), order_prefix(&b, skip));
            if pa != pb {
                proptest::prop_assert_eq!(pa.cmp(&pb), a.cmp(&b));
            }
        }
    }

    #[test]
    fn below_cuts_the_root_as_strip_prefix_does() {
        let cases = [
            ("corpus/a.json", "corpus"),
            ("corpus/a.json", "corpus/"),
            ("./corpus/x/a.json", "./corpus"),
            ("./a.json", "."),
            ("/abs/dir/a.json", "/abs/dir"),
            ("/a.json", "/"),
            ("corpus//a.json", "corpus/"),
        ];
        for (file, root) in cases {
            let (file, root) = (Path::new(file), Path::new(root));
            assert_eq!(
                below(file, root),
                file.strip_prefix(root).unwrap(),
                "{file:?}"
            );
        }
        // Not below: left as it is, as the walk never gives.
        assert_eq!(
            below(Path::new("a/bc.json"), Path::new("a/b")),
            Path::new("a/bc.json")
        );
    }

    /// Names that sort around the separator (`a.json`, `a-b.json`, `a b/`, `a/`).
    const AROUND_THE_SEPARATOR: [&str; 9] = [
        "a.json",
        "a/b.json",
        "a-b.json",
        "a b/c.json",
        "a/a/z.json",
        "a0.json",
        "A.json",
        "a/!.json",
        "ab/x.json",
    ];

    /// A folder of a payload at each of `names`.
    fn tree(names: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let payload = r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "t"}}"#;
        for name in names {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, payload).unwrap();
        }
        dir
    }

    /// The walk's files come out in `Path::cmp`'s order, names that sort around the separator
    /// included.
    #[test]
    fn walked_files_are_in_path_order() {
        let names = AROUND_THE_SEPARATOR;
        let dir = tree(&names);
        let configs = Configs::new(None).unwrap();
        let root = [dir.path().to_path_buf()];
        let inputs = collect_inputs(&root, "-", &configs, false, &mut |_, _| None).unwrap();
        let walked: Vec<PathBuf> = inputs
            .iter()
            .map(|i| match i {
                Input::File { path, .. } => path.clone(),
                _ => panic!("only files"),
            })
            .collect();
        let mut expected = walked.clone();
        expected.sort();
        assert_eq!(walked.len(), names.len());
        assert_eq!(walked, expected);
    }

    /// A file handed on as the walk finds it keeps the ticket it was given once the walk has put
    /// the files in order; a file not handed on has none. Two roots, each sorted on its own.
    #[test]
    fn a_file_handed_on_keeps_its_ticket_in_the_sorted_list() {
        let names = AROUND_THE_SEPARATOR;
        let (one, two) = (tree(&names), tree(&names[..4]));
        let roots = [one.path().to_path_buf(), two.path().to_path_buf()];
        let configs = Configs::new(None).unwrap();
        let mut given = std::collections::HashMap::new();
        let mut hand_on = |path: &Path, _: &Resolved| {
            // Every other file found, in the walk's order.
            let found = given.len() + 1;
            let ticket = (found % 2 == 0).then(|| Ticket::new(found as u32).unwrap());
            given.insert(path.to_path_buf(), ticket);
            ticket
        };
        let inputs = collect_inputs(&roots, "-", &configs, false, &mut hand_on).unwrap();
        assert_eq!(inputs.len(), names.len() + 4);
        let mut handed = 0;
        for input in &inputs {
            let Input::File { path, ahead, .. } = input else {
                panic!("only files")
            };
            assert_eq!(given[path], *ahead, "{path:?}");
            handed += usize::from(ahead.is_some());
        }
        assert_eq!(handed, (names.len() + 4) / 2);
    }
}
