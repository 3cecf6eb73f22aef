#!/usr/bin/env python3
"""Where a file's time goes: share-lint's phases, timed inside the run.

Builds share-lint with `--features phase-timings` (src/timings.rs) into target/phases, apart
from the release build, then runs it ROUNDS times with the given arguments and prints, for each
phase, the median of its total (milliseconds; a file's phases are summed over the threads that
lint files, so with `-j 1` they are one thread's time; the walk is the main thread's), the
median of each run's sum of the phases (not the sum of the medians) and the median wall time of
the runs. Output is discarded; one untimed run first warms the page cache. A run that fails
(exit status other than 0 or 1, the verdicts) stops the script.

With `--against BINARY` (another `phase-timings` build, e.g. of an earlier commit, copied out
of target/phases), the two builds run alternately, round by round, and each phase's median is
printed for both, with their ratio (this build's over BINARY's).

Usage: share-lint/benches/phases.py [--against BINARY] ROUNDS ARGS...
  e.g. share-lint/benches/phases.py 15 -j 1 --output-format concise /tmp/share-corpus/files
"""

import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def build():
    target = os.path.join(ROOT, "target", "phases")
    subprocess.run(
        ["cargo", "build", "--release", "--locked", "-p", "share-lint",
         "--features", "phase-timings", "--target-dir", target],
        cwd=ROOT, check=True)
    return os.path.join(target, "release", "share-lint")


def run(binary, args):
    """One run: its wall time (ms) and its phases' totals (ms), in the order printed."""
    start = time.perf_counter()
    done = subprocess.run([binary, *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = (time.perf_counter() - start) * 1000
    if done.returncode not in (0, 1):
        sys.exit(f"{binary} {' '.join(args)} exited with {done.returncode}:\n{done.stderr}")
    phases = {}
    for line in done.stderr.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] == "phase-timings" and parts[3] == "ms":
            phases[parts[1]] = float(parts[2])
    if not phases:
        sys.exit(f"no phase-timings in the output of {binary} {' '.join(args)}:\n{done.stderr}")
    return wall, phases


def measure(binaries, rounds, args):
    """Each binary's phase totals and wall times, the binaries alternating round by round."""
    results = [({}, []) for _ in binaries]
    for binary in binaries:
        run(binary, args)
    for _ in range(rounds):
        for binary, (totals, walls) in zip(binaries, results):
            wall, phases = run(binary, args)
            walls.append(wall)
            for name, ms in phases.items():
                totals.setdefault(name, []).append(ms)
    return results


def rows(totals, walls):
    """(label, median ms) for each phase, the sum of the phases and the wall time."""
    out = [(name, statistics.median(values)) for name, values in totals.items()]
    sums = [sum(run) for run in zip(*totals.values())]
    out.append(("each run's sum of the phases (median)", statistics.median(sums)))
    out.append(("wall time of the run", statistics.median(walls)))
    return out


def main():
    argv = sys.argv[1:]
    against = None
    if argv[:1] == ["--against"] and len(argv) > 1:
        against, argv = argv[1], argv[2:]
    if len(argv) < 2 or not argv[0].isdigit() or int(argv[0]) < 1:
        sys.exit(__doc__)
    rounds, args = int(argv[0]), argv[1:]
    binaries = [build()] + ([against] if against else [])
    results = [rows(*r) for r in measure(binaries, rounds, args)]
    print(f"{rounds} runs of `share-lint {' '.join(args)}`, {os.cpu_count()} CPUs")
    if against is None:
        print("| phase | median ms |")
        print("|---|---:|")
        for label, ms in results[0]:
            print(f"| {label} | {ms:.1f} |")
        return
    print(f"| phase | this build, median ms | `{against}`, median ms | ratio |")
    print("|---|---:|---:|---:|")
    others = dict(results[1])
    for label, ours in results[0]:
        theirs = others.get(label)
        if theirs is None:
            print(f"| {label} | {ours:.1f} | – | – |")
            continue
        ratio = f"{ours / theirs:.3f}" if theirs else "–"
        print(f"| {label} | {ours:.1f} | {theirs:.1f} | {ratio} |")


if __name__ == "__main__":
    main()
