//! Checking payload text at compile time with exactly what the linter and `validate()` run:
//! the `share-json` parser, then the model's `Shape::from_json` (structure and every rule).
//! Only error-severity findings are returned; warnings do not fail a build.

use share_json::{parse, Locator, ParseOptions, Span};
use share_schema::catalog::{self, Rule};
use share_schema::{Context, PayloadFile, Severity, Shape, ShareMessage};

/// One error: where (bytes of the checked text) and what, worded as the linter prints it.
pub struct Finding {
    /// The bytes of the text it is about.
    pub span: Span,
    /// `[SM301] mini-program-to-moments: ...` (rustc adds `error: `), then the help, if any.
    pub message: String,
}

/// What the text must hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// One params object (`payload!`).
    Params,
    /// A payload file: a params object, a call argument, or an array of either.
    File,
}

fn wording(rule: &Rule, message: &str, help: Option<&str>) -> String {
    let (code, name) = (rule.code, rule.name);
    match help {
        // rustc puts its own `error: ` in front.
        Some(help) => format!("[{code}] {name}: {message}\n  = help: {help}"),
        None => format!("[{code}] {name}: {message}"),
    }
}

/// Checks `text`; the JSON value (comments gone) when it has no error.
pub fn check(text: &str, jsonc: bool, expect: Expect) -> Result<serde_json::Value, Vec<Finding>> {
    let opts = if jsonc {
        ParseOptions::jsonc()
    } else {
        ParseOptions::json()
    };
    let parsed = parse(text, &opts);
    let mut findings: Vec<Finding> = parsed
        .errors
        .iter()
        .map(|e| Finding {
            span: e.span,
            message: wording(&catalog::INVALID_JSON, &e.message, None),
        })
        .collect();
    for dup in &parsed.duplicates {
        let message = format!(
            "duplicate key `{}`: `JSON.parse` silently keeps only the last value",
            dup.key
        );
        findings.push(Finding {
            span: dup.duplicate,
            message: wording(
                &catalog::DUPLICATE_KEY,
                &message,
                Some("remove one of the two keys"),
            ),
        });
    }
    let Some(mut root) = parsed.root else {
        findings.sort_by_key(|f| f.span.start);
        return Err(findings);
    };
    let value = root.take_value();
    let mut cx = Context::new();
    let built = match expect {
        Expect::Params => ShareMessage::from_json(&value, &mut cx).is_some(),
        Expect::File => PayloadFile::from_json(&value, &mut cx).is_some(),
    };
    let mut locator = Locator::new(&root);
    for v in cx
        .violations()
        .iter()
        .filter(|v| v.severity() == Severity::Error)
    {
        findings.push(Finding {
            span: v.locate(&mut locator),
            message: wording(v.rule(), v.message(), v.help()),
        });
    }
    findings.sort_by_key(|f| f.span.start);
    if findings.is_empty() && built {
        Ok(value)
    } else {
        Err(findings)
    }
}
