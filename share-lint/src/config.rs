//! `share-lint.toml`: the project's configuration — rule severities, which files a directory
//! walk lints, and the project's policy (DOMAIN.md §3, "project policy in configuration").
//!
//! The linter uses the `share-lint.toml` nearest to a file: in the file's directory or the
//! closest parent directory. Configurations are not merged: the nearest one is the whole
//! configuration, and every relative glob in it is relative to the directory that holds it.
//! Keys are kebab-case; an unknown key anywhere is an error, reported with its line and column
//! (a bad configuration makes the run fail with exit code 2).
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
//!     `"512KB"` or `"1GiB"`. Default: [`DEFAULT_MAX_FILE_SIZE`] (10 MiB).
//! - `[policy]`
//!   - `private-deployment`: `true` makes every external share (to WeChat) an error.
//!   - `min-client-version`: `"MAJOR.MINOR.PATCH"` (`"4.20"` means `"4.20.0"`): the external share
//!     needs 4.25.0, the in-app share 2.1.0, `showAIAgentEntrance` 5.33.0.
//!   - `platforms`: a non-empty list of `"ios"`, `"android"`, `"pc"`; the PC client has no external
//!     share.
//!   - `allowed-hosts`: a non-empty list of host names; `"*.example.com"` allows every subdomain
//!     of example.com but not example.com itself. Compared case-insensitively, without the port.
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

use crate::settings::{LengthUnit, Platform, Policy, Settings};
use globset::{Candidate, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use share_schema::Severity;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::Read as _;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, LazyLock};
use toml::Spanned;

/// The name of the configuration file.
pub const CONFIG_FILE_NAME: &str = "share-lint.toml";

/// The globs a directory walk lints when `[files] include` is not set: every JSON and JSONC
/// file, less [`DEFAULT_EXCLUDE`]; of those, a walk lints only files that look like payloads
/// (their top-level object has a key of the payload format), so the repository's other JSON is
/// left alone.
pub const DEFAULT_INCLUDE: &[&str] = &["**/*.json", "**/*.jsonc"];

/// The globs a directory walk skips when `[files] exclude` is not set: well-known JSON files
/// that are never payloads (some, like a `package.json` with `"type": "module"`, would look like
/// one).
pub const DEFAULT_EXCLUDE: &[&str] = &[
    "package.json",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "composer.json",
    "tsconfig*.json",
    "jsconfig*.json",
    "deno.json",
    "deno.jsonc",
    "biome.json",
    "biome.jsonc",
    "turbo.json",
    "lerna.json",
    "nx.json",
    "vercel.json",
    "renovate.json",
    ".eslintrc.json",
    ".prettierrc.json",
    ".babelrc.json",
    "*.schema.json",
    "*.sarif.json",
    "*.code-workspace",
    ".vscode/**",
    ".idea/**",
    ".devcontainer/**",
    "node_modules/**",
];

/// The largest payload file read when `[files] max-file-size` is not set: 10 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Every rule a configuration may name, as `(code, name)` pairs: `("SM603",
/// "thumbnail-over-legacy-limit")`.
pub type RuleTable<'a> = &'a [(&'static str, &'static str)];

/// The registry's rules as a [`RuleTable`]: what configurations are checked against.
pub fn registry_rules() -> RuleTable<'static> {
    static TABLE: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
        crate::rules::RULES
            .iter()
            .map(|rule| (rule.code, rule.name))
            .collect()
    });
    &TABLE
}

/// Whether a directory walk with no `share-lint.toml` lints the file at `relative_path`
/// (relative to the directory walked): [`DEFAULT_INCLUDE`] matches it.
pub fn default_is_included(relative_path: &Path) -> bool {
    let path = without_leading_cur_dir(relative_path);
    DEFAULT_GLOBS.set.is_match(path) && !matches_any_prefix(&DEFAULT_EXCLUDE_GLOBS.set, path)
}

/// Whether `set` matches `path` or one of its parent directories.
fn matches_any_prefix(set: &GlobSet, path: &Path) -> bool {
    !set.is_empty()
        && path
            .ancestors()
            .filter(|p| !p.as_os_str().is_empty())
            .any(|p| set.is_match(p))
}

/// The largest configuration file read (a guard against pointing the linter at a huge file).
const MAX_CONFIG_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// How much of a user's value a message quotes.
const QUOTE_CHARS: usize = 60;

/// The longest glob compiled: PATH_MAX on Linux.
const MAX_GLOB_BYTES: usize = 4096;

/// The longest host name DNS allows.
const MAX_HOST_CHARS: usize = 253;

/// How long a message from the TOML parser may get (it quotes keys in full).
const MAX_MESSAGE_CHARS: usize = 300;

// ---------------------------------------------------------------------------------------------
// Errors

/// What went wrong with a configuration file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigErrorKind {
    /// The file could not be read (or is not UTF-8, or is too large).
    Io,
    /// The file is not valid TOML, or a key or value is wrong.
    Invalid,
}

/// A configuration error, displayed as `path:line:col: message` (or `path: message` when it has
/// no position, as for an unreadable file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    kind: ConfigErrorKind,
    path: PathBuf,
    /// 1-based line and column (in characters).
    position: Option<(usize, usize)>,
    message: String,
}

impl ConfigError {
    fn io(path: &Path, message: impl Into<String>) -> Self {
        ConfigError {
            kind: ConfigErrorKind::Io,
            path: path.to_path_buf(),
            position: None,
            message: message.into(),
        }
    }

    fn at(path: &Path, text: &str, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        ConfigError {
            kind: ConfigErrorKind::Invalid,
            path: path.to_path_buf(),
            position: span.map(|s| line_col(text, s.start)),
            message: message.into(),
        }
    }

    fn from_toml(path: &Path, text: &str, error: &toml::de::Error) -> Self {
        let message = error.message().trim_end();
        // The parser's messages are one line, but be sure: the rest would break `path:l:c:`.
        let first_line = message.lines().next().unwrap_or("");
        ConfigError::at(
            path,
            text,
            error.span(),
            truncate(first_line, MAX_MESSAGE_CHARS),
        )
    }

    /// What kind of error it is.
    pub fn kind(&self) -> ConfigErrorKind {
        self.kind
    }

    /// The configuration file, as it was given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line of the error, if it has a position.
    pub fn line(&self) -> Option<usize> {
        self.position.map(|(line, _)| line)
    }

    /// The 1-based column (in characters) of the error, if it has a position.
    pub fn column(&self) -> Option<usize> {
        self.position.map(|(_, column)| column)
    }

    /// The message without the path and position.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

/// The 1-based line and character column of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// At most `max` characters of `s`, with `…` when cut.
fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// A user's value, quoted for a message.
fn quote(s: &str) -> String {
    truncate(s, QUOTE_CHARS)
}

// ---------------------------------------------------------------------------------------------
// The file as written

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    rules: RawRules,
    #[serde(default)]
    files: RawFiles,
    #[serde(default)]
    policy: RawPolicy,
    #[serde(default)]
    overrides: Vec<RawOverride>,
}

type RawRules = BTreeMap<Spanned<String>, Spanned<RuleLevel>>;

type RawGlobs = Spanned<Vec<Spanned<String>>>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
struct RawFiles {
    include: Option<RawGlobs>,
    exclude: Option<RawGlobs>,
    json_comments: bool,
    max_file_size: Option<ByteSize>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
struct RawPolicy {
    private_deployment: bool,
    min_client_version: Option<ClientVersion>,
    platforms: Option<Spanned<Vec<PlatformName>>>,
    allowed_hosts: Option<Spanned<Vec<Spanned<String>>>>,
    string_length: StringLength,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    files: RawGlobs,
    rules: RawRules,
}

/// Deserializes a string through `parse`, so a bad value is reported at its own position.
struct ParseVisitor<F> {
    expecting: &'static str,
    parse: F,
}

impl<'de, T, F: FnOnce(&str) -> Result<T, String>> Visitor<'de> for ParseVisitor<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v).map_err(E::custom)
    }
}

fn parse_str<'de, D: Deserializer<'de>, T>(
    d: D,
    expecting: &'static str,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, D::Error> {
    d.deserialize_str(ParseVisitor { expecting, parse })
}

/// A severity in the configuration: one of the three, or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RuleLevel(Option<Severity>);

impl<'de> Deserialize<'de> for RuleLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_str(
            d,
            "a severity: \"error\", \"warning\", \"info\" or \"off\"",
            |s| match s {
                "off" => Ok(RuleLevel(None)),
                _ => s
                    .parse::<Severity>()
                    .map(|sev| RuleLevel(Some(sev)))
                    .map_err(|_| {
                        format!(
                            "unknown severity `{}`; expected `error`, `warning`, `info` or `off`",
                            quote(s)
                        )
                    }),
            },
        )
    }
}

/// `min-client-version`.
struct ClientVersion((u32, u32, u32));

impl<'de> Deserialize<'de> for ClientVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_str(d, "a version string such as \"4.25.0\"", |s| {
            parse_version(s).map(ClientVersion)
        })
    }
}

/// `"4.25.0"`, `"4.25"` or `"4"` → (4, 25, 0).
fn parse_version(s: &str) -> Result<(u32, u32, u32), String> {
    let invalid = |why: &str| {
        format!(
            "invalid version `{}`: {why}; write MAJOR.MINOR.PATCH, such as `4.25.0`",
            quote(s)
        )
    };
    let parts: Vec<&str> = s.splitn(4, '.').collect();
    if parts.len() > 3 {
        return Err(invalid("more than three numbers"));
    }
    let mut numbers = [0u32; 3];
    for (slot, part) in numbers.iter_mut().zip(&parts) {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            let why = if part.is_empty() {
                "a number is missing".to_owned()
            } else {
                format!("`{}` is not a number", quote(part))
            };
            return Err(invalid(&why));
        }
        *slot = part
            .parse()
            .map_err(|_| invalid(&format!("`{}` is too large", quote(part))))?;
    }
    Ok((numbers[0], numbers[1], numbers[2]))
}

/// One entry of `platforms`.
struct PlatformName(Platform);

impl<'de> Deserialize<'de> for PlatformName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_str(
            d,
            "a platform: \"ios\", \"android\" or \"pc\"",
            |s| match s {
                "ios" => Ok(PlatformName(Platform::Ios)),
                "android" => Ok(PlatformName(Platform::Android)),
                "pc" => Ok(PlatformName(Platform::Pc)),
                _ => {
                    let lower = s.to_ascii_lowercase();
                    let hint = match lower.as_str() {
                        "ios" | "android" | "pc" => format!("; did you mean `{lower}`?"),
                        "windows" | "macos" | "mac" | "linux" | "desktop" => {
                            "; did you mean `pc`?".to_owned()
                        }
                        _ => String::new(),
                    };
                    Err(format!(
                        "unknown platform `{}`; expected `ios`, `android` or `pc`{hint}",
                        quote(s)
                    ))
                }
            },
        )
    }
}

/// `string-length`.
#[derive(Default)]
struct StringLength(LengthUnit);

impl<'de> Deserialize<'de> for StringLength {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_str(d, "\"utf8\" or \"utf16\"", |s| match s {
            "utf8" => Ok(StringLength(LengthUnit::Utf8)),
            "utf16" => Ok(StringLength(LengthUnit::Utf16)),
            _ => {
                let hint = match s.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
                    "utf8" | "bytes" => "; did you mean `utf8`?",
                    "utf16" => "; did you mean `utf16`?",
                    _ => "",
                };
                Err(format!(
                    "unknown string length unit `{}`; expected `utf8` or `utf16`{hint}",
                    quote(s)
                ))
            }
        })
    }
}

/// `max-file-size`: an integer of bytes or a string with a unit.
struct ByteSize(u64);

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SizeVisitor;

        impl Visitor<'_> for SizeVisitor {
            type Value = ByteSize;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number of bytes or a size such as \"10MB\"")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ByteSize, E> {
                if v <= 0 {
                    return Err(E::custom(format!(
                        "invalid size `{v}`: it must be at least 1 byte"
                    )));
                }
                Ok(ByteSize(v.unsigned_abs()))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ByteSize, E> {
                if v == 0 {
                    return Err(E::custom("invalid size `0`: it must be at least 1 byte"));
                }
                Ok(ByteSize(v))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<ByteSize, E> {
                parse_size(v).map(ByteSize).map_err(E::custom)
            }
        }

        d.deserialize_any(SizeVisitor)
    }
}

/// `"512KB"` → 512,000; `"1GiB"` → 1,073,741,824; `"100"` → 100.
fn parse_size(s: &str) -> Result<u64, String> {
    let invalid = |why: &str| {
        format!(
            "invalid size `{}`: {why}; write a whole number with an optional unit: B, KB, MB, GB \
             (powers of 1000) or KiB, MiB, GiB (powers of 1024), such as \"10MB\"",
            quote(s)
        )
    };
    let trimmed = s.trim();
    let digits_end = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(digits_end);
    if number.is_empty() {
        return Err(invalid("no number"));
    }
    let multiplier: u64 = match unit.trim_start().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        other if other.starts_with('.') || other.starts_with(',') => {
            return Err(invalid("not a whole number"))
        }
        _ => return Err(invalid("unknown unit")),
    };
    let size = number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(multiplier))
        .ok_or_else(|| invalid("too large"))?;
    if size == 0 {
        return Err(invalid("it must be at least 1 byte"));
    }
    Ok(size)
}

// ---------------------------------------------------------------------------------------------
// The parsed configuration

/// One severity setting, resolved to its rule's code.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RuleSetting {
    code: &'static str,
    level: Option<Severity>,
}

/// Compiled globs with the patterns they came from.
#[derive(Clone, Debug)]
struct Globs {
    set: GlobSet,
    patterns: Vec<String>,
}

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
    /// the base of relative globs).
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

    /// The configuration file, as given (for [`Config::defaults`], where it would be).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The directory relative globs are relative to (absolute, normalized).
    pub fn base_dir(&self) -> &Path {
        &self.base
    }

    /// The settings to lint `file` with: `[rules]`, then every `[[overrides]]` whose `files`
    /// match, in file order (a later setting of the same rule wins).
    ///
    /// `file` is an absolute path, or one relative to the current directory; a file outside the
    /// configuration's directory is matched by its absolute path, which only `**/` globs can
    /// match.
    pub fn settings_for(&self, file: &Path) -> Settings {
        let mut severities = HashMap::new();
        for setting in &self.rules {
            severities.insert(setting.code, setting.level);
        }
        if !self.overrides.is_empty() {
            let relative = self.relative_path(file);
            let candidate = Candidate::new(&relative);
            for o in &self.overrides {
                if o.files.set.is_match_candidate(&candidate) {
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
        }
    }

    /// The globs of the files a directory walk lints.
    pub fn include_globs(&self) -> &GlobSet {
        &self.include.set
    }

    /// The globs of the files and directories a directory walk skips.
    pub fn exclude_globs(&self) -> &GlobSet {
        &self.exclude.set
    }

    /// The include patterns as written (or [`DEFAULT_INCLUDE`]).
    pub fn include_patterns(&self) -> &[String] {
        &self.include.patterns
    }

    /// The exclude patterns as written.
    pub fn exclude_patterns(&self) -> &[String] {
        &self.exclude.patterns
    }

    /// Whether a directory walk lints `file` (absolute, or relative to the current directory):
    /// [`is_included`](Self::is_included) on its path relative to [`base_dir`](Self::base_dir).
    pub fn includes_file(&self, file: &Path) -> bool {
        self.is_included(&self.relative_path(file))
    }

    /// Whether a directory walk lints the file at `relative_path` (relative to
    /// [`base_dir`](Self::base_dir)): an include glob matches and it is not
    /// [excluded](Self::is_excluded).
    pub fn is_included(&self, relative_path: &Path) -> bool {
        let path = without_leading_cur_dir(relative_path);
        self.include.set.is_match(path) && !self.is_excluded(path)
    }

    /// Whether `relative_path` or a directory above it (up to [`base_dir`](Self::base_dir))
    /// matches an exclude glob: a walk should not descend into an excluded directory.
    pub fn is_excluded(&self, relative_path: &Path) -> bool {
        if self.exclude.set.is_empty() {
            return false;
        }
        without_leading_cur_dir(relative_path)
            .ancestors()
            .filter(|p| !p.as_os_str().is_empty())
            .any(|p| self.exclude.set.is_match(p))
    }

    /// `file` relative to [`base_dir`](Self::base_dir), or its absolute path when it is outside.
    pub fn relative_path(&self, file: &Path) -> PathBuf {
        let abs = absolute(file);
        match abs.strip_prefix(&self.base) {
            Ok(rel) => rel.to_path_buf(),
            Err(_) => abs,
        }
    }

    /// Whether `.json` files may have comments and trailing commas.
    pub fn json_comments(&self) -> bool {
        self.json_comments
    }

    /// The largest payload file to read, in bytes.
    pub fn max_file_size(&self) -> u64 {
        self.max_file_size
    }

    /// The project's policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }
}

/// What turning the raw tables into a [`Config`] needs, for messages.
struct Parsing<'a> {
    path: &'a Path,
    text: &'a str,
    rules: RuleTable<'a>,
}

impl Parsing<'_> {
    fn error(&self, span: Range<usize>, message: impl Into<String>) -> ConfigError {
        ConfigError::at(self.path, self.text, Some(span), message)
    }

    /// Resolves a rules table; `table` names it in messages.
    fn rules(&self, raw: &RawRules, table: &str) -> Result<Vec<RuleSetting>, ConfigError> {
        // In file order, so that the first problem is the one reported.
        let mut entries: Vec<_> = raw.iter().collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        let mut seen: HashMap<&'static str, &str> = HashMap::new();
        let mut out = Vec::with_capacity(entries.len());
        for (key, level) in entries {
            let Some(code) = resolve_rule(self.rules, key.get_ref()) else {
                return Err(self.error(key.span(), unknown_rule(self.rules, key.get_ref())));
            };
            if let Some(first) = seen.insert(code, key.get_ref()) {
                return Err(self.error(
                    key.span(),
                    format!(
                        "rule `{code}` is set twice in {table}: as `{}` and as `{}`",
                        quote(first),
                        quote(key.get_ref())
                    ),
                ));
            }
            out.push(RuleSetting {
                code,
                level: level.get_ref().0,
            });
        }
        Ok(out)
    }

    /// Compiles a glob list; `key` names it in messages. An empty `include` or override `files`
    /// would match nothing, which is never meant; an empty `exclude` is fine.
    fn globs(&self, raw: &RawGlobs, key: &str) -> Result<Globs, ConfigError> {
        if raw.get_ref().is_empty() && key != "exclude" {
            return Err(self.error(
                raw.span(),
                format!("`{key}` is empty; list at least one glob"),
            ));
        }
        let mut builder = GlobSetBuilder::new();
        let mut patterns = Vec::with_capacity(raw.get_ref().len());
        for pattern in raw.get_ref() {
            builder
                .add(compile_glob(pattern.get_ref()).map_err(|m| self.error(pattern.span(), m))?);
            patterns.push(pattern.get_ref().clone());
        }
        let set = builder.build().map_err(|e| {
            self.error(
                raw.span(),
                format!("cannot compile the globs of `{key}`: {}", e.kind()),
            )
        })?;
        Ok(Globs { set, patterns })
    }

    fn policy(&self, raw: RawPolicy) -> Result<Policy, ConfigError> {
        let platforms = match raw.platforms {
            None => None,
            Some(list) if list.get_ref().is_empty() => {
                return Err(self.error(
                    list.span(),
                    "`platforms` is empty; list the platforms the project supports: `ios`, `android`, `pc`",
                ))
            }
            Some(list) => {
                let mut platforms: Vec<Platform> = Vec::new();
                for p in list.into_inner() {
                    if !platforms.contains(&p.0) {
                        platforms.push(p.0);
                    }
                }
                Some(platforms)
            }
        };
        let allowed_hosts = match raw.allowed_hosts {
            None => None,
            Some(list) if list.get_ref().is_empty() => {
                return Err(self.error(
                    list.span(),
                    "`allowed-hosts` is empty, which would reject every URL; remove the key to allow any host",
                ))
            }
            Some(list) => {
                let mut hosts: Vec<String> = Vec::with_capacity(list.get_ref().len());
                for entry in list.get_ref() {
                    let host = check_host_pattern(entry.get_ref())
                        .map_err(|m| self.error(entry.span(), m))?;
                    if !hosts.contains(&host) {
                        hosts.push(host);
                    }
                }
                Some(hosts)
            }
        };
        Ok(Policy {
            private_deployment: raw.private_deployment,
            min_client_version: raw.min_client_version.map(|v| v.0),
            platforms,
            allowed_hosts,
            length_unit: raw.string_length.0,
        })
    }
}

/// The code of the rule `key` names (by code or by name).
fn resolve_rule(rules: RuleTable<'_>, key: &str) -> Option<&'static str> {
    rules
        .iter()
        .find(|(code, name)| *code == key || *name == key)
        .map(|(code, _)| *code)
}

/// "unknown rule `insecure-urls`; did you mean `insecure-url`?"
fn unknown_rule(rules: RuleTable<'_>, key: &str) -> String {
    let mut message = format!("unknown rule `{}`", quote(key));
    match suggest_rule(rules, key) {
        Some(suggestion) => {
            message.push_str(&format!("; did you mean `{suggestion}`?"));
        }
        None => {
            if let Some((code, name)) = rules.first() {
                message.push_str(&format!(
                    "; name a rule by its code (such as `{code}`) or its name (such as `{name}`)"
                ));
            }
        }
    }
    message
}

/// The code or name closest to `key`, if close enough to be a likely typo.
fn suggest_rule(rules: RuleTable<'_>, key: &str) -> Option<&'static str> {
    // Long keys cannot be a typo of a short name; skip the quadratic distance on hostile input.
    const MAX_KEY_CHARS: usize = 64;
    let key: Vec<char> = key.to_lowercase().chars().collect();
    if key.is_empty() || key.len() > MAX_KEY_CHARS {
        return None;
    }
    let threshold = (key.len() / 3).max(1);
    let mut best: Option<(usize, &'static str)> = None;
    for candidate in rules.iter().flat_map(|(code, name)| [*code, *name]) {
        let lower: Vec<char> = candidate.to_lowercase().chars().collect();
        if lower.len().abs_diff(key.len()) > threshold {
            continue;
        }
        let d = edit_distance(&key, &lower);
        if d <= threshold && !matches!(best, Some((b, _)) if b <= d) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// One glob, as [`globset`] compiles it (see the module docs for the conventions).
fn compile_glob(pattern: &str) -> Result<globset::Glob, String> {
    if pattern.len() > MAX_GLOB_BYTES {
        // No path is longer, and compiling a huge glob takes long before it fails.
        return Err(format!(
            "invalid glob `{}`: it is longer than {MAX_GLOB_BYTES} bytes, the longest path",
            quote(pattern)
        ));
    }
    let mut p = pattern;
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    let anchored = p.starts_with('/');
    let p = p.trim_start_matches('/');
    if p.is_empty() {
        return Err(format!(
            "invalid glob `{}`: it matches no file",
            quote(pattern)
        ));
    }
    let full = if anchored || p.contains('/') {
        p.to_owned()
    } else {
        format!("**/{p}")
    };
    GlobBuilder::new(&full)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob `{}`: {}", quote(pattern), e.kind()))
}

/// [`DEFAULT_INCLUDE`], compiled once.
static DEFAULT_GLOBS: LazyLock<Globs> = LazyLock::new(|| default_globs(DEFAULT_INCLUDE));

/// [`DEFAULT_EXCLUDE`], compiled once.
static DEFAULT_EXCLUDE_GLOBS: LazyLock<Globs> = LazyLock::new(|| default_globs(DEFAULT_EXCLUDE));

fn default_globs(patterns: &[&str]) -> Globs {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        builder.add(compile_glob(pattern).expect("the default globs are valid"));
    }
    Globs {
        set: builder.build().expect("the default globs compile"),
        patterns: patterns.iter().map(|p| (*p).to_owned()).collect(),
    }
}

/// Checks an `allowed-hosts` entry and returns it lowercased, without a trailing dot.
fn check_host_pattern(entry: &str) -> Result<String, String> {
    let q = quote(entry);
    if entry.is_empty() {
        return Err("an empty host in `allowed-hosts`".to_owned());
    }
    if let Some(sep) = entry.find("://") {
        let rest = &entry[sep + 3..];
        let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
        return Err(format!(
            "`{q}` is a URL; `allowed-hosts` lists host names, such as `{}`",
            quote(host)
        ));
    }
    if entry.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("`{q}` is not a host name: it contains whitespace"));
    }
    if entry.contains(['/', '?', '#', '@']) {
        return Err(format!(
            "`{q}` is not a host name; write the host alone, such as `example.com`"
        ));
    }
    let (wildcard, host) = match entry.strip_prefix("*.") {
        Some(rest) => (true, rest),
        None => (false, entry),
    };
    if host.contains('*') {
        let message = if entry == "*" {
            format!("`{q}` would allow every host; remove `allowed-hosts` to allow any host")
        } else {
            format!("`{q}`: a wildcard is only allowed as a leading `*.`, such as `*.example.com`")
        };
        return Err(message);
    }
    let is_ipv6 = host.starts_with('[') && host.ends_with(']');
    if !is_ipv6 && host.contains(':') {
        let without_port = &host[..host.find(':').unwrap_or(host.len())];
        return Err(format!(
            "`{q}` has a port; hosts are compared without ports, so write `{}{}`",
            if wildcard { "*." } else { "" },
            quote(without_port)
        ));
    }
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.chars().count() > MAX_HOST_CHARS {
        return Err(format!(
            "`{q}` is not a host name: it is longer than {MAX_HOST_CHARS} characters"
        ));
    }
    if host.is_empty() || host.starts_with('.') || host.contains("..") {
        return Err(format!("`{q}` is not a host name"));
    }
    let host = host.to_lowercase();
    Ok(if wildcard { format!("*.{host}") } else { host })
}

/// `./a/b` → `a/b`: globs are matched against paths without a leading `.`.
fn without_leading_cur_dir(path: &Path) -> &Path {
    let mut components = path.components();
    while components.clone().next() == Some(Component::CurDir) {
        components.next();
    }
    components.as_path()
}

/// `path` made absolute against the current directory and normalized lexically (`.` and `..`
/// removed without touching the filesystem, so symbolic links are not resolved).
fn absolute(path: &Path) -> PathBuf {
    let joined;
    let path = if path.is_absolute() {
        path
    } else {
        match std::env::current_dir() {
            Ok(cwd) => {
                joined = cwd.join(path);
                &joined
            }
            Err(_) => path,
        }
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

// ---------------------------------------------------------------------------------------------
// Discovery cache

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "a\n中文x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (2, 1));
        assert_eq!(line_col(text, 8), (2, 3));
        // Inside a character: the character's start.
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 1000), (3, 1));
    }

    #[test]
    fn versions() {
        assert_eq!(parse_version("4.25.0"), Ok((4, 25, 0)));
        assert_eq!(parse_version("5.33"), Ok((5, 33, 0)));
        assert_eq!(parse_version("6"), Ok((6, 0, 0)));
        for bad in [
            "",
            "4.x",
            "4..1",
            "v4.25.0",
            "4.25.0.1",
            "4.25.0-beta",
            " 4.25.0",
            "99999999999",
        ] {
            assert!(parse_version(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("512KB"), Ok(512_000));
        assert_eq!(parse_size("10MB"), Ok(10_000_000));
        assert_eq!(parse_size("10 mib"), Ok(10 << 20));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("2gb"), Ok(2_000_000_000));
        assert_eq!(parse_size("7B"), Ok(7));
        for bad in [
            "",
            "MB",
            "1.5MB",
            "10M",
            "-1",
            "0",
            "0KB",
            "99999999999999999999",
            "18446744073709551615GiB",
        ] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn host_patterns() {
        assert_eq!(
            check_host_pattern("Example.COM."),
            Ok("example.com".to_owned())
        );
        assert_eq!(
            check_host_pattern("*.Example.com"),
            Ok("*.example.com".to_owned())
        );
        assert_eq!(check_host_pattern("[::1]"), Ok("[::1]".to_owned()));
        assert_eq!(check_host_pattern("例子.中国"), Ok("例子.中国".to_owned()));
        assert_eq!(
            check_host_pattern("https://example.com/x").unwrap_err(),
            "`https://example.com/x` is a URL; `allowed-hosts` lists host names, such as `example.com`"
        );
        assert_eq!(
            check_host_pattern("example.com:8080").unwrap_err(),
            "`example.com:8080` has a port; hosts are compared without ports, so write `example.com`"
        );
        assert!(check_host_pattern("*").unwrap_err().contains("every host"));
        assert!(check_host_pattern("a.*.com")
            .unwrap_err()
            .contains("leading `*.`"));
        for bad in ["", "a b", "a/b", "u@h", ".", "*.", "a..b", ".a"] {
            assert!(check_host_pattern(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn suggestions() {
        let rules = [
            ("SM502", "insecure-url"),
            ("SM501", "invalid-url"),
            ("SM603", "thumbnail-over-legacy-limit"),
        ];
        assert_eq!(suggest_rule(&rules, "insecure-urls"), Some("insecure-url"));
        assert_eq!(suggest_rule(&rules, "Insecure-Url"), Some("insecure-url"));
        assert_eq!(suggest_rule(&rules, "sm603"), Some("SM603"));
        assert_eq!(
            suggest_rule(&rules, "thumbnail-over-legacy"),
            Some("thumbnail-over-legacy-limit")
        );
        assert_eq!(suggest_rule(&rules, "thumbnail"), None);
        assert_eq!(suggest_rule(&rules, "something-else"), None);
        assert_eq!(suggest_rule(&rules, &"x".repeat(1_000_000)), None);
    }

    #[test]
    fn globs_without_slash_match_anywhere() {
        let glob = compile_glob("*.bak.json").unwrap().compile_matcher();
        assert!(glob.is_match("a.bak.json"));
        assert!(glob.is_match("x/y/a.bak.json"));
        let glob = compile_glob("/top.json").unwrap().compile_matcher();
        assert!(glob.is_match("top.json"));
        assert!(!glob.is_match("x/top.json"));
        let glob = compile_glob("./legacy/*").unwrap().compile_matcher();
        assert!(glob.is_match("legacy/a.json"));
        assert!(!glob.is_match("legacy/x/a.json"));
    }

    #[test]
    fn absolute_normalizes() {
        assert_eq!(absolute(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        assert_eq!(absolute(Path::new("/..")), PathBuf::from("/"));
        assert!(absolute(Path::new("x")).is_absolute());
    }
}
