//! The command line: flags are parsed into plain [`Args`] first (their docs are `--help`), then
//! resolved into a run (files, settings, output) by `run.rs`.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Lint WPS协作 `ksoxz_sdk.shareMessage` payload files: JSON structure, WeChat's limits,
/// thumbnails, and the vendor's rules (no mini program to Moments, ...).
///
/// Exit status: 0 no error (or --exit-zero), 1 findings at or above --fail-on, 2 the run failed.
#[derive(Debug, Parser)]
#[command(
    name = "share-lint",
    version,
    args_conflicts_with_subcommands = true,
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
}

/// What to check and how to report it.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads standard input. Directories are searched for
    /// files matching the include globs, respecting .gitignore. Default: the current directory.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// How to print findings.
    #[arg(long, value_enum, default_value_t = Format::Full)]
    pub output_format: Format,

    /// Write findings to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// Also print how many findings each rule produced.
    #[arg(long)]
    pub statistics: bool,

    /// Apply safe fixes in place (atomically; comments and formatting are kept).
    #[arg(long)]
    pub fix: bool,

    /// Also apply unsafe fixes (they change what is shared); implies --fix unless --diff.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Show the fixes as a unified diff instead of writing them.
    #[arg(long)]
    pub diff: bool,

    /// Exit 0 even when there are findings.
    #[arg(long)]
    pub exit_zero: bool,

    /// The lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
    pub fail_on: FailOn,

    /// Show only findings of this severity or higher (`error`: errors only, like eslint's
    /// --quiet); hidden findings do not count towards the exit status either.
    #[arg(long, value_enum, default_value_t = FailOn::Info, value_name = "SEVERITY")]
    pub min_severity: FailOn,

    /// Use this configuration file instead of searching for share-lint.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The file name to report for standard input (also picks .json or .jsonc rules).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,

    /// When to use colour in `full` output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Skip files that do not look like payloads even when named explicitly (for hooks, which
    /// pass every staged .json file). Files found by walking a directory are always sniffed.
    #[arg(long)]
    pub only_payloads: bool,

    /// How many files to lint at once (default: the number of CPUs).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

/// `--output-format`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A snippet with carets, help and fix for each finding (rustc style).
    #[default]
    Full,
    /// One line per finding: path:line:col: severity[CODE] message.
    Concise,
    /// A JSON array of findings.
    Json,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

/// `--fail-on`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Only errors fail the run (the default).
    #[default]
    Error,
    /// Warnings and errors fail the run.
    Warning,
    /// Any finding fails the run.
    Info,
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
