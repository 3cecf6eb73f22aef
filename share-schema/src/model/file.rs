//! What a payload file holds (DOMAIN.md §3, "file shapes"): a params object, a call argument
//! `{"params": {...}}`, or an array of either.

use super::{deserialize_via_shape, ShareMessage};
use crate::schema::{JsonSchema, SchemaGenerator};
use crate::{catalog, Context, Shape, Validate, Violation};
use serde_json::{json, Value};
use std::borrow::Cow;

/// The argument object of `shareMessage` as written in code, without the callbacks.
#[derive(Clone, Debug, PartialEq, serde::Serialize, Validate)]
#[serde(deny_unknown_fields)]
#[share(schema_key)]
pub struct CallArgument {
    /// The payload.
    #[share(nested)]
    pub params: ShareMessage,
}

deserialize_via_shape!(CallArgument);

/// One payload in a file: a params object or a call argument.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum PayloadItem {
    /// `{"params": {...}}`.
    Call(CallArgument),
    /// The params object itself.
    Params(ShareMessage),
}

deserialize_via_shape!(PayloadItem);

impl PayloadItem {
    /// The params, whichever way they were written.
    pub fn params(&self) -> &ShareMessage {
        match self {
            PayloadItem::Call(c) => &c.params,
            PayloadItem::Params(p) => p,
        }
    }
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl<'v> Shape<'v> for PayloadItem {
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
        // A `params` key makes it a call argument: params objects have no such key.
        let params = value
            .as_object()
            .and_then(|m| crate::structure::get(m, "params"));
        if params.is_some() {
            CallArgument::from_json(value, cx).map(PayloadItem::Call)
        } else {
            ShareMessage::from_json(value, cx).map(PayloadItem::Params)
        }
    }

    fn expected() -> &'static str {
        "an object"
    }
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl Validate for PayloadItem {
    fn validate_into(&self, cx: &mut Context) {
        match self {
            PayloadItem::Call(c) => c.validate_into(cx),
            PayloadItem::Params(p) => p.validate_into(cx),
        }
    }
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl JsonSchema for PayloadItem {
    fn schema_name() -> Option<Cow<'static, str>> {
        Some(Cow::Borrowed("PayloadItem"))
    }

    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        let call = gen.subschema_for::<CallArgument>();
        let params = gen.subschema_for::<ShareMessage>();
        let params_ref = params["$ref"].clone();
        json!({
            "description": "A shareMessage params object, or a call argument {\"params\": ...}.",
            "type": "object",
            // `properties` beside `required`: Ajv's strict mode asks for it (`strictRequired`).
            "if": { "type": "object", "properties": { "params": true }, "required": ["params"] },
            "then": call,
            "else": params,
            // For completion, which does not look into `if`/`then`/`else`.
            "properties": {
                "params": {
                    "$ref": params_ref,
                    "description": "The payload, written as the call argument {\"params\": {...}}.",
                },
            },
            "defaultSnippets": crate::schema::editor::snippets(),
        })
    }
}

/// A whole payload file.
///
/// ```
/// use share_schema::{PayloadFile, Validate};
/// let file: PayloadFile = serde_json::from_str(r#"[{"params": {"type": "text", "content": {"text": "hi"}}}]"#).unwrap();
/// assert_eq!(file.items().len(), 1);
/// assert!(file.validate().is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum PayloadFile {
    /// A file holding one payload.
    One(PayloadItem),
    /// A file holding an array of payloads.
    Many(Vec<PayloadItem>),
}

deserialize_via_shape!(PayloadFile);

impl PayloadFile {
    /// The payloads, in file order.
    pub fn items(&self) -> &[PayloadItem] {
        match self {
            PayloadFile::One(item) => std::slice::from_ref(item),
            PayloadFile::Many(items) => items,
        }
    }
}

fn empty_array() -> Violation {
    Violation::new(
        &catalog::EMPTY_PAYLOAD_ARRAY,
        "",
        "the file is an empty array: there is nothing to check",
    )
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl<'v> Shape<'v> for PayloadFile {
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
        match value {
            Value::Array(items) => {
                if items.is_empty() {
                    cx.push(empty_array());
                }
                Vec::<PayloadItem>::from_json(value, cx).map(PayloadFile::Many)
            }
            _ => PayloadItem::from_json(value, cx).map(PayloadFile::One),
        }
    }

    fn expected() -> &'static str {
        "an object or an array"
    }
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl Validate for PayloadFile {
    fn validate_into(&self, cx: &mut Context) {
        match self {
            PayloadFile::One(item) => item.validate_into(cx),
            PayloadFile::Many(items) => {
                if items.is_empty() {
                    cx.push(empty_array());
                }
                items.validate_into(cx);
            }
        }
    }
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl JsonSchema for PayloadFile {
    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        let item = gen.subschema_for::<PayloadItem>();
        json!({
            "$id": "https://share-toolkit.invalid/share-message.schema.json",
            "title": "ksoxz_sdk.shareMessage payload file",
            "description": "A WPS协作 JS-SDK shareMessage payload: a params object, a call argument {\"params\": ...}, or an array of either. Generated by share-schema from the same rules as its validators; limits the schema cannot express exactly (UTF-8 bytes, image sniffing) are relaxed here and checked by share-lint.",
            "if": { "type": "array" },
            // `type` beside `items` too: Ajv's strict mode does not count the `if`'s.
            "then": { "type": "array", "items": item },
            "else": item,
            "defaultSnippets": crate::schema::editor::snippets(),
        })
    }
}

impl crate::typescript::TypeScript for PayloadItem {
    fn ts_name() -> Option<std::borrow::Cow<'static, str>> {
        Some("PayloadItem".into())
    }

    fn ts_type(gen: &mut crate::typescript::TsGenerator) -> String {
        let message = gen.reference::<ShareMessage>();
        format!("{message} | {{ params: {message} }}")
    }

    fn ts_doc() -> Option<String> {
        Some("One payload: the params object, or the call argument `{params}`.".to_owned())
    }
}

impl crate::typescript::TypeScript for PayloadFile {
    fn ts_name() -> Option<std::borrow::Cow<'static, str>> {
        Some("PayloadFile".into())
    }

    fn ts_type(gen: &mut crate::typescript::TsGenerator) -> String {
        let item = gen.reference::<PayloadItem>();
        format!("{item} | readonly {item}[]")
    }

    fn ts_doc() -> Option<String> {
        Some("A payload file (`*.share.json`): one payload, or an array of them.".to_owned())
    }
}
