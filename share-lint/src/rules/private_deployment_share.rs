//! `SM801` `private-deployment-share`: a share to WeChat in a private-network (私网) deployment.

use crate::settings::Policy;
use share_schema::rules::JsonName;
use share_schema::{Context, ShareMessage, Violation};

crate::declare_rule! {
    /// ## What it does
    /// Reports every external share — any payload with `channelType` / `channelObject`, which
    /// shares to WeChat (`wx`) or WeChat Moments (`wx_moments`) — when the configuration declares
    /// a private deployment (`[policy] private-deployment = true`).
    ///
    /// ## Why is this bad?
    /// WPS协作 clients of a private-network (私网) deployment do not support WeChat sharing at all
    /// (the vendor's page says so): the call fails on every client the project ships to.
    ///
    /// ## Example
    /// ```jsonc
    /// // share-lint.toml: [policy] private-deployment = true
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": { "title": "周报", "webpageUrl": "https://intranet.example.com/weekly" }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// Share into a WPS协作 chat with the in-app share:
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "content": { "title": "周报", "url": "https://intranet.example.com/weekly" }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. The in-app share is a different card, shown to different
    /// people.
    pub struct PrivateDeploymentShare {
        rule: PRIVATE_DEPLOYMENT_SHARE,
        fix: None,
    }
}

impl PrivateDeploymentShare {
    /// Reports `message` at its `channelType` when it is an external share and the deployment is
    /// private; `cx` is at the params object.
    pub fn check(message: &ShareMessage, policy: &Policy, cx: &mut Context) {
        let ShareMessage::External(share) = message else {
            return;
        };
        if !policy.private_deployment {
            return;
        }
        let mut names: Vec<&str> = Vec::new();
        for channel in share.channels() {
            let name = channel.json_name();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let to = if names.is_empty() {
            "WeChat".to_owned()
        } else {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("WeChat ({})", quoted.join(", "))
        };
        let rule = Self::RULE;
        let v = Violation::new(
            rule.rule,
            "",
            format!(
                "this payload shares to {to}, which private-deployment (私网) clients do not support"
            ),
        )
        .with_help(
            "share into a WPS协作 chat with the in-app share (`content`, without `channelType` and \
             `channelObject`), or set `private-deployment = false` if the deployment is public",
        )
        .with_param("channels", names);
        let mark = cx.enter_key("channelType");
        cx.push(v);
        cx.leave(mark);
    }
}
