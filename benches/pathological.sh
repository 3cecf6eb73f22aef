#!/bin/sh
# Time and peak RSS of share-lint on each hostile input of benches/pathological.py at n and 2n
# bytes (2n under the default 10 MiB cap): median wall of 3 runs, max peak RSS of the 3.
# Prints one markdown table row per case and size. Usage, from the repository root:
#
#     cargo build --release -p share-lint
#     sh benches/pathological.sh [BIN] [N]      # defaults: target/release/share-lint 5000000
set -eu
BIN=$(realpath "${1:-target/release/share-lint}")
N=${2:-5000000}
GEN=$(realpath benches/pathological.py)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

measure() { # case size args... ; prints "| case | size | args | exit | median s | max MiB |"
    case=$1 size=$2; shift 2
    dir="$WORK/$case-$size"
    file=$(python3 "$GEN" "$case" "$size" "$dir")
    bytes=$(wc -c < "$file")
    [ "$case" = config ] && file="$dir/payload.json"
    for i in 1 2 3; do
        # GNU time exits with the command's status.
        ( cd "$dir" && /usr/bin/time -f "%e %M" -o "$WORK/t$i" "$BIN" "$@" "$file" > /dev/null 2>&1; echo $? > "$WORK/exit" ) || true
    done
    # (GNU time adds a "Command exited with non-zero status" line first.)
    times=$(cat "$WORK/t1" "$WORK/t2" "$WORK/t3" | grep -v Command | awk '{print $1}' | sort -n | sed -n 2p)
    rss=$(cat "$WORK/t1" "$WORK/t2" "$WORK/t3" | grep -v Command | awk '{print $2}' | sort -n | tail -1)
    printf '| %s | %s | `%s` | %s | %s s | %s MiB |\n' "$case" "$bytes" "$*" "$(cat "$WORK/exit")" \
        "$times" "$(echo "$rss" | awk '{printf "%.0f", $1/1024}')"
    rm -rf "$dir"
}

for size in "$N" $((2 * N)); do
    measure zeros "$size" --output-format concise
    measure empty-objects "$size" --output-format concise
    measure unique-keys "$size" --output-format concise
    measure duplicate-keys "$size" --output-format concise
    measure deep "$size" --output-format concise
    measure long-line "$size" --output-format full
    measure suppressions "$size" --output-format concise
    measure codes "$size" --output-format concise
    measure string "$size" --output-format full
    measure diff "$size" --diff
    measure zeros "$size" --output-format sarif
    measure unique-keys "$size" --output-format json
done
# Configurations of 1,000 globs (the most a list takes): n and 2n under the 1 MiB limit,
# then 10 MB (refused).
measure config 500000 --output-format concise
measure config 1000000 --output-format concise
measure config 10000000 --output-format concise
