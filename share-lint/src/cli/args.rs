//! The command line (binary only): flags are parsed into these plain arguments first (their
//! docs are `--help`), then resolved into the run's settings by `resolve.rs`.

use super::values;
use clap::{Parser, Subcommand, ValueEnum};
use share_lint::render::{DocsUrl, OutputFormat};
use share_schema::Severity;
use std::path::PathBuf;

/// Lint WPS协作 `ksoxz_sdk.shareMessage` payloads, in JSON files and in the calls of
/// JavaScript, TypeScript, Vue, Svelte and HTML sources: structure, WeChat's limits,
/// thumbnails, and the vendor's rules (no mini program to Moments, ...).
///
/// Exit status: 0 no error (or --exit-zero), 1 findings at or above --fail-on, 2 the run failed.
#[derive(Debug, Parser)]
#[command(
    name = "share-lint",
    version,
    args_conflicts_with_subcommands = true,
    // A flag given twice takes its last value (`args: [--output-format=concise]` in a hook beside
    // the hook's own), as in ruff.
    args_override_self = true,
    max_term_width = 100
)]
pub struct Cli {
    /// A subcommand; without one, `share-lint` checks PATHS.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of `check`, also accepted without the subcommand.
    #[command(flatten)]
    pub check: CheckArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check payload files (the default).
    Check(CheckArgs),
    /// List every rule: code, name, default severity, fix.
    Rules {
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a rule's documentation.
    Explain {
        /// A rule code (SM301) or name (mini-program-to-moments).
        rule: String,
    },
    /// Print the JSON Schema (draft 2020-12) of payload files.
    Schema,
    /// Print the JSON Schema (draft 7) of share-lint.toml, for Even Better TOML and taplo
    /// (`share-lint config-schema > share-lint.schema.json`, then `#:schema
    /// ./share-lint.schema.json` as the configuration's first line).
    ConfigSchema,
    /// Print a shell completion script (`share-lint completions bash > ~/.local/share/bash-completion/completions/share-lint`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page, in roff (`share-lint man > share-lint.1`).
    Man,
}

/// What to check and how to report it.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads standard input. A file named is read whatever
    /// it is (a pipe such as <(cmd), /dev/stdin), up to max-file-size; a file of 1 MiB or more
    /// holding an array is read element by element, each up to max-file-size; a script (.js, .ts,
    /// .vue, ...) is checked for its shareMessage calls. Directories are searched for regular
    /// files matching the include globs that look like payloads or are scripts that mention
    /// shareMessage, respecting .gitignore. Default: the current directory.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// How to print findings.
    #[arg(long, value_parser = values::output_format(), default_value_t = OutputFormat::Full)]
    pub output_format: OutputFormat,

    /// Write findings to this file instead of standard output: replaced once the run is done,
    /// atomically; refused if the run reads it (an input or a configuration).
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// No summary line after full output: the findings (and --statistics, when given).
    #[arg(short, long)]
    pub quiet: bool,

    /// Also print how many findings each rule produced (after the findings; on standard error
    /// with json or sarif, whose documents stay whole).
    #[arg(long)]
    pub statistics: bool,

    /// Apply safe fixes in place (atomically; comments and formatting are kept). With `-`, a
    /// filter: the fixed text goes to standard output, the findings to standard error.
    #[arg(long)]
    pub fix: bool,

    /// Also apply unsafe fixes (they change what is shared); implies --fix unless --diff.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Show the fixes as a unified diff instead of writing them (not with json or sarif).
    #[arg(long)]
    pub diff: bool,

    /// Exit 0 even when there are findings.
    #[arg(long)]
    pub exit_zero: bool,

    /// The lowest severity that makes the exit status 1.
    #[arg(
        long,
        value_parser = values::fail_on(),
        default_value_t = Severity::Error,
        value_name = "SEVERITY"
    )]
    pub fail_on: Severity,

    /// Show only findings of this severity or higher (`error`: errors only, like eslint's
    /// --quiet); hidden findings do not count towards the exit status either.
    #[arg(
        long,
        value_parser = values::min_severity(),
        default_value_t = Severity::Info,
        value_name = "SEVERITY"
    )]
    pub min_severity: Severity,

    /// Use this configuration file instead of searching for share-lint.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The file name to report for standard input (also picks .json or .jsonc rules); without
    /// PATHS, standard input is read.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,

    /// When to use colour in `full` output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Skip files that do not look like payloads even when named explicitly (for hooks, which
    /// pass every staged .json file). Files found by walking a directory are always sniffed.
    #[arg(long)]
    pub only_payloads: bool,

    /// Apply the exclude globs of share-lint.toml (or the default ones) to files named
    /// explicitly too, as ruff's --force-exclude (for hooks, which name every staged file).
    #[arg(long)]
    pub force_exclude: bool,

    /// Where the rules' pages are, for SARIF's helpUri: a URL with {code} or {name} in it, or a
    /// base to which <code>.md is appended (the repository's docs/rules/). Without it, SARIF
    /// names no address.
    #[arg(long, value_name = "URL", value_parser = values::docs_url)]
    pub docs_url: Option<DocsUrl>,

    /// Print the files a run would lint (after the walk, the globs and the payload test), one per
    /// line, instead of their findings; exit 0 (2 if a path cannot be read).
    #[arg(long, conflicts_with_all = ["fix", "unsafe_fixes", "diff", "show_settings"])]
    pub show_files: bool,

    /// Print, for each file named, the configuration that applies to it and why, what a
    /// directory walk does with it, and every setting it is linted with; lint nothing.
    #[arg(long, conflicts_with_all = ["fix", "unsafe_fixes", "diff"])]
    pub show_settings: bool,

    /// How many files to lint at once (default: the number of CPUs).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

/// `--color`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}
