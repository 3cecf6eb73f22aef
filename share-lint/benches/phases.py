#!/usr/bin/env python3
"""Where a file's time goes: share-lint's phases, timed inside the run.

Builds share-lint with `--features phase-timings` (src/timings.rs) into target/phases, apart
from the release build, then runs it ROUNDS times with the given arguments and prints, for each
phase, the median of its total (milliseconds; a file's phases are summed over the threads that
lint files, so with `-j 1` they are one thread's time; the walk is the main thread's), the
median of each run's sum of the phases (not the sum of the medians) and the median wall time of
the runs. Output is discarded; one untimed run first warms the page cache. A run that fails
(exit status other than 0 or 1, the verdicts) stops the script.

Usage: share-lint/benches/phases.py ROUNDS ARGS...
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


def main():
    if len(sys.argv) < 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit(__doc__)
    rounds, args = int(sys.argv[1]), sys.argv[2:]
    binary = build()
    run(binary, args)
    walls, totals = [], {}
    for _ in range(rounds):
        wall, phases = run(binary, args)
        walls.append(wall)
        for name, ms in phases.items():
            totals.setdefault(name, []).append(ms)
    print(f"{rounds} runs of `share-lint {' '.join(args)}`, {os.cpu_count()} CPUs")
    print("| phase | median ms |")
    print("|---|---:|")
    for name, values in totals.items():
        print(f"| {name} | {statistics.median(values):.1f} |")
    sums = [sum(run) for run in zip(*totals.values())]
    print(f"| each run's sum of the phases (median) | {statistics.median(sums):.1f} |")
    print(f"| wall time of the run | {statistics.median(walls):.1f} |")


if __name__ == "__main__":
    main()
