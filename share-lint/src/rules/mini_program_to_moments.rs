//! SM301 `mini-program-to-moments`: a mini program card shared to WeChat Moments, which WeChat
//! does not support.

use crate::diagnostic::{Applicability, Fix};
use crate::fix::remove_elements;
use crate::json::NodeKind;
use crate::rules::FixInput;

crate::declare_rule! {
    /// ## What it does
    /// Checks that a `miniProgram` share does not list `wx_moments` in `channelType`.
    ///
    /// ## Why is this bad?
    /// WeChat shares mini program cards to chats (sessions) only: its share docs list Moments
    /// as unsupported for mini programs, and the vendor page "shareMessage（第三方 app）" says the
    /// same under `type` (小程序不支持分享到朋友圈, "mini programs cannot be shared to Moments").
    /// A share to `wx_moments` fails on that channel.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "miniProgram",
    ///   "channelType": ["wx", "wx_moments"],
    ///   "channelObject": {
    ///     "title": "金山文档",
    ///     "webpageUrl": "https://www.kdocs.cn/",
    ///     "userName": "gh_d43f693ca31f",
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAPoAAADI…" // bare base64, shortened here
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
    ///     "userName": "gh_d43f693ca31f",
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAPoAAADI…"
    ///   }
    /// }
    /// ```
    ///
    /// To reach Moments, share a `webPage` card of the same page instead.
    ///
    /// ## Fix safety
    /// The fix is unsafe: it removes `"wx_moments"` from `channelType`, which changes where the
    /// share goes and leaves `channelType` empty when Moments was the only channel (applied only
    /// with `--unsafe-fixes`). It removes `"wx_moments"` with its own comments and one comma, and
    /// nothing else: a comment after it on its line, before it on its line, or on the lines
    /// directly above it (no blank line between) goes with it; every other comment stays, beside
    /// the element it was written for.
    pub struct MiniProgramToMoments {
        rule: MINI_PROGRAM_TO_MOMENTS,
        fix: Unsafe,
        fixer: Self::fix,
    }
}

impl MiniProgramToMoments {
    /// Removes `wx_moments` from `channelType`.
    fn fix(input: &FixInput<'_>) -> Option<Fix> {
        let (NodeKind::Array(items), serde_json::Value::Array(values)) =
            (&input.node.kind, input.value)
        else {
            return None;
        };
        let moments: Vec<usize> = (0..items.len())
            .filter(|&i| values[i] == "wx_moments")
            .collect();
        Some(Fix {
            message: "Remove `wx_moments` from `channelType` (the mini program is then shared to chats only)".into(),
            applicability: Applicability::Unsafe,
            edits: remove_elements(input.text, input.node, &moments)?,
        })
    }
}
