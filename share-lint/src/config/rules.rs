//! Rules in the configuration: the table of rules a configuration may name, resolving
//! `[rules]` and `[[overrides]] rules` keys (a code or a name) to rule codes, and the
//! "unknown rule; did you mean …?" message.
//!
//! A configuration names a rule by its exact code or name (a near miss gets "did you mean").

use share_json::text::suggest;

use super::error::{quote, ConfigError};
use super::raw::RawRules;
use super::Parsing;
use share_schema::Severity;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Every rule a configuration may name, as `(code, name)` pairs: `("SM603",
/// "thumbnail-over-legacy-limit")`.
pub type RuleTable<'a> = &'a [(&'static str, &'static str)];

/// The registry's rules as a [`RuleTable`]: what configurations are checked against.
pub fn registry_rules() -> RuleTable<'static> {
    static TABLE: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
        crate::rules::RULES
            .iter()
            .map(|rule| (rule.code, rule.name))
            .collect()
    });
    &TABLE
}

/// One severity setting, resolved to its rule's code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RuleSetting {
    pub(super) code: &'static str,
    pub(super) level: Option<Severity>,
}

impl Parsing<'_> {
    /// Resolves a rules table; `table` names it in messages.
    pub(super) fn rules(
        &self,
        raw: &RawRules,
        table: &str,
    ) -> Result<Vec<RuleSetting>, ConfigError> {
        // In file order, so that the first problem is the one reported.
        let mut entries: Vec<_> = raw.iter().collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        let mut seen: HashMap<&'static str, &str> = HashMap::new();
        let mut out = Vec::with_capacity(entries.len());
        for (key, level) in entries {
            let Some(code) = resolve_rule(self.rules, key.get_ref()) else {
                return Err(self.error(key.span(), unknown_rule(self.rules, key.get_ref())));
            };
            if let Some(first) = seen.insert(code, key.get_ref()) {
                return Err(self.error(
                    key.span(),
                    format!(
                        "rule `{code}` is set twice in {table}: as `{}` and as `{}`",
                        quote(first),
                        quote(key.get_ref())
                    ),
                ));
            }
            out.push(RuleSetting {
                code,
                level: level.get_ref().0,
            });
        }
        Ok(out)
    }
}

/// The code of the rule `key` names (by code or by name).
fn resolve_rule(rules: RuleTable<'_>, key: &str) -> Option<&'static str> {
    rules
        .iter()
        .find(|(code, name)| *code == key || *name == key)
        .map(|(code, _)| *code)
}

/// "unknown rule `insecure-urls`; did you mean `insecure-url`?"
fn unknown_rule(rules: RuleTable<'_>, key: &str) -> String {
    let mut message = format!("unknown rule `{}`", quote(key));
    match suggest_rule(rules, key) {
        Some(suggestion) => {
            message.push_str(&format!("; did you mean `{suggestion}`?"));
        }
        None => {
            if let Some((code, name)) = rules.first() {
                message.push_str(&format!(
                    "; name a rule by its code (such as `{code}`) or its name (such as `{name}`)"
                ));
            }
        }
    }
    message
}

/// The code or name closest to `key`, if close enough to be a likely typo (the toolkit's one
/// "did you mean": codes compared in upper case, names in lower case).
fn suggest_rule(rules: RuleTable<'_>, key: &str) -> Option<&'static str> {
    let codes: Vec<&'static str> = rules.iter().map(|(code, _)| *code).collect();
    let names: Vec<&'static str> = rules.iter().map(|(_, name)| *name).collect();
    suggest(&key.to_ascii_uppercase(), &codes)
        .or_else(|| suggest(&key.to_ascii_lowercase(), &names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let rules = [
            ("SM502", "insecure-url"),
            ("SM501", "invalid-url"),
            ("SM603", "thumbnail-over-legacy-limit"),
        ];
        assert_eq!(suggest_rule(&rules, "insecure-urls"), Some("insecure-url"));
        assert_eq!(suggest_rule(&rules, "Insecure-Url"), Some("insecure-url"));
        assert_eq!(suggest_rule(&rules, "sm603"), Some("SM603"));
        assert_eq!(
            suggest_rule(&rules, "thumbnail-over-legacy"),
            Some("thumbnail-over-legacy-limit")
        );
        // The one rule it abbreviates.
        assert_eq!(
            suggest_rule(&rules, "thumbnail"),
            Some("thumbnail-over-legacy-limit")
        );
        assert_eq!(suggest_rule(&rules, "sm6o3"), Some("SM603"));
        assert_eq!(suggest_rule(&rules, "something-else"), None);
        assert_eq!(suggest_rule(&rules, &"x".repeat(1_000_000)), None);
    }
}
