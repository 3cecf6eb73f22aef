//! The JSON Schema of `share-lint.toml` (`share-lint config-schema`), for editors that check
//! TOML against a schema: Even Better TOML and taplo, through a `#:schema` line or their
//! settings. Written beside the parser it describes (`raw.rs`, `rules.rs`, `globs.rs`,
//! `policy.rs`) from the same lists — the rule registry, the severities, the platforms, the
//! default globs — and held to it by `share-lint/tests/config_schema.rs`: every configuration the
//! parser accepts there validates, and every one it refuses is refused (taplo and the
//! `jsonschema` crate both run it). Draft 7, which both editors read.
//!
//! What a schema cannot say is left to the parser, which reports it at its line and column:
//! a size that overflows, a version number over 4,294,967,295, a host name longer than 253
//! characters or holding a control character, a glob over 4,096 bytes (the schema counts
//! characters), and `max-file-size = 10.0` (JSON Schema's integers include whole floats).

use super::globs::{DEFAULT_EXCLUDE, DEFAULT_INCLUDE, MAX_GLOBS, MAX_GLOB_BYTES};
use super::DEFAULT_MAX_FILE_SIZE;
use crate::rules;
use crate::settings::{LengthUnit, Platform};
use serde_json::{json, Map, Value};
use share_schema::Severity;

/// The address the schema names itself by (it is served from nowhere yet: editors take it from
/// a file, `share-lint config-schema > share-lint.schema.json`).
pub const CONFIG_SCHEMA_ID: &str = "https://share-toolkit.invalid/schemas/share-lint.toml.json";

/// The JSON Schema of `share-lint.toml`.
pub fn config_schema() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": CONFIG_SCHEMA_ID,
        "title": "share-lint.toml",
        "description": "The configuration of share-lint, the linter of ksoxz_sdk.shareMessage payloads: rule severities, which files a directory walk lints, and the project's policy. The nearest share-lint.toml above a file applies to it.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "rules": rules_table("Rule severities, by code (SM603) or name (thumbnail-over-legacy-limit)."),
            "files": files(),
            "policy": policy(),
            "overrides": {
                "description": "Severities for some files only; every matching override applies, in file order, after [rules].",
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["files", "rules"],
                    "properties": {
                        "files": globs("The files this override applies to (globs relative to this file's directory).", 1),
                        "rules": rules_table("Rule severities for these files."),
                    },
                },
            },
        },
        "definitions": {
            "level": {
                "description": "A severity, or `off`.",
                "enum": Severity::ALL.iter().map(|s| s.as_str()).chain(["off"]).collect::<Vec<_>>(),
            },
        },
    })
}

/// A `[rules]` table: each rule by code and by name (for completion, with its summary), never
/// both.
fn rules_table(description: &str) -> Value {
    let mut properties = Map::new();
    let mut not_both = Vec::new();
    for rule in rules::all() {
        let about = format!(
            "{} {}: {} (default: {}).",
            rule.code, rule.name, rule.summary, rule.severity
        );
        for key in [rule.code, rule.name] {
            properties.insert(
                key.to_owned(),
                json!({ "$ref": "#/definitions/level", "description": about }),
            );
        }
        not_both.push(json!({ "not": { "required": [rule.code, rule.name] } }));
    }
    json!({
        "description": description,
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
        "allOf": not_both,
    })
}

/// A list of globs.
fn globs(description: &str, min_items: usize) -> Value {
    json!({
        "description": description,
        "type": "array",
        "minItems": min_items,
        "maxItems": MAX_GLOBS,
        "items": {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_GLOB_BYTES,
            // Only `./` and `/`: no file at all.
            "not": { "pattern": "^(\\./)*/*$" },
        },
    })
}

fn files() -> Value {
    let mut include = globs(
        "Globs a directory walk lints (replaces the default). Files named on the command line are linted whatever their name.",
        1,
    );
    include["default"] = json!(DEFAULT_INCLUDE);
    let mut exclude = globs(
        "Globs a directory walk skips; a match on a directory skips everything under it (replaces the default).",
        0,
    );
    exclude["default"] = json!(DEFAULT_EXCLUDE);
    json!({
        "description": "Which files a directory walk lints, and how they are read.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "include": include,
            "exclude": exclude,
            "json-comments": {
                "description": "Allow `//` and `/* */` comments and trailing commas in `.json` files too.",
                "type": "boolean",
                "default": false,
            },
            "max-file-size": {
                "description": "Larger files are reported rather than read: bytes, or a whole number with a unit: B, KB, MB, GB (powers of 1000), KiB, MiB, GiB (powers of 1024), such as \"10MB\".",
                "default": DEFAULT_MAX_FILE_SIZE,
                "oneOf": [
                    { "type": "integer", "minimum": 1 },
                    { "type": "string", "pattern": "^\\s*0*[1-9][0-9]*\\s*([bB]|[kKmMgG][iI]?[bB])?\\s*$" },
                ],
            },
        },
    })
}

fn policy() -> Value {
    json!({
        "description": "The project's policy (DOMAIN.md §3).",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "private-deployment": {
                "description": "A private-network (私网) deployment: every external share (to WeChat) is an error.",
                "type": "boolean",
                "default": false,
            },
            "min-client-version": {
                "description": "The oldest WPS协作 client the project supports: MAJOR.MINOR.PATCH (\"4.20\" is \"4.20.0\").",
                "type": "string",
                "pattern": "^[0-9]+(\\.[0-9]+){0,2}$",
            },
            "platforms": {
                "description": "The client platforms the project supports.",
                "type": "array",
                "minItems": 1,
                "items": { "enum": Platform::ALL.map(Platform::name) },
            },
            "allowed-hosts": {
                "description": "The only hosts `webpageUrl`, the in-app `url` and `image` may point to; `*.example.com` allows every subdomain of example.com (not example.com itself).",
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "string",
                    "anyOf": [
                        { "pattern": "^(\\*\\.)?[^\\s/?#@*:.][^\\s/?#@*:]*$" },
                        { "pattern": "^(\\*\\.)?\\[[^\\s/?#@*\\]]+\\]\\.?$" },
                    ],
                    // Two dots inside (a trailing dot is dropped first, as the parser does).
                    "not": { "pattern": "\\.\\.." },
                },
            },
            "mini-program-user-names": {
                "description": "The team's own mini programs, the only ones cards may open: original IDs (gh_ and 12 hex digits), not AppIDs.",
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "string",
                    "pattern": "\\S",
                    "not": { "pattern": "^wx[0-9a-fA-F]{16}$" },
                },
            },
            "string-length": {
                "description": "What string limits count: UTF-8 bytes (the default) or UTF-16 units (the Android SDK's).",
                "enum": LengthUnit::ALL.map(LengthUnit::name),
                "default": LengthUnit::default().name(),
            },
        },
    })
}
