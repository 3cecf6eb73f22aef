//! The floor under checking thumbnails: how fast any checker that obeys DOMAIN.md's thumbnail
//! decision (the decoded bytes are a whole, well-formed image: PNG chunk CRCs, JPEG markers, …)
//! can go through many payload files, next to the read + parse floor that
//! `../shared/bench/rust-baseline --parse-only` measures.
//!
//! Four modes, the same harness (files sorted, read with `std::fs::read`, parsed with
//! `serde_json` into a `Value`, on N threads, like the baseline's rayon `par_iter` but taking the
//! next file from a shared counter). One difference with the baseline: this workspace builds
//! `serde_json` with `preserve_order`, so objects here are `IndexMap`s, the baseline's
//! `BTreeMap`s; `parse` is timed beside the baseline's floor to see what that changes.
//!
//! - `read`: read each file, nothing more (what parsing adds is `parse` less this);
//! - `parse`: read and parse, nothing more (the baseline's floor, by this harness);
//! - `decode`: and decode every `thumbImage` string with base64-simd (the least a check of the
//!   decoded bytes must do);
//! - `check`: and check every `thumbImage` with share-schema's `base64_image` (base64 validity,
//!   decoding, the image's structure: the rule as share-lint runs it, less the size limit, which
//!   is arithmetic on the decoded length).
//!
//! Usage: `cargo bench -p share-lint --bench thumbnail_floor -- MODE [-j N] DIR`; prints the
//! files read (and parsed, but in `read`), the thumbnails, and the decoded bytes and the
//! thumbnails that failed to decode (`decode`) or the thumbnails that fail their rule (`check`),
//! so that no work is left out. Without a mode (`cargo bench` runs every bench with no
//! arguments) it prints its usage and does nothing.
//! Time it with `share-lint/benches/interleaved.py` against the baseline and share-lint.

use serde_json::Value;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Read,
    Parse,
    Decode,
    Check,
}

/// What one thread saw.
#[derive(Default)]
struct Seen {
    files: usize,
    thumbnails: usize,
    /// Decoded bytes (`decode`) or thumbnails that fail their rule (`check`).
    measure: usize,
    /// Thumbnails that are not valid base64 (`decode`): decoding stopped early.
    undecoded: usize,
}

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let usage = "usage: thumbnail_floor read|parse|decode|check [-j N] DIR";
    let mode = match args.next().as_deref() {
        Some("read") => Mode::Read,
        Some("parse") => Mode::Parse,
        Some("decode") => Mode::Decode,
        Some("check") => Mode::Check,
        None => {
            eprintln!("{usage}");
            return;
        }
        Some(_) => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut dir = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-j" => threads = args.next().and_then(|n| n.parse().ok()).expect(usage),
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let dir = dir.expect(usage);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("a readable directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let next = AtomicUsize::new(0);
    let total = Mutex::new(Seen::default());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut seen = Seen::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    one_file(path, mode, &mut seen);
                }
                let mut total = total.lock().unwrap();
                total.files += seen.files;
                total.thumbnails += seen.thumbnails;
                total.measure += seen.measure;
                total.undecoded += seen.undecoded;
            });
        }
    });
    let total = total.into_inner().unwrap();
    let what = match mode {
        Mode::Read | Mode::Parse => "-",
        Mode::Decode => "decoded bytes (thumbnails not decoded: see below)",
        Mode::Check => "thumbnails failing their rule",
    };
    eprintln!(
        "{} files read, {} thumbnails, {} {what}",
        total.files, total.thumbnails, total.measure
    );
    if mode == Mode::Decode {
        eprintln!("{} thumbnails not valid base64", total.undecoded);
    }
}

fn one_file(path: &PathBuf, mode: Mode, seen: &mut Seen) {
    let Ok(bytes) = std::fs::read(path) else {
        return;
    };
    if mode == Mode::Read {
        seen.files += 1;
        return;
    }
    let Ok(value) = serde_json::from_slice::<Value>(&bytes) else {
        return;
    };
    seen.files += 1;
    if mode != Mode::Parse {
        thumbnails(&value, mode, seen);
    }
}

/// Every `thumbImage` string in `value`, wherever it is (a payload or an array of them).
fn thumbnails(value: &Value, mode: Mode, seen: &mut Seen) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("thumbImage", Value::String(text)) => {
                        seen.thumbnails += 1;
                        match mode {
                            Mode::Decode => match base64_simd::STANDARD.decode_to_vec(text) {
                                Ok(bytes) => seen.measure += bytes.len(),
                                Err(_) => seen.undecoded += 1,
                            },
                            _ => {
                                let checked = share_schema::rules::image::base64_image(text, None);
                                seen.measure += usize::from(checked.is_err());
                            }
                        }
                    }
                    _ => thumbnails(v, mode, seen),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| thumbnails(v, mode, seen)),
        _ => {}
    }
}
