//! From flags to settings (binary only): the plain arguments of `check` are resolved once into
//! the library's [`RunSettings`] (as ripgrep turns its `LowArgs` into `HiArgs`), with every
//! default applied and the terminal and `NO_COLOR` looked at here, nowhere else.

use super::args::{CheckArgs, ColorChoice};
use share_lint::fix::FixMode;
use share_lint::run::{FixAction, RunSettings};
use std::io::{self, IsTerminal};
use std::path::PathBuf;

impl CheckArgs {
    /// Resolves the flags: no paths means the current directory, `--unsafe-fixes` implies
    /// `--fix` unless `--diff`, `--color auto` colours only a terminal without `NO_COLOR`, and
    /// the number of threads defaults to the number of CPUs.
    ///
    /// `--diff` is refused with `--output-format json` or `sarif`: it would break their single
    /// document (`--statistics` goes to standard error there). `--stdin-filename` without paths
    /// reads standard input, as in ruff. `--color auto` also colours when `CLICOLOR_FORCE` or
    /// `FORCE_COLOR` is set (not empty, not `0`), even into a pipe.
    pub fn resolve(self) -> anyhow::Result<RunSettings> {
        if self.output_format.is_document() && self.diff {
            let format = self.output_format;
            anyhow::bail!(
                "--diff cannot be used with --output-format {format}: its text would break the \
                 {format} document"
            );
        }
        let mode = if self.unsafe_fixes {
            FixMode::Unsafe
        } else {
            FixMode::Safe
        };
        let fixes = if self.diff {
            FixAction::Diff(mode)
        } else if self.fix || self.unsafe_fixes {
            FixAction::Apply(mode)
        } else {
            FixAction::Off
        };
        // `-o -` is standard output, as for most tools.
        let output_file = self.output_file.filter(|path| path.as_os_str() != "-");
        let paths = if self.paths.is_empty() {
            match self.stdin_filename {
                Some(_) => vec![PathBuf::from("-")],
                None => vec![PathBuf::from(".")],
            }
        } else {
            self.paths
        };
        // Fixing standard input writes the fixed text to standard output and the findings to
        // standard error.
        let filter = matches!(fixes, FixAction::Apply(_)) && paths.iter().any(|p| p == "-");
        if filter && self.statistics && self.output_format.is_document() && output_file.is_none() {
            let format = self.output_format;
            anyhow::bail!(
                "--statistics cannot be used with --fix on standard input and --output-format \
                 {format}: standard error holds the {format} document (write it with \
                 --output-file to get the statistics on standard error)"
            );
        }
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let terminal = if filter {
                    io::stderr().is_terminal()
                } else {
                    io::stdout().is_terminal()
                };
                let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
                let forced = ["CLICOLOR_FORCE", "FORCE_COLOR"]
                    .iter()
                    .any(|name| set(name) && std::env::var_os(name).is_some_and(|v| v != "0"));
                // Never into a report file, forced or not.
                output_file.is_none() && (forced || (terminal && !set("NO_COLOR")))
            }
        };
        let threads = self
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        Ok(RunSettings {
            paths,
            stdin_name: self.stdin_filename.unwrap_or_else(|| "-".to_owned()),
            config: self.config,
            format: self.output_format,
            color,
            statistics: self.statistics,
            quiet: self.quiet,
            force_exclude: self.force_exclude,
            fixes,
            fail_on: self.fail_on,
            min_severity: self.min_severity,
            exit_zero: self.exit_zero,
            only_payloads: self.only_payloads,
            threads,
            output_file,
            docs_url: self.docs_url,
            show_files: self.show_files,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::Cli;
    use clap::Parser;
    use share_lint::render::OutputFormat;
    use share_schema::Severity;

    fn resolve(args: &[&str]) -> RunSettings {
        let cli = Cli::try_parse_from(std::iter::once("share-lint").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"));
        cli.check
            .resolve()
            .unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }

    #[test]
    fn defaults() {
        let s = resolve(&["--color", "never"]);
        assert_eq!(s.paths, [PathBuf::from(".")]);
        assert_eq!(s.stdin_name, "-");
        assert_eq!(s.format, OutputFormat::Full);
        assert_eq!(s.fixes, FixAction::Off);
        assert_eq!(
            (s.fail_on, s.min_severity),
            (Severity::Error, Severity::Info)
        );
        assert!(s.threads >= 1);
        assert!(!s.color);
        assert_eq!(s.output_file, None);
    }

    #[test]
    fn fix_flags_resolve_to_one_action() {
        let fixes = |args: &[&str]| resolve(args).fixes;
        assert_eq!(fixes(&["--fix"]), FixAction::Apply(FixMode::Safe));
        assert_eq!(
            fixes(&["--unsafe-fixes"]),
            FixAction::Apply(FixMode::Unsafe)
        );
        assert_eq!(fixes(&["--fix", "--diff"]), FixAction::Diff(FixMode::Safe));
        assert_eq!(fixes(&["--diff"]), FixAction::Diff(FixMode::Safe));
        assert_eq!(
            fixes(&["--unsafe-fixes", "--diff"]),
            FixAction::Diff(FixMode::Unsafe)
        );
    }

    #[test]
    fn values_come_from_the_library_names() {
        let s = resolve(&[
            "--output-format",
            "sarif",
            "--fail-on",
            "warning",
            "--min-severity",
            "error",
            "--color",
            "always",
            "-j",
            "3",
        ]);
        assert_eq!(s.format, OutputFormat::Sarif);
        assert_eq!(
            (s.fail_on, s.min_severity),
            (Severity::Warning, Severity::Error)
        );
        assert!(s.color);
        assert_eq!(s.threads, 3);
        for &format in OutputFormat::ALL {
            assert_eq!(resolve(&["--output-format", format.name()]).format, format);
        }
        assert!(Cli::try_parse_from(["share-lint", "--output-format", "text"]).is_err());
        assert!(Cli::try_parse_from(["share-lint", "--fail-on", "Error"]).is_err());
    }

    #[test]
    fn an_output_file_is_never_coloured_automatically() {
        let s = resolve(&["--color", "auto", "--output-file", "out.txt"]);
        assert!(!s.color);
        assert_eq!(s.output_file, Some(PathBuf::from("out.txt")));
        assert_eq!(resolve(&["--output-file", "-"]).output_file, None);
    }

    #[test]
    fn flags_that_would_break_a_document_are_refused() {
        let refused = |args: &[&str]| {
            let cli =
                Cli::try_parse_from(std::iter::once("share-lint").chain(args.iter().copied()))
                    .unwrap();
            cli.check.resolve().err().map(|e| e.to_string())
        };
        for format in OutputFormat::ALL {
            let e = refused(&["--output-format", format.name(), "--diff"]);
            assert_eq!(e.is_some(), format.is_document(), "{format} --diff: {e:?}");
            if let Some(e) = e {
                assert!(e.contains("--diff") && e.contains(format.name()), "{e}");
            }
            // Statistics go to standard error with a document.
            let e = refused(&["--output-format", format.name(), "--statistics"]);
            assert_eq!(e, None, "{format} --statistics");
        }
    }

    #[test]
    fn stdin_filename_without_paths_reads_standard_input() {
        assert_eq!(
            resolve(&["--stdin-filename", "x.json"]).paths,
            [PathBuf::from("-")]
        );
        assert_eq!(resolve(&[]).paths, [PathBuf::from(".")]);
        let both = resolve(&["--stdin-filename", "x.json", "a.json"]);
        assert_eq!(both.paths, [PathBuf::from("a.json")]);
    }
}
