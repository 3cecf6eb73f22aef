//! The payload schema in an editor: the real `vscode-json-languageservice` (what VS Code runs)
//! completes every key before the share's kind is known, offers the six snippets, names the
//! broken rule in our words at the right token, and shows a hover on `type`; Ajv compiles it in
//! strict mode (with the editor keywords declared) and agrees with the linter's verdicts. The
//! harness is `tests/editor/editor.cjs`; `scripts/test` installs both from npm.

use serde_json::Value;
use share_schema::schema::editor::VOCABULARY;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What the harness says of `docs` (a `|` is the cursor) under the committed schema file.
fn editor(docs: &[&str]) -> Value {
    let mut child = Command::new("node")
        .arg(root().join("tests/editor/editor.cjs"))
        .arg(root().join("share-message.schema.json"))
        .arg(serde_json::to_string(VOCABULARY).unwrap())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs (scripts/test installs the npm packages)");
    let input = serde_json::to_vec(docs).unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

fn messages(case: &Value) -> Vec<(String, String)> {
    case["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["message"].as_str().unwrap().to_owned(),
                d["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

const MOMENTS: &str = r#"{"type": "miniProgram", "channelType": ["wx_moments"], "channelObject": {"webpageUrl": "https://example.com", "userName": "gh_0123456789ab"}}"#;
const BAD_WEB_PAGE: &str = r#"{"type": "webPage", "channelType": ["wx"], "channelObject": {"webpageUrl": "not a url", "thumbImage": "data:image/png;base64,AAAA"}}"#;

#[test]
fn an_editor_completes_names_and_explains_in_our_words() {
    let out = editor(&[
        "{|}",
        "|",
        r#"{"type": "webPage", "channelType": ["wx"], "channelObject": {|}}"#,
        MOMENTS,
        BAD_WEB_PAGE,
        r#"{"ty|pe": "webPage", "content": {"url": "https://example.com", "title": "t"}}"#,
        r#"{"type": "miniProgram", |}"#,
        r#"[|]"#,
        r#"{"params": |}"#,
    ]);
    let cases = out["cases"].as_array().unwrap();

    // Every key, before the share's kind is known.
    let top = strings(&cases[0]["completions"]);
    for key in [
        "type",
        "channelType",
        "channelObject",
        "content",
        "showAIAgentEntrance",
    ] {
        assert!(top.contains(&key.to_owned()), "{key}: {top:?}");
    }
    // The six shapes, in an empty file and in an array.
    for case in [&cases[1], &cases[7], &cases[8]] {
        let labels = strings(&case["completions"]);
        for snippet in [
            "External: text to WeChat",
            "External: web page to WeChat",
            "External: mini program to a WeChat chat",
            "In-app: text",
            "In-app: markdown",
            "In-app: web page card",
        ] {
            assert!(
                labels.contains(&snippet.to_owned()),
                "{snippet}: {labels:?}"
            );
        }
    }
    // Inside a web page's channelObject: its keys.
    let inside = strings(&cases[2]["completions"]);
    for key in ["title", "description", "webpageUrl", "thumbImage"] {
        assert!(inside.contains(&key.to_owned()), "{key}: {inside:?}");
    }

    // A mini program to Moments: SM301 at `channelType`'s array.
    let moments = messages(&cases[3]);
    assert!(
        moments
            .iter()
            .any(|(m, at)| m.starts_with("SM301 mini-program-to-moments: ")
                && at.contains("wx_moments")),
        "{moments:?}"
    );
    assert!(
        !moments
            .iter()
            .any(|(m, _)| m.contains("Matches a schema that is not allowed")),
        "{moments:?}"
    );

    // A bad URL and a `data:` thumbnail: our rules, never a regular expression.
    let web = messages(&cases[4]);
    assert!(
        web.iter()
            .any(|(m, at)| m.starts_with("SM501 invalid-url: ") && at == "\"not a url\""),
        "{web:?}"
    );
    assert!(
        web.iter()
            .any(|(m, at)| m.starts_with("SM601 invalid-thumbnail: ") && at.starts_with("\"data:")),
        "{web:?}"
    );
    assert!(!web.iter().any(|(m, _)| m.contains("pattern")), "{web:?}");

    // A hover on `type`.
    let hover = cases[5]["hover"].as_str().unwrap_or_default();
    assert!(hover.contains("webPage"), "{hover:?}");

    // A mini program without its keys: what it misses, not "Value is not accepted".
    let missing = messages(&cases[6]);
    assert!(
        missing.iter().any(|(m, _)| m.contains("channelType")),
        "{missing:?}"
    );
    let completions = strings(&cases[6]["completions"]);
    assert!(
        completions.contains(&"channelObject".to_owned()),
        "{completions:?}"
    );
}

#[test]
fn ajv_compiles_it_in_strict_mode_and_agrees_with_the_validators() {
    let examples = root().join("../examples");
    let mut docs: Vec<(String, bool)> = Vec::new();
    for dir in ["good", "bad"] {
        for entry in std::fs::read_dir(examples.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                let value: Value = serde_json::from_str(&text).unwrap();
                let ours = serde_json::from_value::<share_schema::PayloadFile>(value)
                    .ok()
                    .is_some_and(|file| share_schema::Validate::validate(&file).is_ok());
                docs.push((text, ours));
            }
        }
    }
    docs.push((MOMENTS.to_owned(), false));
    docs.push((BAD_WEB_PAGE.to_owned(), false));
    let texts: Vec<&str> = docs.iter().map(|(t, _)| t.as_str()).collect();
    let out = editor(&texts);
    assert_eq!(out["ajv"]["ok"], true, "{}", out["ajv"]["error"]);
    let verdicts = out["ajv"]["verdicts"].as_array().unwrap();
    for ((text, ours), verdict) in docs.iter().zip(verdicts) {
        // The schema is a sound relaxation: what it refuses, the validators refuse.
        if verdict == false {
            assert!(!ours, "Ajv refuses what validate() accepts:\n{text}");
        }
    }
    assert!(
        docs.iter()
            .zip(verdicts)
            .any(|((_, ours), v)| *ours && v == true),
        "a good example passes"
    );
    assert_eq!(verdicts[verdicts.len() - 1], false);
    assert_eq!(verdicts[verdicts.len() - 2], false);
}

#[test]
fn the_schemastore_entry_names_the_schema() {
    let entry: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("../docs/schemastore-catalog-entry.json")).unwrap(),
    )
    .unwrap();
    let schema = share_schema::json_schema();
    assert_eq!(entry["url"], schema["$id"]);
    assert_eq!(
        strings(&entry["fileMatch"]),
        ["*.share.json", "*.share.jsonc"]
    );
    for key in ["name", "description"] {
        assert!(entry[key].as_str().is_some_and(|s| s.len() > 10), "{key}");
    }
}
