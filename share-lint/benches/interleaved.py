#!/usr/bin/env python3
"""Times commands side by side on a noisy machine: one run of each in turn, N rounds.

hyperfine (and ../shared/bench/run_peers.sh through it) times all the runs of one command, then
all the runs of the next: when the machine slows down between the two, the ratio moves with it
(on this two-core VM the parse floor alone moves by 10-30 % from one minute to the next).
Interleaving the runs gives every command the same share of slow and fast moments, so the
ratios of the medians are what stays comparable from run to run.

Usage: share-lint/benches/interleaved.py ROUNDS CMD... [-- CMD...]...
  e.g. share-lint/benches/interleaved.py 40 target/release/share-lint \
         --output-format concise /tmp/share-corpus/files -- \
         /tmp/share-bench-target/release/jsonschema-baseline --parse-only \
         ../shared/bench/share-message.schema.json /tmp/share-corpus/files

Prints, for each command, the median wall time with its quartiles, the median CPU time (user +
system, from the kernel's accounting of the child) and the ratio of its median wall time to the
first command's. Output is discarded; each command runs once untimed first, to warm the page
cache.
"""

import os
import resource
import statistics
import subprocess
import sys
import time


def commands(argv):
    """Splits the arguments into commands at each `--`."""
    out, cur = [], []
    for arg in argv:
        if arg == "--":
            out.append(cur)
            cur = []
        else:
            cur.append(arg)
    out.append(cur)
    if any(not c for c in out):
        sys.exit("an empty command: " + " ".join(argv))
    return out


def run(cmd):
    """Wall and CPU seconds of one run of `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    if rounds < 2:
        sys.exit("at least 2 rounds, for the quartiles")
    cmds = commands(sys.argv[2:])
    for cmd in cmds:
        run(cmd)
    walls = [[] for _ in cmds]
    cpus = [[] for _ in cmds]
    for _ in range(rounds):
        for i, cmd in enumerate(cmds):
            wall, cpu = run(cmd)
            walls[i].append(wall)
            cpus[i].append(cpu)
    base = statistics.median(walls[0])
    print(f"{rounds} rounds, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the end")
    print("| command | wall ms (median [q1–q3]) | CPU ms (median) | ratio |")
    print("|---|---:|---:|---:|")
    for cmd, wall, cpu in zip(cmds, walls, cpus):
        q1, _, q3 = statistics.quantiles(wall, n=4)
        median = statistics.median(wall)
        # As given: two builds of the same program differ by their path.
        name = " ".join(cmd)
        print(
            f"| `{name}` | {median * 1000:.1f} [{q1 * 1000:.1f}–{q3 * 1000:.1f}] "
            f"| {statistics.median(cpu) * 1000:.1f} | {median / base:.3f} |"
        )


if __name__ == "__main__":
    main()
