//! The whole engine on arbitrary bytes, as `.json` and as `.jsonc`, and every output format on
//! its findings: nothing panics (`lint_bytes` promises that bad input is a finding), and every
//! finding points inside the file.

#![no_main]

use libfuzzer_sys::fuzz_target;
use share_lint::engine;
use share_lint::render::{self, OutputFormat, RenderOptions};
use share_lint::rules::LintRule;
use share_lint::settings::Settings;

fuzz_target!(|data: &[u8]| {
    for name in ["payload.json", "payload.jsonc"] {
        let report = engine::lint_bytes(name, data.to_vec(), &Settings::default());
        let len = report.source.text.len();
        for d in &report.diagnostics {
            assert!(
                d.span.start <= d.span.end && d.span.end <= len,
                "{} span {:?} is outside the {len}-byte file",
                d.rule.code,
                d.span
            );
        }
        // SARIF lists the rules it names: only those found here, since rendering the whole
        // catalogue's docs every run would be most of the work and always the same.
        let found: Vec<LintRule> = share_lint::rules::all()
            .iter()
            .filter(|r| report.diagnostics.iter().any(|d| d.rule == r.rule))
            .copied()
            .collect();
        let reports = std::slice::from_ref(&report);
        let opts = RenderOptions::default();
        for &format in OutputFormat::ALL {
            let mut out = Vec::new();
            render::render(format, reports, &found, &opts, &mut out)
                .expect("writing to a Vec cannot fail");
        }
    }
});
