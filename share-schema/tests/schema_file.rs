//! The committed `share-message.schema.json` is exactly what `json_schema()` emits, is a valid
//! draft 2020-12 schema, is self-contained, and documents itself for editors.
//!
//! After changing the model: `SHARE_SCHEMA_BLESS=1 cargo test -p share-schema --test schema_file`.

use serde_json::Value;
use std::path::PathBuf;

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("share-message.schema.json")
}

fn emitted_text() -> String {
    let mut text =
        serde_json::to_string_pretty(&share_schema::json_schema()).expect("a Value serializes");
    text.push('\n');
    text
}

#[test]
fn committed_file_equals_emitted_schema() {
    let path = committed_path();
    let emitted = emitted_text();
    if std::env::var_os("SHARE_SCHEMA_BLESS").is_some() {
        std::fs::write(&path, &emitted).expect("write the schema file");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == emitted,
        "{} is out of date: run `SHARE_SCHEMA_BLESS=1 cargo test -p share-schema --test schema_file` and commit it",
        path.display()
    );
}

#[test]
fn schema_is_valid_draft_2020_12() {
    let schema = share_schema::json_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!("the emitted schema is not a valid 2020-12 schema: {e}");
    }
    jsonschema::validator_for(&schema).expect("the schema compiles");
}

fn walk<'a>(v: &'a Value, out: &mut Vec<(&'a str, &'a Value)>) {
    match v {
        Value::Object(map) => {
            for (k, val) in map {
                out.push((k, val));
                walk(val, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
        _ => {}
    }
}

#[test]
fn every_ref_is_local_and_resolves() {
    let schema = share_schema::json_schema();
    let mut nodes = Vec::new();
    walk(&schema, &mut nodes);
    let refs: Vec<&str> = nodes
        .iter()
        .filter(|(k, _)| *k == "$ref")
        .filter_map(|(_, v)| v.as_str())
        .collect();
    assert!(
        !refs.is_empty(),
        "the model uses $defs, so there must be refs"
    );
    for r in refs {
        let name = r
            .strip_prefix("#/$defs/")
            .unwrap_or_else(|| panic!("non-local $ref {r}"));
        assert!(
            schema["$defs"].get(name).is_some(),
            "$ref {r} does not resolve"
        );
    }
}

#[test]
fn documented_for_editors() {
    let schema = share_schema::json_schema();
    assert!(schema["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(schema["description"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    let defs = schema["$defs"].as_object().expect("$defs");
    for (name, def) in defs {
        assert!(
            def.get("description").and_then(Value::as_str).is_some(),
            "$defs/{name} has no description"
        );
    }
    // Every property of the leaf objects carries its doc comment.
    for name in [
        "WebPage",
        "MiniProgram",
        "Text",
        "InAppWebPage",
        "InAppText",
    ] {
        let props = defs[name]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{name} has properties"));
        for (key, prop) in props {
            assert!(
                prop.get("description").is_some(),
                "{name}.{key} has no description"
            );
        }
    }
}
