//! SM303 `duplicate-channel`: the same channel listed twice in `channelType`.

use crate::diagnostic::{Applicability, Fix};
use crate::fix::remove_elements;
use crate::json::NodeKind;
use crate::rules::FixInput;
use std::collections::HashSet;

crate::declare_rule! {
    /// ## What it does
    /// Checks that no channel appears twice in `channelType`.
    ///
    /// ## Why is this bad?
    /// `channelType` is a set of destinations, `wx` and/or `wx_moments` (vendor page
    /// "shareMessage（第三方 app）"). The page does not say what the client does with a repeated
    /// channel — ignore it, or open the WeChat share sheet twice — so the result depends on the
    /// client. A repeat is almost always a copy-and-paste slip, often for the other channel.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx", "wx"],
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"], // or ["wx", "wx_moments"] if Moments was meant
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// The fix is safe: it removes the later duplicate, which leaves the same set of channels.
    /// It removes the duplicate with its own comments and one comma, and nothing else: a comment
    /// after it on its line, before it on its line, or on the lines directly above it (no blank
    /// line between) goes with it; every other comment stays, beside the element it was
    /// written for.
    pub struct DuplicateChannel {
        rule: DUPLICATE_CHANNEL,
        fix: Safe,
        fixer: Self::fix,
    }
}

impl DuplicateChannel {
    /// Removes every later repeat of a channel.
    fn fix(input: &FixInput<'_>) -> Option<Fix> {
        let (NodeKind::Array(items), serde_json::Value::Array(values)) =
            (&input.node.kind, input.value)
        else {
            return None;
        };
        let mut seen = HashSet::new();
        let dups: Vec<usize> = (0..items.len())
            .filter(|&i| !seen.insert(values[i].to_string()))
            .collect();
        Some(Fix {
            message: "Remove the repeated channel".into(),
            applicability: Applicability::Safe,
            edits: remove_elements(input.text, input.node, &dups)?,
        })
    }
}
