//! What editors read beside validation: the keywords VS Code's JSON language service (and
//! editors built on it) understands and other validators ignore — a rule's words on a failed
//! `pattern` (`patternErrorMessage`) or `not` (`errorMessage`), Markdown hovers
//! (`markdownDescription`, `markdownEnumDescriptions`), `defaultSnippets`, and `doNotSuggest` on
//! what completion should not offer. `share-schema/tests/editor.rs` drives the real
//! `vscode-json-languageservice` over the payload schema, and Ajv in strict mode with these
//! keywords declared ([`VOCABULARY`]).

use crate::catalog::Rule;
use serde_json::{json, Map, Value};

/// The keywords this module writes: what a strict validator (Ajv's `strict: true`) must be told
/// are annotations.
pub const VOCABULARY: &[&str] = &[
    "errorMessage",
    "patternErrorMessage",
    "markdownDescription",
    "markdownEnumDescriptions",
    "defaultSnippets",
    "doNotSuggest",
];

/// A rule in an editor's message: `SM301 mini-program-to-moments: <its summary>`, or the code
/// alone for a user's rule without a name.
pub fn rule_message(rule: &Rule) -> String {
    match (rule.name, rule.summary) {
        (_, "") | ("custom", _) => rule.code.to_owned(),
        (name, summary) => format!("{} {name}: {summary}", rule.code),
    }
}

/// `fragment` (a rule's schema keywords) with the rule's words where an editor shows a failure:
/// `patternErrorMessage` beside a `pattern`, and a `not` moved into an `allOf` entry of its own
/// with an `errorMessage` (on the schema that holds the `not`, the message replaces only the
/// `not`'s "Matches a schema that is not allowed"). What validators decide is unchanged.
pub fn with_rule(fragment: Value, rule: &Rule) -> Value {
    let Value::Object(mut map) = fragment else {
        return fragment;
    };
    let message = rule_message(rule);
    if map.contains_key("pattern") {
        map.insert("patternErrorMessage".into(), Value::String(message.clone()));
    }
    if let Some(not) = map.remove("not") {
        let entry = json!({ "not": not, "errorMessage": message });
        match map.get_mut("allOf") {
            Some(Value::Array(all)) => all.push(entry),
            _ => {
                map.insert("allOf".into(), Value::Array(vec![entry]));
            }
        }
    }
    Value::Object(map)
}

/// The text of a type's or field's documentation for an editor: its first paragraph when it
/// holds a fenced example (Rust is not the editor's business), its lines joined.
pub fn editor_text(doc: &str) -> String {
    let text = if doc.contains("```") {
        doc.split("\n\n").next().unwrap_or(doc)
    } else {
        doc
    };
    let mut out = String::with_capacity(text.len());
    for (i, paragraph) in text.trim().split("\n\n").enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        let lines: Vec<&str> = paragraph.lines().map(str::trim).collect();
        out.push_str(&lines.join(" "));
    }
    out
}

/// Adds a `markdownDescription` beside every `description` of `schema` (VS Code shows it, with
/// the Markdown rendered, instead of the escaped plain text), and drops a Rust example from the
/// `description` itself.
pub(crate) fn markdown_descriptions(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::String(doc)) = map.get("description") {
                if !map.contains_key("markdownDescription") {
                    let text = editor_text(doc);
                    if doc.contains("```") {
                        map.insert("description".into(), Value::String(text.clone()));
                    }
                    map.insert("markdownDescription".into(), Value::String(text));
                }
            }
            for (key, value) in map.iter_mut() {
                if key != "defaultSnippets" && key != "examples" && key != "default" {
                    markdown_descriptions(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(markdown_descriptions),
        _ => {}
    }
}

/// Completion's starting points: the three external shares (to WeChat: text, a web page, a mini
/// program to a chat — never to Moments) and the three in-app ones (text, Markdown, a web page
/// card). `${n:…}` are the editor's tab stops.
pub(crate) fn snippets() -> Value {
    json!([
        {
            "label": "External: text to WeChat",
            "description": "type text, channelType [wx], channelObject.text",
            "body": { "type": "text", "channelType": ["${1:wx}"], "channelObject": { "text": "${2:你好}" } },
        },
        {
            "label": "External: web page to WeChat",
            "description": "type webPage; channelObject with title, description, webpageUrl",
            "body": {
                "type": "webPage",
                "channelType": ["${1:wx}"],
                "channelObject": {
                    "title": "${2:标题}",
                    "description": "${3:描述}",
                    "webpageUrl": "${4:https://example.com/}",
                },
            },
        },
        {
            "label": "External: mini program to a WeChat chat",
            "description": "type miniProgram, channelType [wx] (never wx_moments)",
            "body": {
                "type": "miniProgram",
                "channelType": ["wx"],
                "channelObject": {
                    "title": "${1:标题}",
                    "userName": "${2:gh_0123456789ab}",
                    "path": "${3:pages/index/index}",
                    "webpageUrl": "${4:https://example.com/}",
                },
            },
        },
        {
            "label": "In-app: text",
            "description": "type text, content.text",
            "body": { "type": "text", "content": { "text": "${1:你好}" } },
        },
        {
            "label": "In-app: markdown",
            "description": "type markdown, content.text",
            "body": { "type": "markdown", "content": { "text": "${1:**标题**}" } },
        },
        {
            "label": "In-app: web page card",
            "description": "type webPage; content with title, url, text",
            "body": {
                "type": "webPage",
                "content": { "title": "${1:标题}", "url": "${2:https://example.com/}", "text": "${3:描述}" },
            },
        },
    ])
}

/// Adds `entries` to `map`'s `allOf` (made if absent).
pub(crate) fn push_all_of(map: &mut Map<String, Value>, entries: impl IntoIterator<Item = Value>) {
    let all = map
        .entry("allOf")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(all) = all {
        all.extend(entries);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn a_rule_speaks_where_its_keyword_fails() {
        let pattern = with_rule(json!({ "pattern": "^a" }), &catalog::INVALID_URL);
        assert_eq!(
            pattern["patternErrorMessage"],
            format!("SM501 invalid-url: {}", catalog::INVALID_URL.summary)
        );
        let not = with_rule(
            json!({ "not": { "contains": { "const": "wx_moments" } } }),
            &catalog::MINI_PROGRAM_TO_MOMENTS,
        );
        assert!(not.get("not").is_none());
        assert_eq!(not["allOf"][0]["not"]["contains"]["const"], "wx_moments");
        assert!(not["allOf"][0]["errorMessage"]
            .as_str()
            .unwrap()
            .starts_with("SM301 mini-program-to-moments: "));
        let custom = Rule::custom("ACME1", crate::Severity::Error);
        assert_eq!(rule_message(&custom), "ACME1");
    }

    #[test]
    fn examples_are_left_out_of_editor_text() {
        let doc = "An external share's params: `type`\nchooses.\n\n```\nlet x = 1;\n```";
        assert_eq!(
            editor_text(doc),
            "An external share's params: `type` chooses."
        );
        assert_eq!(editor_text("One.\n\nTwo\nlines."), "One.\n\nTwo lines.");
    }
}
