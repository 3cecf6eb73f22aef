//! The in-app share (the sibling vendor page "shareMessage(App)"): text, markdown or a
//! collaboration card into WPS协作's own chats. iOS/Android/PC WPS协作 ≥ 2.1.0.

use super::deserialize_via_shape;
use crate::{catalog, Validate};

/// An in-app share's params: `type` chooses what `content` holds.
///
/// The seed page's sample code is one of these:
///
/// ```
/// use share_schema::{InAppShare, Validate};
/// let msg: InAppShare = serde_json::from_str(r#"{"type": "webPage", "content": {
///     "title": "金山软件欢迎你加入", "url": "https://www.kingsoft.com/", "text": "描述内容xxx"}}"#).unwrap();
/// assert!(msg.validate().is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, serde::Serialize, Validate)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
#[share(schema_key, typescript)]
pub enum InAppShare {
    /// Plain text into a WPS协作 chat.
    #[serde(rename_all = "camelCase")]
    Text {
        /// The text.
        #[share(nested)]
        content: InAppText,
        /// Show the AI agent entrance (client ≥ 5.33).
        #[serde(
            rename = "showAIAgentEntrance",
            default,
            with = "share_schema::refuse_null",
            skip_serializing_if = "Option::is_none"
        )]
        show_ai_agent_entrance: Option<bool>,
    },
    /// Markdown into a WPS协作 chat.
    #[serde(rename_all = "camelCase")]
    Markdown {
        /// The markdown text.
        #[share(nested)]
        content: InAppText,
        /// Show the AI agent entrance (client ≥ 5.33).
        #[serde(
            rename = "showAIAgentEntrance",
            default,
            with = "share_schema::refuse_null",
            skip_serializing_if = "Option::is_none"
        )]
        show_ai_agent_entrance: Option<bool>,
    },
    /// A collaboration card for a web page.
    #[serde(rename_all = "camelCase")]
    WebPage {
        /// The card.
        #[share(nested)]
        content: InAppWebPage,
        /// Show the AI agent entrance (client ≥ 5.33).
        #[serde(
            rename = "showAIAgentEntrance",
            default,
            with = "share_schema::refuse_null",
            skip_serializing_if = "Option::is_none"
        )]
        show_ai_agent_entrance: Option<bool>,
    },
}

deserialize_via_shape!(InAppShare);

/// `content` of an in-app text or markdown share.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, Validate)]
#[share(typescript)]
#[serde(deny_unknown_fields)]
pub struct InAppText {
    /// The text (or markdown), not empty.
    #[share(non_empty(rule = catalog::EMPTY_TEXT))]
    pub text: String,
}

/// `content` of an in-app web page card.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, Validate)]
#[share(typescript)]
#[serde(deny_unknown_fields)]
pub struct InAppWebPage {
    /// The page to open: an absolute http(s) URL.
    #[share(
        non_empty(rule = catalog::EMPTY_URL),
        url(rule = catalog::INVALID_URL),
        https(rule = catalog::INSECURE_URL),
        suggest_for = ["webpageUrl"]
    )]
    pub url: String,
    /// The card's title.
    #[share(non_empty(rule = catalog::EMPTY_TITLE))]
    pub title: String,
    /// The card's image: an image URL (not base64); the app's icon when absent.
    #[share(
        url(rule = catalog::INVALID_URL),
        https(rule = catalog::INSECURE_URL),
        suggest_for = ["thumbImage"]
    )]
    #[serde(
        default,
        with = "share_schema::refuse_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub image: Option<String>,
    /// The card's description.
    #[serde(
        default,
        with = "share_schema::refuse_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[share(suggest_for = ["description"])]
    pub text: Option<String>,
}
