//! The lint rules: one file per rule of `share_schema::catalog` that the linter reports (all
//! but the generic defaults of users' own types), each declared with
//! `declare_rule!` so that its doc comment is both the Rust documentation and what
//! `share-lint explain CODE` prints — written once.
//!
//! The code, name, default severity and summary are the catalogue's; the payload checks live in
//! the model's attributes (`share-schema`). A rule file here holds what only the linter knows:
//! the rule's documentation, its fix, and, where the linter alone can do it (syntax, duplicate
//! keys, suppressions, project policy), its check.

use crate::diagnostic::Fix;
use crate::json::Node;
use share_schema::catalog::Rule;
use share_schema::Violation;

/// Whether the rule offers a fix, and of which kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    /// No automatic fix.
    None,
    /// A fix `--fix` applies.
    Safe,
    /// A fix that needs `--unsafe-fixes`.
    Unsafe,
}

/// A rule as the linter knows it: its catalogue entry (code, name, default severity, summary:
/// `share_schema::catalog`) and what only the linter has — the documentation `explain` prints,
/// its fix, and whether a comment may suppress it.
///
/// It dereferences to the catalogue entry: `rule.code`, `rule.name`.
#[derive(Clone, Copy, Debug)]
pub struct LintRule {
    /// The catalogue entry.
    pub rule: &'static Rule,
    /// The full documentation (Markdown): What it does / Why is this bad? / Example /
    /// Use instead / Fix safety.
    pub doc: &'static str,
    /// Whether it can fix what it finds.
    pub fix: FixKind,
    /// Builds the fix of a finding of the payload model; `None` where the rule's file builds its
    /// fixes itself, or has none.
    pub(crate) fixer: Option<Fixer>,
    /// Whether a `share-lint-ignore` comment may hide it: not for a file that cannot be read as
    /// JSON at all (an unparsable payload would then pass).
    pub suppressible: bool,
}

impl std::ops::Deref for LintRule {
    type Target = Rule;

    fn deref(&self) -> &Rule {
        self.rule
    }
}

impl PartialEq for LintRule {
    fn eq(&self, other: &Self) -> bool {
        self.rule == other.rule
    }
}

/// What a fix of a model finding is built from: the violation, the syntax node at its JSON
/// Pointer (spans), the value there (contents), the file's text and its comments.
pub(crate) struct FixInput<'a> {
    /// The finding of the payload model.
    pub violation: &'a Violation,
    /// The syntax node at its JSON Pointer: where the edits go.
    pub node: &'a Node,
    /// The value there: what the fix reads.
    pub value: &'a serde_json::Value,
    /// The file's text.
    pub text: &'a str,
    /// The file's comments, in order (of a JSON file, or of a script's JavaScript): a fix that
    /// rewrites a region keeps those inside it.
    pub comments: &'a [crate::json::Comment],
}

/// A rule's fix builder (see [`FixInput`]).
pub(crate) type Fixer = fn(&FixInput<'_>) -> Option<Fix>;

impl LintRule {
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

    /// The rule's page, in Markdown: its name and code as the title, the default severity and
    /// the fix, then [`doc_text`](Self::doc_text). What `share-lint explain` prints, SARIF
    /// carries as the rule's `help.markdown`, and `docs/rules/<code>.md` holds.
    pub fn markdown(&self) -> String {
        format!(
            "# {} ({})\n\nDefault severity: {}. Fix: {}.\n\n{}",
            self.name,
            self.code,
            self.severity,
            match self.fix {
                FixKind::None => "none",
                FixKind::Safe => "safe (--fix)",
                FixKind::Unsafe => "unsafe (--unsafe-fixes)",
            },
            self.doc_text()
        )
    }
}

/// Declares a lint rule for a catalogue entry: its doc comment becomes both the type's
/// documentation and [`LintRule::doc`]; `fixer` names the rule file's fix builder and
/// `suppressible: false` keeps comments from hiding it.
#[macro_export]
#[doc(hidden)]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $ty:ident {
            rule: $rule:ident,
            fix: $fix:ident
            $(, fixer: $fixer:path)?
            $(, suppressible: $suppressible:literal)?
            $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $ty;

        impl $ty {
            /// This rule: its catalogue entry and what the linter adds.
            pub const RULE: $crate::rules::LintRule = $crate::rules::LintRule {
                rule: &::share_schema::catalog::$rule,
                doc: concat!($($doc, "\n"),*),
                fix: $crate::rules::FixKind::$fix,
                fixer: $crate::declare_rule!(@fixer $($fixer)?),
                suppressible: $crate::declare_rule!(@suppressible $($suppressible)?),
            };
        }
    };
    (@fixer) => { None };
    (@fixer $fixer:path) => { Some($fixer) };
    (@suppressible) => { true };
    (@suppressible $value:literal) => { $value };
}

pub mod ai_agent_entrance_client;
pub mod byte_order_mark;
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
pub mod foreign_payload;
pub mod host_not_allowed;
pub mod in_app_mini_program;
pub mod insecure_url;
pub mod invalid_json;
pub mod invalid_script;
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
pub mod user_name_not_allowed;
pub mod wrong_type;

pub use registry::{all, lookup, of, RULES};
