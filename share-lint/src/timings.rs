//! Where a run's time goes, phase by phase, for whoever makes it faster (rustc's
//! `-Z time-passes`, in small): built with `--features phase-timings`, the run adds up the wall
//! time of each phase (the walk's, and each file's on the thread that lints it) and writes the
//! totals to standard error as it ends. Built without it (the default), [`time`] only calls its
//! closure.
//!
//! `share-lint/benches/phases.py` builds with the feature and tabulates the medians of several
//! runs (BENCHMARKS.md, "Where a file's time goes").
//!
//! What is timed: the walk (not the loading of a configuration named with `--config`), and
//! every phase of a JSON file read whole — the files of a walk, the case the benchmarks measure.
//! Elsewhere, in part: `Render` for every file; a script in `Read` and `Render`, and in `Utf8`
//! when it is named rather than walked; an array read a piece at a time in `Read` (its open and
//! first bytes), `FileRules` to `Locate` (on the stream's own threads) and `Render`; a file
//! fixed or diffed in every phase of each lint pass but `Utf8` and `Sniff`, and not in applying
//! its fixes or writing its diff. The file an `--output-file` check lints is timed, and counted
//! in the run's totals, except its reading.

/// A phase of a run: the walk, then, for each file, reading it to rendering its findings.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Phase {
    /// Finding the files (the directory walk, with its globs and configurations), one thread.
    Walk,
    /// Opening and reading a file (and finding its settings).
    Read,
    /// Checking that its bytes are UTF-8.
    Utf8,
    /// Parsing it into a tree with spans.
    Parse,
    /// Telling whether a walked file looks like a payload.
    Sniff,
    /// The file-level rules: syntax, duplicate keys, numbers, byte-order mark.
    FileRules,
    /// Moving the tree's contents into a `serde_json::Value`.
    Value,
    /// The typed model, its rules (thumbnails decoded) and the policy.
    Model,
    /// Locating each finding in the text and making its fix.
    Locate,
    /// Suppressions, severities and the order of the findings.
    Finish,
    /// Rendering the findings on the worker (or keeping their places).
    Render,
}

/// How many phases there are.
#[cfg(feature = "phase-timings")]
const COUNT: usize = Phase::Render as usize + 1;

impl Phase {
    /// Every phase, in the order of [`Phase`] (a test checks that each is at its index).
    #[cfg(feature = "phase-timings")]
    const ALL: [Phase; COUNT] = [
        Phase::Walk,
        Phase::Read,
        Phase::Utf8,
        Phase::Parse,
        Phase::Sniff,
        Phase::FileRules,
        Phase::Value,
        Phase::Model,
        Phase::Locate,
        Phase::Finish,
        Phase::Render,
    ];
}

/// Runs `f`, adding its wall time to `phase`'s total when built with `phase-timings`.
#[inline(always)]
pub(crate) fn time<T>(phase: Phase, f: impl FnOnce() -> T) -> T {
    #[cfg(feature = "phase-timings")]
    {
        let start = std::time::Instant::now();
        let out = f();
        let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        imp::TOTALS[phase as usize].fetch_add(nanos, std::sync::atomic::Ordering::Relaxed);
        out
    }
    #[cfg(not(feature = "phase-timings"))]
    {
        let _ = phase;
        f()
    }
}

/// Writes each phase's total (milliseconds, summed over the threads) to `out` and starts the
/// totals again, when built with `phase-timings`; else writes nothing.
pub(crate) fn report(out: &mut dyn std::io::Write) {
    #[cfg(feature = "phase-timings")]
    {
        for phase in Phase::ALL {
            let nanos = imp::TOTALS[phase as usize].swap(0, std::sync::atomic::Ordering::Relaxed);
            // Millions of nanoseconds, printed as milliseconds with three decimals.
            let _ = writeln!(
                out,
                "phase-timings {phase:?} {}.{:03} ms",
                nanos / 1_000_000,
                nanos / 1_000 % 1_000
            );
        }
    }
    #[cfg(not(feature = "phase-timings"))]
    let _ = out;
}

#[cfg(feature = "phase-timings")]
mod imp {
    use std::sync::atomic::AtomicU64;

    /// Nanoseconds spent in each phase, indexed by `Phase as usize`.
    pub(super) static TOTALS: [AtomicU64; super::COUNT] =
        [const { AtomicU64::new(0) }; super::COUNT];
}

#[cfg(all(test, feature = "phase-timings"))]
mod tests {
    use super::*;

    /// Runs alone (`scripts/test` filters on `timings::`): another test timing a walk between
    /// the two reports would add to the second.
    #[test]
    fn every_phase_is_reported_at_its_index() {
        for (i, phase) in Phase::ALL.into_iter().enumerate() {
            assert_eq!(phase as usize, i, "{phase:?}");
        }
        let walk_ms = || {
            let mut out = Vec::new();
            report(&mut out);
            let out = String::from_utf8(out).unwrap();
            assert_eq!(out.lines().count(), COUNT, "{out}");
            let line = out
                .lines()
                .find(|l| l.starts_with("phase-timings Walk "))
                .unwrap()
                .to_owned();
            let ms = line.split(' ').nth(2).unwrap();
            ms.parse::<f64>().unwrap()
        };
        time(Phase::Walk, || {
            std::thread::sleep(std::time::Duration::from_millis(5))
        });
        assert!(walk_ms() >= 5.0);
        // The totals start again after a report.
        assert!(walk_ms() < 5.0);
    }
}
