//! The `github` format: GitHub Actions workflow commands, which the Actions runner turns into
//! annotations on the pull request's diff.
//!
//! ```text
//! ::error file=payloads/promo.json,line=3,col=25,endLine=3,endColumn=37,title=SM301 mini-program-to-moments::channelType contains `wx_moments`, which is not allowed here
//! ```
//!
//! `error` for errors, `warning` for warnings, `notice` for info. The message is followed by the
//! help on a second line. Values are escaped as the runner expects: in the message `%`, `\r` and
//! `\n`; in the properties also `:` and `,`.

use super::width::{needs_stand_in, push_shown};
use crate::diagnostic::FileReport;
use share_schema::Severity;
use std::io::{self, Write};

/// Writes one workflow command per finding of one file.
pub(super) fn render_file(report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    let file = escape_property(&report.source.path);
    for diagnostic in &report.diagnostics {
        let location = report.location(diagnostic);
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let title = escape_property(&format!(
            "{} {}",
            diagnostic.rule.code, diagnostic.rule.name
        ));
        let mut message = diagnostic.message.clone();
        if let Some(help) = &diagnostic.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        writeln!(
            out,
            "::{command} file={file},line={},col={},endLine={},endColumn={},title={title}::{}",
            location.line,
            location.column,
            location.end_line,
            location.end_column,
            escape_data(&message),
        )?;
    }
    Ok(())
}

/// A workflow command's message: `%`, `\r`, `\n` percent-encoded. Other control characters,
/// which the log viewer would interpret, are shown as symbols (`␛`).
fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            _ if needs_stand_in(c) => {
                push_shown(&mut out, c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A workflow command's property value: as [`escape_data`], and `:` and `,`, which would end
/// the value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::test_fixture::{reports, rules};
    use super::super::{OutputFormat, RenderOptions};
    use super::*;

    #[test]
    fn github_snapshot() {
        let mut out = Vec::new();
        let opts = RenderOptions::default();
        super::super::render(OutputFormat::Github, &reports(), &rules(), &opts, &mut out).unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap());
    }

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(escape_data("100% done"), "100%25 done");
        assert_eq!(escape_data("a\r\nb"), "a%0D%0Ab");
        assert_eq!(
            escape_data("%0A"),
            "%250A",
            "an escape-looking text is not decoded later"
        );
        assert_eq!(escape_data("a: b, c"), "a: b, c");
        assert_eq!(escape_data("x\x1b[31m"), "x␛[31m");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("a: b, c"), "a%3A b%2C c");
        assert_eq!(escape_property("C:/x,y%z\n"), "C%3A/x%2Cy%25z%0A");
        assert_eq!(
            escape_property("payloads/小程序 share.jsonc"),
            "payloads/小程序 share.jsonc"
        );
    }
}
