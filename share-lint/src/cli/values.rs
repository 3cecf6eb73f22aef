//! The values of `--output-format`, `--fail-on` and `--min-severity` (binary only), taken from
//! the library's own lists: the names are written once, in [`OutputFormat`] and
//! [`Severity`], and `--help` shows each format's description.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use share_lint::render::{DocsUrl, OutputFormat};
use share_schema::Severity;

/// `--output-format`: every [`OutputFormat`], by name, with its description as its help.
pub fn output_format() -> impl TypedValueParser<Value = OutputFormat> {
    let values = OutputFormat::ALL
        .iter()
        .map(|format| PossibleValue::new(format.name()).help(help_line(format.description())));
    PossibleValuesParser::new(values).try_map(|name| {
        OutputFormat::from_name(&name).ok_or_else(|| format!("unknown output format `{name}`"))
    })
}

/// `--docs-url`: an `http://` or `https://` URL.
pub fn docs_url(text: &str) -> Result<DocsUrl, String> {
    DocsUrl::parse(text)
}

/// `--fail-on`: the severities, and what each makes fail.
pub fn fail_on() -> impl TypedValueParser<Value = Severity> {
    severity([
        (Severity::Error, "Only errors fail the run (the default)"),
        (Severity::Warning, "Warnings and errors fail the run"),
        (Severity::Info, "Any finding fails the run"),
    ])
}

/// `--min-severity`: the severities, and what each shows.
pub fn min_severity() -> impl TypedValueParser<Value = Severity> {
    severity([
        (Severity::Error, "Errors only"),
        (Severity::Warning, "Warnings and errors"),
        (Severity::Info, "Every finding (the default)"),
    ])
}

/// A severity by its name ([`Severity::as_str`]), listed most severe first with `helps`.
fn severity(helps: [(Severity, &'static str); 3]) -> impl TypedValueParser<Value = Severity> {
    let values = helps.map(|(severity, help)| PossibleValue::new(severity.as_str()).help(help));
    PossibleValuesParser::new(values).try_map(|name| name.parse::<Severity>())
}

/// A doc line as `--help` shows it: without its full stop, as clap shows the flags' own docs.
fn help_line(doc: &'static str) -> &'static str {
    doc.strip_suffix('.').unwrap_or(doc)
}
