#!/usr/bin/env python3
"""Turns the TSV of benches/scaling.sh into a markdown table (standard output) and an SVG plot:
time and peak memory against input size, log-log, files and arrays as two series each. Only the
standard library: the SVG is written by hand.

Usage: python3 benches/scaling_plot.py SCALING.tsv OUT.svg
"""
import csv
import math
import sys


def load(path):
    with open(path, newline="") as f:
        return [
            {
                "kind": r["kind"],
                "payloads": int(r["payloads"]),
                "mb": int(r["bytes"]) / 1e6,
                "seconds": float(r["seconds"]),
                "mib": float(r["mib"]),
            }
            for r in csv.DictReader(f, delimiter="\t")
        ]


def table(rows):
    out = ["| input | payloads | size | time | peak memory |", "|---|---:|---:|---:|---:|"]
    for r in rows:
        kind = "files" if r["kind"] == "files" else "one array"
        out.append(
            f"| {kind} | {r['payloads']:,} | {r['mb']:,.1f} MB | {r['seconds']:.2f} s | {r['mib']:,.0f} MiB |"
        )
    return "\n".join(out)


def panel(rows, key, label, x0, y0, w, h):
    """One log-log panel: size (MB) across, `key` up."""
    xs = [r["mb"] for r in rows]
    ys = [max(r[key], 1e-3) for r in rows]
    lx = (math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs))))
    ly = (math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys))))
    ly = (ly[0], max(ly[1], ly[0] + 1))

    def px(x):
        return x0 + (math.log10(x) - lx[0]) / (lx[1] - lx[0]) * w

    def py(y):
        return y0 + h - (math.log10(max(y, 1e-3)) - ly[0]) / (ly[1] - ly[0]) * h

    parts = [f'<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="none" stroke="#999"/>']
    for e in range(lx[0], lx[1] + 1):
        x = px(10**e)
        parts.append(f'<line x1="{x:.1f}" y1="{y0}" x2="{x:.1f}" y2="{y0 + h}" stroke="#eee"/>')
        parts.append(f'<text x="{x:.1f}" y="{y0 + h + 16}" font-size="11" text-anchor="middle">{10**e:g} MB</text>')
    for e in range(ly[0], ly[1] + 1):
        y = py(10**e)
        parts.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x0 + w}" y2="{y:.1f}" stroke="#eee"/>')
        parts.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{10**e:g}</text>')
    parts.append(f'<text x="{x0 + w / 2}" y="{y0 - 8}" font-size="13" text-anchor="middle">{label}</text>')
    for kind, color in (("files", "#1f77b4"), ("array", "#d62728")):
        pts = [(px(r["mb"]), py(r[key])) for r in rows if r["kind"] == kind]
        if not pts:
            continue
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for x, y in pts:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"/>')
    return parts


def svg(rows):
    w, h = 360, 240
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="860" height="330" font-family="sans-serif">']
    parts.append('<rect width="100%" height="100%" fill="white"/>')
    parts += panel(rows, "seconds", "time (s) against input size", 70, 40, w, h)
    parts += panel(rows, "mib", "peak memory (MiB) against input size", 490, 40, w, h)
    parts.append('<text x="70" y="318" font-size="12" fill="#1f77b4">● separate files (1k, 10k, 100k)</text>')
    parts.append('<text x="330" y="318" font-size="12" fill="#d62728">● one payload array (10 MB, 100 MB, 1 GB)</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    rows = load(sys.argv[1])
    with open(sys.argv[2], "w") as f:
        f.write(svg(rows))
    print(table(rows))


if __name__ == "__main__":
    main()
