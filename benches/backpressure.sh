#!/bin/sh
# Peak RSS of a run whose first file is slow: a FIFO nobody writes to for 3 s, named first,
# then N payload files of 100 findings each. Workers may run only a bounded window ahead of the
# printer, so peak memory must not grow with N. Usage, from the repository root:
#
#     cargo build --release -p share-lint
#     sh benches/backpressure.sh [BIN] [N...]     # defaults: target/release/share-lint 2000 4000
set -eu
BIN=$(realpath "${1:-target/release/share-lint}")
[ $# -gt 0 ] && shift
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# One payload with 100 unknown keys: 100 findings, a few KB of report each.
python3 - "$WORK/payload.json" <<'PY'
import json, sys
p = {"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}}
for i in range(100):
    p[f"unknown{i}"] = i
open(sys.argv[1], "w").write(json.dumps(p))
PY
for n in ${*:-2000 4000}; do
    dir="$WORK/tree-$n"
    mkdir "$dir"
    mkfifo "$dir/first.json"
    i=0
    while [ "$i" -lt "$n" ]; do cp "$WORK/payload.json" "$dir/p$i.json"; i=$((i + 1)); done
    ( sleep 3; printf '{}' > "$dir/first.json" ) &
    ( cd "$dir" && /usr/bin/time -f "%e %M" -o "$WORK/t" "$BIN" -j 2 --output-format concise \
        first.json . > "$WORK/out" 2>&1 ) || true
    wait
    printf '| %s files | %s findings | %s s | %s MiB |\n' "$n" "$(wc -l < "$WORK/out")" \
        "$(tail -1 "$WORK/t" | awk '{print $1}')" "$(tail -1 "$WORK/t" | awk '{printf "%.0f", $2/1024}')"
    rm -rf "$dir"
done
