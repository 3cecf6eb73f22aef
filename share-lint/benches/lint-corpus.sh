#!/usr/bin/env bash
# Benchmarks share-lint against the tools a user would pick instead, on the shared corpus:
#   1. ../shared/bench/run_peers.sh side by side (files/s, peak RSS, verdicts, startup);
#   2. peak RSS at 1,000 / 10,000 / 20,000 files (memory must not grow with the file count).
# Usage: share-lint/benches/lint-corpus.sh   (from the repository root; results in $RESULTS)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
kit=${SHARE_BENCH_KIT:-$root/../shared/bench}
RESULTS=${RESULTS:-${TMPDIR:-/tmp}/share-bench-results}
CORPUS=${CORPUS:-/tmp/share-corpus}
cargo build --release --locked --quiet --manifest-path "$root/Cargo.toml" -p share-lint
bin="$root/target/release/share-lint"

# 1. Side by side. All findings are printed (warnings and infos too: more output than the
# peers'); the verdict check counts those as "extra", so the error verdicts are checked again
# below with --min-severity error.
OURS_CMD="$bin --output-format concise {files}" OURS_KIND=concise OURS_NAME=share-lint \
  OURS_VERSION="$(git -C "$root" rev-parse --short HEAD)" SKIP_SPECTRAL=${SKIP_SPECTRAL:-1} \
  SKIP_BIG=${SKIP_BIG:-1} RESULTS="$RESULTS" CORPUS="$CORPUS" bash "$kit/run_peers.sh"
"$bin" --output-format concise --min-severity error "$CORPUS/files" > "$RESULTS/share-lint.errors.out" || true
echo "error verdicts: $(python3 "$kit/check_verdicts.py" concise "$RESULTS/share-lint.errors.out" "$CORPUS/files.manifest.tsv")" \
  | tee "$RESULTS/share-lint.errors.verdict"

# 2. Memory against the number of files: the first 1,000 files, all 10,000, and 20,000 (the
# corpus twice).
mem=$(mktemp -d)
trap 'rm -rf "$mem"' EXIT
mkdir -p "$mem/1k" "$mem/20k"
(cd "$CORPUS/files" && ls | head -1000 | xargs cp -t "$mem/1k/")
(cd "$CORPUS/files" && cp ./*.json "$mem/20k/" && for f in *.json; do cp "$f" "$mem/20k/b-$f"; done)
{
  echo "| files | peak RSS KiB (5 runs, median) | wall s (median) |"
  echo "|---:|---:|---:|"
  for d in "$mem/1k" "$CORPUS/files" "$mem/20k"; do
    n=$(find "$d" -name '*.json' | wc -l)
    for _ in 1 2 3 4 5; do
      /usr/bin/time -f "%M %e" -o "$mem/t" "$bin" --output-format concise "$d" > /dev/null || true
      cat "$mem/t"
    done | sort -n | awk -v n="$n" 'NR==3 {printf "| %d | %d | %s |\n", n, $1, $2}'
  done
} | tee "$RESULTS/share-lint.memory.md"
