// The typed builder: every kind of share, built and checked with the model's validators.
use share_schema::builder::{Channels, Share, WebPageShare};
use share_schema::{catalog, ExternalShare, InAppShare, Report, ShareMessage, Validate};

const PNG_5X4: &str = "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAECAAAAABjWKqcAAAADklEQVR42mP4DwIMGCQA7ygT7e4liI8AAAAASUVORK5CYII=";

// A builder can be passed around in its typestate.
fn report_card(url: &str) -> WebPageShare<Channels> {
    Share::web_page(url).title("季度报告").to_chat()
}

fn all() -> Result<Vec<ShareMessage>, Report> {
    let web: ExternalShare = report_card("https://example.com/report")
        .description("2024 年第三季度")
        .thumb_image(PNG_5X4)
        .to_moments()
        .build()?;
    let mini = Share::mini_program("gh_0123456789ab", "https://example.com/fallback")
        .title("报名")
        .path("pages/index/index?from=share")
        .with_share_ticket(true)
        .thumb_image(PNG_5X4)
        .to_chat()
        .build()?;
    let text = Share::text("你好").to_chat().to_moments().build()?;
    let card: InAppShare =
        Share::in_app_web_page("https://www.kingsoft.com/", "金山软件欢迎你加入")
            .image("https://www.kingsoft.com/logo.png")
            .text("描述内容")
            .build()?;
    let md = Share::in_app_markdown("**hi**")
        .show_ai_agent_entrance(true)
        .build()?;
    let plain = Share::in_app_text("你好").build()?;
    Ok(vec![
        web.into(),
        mini.into(),
        text.into(),
        card.into(),
        md.into(),
        plain.into(),
    ])
}

fn main() {
    let all = all().unwrap();
    assert_eq!(all.len(), 6);
    for msg in &all {
        assert!(msg.report().is_empty(), "{msg:?}: {}", msg.report());
        let json = serde_json::to_string(msg).unwrap();
        assert_eq!(&serde_json::from_str::<ShareMessage>(&json).unwrap(), msg);
    }

    let (_, warnings) = Share::web_page("http://example.com/")
        .title("报告")
        .to_chat()
        .build_with_report()
        .unwrap();
    assert_eq!(warnings.as_slice()[0].code(), catalog::INSECURE_URL.code);

    let err = Share::web_page("https://example.com/")
        .title("a".repeat(513))
        .to_chat()
        .build()
        .unwrap_err();
    assert_eq!(err.as_slice()[0].path(), "/channelObject/title");
}
