#!/usr/bin/env bash
# share-lint against ESLint and oxlint on a web app's source tree (issue 15), side by side in one
# run: a generated tree of 10,000 JS/TS files (benches/scripts_corpus.py: most without a call,
# 3 % sharing through ksoxz_sdk.shareMessage, a third of those a mini program to wx_moments).
#
# - share-lint (release build), every rule, concise output;
# - ESLint 10 with @typescript-eslint/parser and a `no-restricted-syntax` selector for a mini
#   program shared to wx_moments (benches/scripts/eslint.config.mjs: what a team would write
#   today; it sees only literals inside the call);
# - oxlint with its default rules, as the speed anchor of Rust JS linters (it does not know the
#   SDK at all).
#
# Tools come from npm into target/tools/bench-node/. Wall times by hyperfine (medians), peak
# memory by /usr/bin/time, and how many wrong calls each tool found.
#
# Usage: benches/scripts_bench.sh [FILES]      (default 10000; ESLINT_RUNS=3, RUNS=10)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
files=${1:-10000}
runs=${RUNS:-10}
eslint_runs=${ESLINT_RUNS:-3}
node=$root/target/tools/bench-node
if [ ! -f "$node/.installed-1" ]; then
  npm install --silent --no-audit --no-fund --prefix "$node" eslint@10.15.0 \
    @typescript-eslint/parser@8.74.0 oxlint@1.95.0
  touch "$node/.installed-1"
fi
# ESLint resolves the parser from the config's own folder.
cp benches/scripts/eslint.config.mjs "$node/eslint.config.mjs"
cargo build --release --locked -p share-lint
# Outside the repository: under target/ (git-ignored) oxlint, which honours .gitignore files
# above the tree it is given, would lint nothing.
corpus=${TMPDIR:-/tmp}/share-lint-bench-scripts-$files
if [ ! -d "$corpus" ]; then
  mkdir -p "$corpus"
  python3 benches/scripts_corpus.py "$corpus" "$files" > "$corpus/.bad"
fi
cd "$corpus"
ours="$root/target/release/share-lint --output-format concise src"
eslint="$node/node_modules/.bin/eslint -c $node/eslint.config.mjs --format json src"
oxlint="$node/node_modules/.bin/oxlint src"

echo "machine: $(nproc) cores, $(uname -sr); corpus: $files files, $(du -sh src | cut -f1)," \
  "$(cat .bad) with a mini program shared to wx_moments"
echo "versions: share-lint $(git -C "$root" rev-parse --short HEAD), $("$node/node_modules/.bin/eslint" --version)" \
  "ESLint, $("$node/node_modules/.bin/oxlint" --version)"
echo
echo "## found (files with a mini program shared to wx_moments)"
{ $ours 2>/dev/null || true; } | grep SM301 | cut -d: -f1 | sort -u > ours.found
{ $eslint 2>/dev/null || true; } | python3 -c '
import json, os, sys
for f in json.load(sys.stdin):
    if any(m.get("ruleId") == "no-restricted-syntax" for m in f["messages"]):
        print(os.path.relpath(f["filePath"]))' | sort -u > eslint.found
# The files that do share a mini program to Moments through the SDK: the generator's calls
# (`share…` functions); `imClient.shareMessage` is another object's.
grep -rl "wx_moments" src | xargs grep -lE "ksoxz_sdk|sdk\.shareMessage" | sort -u > truth
for tool in ours eslint; do
  echo "$tool: $(wc -l < $tool.found) files flagged, $(comm -12 $tool.found truth | wc -l) of" \
    "$(wc -l < truth) wrong ones found, $(comm -23 $tool.found truth | wc -l) flagged wrongly"
done
echo "oxlint: (no such rule)"
echo
echo "## peak memory"
for tool in ours eslint oxlint; do
  # The linters exit 1 on findings: the status is not the measure here.
  { /usr/bin/time -f "$tool: %M KB" bash -c "${!tool} > /dev/null 2>&1" || true; } 2>&1 | tail -1
done
echo
echo "## wall time (hyperfine: median, min, max in seconds)"
hyperfine --style none --ignore-failure --warmup 1 --runs "$runs" -n share-lint "$ours" -n oxlint "$oxlint" \
  --export-json "$corpus/fast.json" > /dev/null 2>&1
hyperfine --style none --ignore-failure --runs "$eslint_runs" -n ESLint "$eslint" \
  --export-json "$corpus/eslint.json" > /dev/null 2>&1
python3 - "$corpus/fast.json" "$corpus/eslint.json" <<'PY'
import json, sys
rows = [r for f in sys.argv[1:] for r in json.load(open(f))["results"]]
ours = next(r["median"] for r in rows if r["command"] == "share-lint")
print("| tool | runs | median | min | max | median / share-lint's |")
print("|---|---:|---:|---:|---:|---:|")
for r in rows:
    print(f"| {r['command']} | {len(r['times'])} | {r['median']:.3f} | {r['min']:.3f} | {r['max']:.3f} | {r['median'] / ours:.1f}× |")
PY
