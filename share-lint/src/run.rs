//! One run of `share-lint check`: resolve the files and their settings, lint them in parallel,
//! write findings in a deterministic order as they complete (memory stays flat however many
//! files there are), apply or show fixes, and give the verdict.
//!
//! The run takes its settings resolved ([`RunSettings`]) and writes to the output it is given;
//! it never prints to standard error nor exits: what failed comes back as [`Error`]s, the run's
//! own ([`Run::new`], [`Run::execute`]) or one file's ([`Outcome::failures`]).

use crate::diagnostic::FileReport;
use crate::engine;
use crate::error::Error;
use crate::fix::FixMode;
use crate::input::{collect_inputs, Configs, Input, Loaded};
use crate::render::{self, OutputFormat, RenderOptions};
use share_schema::Severity;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Everything a run needs, resolved once from the command line (as ripgrep resolves its flags
/// into `HiArgs`): no defaults left to apply, nothing left to look up in the environment.
#[derive(Clone, Debug)]
pub struct RunSettings {
    /// Files and directories to check, in order; `-` is standard input.
    pub paths: Vec<PathBuf>,
    /// The name standard input is reported under; its extension picks `.json` or `.jsonc`
    /// rules, and the configuration is found from it.
    pub stdin_name: String,
    /// A configuration file for every file, instead of each file's nearest `share-lint.toml`.
    pub config: Option<PathBuf>,
    /// How to write findings.
    pub format: OutputFormat,
    /// Whether `full` output (and the statistics) use colour.
    pub color: bool,
    /// Also write how many findings each rule produced.
    pub statistics: bool,
    /// Whether to apply fixes, show them, or neither.
    pub fixes: FixAction,
    /// The lowest severity that makes the verdict [`Verdict::Findings`].
    pub fail_on: Severity,
    /// Findings below this severity are neither shown nor counted.
    pub min_severity: Severity,
    /// The verdict is [`Verdict::Clean`] whatever the findings.
    pub exit_zero: bool,
    /// Skip files that do not look like payloads even when named explicitly (files found by
    /// walking a directory always are).
    pub only_payloads: bool,
    /// How many files to lint at once (at least one, at most 64, at most one per file).
    pub threads: usize,
}

/// What a run does with fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAction {
    /// Only report the findings.
    Off,
    /// Apply the fixes of this kind in place (atomically); fixing standard input writes the
    /// fixed text to the output.
    Apply(FixMode),
    /// Write the fixes of this kind to the output as a unified diff; change no file.
    Diff(FixMode),
}

/// How a run ended, when it could run at all.
#[derive(Debug)]
pub struct Outcome {
    /// What the findings say.
    pub verdict: Verdict,
    /// The files that could not be read or whose fixes could not be written, in the order of
    /// the run. Every other file was still linted, fixed and reported.
    pub failures: Vec<Error>,
}

/// What the findings of a run say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing at or above the `fail_on` severity (or `exit_zero`).
    Clean,
    /// Findings at or above it.
    Findings,
}

/// A run with its files collected and ready to lint.
#[derive(Debug)]
pub struct Run {
    settings: RunSettings,
    inputs: Vec<Input>,
    configs: Configs,
}

impl Run {
    /// Loads the configuration file named in the settings, if any, and collects the files to
    /// lint: the paths named, and the payload files in the directories named (respecting
    /// `.gitignore` and each configuration's include and exclude globs). A path that does not
    /// exist, or a directory that cannot be read, is one of the [`Outcome::failures`], in its
    /// place: it does not stop the run.
    pub fn new(settings: RunSettings) -> Result<Run, Error> {
        let configs = Configs::new(settings.config.as_deref())?;
        let inputs = collect_inputs(&settings.paths, &settings.stdin_name, &configs)?;
        Ok(Run {
            settings,
            inputs,
            configs,
        })
    }

    /// Lints every file, writing the findings (and diffs) to `out` as they complete. A reader
    /// that goes away (`share-lint | head`) stops the output, not the run.
    ///
    /// A file that cannot be read or rewritten is an [`Outcome::failures`]; an `Err` is a run
    /// that could not finish (its output cannot be written).
    pub fn execute(self, out: &mut dyn Write) -> Result<Outcome, Error> {
        let Run {
            settings,
            inputs,
            configs,
        } = self;
        let opts = RenderOptions {
            color: settings.color,
        };
        let format = settings.format;
        let threads = settings.threads.clamp(1, 64).min(inputs.len().max(1));
        // Workers take chunks of files, so the printer is woken once per chunk, not once per
        // file (a wake-up per file cost a quarter of the run on a 10,000-file corpus).
        let chunk = (inputs.len() / (threads * 16)).clamp(1, 16);
        let next = AtomicUsize::new(0);
        let (tx, rx) = mpsc::sync_channel::<(usize, Vec<Result<Option<Linted>, Error>>)>(threads);
        let mut summary = Summary::default();
        let mut kept: Vec<FileReport> = Vec::new();
        // A file that cannot be read or rewritten fails the run, but the run goes on: every
        // other file is still linted, fixed and reported, and every failure is named.
        let mut failures: Vec<Error> = Vec::new();

        let printed = std::thread::scope(|scope| -> Result<(), Error> {
            for _ in 0..threads {
                let tx = tx.clone();
                let (inputs, next, configs, settings) = (&inputs, &next, &configs, &settings);
                scope.spawn(move || loop {
                    let c = next.fetch_add(1, Ordering::Relaxed);
                    let start = c * chunk;
                    if start >= inputs.len() {
                        break;
                    }
                    let results = inputs[start..(start + chunk).min(inputs.len())]
                        .iter()
                        .map(|input| lint_input(input, configs, settings))
                        .collect();
                    if tx.send((c, results)).is_err() {
                        break;
                    }
                });
            }
            drop(tx);
            // Reorder: print chunk c only after chunks 0..c, as soon as they are all done.
            let mut pending: BTreeMap<usize, Vec<Result<Option<Linted>, Error>>> = BTreeMap::new();
            let mut printed = 0;
            for (c, results) in rx {
                pending.insert(c, results);
                while let Some(results) = pending.remove(&printed) {
                    printed += 1;
                    for result in results {
                        let mut linted = match result {
                            Ok(Some(l)) => l,
                            Ok(None) => continue,
                            Err(e) => {
                                failures.push(e);
                                continue;
                            }
                        };
                        if let Some(text) = &linted.output {
                            out.write_all(text.as_bytes()).map_err(Error::output)?;
                        }
                        linted
                            .report
                            .diagnostics
                            .retain(|d| d.severity >= settings.min_severity);
                        summary.add(&linted.report, settings.fail_on);
                        if linted.report.diagnostics.is_empty() {
                            continue;
                        }
                        if format.streams() {
                            render::render_file(format, &linted.report, &opts, out)
                                .map_err(Error::output)?;
                        } else {
                            kept.push(linted.report);
                        }
                    }
                }
            }
            Ok(())
        });
        ignore_broken_pipe(printed)?;

        let mut finish = || -> io::Result<()> {
            if format.streams() {
                render::render_summary(format, &summary.totals(), &opts, out)?;
            } else {
                render::render(format, &kept, crate::rules::all(), &opts, out)?;
            }
            if settings.statistics {
                std::mem::take(&mut summary.statistics).render(&opts, out)?;
            }
            out.flush()
        };
        ignore_broken_pipe(finish().map_err(Error::output))?;

        let verdict = if summary.failing > 0 && !settings.exit_zero {
            Verdict::Findings
        } else {
            Verdict::Clean
        };
        Ok(Outcome { verdict, failures })
    }
}

fn ignore_broken_pipe(result: Result<(), Error>) -> Result<(), Error> {
    match result {
        Err(e) if e.is_broken_pipe() => Ok(()),
        other => other,
    }
}

/// A linted file, and what to write before its findings: the diff of its fixes, or the fixed
/// text of standard input.
#[derive(Debug)]
struct Linted {
    report: FileReport,
    output: Option<String>,
}

impl Linted {
    /// A linted file with nothing to write before its findings.
    fn report_only(report: FileReport) -> Option<Linted> {
        Some(Linted {
            report,
            output: None,
        })
    }
}

fn lint_input(
    input: &Input,
    configs: &Configs,
    run: &RunSettings,
) -> Result<Option<Linted>, Error> {
    // The file's name in the output, its contents and settings, and where its fixes go (no
    // file: standard input's go to the output).
    let (name, bytes, settings, file, walked) = match input.load(configs)? {
        Loaded::Contents {
            name,
            bytes,
            settings,
            file,
            walked,
        } => (name, bytes, settings, file, walked),
        Loaded::TooLarge(report) => return Ok(Linted::report_only(report)),
        Loaded::Skipped => return Ok(None),
    };
    let sniff = walked || run.only_payloads;
    let (mode, diff) = match run.fixes {
        FixAction::Off => {
            return Ok(if sniff {
                engine::lint_payload_bytes(&name, bytes, &settings).and_then(Linted::report_only)
            } else {
                Linted::report_only(engine::lint_bytes(&name, bytes, &settings))
            });
        }
        FixAction::Apply(mode) => (mode, false),
        FixAction::Diff(mode) => (mode, true),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if sniff => {
            let report = engine::lint_payload_bytes(&name, e.into_bytes(), &settings);
            return Ok(report.and_then(Linted::report_only));
        }
        Err(e) => {
            return Ok(Linted::report_only(engine::lint_bytes(
                &name,
                e.into_bytes(),
                &settings,
            )))
        }
    };
    let linted = if sniff {
        engine::lint_and_fix_payload(&name, text.clone(), &settings, mode)
    } else {
        Some(engine::lint_and_fix(&name, text.clone(), &settings, mode))
    };
    let Some((report, fixed)) = linted else {
        return Ok(None);
    };
    let Some(fixed) = fixed else {
        return Ok(Linted::report_only(report));
    };
    // The findings shown are those the fixes leave.
    let output = if diff {
        similar::TextDiff::from_lines(&text, &fixed)
            .unified_diff()
            .context_radius(3)
            .header(&format!("a/{name}"), &format!("b/{name}"))
            .to_string()
    } else if let Some(path) = file {
        // Only if the file still holds what was linted: an edit saved meanwhile is not lost.
        crate::write::replace_if_unchanged(path, text.as_bytes(), fixed.as_bytes())
            .map_err(|e| Error::write_fix(&name, e))?;
        return Ok(Linted::report_only(report));
    } else {
        // Fixing standard input prints the fixed text, like ruff.
        fixed
    };
    Ok(Some(Linted {
        report,
        output: Some(output),
    }))
}

/// Counts for the summary and the exit status.
#[derive(Default)]
struct Summary {
    files: usize,
    failing: usize,
    counts: BTreeMap<Severity, usize>,
    fixable: [usize; 2],
    statistics: render::Statistics,
}

impl Summary {
    fn add(&mut self, report: &FileReport, threshold: Severity) {
        self.files += 1;
        for d in &report.diagnostics {
            *self.counts.entry(d.severity).or_default() += 1;
            if d.severity >= threshold {
                self.failing += 1;
            }
            if let Some(f) = &d.fix {
                self.fixable
                    [usize::from(f.applicability == crate::diagnostic::Applicability::Unsafe)] += 1;
            }
        }
        self.statistics.add(report);
    }

    fn totals(&self) -> render::Totals {
        render::Totals {
            files: self.files,
            errors: self.counts.get(&Severity::Error).copied().unwrap_or(0),
            warnings: self.counts.get(&Severity::Warning).copied().unwrap_or(0),
            infos: self.counts.get(&Severity::Info).copied().unwrap_or(0),
            safe_fixes: self.fixable[0],
            unsafe_fixes: self.fixable[1],
        }
    }
}
