//! The rule catalogue of `share-lint`: one file per rule, each declared with `declare_rule!`
//! so that its doc comment is both the Rust documentation and what `share-lint explain CODE`
//! prints — written once.
//!
//! Most checks live in `share-schema` (the payload model's attributes); a rule file here holds
//! the rule's documentation, its metadata and, where the linter alone can do it (syntax,
//! duplicate keys, project policy), its check.

use share_schema::Severity;

/// Whether the rule offers a fix, and of which kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    /// No automatic fix.
    None,
    /// A fix `--fix` applies.
    Safe,
    /// A fix that needs `--unsafe-fixes`.
    Unsafe,
}

/// One rule of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The stable code, e.g. `SM301`.
    pub code: &'static str,
    /// The name, after the bad pattern: `mini-program-to-moments`.
    pub name: &'static str,
    /// The default severity.
    pub severity: Severity,
    /// One line: what it finds.
    pub summary: &'static str,
    /// The full documentation (Markdown): What it does / Why is this bad? / Example /
    /// Use instead / Fix safety.
    pub doc: &'static str,
    /// Whether it can fix what it finds.
    pub fix: FixKind,
}

impl Rule {
    /// The documentation as written, without the indentation its `///` lines leave on every
    /// line (what `explain` prints and SARIF carries).
    pub fn doc_text(&self) -> String {
        let doc = self.doc;
        let indent = doc
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| line.len() - line.trim_start_matches(' ').len())
            .min()
            .unwrap_or(0);
        let lines: Vec<&str> = doc
            .lines()
            .map(|line| line.get(indent..).unwrap_or("").trim_end())
            .collect();
        lines.join("\n").trim().to_owned()
    }
}

/// Declares a rule: its doc comment becomes both the type's documentation and [`Rule::doc`].
#[macro_export]
#[doc(hidden)]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $ty:ident {
            code: $code:expr,
            name: $name:literal,
            severity: $sev:ident,
            summary: $summary:expr,
            fix: $fix:ident $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $ty;

        impl $ty {
            /// This rule's catalogue entry.
            pub const RULE: $crate::rules::Rule = $crate::rules::Rule {
                code: $code,
                name: $name,
                severity: ::share_schema::Severity::$sev,
                summary: $summary,
                doc: concat!($($doc, "\n"),*),
                fix: $crate::rules::FixKind::$fix,
            };
        }
    };
}

pub mod ai_agent_entrance_client;
pub mod byte_order_mark;
pub mod codes;
pub mod description_too_long;
pub mod duplicate_channel;
pub mod duplicate_key;
pub mod empty_channel_type;
pub mod empty_payload_array;
pub mod empty_text;
pub mod empty_title;
pub mod empty_url;
pub mod empty_user_name;
pub mod file_too_large;
pub mod host_not_allowed;
pub mod in_app_mini_program;
pub mod insecure_url;
pub mod invalid_json;
pub mod invalid_thumbnail;
pub mod invalid_url;
pub mod invalid_utf8;
pub mod mini_program_to_moments;
pub mod mini_program_url_too_long;
pub mod missing_key;
pub mod missing_mini_program_thumbnail;
pub mod missing_share_content;
pub mod missing_title;
pub mod mixed_share_variants;
pub mod number_out_of_range;
pub mod private_deployment_share;
pub mod registry;
pub mod text_too_long;
pub mod thumbnail_aspect_ratio;
pub mod thumbnail_over_legacy_limit;
pub mod thumbnail_too_large;
pub mod title_too_long;
pub mod unknown_key;
pub mod unknown_variant;
pub mod unsupported_client;
pub mod unused_suppression;
pub mod url_too_long;
pub mod user_name_format;
pub mod wrong_type;

pub use registry::{all, lookup, RULES};
