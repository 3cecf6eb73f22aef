#!/bin/sh
# Scaling (issue 14): time and peak RSS of share-lint at 1k, 10k and 100k payload files and on
# one payload array of about 10 MB, 100 MB and 1 GB, all from ../shared/bench/gen_corpus.py
# (the kit's corpus: real PNG thumbnails, ~20% invalid). Median wall of 3 runs, max peak RSS of
# the 3 (GNU time); the arrays run with the default configuration (read a piece at a time, they are
# not held to max-file-size). Writes a
# TSV (kind, payloads, bytes, seconds, MiB) to standard output; benches/scaling_plot.py turns it
# into the table and the SVG plot. Usage, from the repository root:
#
#     cargo build --release -p share-lint
#     sh benches/scaling.sh [BIN] [CORPUS_DIR] > target/scaling.tsv
#     python3 benches/scaling_plot.py target/scaling.tsv benches/scaling.svg
#
# The corpora are generated once into CORPUS_DIR (default /tmp/share-scaling: 1.5 GB of files
# and 1.1 GB of arrays) and kept for later runs.
set -eu
BIN=$(realpath "${1:-target/release/share-lint}")
CORPUS=${2:-/tmp/share-scaling}
GEN=$(realpath ../shared/bench/gen_corpus.py)
mkdir -p "$CORPUS"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

measure() { # kind payloads bytes path args...
    kind=$1 n=$2 bytes=$3 path=$4; shift 4
    for i in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$WORK/t$i" "$BIN" "$@" --output-format concise "$path" > /dev/null 2>&1 || true
    done
    secs=$(cat "$WORK/t1" "$WORK/t2" "$WORK/t3" | grep -v Command | awk '{print $1}' | sort -n | sed -n 2p)
    kib=$(cat "$WORK/t1" "$WORK/t2" "$WORK/t3" | grep -v Command | awk '{print $2}' | sort -n | tail -1)
    printf '%s\t%s\t%s\t%s\t%s\n' "$kind" "$n" "$bytes" "$secs" "$(echo "$kib" | awk '{printf "%.0f", $1/1024}')"
}

printf 'kind\tpayloads\tbytes\tseconds\tmib\n'
for n in 1000 10000 100000; do
    dir="$CORPUS/files-$n"
    [ -d "$dir" ] || python3 "$GEN" --out-dir "$dir" --count "$n" --manifest "$CORPUS/files-$n.tsv" > /dev/null
    measure files "$n" "$(du -sb "$dir" | cut -f1)" "$dir"
done
# About 13.3 KB a payload: 750, 7,500 and 75,000 payloads make 10 MB, 100 MB and 1 GB.
for n in 750 7500 75000; do
    file="$CORPUS/array-$n.json"
    [ -f "$file" ] || python3 "$GEN" --single-file "$file" --count "$n" --manifest "$CORPUS/array-$n.tsv" > /dev/null
    measure array "$n" "$(wc -c < "$file")" "$file"
done
