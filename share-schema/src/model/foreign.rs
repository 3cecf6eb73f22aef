//! Payloads written for other APIs (DOMAIN.md, "look-alike payloads"): callers paste the
//! parameters of a neighbouring share call into `shareMessage`. Each shape is recognised by keys
//! no `shareMessage` payload has, reported once (SM109 `foreign-payload`) with the API's name and
//! the same share written for `shareMessage` in the help, instead of a cascade of unknown keys.
//!
//! | API | recognised by |
//! |---|---|
//! | WeChat JS-SDK `updateAppMessageShareData` / `onMenuShareAppMessage` | `link` or `imgUrl` |
//! | DingTalk `biz.util.share` | a numeric `type` |
//! | WeCom `sendChatMessage` | `msgtype` |
//! | uni-app `uni.share` | `provider` or `scene` |
//! | WeChat OpenSDK (`WXMediaMessage`, `SendMessageToWX.Req`) | `thumbData`, `hdImageData`, `mediaObject`, `miniprogramType`, `messageExt`, `mediaTagName` |
//!
//! An external share (`channelType`/`channelObject`) of `type: "markdown"` — a type of the
//! in-app share — is reported here too, pointing to the in-app share; and a `channelType` entry
//! that is a WeChat OpenSDK scene (`WXSceneTimeline`, `timeline`, `WXSceneSession`, `session`)
//! is said as such, with the channel it means, in place of "unknown value".

use crate::structure::get;
use crate::{catalog, Context, Violation};
use serde_json::{json, Map, Value};
use share_json::text::clip;

/// The keys that make a params object the WeChat OpenSDK's.
const OPEN_SDK_KEYS: [&str; 6] = [
    "thumbData",
    "hdImageData",
    "mediaObject",
    "miniprogramType",
    "messageExt",
    "mediaTagName",
];

/// The finding for `map` when it is another API's payload (at the payload, or at its `type`:
/// the violation's path), else `None`.
pub(crate) fn recognise(map: &Map<String, Value>) -> Option<(Option<&'static str>, Violation)> {
    let ours = ["channelType", "channelObject"]
        .iter()
        .any(|k| get(map, k).is_some());
    if ours {
        return (get(map, "type").and_then(Value::as_str) == Some("markdown")).then(|| {
            let v = Violation::new(
                &catalog::FOREIGN_PAYLOAD,
                "",
                "`markdown` is a type of the in-app share (`content`, into WPS协作 chats); the \
                 external share (to WeChat) sends `text`, `webPage` or `miniProgram`",
            )
            .with_help(
                "to share Markdown into a WPS协作 chat: {\"type\": \"markdown\", \"content\": {\"text\": \"...\"}}; \
                 to share to WeChat: {\"type\": \"text\", \"channelType\": [\"wx\"], \"channelObject\": {\"text\": \"...\"}}",
            )
            .with_param("api", "in-app share");
            (Some("type"), v)
        });
    }
    let (api, equivalent) = if get(map, "msgtype").is_some() {
        ("WeCom `sendChatMessage`", wecom(map))
    } else if get(map, "provider").is_some()
        || (get(map, "scene").is_some() && !OPEN_SDK_KEYS.iter().any(|k| get(map, k).is_some()))
    {
        ("uni-app `uni.share`", uni_app(map))
    } else if OPEN_SDK_KEYS.iter().any(|k| get(map, k).is_some()) {
        ("the WeChat OpenSDK (`WXMediaMessage`)", open_sdk(map))
    } else if get(map, "type").is_some_and(Value::is_number) {
        ("DingTalk `biz.util.share`", dingtalk(map))
    } else if (get(map, "link").is_some() || get(map, "imgUrl").is_some())
        && get(map, "content").is_none()
    {
        (
            "the WeChat JS-SDK (`updateAppMessageShareData`)",
            js_sdk(map),
        )
    } else {
        return None;
    };
    let mut v = Violation::new(
        &catalog::FOREIGN_PAYLOAD,
        "",
        format!(
            "these are the parameters of {api}, not of `ksoxz_sdk.shareMessage`, which has no {}",
            keys(map)
        ),
    )
    .with_param("api", api);
    let written = serde_json::to_string(&equivalent).unwrap_or_default();
    let mut help = format!("the same share with shareMessage: {written}");
    if get(map, "thumbData").is_some() || get(map, "hdImageData").is_some() {
        help.push_str(
            "; the image goes in `channelObject.thumbImage`, as the file's bare base64 text",
        );
    } else if mentions_image_url(map) {
        help.push_str(
            "; `thumbImage` takes the image's bare base64 text, not its URL: download the image and add it",
        );
    }
    // The JS-SDK's web page card maps key for key (the linter offers it as an unsafe fix); the
    // other APIs' need a decision: a channel, a mini program's `gh_` ID.
    let mechanical =
        api.contains("JS-SDK") && equivalent["channelObject"].get("webpageUrl").is_some();
    v = v
        .with_help(help)
        .with_param("equivalent", equivalent)
        .with_param("mechanical", mechanical);
    Some((None, v))
}

/// The first few keys of `map` that a `shareMessage` payload has nowhere at its top, quoted.
fn keys(map: &Map<String, Value>) -> String {
    const OURS: [&str; 3] = ["type", "content", "$schema"];
    let shown: Vec<String> = map
        .keys()
        .filter(|k| !OURS.contains(&k.as_str()))
        .take(4)
        .map(|k| clip(k, 24).into_owned())
        .collect();
    crate::structure::list(&shown.iter().map(String::as_str).collect::<Vec<_>>())
}

fn mentions_image_url(map: &Map<String, Value>) -> bool {
    ["imgUrl", "image", "imageUrl", "thumbData", "hdImageData"]
        .iter()
        .any(|k| get(map, k).is_some())
        || ["news", "miniprogram"]
            .iter()
            .any(|k| get(map, k).and_then(|o| o.get("imgUrl")).is_some())
}

/// A string field of `o`, clipped for the help text; `None` when absent or not a string.
fn text(o: &Value, key: &str) -> Option<Value> {
    text_of(o.as_object()?, key)
}

/// [`text`] of the payload's own object.
fn text_of(map: &Map<String, Value>, key: &str) -> Option<Value> {
    get(map, key)?
        .as_str()
        .map(|s| Value::String(clip(s, 120).into_owned()))
}

/// A web page card (or a text share when there is no link) to `channel`.
fn web_page(
    channel: &str,
    title: Option<Value>,
    description: Option<Value>,
    link: Option<Value>,
) -> Value {
    let Some(link) = link else {
        let text = description.or(title).unwrap_or_else(|| json!("..."));
        return json!({"type": "text", "channelType": [channel], "channelObject": {"text": text}});
    };
    let mut card = Map::new();
    if let Some(t) = title {
        card.insert("title".into(), t);
    }
    if let Some(d) = description {
        card.insert("description".into(), d);
    }
    card.insert("webpageUrl".into(), link);
    json!({"type": "webPage", "channelType": [channel], "channelObject": card})
}

/// A mini program card to a WeChat chat (the only channel it can go to), placeholders for what
/// the other API's payload does not say.
fn mini_program(
    title: Option<Value>,
    webpage_url: Option<Value>,
    user_name: Option<Value>,
    path: Option<Value>,
) -> Value {
    json!({
        "type": "miniProgram",
        "channelType": ["wx"],
        "channelObject": {
            "title": title.unwrap_or_else(|| json!("...")),
            "webpageUrl": webpage_url.unwrap_or_else(|| json!("https://...")),
            "userName": user_name.unwrap_or_else(|| json!("gh_...")),
            "path": path.unwrap_or_else(|| json!("")),
        }
    })
}

/// `{title, desc, link, imgUrl}`: a web page card to a WeChat chat.
fn js_sdk(map: &Map<String, Value>) -> Value {
    web_page(
        "wx",
        text_of(map, "title"),
        text_of(map, "desc"),
        text_of(map, "link"),
    )
}

/// `{type: 0.., title, content, url, image}`.
fn dingtalk(map: &Map<String, Value>) -> Value {
    web_page(
        "wx",
        text_of(map, "title"),
        text_of(map, "content"),
        text_of(map, "url"),
    )
}

/// `{msgtype: "news" | "miniprogram" | "text", <msgtype>: {...}}`.
fn wecom(map: &Map<String, Value>) -> Value {
    let kind = get(map, "msgtype").and_then(Value::as_str).unwrap_or("");
    let body = get(map, kind).cloned().unwrap_or(Value::Null);
    match kind {
        "miniprogram" => mini_program(
            text(&body, "title"),
            Some(json!(
                "https://... (the page for clients without mini programs)"
            )),
            Some(json!(
                "gh_... (the mini program's original ID, not its appid)"
            )),
            text(&body, "page"),
        ),
        "text" => {
            json!({"type": "text", "channelType": ["wx"], "channelObject": {"text": text(&body, "content").unwrap_or_else(|| json!("..."))}})
        }
        _ => web_page(
            "wx",
            text(&body, "title"),
            text(&body, "desc"),
            text(&body, "link"),
        ),
    }
}

/// `{provider, scene, type, href, title, summary, imageUrl, miniProgram}`.
fn uni_app(map: &Map<String, Value>) -> Value {
    let channel = match get(map, "scene").and_then(Value::as_str) {
        Some("WXSceneTimeline") => "wx_moments",
        _ => "wx",
    };
    if let Some(mp) = get(map, "miniProgram") {
        return mini_program(
            text_of(map, "title"),
            text(mp, "webUrl"),
            text(mp, "id"),
            text(mp, "path"),
        );
    }
    web_page(
        channel,
        text_of(map, "title"),
        text_of(map, "summary"),
        text_of(map, "href"),
    )
}

/// `WXMediaMessage` fields, perhaps with `scene` (0 a chat, 1 Moments).
fn open_sdk(map: &Map<String, Value>) -> Value {
    let channel = match get(map, "scene").and_then(Value::as_u64) {
        Some(1) => "wx_moments",
        _ => "wx",
    };
    let media = get(map, "mediaObject").cloned().unwrap_or(Value::Null);
    if let Some(user) = text(&media, "userName") {
        return mini_program(
            text_of(map, "title"),
            text(&media, "webpageUrl"),
            Some(user),
            text(&media, "path"),
        );
    }
    let link = text(&media, "webpageUrl").or_else(|| text_of(map, "webpageUrl"));
    web_page(
        channel,
        text_of(map, "title"),
        text_of(map, "description"),
        link,
    )
}

/// The channel an OpenSDK scene name means, for a `channelType` entry written in its words.
fn open_sdk_channel(scene: &str) -> Option<&'static str> {
    match scene {
        "WXSceneTimeline" | "timeline" | "Timeline" => Some("wx_moments"),
        "WXSceneSession" | "session" | "Session" => Some("wx"),
        _ => None,
    }
}

/// Restates the unknown-variant findings (recorded after the first `since`) of `channelType`
/// entries of `map` that are WeChat OpenSDK scene names as `foreign-payload` findings that
/// name the channel meant; `cx` is at the params object.
pub(crate) fn restate_scenes(map: &Map<String, Value>, cx: &mut Context, since: usize) {
    let Some(Value::Array(items)) = get(map, "channelType") else {
        return;
    };
    if !items
        .iter()
        .any(|i| i.as_str().and_then(open_sdk_channel).is_some())
    {
        return;
    }
    let here = cx.path().to_owned();
    let mut found = cx.split_off(since);
    for v in &mut found {
        if v.rule() != &catalog::UNKNOWN_VARIANT {
            continue;
        }
        let Some(index) = v
            .path()
            .strip_prefix(&here)
            .and_then(|p| p.strip_prefix("/channelType/"))
            .and_then(|i| i.parse::<usize>().ok())
        else {
            continue;
        };
        let Some(scene) = items.get(index).and_then(Value::as_str) else {
            continue;
        };
        let Some(channel) = open_sdk_channel(scene) else {
            continue;
        };
        *v = Violation::new(
            &catalog::FOREIGN_PAYLOAD,
            v.path().to_owned(),
            format!(
                "`{scene}` is the WeChat OpenSDK's name for a share scene; `channelType` says `{channel}`"
            ),
        )
        .with_help(format!("write `\"{channel}\"`: `wx` is a WeChat chat, `wx_moments` is Moments"))
        .with_param("api", "the WeChat OpenSDK")
        .with_param("channel", channel);
    }
    cx.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::{Context, Shape, ShareMessage};
    use serde_json::json;

    /// `(code, path, api)` of each finding of `value` read as a `ShareMessage`.
    fn findings(value: serde_json::Value) -> Vec<(String, String, String)> {
        let mut cx = Context::new();
        let _ = ShareMessage::from_json(&value, &mut cx);
        cx.violations()
            .iter()
            .map(|v| {
                let api = v.param("api").and_then(|a| a.as_str()).unwrap_or("");
                (v.code().to_owned(), v.path().to_owned(), api.to_owned())
            })
            .collect()
    }

    #[test]
    fn each_api_is_recognised_once_and_serde_refuses_it_too() {
        let cases = [
            (
                json!({"title": "t", "desc": "d", "link": "https://e.com", "imgUrl": "https://e.com/i.png"}),
                "JS-SDK",
            ),
            (
                json!({"type": 1, "title": "t", "content": "c", "url": "https://e.com"}),
                "DingTalk",
            ),
            (
                json!({"msgtype": "text", "text": {"content": "hi"}}),
                "WeCom",
            ),
            (
                json!({"provider": "weixin", "scene": "WXSceneSession", "type": 1, "summary": "hi"}),
                "uni-app",
            ),
            (
                json!({"title": "t", "thumbData": "AAAA", "scene": 0}),
                "OpenSDK",
            ),
        ];
        for (value, api) in cases {
            let mut cx = Context::new();
            assert!(
                ShareMessage::from_json(&value, &mut cx).is_none(),
                "{value}"
            );
            let found = findings(value.clone());
            assert_eq!(found.len(), 1, "{value}: {found:?}");
            assert_eq!((found[0].0.as_str(), found[0].1.as_str()), ("SM109", ""));
            assert!(found[0].2.contains(api), "{value}: {found:?}");
            let error = serde_json::from_value::<ShareMessage>(value.clone()).unwrap_err();
            assert!(
                error.to_string().contains("SM109") || error.to_string().contains(api),
                "{error}"
            );
        }
        let markdown =
            json!({"type": "markdown", "channelType": ["wx"], "channelObject": {"text": "t"}});
        assert_eq!(findings(markdown)[0].1, "/type");
        // Payloads of this SDK are never mistaken for another's.
        for ours in [
            json!({"type": "text", "content": {"text": "hi"}, "imgUrl": "https://e.com/i.png"}),
            json!({"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}, "link": "x"}),
        ] {
            assert!(findings(ours).iter().all(|f| f.0 != "SM109"));
        }
    }
}
