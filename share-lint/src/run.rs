//! One run of `share-lint check`: resolve the files and their settings, lint them in parallel,
//! print findings in a deterministic order as they complete (memory stays flat however many
//! files there are), apply or show fixes, and compute the exit status.

use crate::cli::{CheckArgs, ColorChoice, FailOn, Format};
use crate::config::{Config, ConfigCache};
use crate::diagnostic::FileReport;
use crate::engine::{self, FixMode};
use crate::render::{self, OutputFormat, RenderOptions};
use crate::settings::Settings;
use anyhow::{bail, Context as _, Result};
use share_schema::Severity;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};

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
type Resolved = Option<Arc<(PathBuf, Config)>>;

/// Finds the configuration of a file (cached; shared by the worker threads).
type Resolver<'a> = &'a (dyn Fn(&Path) -> Result<Resolved> + Sync);

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at or above the `--fail-on` severity (or `--exit-zero`).
    Clean,
    /// Findings at or above it.
    Findings,
}

/// Runs `check`; errors are run failures (exit 2).
pub fn check(args: &CheckArgs) -> Result<Outcome> {
    let explicit_config = match &args.config {
        Some(path) => Some(Arc::new((
            path.clone(),
            Config::load(path).map_err(|e| anyhow::anyhow!("{e}"))?,
        ))),
        None => None,
    };
    let configs = Mutex::new(ConfigCache::default());
    let resolve = |path: &Path| -> Result<Resolved> {
        if let Some(c) = &explicit_config {
            return Ok(Some(c.clone()));
        }
        let mut cache = configs.lock().unwrap_or_else(|p| p.into_inner());
        cache.for_file(path).map_err(|e| anyhow::anyhow!("{e}"))
    };

    let inputs = collect_inputs(args, &resolve)?;
    let fix_mode = match (
        args.fix || args.unsafe_fixes || args.diff,
        args.unsafe_fixes,
    ) {
        (false, _) => None,
        (true, false) => Some(FixMode::Safe),
        (true, true) => Some(FixMode::Unsafe),
    };

    let mut sink: Box<dyn Write> = match &args.output_file {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output_file.is_none()
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let opts = RenderOptions { color };
    let format = match args.output_format {
        Format::Full => OutputFormat::Full,
        Format::Concise => OutputFormat::Concise,
        Format::Json => OutputFormat::Json,
        Format::Sarif => OutputFormat::Sarif,
        Format::Github => OutputFormat::Github,
    };
    let streaming = matches!(
        format,
        OutputFormat::Full | OutputFormat::Concise | OutputFormat::Github
    );
    let severity = |level: FailOn| match level {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let threshold = severity(args.fail_on);
    let shown = severity(args.min_severity);

    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, 64)
        .min(inputs.len().max(1));
    // Workers take chunks of files, so the printer is woken once per chunk, not once per file
    // (a wake-up per file cost a quarter of the run on a 10,000-file corpus).
    let chunk = (inputs.len() / (threads * 16)).clamp(1, 16);
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<(usize, Vec<Result<Option<Linted>>>)>(threads);
    let mut summary = Summary::default();
    let mut kept: Vec<FileReport> = Vec::new();
    // A file that cannot be read or rewritten fails the run (exit 2), but the run goes on: every
    // other file is still linted, fixed and reported, and every failure is named.
    let mut failures: Vec<anyhow::Error> = Vec::new();

    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..threads {
            let tx = tx.clone();
            let (inputs, next, resolve) = (&inputs, &next, &resolve);
            scope.spawn(move || loop {
                let c = next.fetch_add(1, Ordering::Relaxed);
                let start = c * chunk;
                if start >= inputs.len() {
                    break;
                }
                let results = inputs[start..(start + chunk).min(inputs.len())]
                    .iter()
                    .map(|input| {
                        lint_input(input, resolve, fix_mode, args.diff, args.only_payloads)
                    })
                    .collect();
                if tx.send((c, results)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // Reorder: print chunk c only after chunks 0..c, as soon as they are all done.
        let mut pending: BTreeMap<usize, Vec<Result<Option<Linted>>>> = BTreeMap::new();
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
                    if let Some(diff) = &linted.diff {
                        sink.write_all(diff.as_bytes())?;
                    }
                    linted.report.diagnostics.retain(|d| d.severity >= shown);
                    summary.add(&linted.report, threshold);
                    if linted.report.diagnostics.is_empty() {
                        continue;
                    }
                    if streaming {
                        render::render_file(format, &linted.report, &opts, &mut sink)?;
                    } else {
                        kept.push(linted.report);
                    }
                }
            }
        }
        Ok(())
    })
    .or_else(ignore_broken_pipe)?;

    let rules = crate::rules::all();
    let finish = (|| -> io::Result<()> {
        if streaming {
            render::render_summary(format, &summary.totals(), &opts, &mut sink)?;
        } else {
            render::render(format, &kept, rules, &opts, &mut sink)?;
        }
        if args.statistics {
            std::mem::take(&mut summary.statistics).render(&opts, &mut sink)?;
        }
        sink.flush()
    })();
    finish.or_else(|e| ignore_broken_pipe(e.into()))?;

    if let Some(last) = failures.pop() {
        // The binary prints the returned error as `share-lint: error: ...`; the others, one line
        // each, the same way, so that every file that failed is named.
        let mut stderr = io::stderr().lock();
        for e in &failures {
            let _ = writeln!(stderr, "share-lint: error: {e:#}");
        }
        return Err(last);
    }

    Ok(if summary.failing > 0 && !args.exit_zero {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn ignore_broken_pipe(e: anyhow::Error) -> Result<()> {
    match e.downcast_ref::<io::Error>() {
        Some(io) if io.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        _ => Err(e),
    }
}

/// A linted file and, with `--diff`, the diff of its fixes.
struct Linted {
    report: FileReport,
    diff: Option<String>,
}

fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

fn lint_input(
    input: &Input,
    resolve: Resolver<'_>,
    fix: Option<FixMode>,
    diff_only: bool,
    only_payloads: bool,
) -> Result<Option<Linted>> {
    let (path, bytes, name, walked) = match input {
        Input::File {
            path,
            walked,
            config,
        } => {
            let config = match config {
                Some(resolved) => resolved.clone(),
                None => resolve(path)?,
            };
            let settings = settings_for(config.as_deref(), path);
            let cap = config
                .as_deref()
                .map_or(crate::config::DEFAULT_MAX_FILE_SIZE, |(_, c)| {
                    c.max_file_size()
                });
            let name = display_path(path);
            let (bytes, size) =
                read_capped(path, cap).with_context(|| format!("{name}: cannot read"))?;
            if size > cap {
                let report = engine::too_large(&name, size, cap, &settings);
                return Ok(Some(Linted { report, diff: None }));
            }
            (Some((path.clone(), settings)), bytes, name, *walked)
        }
        Input::Stdin { name } => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            let config = resolve(Path::new(name))?;
            let settings = settings_for(config.as_deref(), Path::new(name));
            (Some((PathBuf::new(), settings)), bytes, name.clone(), false)
        }
    };
    let (file_path, settings) = path.expect("set above");
    let sniff = walked || only_payloads;
    let Some(mode) = fix else {
        let report = if sniff {
            engine::lint_payload_bytes(&name, bytes, &settings)
        } else {
            Some(engine::lint_bytes(&name, bytes, &settings))
        };
        return Ok(report.map(|report| Linted { report, diff: None }));
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let report = engine::lint_bytes(&name, e.into_bytes(), &settings);
            return Ok(Some(Linted { report, diff: None }));
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
        return Ok(Some(Linted { report, diff: None }));
    };
    if diff_only || matches!(input, Input::Stdin { .. }) {
        if matches!(input, Input::Stdin { .. }) && !diff_only {
            // Fixing standard input prints the fixed text, like ruff.
            return Ok(Some(Linted {
                report,
                diff: Some(fixed),
            }));
        }
        let diff = similar::TextDiff::from_lines(&text, &fixed)
            .unified_diff()
            .context_radius(3)
            .header(&format!("a/{name}"), &format!("b/{name}"))
            .to_string();
        // The findings shown are those the fixes would leave.
        return Ok(Some(Linted {
            report,
            diff: Some(diff),
        }));
    }
    // Only if the file still holds what was linted: an edit saved meanwhile is not lost.
    if let Err(e) =
        crate::write::replace_if_unchanged(&file_path, text.as_bytes(), fixed.as_bytes())
    {
        bail!("{name}: {e}");
    }
    Ok(Some(Linted { report, diff: None }))
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

fn collect_inputs(args: &CheckArgs, resolve: Resolver<'_>) -> Result<Vec<Input>> {
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut inputs = Vec::new();
    let mut stdin_seen = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if stdin_seen {
                bail!("`-` (standard input) is given twice");
            }
            stdin_seen = true;
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "-".to_owned());
            inputs.push(Input::Stdin { name });
            continue;
        }
        let meta = std::fs::metadata(&path).with_context(|| path.display().to_string())?;
        if meta.is_file() {
            inputs.push(Input::File {
                path,
                walked: false,
                config: None,
            });
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(&path)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build()
        {
            let entry = entry.with_context(|| format!("cannot walk {}", path.display()))?;
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let file = entry.into_path();
            let config = resolve(&file)?;
            let included = match config.as_deref() {
                Some((config_path, c)) => {
                    let base = config_path.parent().unwrap_or(Path::new(""));
                    let rel = file.strip_prefix(base).unwrap_or(&file);
                    c.is_included(rel)
                }
                None => {
                    crate::config::default_is_included(file.strip_prefix(&path).unwrap_or(&file))
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
