//! `--fix` keeps comments where they belong and bytes it did not mean to change as written:
//! through the real binary, every fix kind on comment-rich JSONC — comments before, after,
//! between and beside elements, line and block comments, the first, a middle, the last and every
//! element removed, trailing commas — and escapes inside and around an edited string.

mod common;
use common::text;

use std::fs;
use std::process::{Command, Output};

/// A 1×1 PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/// Writes `original` to a `.jsonc` file, runs `share-lint <flags> FILE` on it and returns what the
/// file then holds, with the run's output.
fn fix_file(original: &str, flags: &[&str]) -> (String, Output) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("payload.jsonc");
    fs::write(&path, original).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .current_dir(dir.path())
        .args(flags)
        .arg("payload.jsonc")
        .output()
        .expect("share-lint runs");
    assert_ne!(out.status.code(), Some(2), "{}", text(&out));
    (fs::read_to_string(&path).unwrap(), out)
}

/// A web page payload whose `channelType` is written as `channels`.
fn web_page(channels: &str) -> String {
    format!(
        r#"{{
  // A card for the quarterly report.
  "type": "webPage",
  "channelType": {channels},
  "channelObject": {{
    "title": "季度报告",
    "webpageUrl": "https://example.com/report",
    "thumbImage": "{PNG}"
  }}
}}
"#
    )
}

/// A mini program payload whose `channelType` is written as `channels`.
fn mini_program(channels: &str) -> String {
    format!(
        r#"{{
  "type": "miniProgram",
  "channelType": {channels}, // where it goes
  "channelObject": {{
    "title": "金山文档",
    "webpageUrl": "https://www.kdocs.cn/",
    "userName": "gh_d43f693ca31f",
    "thumbImage": "{PNG}"
  }}
}}
"#
    )
}

/// Each `(before, after)` pair of `channelType` texts: `--fix` (plus `flags`) on `payload(before)`
/// gives exactly `payload(after)`, and fixing that again changes nothing.
fn assert_fixes(payload: fn(&str) -> String, flags: &[&str], cases: &[(&str, &str)]) {
    for (before, after) in cases {
        let (fixed, out) = fix_file(&payload(before), flags);
        assert_eq!(fixed, payload(after), "{before}\n{}", text(&out));
        let (again, out) = fix_file(&fixed, flags);
        assert_eq!(again, fixed, "not idempotent\n{}", text(&out));
    }
}

#[test]
fn removing_a_duplicate_channel_keeps_the_comments_of_the_kept_ones() {
    assert_fixes(
        web_page,
        &["--fix"],
        &[
            // The issue's case: the comment of the item before stays, the removed item's goes.
            (
                "[\n    \"wx\", // chats\n    \"wx\" // chats again\n  ]",
                "[\n    \"wx\" // chats\n  ]",
            ),
            // A middle element, with comments above and after each element.
            (
                "[\n    // first\n    \"wx\", // chats\n    // by mistake\n    \"wx\", /* again */\n    // then Moments\n    \"wx_moments\" // timeline\n  ]",
                "[\n    // first\n    \"wx\", // chats\n    // then Moments\n    \"wx_moments\" // timeline\n  ]",
            ),
            // The last, after a trailing comma (JSONC): the kept element keeps its comma.
            (
                "[\n    \"wx\", // chats\n    \"wx\", // chats again\n  ]",
                "[\n    \"wx\", // chats\n  ]",
            ),
            // Several, with a heading comment after a blank line that belongs to none.
            (
                "[\n    \"wx\",\n\n    // the rest\n\n    \"wx\",\n    \"wx_moments\",\n    \"wx_moments\" /* twice */\n  ]",
                "[\n    \"wx\",\n\n    // the rest\n\n    \"wx_moments\"\n  ]",
            ),
            // One line: comments before and after the comma, block comments over lines above.
            (
                "[\"wx\" /* chats */, /* again */ \"wx\", \"wx_moments\"]",
                "[\"wx\" /* chats */, \"wx_moments\"]",
            ),
            (
                "[\n    \"wx\",\n    /* pasted\n       twice */\n    \"wx\"\n  ]",
                "[\n    \"wx\"\n  ]",
            ),
            // Comments on the brackets' lines belong to the array, not to an element.
            (
                "[ // channels\n    \"wx\",\n    \"wx\"\n    // end of channels\n  ]",
                "[ // channels\n    \"wx\"\n    // end of channels\n  ]",
            ),
        ],
    );
}

#[test]
fn removing_moments_keeps_the_comments_of_the_kept_channels() {
    assert_fixes(
        mini_program,
        &["--unsafe-fixes"],
        &[
            // The first element.
            (
                "[\n    // Moments: not for mini programs\n    \"wx_moments\", // timeline\n    \"wx\" // chats\n  ]",
                "[\n    \"wx\" // chats\n  ]",
            ),
            // The last, with a block comment after its comma.
            (
                "[\"wx\" /* chats */, \"wx_moments\" /* timeline */]",
                "[\"wx\" /* chats */]",
            ),
        ],
    );
    // Every element: the array is left empty (then reported as empty), its own comments kept.
    let (fixed, _) = fix_file(
        &mini_program("[ // only\n    /* timeline */ \"wx_moments\"\n  ]"),
        &["--unsafe-fixes"],
    );
    assert_eq!(fixed, mini_program("[ // only\n  ]"));
}

#[test]
fn wrapping_a_channel_string_moves_no_comment() {
    assert_fixes(
        web_page,
        &["--fix"],
        &[(
            "/* one */ \"wx\" /* channel */",
            "/* one */ [\"wx\"] /* channel */",
        )],
    );
    // Escapes in the wrapped string stay as written.
    assert_fixes(web_page, &["--fix"], &[("\"w\\u0078\"", "[\"w\\u0078\"]")]);
}

#[test]
fn removing_a_data_prefix_keeps_the_string_as_written() {
    let thumb = |value: &str| {
        format!(
            "{{\n  \"type\": \"webPage\", \"channelType\": [\"wx\"],\n  \"channelObject\": {{\n    \"title\": \"caf\\u00e9 \\/ \\ud800\", // escapes\n    \"webpageUrl\": \"https://example.com/\",\n    /* pasted */ \"thumbImage\": {value} // from the designer\n  }}\n}}\n"
        )
    };
    let escaped = PNG.replacen('i', "\\u0069", 1).replace("==", "\\u003d=");
    let cases = [
        // An escape in the prefix goes with it; escapes after it stay exactly as written.
        (
            format!("\"data:image\\/png;base64,{escaped}\""),
            format!("\"{escaped}\""),
        ),
        // A lone surrogate, `\u00e9` and `\/` after the prefix (not a thumbnail then: reported,
        // but not rewritten).
        (
            "\"DATA:image/png;BASE64,\\ud800\\u00e9\\/\"".to_owned(),
            "\"\\ud800\\u00e9\\/\"".to_owned(),
        ),
    ];
    for (before, after) in cases {
        let (fixed, out) = fix_file(&thumb(&before), &["--fix"]);
        assert_eq!(fixed, thumb(&after), "{}", text(&out));
    }
}

#[test]
fn several_fixes_at_once_with_a_byte_order_mark() {
    let original = format!(
        "\u{feff}// shared weekly\n{}",
        web_page("[\n    \"wx\", // chats\n    \"wx\" // again\n  ]").replace(
            &format!("\"thumbImage\": \"{PNG}\""),
            &format!("\"thumbImage\": \"data:image/png;base64,{PNG}\" // pasted")
        )
    );
    let (fixed, out) = fix_file(&original, &["--fix"]);
    let want = format!(
        "// shared weekly\n{}",
        web_page("[\n    \"wx\" // chats\n  ]").replace(
            &format!("\"thumbImage\": \"{PNG}\""),
            &format!("\"thumbImage\": \"{PNG}\" // pasted")
        )
    );
    assert_eq!(fixed, want, "{}", text(&out));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
