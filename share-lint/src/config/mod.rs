//! `share-lint.toml`: the project's configuration — rule severities, which files a directory
//! walk lints, and the project's policy (DOMAIN.md §3, "project policy in configuration").
//!
//! The linter uses the `share-lint.toml` nearest to a file: in the file's directory or the
//! closest parent directory. Configurations are not merged: the nearest one is the whole
//! configuration, and every relative glob in it is relative to the directory that holds it.
//! Keys are kebab-case; an unknown key anywhere is an error, reported with its line and column
//! (a bad configuration makes the run fail with exit code 2). So is a `share-lint.toml` that
//! cannot be read: a directory, a dangling symbolic link, a FIFO or a device of that name (never
//! waited on), an unreadable file — it is never skipped for the defaults or a configuration
//! further up.
//!
//! ```toml
//! # Rule severities, by code or by name: "error" | "warning" | "info" | "off".
//! [rules]
//! SM603 = "off"
//! insecure-url = "error"
//!
//! [files]
//! # Globs a directory walk lints (replaces the default: every .json/.jsonc that looks like a payload).
//! include = ["**/*.share.json", "**/*.share.jsonc", "share-payloads/**/*.json", "share-payloads/**/*.jsonc"]
//! # Globs a directory walk skips; a match on a directory skips everything under it.
//! exclude = ["fixtures/broken/**"]
//! # Allow `//` and `/* */` comments and trailing commas in `.json` files too.
//! json-comments = false
//! # Larger files are reported rather than read: bytes, or "512KB", "10MB", "1GiB", ...
//! max-file-size = "10MB"
//!
//! [policy]
//! # A private-network (私网) deployment: every `wx` / `wx_moments` share is an error.
//! private-deployment = false
//! # The oldest WPS协作 client the project supports.
//! min-client-version = "4.20.0"
//! # The client platforms the project supports: "ios", "android", "pc".
//! platforms = ["ios", "android", "pc"]
//! # The only hosts `webpageUrl`, the in-app `url` and `image` may point to.
//! allowed-hosts = ["example.com", "*.example.com"]
//! # The team's own mini programs, the only ones cards may open (original IDs).
//! mini-program-user-names = ["gh_0123456789ab"]
//! # What string limits count: "utf8" (bytes, the default) or "utf16" (the Android SDK's units).
//! string-length = "utf8"
//!
//! # Severities for some files only; every matching override applies, in file order, after
//! # [rules].
//! [[overrides]]
//! files = ["legacy/**"]
//! rules = { thumbnail-over-legacy-limit = "off" }
//! ```
//!
//! # Reference
//!
//! - `[rules]`: a rule's code (`SM603`) or name (`thumbnail-over-legacy-limit`) → `"error"`,
//!   `"warning"`, `"info"` or `"off"`. Setting one rule twice in a table (by code and by name) is
//!   an error.
//! - `[files]`
//!   - `include`: globs of the files a directory walk lints; replaces [`DEFAULT_INCLUDE`]
//!     (every `.json` and `.jsonc` file that looks like a payload). Files named on the command
//!     line are linted whatever their name.
//!   - `exclude`: globs of the files and directories a directory walk skips; replaces
//!     [`DEFAULT_EXCLUDE`] (well-known non-payload JSON such as `package.json`).
//!   - `json-comments`: allow comments and trailing commas in `.json` files (default `false`;
//!     `.jsonc` files always allow them).
//!   - `max-file-size`: a positive number of bytes, or a string with a unit: `B`, `KB`, `MB`,
//!     `GB` (powers of 1000) or `KiB`, `MiB`, `GiB` (powers of 1024), case-insensitive, such as
//!     `"512KB"` or `"1GiB"`. Default: [`DEFAULT_MAX_FILE_SIZE`] (10 MiB). The most read whole:
//!     a file, standard input; a file of 1 MiB or more whose value is an array is read a piece
//!     at a time whatever its size (unless it is being fixed), and the cap bounds each element.
//! - `[policy]`
//!   - `private-deployment`: `true` makes every external share (to WeChat) an error.
//!   - `min-client-version`: `"MAJOR.MINOR.PATCH"` (`"4.20"` means `"4.20.0"`): the external share
//!     needs 4.25.0, the in-app share 2.1.0, `showAIAgentEntrance` 5.33.0.
//!   - `platforms`: a non-empty list of `"ios"`, `"android"`, `"pc"`; the PC client has no external
//!     share.
//!   - `allowed-hosts`: a non-empty list of host names; `"*.example.com"` allows every subdomain
//!     of example.com but not example.com itself. Compared case-insensitively, without the port.
//!   - `mini-program-user-names`: a non-empty list of mini programs' original IDs (`gh_…`, not
//!     the `wx…` AppID): a mini program card's `userName` must be one of them.
//!   - `string-length`: `"utf8"` (default) or `"utf16"`.
//! - `[[overrides]]`: `files` (a non-empty list of globs) and `rules` (as in `[rules]`), both
//!   required.
//!
//! Globs use [`globset`] syntax with `/` as the separator: `*` and `?` stay within one path
//! component, `**` crosses them. A glob without `/` matches a file name in any directory
//! (`*.bak.json` is `**/*.bak.json`); a leading `/` or `./` anchors it at the configuration's
//! directory, which it is anyway.
//!
//! # Rules are resolved when parsing
//!
//! Rule codes and names are checked against the rule registry ([`crate::rules::RULES`]) while
//! parsing, so a [`Config`] that exists has no unknown rule in it and [`Config::settings_for`]
//! cannot fail. [`Config::from_toml_str_with_rules`] checks against another table instead.

mod discovery;
mod error;
mod globs;
mod plain_glob;
mod policy;
mod raw;
mod rules;
mod schema;
mod show;

pub use discovery::{ConfigCache, Discovered};
pub use error::{ConfigError, ConfigErrorKind};
pub use globs::{default_is_excluded, default_is_included, DEFAULT_EXCLUDE, DEFAULT_INCLUDE};
pub use rules::{registry_rules, RuleTable};
pub use schema::{config_schema, CONFIG_SCHEMA_ID};
pub use show::show_settings;

use crate::settings::{Policy, Settings};
use globs::{without_leading_cur_dir, Globs, DEFAULT_EXCLUDE_GLOBS, DEFAULT_GLOBS};
use raw::RawConfig;
use rules::RuleSetting;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

/// The name of the configuration file.
pub const CONFIG_FILE_NAME: &str = "share-lint.toml";

/// The largest payload file read when `[files] max-file-size` is not set: 10 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// The largest configuration parsed: 1 MiB. A configuration is a few kilobytes; ten megabytes of
/// globs cost 4 GB to parse and compile. A larger file is an error naming it and this limit.
pub const MAX_CONFIG_BYTES: usize = 1024 * 1024;

/// One `[[overrides]]` table.
#[derive(Clone, Debug)]
struct Override {
    files: Globs,
    rules: Vec<RuleSetting>,
}

/// A parsed, checked `share-lint.toml`.
///
/// ```
/// use share_lint::config::Config;
/// use std::path::Path;
///
/// let text = "[rules]\ninsecure-url = \"error\"\n\n[[overrides]]\nfiles = [\"legacy/**\"]\nrules = { SM603 = \"off\" }\n";
/// let config = Config::from_toml_str(text, Path::new("/repo/share-lint.toml")).unwrap();
/// let settings = config.settings_for(Path::new("/repo/legacy/a.share.json"));
/// assert_eq!(settings.severities["SM603"], None);
/// assert_eq!(settings.severities["SM502"], Some(share_schema::Severity::Error));
/// ```
#[derive(Clone, Debug)]
pub struct Config {
    path: PathBuf,
    base: PathBuf,
    /// The current directory when the configuration was made, which relative paths are
    /// relative to: asked once, not for each file (twice a file, a tenth of a 10,000-file run).
    cwd: Option<PathBuf>,
    rules: Vec<RuleSetting>,
    include: Globs,
    exclude: Globs,
    json_comments: bool,
    max_file_size: u64,
    policy: Policy,
    overrides: Vec<Override>,
}

impl Config {
    /// The configuration in force where there is no `share-lint.toml`: defaults everywhere,
    /// globs relative to `base_dir`.
    pub fn defaults(base_dir: &Path) -> Config {
        let include = DEFAULT_GLOBS.clone();
        Config {
            path: base_dir.join(CONFIG_FILE_NAME),
            base: absolute(base_dir),
            cwd: std::env::current_dir().ok(),
            rules: Vec::new(),
            include,
            exclude: DEFAULT_EXCLUDE_GLOBS.clone(),
            json_comments: false,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            policy: Policy::default(),
            overrides: Vec::new(),
        }
    }

    /// Parses `text` as the configuration file at `path` (used in messages, and its directory as
    /// the base of relative globs); a text over [`MAX_CONFIG_BYTES`] is an error.
    pub fn from_toml_str(text: &str, path: &Path) -> Result<Config, ConfigError> {
        Config::from_toml_str_with_rules(text, path, registry_rules())
    }

    /// [`from_toml_str`](Self::from_toml_str), checking rule codes and names against `rules`
    /// instead of the registry.
    pub fn from_toml_str_with_rules(
        text: &str,
        path: &Path,
        rules: RuleTable<'_>,
    ) -> Result<Config, ConfigError> {
        if text.len() > MAX_CONFIG_BYTES {
            // Parsing and compiling ten megabytes of globs took 4 GB: refuse before either.
            return Err(ConfigError::io(
                path,
                format!(
                    "the configuration is {} bytes; at most {} are read (a configuration is a \
                     few kilobytes: is this the right file?)",
                    share_schema::rules::thousands(text.len()),
                    share_schema::rules::thousands(MAX_CONFIG_BYTES)
                ),
            ));
        }
        // A byte-order mark (some Windows editors write one) is not a column of line 1.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| ConfigError::from_toml(path, text, &e))?;
        let cx = Parsing { path, text, rules };

        let base = absolute(path.parent().unwrap_or(Path::new("")));
        let config_rules = cx.rules(&raw.rules, "[rules]")?;
        let include = match &raw.files.include {
            Some(globs) => cx.globs(globs, "include")?,
            None => DEFAULT_GLOBS.clone(),
        };
        let exclude = match &raw.files.exclude {
            Some(globs) => cx.globs(globs, "exclude")?,
            None => DEFAULT_EXCLUDE_GLOBS.clone(),
        };
        let policy = cx.policy(raw.policy)?;
        let mut overrides = Vec::with_capacity(raw.overrides.len());
        for (i, raw_override) in raw.overrides.iter().enumerate() {
            let table = format!("[[overrides]] #{}", i + 1);
            overrides.push(Override {
                files: cx.globs(&raw_override.files, "files")?,
                rules: cx.rules(&raw_override.rules, &table)?,
            });
        }

        Ok(Config {
            path: path.to_path_buf(),
            base,
            cwd: std::env::current_dir().ok(),
            rules: config_rules,
            include,
            exclude,
            json_comments: raw.files.json_comments,
            max_file_size: raw
                .files
                .max_file_size
                .map_or(DEFAULT_MAX_FILE_SIZE, |s| s.0),
            policy,
            overrides,
        })
    }

    /// The configuration file, as given (for [`Config::defaults`], where it would be).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The settings to lint `file` with: `[rules]`, then every `[[overrides]]` whose `files`
    /// match, in file order (a later setting of the same rule wins).
    ///
    /// `file` is an absolute path, or one relative to the current directory (as it was when the
    /// configuration was made); a file outside the configuration's directory is matched by its
    /// absolute path, which only `**/` globs can match.
    pub fn settings_for(&self, file: &Path) -> Settings {
        let mut severities = HashMap::new();
        for setting in &self.rules {
            severities.insert(setting.code, setting.level);
        }
        if !self.overrides.is_empty() {
            let relative = self.relative_path(file);
            let subject = globs::Subject::new(&relative);
            for o in &self.overrides {
                if o.files.matches(&subject) {
                    for setting in &o.rules {
                        severities.insert(setting.code, setting.level);
                    }
                }
            }
        }
        Settings {
            severities,
            json_comments: self.json_comments,
            policy: self.policy.clone(),
            max_values: Settings::max_values_for(self.max_file_size),
            fixes: true,
        }
    }

    /// Whether a directory walk lints `file` (absolute, or relative to the current directory):
    /// [`is_included`](Self::is_included) on its path relative to the configuration's directory.
    pub(crate) fn includes_file(&self, file: &Path) -> bool {
        self.is_included(&self.relative_path(file))
    }

    /// Whether an exclude glob matches `file` (a path as given, made relative to the
    /// configuration's directory) or a directory above it: `--force-exclude` skips such a file
    /// even when it is named.
    pub(crate) fn excludes_file(&self, file: &Path) -> bool {
        self.is_excluded(without_leading_cur_dir(&self.relative_path(file)))
    }

    /// Whether a directory walk lints the file at `relative_path` (relative to the directory
    /// that holds the configuration file): an include glob matches it, and no exclude glob
    /// matches it or a directory above it.
    pub fn is_included(&self, relative_path: &Path) -> bool {
        globs::is_included(&self.include, &self.exclude, relative_path)
    }

    /// Whether `relative_path` or a directory above it (up to the configuration's directory)
    /// matches an exclude glob.
    fn is_excluded(&self, relative_path: &Path) -> bool {
        self.exclude
            .matches_any_prefix(without_leading_cur_dir(relative_path))
    }

    /// `file` relative to the configuration's directory (`base`), or its absolute path when it is
    /// outside. A relative `file` is relative to the current directory of when the configuration
    /// was made.
    fn relative_path(&self, file: &Path) -> PathBuf {
        let abs = match &self.cwd {
            // What a walk finds: joined to the current directory, already normal.
            Some(cwd) if is_plain_relative(file) => cwd.join(without_leading_cur_dir(file)),
            cwd => absolute_in(cwd.as_deref(), file),
        };
        match abs.strip_prefix(&self.base) {
            Ok(rel) => rel.to_path_buf(),
            Err(_) => abs,
        }
    }

    /// The largest payload file to read, in bytes.
    pub fn max_file_size(&self) -> u64 {
        self.max_file_size
    }
}

/// What turning the raw tables into a [`Config`] needs, for messages.
///
/// Each table is turned by a method in the file named after it: [`rules`], [`globs`],
/// [`policy`].
struct Parsing<'a> {
    path: &'a Path,
    text: &'a str,
    rules: RuleTable<'a>,
}

impl Parsing<'_> {
    fn error(&self, span: Range<usize>, message: impl Into<String>) -> ConfigError {
        ConfigError::at(self.path, self.text, Some(span), message)
    }
}

/// Whether `path` is relative and, after a leading `./`, names only: no `..`, no root or prefix.
fn is_plain_relative(path: &Path) -> bool {
    let path = without_leading_cur_dir(path);
    let names = |s: &str| {
        // `components` hides a `.` or an empty name inside the path, which globs would see.
        !s.split(['/', std::path::MAIN_SEPARATOR])
            .any(|name| name.is_empty() || name == ".")
    };
    path.is_relative()
        && path.components().all(|c| matches!(c, Component::Normal(_)))
        && path.to_str().is_some_and(names)
}

/// `path` made absolute against the current directory and normalized lexically (`.` and `..`
/// removed without touching the filesystem, so symbolic links are not resolved).
fn absolute(path: &Path) -> PathBuf {
    absolute_in(std::env::current_dir().ok().as_deref(), path)
}

/// [`absolute`] against `cwd`, the current directory when known.
fn absolute_in(cwd: Option<&Path>, path: &Path) -> PathBuf {
    let joined;
    let path = match cwd {
        Some(cwd) if !path.is_absolute() => {
            joined = cwd.join(path);
            &joined
        }
        _ => path,
    };
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `..` at the root is the root.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                // A relative path (the current directory is unknown): keep the `..`.
                _ => out.push(component),
            },
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_normalizes() {
        assert_eq!(absolute(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        assert_eq!(absolute(Path::new("/..")), PathBuf::from("/"));
        assert!(absolute(Path::new("x")).is_absolute());
    }

    /// Asserts that `globs` were compiled from `patterns`, in order: as many globs, and the
    /// `i`th matches a path written from the `i`th pattern (each `*` or `**` made a name).
    fn assert_compiled_from(globs: &Globs, patterns: &[&str]) {
        assert_eq!(globs.set().len(), patterns.len(), "{patterns:?}");
        for (i, pattern) in patterns.iter().enumerate() {
            let path = pattern.replace("**", "x").replace('*', "x");
            let matched = globs.set().matches(&path);
            assert!(
                matched.contains(&i),
                "`{pattern}` (#{i}): {path} matches {matched:?}"
            );
        }
    }

    #[test]
    fn the_files_table_is_based_in_the_configurations_directory() {
        // The `[files]` table of `tests/config.rs`'s full example.
        let config = Config::from_toml_str(
            r#"[files]
include = ["**/*.share.json", "**/*.share.jsonc", "share-payloads/**/*.json", "share-payloads/**/*.jsonc"]
exclude = ["fixtures/broken/**"]
"#,
            Path::new("/repo/share-lint.toml"),
        )
        .unwrap();
        assert_eq!(config.base, Path::new("/repo"));
        assert_compiled_from(
            &config.include,
            &[
                "**/*.share.json",
                "**/*.share.jsonc",
                "share-payloads/**/*.json",
                "share-payloads/**/*.jsonc",
            ],
        );
        assert_compiled_from(&config.exclude, &["fixtures/broken/**"]);
    }

    #[test]
    fn an_empty_file_has_the_default_globs() {
        let config = Config::from_toml_str("", Path::new("share-lint.toml")).unwrap();
        assert_compiled_from(&config.include, DEFAULT_INCLUDE);
        assert_compiled_from(&config.exclude, DEFAULT_EXCLUDE);
    }

    #[test]
    fn an_excluded_directory_excludes_what_is_under_it() {
        let config = Config::from_toml_str(
            "[files]\ninclude = [\"payloads/**/*.json\", \"*.share.json\"]\nexclude = [\"payloads/broken\", \"*.skip.json\"]\n",
            Path::new("share-lint.toml"),
        )
        .unwrap();
        assert!(config.is_excluded(Path::new("payloads/broken")));
        // A leading `./` is ignored.
        assert!(config.is_excluded(Path::new("./payloads/broken/a.json")));
        // The include glob matches; the exclude glob, on the directory, is what skips the file.
        assert!(config.include.set().is_match("payloads/broken/a.json"));
        assert!(config.exclude.set().is_match("payloads/broken"));
    }

    #[test]
    fn files_are_made_relative_to_the_configurations_directory() {
        let cwd = std::env::current_dir().unwrap();
        let config = Config::from_toml_str(
            "[[overrides]]\nfiles = [\"legacy/*.json\"]\nrules = { SM603 = \"off\" }\n",
            &cwd.join(CONFIG_FILE_NAME),
        )
        .unwrap();
        assert_eq!(
            config.relative_path(&cwd.join("legacy/a.json")),
            PathBuf::from("legacy/a.json")
        );
        // A walk's path, joined to the current directory as `absolute` would make it.
        for file in [
            "x.json",
            "./a/b.json",
            "a/./b.json",
            "a//b.json",
            "a/b/c.share.json",
        ] {
            let file = Path::new(file);
            let slow = absolute(file);
            let slow = slow.strip_prefix(&config.base).unwrap_or(&slow);
            // As text: globs match the bytes, where `a/./b.json` is not `a/b.json`.
            let fast = config.relative_path(file);
            assert_eq!(fast.to_str(), slow.to_str(), "{file:?}");
        }
        // A walk that found `sub/../x.share.json` from the current directory.
        assert!(config.includes_file(Path::new("./sub/../x.share.json")));
        assert!(config.includes_file(&cwd.join("deep/x.share.json")));
        assert!(config.includes_file(Path::new("x.json")));
        assert!(!config.includes_file(Path::new("tsconfig.base.json")));
    }
}
