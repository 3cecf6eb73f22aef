#!/usr/bin/env bash
# How much `payload!` adds to a crate's build time, for 50 payloads: two crates with the same 50
# payloads, one through `payload!` (checked at compile time), one through `serde_json::from_str`
# at run time. Dependencies are built first; then each crate's own rebuild (after a touch) is
# timed with hyperfine. Usage: share-macros/benches/build-time.sh  (from the repository root)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${WORK:-$(mktemp -d)}
export CARGO_TARGET_DIR="$work/target"
python3 - "$root" "$work" <<'PY'
import json, os, sys
root, work = sys.argv[1], sys.argv[2]
thumb = open(os.path.join(root, "share-schema/tests/seed/thumb.b64")).read().strip()
payloads = []
for i in range(50):
    kind = i % 5
    if kind == 0:
        p = {"type": "text", "channelType": ["wx", "wx_moments"], "channelObject": {"text": f"活动通知 {i}"}}
    elif kind == 1:
        p = {"type": "webPage", "channelType": ["wx"], "channelObject": {"title": f"报告 {i}", "description": "季度报告",
             "webpageUrl": f"https://example.com/r/{i}", "thumbImage": thumb}}
    elif kind == 2:
        p = {"type": "miniProgram", "channelType": ["wx"], "channelObject": {"title": f"小程序 {i}",
             "webpageUrl": f"https://example.com/m/{i}", "userName": "gh_0123456789ab", "path": f"pages/p{i}/index",
             "withShareTicket": True, "thumbImage": thumb}}
    elif kind == 3:
        p = {"type": "webPage", "content": {"title": f"协作 {i}", "url": f"https://www.kdocs.cn/l/{i}", "text": "描述"}}
    else:
        p = {"type": "markdown", "content": {"text": f"**周报 {i}**"}, "showAIAgentEntrance": True}
    payloads.append(json.dumps(p, ensure_ascii=False, indent=2))
for name, body in [
    ("with-macro", "\n".join(f"    v.push(share_macros::payload!({p}));" for p in payloads)),
    ("runtime-only", "\n".join(f"    v.push(serde_json::from_str::<share_schema::ShareMessage>(r#\"{p}\"#).unwrap());" for p in payloads)),
]:
    d = os.path.join(work, name)
    os.makedirs(os.path.join(d, "src"), exist_ok=True)
    open(os.path.join(d, "Cargo.toml"), "w").write(f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
share-schema = {{ path = "{root}/share-schema" }}
share-macros = {{ path = "{root}/share-macros" }}
serde_json = "1"
""")
    open(os.path.join(d, "src/main.rs"), "w").write(
        "fn main() {\n    let mut v: Vec<share_schema::ShareMessage> = Vec::new();\n" + body + "\n    println!(\"{}\", v.len());\n}\n")
PY
cp "$root/Cargo.lock" "$work/with-macro/Cargo.lock"; cp "$root/Cargo.lock" "$work/runtime-only/Cargo.lock"
for c in with-macro runtime-only; do (cd "$work/$c" && cargo build --quiet --offline && ./"$CARGO_TARGET_DIR"/../target/debug/$c >/dev/null 2>&1 || "$CARGO_TARGET_DIR/debug/$c"); done
hyperfine --warmup 1 --runs ${RUNS:-5} --export-markdown "$work/build-time.md" \
  --prepare "touch $work/with-macro/src/main.rs" "cd $work/with-macro && cargo build --quiet --offline" \
  --prepare "touch $work/runtime-only/src/main.rs" "cd $work/runtime-only && cargo build --quiet --offline"
cat "$work/build-time.md"
