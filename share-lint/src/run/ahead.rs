//! Linting while the walk goes on: the files a directory walk finds are handed on to the other
//! threads as they are found, before the walk can put them in order ([`Ahead`]).

use super::{lint_guarded, spawn_worker, FixAction, Linted, RunSettings};
use crate::error::Error;
use crate::input::{collect_inputs, Configs, Input, Resolved, Ticket};
use crate::render::RenderOptions;
use crate::timings::{self, Phase};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

/// What [`lint_guarded`] gives for one input.
pub(super) type Result1 = Result<Option<Linted>, Error>;

/// The files linted while the walk went on, by ticket.
///
/// The walk of a tree runs on one thread, and its files can be put in order only once it has
/// found them all (a name found last may sort first): on 10,000 files in one folder, the main
/// thread worked alone for 14 ms of a run of about 100 (BENCHMARKS.md, issue 14's ninth
/// session). So the other threads lint the files it has found so far, in the order found, and
/// their results wait until the printer reaches them. When the walk ends, the helpers finish
/// the file at hand (a large array read in pieces, on threads of its own, included) and stop;
/// a file handed on but not linted yet is linted by the workers in its turn, like any other.
///
/// At most [`AHEAD_MOST`] files are linted ahead, so a tree of any size holds at most that many
/// results waiting (on 100,000 files, the peak memory grows by 2.7–4.1 MiB; BENCHMARKS.md, issue
/// 14's tenth session). Only a run that neither changes files nor shows a diff lints ahead: one
/// stopped after the walk (an `--output-file` that is an input, say) has then changed nothing,
/// and a diff, twice its file's size, is not held for long.
#[derive(Debug, Default)]
pub(super) struct Ahead {
    /// By ticket: `None` for a file handed on that was not linted before the walk ended, and
    /// for a result already taken.
    results: Vec<Mutex<Option<Result1>>>,
}

/// The most files linted while the walk goes on ([`Ahead`]): as many as the printer's window
/// holds at two threads (four chunks of 64 files a thread, [`print`](super::print)). On 10,000
/// files in one folder, a few hundred are linted before the walk ends (BENCHMARKS.md, issue 14's
/// tenth session).
const AHEAD_MOST: usize = 512;

/// The files the walk hands on waiting for a thread to lint them: the walk never waits for
/// them (a file it cannot hand on is linted in its turn).
const AHEAD_QUEUE: usize = 64;

impl Ahead {
    /// Collects the run's inputs ([`collect_inputs`]) while `settings.threads - 1` threads lint
    /// the files the walk finds.
    pub(super) fn walk(
        settings: &RunSettings,
        configs: &Configs,
        opts: &RenderOptions,
    ) -> Result<(Vec<Input>, Ahead), Error> {
        let collect = |ahead: &mut dyn FnMut(&Path, &Resolved) -> Option<Ticket>| {
            timings::time(Phase::Walk, || {
                collect_inputs(
                    &settings.paths,
                    &settings.stdin_name,
                    configs,
                    settings.force_exclude,
                    ahead,
                )
            })
        };
        let helpers = settings.threads.clamp(1, 64) - 1;
        // With `--diff`, a result holds a diff about twice its file's size: the workers then
        // take 16 files at a time, not 64 (`print`), and nothing is linted ahead.
        if helpers == 0 || settings.fixes != FixAction::Off {
            return Ok((collect(&mut |_, _| None)?, Ahead::default()));
        }
        let (tx, rx) = mpsc::sync_channel::<(Ticket, Input)>(AHEAD_QUEUE);
        let rx = Mutex::new(rx);
        let walking = AtomicBool::new(true);
        // How many wait in the queue: a full queue takes nothing, so no file's path is copied
        // only to be refused.
        let queued = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            let (rx, walking, queued) = (&rx, &walking, &queued);
            let help = move || {
                crate::js::stack::on_worker_stack();
                let mut linted = Vec::new();
                loop {
                    let next = rx.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    let Ok((ticket, input)) = next else { break };
                    queued.fetch_sub(1, Ordering::Relaxed);
                    if !walking.load(Ordering::Acquire) {
                        break;
                    }
                    linted.push((ticket, lint_guarded(&input, configs, settings, opts)));
                }
                linted
            };
            // Started with the first file found: a run of named files needs none. A helper that
            // cannot be started leaves its share to the workers.
            let mut started: Option<Vec<_>> = None;
            let mut issued = 0;
            let mut hand_on = |path: &Path, config: &Resolved| {
                let started = started.get_or_insert_with(|| {
                    (0..helpers)
                        .filter_map(|_| spawn_worker(scope, help).ok())
                        .collect()
                });
                if started.is_empty()
                    || issued == AHEAD_MOST
                    || queued.load(Ordering::Relaxed) >= AHEAD_QUEUE
                {
                    return None;
                }
                let input = Input::File {
                    path: path.to_path_buf(),
                    walked: true,
                    config: Some(config.clone()),
                    ahead: None,
                };
                let ticket = Ticket::new(u32::try_from(issued + 1).ok()?)?;
                queued.fetch_add(1, Ordering::Relaxed);
                if tx.try_send((ticket, input)).is_err() {
                    queued.fetch_sub(1, Ordering::Relaxed);
                    return None;
                }
                issued += 1;
                Some(ticket)
            };
            let inputs = collect(&mut hand_on);
            walking.store(false, Ordering::Release);
            drop(tx);
            let helpers = started.unwrap_or_default();
            let mut results: Vec<Mutex<Option<Result1>>> =
                (0..issued).map(|_| Mutex::new(None)).collect();
            // A helper that died (not in a file: `lint_guarded` catches those) leaves its files
            // to the workers.
            for (ticket, linted) in helpers
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
            {
                results[ticket.get() as usize - 1] = Mutex::new(Some(linted));
            }
            Ok((inputs?, Ahead { results }))
        })
    }

    /// The result of `input`, if it was linted while the walk went on (once: it is moved out).
    pub(super) fn take(&self, input: &Input) -> Option<Result1> {
        let Input::File {
            ahead: Some(ticket),
            ..
        } = input
        else {
            return None;
        };
        let slot = self.results.get(ticket.get() as usize - 1)?;
        slot.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::FixMode;
    use crate::render::OutputFormat;
    use share_schema::Severity;

    fn settings(dir: &Path, threads: usize, fixes: FixAction) -> RunSettings {
        RunSettings {
            paths: vec![dir.to_path_buf()],
            stdin_name: "-".to_owned(),
            config: None,
            format: OutputFormat::Concise,
            color: false,
            statistics: false,
            quiet: false,
            fixes,
            fail_on: Severity::Error,
            min_severity: Severity::Info,
            exit_zero: false,
            only_payloads: false,
            force_exclude: false,
            threads,
            output_file: None,
            docs_url: None,
            show_files: false,
        }
    }

    /// What a result shows: the rendered findings, or the failure.
    fn shown(result: Result1) -> Result<Option<Option<Vec<u8>>>, String> {
        result
            .map(|linted| linted.map(|l| l.rendered))
            .map_err(|e| e.to_string())
    }

    /// The files linted while the walk goes on give what the workers would have given, each
    /// result is taken once, and every ticket has its slot. A run that applies fixes or shows
    /// them, or of one thread, lints nothing ahead.
    #[test]
    fn files_linted_ahead_give_what_the_workers_would() {
        let dir = tempfile::tempdir().unwrap();
        for d in 0..20 {
            let sub = dir.path().join(format!("d{d}"));
            std::fs::create_dir_all(&sub).unwrap();
            for f in 0..50 {
                // Every other file with a finding (the channels as a string).
                let channels = if f % 2 == 0 { r#""wx""# } else { r#"["wx"]"# };
                let payload = format!(
                    r#"{{"type": "text", "channelType": {channels}, "channelObject": {{"text": "{f}"}}}}"#
                );
                std::fs::write(sub.join(format!("p{f}.json")), payload).unwrap();
            }
        }
        let configs = Configs::new(None).unwrap();
        let opts = RenderOptions {
            color: false,
            docs_url: None,
            source_root: None,
        };
        let run = settings(dir.path(), 2, FixAction::Off);
        let mut ahead_of_the_walk = 0;
        // How many are linted ahead depends on the machine: walks until some are.
        for _ in 0..50 {
            let (inputs, ahead) = Ahead::walk(&run, &configs, &opts).unwrap();
            assert_eq!(inputs.len(), 1000);
            let tickets = inputs
                .iter()
                .filter(|i| matches!(i, Input::File { ahead: Some(_), .. }))
                .count();
            assert_eq!(tickets, ahead.results.len());
            assert!(tickets <= AHEAD_MOST);
            for input in &inputs {
                let Some(linted) = ahead.take(input) else {
                    continue;
                };
                ahead_of_the_walk += 1;
                let again = lint_guarded(input, &configs, &run, &opts);
                assert_eq!(shown(linted), shown(again), "{}", input.name());
                assert!(ahead.take(input).is_none(), "taken once");
            }
            if ahead_of_the_walk > 0 {
                break;
            }
        }
        assert!(ahead_of_the_walk > 0);
        let fixing = settings(dir.path(), 2, FixAction::Apply(FixMode::Safe));
        let showing = settings(dir.path(), 2, FixAction::Diff(FixMode::Safe));
        let alone = settings(dir.path(), 1, FixAction::Off);
        for run in [fixing, showing, alone] {
            let (inputs, ahead) = Ahead::walk(&run, &configs, &opts).unwrap();
            assert!(ahead.results.is_empty());
            assert!(inputs
                .iter()
                .all(|i| !matches!(i, Input::File { ahead: Some(_), .. })));
        }
    }

    /// A run keeps no directory open on the thread that made and ran it: reading the report
    /// it is to replace (is it a payload?) opened that file in its directory there.
    #[test]
    fn a_run_keeps_no_directory_on_its_own_thread() {
        let dir = tempfile::tempdir().unwrap();
        let payload = r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "t"}}"#;
        std::fs::write(dir.path().join("p.json"), payload).unwrap();
        std::fs::write(dir.path().join("report.json"), "[]").unwrap();
        let run = RunSettings {
            output_file: Some(dir.path().join("report.json")),
            ..settings(dir.path(), 1, FixAction::Off)
        };
        let made = crate::run::Run::new(run).unwrap();
        assert_eq!(crate::open::kept_directory(), None);
        made.execute(&mut Vec::new(), &mut Vec::new()).unwrap();
        assert_eq!(crate::open::kept_directory(), None);
    }

    /// A configuration the walk cannot use, found after files were handed on (in the second
    /// directory named), stops the walk with its error while the helpers lint: they stop, and
    /// nothing waits for them.
    #[test]
    fn a_bad_configuration_late_in_the_walk_stops_the_helpers_too() {
        let dir = tempfile::tempdir().unwrap();
        let payload = r#"{"type": "text", "channelType": "wx", "channelObject": {"text": "t"}}"#;
        let first = dir.path().join("first");
        std::fs::create_dir_all(&first).unwrap();
        for f in 0..300 {
            std::fs::write(first.join(format!("p{f}.json")), payload).unwrap();
        }
        let late = dir.path().join("late");
        std::fs::create_dir_all(&late).unwrap();
        std::fs::write(late.join("share-lint.toml"), "[rulez]\n").unwrap();
        std::fs::write(late.join("a.json"), payload).unwrap();
        let configs = Configs::new(None).unwrap();
        let opts = RenderOptions {
            color: false,
            docs_url: None,
            source_root: None,
        };
        let run = RunSettings {
            paths: vec![first, late],
            ..settings(dir.path(), 4, FixAction::Off)
        };
        let walked = Ahead::walk(&run, &configs, &opts);
        let error = walked.expect_err("the configuration stops the walk");
        assert!(error.to_string().contains("share-lint.toml"), "{error}");
    }
}
