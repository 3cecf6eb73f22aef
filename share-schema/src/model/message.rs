//! `ShareMessage`: either variant of the call, told apart by its keys as DOMAIN.md decides —
//! `channelType`/`channelObject` make an external share, `content` alone an in-app share — with
//! the explanations users need when they mix the two (the seed page's sample code is the
//! in-app one, so they do).

use super::{deserialize_via_shape, ExternalShare, InAppShare};
use crate::schema::{JsonSchema, SchemaGenerator};
use crate::structure::expect_object;
use crate::structure::get;
use crate::{catalog, Context, Shape, Validate, Violation};
use serde_json::{json, Value};
use std::borrow::Cow;

/// The `params` of `ksoxz_sdk.shareMessage`: an external share (to WeChat) or an in-app share
/// (into WPS协作's chats).
///
/// ```
/// use share_schema::{ShareMessage, Validate};
/// let json = r#"{"type": "miniProgram", "channelType": ["wx", "wx_moments"],
///   "channelObject": {"webpageUrl": "https://example.com", "userName": "gh_0123456789ab"}}"#;
/// let msg: ShareMessage = serde_json::from_str(json).unwrap();
/// let report = msg.validate().unwrap_err();
/// assert!(report.iter().any(|v| v.code() == "SM301" && v.path() == "/channelType"));
/// ```
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum ShareMessage {
    /// To WeChat (`channelType`, `channelObject`).
    External(ExternalShare),
    /// Into WPS协作's own chats (`content`).
    InApp(InAppShare),
}

deserialize_via_shape!(ShareMessage);

const EXTERNAL_KEYS: [&str; 2] = ["channelType", "channelObject"];

impl ShareMessage {
    /// `showAIAgentEntrance`, whichever variant holds it; `None` when absent.
    pub fn show_ai_agent_entrance(&self) -> Option<bool> {
        match self {
            ShareMessage::External(
                ExternalShare::Text {
                    show_ai_agent_entrance,
                    ..
                }
                | ExternalShare::WebPage {
                    show_ai_agent_entrance,
                    ..
                }
                | ExternalShare::MiniProgram {
                    show_ai_agent_entrance,
                    ..
                },
            )
            | ShareMessage::InApp(
                InAppShare::Text {
                    show_ai_agent_entrance,
                    ..
                }
                | InAppShare::Markdown {
                    show_ai_agent_entrance,
                    ..
                }
                | InAppShare::WebPage {
                    show_ai_agent_entrance,
                    ..
                },
            ) => *show_ai_agent_entrance,
        }
    }
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl<'v> Shape<'v> for ShareMessage {
    fn from_json(value: &'v Value, cx: &mut Context) -> Option<Self> {
        Self::from_json_allowing(value, cx, &[])
    }

    fn from_json_allowing(value: &'v Value, cx: &mut Context, allowed: &[&str]) -> Option<Self> {
        let map = expect_object(value, cx)?;
        // Another API's parameters: one finding that names the API, not a cascade.
        if let Some((at, v)) = super::foreign::recognise(map) {
            match at {
                Some(key) => cx.at_key(key, |cx| cx.push(v)),
                None => cx.push(v),
            }
            return None;
        }
        let external: Vec<&str> = EXTERNAL_KEYS
            .into_iter()
            .filter(|k| get(map, k).is_some())
            .collect();
        let in_app = get(map, "content").is_some();
        match (external.is_empty(), in_app) {
            (false, true) => {
                let which = match external.as_slice() {
                    [one] => format!("`{one}` makes"),
                    _ => "`channelType` and `channelObject` make".to_owned(),
                };
                let v = Violation::new(
                    &catalog::MIXED_VARIANTS,
                    "",
                    format!(
                        "`content` belongs to the in-app share (into WPS协作 chats), but {which} this an \
                         external share (to WeChat), which carries its payload in `channelObject`"
                    ),
                )
                .with_help(
                    "to share to WeChat, put the fields in `channelObject` (`webpageUrl`, `thumbImage`, ...) \
                     and remove `content`; to share into a WPS协作 chat, remove `channelType` and `channelObject`",
                );
                cx.at_key("content", |cx| cx.push(v));
                let mut allow = allowed.to_vec();
                allow.push("content");
                ExternalShare::from_json_allowing(value, cx, &allow).map(ShareMessage::External)
            }
            (false, false) => {
                let since = cx.len();
                let built = ExternalShare::from_json_allowing(value, cx, allowed);
                super::foreign::restate_scenes(map, cx, since);
                built.map(ShareMessage::External)
            }
            (true, true) => {
                if get(map, "type").and_then(Value::as_str) == Some("miniProgram") {
                    let v = Violation::new(
                        &catalog::IN_APP_MINI_PROGRAM,
                        "",
                        "the in-app share (`content`) has no `miniProgram` type: mini programs are shared to \
                         WeChat with the external share",
                    )
                    .with_help("use `channelType: [\"wx\"]` and put the card in `channelObject` (`userName`, `webpageUrl`, ...)");
                    cx.at_key("type", |cx| cx.push(v));
                    return None;
                }
                InAppShare::from_json_allowing(value, cx, allowed).map(ShareMessage::InApp)
            }
            (true, false) => {
                let v = Violation::new(
                    &catalog::MISSING_SHARE_CONTENT,
                    "",
                    "the payload has neither `channelObject` (the external share, to WeChat, with \
                     `channelType`) nor `content` (the in-app share, into WPS协作 chats)",
                )
                .with_help("add `channelType` and `channelObject` to share to WeChat, or `content` to share into a WPS协作 chat");
                cx.push(v);
                None
            }
        }
    }

    fn expected() -> &'static str {
        "an object"
    }
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl Validate for ShareMessage {
    fn validate_into(&self, cx: &mut Context) {
        match self {
            ShareMessage::External(m) => m.validate_into(cx),
            ShareMessage::InApp(m) => m.validate_into(cx),
        }
    }
}

#[diagnostic::do_not_recommend] // not listed in the derive's errors
impl JsonSchema for ShareMessage {
    fn schema_name() -> Option<Cow<'static, str>> {
        Some(Cow::Borrowed("ShareMessage"))
    }

    fn json_schema(gen: &mut SchemaGenerator) -> Value {
        let external = gen.subschema_for::<ExternalShare>();
        let in_app = gen.subschema_for::<InAppShare>();
        let channel = gen.subschema_for::<super::Channel>();
        // Every key either share may have, beside the in-app share (which an object without
        // `channelType`/`channelObject` is checked as): completion offers them before the
        // share's kind is known. `examples`, not `enum`, for `type`: the branch's `enum` decides.
        let keys = json!({
            "properties": {
                "type": {
                    "type": "string",
                    "examples": ["text", "markdown", "webPage", "miniProgram"],
                    "description": "What is shared. To WeChat (with `channelType`/`channelObject`): `text`, `webPage` or `miniProgram`; into a WPS协作 chat (with `content`): `text`, `markdown` or `webPage`.",
                },
                "channelType": {
                    "type": "array",
                    "items": channel,
                    "description": "External share (to WeChat): where to share, `wx` (a chat) and/or `wx_moments` (Moments). Makes this an external share.",
                },
                "channelObject": {
                    "type": "object",
                    "description": "External share (to WeChat): what `type` shares. `text`: `{text}`; `webPage`: `{webpageUrl, title, description, thumbImage}`; `miniProgram`: `{userName, webpageUrl, path, title, thumbImage}`.",
                },
                "content": {
                    "type": "object",
                    "description": "In-app share (into a WPS协作 chat): what `type` shares. `text` and `markdown`: `{text}`; `webPage`: `{url, title, image, text}`.",
                },
                "showAIAgentEntrance": {
                    "type": "boolean",
                    "description": "Show the AI agent entrance (WPS协作 5.33.0 or later).",
                },
                "$schema": {
                    "type": "string",
                    "description": "The schema this file follows, for editors: a path to share-message.schema.json (`share-lint schema` writes it) or its address.",
                },
            },
        });
        json!({
            "description": "The params of ksoxz_sdk.shareMessage: an external share to WeChat (channelType + channelObject) or an in-app share into WPS协作 chats (content).",
            "type": "object",
            "if": { "anyOf": [
                { "properties": { "channelType": true }, "required": ["channelType"] },
                { "properties": { "channelObject": true }, "required": ["channelObject"] },
                // A mini program without `content` can only be an external share (the in-app
                // share has none): checked as one, an editor names what it misses.
                {
                    "properties": { "type": { "const": "miniProgram", "doNotSuggest": true } },
                    "required": ["type"],
                    "not": { "properties": { "content": true }, "required": ["content"] },
                },
            ] },
            "then": external,
            "else": { "allOf": [in_app, keys] },
            "defaultSnippets": crate::schema::editor::snippets(),
        })
    }
}

impl From<ExternalShare> for ShareMessage {
    fn from(m: ExternalShare) -> Self {
        ShareMessage::External(m)
    }
}

impl From<InAppShare> for ShareMessage {
    fn from(m: InAppShare) -> Self {
        ShareMessage::InApp(m)
    }
}

impl crate::typescript::TypeScript for ShareMessage {
    fn ts_name() -> Option<Cow<'static, str>> {
        Some(Cow::Borrowed("ShareMessage"))
    }

    fn ts_type(gen: &mut crate::typescript::TsGenerator) -> String {
        let external = gen.reference::<ExternalShare>();
        let in_app = gen.reference::<InAppShare>();
        // The keys of the other share, as `never`: `type` alone does not tell the two apart
        // (both have `text` and `webPage`), so without them `content` beside `channelType`
        // would pass (SM105).
        format!(
            "(\n  | ({external} & {{ content?: never }})\n  | ({in_app} & {{ channelType?: never; channelObject?: never }})\n)"
        )
    }

    fn ts_doc() -> Option<String> {
        Some("The `params` of `ksoxz_sdk.shareMessage`: an external share to WeChat (`channelType` + `channelObject`) or an in-app share into WPS协作 chats (`content`).".to_owned())
    }
}
