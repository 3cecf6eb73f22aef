//! Tests of the builders: each builds exactly what deserializing its JSON gives, and `build()`
//! reports what validating that JSON reports.

use super::*;
use crate::{catalog, Channel, ExternalShare, Severity, ShareMessage};
use serde_json::{json, Value};

/// A 5×4 grayscale PNG: bare base64, in the recommended 5:4.
const PNG_5X4: &str = "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAECAAAAABjWKqcAAAADklEQVR42mP4DwIMGCQA7ygT7e4liI8AAAAASUVORK5CYII=";

/// `built` is what deserializing `expected` gives, as the variant's type and as a
/// `ShareMessage`, and it serializes back to `expected`.
fn assert_same<T>(built: T, expected: Value)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug + Clone,
    ShareMessage: From<T>,
{
    let text = expected.to_string();
    let parsed: T = serde_json::from_str(&text).unwrap();
    assert_eq!(built, parsed);
    let message: ShareMessage = serde_json::from_str(&text).unwrap();
    assert_eq!(ShareMessage::from(built.clone()), message);
    let serialized = serde_json::to_string(&built).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&serialized).unwrap(),
        expected
    );
    assert_eq!(serde_json::from_str::<T>(&serialized).unwrap(), built);
}

#[test]
fn text_equals_its_json() {
    let built = Share::text("你好")
        .show_ai_agent_entrance(true)
        .to_chat()
        .to_moments()
        .build()
        .unwrap();
    assert_same(
        built,
        json!({"type": "text", "channelType": ["wx", "wx_moments"],
               "channelObject": {"text": "你好"}, "showAIAgentEntrance": true}),
    );
}

#[test]
fn web_page_equals_its_json() {
    let built = Share::web_page("https://example.com/report")
        .title("季度报告")
        .description("2024 年第三季度")
        .thumb_image(PNG_5X4)
        .to_chat()
        .to_moments()
        .build()
        .unwrap();
    assert_same(
        built,
        json!({"type": "webPage", "channelType": ["wx", "wx_moments"], "channelObject": {
            "title": "季度报告", "description": "2024 年第三季度",
            "webpageUrl": "https://example.com/report", "thumbImage": PNG_5X4}}),
    );
}

#[test]
fn minimal_web_page_equals_its_json() {
    let built = Share::web_page("https://example.com/")
        .to_moments()
        .build()
        .unwrap();
    assert_same(
        built,
        json!({"type": "webPage", "channelType": ["wx_moments"],
               "channelObject": {"webpageUrl": "https://example.com/"}}),
    );
}

#[test]
fn mini_program_equals_its_json() {
    let built = Share::mini_program("gh_0123456789ab", "https://example.com/fallback")
        .title("报名")
        .description("三步报名")
        .path("pages/index/index?from=share")
        .with_share_ticket(true)
        .thumb_image(PNG_5X4)
        .show_ai_agent_entrance(false)
        .to_chat()
        .build()
        .unwrap();
    assert_same(
        built,
        json!({"type": "miniProgram", "channelType": ["wx"], "channelObject": {
            "title": "报名", "description": "三步报名",
            "webpageUrl": "https://example.com/fallback", "userName": "gh_0123456789ab",
            "withShareTicket": true, "thumbImage": PNG_5X4,
            "path": "pages/index/index?from=share"}, "showAIAgentEntrance": false}),
    );
}

#[test]
fn in_app_text_and_markdown_equal_their_json() {
    assert_same(
        Share::in_app_text("你好").build().unwrap(),
        json!({"type": "text", "content": {"text": "你好"}}),
    );
    assert_same(
        Share::in_app_markdown("**hi**")
            .show_ai_agent_entrance(true)
            .build()
            .unwrap(),
        json!({"type": "markdown", "content": {"text": "**hi**"}, "showAIAgentEntrance": true}),
    );
}

#[test]
fn in_app_web_page_equals_its_json() {
    assert_same(
        Share::in_app_web_page("https://www.kingsoft.com/", "金山软件欢迎你加入")
            .image("https://www.kingsoft.com/logo.png")
            .text("描述内容xxx")
            .build()
            .unwrap(),
        json!({"type": "webPage", "content": {"url": "https://www.kingsoft.com/",
            "title": "金山软件欢迎你加入", "image": "https://www.kingsoft.com/logo.png",
            "text": "描述内容xxx"}}),
    );
    assert_same(
        Share::in_app_web_page("https://www.kingsoft.com/", "金山")
            .build()
            .unwrap(),
        json!({"type": "webPage", "content": {"url": "https://www.kingsoft.com/", "title": "金山"}}),
    );
}

#[test]
fn title_over_512_bytes_is_the_validators_error() {
    let title = "a".repeat(513);
    let report = Share::web_page("https://example.com/")
        .title(&title)
        .to_chat()
        .build()
        .unwrap_err();
    let errors: Vec<_> = report.with_severity(Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{report}");
    assert_eq!(errors[0].code(), catalog::TITLE_TOO_LONG.code);
    assert_eq!(errors[0].path(), "/channelObject/title");

    // The same report as validating the same JSON.
    let parsed: ShareMessage = serde_json::from_value(json!({"type": "webPage",
        "channelType": ["wx"],
        "channelObject": {"title": title, "webpageUrl": "https://example.com/"}}))
    .unwrap();
    assert_eq!(parsed.validate().unwrap_err(), report);

    // 512 bytes is allowed.
    assert!(Share::web_page("https://example.com/")
        .title("a".repeat(512))
        .to_chat()
        .build()
        .is_ok());
}

#[test]
fn mini_program_title_over_512_bytes_is_an_error() {
    let report = Share::mini_program("gh_0123456789ab", "https://example.com/")
        .title("长".repeat(171)) // 513 bytes
        .thumb_image(PNG_5X4)
        .to_chat()
        .build()
        .unwrap_err();
    assert!(report
        .iter()
        .any(|v| v.code() == catalog::TITLE_TOO_LONG.code && v.path() == "/channelObject/title"));
}

#[test]
fn data_uri_thumbnail_is_an_error() {
    let thumb = format!("data:image/png;base64,{PNG_5X4}");
    let web = Share::web_page("https://example.com/")
        .title("报告")
        .thumb_image(&thumb)
        .to_chat()
        .build()
        .unwrap_err();
    let mini = Share::mini_program("gh_0123456789ab", "https://example.com/")
        .title("报名")
        .thumb_image(thumb)
        .to_chat()
        .build()
        .unwrap_err();
    for report in [web, mini] {
        let v = report.with_severity(Severity::Error).next().unwrap();
        assert_eq!(v.code(), catalog::INVALID_THUMBNAIL.code);
        assert_eq!(v.path(), "/channelObject/thumbImage");
    }
}

#[test]
fn http_url_builds_with_a_warning() {
    let built = Share::web_page("http://example.com/")
        .title("报告")
        .to_chat()
        .build();
    assert!(built.is_ok());
    let (msg, report) = Share::web_page("http://example.com/")
        .title("报告")
        .to_chat()
        .build_with_report()
        .unwrap();
    assert_eq!(msg, built.unwrap());
    assert_eq!(report.len(), 1, "{report}");
    let v = &report.as_slice()[0];
    assert_eq!(
        (v.code(), v.severity(), v.path()),
        (
            catalog::INSECURE_URL.code,
            Severity::Warning,
            "/channelObject/webpageUrl"
        )
    );
    assert_eq!(report, msg.report());

    let (_, report) = Share::in_app_web_page("http://example.com/", "卡片")
        .build_with_report()
        .unwrap();
    assert!(report
        .iter()
        .any(|v| v.code() == catalog::INSECURE_URL.code && v.path() == "/content/url"));
}

#[test]
fn a_channel_added_twice_is_listed_once() {
    fn channels(msg: ExternalShare) -> Vec<Channel> {
        match msg {
            ExternalShare::Text { channel_type, .. }
            | ExternalShare::WebPage { channel_type, .. }
            | ExternalShare::MiniProgram { channel_type, .. } => channel_type,
        }
    }
    let text = Share::text("你好").to_chat().to_chat().build().unwrap();
    assert_eq!(channels(text), [Channel::Wx]);
    let web = Share::web_page("https://example.com/")
        .to_moments()
        .to_chat()
        .to_moments()
        .to_chat()
        .build()
        .unwrap();
    assert_eq!(channels(web), [Channel::Wx, Channel::WxMoments]);
    let mini = Share::mini_program("gh_0123456789ab", "https://example.com/")
        .to_chat()
        .to_chat()
        .build()
        .unwrap();
    assert_eq!(channels(mini), [Channel::Wx]);
}

#[test]
fn channel_order_does_not_depend_on_call_order() {
    let expected = json!(["wx", "wx_moments"]);
    for msg in [
        Share::text("你好").to_chat().to_moments().build().unwrap(),
        Share::text("你好").to_moments().to_chat().build().unwrap(),
    ] {
        assert_eq!(serde_json::to_value(&msg).unwrap()["channelType"], expected);
    }
}

#[test]
fn errors_found_only_at_build_time_are_reported() {
    let text = Share::text("").to_chat().build().unwrap_err();
    assert_eq!(text.as_slice()[0].code(), catalog::EMPTY_TEXT.code);
    assert_eq!(text.as_slice()[0].path(), "/channelObject/text");

    let swapped = Share::mini_program("https://example.com/", "gh_0123456789ab")
        .to_chat()
        .build()
        .unwrap_err();
    assert!(swapped
        .iter()
        .any(|v| v.code() == catalog::INVALID_URL.code && v.path() == "/channelObject/webpageUrl"));

    let in_app = Share::in_app_web_page("", "").build().unwrap_err();
    let codes: Vec<_> = in_app.iter().map(|v| (v.code(), v.path())).collect();
    assert!(
        codes.contains(&(catalog::EMPTY_URL.code, "/content/url")),
        "{in_app}"
    );
    assert!(
        codes.contains(&(catalog::EMPTY_TITLE.code, "/content/title")),
        "{in_app}"
    );
}

#[test]
fn warnings_alone_do_not_fail_build() {
    // No title, no thumbnail, a placeholder userName: three warnings, no error.
    let (msg, report) = Share::mini_program("gh_xxxxxxxxxxxx", "https://example.com/")
        .to_chat()
        .build_with_report()
        .unwrap();
    assert!(!report.has_errors());
    let mut codes: Vec<_> = report.iter().map(|v| v.code()).collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        [
            catalog::MISSING_TITLE.code,
            catalog::MISSING_MINI_PROGRAM_THUMBNAIL.code,
            catalog::USER_NAME_FORMAT.code
        ]
    );
    assert_eq!(
        Share::mini_program("gh_xxxxxxxxxxxx", "https://example.com/")
            .to_chat()
            .build(),
        Ok(msg)
    );
}
