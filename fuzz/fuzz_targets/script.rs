//! The JS/TS front end on arbitrary text: as a whole script of each dialect, as markup, and as
//! the `params` of a call (so that the parse and the reading of values are reached without the
//! fuzzer first finding `shareMessage`). Nothing panics or overflows the stack, every finding
//! points inside the file, and fixing (safe and unsafe) ends in a text that lints again.

#![no_main]

use libfuzzer_sys::fuzz_target;
use share_lint::engine;
use share_lint::fix::FixMode;
use share_lint::settings::Settings;

/// The names a text is linted under: each dialect the front end tells apart.
const NAMES: &[&str] = &["a.js", "a.ts", "a.tsx", "a.vue", "a.html"];

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = NAMES[usize::from(mode) % NAMES.len()];
    let text = if mode & 0x80 == 0 {
        text.to_owned()
    } else {
        format!("ksoxz_sdk.shareMessage({{ params: {text} }});\n")
    };
    let report = engine::lint_text(name, text.clone(), &Settings::default());
    let len = report.source.text.len();
    for d in &report.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= len,
            "{} span {:?} is outside the {len}-byte file",
            d.rule.code,
            d.span
        );
    }
    let (fixed, _) = engine::lint_and_fix(name, text, &Settings::default(), FixMode::Unsafe);
    assert!(fixed.source.text.is_char_boundary(fixed.source.text.len()));
});
