//! `SM802` `unsupported-client`: a share that some client the project supports does not have.

use crate::settings::{Platform, Policy};
use share_schema::{limits, Context, ShareMessage, Violation};

crate::declare_rule! {
    /// ## What it does
    /// Reports a share that a client the configuration supports does not have:
    ///
    /// - an external share (to WeChat: `channelType` / `channelObject`) when
    ///   `[policy] min-client-version` is below 4.25.0, or when `platforms` includes `"pc"`;
    /// - an in-app share (`content`) when `min-client-version` is below 2.1.0.
    ///
    /// It is reported at `channelType` (external share) or `content` (in-app share).
    ///
    /// ## Why is this bad?
    /// The external share exists on iOS and Android WPS协作 from 4.25.0 and not on PC; the in-app
    /// share from 2.1.0. On an older client, or on PC, the call fails and nothing is shared.
    ///
    /// When a share does nothing at all, the payload is seldom the cause: the page must pass
    /// the JSAPI authorisation first (`ksoxz_sdk.config({params: {appId, timeStamp, nonceStr,
    /// signature}})`; its errors are `1001101` App ID not exist, `1001102` App not enabled,
    /// `1401003` Signature error, `1401004` Auth ticket expired), and `await
    /// ksoxz_sdk.canIUse('shareMessage')` tells whether the client in hand has the call. Check
    /// both before the payload.
    ///
    /// ## Example
    /// ```jsonc
    /// // share-lint.toml: [policy] min-client-version = "4.20.0", platforms = ["ios", "android", "pc"]
    /// {
    ///   "type": "text",
    ///   "channelType": ["wx"],
    ///   "channelObject": { "text": "下午三点开会" }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// Use the in-app share, which every supported client has, or raise `min-client-version` to
    /// 4.25.0 and drop `"pc"` from `platforms` if the page only runs on newer mobile clients:
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "content": { "text": "下午三点开会" }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. Which share to use, or which clients to support, is the
    /// project's decision.
    pub struct UnsupportedClient {
        rule: UNSUPPORTED_CLIENT,
        fix: None,
    }
}

impl UnsupportedClient {
    /// Reports `message` when a supported client version or platform lacks its share variant;
    /// `cx` is at the params object.
    pub fn check(message: &ShareMessage, policy: &Policy, cx: &mut Context) {
        let rule = Self::RULE;
        match message {
            ShareMessage::External(_) => {
                let mark = cx.enter_key("channelType");
                if let Some(min) = policy.min_client_version {
                    let first = limits::EXTERNAL_SHARE_MIN_CLIENT;
                    if min < first {
                        cx.push(client_too_old(
                            rule.rule,
                            min,
                            first,
                            "this payload shares to WeChat, but client {min} is older than {first}, \
                             the first with the external share",
                            "use the in-app share (`content`), or raise `min-client-version` to \
                             {first} if older clients need not share",
                        ));
                    }
                }
                if policy
                    .platforms
                    .as_ref()
                    .is_some_and(|p| p.contains(&Platform::Pc))
                {
                    let v = Violation::new(
                        rule.rule,
                        "",
                        "this payload shares to WeChat, but the PC client, which `platforms` \
                         includes, has no external share",
                    )
                    .with_help(
                        "use the in-app share (`content`), which PC has, or remove \"pc\" from \
                         `platforms` if the page never runs on PC",
                    )
                    .with_param("platform", "pc");
                    cx.push(v);
                }
                cx.leave(mark);
            }
            ShareMessage::InApp(_) => {
                let Some(min) = policy.min_client_version else {
                    return;
                };
                let first = limits::IN_APP_SHARE_MIN_CLIENT;
                if min < first {
                    let v = client_too_old(
                        rule.rule,
                        min,
                        first,
                        "client {min} is older than {first}, the first with the in-app share",
                        "raise `min-client-version` to {first} or later; older clients cannot share",
                    );
                    let mark = cx.enter_key("content");
                    cx.push(v);
                    cx.leave(mark);
                }
            }
        }
    }
}

/// A client version as people write it: `(4, 25, 0)` → `4.25.0`.
fn version_text(v: (u32, u32, u32)) -> String {
    format!("{}.{}.{}", v.0, v.1, v.2)
}

/// A violation of `rule` because the oldest supported client, `min`, is older than `first`, the
/// first that has what the payload uses. `message` and `help` get `{min}` and `{first}` replaced
/// by the versions; the violation carries both as `actual` and `limit`.
pub(crate) fn client_too_old(
    rule: &'static share_schema::catalog::Rule,
    min: (u32, u32, u32),
    first: (u32, u32, u32),
    message: &str,
    help: &str,
) -> share_schema::Violation {
    let (min, first) = (version_text(min), version_text(first));
    let fill = |text: &str| text.replace("{min}", &min).replace("{first}", &first);
    share_schema::Violation::new(rule, "", fill(message))
        .with_help(fill(help))
        .with_param("actual", min)
        .with_param("limit", first)
}
