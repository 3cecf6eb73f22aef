//! `SM803` `ai-agent-entrance-client`: `showAIAgentEntrance` for clients too old to know it.

use super::unsupported_client::client_too_old;
use crate::settings::Policy;
use share_schema::{limits, Context, ShareMessage};

crate::declare_rule! {
    /// ## What it does
    /// Reports `showAIAgentEntrance` (with either value) when `[policy] min-client-version` is
    /// below 5.33.0, the first client version that knows the key.
    ///
    /// ## Why is this bad?
    /// Clients older than 5.33 do not show the AI agent entrance, so users of the oldest clients
    /// the project supports get a different card than the payload asks for.
    ///
    /// ## Example
    /// ```jsonc
    /// // share-lint.toml: [policy] min-client-version = "5.0.0"
    /// {
    ///   "type": "text",
    ///   "content": { "text": "问问 AI 助手" },
    ///   "showAIAgentEntrance": true
    /// }
    /// ```
    ///
    /// ## Use instead
    /// Drop the key, or raise `min-client-version` to 5.33.0 if older clients do not matter:
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "content": { "text": "问问 AI 助手" }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. Whether newer clients should show the entrance is the
    /// project's decision.
    pub struct AiAgentEntranceClient {
        rule: AI_AGENT_ENTRANCE_CLIENT,
        fix: None,
    }
}

impl AiAgentEntranceClient {
    /// Reports `showAIAgentEntrance` when supported clients predate it; `cx` is at the params
    /// object.
    pub fn check(message: &ShareMessage, policy: &Policy, cx: &mut Context) {
        let (Some(value), Some(min)) =
            (message.show_ai_agent_entrance(), policy.min_client_version)
        else {
            return;
        };
        let first = limits::AI_AGENT_ENTRANCE_MIN_CLIENT;
        if min >= first {
            return;
        }
        let rule = Self::RULE;
        let message = format!(
            "`showAIAgentEntrance: {value}` has no effect on the oldest supported clients: \
             client {{min}} is older than {{first}}, the first that knows `showAIAgentEntrance`"
        );
        let v = client_too_old(
            rule.rule,
            min,
            first,
            &message,
            "remove it, or raise `min-client-version` to {first} if older clients do not matter",
        );
        let mark = cx.enter_key("showAIAgentEntrance");
        cx.push(v);
        cx.leave(mark);
    }
}
