//! The `concise` format: one line per finding, `path:line:col: severity[CODE] message`, the
//! shape editors, `grep` and the benchmark scripts read. Nothing for clean files and no summary.

use super::width::sanitize;
use super::{paint, Palette, RenderOptions};
use crate::diagnostic::FileReport;
use std::io::{self, Write};

/// Writes one line per finding of one file.
pub(super) fn render_file(
    report: &FileReport,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let palette = Palette::new(opts.color);
    let path = sanitize(&report.source.path, false);
    for diagnostic in &report.diagnostics {
        let (line, column) = report.start(diagnostic);
        writeln!(
            out,
            "{}:{}:{}: {} {}",
            paint(palette.emphasis, &path),
            line,
            column,
            paint(
                palette.severity(diagnostic.severity),
                format_args!("{}[{}]", diagnostic.severity, diagnostic.rule.code),
            ),
            sanitize(&diagnostic.message, false),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_fixture::{reports, rules, strip_escapes};
    use super::super::OutputFormat;
    use super::*;

    fn concise(color: bool) -> String {
        let mut out = Vec::new();
        let opts = RenderOptions {
            color,
            ..RenderOptions::default()
        };
        super::super::render(OutputFormat::Concise, &reports(), &rules(), &opts, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn concise_snapshot() {
        insta::assert_snapshot!(concise(false));
    }

    #[test]
    fn colour_only_adds_escapes() {
        let coloured = concise(true);
        assert!(coloured.contains('\x1b'));
        assert_eq!(strip_escapes(&coloured), concise(false));
    }

    #[test]
    fn every_line_starts_with_path_line_and_column() {
        let text = concise(false);
        assert_eq!(text.lines().count(), 7);
        for line in text.lines() {
            let mut fields = line.splitn(4, ':');
            let path = fields.next().unwrap();
            assert!(path.starts_with("payloads/"), "{line}");
            let line_number: u32 = fields.next().unwrap().parse().unwrap();
            let column: u32 = fields.next().unwrap().parse().unwrap();
            assert!(line_number >= 1 && column >= 1, "{line}");
        }
    }
}
