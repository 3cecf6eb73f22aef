//! SM101 `wrong-type`: a value of the wrong JSON type, such as a string where the SDK expects an
//! array.

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::rules::FixInput;
use serde::Deserialize as _;
use share_schema::Channel;

crate::declare_rule! {
    /// ## What it does
    /// Checks that every value has the JSON type its key requires: `type` a string,
    /// `channelType` an array of strings, `channelObject` and `content` objects, `title`,
    /// `webpageUrl`, `thumbImage` and the other card fields strings, `withShareTicket` and
    /// `showAIAgentEntrance` booleans. `null` is not accepted for an optional key either: omit
    /// the key instead.
    ///
    /// ## Why is this bad?
    /// The vendor page "shareMessage（第三方 app）" gives every parameter a type: `type` is
    /// `String`, `channelType` is `String[]`, `channelObject` one of the `Text`, `WebPage` and
    /// `MiniProgram` objects. The client reads each key with that type, and a value of another
    /// type is not converted: `"channelType": "wx"` is not a list of channels, `"withShareTicket":
    /// "true"` is not a boolean. The share fails, or goes out without the value, with no hint in
    /// the page about which key was wrong.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": "wx", // a string, not an array
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   },
    ///   "showAIAgentEntrance": "false" // a string, not a boolean
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": "https://www.kingsoft.com/"
    ///   },
    ///   "showAIAgentEntrance": false
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// The fix is safe: when `channelType` is a single channel string (`"wx"` or
    /// `"wx_moments"`), it is wrapped in an array (`["wx"]`), which shares to the same place the
    /// string names. The string stays as written (its escapes too) and every comment stays
    /// where it was: the fix only adds the two brackets around the string. Other wrong types have
    /// no automatic fix: the intended value cannot be known.
    pub struct WrongType {
        rule: WRONG_TYPE,
        fix: Safe,
        fixer: Self::fix,
    }
}

impl WrongType {
    /// Wraps a single channel string given as `channelType` in an array.
    fn fix(input: &FixInput<'_>) -> Option<Fix> {
        let path = input.violation.path();
        if !(path.ends_with("/channelType") || path == "/channelType") {
            return None;
        }
        let serde_json::Value::String(s) = input.value else {
            return None;
        };
        // Only a channel's JSON name says what array was meant.
        if Channel::deserialize(input.value).is_err() {
            return None;
        }
        Some(Fix {
            message: format!("Make `channelType` an array: `[\"{s}\"]`"),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: input.node.span,
                // The string as written, not written again from its value.
                replacement: format!("[{}]", &input.text[input.node.span.range()]),
            }],
        })
    }
}
