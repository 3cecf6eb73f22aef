//! Output formats: each format is one file, rendering the same [`FileReport`]s.
//!
//! [`render`] writes the findings of a run in one [`OutputFormat`]; [`Statistics`] writes the
//! per-rule counts of `--statistics`. The reports come in already sorted (by path, and each
//! file's findings by position) and include every checked file, clean ones with no findings, so
//! that `full` can say how many files were checked. Every format streams: a run that prints
//! files as they are linted starts a [`Stream`], hands it each file, then finishes it with the
//! run's [`Totals`], and keeps no file's findings after writing them.

mod concise;
mod full;
mod github;
mod json;
mod sarif;
mod statistics;
pub use statistics::Statistics;
#[cfg(test)]
mod test_fixture;
mod uri;
pub use uri::SourceRoot;
mod width;

use crate::diagnostic::{Applicability, FileReport};
use crate::rules::LintRule;
use anstyle::{AnsiColor, Style};
use share_schema::Severity;
use std::io::{self, Write};

/// Declares [`OutputFormat`] with each format's name (what `--output-format` takes) and
/// description (its doc line, which is also its line in `--help`) written once, beside its
/// variant.
macro_rules! output_formats {
    ($($(#[doc = $doc:literal])+ $variant:ident => $name:literal,)+) => {
        /// The output formats: the values of `--output-format`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum OutputFormat {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl OutputFormat {
            /// Every format, in the order `--help` lists them.
            pub const ALL: &'static [OutputFormat] = &[$(OutputFormat::$variant),+];

            /// The name `--output-format` spells this format with.
            pub const fn name(self) -> &'static str {
                match self {
                    $(OutputFormat::$variant => $name,)+
                }
            }

            /// What the format writes: its doc line.
            pub fn description(self) -> &'static str {
                match self {
                    $(OutputFormat::$variant => concat!($($doc),+).trim(),)+
                }
            }
        }
    };
}

output_formats! {
    /// A snippet with carets, help and fix for each finding (rustc style).
    Full => "full",
    /// One line per finding: `path:line:col: severity[CODE] message`.
    Concise => "concise",
    /// A JSON array of findings.
    Json => "json",
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif => "sarif",
    /// GitHub Actions annotations.
    Github => "github",
}

impl OutputFormat {
    /// The format named `name` (exactly as [`OutputFormat::name`] spells it), if there is one.
    ///
    /// ```
    /// use share_lint::render::OutputFormat;
    ///
    /// assert_eq!(OutputFormat::from_name("sarif"), Some(OutputFormat::Sarif));
    /// assert_eq!(OutputFormat::from_name("text"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|format| format.name() == name)
    }
}

impl OutputFormat {
    /// Whether the format shows fixes: as a snippet (`full`, whose summary counts them too) or as
    /// edits (`json`, `sarif`). A run in another format computes them only to apply them, to
    /// show them as a diff or to count them for the statistics.
    pub const fn shows_fixes(self) -> bool {
        // Every variant named: a new format must say whether it shows them.
        match self {
            OutputFormat::Full | OutputFormat::Json | OutputFormat::Sarif => true,
            OutputFormat::Concise | OutputFormat::Github => false,
        }
    }

    /// Whether the format writes one machine-readable document (`json`, `sarif`), which any other
    /// text in the same output (a diff, the statistics) would break.
    pub const fn is_document(self) -> bool {
        // Every variant named: a new format must say which kind it is.
        match self {
            OutputFormat::Json | OutputFormat::Sarif => true,
            OutputFormat::Full | OutputFormat::Concise | OutputFormat::Github => false,
        }
    }
}

impl std::fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

/// Options common to the renderers.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// Colour (only `full`, `concise` and the statistics use it; only on a terminal).
    pub color: bool,
    /// Where each rule's page is (`--docs-url`): SARIF's `helpUri`, never made up when unset.
    pub docs_url: Option<DocsUrl>,
    /// The repository root SARIF's paths are relative to (`%SRCROOT%`); without it, paths
    /// are written as the run names them.
    pub source_root: Option<SourceRoot>,
}

/// The address of the rules' pages: a template in which `{code}` and `{name}` are the rule's
/// code and name, or a base URL to which `<code>.md` is appended (the layout of `docs/rules/`
/// in the repository).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocsUrl(String);

impl DocsUrl {
    /// `text` if it is an `http://` or `https://` URL; else why not.
    pub fn parse(text: &str) -> Result<Self, String> {
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(|| format!("`{text}` is not an http:// or https:// URL"))?;
        if rest.is_empty() || rest.starts_with('/') || text.chars().any(char::is_whitespace) {
            return Err(format!("`{text}` has no host, or has a space"));
        }
        Ok(DocsUrl(text.to_owned()))
    }

    /// The page of `rule`.
    ///
    /// ```
    /// # use share_lint::render::DocsUrl;
    /// let rule = share_lint::rules::lookup("SM301").unwrap();
    /// let base = DocsUrl::parse("https://example.com/docs/rules").unwrap();
    /// assert_eq!(base.page(rule), "https://example.com/docs/rules/SM301.md");
    /// let template = DocsUrl::parse("https://example.com/r/{name}.html").unwrap();
    /// assert_eq!(template.page(rule), "https://example.com/r/mini-program-to-moments.html");
    /// ```
    pub fn page(&self, rule: &LintRule) -> String {
        if self.0.contains("{code}") || self.0.contains("{name}") {
            self.0
                .replace("{code}", rule.code)
                .replace("{name}", rule.name)
        } else {
            format!("{}/{}.md", self.0.trim_end_matches('/'), rule.code)
        }
    }
}

/// Writes the findings of `reports` to `out` in `format`, as one whole output.
///
/// `rules` is the rule catalogue: SARIF lists it as the tool's rules and points each result at
/// its entry. The machine-readable formats (`json`, `sarif`) always write a whole document, even
/// with no findings; `full` ends with the summary line (`Checked 10 files: found 3 errors, 1
/// warning (1 fixable with --fix).`); `concise` and `github` write one line per finding and
/// nothing else.
///
/// The same as a [`Stream`] given each report, finished with their [`Totals`].
pub fn render(
    format: OutputFormat,
    reports: &[FileReport],
    rules: &[LintRule],
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut stream = Stream::new(format, rules, opts);
    for report in reports {
        stream.file(report, out)?;
    }
    stream.finish(&Totals::of(reports), out)
}

/// One file's findings rendered on their own, in a format whose output for a file does not depend
/// on the files before it (`full`, `concise`, `github`): what [`Stream::file`] would write for it,
/// for [`Stream::rendered`] to write later. `None` for `json` and `sarif`, whose findings are
/// items of one document, separated and counted by the [`Stream`].
pub fn file_alone(
    format: OutputFormat,
    report: &FileReport,
    opts: &RenderOptions,
) -> Option<io::Result<Vec<u8>>> {
    let mut out = Vec::new();
    write_alone(format, report, opts, &mut out).map(|written| written.map(|()| out))
}

/// Writes one file's findings in `format` when its files render alone; `None` for the
/// document formats.
fn write_alone(
    format: OutputFormat,
    report: &FileReport,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> Option<io::Result<()>> {
    match format {
        OutputFormat::Full => Some(full::render_file(report, opts, out)),
        OutputFormat::Concise => Some(concise::render_file(report, opts, out)),
        OutputFormat::Github => Some(github::render_file(report, out)),
        OutputFormat::Json | OutputFormat::Sarif => None,
    }
}

/// A run's output in one format, written as the run goes: [`file`](Stream::file) writes one
/// file's findings as soon as it is linted (the first call writes what comes before them:
/// SARIF's tool and rules), [`finish`](Stream::finish) what closes the output (JSON's `]`,
/// SARIF's closing brackets, `full`'s summary line). What it keeps between files is a count and
/// SARIF's few closing bytes, so memory does not grow with the findings.
#[derive(Debug)]
pub struct Stream<'r> {
    format: OutputFormat,
    opts: RenderOptions,
    rules: &'r [LintRule],
    /// Findings written so far (the first one opens the JSON array and SARIF's results).
    written: usize,
    /// What closes a SARIF log, once its start is written.
    end: Option<String>,
}

impl<'r> Stream<'r> {
    /// The output of a run in `format`; `rules` is the rule catalogue SARIF lists. Writes
    /// nothing yet.
    pub fn new(format: OutputFormat, rules: &'r [LintRule], opts: &RenderOptions) -> Self {
        Stream {
            format,
            opts: opts.clone(),
            rules,
            written: 0,
            end: None,
        }
    }

    /// Writes what comes before the first finding, once.
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.format == OutputFormat::Sarif && self.end.is_none() {
            self.end = Some(sarif::render_start(self.rules, &self.opts, out)?);
        }
        Ok(())
    }

    /// Writes the findings of one file (nothing for a clean file).
    pub fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        if let Some(written) = write_alone(self.format, report, &self.opts, out) {
            return written;
        }
        match self.format {
            OutputFormat::Json => json::render_file(report, &mut self.written, out),
            OutputFormat::Sarif => {
                sarif::render_file(report, self.rules, &self.opts, &mut self.written, out)
            }
            OutputFormat::Full | OutputFormat::Concise | OutputFormat::Github => Ok(()),
        }
    }

    /// Writes the findings of one file rendered beforehand by [`file_alone`] (as a run's workers
    /// do, on the thread that linted the file: the printer is left only the writing).
    pub fn rendered(&mut self, rendered: &[u8], out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        out.write_all(rendered)
    }

    /// Closes the output: `full`'s summary line of `totals`, the end of the JSON array or the
    /// SARIF log; nothing for `concise` and `github`.
    pub fn finish(mut self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        match self.format {
            OutputFormat::Full => full::render_summary(totals, &self.opts, out),
            OutputFormat::Json => json::render_end(self.written, out),
            OutputFormat::Sarif => {
                sarif::render_end(self.end.as_deref().unwrap_or(""), self.written, out)
            }
            OutputFormat::Concise | OutputFormat::Github => Ok(()),
        }
    }
}

/// Writes `value` as pretty-printed JSON nested `level` levels deep: what `serde_json`'s pretty
/// printer writes for it inside a whole document (two spaces a level; a line break can only be
/// between tokens, since JSON strings escape theirs).
fn write_indented(
    out: &mut dyn Write,
    level: usize,
    value: &impl serde::Serialize,
) -> io::Result<()> {
    let text = serde_json::to_vec_pretty(value)?;
    let indent = "  ".repeat(level);
    out.write_all(indent.as_bytes())?;
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(indent.as_bytes())?;
        }
        out.write_all(line)?;
    }
    Ok(())
}

/// The styles of the human formats; all plain (no escape codes at all) without colour.
#[derive(Clone, Copy, Debug)]
struct Palette {
    error: Style,
    warning: Style,
    info: Style,
    /// Line numbers, the `|` gutter, `-->` and `=`.
    gutter: Style,
    /// The message and the labels `help` and `fix`.
    emphasis: Style,
}

impl Palette {
    fn new(color: bool) -> Self {
        if !color {
            let plain = Style::new();
            return Palette {
                error: plain,
                warning: plain,
                info: plain,
                gutter: plain,
                emphasis: plain,
            };
        }
        let bold = |color: AnsiColor| Style::new().fg_color(Some(color.into())).bold();
        Palette {
            error: bold(AnsiColor::Red),
            warning: bold(AnsiColor::Yellow),
            info: bold(AnsiColor::Cyan),
            gutter: bold(AnsiColor::Blue),
            emphasis: Style::new().bold(),
        }
    }

    fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

/// `text` between `style`'s escape codes (none when the style is plain).
fn paint(style: Style, text: impl std::fmt::Display) -> impl std::fmt::Display {
    struct Painted<T>(Style, T);
    impl<T: std::fmt::Display> std::fmt::Display for Painted<T> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{}{}{}", self.0.render(), self.1, self.0.render_reset())
        }
    }
    Painted(style, text)
}

/// How many files a run checked, and how many findings of each severity and fix kind it has:
/// what `full`'s summary line says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Every file checked, clean ones included.
    pub files: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
    /// Findings with a fix `--fix` applies.
    pub safe_fixes: usize,
    /// Findings with a fix only `--unsafe-fixes` applies.
    pub unsafe_fixes: usize,
}

impl Totals {
    /// The totals of `reports`, one per checked file.
    pub fn of(reports: &[FileReport]) -> Self {
        let mut totals = Totals {
            files: reports.len(),
            ..Totals::default()
        };
        for diagnostic in reports.iter().flat_map(|report| &report.diagnostics) {
            match diagnostic.severity {
                Severity::Error => totals.errors += diagnostic.count(),
                Severity::Warning => totals.warnings += diagnostic.count(),
                Severity::Info => totals.infos += diagnostic.count(),
            }
            match diagnostic.fix.as_ref().map(|fix| fix.applicability) {
                Some(Applicability::Safe) => totals.safe_fixes += 1,
                Some(Applicability::Unsafe) => totals.unsafe_fixes += 1,
                None => {}
            }
        }
        totals
    }
}

/// `1 error`, `2 errors`; `info` is the same in the plural (`3 info`).
fn plural(count: usize, singular: &str) -> String {
    match (count, singular) {
        (1, _) | (_, "info") => format!("{count} {singular}"),
        _ => format!("{count} {singular}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_shows_fixes_exactly_when_it_says_so() {
        use super::test_fixture::{reports, rules};
        let with = reports();
        assert!(with
            .iter()
            .flat_map(|r| &r.diagnostics)
            .any(|d| d.fix.is_some()));
        let mut without = reports();
        for d in without.iter_mut().flat_map(|r| &mut r.diagnostics) {
            d.fix = None;
        }
        let written = |format, reports: &[FileReport]| {
            let mut out = Vec::new();
            render(
                format,
                reports,
                &rules(),
                &RenderOptions::default(),
                &mut out,
            )
            .unwrap();
            out
        };
        for &format in OutputFormat::ALL {
            // A run in a format that shows no fix computes none (`Settings::fixes`): its
            // output must not change for it.
            let differs = written(format, &with) != written(format, &without);
            assert_eq!(differs, format.shows_fixes(), "{}", format.name());
        }
    }

    #[test]
    fn every_format_round_trips_through_its_name() {
        let names: Vec<&str> = OutputFormat::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names, ["full", "concise", "json", "sarif", "github"]);
        for &format in OutputFormat::ALL {
            assert_eq!(OutputFormat::from_name(format.name()), Some(format));
            assert_eq!(format.to_string(), format.name());
        }
        assert_eq!(OutputFormat::from_name("Full"), None, "names are exact");
        assert_eq!(OutputFormat::from_name(""), None);
    }

    #[test]
    fn descriptions_are_the_variants_doc_lines() {
        assert_eq!(
            OutputFormat::Concise.description(),
            "One line per finding: `path:line:col: severity[CODE] message`."
        );
        assert_eq!(
            OutputFormat::Json.description(),
            "A JSON array of findings."
        );
    }

    #[test]
    fn plain_palette_writes_no_escape_codes() {
        let palette = Palette::new(false);
        let text = format!("{}", paint(palette.severity(Severity::Error), "error"));
        assert_eq!(text, "error");
        let coloured = format!("{}", paint(Palette::new(true).error, "error"));
        assert_eq!(coloured, "\x1b[1m\x1b[31merror\x1b[0m");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "error"), "1 error");
        assert_eq!(plural(0, "warning"), "0 warnings");
        assert_eq!(plural(2, "file"), "2 files");
        assert_eq!(plural(2, "info"), "2 info");
    }
}
