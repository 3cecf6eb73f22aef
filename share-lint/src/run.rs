//! One run of `share-lint check`: resolve the files and their settings, lint them in parallel,
//! write findings in a deterministic order as they complete (memory stays flat however many
//! files there are), apply or show fixes, and give the verdict.
//!
//! The run takes its settings resolved ([`RunSettings`]) and writes to the output it is given;
//! it never prints to standard error nor exits: what failed comes back as [`Error`]s, the run's
//! own ([`Run::new`], [`Run::execute`]) or one file's ([`Outcome::failures`]).

use crate::config::{Config, ConfigCache, Discovered};
use crate::diagnostic::FileReport;
use crate::engine;
use crate::error::Error;
use crate::fix::FixMode;
use crate::render::{self, OutputFormat, RenderOptions};
use crate::settings::Settings;
use share_schema::Severity;
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

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
    /// `.gitignore` and each configuration's include and exclude globs).
    pub fn new(settings: RunSettings) -> Result<Run, Error> {
        let explicit = match &settings.config {
            Some(path) => Some(Discovered::new((path.clone(), Config::load(path)?))),
            None => None,
        };
        let configs = Configs {
            explicit,
            cache: Mutex::new(ConfigCache::default()),
        };
        let inputs = collect_inputs(&settings, &configs)?;
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
        // Every format streams: each file's findings are written as it completes, none kept.
        let mut stream = render::Stream::new(format, crate::rules::all(), &opts);
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
                        stream.file(&linted.report, out).map_err(Error::output)?;
                    }
                }
            }
            Ok(())
        });
        ignore_broken_pipe(printed)?;

        let finish = || -> io::Result<()> {
            stream.finish(&summary.totals(), out)?;
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

/// Where a payload comes from.
#[derive(Debug)]
enum Input {
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
struct Configs {
    explicit: Option<Discovered>,
    cache: Mutex<ConfigCache>,
}

impl Configs {
    fn for_file(&self, path: &Path) -> Result<Resolved, Error> {
        if let Some(c) = &self.explicit {
            return Ok(Some(c.clone()));
        }
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        Ok(cache.for_file(path)?)
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

fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

fn lint_input(
    input: &Input,
    configs: &Configs,
    run: &RunSettings,
) -> Result<Option<Linted>, Error> {
    // The file's name in the output, its contents and settings, and where its fixes go (no
    // file: standard input's go to the output).
    let (name, bytes, settings, file, walked) = match input {
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
                return Ok(Linted::report_only(engine::too_large(
                    &name, size, cap, &settings,
                )));
            }
            (name, bytes, settings, Some(path.as_path()), *walked)
        }
        Input::Stdin { name } => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(Error::read_stdin)?;
            let config = configs.for_file(Path::new(name))?;
            let settings = settings_for(config.as_deref(), Path::new(name));
            (name.clone(), bytes, settings, None, false)
        }
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
        crate::diff::unified(&name, &text, &fixed)
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

fn collect_inputs(settings: &RunSettings, configs: &Configs) -> Result<Vec<Input>, Error> {
    let mut inputs = Vec::new();
    let mut stdin_seen = false;
    for path in &settings.paths {
        if path.as_os_str() == "-" {
            if stdin_seen {
                return Err(Error::stdin_twice());
            }
            stdin_seen = true;
            inputs.push(Input::Stdin {
                name: settings.stdin_name.clone(),
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
            *self.counts.entry(d.severity).or_default() += d.count();
            if d.severity >= threshold {
                self.failing += d.count();
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
