//! `include_payload!` gives exactly what `serde_json` + `validate()` give on the same files: the
//! shipped examples, every file shape (params object, call argument, array).

use share_macros::{include_payload, payload};
use share_schema::{PayloadFile, ShareMessage, Validate};

/// The example file read at run time the way a program would: parsed (comments allowed in
/// `.jsonc`), deserialized, validated.
fn at_run_time(relative: &str) -> Vec<ShareMessage> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(path).unwrap();
    let opts = if relative.ends_with(".jsonc") {
        share_json::ParseOptions::jsonc()
    } else {
        share_json::ParseOptions::json()
    };
    let value = share_json::parse(&text, &opts).root.unwrap().to_value();
    let file: PayloadFile = serde_json::from_value(value).unwrap();
    file.items()
        .iter()
        .map(|item| {
            item.params().validate().unwrap();
            item.params().clone()
        })
        .collect()
}

#[test]
fn includes_equal_run_time_parsing() {
    let text: ShareMessage = include_payload!("../examples/good/seed-text.jsonc");
    assert_eq!(vec![text], at_run_time("../examples/good/seed-text.jsonc"));
    let web: ShareMessage = include_payload!("../examples/good/seed-web-page.jsonc");
    assert_eq!(
        vec![web],
        at_run_time("../examples/good/seed-web-page.jsonc")
    );
    let mini: ShareMessage = include_payload!("../examples/good/seed-mini-program.jsonc");
    assert_eq!(
        vec![mini],
        at_run_time("../examples/good/seed-mini-program.jsonc")
    );
    // A call argument `{"params": ...}`: its params.
    let call: ShareMessage = include_payload!("../examples/good/seed-sample-code.json");
    assert_eq!(
        vec![call],
        at_run_time("../examples/good/seed-sample-code.json")
    );
    // An array: a Vec.
    let many: Vec<ShareMessage> = include_payload!("../examples/good/campaign.share.json");
    assert_eq!(many, at_run_time("../examples/good/campaign.share.json"));
}

#[test]
fn payload_equals_run_time_parsing() {
    let built = payload!({ "type": "markdown", "content": { "text": "**周报**" }, "showAIAgentEntrance": true });
    let parsed: ShareMessage = serde_json::from_str(
        r#"{"type": "markdown", "content": {"text": "**周报**"}, "showAIAgentEntrance": true}"#,
    )
    .unwrap();
    assert_eq!(built, parsed);
}
