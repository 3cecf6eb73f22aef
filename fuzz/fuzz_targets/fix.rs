//! `--fix` on arbitrary text, safe and unsafe: fixing never panics, never breaks a file that
//! parsed, and is idempotent (fixing the fixed text changes nothing).

#![no_main]

use libfuzzer_sys::fuzz_target;
use share_lint::diagnostic::FileReport;
use share_lint::engine;
use share_lint::fix::FixMode;
use share_lint::settings::Settings;
use share_schema::catalog::INVALID_JSON;

fn parses(report: &FileReport) -> bool {
    !report.diagnostics.iter().any(|d| d.rule == &INVALID_JSON)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let settings = Settings::default();
    for name in ["payload.json", "payload.jsonc"] {
        let before = engine::lint_text(name, text.to_owned(), &settings);
        for mode in [FixMode::Safe, FixMode::Unsafe] {
            let (report, fixed) = engine::lint_and_fix(name, text.to_owned(), &settings, mode);
            let Some(fixed) = fixed else {
                continue;
            };
            assert_eq!(report.source.text, fixed);
            if parses(&before) {
                assert!(
                    parses(&report),
                    "{mode:?} fixes broke {name}:\n{text}\n--- became\n{fixed}"
                );
            }
            let (_, again) = engine::lint_and_fix(name, fixed.clone(), &settings, mode);
            assert!(
                again.is_none(),
                "{mode:?} fixes of {name} are not idempotent:\n{fixed}\n--- became\n{}",
                again.unwrap_or_default()
            );
        }
    }
});
