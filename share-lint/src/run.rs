//! One run of `share-lint check`: resolve the files and their settings, lint them in parallel,
//! write findings in a deterministic order as they complete (memory stays flat however many
//! files there are), apply or show fixes, and give the verdict.
//!
//! The run takes its settings resolved ([`RunSettings`]) and writes to the output it is given;
//! it never prints to standard error nor exits: what failed comes back as [`Error`]s, the run's
//! own ([`Run::new`], [`Run::execute`]) or one file's ([`Outcome::failures`]).

use crate::diagnostic::{FileReport, Places, SourceFile};
use crate::engine;
use crate::error::Error;
use crate::fix::FixMode;
use crate::input::{Configs, Input, Loaded, Resolved};
use crate::output::{self, Destination, ReportFile};
use crate::render::{self, DocsUrl, OutputFormat, RenderOptions, SourceRoot};
use crate::timings::{self, Phase};
use share_schema::Severity;
use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

mod ahead;

use ahead::Ahead;

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
    /// No summary line after `full` output (ruff's `--quiet`).
    pub quiet: bool,
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
    /// Apply the configuration's exclude globs to files named explicitly too (ruff's
    /// `--force-exclude`; the pre-commit hook passes it).
    pub force_exclude: bool,
    /// How many files to lint at once (at least one, at most 64, at most one per file).
    pub threads: usize,
    /// Write the report to this file (through a temporary file renamed over it at the end)
    /// instead of standard output. It must not be an input or a configuration of the run.
    pub output_file: Option<PathBuf>,
    /// Where the rules' pages are (SARIF's `helpUri`).
    pub docs_url: Option<DocsUrl>,
    /// List the files the run lints instead of their findings (`--show-files`).
    pub show_files: bool,
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

impl RunSettings {
    /// Whether anything the run writes or does reads the findings' fixes: the output format
    /// shows them, the run applies them or shows them as a diff, or the statistics count them.
    fn uses_fixes(&self) -> bool {
        self.format.shows_fixes() || self.statistics || self.fixes != FixAction::Off
    }
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
    report_file: Option<ReportFile>,
    opts: RenderOptions,
    ahead: Ahead,
}

impl Run {
    /// Loads the configuration file named in the settings, if any, and collects the files to
    /// lint: the paths named, and the payload files in the directories named (respecting
    /// `.gitignore` and each configuration's include and exclude globs). A path that does not
    /// exist, or a directory that cannot be read, is one of the [`Outcome::failures`], in its
    /// place: it does not stop the run.
    ///
    /// While the walk goes on, the other threads lint the files it has found so far (at most
    /// 512, and only when the run applies no fix); their findings wait for
    /// [`execute`](Self::execute) to write them in order.
    pub fn new(settings: RunSettings) -> Result<Run, Error> {
        let _forget = crate::open::ForgetDirectory;
        let configs = Configs::new(settings.config.as_deref())?;
        let opts = RenderOptions {
            color: settings.color,
            docs_url: settings.docs_url.clone(),
            // SARIF's paths start at the repository root; the other formats name files as given.
            source_root: (settings.format == OutputFormat::Sarif)
                .then(|| std::env::current_dir().ok())
                .flatten()
                .map(|cwd| SourceRoot::discover(&cwd)),
        };
        let (mut inputs, ahead) = Ahead::walk(&settings, &configs, &opts)?;
        let report_file = match &settings.output_file {
            Some(path) => Some(report_file(path, &mut inputs, &configs)?),
            None => None,
        };
        Ok(Run {
            settings,
            inputs,
            configs,
            report_file,
            opts,
            ahead,
        })
    }

    /// Lints every file, writing the findings (and diffs) as they complete: to the
    /// `--output-file` when there is one, else to `stdout` — or to `stderr` when fixing standard
    /// input, whose fixed text (or unchanged text) is then all that `stdout` receives.
    ///
    /// Nothing written stops the run: a reader that goes away (`share-lint . | head -1`) only
    /// discards the output, and every file is still linted and fixed, so the verdict is the
    /// same. A file that cannot be read or rewritten, or an output that cannot be written, is an
    /// [`Outcome::failures`]; the report file is put in place only when it was written whole.
    pub fn execute(self, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<Outcome, Error> {
        let _forget = crate::open::ForgetDirectory;
        let Run {
            settings,
            inputs,
            configs,
            report_file,
            opts,
            ahead,
        } = self;
        let filter = matches!(settings.fixes, FixAction::Apply(_))
            && inputs.iter().any(|i| matches!(i, Input::Stdin { .. }));
        let mut report_file = report_file;
        let (mut out, mut text) = match (&mut report_file, filter) {
            (Some(file), _) => {
                let name = file.path().display().to_string();
                let text = filter.then(|| Destination::new(stdout, "standard output"));
                (Destination::new(file, name), text)
            }
            (None, true) => (
                Destination::new(stderr, "standard error"),
                Some(Destination::new(stdout, "standard output")),
            ),
            (None, false) => (Destination::new(stdout, "standard output"), None),
        };
        let mut failures: Vec<Error> = Vec::new();
        // Every format streams: each file's findings are written as it completes, none kept.
        let mut stream = render::Stream::new(settings.format, crate::rules::all(), &opts);
        let summary = print(
            &settings,
            (&inputs, &ahead),
            &configs,
            (&mut stream, &opts, &mut out),
            &mut text,
            &mut failures,
        );
        // Written to a `Destination`, these cannot fail: its `finish` tells. Quiet, `full` ends
        // with its last finding (the other formats write no summary; json and sarif close their
        // document).
        if !(settings.show_files || settings.quiet && settings.format == OutputFormat::Full) {
            let _ = stream.finish(&summary.totals(), &mut out);
        }
        // A json or sarif report is one document: the table goes to standard error, once the
        // report (which may be written there too, when fixing standard input) is done.
        let mut table = Vec::new();
        let statistics = settings.statistics && !settings.show_files;
        if statistics && settings.format.is_document() {
            let _ = summary.statistics.render(&opts, &mut table);
        } else if statistics {
            let _ = summary.statistics.render(&opts, &mut out);
        }
        let written = out.finish();
        if let Some(text) = text {
            failures.extend(text.finish().err());
        }
        if !table.is_empty() {
            let _ = stderr.write_all(&table);
        }
        crate::timings::report(stderr);
        match (written, report_file) {
            (Err(e), _) => failures.push(e),
            (Ok(()), Some(file)) => failures.extend(file.commit().err()),
            (Ok(()), None) => {}
        }
        let verdict = if summary.failing > 0 && !settings.exit_zero && !settings.show_files {
            Verdict::Findings
        } else {
            Verdict::Clean
        };
        Ok(Outcome { verdict, failures })
    }
}

/// Lints the inputs on worker threads and writes each file's report in the order of the inputs
/// as soon as it and every file before it are done; returns the counts.
///
/// Backpressure: a worker takes the next chunk of files only while it is fewer than `window`
/// (four per thread) chunks ahead of the printer, so one slow early file holds at most that many
/// chunks of finished reports in memory, however large the tree.
fn print(
    settings: &RunSettings,
    (inputs, ahead): (&[Input], &Ahead),
    configs: &Configs,
    (stream, opts, out): (
        &mut render::Stream<'_>,
        &RenderOptions,
        &mut Destination<'_>,
    ),
    text: &mut Option<Destination<'_>>,
    failures: &mut Vec<Error>,
) -> Summary {
    let threads = settings.threads.clamp(1, 64).min(inputs.len().max(1));
    // Workers take chunks of files, so the printer is woken once per chunk, not once per file (a
    // wake-up per file cost a quarter of the run on a 10,000-file corpus). Up to 64 files a
    // chunk: 16 cost 17% more CPU time, in wake-ups and context switches, and 256 more again
    // (BENCHMARKS.md, "Workers render"). Up to 16 with `--diff`: a report waiting for the
    // printer then holds a diff about twice its file's size.
    let most = if matches!(settings.fixes, FixAction::Diff(_)) {
        16
    } else {
        64
    };
    let chunk = (inputs.len() / (threads * 16)).clamp(1, most);
    let window = threads * 4;
    let next = AtomicUsize::new(0);
    // How many chunks the printer has written: workers wait on it.
    let printed = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, Vec<Result<Option<Linted>, Error>>)>();
    let mut summary = Summary::default();

    std::thread::scope(|scope| {
        let (next, printed) = (&next, &printed);
        let work = |tx: mpsc::Sender<_>, big_stack: bool| {
            move || {
                if big_stack {
                    crate::js::stack::on_worker_stack();
                }
                loop {
                    let c = next.fetch_add(1, Ordering::Relaxed);
                    let start = c * chunk;
                    if start >= inputs.len() {
                        break;
                    }
                    // Chunks are taken in order, so the worker holding the printer's next chunk
                    // never waits here: no deadlock.
                    let (lock, ready) = printed;
                    let mut done = lock.lock().unwrap_or_else(|p| p.into_inner());
                    while c >= *done + window {
                        done = ready.wait(done).unwrap_or_else(|p| p.into_inner());
                    }
                    drop(done);
                    let results = inputs[start..(start + chunk).min(inputs.len())]
                        .iter()
                        .map(|input| match ahead.take(input) {
                            Some(linted) => linted,
                            None => lint_guarded(input, configs, settings, opts),
                        })
                        .collect();
                    if tx.send((c, results)).is_err() {
                        break;
                    }
                }
            }
        };
        for _ in 0..threads {
            if spawn_worker(scope, work(tx.clone(), true)).is_err() {
                scope.spawn(work(tx.clone(), false));
            }
        }
        drop(tx);
        // Reorder: print chunk c only after chunks 0..c, as soon as they are all done.
        let mut pending: BTreeMap<usize, Vec<Result<Option<Linted>, Error>>> = BTreeMap::new();
        let mut next_to_print = 0;
        for (c, results) in rx {
            pending.insert(c, results);
            while let Some(results) = pending.remove(&next_to_print) {
                next_to_print += 1;
                for result in results {
                    let linted = match result {
                        Ok(Some(l)) => l,
                        Ok(None) => continue,
                        Err(e) => {
                            failures.push(e);
                            continue;
                        }
                    };
                    if let Some(diff) = &linted.diff {
                        let _ = out.write_all(diff.as_bytes());
                    }
                    if let (Some(filtered), Some(text)) = (&linted.filtered, text.as_mut()) {
                        let _ = text.write_all(filtered);
                        if linted.rest_of_stdin {
                            // Too large to lint: the rest passes through, unread — while anyone
                            // reads it (`< /dev/zero | head -c1` ends).
                            if let Err(e) = pass_through(&mut io::stdin().lock(), text) {
                                failures.push(Error::read_stdin(e));
                            }
                        }
                    }
                    let Some(report) = linted.report else {
                        continue;
                    };
                    if settings.show_files {
                        let _ = writeln!(out, "{}", report.source.path);
                        continue;
                    }
                    summary.add(&report, settings.fail_on);
                    if let Some(rendered) = &linted.rendered {
                        let _ = stream.rendered(rendered, out);
                        continue;
                    }
                    if report.diagnostics.is_empty() {
                        continue;
                    }
                    let _ = stream.file(&report, out);
                }
                let (lock, ready) = &printed;
                *lock.lock().unwrap_or_else(|p| p.into_inner()) = next_to_print;
                ready.notify_all();
            }
        }
    });
    summary
}

/// Starts a worker on a stack scripts of any usual size are parsed on (`js/stack.rs`); where it
/// cannot be had, the caller may start `f` on the default one (scripts then get a thread of their
/// own). `f` says it is on that stack when it is told so.
fn spawn_worker<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    f: impl FnOnce() -> T + Send + 'scope,
) -> io::Result<std::thread::ScopedJoinHandle<'scope, T>> {
    std::thread::Builder::new()
        .stack_size(crate::js::stack::WORKER_STACK)
        .spawn_scoped(scope, f)
}

/// [`lint_input`], with a panic turned into that file's failure: the other files are still
/// linted, and the printer, waiting for this chunk, is never left waiting (a worker that died
/// would hold every other worker at the window's edge).
///
/// The report is made small before it waits for the printer: findings below `min_severity` are
/// dropped, and a report left with none keeps no text. In a format whose files render alone
/// (not `json` or `sarif`), the findings are rendered here, on the worker, and the text dropped:
/// the printer, one thread for all the workers, is left only the writing, and the file's memory
/// is freed by the thread that allocated it. In `json` and `sarif`, the text gives way to the
/// places of the findings ([`keep_places`]).
fn lint_guarded(
    input: &Input,
    configs: &Configs,
    settings: &RunSettings,
    opts: &RenderOptions,
) -> Result<Option<Linted>, Error> {
    // The rendering is guarded too: a worker that died would leave the printer waiting.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let linted = lint_input(input, configs, settings)?;
        Ok(linted.map(|linted| timings::time(Phase::Render, || shrink(linted, settings, opts))))
    }))
    .unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_owned());
        Err(Error::internal(&input.name(), what))
    })
}

/// A linted file made small to wait for the printer (see [`lint_guarded`]).
fn shrink(mut linted: Linted, settings: &RunSettings, opts: &RenderOptions) -> Linted {
    let Some(report) = &mut linted.report else {
        return linted;
    };
    report
        .diagnostics
        .retain(|d| d.severity >= settings.min_severity);
    // Without findings to show, only the path is written, if anything.
    if !report.diagnostics.is_empty() && !settings.show_files {
        if settings.format.is_document() {
            keep_places(report);
            return linted;
        }
        match render::file_alone(settings.format, report, opts) {
            Some(Ok(rendered)) => linted.rendered = Some(rendered),
            // Rendered by the printer instead (writing to memory does not fail).
            _ => return linted,
        }
    }
    let path = std::mem::take(&mut report.source.path);
    report.source = SourceFile::new(path, String::new());
    linted
}

/// Replaces the text of `report` by the line and column of every offset the `json` and `sarif`
/// formats locate (each finding's and each fix edit's start and end), computed here on the
/// worker: a report waiting for the printer then holds its findings, not its file.
fn keep_places(report: &mut FileReport) {
    let mut places = Places::default();
    for d in &report.diagnostics {
        let edits = d
            .fix
            .iter()
            .flat_map(|fix| fix.edits.iter().map(|edit| edit.span));
        for span in std::iter::once(d.span).chain(edits) {
            for offset in [span.start, span.end] {
                places.insert(offset, report.source.line_col(offset));
            }
        }
    }
    let path = std::mem::take(&mut report.source.path);
    report.source = SourceFile::in_pieces(path, places);
}

/// Copies `input` to `out` until `input` ends or `out` is no longer read.
fn pass_through(input: &mut dyn io::Read, out: &mut Destination<'_>) -> io::Result<()> {
    let mut buf = vec![0; 64 * 1024];
    while out.is_open() {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let _ = out.write_all(&buf[..n]);
    }
    Ok(())
}

/// Prepares `--output-file`, which must not be a file the run reads: one named as an input, a
/// configuration in force, or a payload the walk found, is refused. A file the walk found that
/// is not a payload (the report of an earlier run) is left out of the run: a report is never
/// linted by the run that writes it.
fn report_file(
    path: &Path,
    inputs: &mut Vec<Input>,
    configs: &Configs,
) -> Result<ReportFile, Error> {
    if let Some(id) = output::identity(path) {
        let is_report = |p: &Path| output::identity(p).as_ref() == Some(&id);
        let mut checked: HashSet<PathBuf> = HashSet::new();
        let mut is_config = |config: &Resolved| match config.as_deref() {
            Some((config, _)) => checked.insert(config.clone()) && is_report(config),
            None => false,
        };
        if let Some(explicit) = configs.explicit() {
            if is_config(&Some(explicit.clone())) {
                return Err(Error::output_is_read(path, "the configuration"));
            }
        }
        let mut walked_report = false;
        for whole in inputs.iter() {
            let config = match whole {
                Input::File {
                    path: input,
                    walked,
                    config,
                    ..
                } => {
                    let config = match config {
                        Some(config) => config.clone(),
                        None => configs.for_file(input)?,
                    };
                    if is_report(input) {
                        if !*walked {
                            return Err(Error::output_is_read(path, "an input"));
                        }
                        if is_payload(whole, configs) {
                            return Err(Error::output_is_read(
                                path,
                                "a payload file found in a directory",
                            ));
                        }
                        walked_report = true;
                    }
                    config
                }
                Input::Stdin { name } => configs.for_file(Path::new(name))?,
                Input::Failed(_) => continue,
            };
            if is_config(&config) {
                return Err(Error::output_is_read(path, "a configuration"));
            }
        }
        if walked_report {
            inputs.retain(
                |input| !matches!(input, Input::File { path, walked: true, .. } if is_report(path)),
            );
        }
    }
    ReportFile::create(path)
}

/// Whether the walk's file `input` is a payload the run would lint (judged as the walk judges),
/// and not a report of share-lint's own, in any format (an earlier run's, to be replaced).
fn is_payload(input: &Input, configs: &Configs) -> bool {
    // Read as the run reads it: a large array is a payload whatever its size (a piece at a time).
    match input.load(configs, true) {
        Ok(Loaded::Contents {
            name,
            bytes,
            settings,
            ..
        }) => !is_report(&bytes) && engine::lint_payload_bytes(&name, bytes, &settings).is_some(),
        Ok(Loaded::Stream {
            name,
            mut file,
            prefix,
            settings,
            cap,
            ..
        }) => {
            let stream = crate::stream::Stream {
                walked: true,
                ..crate::stream::Stream::new(&name, &settings, 1, cap)
            };
            matches!(
                crate::stream::lint_array(&stream, prefix, &mut file),
                Ok(Some(_))
            )
        }
        // Over the cap and not an array, it is nobody's payload to lose (and a report can grow
        // that large).
        Ok(Loaded::TooLarge { .. } | Loaded::Skipped) | Err(_) => false,
    }
}

/// Whether `bytes` are a report share-lint writes: a JSON array of findings (or none), a SARIF
/// log of share-lint, or text whose first line is a finding or the summary of a text format.
fn is_report(bytes: &[u8]) -> bool {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) {
        return match &value {
            serde_json::Value::Array(items) => items
                .first()
                .is_none_or(|first| first.get("file").is_some() && first.get("code").is_some()),
            serde_json::Value::Object(_) => {
                value.pointer("/runs/0/tool/driver/name")
                    == Some(&serde_json::Value::from("share-lint"))
            }
            _ => false,
        };
    }
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let first = text.lines().next().unwrap_or("");
    let finding = |line: &str| {
        ["error[", "warning[", "info["]
            .iter()
            .any(|severity| line.starts_with(severity) || line.contains(&format!(": {severity}")))
    };
    finding(first) || first.starts_with("::") || first.starts_with("Checked ")
}

/// A linted file, and what to write besides its findings: the diff of its fixes (before them),
/// or, fixing standard input, its fixed text (to standard output).
#[derive(Debug)]
struct Linted {
    /// `None`: standard input, fixed, did not look like a payload — only its text is written.
    report: Option<FileReport>,
    /// The report's findings already rendered (by [`render::file_alone`]); the report then keeps
    /// no text, only its findings, for the counts.
    rendered: Option<Vec<u8>>,
    diff: Option<String>,
    /// Standard input's text, fixed or as it came.
    filtered: Option<Vec<u8>>,
    /// Standard input was too large to lint: after `filtered`, the rest of it is passed through.
    rest_of_stdin: bool,
}

impl Linted {
    fn new(report: FileReport) -> Linted {
        Linted {
            report: Some(report),
            ..Linted::skipped()
        }
    }

    fn skipped() -> Linted {
        Linted {
            report: None,
            rendered: None,
            diff: None,
            filtered: None,
            rest_of_stdin: false,
        }
    }

    /// A linted file with nothing to write besides its findings.
    fn report_only(report: FileReport) -> Option<Linted> {
        Some(Linted::new(report))
    }
}

fn lint_input(
    input: &Input,
    configs: &Configs,
    run: &RunSettings,
) -> Result<Option<Linted>, Error> {
    // Fixing standard input is a filter: its text goes to standard output, fixed or as it came
    // (too large, not UTF-8, not a payload, nothing to fix), whatever the findings.
    let filter = matches!(input, Input::Stdin { .. }) && matches!(run.fixes, FixAction::Apply(_));
    // The file's name in the output, its contents and settings, and where its fixes go (no
    // file: standard input, a pipe or a device).
    // Fixes need the text whole: a file is read in pieces only when it is not fixed.
    let stream = matches!(run.fixes, FixAction::Off);
    let loaded = timings::time(Phase::Read, || input.load(configs, stream));
    let (name, bytes, mut settings, file, walked) = match loaded? {
        Loaded::Contents {
            name,
            bytes,
            settings,
            file,
            walked,
        } => (name, bytes, settings, file, walked),
        Loaded::TooLarge { report, read } => {
            return Ok(Some(Linted {
                filtered: filter.then_some(read),
                rest_of_stdin: filter,
                ..Linted::new(report)
            }))
        }
        Loaded::Stream {
            name,
            mut file,
            prefix,
            mut settings,
            walked,
            cap,
        } => {
            settings.fixes = run.uses_fixes();
            let stream = crate::stream::Stream {
                walked: walked || run.only_payloads,
                ..crate::stream::Stream::new(&name, &settings, run.threads, cap)
            };
            let report = crate::stream::lint_array(&stream, prefix, &mut file)
                .map_err(|e| Error::read(&name, e))?;
            return Ok(report.and_then(Linted::report_only));
        }
        Loaded::Skipped => return Ok(None),
    };
    settings.fixes = run.uses_fixes();
    let sniff = walked || run.only_payloads;
    // A pipe or a device named on the command line cannot be rewritten: linted as it came.
    let fixes = match run.fixes {
        FixAction::Apply(_) if file.is_none() && !filter => FixAction::Off,
        fixes => fixes,
    };
    let (mode, diff) = match fixes {
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
    let text = match crate::utf8::string(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            let filtered = filter.then(|| bytes.clone());
            let report = if sniff {
                engine::lint_payload_bytes(&name, bytes, &settings)
            } else {
                Some(engine::lint_bytes(&name, bytes, &settings))
            };
            return Ok(match report {
                Some(report) => Some(Linted {
                    filtered,
                    ..Linted::new(report)
                }),
                None => filter.then(|| Linted {
                    filtered,
                    ..Linted::skipped()
                }),
            });
        }
    };
    let linted = if sniff {
        engine::lint_and_fix_payload(&name, text.clone(), &settings, mode)
    } else {
        Some(engine::lint_and_fix(&name, text.clone(), &settings, mode))
    };
    let Some((report, fixed)) = linted else {
        return Ok(filter.then(|| Linted {
            filtered: Some(text.into_bytes()),
            ..Linted::skipped()
        }));
    };
    let Some(fixed) = fixed else {
        return Ok(Some(Linted {
            filtered: filter.then(|| text.into_bytes()),
            ..Linted::new(report)
        }));
    };
    // The findings shown are those the fixes leave.
    if diff {
        return Ok(Some(Linted {
            diff: Some(crate::diff::unified(&name, &text, &fixed)),
            ..Linted::new(report)
        }));
    }
    if filter {
        return Ok(Some(Linted {
            filtered: Some(fixed.into_bytes()),
            ..Linted::new(report)
        }));
    }
    if let Some(path) = file {
        // Only if the file still holds what was linted: an edit saved meanwhile is not lost.
        crate::write::replace_if_unchanged(path, text.as_bytes(), fixed.as_bytes())
            .map_err(|e| Error::write_fix(&name, e))?;
    }
    Ok(Linted::report_only(report))
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
