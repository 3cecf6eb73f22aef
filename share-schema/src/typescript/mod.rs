//! TypeScript declarations from the same model as the validators and the JSON Schema: a type
//! with `#[share(typescript)]` beside `#[derive(Validate)]` implements [`TypeScript`], and
//! [`declarations`] writes `share-message.d.ts` — both share variants as discriminated unions on
//! `type`, each field's doc comment with the rules that check it, and the SDK's
//! `window.ksoxz_sdk.shareMessage` (`sdk.rs`). What a type can say, TypeScript then checks in a
//! web app (a mini program to `wx_moments`, a `channelObject` of the wrong kind, an unknown or a
//! missing key, `content` beside `channelType`, an empty `channelType`); lengths, URLs and
//! images stay the linter's.
//!
//! ```
//! let dts = share_schema::typescript::declarations();
//! assert!(dts.contains("export type ShareMessage = (\n  | (ExternalShare & { content?: never })"));
//! assert!(dts.contains("channelType: readonly [Exclude<Channel, \"wx_moments\">, "));
//! ```

mod sdk;
mod std_types;

use crate::catalog::Rule;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A Rust type as TypeScript sees the JSON serde reads into it.
pub trait TypeScript {
    /// The name of its declaration, for named types (derived ones); `None` inlines its type.
    fn ts_name() -> Option<Cow<'static, str>> {
        None
    }

    /// Its TypeScript type: a declaration's right-hand side for a named type (never a reference
    /// to itself).
    fn ts_type(gen: &mut TsGenerator) -> String;

    /// The doc comment of a named type's declaration.
    fn ts_doc() -> Option<String> {
        None
    }
}

/// Collects the declarations of named types while a type is written.
#[derive(Debug, Default)]
pub struct TsGenerator {
    /// By name: the doc comment and the type.
    declarations: BTreeMap<String, (Option<String>, String)>,
    pending: Vec<String>,
}

impl TsGenerator {
    /// What to write where a `T` is expected: its name for a named type (declared once), else
    /// its type inline.
    pub fn reference<T: TypeScript + ?Sized>(&mut self) -> String {
        let Some(name) = T::ts_name() else {
            return T::ts_type(self);
        };
        let name = name.into_owned();
        if !self.declarations.contains_key(&name) && !self.pending.contains(&name) {
            self.pending.push(name.clone());
            let ty = T::ts_type(self);
            self.pending.retain(|n| *n != name);
            self.declarations.insert(name.clone(), (T::ts_doc(), ty));
        }
        name
    }

    /// The declarations of the named types met so far, by name: `export type Name = ...;`,
    /// each after its doc comment.
    ///
    /// ```
    /// use share_schema::typescript::TsGenerator;
    /// let mut gen = TsGenerator::default();
    /// assert_eq!(gen.reference::<share_schema::Channel>(), "Channel");
    /// assert!(gen.declarations().contains("export type Channel = \"wx\" | \"wx_moments\";"));
    /// ```
    pub fn declarations(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        for (name, (doc, ty)) in &self.declarations {
            if let Some(doc) = doc {
                out.push_str(&doc_comment(doc, ""));
            }
            out.push_str(&format!("export type {name} = {ty};\n\n"));
        }
    }
}

/// A field of an object type: its JSON name, whether it may be absent, its type and its doc
/// (the doc comment and the rules).
pub fn field(name: &str, optional: bool, ty: &str, doc: &str) -> String {
    let key = if is_identifier(name) {
        name.to_owned()
    } else {
        format!("{name:?}")
    };
    let mark = if optional { "?" } else { "" };
    format!("{}{key}{mark}: {ty};\n", doc_comment(doc, ""))
}

/// An object type of `fields` (each from [`field`]).
pub fn object(fields: &[String]) -> String {
    if fields.is_empty() {
        return "Record<string, never>".to_owned();
    }
    let mut out = String::from("{\n");
    for f in fields {
        out.push_str(&indent(f));
    }
    out.push('}');
    out
}

/// A list of `item`, readonly (an `as const` array is one), at least one item when `non_empty`.
pub fn list(item: &str, non_empty: bool) -> String {
    let many = if item.contains(' ') {
        format!("({item})[]")
    } else {
        format!("{item}[]")
    };
    match non_empty {
        true => format!("readonly [{item}, ...{many}]"),
        false => format!("readonly {many}"),
    }
}

/// A string literal type.
pub fn literal(value: &str) -> String {
    format!("{value:?}")
}

/// A field's doc: its doc comment, then the rules that check it (`SM401 title-too-long (error):
/// a `title` over 512 bytes`), the limits an editor shows on hover.
pub fn field_doc(doc: Option<&str>, rules: &[&Rule]) -> String {
    let mut out = doc
        .map(crate::schema::editor::editor_text)
        .unwrap_or_default();
    for rule in rules {
        if rule.summary.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "- `{}` {} ({}): {}",
            rule.code, rule.name, rule.severity, rule.summary
        ));
    }
    out
}

/// `text` as a JSDoc comment, each line after `indent`; nothing for no text.
fn doc_comment(text: &str, indent: &str) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    let mut out = format!("{indent}/**\n");
    for line in text.lines() {
        let line = line.replace("*/", "*\\/");
        out.push_str(&format!(
            "{indent} *{}{line}\n",
            if line.is_empty() { "" } else { " " }
        ));
    }
    out.push_str(&format!("{indent} */\n"));
    out
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("  {l}\n")
            }
        })
        .collect()
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// The whole of `share-message.d.ts`: the payload's types, then the SDK's `shareMessage` and the
/// global `window.ksoxz_sdk`.
pub fn declarations() -> String {
    let mut gen = TsGenerator::default();
    let message = gen.reference::<crate::ShareMessage>();
    gen.reference::<crate::PayloadFile>();
    let mut out = String::from(HEADER);
    gen.write(&mut out);
    out.push_str(&sdk::declarations(&message));
    out
}

const HEADER: &str = "\
// share-message.d.ts: the payloads of the WPS协作 JS-SDK call `ksoxz_sdk.shareMessage`.
// Generated by share-schema (`share_schema::typescript::declarations()`) from the same model as
// its validators and JSON Schema; do not edit. What TypeScript cannot check (lengths in bytes,
// URLs, thumbnails, mini program IDs), share-lint does.

";
