//! The project's policy checks (DOMAIN.md §3, "project policy in configuration"): a private
//! deployment, the oldest client and the platforms supported, the hosts URLs may point to, the
//! team's own mini programs, and string limits counted in UTF-16 units.
//!
//! [`check`] walks a payload file and runs the policy rules — `SM801`
//! [`private-deployment-share`](crate::rules::private_deployment_share), `SM802`
//! [`unsupported-client`](crate::rules::unsupported_client), `SM803`
//! [`ai-agent-entrance-client`](crate::rules::ai_agent_entrance_client), `SM804`
//! [`host-not-allowed`](crate::rules::host_not_allowed), `SM805`
//! [`user-name-not-allowed`](crate::rules::user_name_not_allowed) — reporting at the JSON Pointer of the
//! offending value with each rule's default severity (the engine applies configured severities
//! afterwards).
//!
//! With `string-length = "utf16"` it also measures `title`, `description`, `text` and
//! `webpageUrl` in UTF-16 units against the same limits, reporting under the same codes as the
//! byte-counting rules: the engine drops the byte-based findings of [`BYTE_LENGTH_RULES`] then.
//!
//! ```
//! use share_lint::policy;
//! use share_lint::settings::Policy;
//! use share_schema::{Context, PayloadFile};
//!
//! let file: PayloadFile = serde_json::from_str(
//!     r#"[{"params": {"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}}}]"#,
//! ).unwrap();
//! let policy = Policy { private_deployment: true, ..Policy::default() };
//! let mut cx = Context::new();
//! policy::check(&file, &policy, &mut cx);
//! assert_eq!(cx.violations()[0].code(), "SM801");
//! assert_eq!(cx.violations()[0].path(), "/0/params/channelType");
//! ```

use crate::rules::ai_agent_entrance_client::AiAgentEntranceClient;
use crate::rules::host_not_allowed::HostNotAllowed;
use crate::rules::private_deployment_share::PrivateDeploymentShare;
use crate::rules::unsupported_client::UnsupportedClient;
use crate::rules::user_name_not_allowed::UserNameNotAllowed;
use crate::settings::{LengthUnit, Policy};
use share_schema::catalog::{self, Rule};
use share_schema::rules::length;
use share_schema::{limits, Context, ExternalShare, PayloadFile, PayloadItem, ShareMessage};

/// The limits counted in UTF-8 bytes that `string-length = "utf16"` re-measures: with that
/// setting the engine drops share-schema's findings of these rules and keeps the ones [`check`]
/// reports.
///
/// `mini-program-url-too-long` (a mini program's `webpageUrl` over 1,024 bytes) is not among
/// them: its only source is the iOS header, which counts bytes.
pub const BYTE_LENGTH_RULES: &[Rule] = &[
    catalog::TITLE_TOO_LONG,
    catalog::DESCRIPTION_TOO_LONG,
    catalog::TEXT_TOO_LONG,
    catalog::URL_TOO_LONG,
];

/// Checks every payload of `file` against `policy`, recording violations in `cx` at the paths of
/// the offending values (`/0/params/channelType` for the first item of an array of call
/// arguments).
pub fn check(file: &PayloadFile, policy: &Policy, cx: &mut Context) {
    match file {
        PayloadFile::One(item) => check_item(item, policy, cx),
        PayloadFile::Many(items) => {
            for (i, item) in items.iter().enumerate() {
                let mark = cx.enter_index(i);
                check_item(item, policy, cx);
                cx.leave(mark);
            }
        }
    }
}

fn check_item(item: &PayloadItem, policy: &Policy, cx: &mut Context) {
    match item {
        PayloadItem::Call(call) => {
            let mark = cx.enter_key("params");
            check_message(&call.params, policy, cx);
            cx.leave(mark);
        }
        PayloadItem::Params(params) => check_message(params, policy, cx),
    }
}

/// Checks one params object; `cx` is at it.
fn check_message(message: &ShareMessage, policy: &Policy, cx: &mut Context) {
    PrivateDeploymentShare::check(message, policy, cx);
    UnsupportedClient::check(message, policy, cx);
    AiAgentEntranceClient::check(message, policy, cx);
    HostNotAllowed::check(message, policy, cx);
    UserNameNotAllowed::check(message, policy, cx);
    if policy.length_unit == LengthUnit::Utf16 {
        check_utf16_lengths(message, cx);
    }
}

/// Measures the string limits in UTF-16 units, under the byte rules' codes and severities.
fn check_utf16_lengths(message: &ShareMessage, cx: &mut Context) {
    let ShareMessage::External(share) = message else {
        // The in-app share has no length limits.
        return;
    };
    let mark = cx.enter_key("channelObject");
    match share {
        ExternalShare::Text { channel_object, .. } => {
            measure(
                cx,
                "text",
                Some(&channel_object.text),
                limits::TEXT_MAX_BYTES,
                &catalog::TEXT_TOO_LONG,
            );
        }
        ExternalShare::WebPage { channel_object, .. } => {
            let o = channel_object;
            card_lengths(cx, o.title.as_ref(), o.description.as_ref(), &o.webpage_url);
        }
        ExternalShare::MiniProgram { channel_object, .. } => {
            let o = channel_object;
            card_lengths(cx, o.title.as_ref(), o.description.as_ref(), &o.webpage_url);
        }
    }
    cx.leave(mark);
}

fn card_lengths(
    cx: &mut Context,
    title: Option<&String>,
    description: Option<&String>,
    webpage_url: &String,
) {
    measure(
        cx,
        "title",
        title,
        limits::TITLE_MAX_BYTES,
        &catalog::TITLE_TOO_LONG,
    );
    measure(
        cx,
        "description",
        description,
        limits::DESCRIPTION_MAX_BYTES,
        &catalog::DESCRIPTION_TOO_LONG,
    );
    measure(
        cx,
        "webpageUrl",
        Some(webpage_url),
        limits::WEBPAGE_URL_MAX_BYTES,
        &catalog::URL_TOO_LONG,
    );
}

fn measure(cx: &mut Context, key: &str, value: Option<&String>, max: usize, rule: &'static Rule) {
    let Some(value) = value else { return };
    let mark = cx.enter_key(key);
    cx.check(rule, length::max_utf16(value, max));
    cx.leave(mark);
}
