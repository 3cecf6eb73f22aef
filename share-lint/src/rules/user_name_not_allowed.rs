//! `SM805` `user-name-not-allowed`: a mini program card whose `userName` is not in the
//! configuration's `mini-program-user-names`.

use crate::settings::{shown_list, Policy};
use share_json::text::quote;
use share_schema::{Context, ExternalShare, ShareMessage, Violation};

crate::declare_rule! {
    /// ## What it does
    /// Reports a mini program card whose `userName` (the mini program's original ID, `gh_…`) is
    /// not in `[policy] mini-program-user-names`: the list of the team's own mini programs.
    ///
    /// ## Why is this bad?
    /// WeChat opens a mini program card only when the app that shares it (WPS协作's WeChat AppID)
    /// and the mini program are bound to the same WeChat Open Platform account. A third party's
    /// `userName` — copied from an example, another team's project or a competitor's card — fails
    /// to open, or falls back to `webpageUrl`, whatever else the payload says. The list makes that
    /// requirement a check: only the mini programs the team has bound are shared.
    ///
    /// ## Example
    /// ```jsonc
    /// // share-lint.toml: [policy] mini-program-user-names = ["gh_d43f693ca31f"]
    /// {
    ///   "type": "miniProgram",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山文档",
    ///     "webpageUrl": "https://www.kdocs.cn/",
    ///     "userName": "gh_0123456789ab"
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "miniProgram",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山文档",
    ///     "webpageUrl": "https://www.kdocs.cn/",
    ///     "userName": "gh_d43f693ca31f"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. Only the team knows which of its mini programs was meant.
    pub struct UserNameNotAllowed {
        rule: USER_NAME_NOT_ALLOWED,
        fix: None,
    }
}

impl UserNameNotAllowed {
    /// Reports the `userName` of a mini program card that `policy` does not list; `cx` is at the
    /// params object.
    pub fn check(message: &ShareMessage, policy: &Policy, cx: &mut Context) {
        let Some(allowed) = policy.mini_program_user_names.as_deref() else {
            return;
        };
        let ShareMessage::External(ExternalShare::MiniProgram { channel_object, .. }) = message
        else {
            return;
        };
        let name = &channel_object.user_name;
        // An empty one is `empty-user-name`'s.
        if name.is_empty() || allowed.contains(name) {
            return;
        }
        let shown = quote(name);
        let v = Violation::new(
            Self::RULE.rule,
            "",
            format!(
                "`userName` is `{shown}`, not one of the team's mini programs in `mini-program-user-names` ({})",
                shown_list(allowed)
            ),
        )
        .with_help(format!(
            "WeChat opens only mini programs bound to the same Open Platform account as WPS协作; if `{shown}` is one of yours, add it to `mini-program-user-names` in share-lint.toml"
        ))
        .with_param("userName", name.as_str());
        cx.at_key("channelObject", |cx| cx.at_key("userName", |cx| cx.push(v)));
    }
}
