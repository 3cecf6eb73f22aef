#!/usr/bin/env python3
"""A web app's source tree for benchmarking the linting of `shareMessage` calls.

Usage: scripts_corpus.py OUT_DIR [FILES] [SEED]

Writes FILES (default 10,000) files under OUT_DIR/src/: 40 % `.ts`, 30 % `.tsx`, 20 % `.js` and
10 % `.jsx`, 1 to 8 KB each, of the code a web app holds (components, hooks, services, utilities,
types). About 3 % of them share something through `ksoxz_sdk.shareMessage` — inline payloads,
payloads in a `const`, an alias of the SDK, variables for titles and URLs — and a third of those
share a mini program to `wx_moments` (the mistake every tool in the benchmark is asked to find);
another 1 % call a `shareMessage` of some other object. Prints how many files have the mistake.
Deterministic for a given seed.
"""

import os
import random
import sys

EXTENSIONS = ["ts"] * 4 + ["tsx"] * 3 + ["js"] * 2 + ["jsx"]

WORDS = "user order item cart price title list page route store query token theme modal form field " \
    "button panel table filter sort search upload avatar message channel share campaign event".split()


COUNTER = [0]


def ident(rng):
    """A name, unique in the corpus (a module may not export one name twice)."""
    a, b = rng.sample(WORDS, 2)
    COUNTER[0] += 1
    return f"{a}{b.capitalize()}{COUNTER[0]}"


def typed(ext):
    return ext in ("ts", "tsx")


def jsx(ext):
    return ext in ("tsx", "jsx")


def function_block(rng, ext):
    name = ident(rng)
    arg = ident(rng)
    ann = ": string" if typed(ext) else ""
    ret = ": number" if typed(ext) else ""
    lines = [f"export function {name}({arg}{ann}, count{': number' if typed(ext) else ''} = 0){ret} {{"]
    for _ in range(rng.randint(3, 12)):
        v = ident(rng)
        choice = rng.random()
        if choice < 0.3:
            lines.append(f"  const {v} = {arg}.split('/').map((s) => s.trim()).filter(Boolean);")
        elif choice < 0.5:
            lines.append(f"  if ({arg}.length > {rng.randint(1, 99)}) {{ count += {rng.randint(1, 9)}; }}")
        elif choice < 0.7:
            lines.append(f"  const {v} = {{ id: count, name: `{v}-${{{arg}}}`, tags: ['a', 'b'] }};")
            lines.append(f"  console.debug({v});")
        else:
            lines.append(f"  for (let i = 0; i < {rng.randint(2, 20)}; i++) {{ count = (count * 31 + i) % 1000003; }}")
    lines.append("  return count;")
    lines.append("}")
    return "\n".join(lines)


def component_block(rng, ext):
    name = ident(rng).capitalize()
    props = "{ title, items }: { title: string; items: string[] }" if typed(ext) else "{ title, items }"
    return "\n".join([
        f"export function {name}({props}) {{",
        "  const [open, setOpen] = useState(false);",
        "  const visible = useMemo(() => items.filter((i) => i.length > 0), [items]);",
        "  return (",
        f"    <section className=\"{name.lower()}\">",
        "      <h2 onClick={() => setOpen(!open)}>{title}</h2>",
        "      {open && <ul>{visible.map((i) => <li key={i}>{i}</li>)}</ul>}",
        "    </section>",
        "  );",
        "}",
    ])


def types_block(rng):
    name = ident(rng).capitalize()
    fields = "\n".join(f"  {ident(rng)}{'?' if rng.random() < 0.3 else ''}: {rng.choice(['string', 'number', 'boolean', 'string[]'])};"
                       for _ in range(rng.randint(2, 8)))
    return f"export interface {name} {{\n{fields}\n}}"


def share_block(rng, ext, bad):
    title = ident(rng)
    channels = "['wx', 'wx_moments']" if bad else "['wx']"
    form = rng.randrange(3)
    sat = " satisfies ShareMessage" if typed(ext) and rng.random() < 0.5 else ""
    if form == 0:
        return "\n".join([
            f"export async function share{title.capitalize()}(title{': string' if typed(ext) else ''}) {{",
            "  await window.ksoxz_sdk.shareMessage({",
            "    params: {",
            "      type: 'miniProgram',",
            f"      channelType: {channels},",
            "      channelObject: {",
            "        title,",
            "        webpageUrl: 'https://example.com/app',",
            "        userName: 'gh_0123456789ab',",
            f"        path: `pages/index?from=${{title}}`,",
            "      },",
            f"    }}{sat},",
            "    onSuccess: () => console.log('shared'),",
            "    onError: (err) => console.warn(err.msg),",
            "  });",
            "}",
        ])
    if form == 1:
        return "\n".join([
            "const sdk = window.ksoxz_sdk;",
            f"const CHANNELS = {channels} as const;" if typed(ext) else f"const CHANNELS = {channels};",
            "const params = {",
            "  type: 'miniProgram',",
            "  channelType: CHANNELS,",
            "  channelObject: {",
            f"    title: '{title}',",
            "    webpageUrl: 'https://example.com/app',",
            "    userName: 'gh_0123456789ab',",
            "    path: 'pages/index',",
            "  },",
            "};",
            f"export function share{title.capitalize()}() {{",
            "  sdk.shareMessage({ params });",
            "}",
        ])
    return "\n".join([
        f"export function share{title.capitalize()}(url{': string' if typed(ext) else ''}) {{",
        "  ksoxz_sdk.shareMessage({",
        "    params: {",
        "      type: bad ? 'miniProgram' : 'webPage',".replace("bad ? 'miniProgram' : 'webPage'", "'miniProgram'" if bad else "'webPage'"),
        f"      channelType: {channels},",
        f"      channelObject: {{ title: '{title}', webpageUrl: url, userName: 'gh_0123456789ab', path: 'p' }},"
        if bad else f"      channelObject: {{ title: '{title}', webpageUrl: url }},",
        "    },",
        "  });",
        "}",
    ])


def other_share_block(rng):
    return "\n".join([
        "export function forward(imClient, chatId, text) {",
        "  return imClient.shareMessage({ params: { type: 'miniProgram', channelType: ['wx_moments'], chatId, text } });",
        "}",
    ])


def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    bad_files = 0
    for n in range(files):
        ext = rng.choice(EXTENSIONS)
        folder = os.path.join(out, "src", rng.choice(["components", "pages", "hooks", "services", "utils", "store"]),
                              f"m{n % 97:02d}")
        os.makedirs(folder, exist_ok=True)
        parts = []
        if jsx(ext):
            parts.append("import { useMemo, useState } from 'react';")
        if typed(ext):
            parts.append("import type { ShareMessage } from '@share-toolkit/share-message';")
        target = rng.randint(1000, 8000)
        roll = rng.random()
        if roll < 0.03:
            bad = rng.random() < 1 / 3
            bad_files += bad
            parts.append(share_block(rng, ext, bad))
        elif roll < 0.04:
            parts.append(other_share_block(rng))
        while sum(len(p) for p in parts) < target:
            r = rng.random()
            if jsx(ext) and r < 0.3:
                parts.append(component_block(rng, ext))
            elif typed(ext) and r < 0.45:
                parts.append(types_block(rng))
            else:
                parts.append(function_block(rng, ext))
        with open(os.path.join(folder, f"{ident(rng)}{n}.{ext}"), "w") as f:
            f.write("\n\n".join(parts) + "\n")
    print(bad_files)


if __name__ == "__main__":
    main()
