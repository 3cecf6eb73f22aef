//! `--show-settings`: which configuration applies to a file and why, what a directory walk does
//! with the file, and every setting it is linted with — the question ruff's `--show-settings`
//! answers, asked of share-lint.

use super::{discovery::ConfigCache, Config, ConfigError, CONFIG_FILE_NAME};
use crate::rules;
use crate::settings::Platform;
use std::fmt::Write;
use std::path::Path;

/// Where a file's configuration came from.
enum Source {
    /// `--config`.
    Explicit,
    /// The nearest `share-lint.toml` at or above the file's directory.
    Nearest,
    /// None was found: the defaults.
    Defaults,
}

/// What `--show-settings` prints for `files` (as named on the command line), with the
/// configuration `--config` names, if any.
///
/// ```
/// let text = share_lint::config::show_settings(&["payloads/promo.json".into()], None).unwrap();
/// assert!(text.starts_with("payloads/promo.json\n  configuration: none"));
/// assert!(text.contains("a directory walk lints it if it looks like a payload: `**/*.json`"));
/// let text = share_lint::config::show_settings(&["web/share.ts".into()], None).unwrap();
/// assert!(text.contains("a directory walk lints it if it mentions shareMessage: `**/*.ts`"));
/// ```
pub fn show_settings(
    files: &[std::path::PathBuf],
    explicit: Option<&Path>,
) -> Result<String, ConfigError> {
    let explicit = explicit.map(Config::load).transpose()?;
    let mut cache = ConfigCache::default();
    let mut out = String::new();
    for (i, file) in files.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let found = match &explicit {
            Some(_) => None,
            None => cache.for_file(file)?,
        };
        let defaults;
        let (config, source) = match (&explicit, found.as_deref()) {
            (Some(config), _) => (config, Source::Explicit),
            (None, Some((_, config))) => (config, Source::Nearest),
            // The default globs, matched against the path as given (as a walk from the current
            // directory matches them: `node_modules/**` must see the directory).
            (None, None) => {
                defaults = Config::defaults(Path::new("."));
                (&defaults, Source::Defaults)
            }
        };
        config.show_for(file, &source, &mut out);
    }
    Ok(out)
}

impl Config {
    fn show_for(&self, file: &Path, source: &Source, out: &mut String) {
        let shown = file.display();
        let _ = writeln!(out, "{shown}");
        // The configuration as the user would name it: relative to the current directory when
        // it is below it.
        let cwd = std::env::current_dir().unwrap_or_default();
        let at = self.path.strip_prefix(&cwd).unwrap_or(&self.path).display();
        let dir = file
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(|| ".".to_owned(), |d| d.display().to_string());
        let _ = match source {
            Source::Explicit => writeln!(out, "  configuration: {at} (named by --config)"),
            Source::Nearest => writeln!(
                out,
                "  configuration: {at} (the nearest {CONFIG_FILE_NAME} at or above {dir})"
            ),
            Source::Defaults => writeln!(
                out,
                "  configuration: none ({CONFIG_FILE_NAME} is in neither {dir} nor a directory \
                 above it): the defaults"
            ),
        };

        let relative = self.relative_path(file);
        // As the run matches them: exclude globs on the file and the directories above it,
        // include and override globs on the file alone.
        let walk = match (
            self.exclude.first_match(&relative),
            self.include.first_match_file(&relative),
        ) {
            (Some(glob), _) => format!(
                "a directory walk skips it: exclude glob `{glob}` (so does the pre-commit hook, \
                 with --force-exclude)"
            ),
            (None, Some(glob)) if crate::js::is_script(&relative.to_string_lossy()) => {
                format!("a directory walk lints it if it mentions shareMessage: `{glob}`")
            }
            (None, Some(glob)) => {
                format!("a directory walk lints it if it looks like a payload: `{glob}`")
            }
            (None, None) => "a directory walk skips it: no include glob matches".to_owned(),
        };
        let _ = writeln!(out, "  {walk}");

        let _ = writeln!(
            out,
            "  rules (where the severity is not the rule's default):"
        );
        let mut changed = 0;
        for rule in rules::all() {
            let mut setting = self
                .rules
                .iter()
                .find(|s| s.code == rule.code)
                .map(|s| (s.level, "[rules]".to_owned()));
            for (i, o) in self.overrides.iter().enumerate() {
                if o.files.first_match_file(&relative).is_some() {
                    if let Some(s) = o.rules.iter().find(|s| s.code == rule.code) {
                        let globs = o.files.texts.join("\", \"");
                        setting =
                            Some((s.level, format!("[[overrides]] #{} (\"{globs}\")", i + 1)));
                    }
                }
            }
            let Some((level, from)) = setting else {
                continue;
            };
            if level == Some(rule.severity) && from == "[rules]" {
                continue;
            }
            changed += 1;
            let level = level.map_or("off", |l| l.as_str());
            let _ = writeln!(
                out,
                "    {} {}: {level}, by {from} (default {})",
                rule.code, rule.name, rule.severity
            );
        }
        if changed == 0 {
            let _ = writeln!(out, "    none: every rule at its default severity");
        }

        let policy = &self.policy;
        let any = |list: &Option<Vec<String>>| {
            list.as_ref()
                .map_or_else(|| "any".to_owned(), |l| l.join(", "))
        };
        let _ = writeln!(out, "  files:");
        let _ = writeln!(out, "    json-comments = {}", self.json_comments);
        let _ = writeln!(
            out,
            "    max-file-size = {} bytes",
            share_schema::rules::thousands(
                usize::try_from(self.max_file_size).unwrap_or(usize::MAX)
            )
        );
        let _ = writeln!(out, "  policy:");
        let _ = writeln!(
            out,
            "    private-deployment = {}",
            policy.private_deployment
        );
        let _ = writeln!(
            out,
            "    min-client-version = {}",
            policy
                .min_client_version
                .map_or_else(|| "none".to_owned(), |(a, b, c)| format!("{a}.{b}.{c}"))
        );
        let names = |list: &[Platform]| -> String {
            list.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ")
        };
        let platforms = policy
            .platforms
            .as_deref()
            .map_or_else(|| format!("{} (all)", names(&Platform::ALL)), names);
        let _ = writeln!(out, "    platforms = {platforms}");
        let _ = writeln!(out, "    allowed-hosts = {}", any(&policy.allowed_hosts));
        let _ = writeln!(
            out,
            "    mini-program-user-names = {}",
            any(&policy.mini_program_user_names)
        );
        let _ = writeln!(out, "    string-length = {}", policy.length_unit.name());
    }
}
