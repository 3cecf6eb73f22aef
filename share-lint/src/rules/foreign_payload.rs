//! SM109 `foreign-payload`: the parameters of another API's share call — WeChat JS-SDK,
//! DingTalk, WeCom, uni-app, WeChat OpenSDK — passed to `shareMessage`, or an external share of
//! the in-app `type: "markdown"`. Recognised in the model (`share-schema/src/model/foreign.rs`).

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::rules::FixInput;

crate::declare_rule! {
    /// ## What it does
    /// Recognises a params object written for a neighbouring API and reports it once, naming
    /// the API and showing the same share written for `shareMessage`, instead of a finding for
    /// every key it does not know:
    ///
    /// - the WeChat JS-SDK's `updateAppMessageShareData` / `onMenuShareAppMessage`
    ///   (`title`, `desc`, `link`, `imgUrl`);
    /// - DingTalk's `biz.util.share` (a numeric `type`, `content`, `url`, `image`);
    /// - WeCom's `sendChatMessage` (`msgtype` with `news`, `miniprogram` or `text`);
    /// - uni-app's `uni.share` (`provider`, `scene`, `href`, `summary`, `miniProgram`);
    /// - the WeChat OpenSDK's `WXMediaMessage` (`thumbData`, `hdImageData`, `mediaObject`,
    ///   `miniprogramType`, `messageExt`, `mediaTagName`; `scene` 1 is Moments).
    ///
    /// It also reports an external share (`channelType`/`channelObject`) of `type:
    /// "markdown"`, a type only the in-app share has, and a `channelType` entry written as a
    /// WeChat OpenSDK scene (`WXSceneTimeline` or `timeline` for `wx_moments`, `WXSceneSession` or
    /// `session` for `wx`). The OpenSDK's `thumbData` and `hdImageData` inside a `channelObject`
    /// are unknown keys answered with "did you mean `thumbImage`?".
    ///
    /// ## Why is this bad?
    /// `ksoxz_sdk.shareMessage` reads `type`, `channelType` and `channelObject` (or `content`
    /// for the in-app share); it ignores or rejects the other APIs' keys, so nothing is shared.
    /// The JS-SDK's `updateAppMessageShareData` only sets what WeChat's own menu shares inside
    /// WeChat's browser; in WPS协作 the share goes through `shareMessage`. WeChat opens a mini
    /// program card from its original ID (`gh_…`, `userName`), not from the `appid` WeCom and
    /// uni-app use, and a thumbnail is the image's base64 text (`thumbImage`), not a URL.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "title": "金山软件欢迎你加入",
    ///   "desc": "一起来创造无限可能",
    ///   "link": "https://www.kingsoft.com/",
    ///   "imgUrl": "https://www.kingsoft.com/logo.png"
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
    ///     "description": "一起来创造无限可能",
    ///     "webpageUrl": "https://www.kingsoft.com/",
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAPoAAADI…" // the logo's bare base64
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// The fix is unsafe: it changes what is shared (applied only with `--unsafe-fixes`). For the
    /// WeChat JS-SDK's parameters it replaces the object with the web page card shown in the help (`title`,
    /// `desc` → `description`, `link` → `webpageUrl`, to a WeChat chat), which is what the
    /// JS-SDK call meant, but it drops `imgUrl` (a URL is not a thumbnail; add the image's
    /// base64 as `thumbImage`). The comments inside the object are kept, in their order, each on
    /// its own line above the card. The other APIs' mappings need a decision (a channel, the mini
    /// program's `gh_` ID) and have no automatic fix.
    pub struct ForeignPayload {
        rule: FOREIGN_PAYLOAD,
        fix: Unsafe,
        fixer: Self::fix,
    }
}

impl ForeignPayload {
    /// The JS-SDK's parameters replaced by the `shareMessage` payload in the finding, when the
    /// model marks it `mechanical`.
    fn fix(input: &FixInput<'_>) -> Option<Fix> {
        // The model says which equivalents map key for key (the JS-SDK's web page card).
        if input.violation.param("mechanical") != Some(&serde_json::Value::Bool(true)) {
            return None;
        }
        let equivalent = input.violation.param("equivalent")?;
        // Nothing is lost but what the fix says it changes: the object's comments (the file's,
        // JSON's or a script's) stay, above the card that replaces it (its keys are gone, so no
        // comment keeps its place).
        let span = input.node.span;
        let mut replacement = String::new();
        for comment in input.comments {
            if span.start < comment.span.start && comment.span.end < span.end {
                replacement.push_str(&input.text[comment.span.range()]);
                replacement.push('\n');
            }
        }
        replacement.push_str(&serde_json::to_string_pretty(equivalent).ok()?);
        Some(Fix {
            message: "Write it as a shareMessage web page card".to_owned(),
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                span: input.node.span,
                replacement,
            }],
        })
    }
}
