//! share-schema's `schemars` feature, both ways:
//!
//! - every derived type (and the hand-written payload types) implements `schemars::JsonSchema`
//!   with our schema, so an OpenAPI document built by aide (on schemars 1.x) for an axum route
//!   taking a `ShareMessage` holds it: the examples shipped in `examples/` and documents mutated
//!   from them get the same verdict from that document as from `share_schema::json_schema()`;
//! - a field whose type implements only `schemars::JsonSchema` keeps that schema inside ours.

use aide::axum::routing::post;
use aide::axum::ApiRouter;
use aide::openapi::OpenApi;
use serde_json::{json, Value};
use share_schema::schema::SchemaGenerator;
use share_schema::{PayloadFile, ShareMessage};
use std::path::Path;

async fn share(_: axum::Json<ShareMessage>) -> &'static str {
    "ok"
}

/// The OpenAPI document aide builds for one route taking a `ShareMessage`.
fn openapi_document() -> Value {
    let mut api = OpenApi::default();
    let _router: axum::Router = ApiRouter::new()
        .api_route("/share", post(share))
        .finish_api(&mut api);
    serde_json::to_value(&api).expect("aide's document serializes")
}

/// The payloads in `examples/`, with the call argument's `params` taken out (`ShareMessage` is
/// what is inside it) and each element of an array on its own.
fn example_messages() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut out = Vec::new();
    for sub in ["good", "bad"] {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(sub))
            .expect("examples/ is in the repository")
            .map(|e| e.expect("a directory entry").path())
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("an example reads");
            let parsed = share_json::parse(&text, &share_json::ParseOptions::jsonc());
            let Some(root) = parsed.root else {
                continue;
            };
            let value = root.to_value();
            let items = match value {
                Value::Array(items) => items,
                one => vec![one],
            };
            for (i, item) in items.into_iter().enumerate() {
                let message = match item.get("params") {
                    Some(params) => params.clone(),
                    None => item,
                };
                out.push((format!("{}#{i}", path.display()), message));
            }
        }
    }
    out
}

/// Each message, and each with one change: a key dropped, a value nulled, a key added.
fn documents() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for (name, message) in example_messages() {
        out.push((name.clone(), message.clone()));
        let Value::Object(map) = &message else {
            continue;
        };
        for key in map.keys() {
            let mut dropped = map.clone();
            dropped.remove(key);
            out.push((format!("{name} without {key}"), Value::Object(dropped)));
            let mut nulled = map.clone();
            nulled.insert(key.clone(), Value::Null);
            out.push((format!("{name} with {key} null"), Value::Object(nulled)));
        }
        let mut added = map.clone();
        added.insert("titel".into(), json!("x"));
        out.push((format!("{name} with a typo key"), Value::Object(added)));
    }
    out
}

#[test]
fn an_aide_openapi_document_holds_our_schema() {
    let doc = openapi_document();
    let components = &doc["components"]["schemas"];
    assert!(
        components.get("ShareMessage").is_some(),
        "aide put ShareMessage in its components: {components:#}"
    );
    // The document itself is the schema resource: its `$ref`s point into its components.
    let mut in_doc = doc.clone();
    in_doc["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    in_doc["$ref"] = json!("#/components/schemas/ShareMessage");
    let theirs = jsonschema::options()
        .should_validate_formats(true)
        .build(&in_doc)
        .expect("aide's document compiles as a schema");
    let ours = jsonschema::options()
        .should_validate_formats(true)
        .build(&SchemaGenerator::default().root_for::<ShareMessage>())
        .expect("our schema compiles");
    let docs = documents();
    let (mut valid, mut invalid) = (0, 0);
    for (name, message) in &docs {
        let verdict = ours.is_valid(message);
        assert_eq!(theirs.is_valid(message), verdict, "{name}: {message}");
        if verdict {
            valid += 1;
        } else {
            invalid += 1;
        }
    }
    assert!(
        valid >= 5 && invalid >= 20,
        "{valid} valid, {invalid} invalid"
    );
}

#[test]
fn schemars_own_generator_gives_our_schema_for_a_payload_file() {
    let theirs = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<PayloadFile>();
    let theirs = jsonschema::validator_for(theirs.as_value()).expect("compiles");
    let ours = jsonschema::validator_for(&share_schema::json_schema()).expect("compiles");
    for (name, message) in documents() {
        let file = json!([{ "params": message }]);
        assert_eq!(theirs.is_valid(&file), ours.is_valid(&file), "{name}");
    }
}

/// A type that derives schemars' own `JsonSchema` beside ours says `no_schemars` (otherwise the
/// two impls conflict once the feature is on anywhere in the build).
#[derive(serde::Deserialize, schemars::JsonSchema, share_schema::Validate)]
#[share(no_schemars)]
#[allow(dead_code)] // read by serde only
struct Both {
    #[share(max_chars = 4)]
    name: String,
}

#[test]
fn no_schemars_leaves_schemars_its_own_derive() {
    let theirs = schemars::schema_for!(Both);
    // schemars' derive, not ours: it knows nothing of `max_chars`.
    assert_eq!(
        theirs.as_value()["properties"]["name"],
        json!({"type": "string"})
    );
    let ours = SchemaGenerator::default().root_for::<Both>();
    assert_eq!(ours["properties"]["name"]["maxLength"], json!(4));
}

/// A type of another crate's that only schemars describes.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[allow(dead_code)] // read by serde only
struct Legacy {
    code: u8,
    label: String,
}

#[derive(serde::Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by serde only
struct Wrapper {
    #[share(max_chars = 4)]
    name: String,
    legacy: Legacy,
    more: Vec<Legacy>,
}

#[test]
fn a_field_described_only_by_schemars_keeps_its_schema() {
    let schema = SchemaGenerator::default().root_for::<Wrapper>();
    assert_eq!(
        schema["properties"]["legacy"],
        json!({"$ref": "#/$defs/Legacy"})
    );
    assert_eq!(
        schema["$defs"]["Legacy"]["required"],
        json!(["code", "label"])
    );
    let v = jsonschema::validator_for(&schema).expect("compiles");
    let good = json!({"name": "ab", "legacy": {"code": 1, "label": "x"}, "more": []});
    assert!(v.is_valid(&good));
    let bad = json!({"name": "ab", "legacy": {"code": 300, "label": "x"}, "more": []});
    assert!(!v.is_valid(&bad));
    let bad_item = json!({"name": "ab", "legacy": {"code": 1, "label": "x"}, "more": [{}]});
    assert!(!v.is_valid(&bad_item));
}
