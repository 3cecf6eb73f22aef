//! The settings one file is linted with, resolved from `share-lint.toml` (see `config/`) and
//! the command line: rule severities, `.json` strictness, the project's policy and whether
//! findings carry their fixes.

use share_schema::Severity;
use std::collections::HashMap;

/// Everything the engine needs to lint one file.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Severity overrides by rule code: `Some(severity)` changes it, `None` turns the rule off.
    /// Rules not in the map keep their default severity.
    pub severities: HashMap<&'static str, Option<Severity>>,
    /// Allow comments and trailing commas in `.json` files too (`.jsonc` always allows them).
    pub json_comments: bool,
    /// The project's policy (DOMAIN.md §3, "project policy in configuration").
    pub policy: Policy,
    /// How many JSON values a file may hold: one per [`BYTES_PER_VALUE`] bytes of the size cap
    /// (`max-file-size`), so that memory is bounded by the cap whatever the text holds.
    pub max_values: usize,
    /// Whether findings are given their fixes (the default). A run whose output shows no fix
    /// and that applies none (the `concise` and `github` formats, without `--fix`, `--diff` or
    /// `--statistics`) turns it off: a fix can cost as much as the check that found its
    /// finding. [`lint_and_fix`](crate::engine::lint_and_fix) turns it on for itself.
    pub fixes: bool,
}

/// Bytes of `max-file-size` per JSON value a file may hold: 1,048,576 values under the default
/// 10 MiB. Real payloads spend far more than ten bytes a value (keys, URLs, text); a file of
/// `[0,0,…]` spends two, and without this bound its tree would take over 700 MiB.
pub const BYTES_PER_VALUE: u64 = 10;

impl Settings {
    /// The value limit of a file under the size cap `max_file_size`.
    pub fn max_values_for(max_file_size: u64) -> usize {
        usize::try_from(max_file_size / BYTES_PER_VALUE)
            .unwrap_or(usize::MAX)
            .max(1)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            severities: HashMap::new(),
            json_comments: false,
            policy: Policy::default(),
            // The default cap's limit (10 MiB / 10 = 2²⁰), which is also the parser's default:
            // the test below holds them together.
            max_values: crate::json::DEFAULT_MAX_VALUES,
            fixes: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_value_limit_is_the_default_caps() {
        let default = Settings::max_values_for(crate::config::DEFAULT_MAX_FILE_SIZE);
        assert_eq!(Settings::default().max_values, default);
        assert_eq!(default, 1_048_576);
    }
}

impl Settings {
    /// The severity of `code` after overrides, or `None` when the rule is off.
    pub fn severity_of(&self, code: &str, default: Severity) -> Option<Severity> {
        match self.severities.get(code) {
            Some(over) => *over,
            None => Some(default),
        }
    }
}

/// A WPS协作 client platform.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Platform {
    /// iOS.
    Ios,
    /// Android.
    Android,
    /// The PC (desktop) client, which has no external share.
    Pc,
}

impl Platform {
    /// Every platform, as `platforms` lists them.
    pub const ALL: [Platform; 3] = [Platform::Ios, Platform::Android, Platform::Pc];

    /// Its name in `share-lint.toml`: `ios`, `android`, `pc`.
    pub const fn name(self) -> &'static str {
        match self {
            Platform::Ios => "ios",
            Platform::Android => "android",
            Platform::Pc => "pc",
        }
    }
}

/// What strings are measured in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LengthUnit {
    /// UTF-8 bytes (the docs and iOS headers): the default.
    #[default]
    Utf8,
    /// UTF-16 code units (what the Android SDK's `String.length()` counts).
    Utf16,
}

impl LengthUnit {
    /// Every unit, as `string-length` takes them.
    pub const ALL: [LengthUnit; 2] = [LengthUnit::Utf8, LengthUnit::Utf16];

    /// Its name in `share-lint.toml`: `utf8`, `utf16`.
    pub const fn name(self) -> &'static str {
        match self {
            LengthUnit::Utf8 => "utf8",
            LengthUnit::Utf16 => "utf16",
        }
    }
}

/// An allow-list of the policy as messages show it: its first five entries, then `…`.
pub fn shown_list(list: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut shown: Vec<&str> = list.iter().take(SHOWN).map(String::as_str).collect();
    if list.len() > SHOWN {
        shown.push("…");
    }
    shown.join(", ")
}

/// The project's policy.
#[derive(Clone, Debug, Default)]
pub struct Policy {
    /// A private-network (私网) deployment: WeChat sharing is not supported at all.
    pub private_deployment: bool,
    /// The oldest client version the project supports, as (major, minor, patch).
    pub min_client_version: Option<(u32, u32, u32)>,
    /// The platforms the project supports; `None`: not declared.
    pub platforms: Option<Vec<Platform>>,
    /// Hosts `webpageUrl` / `url` / `image` may point to; `None`: any host. An entry
    /// `*.example.com` matches subdomains of example.com (not example.com itself).
    pub allowed_hosts: Option<Vec<String>>,
    /// The team's own mini programs (original IDs, `gh_…`) that cards may open; `None`: any.
    pub mini_program_user_names: Option<Vec<String>>,
    /// How string limits are counted.
    pub length_unit: LengthUnit,
}
