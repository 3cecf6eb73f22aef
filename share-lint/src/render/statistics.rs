//! `--statistics`, as in ruff: instead of the findings, one line per rule code with how many
//! findings it has, its name, and whether they can be fixed, most frequent first.
//!
//! ```text
//!    2  SM601  invalid-thumbnail               [*]
//!    1  SM301  mini-program-to-moments         [-]
//!    1  SM604  missing-mini-program-thumbnail
//! ```
//!
//! `[*]`: `--fix` fixes at least one of them; `[-]`: only `--unsafe-fixes` does. Ties in count are
//! ordered by code. Nothing is written when there are no findings.

use super::{paint, Palette, RenderOptions};
use crate::diagnostic::{Applicability, FileReport};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The smallest width of the count column, so short counts line up as in the example.
const MIN_COUNT_WIDTH: usize = 4;

#[derive(Default)]
struct RuleCount {
    name: &'static str,
    count: usize,
    safe_fixes: usize,
    unsafe_fixes: usize,
}

/// Counts of findings per rule, fed one file at a time (so a run keeps no findings around).
#[derive(Default)]
pub struct Statistics {
    by_code: BTreeMap<&'static str, RuleCount>,
}

impl Statistics {
    /// Counts the findings of one file.
    pub fn add(&mut self, report: &FileReport) {
        for diagnostic in &report.diagnostics {
            let entry = self.by_code.entry(diagnostic.rule.code).or_default();
            entry.name = diagnostic.rule.name;
            entry.count += diagnostic.count();
            match diagnostic.fix.as_ref().map(|fix| fix.applicability) {
                Some(Applicability::Safe) => entry.safe_fixes += 1,
                Some(Applicability::Unsafe) => entry.unsafe_fixes += 1,
                None => {}
            }
        }
    }

    /// Writes one line per rule code found.
    pub fn render(self, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
        write_rows(self.by_code, opts, out)
    }
}

fn write_rows(
    by_code: BTreeMap<&'static str, RuleCount>,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    // The map iterates in code order and the sort is stable: ties stay ordered by code.
    let mut rows: Vec<(&str, RuleCount)> = by_code.into_iter().collect();
    rows.sort_by_key(|(_, row)| std::cmp::Reverse(row.count));

    let count_width = rows
        .iter()
        .map(|(_, row)| row.count.to_string().len())
        .max()
        .unwrap_or(0)
        .max(MIN_COUNT_WIDTH);
    let code_width = rows.iter().map(|(code, _)| code.len()).max().unwrap_or(0);
    let name_width = rows
        .iter()
        .map(|(_, row)| row.name.len())
        .max()
        .unwrap_or(0);
    let palette = Palette::new(opts.color);
    for (code, row) in rows {
        let marker = match (row.safe_fixes, row.unsafe_fixes) {
            (0, 0) => "",
            (0, _) => "[-]",
            _ => "[*]",
        };
        let line = format!(
            "{:>count_width$}  {}{}  {:<name_width$}  {marker}",
            row.count,
            paint(palette.emphasis, code),
            " ".repeat(code_width - code.len()),
            row.name,
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_fixture::reports;
    use super::*;
    use crate::diagnostic::FileReport;

    fn statistics(reports: &[FileReport], color: bool) -> String {
        let mut stats = Statistics::default();
        reports.iter().for_each(|r| stats.add(r));
        let mut out = Vec::new();
        stats
            .render(
                &RenderOptions {
                    color,
                    ..RenderOptions::default()
                },
                &mut out,
            )
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn statistics_snapshot() {
        // Twice the fixture: counts of 2, and a tie broken by code.
        let mut twice = reports();
        twice.truncate(2);
        twice.extend(reports());
        insta::assert_snapshot!(statistics(&twice, false));
    }

    #[test]
    fn most_frequent_first_then_by_code() {
        let mut twice = reports();
        twice.push(reports().remove(0));
        let text = statistics(&twice, false);
        let codes: Vec<&str> = text
            .lines()
            .map(|line| line.split_whitespace().nth(1).unwrap())
            .collect();
        assert_eq!(
            codes,
            ["SM001", "SM301", "SM502", "SM601", "SM603", "SM604", "SM702"]
        );
        assert!(text.starts_with("   2  SM001  invalid-json\n"), "{text}");
    }

    #[test]
    fn nothing_without_findings() {
        assert_eq!(statistics(&[], false), "");
    }

    #[test]
    fn colour_is_only_escapes() {
        let coloured = statistics(&reports(), true);
        assert!(coloured.contains("\x1b[1mSM001\x1b[0m"));
        assert!(!statistics(&reports(), false).contains('\x1b'));
    }
}
