#!/usr/bin/env python3
"""Writes one hostile input of about SIZE bytes for BENCHMARKS.md, "Pathological inputs at the
default cap (issue 9)".

    python3 benches/pathological.py CASE SIZE DIR

writes DIR/CASE.json (or .jsonc, or DIR/share-lint.toml for `config`) and prints its path.
`benches/pathological.sh` runs every case at n and 2n.
"""
import os
import sys

TEXT = '{"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}}'


def repeat(item, size, sep=",", head="[", tail="]"):
    """head item sep item ... tail, about size bytes."""
    n = max(1, (size - len(head) - len(tail)) // (len(item) + len(sep)))
    return head + sep.join([item] * n) + tail


def numbered(fmt, size, sep=",", head="[", tail="]"):
    parts, total, i = [], len(head) + len(tail), 0
    while total < size:
        part = fmt.format(i=i)
        parts.append(part)
        total += len(part) + len(sep)
        i += 1
    return head + sep.join(parts) + tail


def deep(size):
    # Arrays nested to 127 levels (the limit is 128), as many as fit.
    one = "[" * 127 + "0" + "]" * 127
    return repeat(one, size)


CASES = {
    # name: (file name, generator)
    "zeros": ("zeros.json", lambda n: repeat("0", n)),
    "empty-objects": ("empty-objects.json", lambda n: repeat("{}", n)),
    "unique-keys": ("unique-keys.json", lambda n: numbered('"k{i}":0', n, head="{", tail="}")),
    "duplicate-keys": ("duplicate-keys.json", lambda n: repeat('"a":0', n, head="{", tail="}")),
    "deep": ("deep.json", deep),
    # One line of payloads, each with an http URL (a finding with a fix) and a wrong type.
    "long-line": ("long-line.json", lambda n: repeat(
        '{"type":"webPage","channelType":"wx","channelObject":{"title":"t",'
        '"webpageUrl":"http://example.com/","thumbImage":"x"}}', n)),
    # Every channel is unknown and suppressed on the line before.
    "suppressions": ("suppressions.jsonc", lambda n: numbered(
        '\n  // share-lint-ignore SM104\n  "c{i}"', n,
        head='{"type": "text", "channelObject": {"text": "hi"}, "channelType": [',
        tail="\n]}\n")),
    # One suppression comment naming SM101 over and over, above a line of zeros.
    "codes": ("codes.jsonc", lambda n: "// share-lint-ignore "
              + repeat("SM101", n // 2, sep=", ", head="", tail="") + "\n"
              + repeat("0", n // 2) + "\n"),
    "string": ("string.json", lambda n: TEXT.replace('"hi"', '"' + "a" * n + '"')),
    # One payload a line, each `channelType` a string (a safe fix wraps it): for --diff.
    "diff": ("diff.json", lambda n: numbered(
        '{{"type": "text", "channelType": "wx", "channelObject": {{"text": "t{i}"}}}}',
        n, sep=",\n", head="[\n", tail="\n]\n")),
    # A configuration of 1,000 include globs (the most one list takes), each padded to make
    # about SIZE bytes in all; over 1 MiB it is refused before parsing.
    "config": ("share-lint.toml", lambda n: numbered(
        '"dir{i}/' + "a" * max(1, n // 1000 - 20) + '/**/*.json"', n, sep=", ",
        head="[files]\ninclude = [", tail="]\n")),
}


def main():
    case, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    name, gen = CASES[case]
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, name)
    with open(path, "w") as f:
        f.write(gen(size))
    if case == "config":
        with open(os.path.join(out, "payload.json"), "w") as f:
            f.write(TEXT + "\n")
    print(path)


if __name__ == "__main__":
    main()
