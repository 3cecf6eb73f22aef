//! Payloads written for other APIs (`tests/fixtures/foreign/`): each recognised once, with the
//! API's name and the `shareMessage` equivalent (full-output snapshots); the JS-SDK's unsafe fix
//! writes the equivalent; an in-app share with a stray key is not mistaken for one.

mod common;

use common::{lint_in as lint, text};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    common::fixtures("foreign")
}

const CASES: [(&str, &str); 8] = [
    ("wechat-js-sdk", "SM109"),
    ("dingtalk", "SM109"),
    ("wecom", "SM109"),
    ("wecom-mini-program", "SM109"),
    ("uni-app", "SM109"),
    ("open-sdk", "SM109"),
    ("markdown-external", "SM109"),
    ("in-app-with-image-url", "SM103"),
];

#[test]
fn open_sdk_names_inside_a_share_message_are_said_as_such() {
    let out = lint(
        &fixtures(),
        &[
            "--color",
            "never",
            "--output-format",
            "concise",
            "open-sdk-scene.jsonc",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let findings: Vec<&str> = stdout.lines().filter(|l| l.contains("[SM")).collect();
    assert_eq!(findings.len(), 2, "{}", text(&out));
    assert!(
        findings[0].contains("[SM109]") && findings[0].contains("`channelType` says `wx_moments`"),
        "{}",
        text(&out)
    );
    assert!(
        findings[1].contains("[SM103]") && findings[1].contains("did you mean `thumbImage`"),
        "{}",
        text(&out)
    );
    let mut snapshots = insta::Settings::clone_current();
    snapshots.set_snapshot_path("snapshots/foreign");
    snapshots.set_prepend_module_to_snapshot(false);
    let full = lint(&fixtures(), &["--color", "never", "open-sdk-scene.jsonc"]);
    snapshots.bind(|| insta::assert_snapshot!("open-sdk-scene", text(&full)));
}

#[test]
fn each_look_alike_is_one_finding_naming_its_api() {
    let mut snapshots = insta::Settings::clone_current();
    snapshots.set_snapshot_path("snapshots/foreign");
    snapshots.set_prepend_module_to_snapshot(false);
    for (case, code) in CASES {
        let file = format!("{case}.jsonc");
        let out = lint(
            &fixtures(),
            &["--color", "never", "--output-format", "concise", &file],
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        let findings: Vec<&str> = stdout.lines().filter(|l| l.contains("[SM")).collect();
        assert_eq!(findings.len(), 1, "{case}: {}", text(&out));
        assert!(findings[0].contains(code), "{case}: {}", text(&out));
        let full = lint(&fixtures(), &["--color", "never", &file]);
        snapshots.bind(|| insta::assert_snapshot!(case, text(&full)));
    }
}

#[test]
fn the_js_sdk_fix_writes_the_shares_equivalent() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("wechat-js-sdk.jsonc"),
        dir.path().join("p.jsonc"),
    )
    .unwrap();
    // Unsafe: not applied by --fix alone.
    let safe = lint(dir.path(), &["--fix", "p.jsonc"]);
    assert_eq!(safe.status.code(), Some(1), "{}", text(&safe));
    let fixed = lint(dir.path(), &["--fix", "--unsafe-fixes", "p.jsonc"]);
    assert_eq!(fixed.status.code(), Some(0), "{}", text(&fixed));
    let written = std::fs::read_to_string(dir.path().join("p.jsonc")).unwrap();
    assert!(written.starts_with("// The WeChat JS-SDK"), "{written}");
    let body: serde_json::Value =
        serde_json::from_str(&written[written.find('{').unwrap()..]).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "type": "webPage",
            "channelType": ["wx"],
            "channelObject": {
                "title": "金山软件欢迎你加入",
                "description": "一起来创造无限可能",
                "webpageUrl": "https://www.kingsoft.com/"
            }
        })
    );
}

/// The fix keeps the comments inside the object, in order, above the card (found by the `fix`
/// fuzz target: a comment after `link`'s value was dropped with the object).
#[test]
fn the_js_sdk_fix_keeps_the_objects_comments() {
    let dir = tempfile::tempdir().unwrap();
    let payload = "// pasted from the JS-SDK\n{\n  \"title\": \"金山软件欢迎你加入\", /* the card's title */\n  \
                \"desc\": \"一起来创造无限可能\",\n  \"link\": \"https://www.kingsoft.com/\"//www.kingsoft.com/logo.png\"\n}\n";
    std::fs::write(dir.path().join("p.jsonc"), payload).unwrap();
    let fixed = lint(dir.path(), &["--fix", "--unsafe-fixes", "p.jsonc"]);
    assert_eq!(fixed.status.code(), Some(0), "{}", text(&fixed));
    let written = std::fs::read_to_string(dir.path().join("p.jsonc")).unwrap();
    let comments = [
        "// pasted from the JS-SDK",
        "/* the card's title */",
        "//www.kingsoft.com/logo.png\"",
    ];
    let mut from = 0;
    for comment in comments {
        let at = written[from..]
            .find(comment)
            .unwrap_or_else(|| panic!("{comment} in {written}"));
        from += at + comment.len();
    }
    let body: serde_json::Value = serde_json::from_str(written[from..].trim_start()).unwrap();
    assert_eq!(
        body["channelObject"]["webpageUrl"],
        "https://www.kingsoft.com/"
    );
}

/// In a script too: the comments come from the JavaScript, which a JSON parser of the object's
/// text would stop reading at its first unquoted key.
#[test]
fn the_js_sdk_fix_keeps_a_scripts_comments() {
    let dir = tempfile::tempdir().unwrap();
    let src = "ksoxz_sdk.shareMessage({ params: {\n  // pasted\n  title: 'T',\n  desc: 'D', \
               /* the text */\n  link: 'https://a.cn/' // the page\n} });\n";
    std::fs::write(dir.path().join("a.js"), src).unwrap();
    let fixed = lint(dir.path(), &["--fix", "--unsafe-fixes", "a.js"]);
    assert_eq!(fixed.status.code(), Some(0), "{}", text(&fixed));
    let written = std::fs::read_to_string(dir.path().join("a.js")).unwrap();
    let mut from = 0;
    for comment in ["// pasted", "/* the text */", "// the page"] {
        let at = written[from..]
            .find(comment)
            .unwrap_or_else(|| panic!("{comment} in {written}"));
        from += at + comment.len();
    }
    assert!(
        written.contains("\"webpageUrl\": \"https://a.cn/\""),
        "{written}"
    );
}
