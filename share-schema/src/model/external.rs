//! The external-app share (the seed page, "shareMessage（第三方 app）"): text, a web page or a mini
//! program, sent through the WeChat OpenSDK. iOS/Android WPS协作 ≥ 4.25.0, not PC.

use super::{deserialize_via_shape, Channel};
use crate::{catalog, limits, Validate};

/// An external share's params: `type` chooses what `channelObject` holds.
///
/// ```
/// use share_schema::{ExternalShare, Validate};
/// let msg: ExternalShare = serde_json::from_str(
///     r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "你好"}}"#,
/// ).unwrap();
/// assert!(msg.validate().is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, serde::Serialize, Validate)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
#[share(schema_key, typescript)]
pub enum ExternalShare {
    /// Plain text to WeChat.
    #[serde(rename_all = "camelCase")]
    Text {
        /// Where to share: `wx` (a chat) and/or `wx_moments` (Moments).
        #[share(
            non_empty(rule = catalog::EMPTY_CHANNEL_TYPE),
            unique(rule = catalog::DUPLICATE_CHANNEL)
        )]
        channel_type: Vec<Channel>,
        /// The text.
        #[share(nested)]
        channel_object: Text,
        /// Show the AI agent entrance (client ≥ 5.33; default false).
        #[serde(
            rename = "showAIAgentEntrance",
            default,
            with = "share_schema::refuse_null",
            skip_serializing_if = "Option::is_none"
        )]
        show_ai_agent_entrance: Option<bool>,
    },
    /// A web page card to WeChat.
    #[serde(rename_all = "camelCase")]
    WebPage {
        /// Where to share: `wx` (a chat) and/or `wx_moments` (Moments).
        #[share(
            non_empty(rule = catalog::EMPTY_CHANNEL_TYPE),
            unique(rule = catalog::DUPLICATE_CHANNEL)
        )]
        channel_type: Vec<Channel>,
        /// The web page card.
        #[share(nested)]
        channel_object: WebPage,
        /// Show the AI agent entrance (client ≥ 5.33; default false).
        #[serde(
            rename = "showAIAgentEntrance",
            default,
            with = "share_schema::refuse_null",
            skip_serializing_if = "Option::is_none"
        )]
        show_ai_agent_entrance: Option<bool>,
    },
    /// A WeChat mini program card, to chats only.
    #[serde(rename_all = "camelCase")]
    MiniProgram {
        /// Where to share: `wx` only — WeChat does not share mini programs to Moments.
        #[share(
            non_empty(rule = catalog::EMPTY_CHANNEL_TYPE),
            unique(rule = catalog::DUPLICATE_CHANNEL),
            not_contains("wx_moments", rule = catalog::MINI_PROGRAM_TO_MOMENTS)
        )]
        channel_type: Vec<Channel>,
        /// The mini program card.
        #[share(nested)]
        channel_object: MiniProgram,
        /// Show the AI agent entrance (client ≥ 5.33; default false).
        #[serde(
            rename = "showAIAgentEntrance",
            default,
            with = "share_schema::refuse_null",
            skip_serializing_if = "Option::is_none"
        )]
        show_ai_agent_entrance: Option<bool>,
    },
}

deserialize_via_shape!(ExternalShare);

impl ExternalShare {
    /// `channelType`: where the share goes.
    pub fn channels(&self) -> &[Channel] {
        match self {
            ExternalShare::Text { channel_type, .. }
            | ExternalShare::WebPage { channel_type, .. }
            | ExternalShare::MiniProgram { channel_type, .. } => channel_type,
        }
    }
}

/// `channelObject` of a text share.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, Validate)]
#[share(typescript)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The text: 1 to 10,240 bytes.
    #[share(
        non_empty(rule = catalog::EMPTY_TEXT),
        max_bytes(limits::TEXT_MAX_BYTES, rule = catalog::TEXT_TOO_LONG)
    )]
    pub text: String,
}

/// `channelObject` of a web page share.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, Validate)]
#[share(typescript)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebPage {
    /// The card's title: at most 512 bytes.
    #[share(
        required(rule = catalog::MISSING_TITLE),
        max_bytes(limits::TITLE_MAX_BYTES, rule = catalog::TITLE_TOO_LONG)
    )]
    #[serde(
        default,
        with = "share_schema::refuse_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// The card's description: at most 1,024 bytes.
    #[share(max_bytes(limits::DESCRIPTION_MAX_BYTES, rule = catalog::DESCRIPTION_TOO_LONG))]
    #[serde(
        default,
        with = "share_schema::refuse_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The page to open: an absolute http(s) URL of at most 10,240 bytes.
    #[share(
        non_empty(rule = catalog::EMPTY_URL),
        max_bytes(limits::WEBPAGE_URL_MAX_BYTES, rule = catalog::URL_TOO_LONG),
        url(rule = catalog::INVALID_URL),
        https(rule = catalog::INSECURE_URL),
        suggest_for = ["url"]
    )]
    pub webpage_url: String,
    /// The thumbnail: bare base64 (no `data:` prefix) of a PNG/JPEG/GIF/WebP/BMP file of at most
    /// 64 KiB (32 KiB for older clients).
    #[share(
        base64_image(rule = catalog::INVALID_THUMBNAIL),
        max_decoded_bytes(limits::WEB_PAGE_THUMB_MAX_BYTES, rule = catalog::THUMBNAIL_TOO_LARGE),
        max_decoded_bytes(
            limits::WEB_PAGE_THUMB_LEGACY_MAX_BYTES,
            rule = catalog::THUMBNAIL_OVER_LEGACY_LIMIT
        ),
        suggest_for = ["image", "thumbData", "hdImageData"]
    )]
    #[serde(
        default,
        with = "share_schema::refuse_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_image: Option<String>,
}

/// `channelObject` of a mini program share.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, Validate)]
#[share(typescript)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MiniProgram {
    /// The card's title: at most 512 bytes.
    #[share(
        required(rule = catalog::MISSING_TITLE),
        max_bytes(limits::TITLE_MAX_BYTES, rule = catalog::TITLE_TOO_LONG)
    )]
    #[serde(
        default,
        with = "share_schema::refuse_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// The card's description: at most 1,024 bytes.
    #[share(max_bytes(limits::DESCRIPTION_MAX_BYTES, rule = catalog::DESCRIPTION_TOO_LONG))]
    #[serde(
        default,
        with = "share_schema::refuse_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The fallback page for old clients and iPad: an absolute http(s) URL (≤ 1,024 bytes on
    /// newer iOS SDKs).
    #[share(
        non_empty(rule = catalog::EMPTY_URL),
        max_bytes(limits::WEBPAGE_URL_MAX_BYTES, rule = catalog::URL_TOO_LONG),
        max_bytes(
            limits::MINI_PROGRAM_WEBPAGE_URL_MAX_BYTES,
            rule = catalog::MINI_PROGRAM_URL_TOO_LONG
        ),
        url(rule = catalog::INVALID_URL),
        https(rule = catalog::INSECURE_URL),
        suggest_for = ["url"]
    )]
    pub webpage_url: String,
    /// The mini program's original ID: `gh_` and 12 hex digits.
    #[share(
        non_empty(rule = catalog::EMPTY_USER_NAME),
        pattern("^gh_[0-9a-fA-F]{12}$", rule = catalog::USER_NAME_FORMAT)
    )]
    pub user_name: String,
    /// Share with a share ticket (default false).
    #[serde(
        default,
        with = "share_schema::refuse_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub with_share_ticket: Option<bool>,
    /// The thumbnail: bare base64 of an image of at most 128 KiB, 5:4 recommended; Android
    /// requires one.
    #[share(
        required(rule = catalog::MISSING_MINI_PROGRAM_THUMBNAIL),
        base64_image(rule = catalog::INVALID_THUMBNAIL),
        max_decoded_bytes(limits::MINI_PROGRAM_THUMB_MAX_BYTES, rule = catalog::THUMBNAIL_TOO_LARGE),
        aspect_ratio("5:4", rule = catalog::THUMBNAIL_ASPECT_RATIO),
        suggest_for = ["image", "thumbData", "hdImageData"]
    )]
    #[serde(
        default,
        with = "share_schema::refuse_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_image: Option<String>,
    /// The page to open, with an optional query string; empty or absent opens the home page.
    #[serde(
        default,
        with = "share_schema::refuse_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub path: Option<String>,
}
