//! `#[share(typescript)]` on a user's own types: the declarations follow serde's names, optional
//! keys and tags, rules narrow the types, and the real `tsc` accepts the output and checks a
//! program against it.

use share_schema::typescript::TsGenerator;
use share_schema::Validate;
use std::path::PathBuf;

/// Where the order ships.
#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[share(typescript)]
struct Order {
    /// The buyer's address.
    #[share(email)]
    contact_email: String,
    /// At least one line.
    #[share(non_empty)]
    lines: Vec<Line>,
    #[serde(default)]
    gift: bool,
    note: Option<String>,
    #[serde(rename = "delivery-kind")]
    delivery: Delivery,
    #[serde(skip)]
    #[allow(dead_code)]
    internal: u32,
}

#[derive(serde::Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[share(typescript)]
struct Line {
    sku: String,
    #[share(range(min = 1))]
    count: u32,
}

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[share(typescript)]
enum Delivery {
    /// Picked up in store.
    Pickup,
    /// Sent by post.
    Post { address: String },
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "lowercase")]
#[share(typescript)]
enum Size {
    Small,
    #[serde(alias = "med")]
    Medium,
}

/// Rules that only warn do not narrow; a field read by a function takes any JSON.
#[derive(serde::Deserialize, Validate)]
#[share(typescript)]
struct Soft {
    #[share(non_empty(severity = "warning"))]
    tags: Vec<String>,
    #[serde(deserialize_with = "lenient")]
    count: u32,
    #[serde(default, deserialize_with = "lenient_opt")]
    limit: Option<u32>,
}

fn lenient<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(v.as_u64().unwrap_or(0) as u32)
}

fn lenient_opt<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    lenient(d).map(Some)
}

use serde::Deserialize as _;

fn declarations() -> String {
    let mut gen = TsGenerator::default();
    gen.reference::<Order>();
    gen.reference::<Size>();
    gen.reference::<Soft>();
    gen.declarations()
}

#[test]
fn other_keys_pass_without_deny_unknown_fields_and_items_take_null() {
    let d = declarations();
    // `Soft` does not deny unknown fields: serde ignores them.
    let soft = &d[d.find("export type Soft").unwrap()..];
    assert!(soft.contains("  [key: string]: unknown;"), "{soft}");
    let order = &d[d.find("export type Order").unwrap()..d.find("export type Size").unwrap()];
    assert!(!order.contains("[key: string]"), "{order}");
    let mut gen = TsGenerator::default();
    assert_eq!(
        gen.reference::<Vec<Option<String>>>(),
        "readonly (string | null)[]"
    );
}

#[test]
fn only_errors_narrow_and_functions_take_anything() {
    let d = declarations();
    assert!(d.contains("  tags: readonly string[];"), "{d}");
    assert!(d.contains("  count: unknown;"), "{d}");
    assert!(d.contains("  limit?: unknown;"), "{d}");
}

#[test]
fn declarations_follow_serde_and_the_rules() {
    let d = declarations();
    assert!(d.contains("export type Order = {"), "{d}");
    assert!(d.contains("  contactEmail: string;"), "{d}");
    assert!(d.contains("  lines: readonly [Line, ...Line[]];"), "{d}");
    assert!(d.contains("  gift?: boolean;"), "{d}");
    assert!(
        d.contains("  note?: string | null;"),
        "serde reads null: {d}"
    );
    assert!(d.contains("  \"delivery-kind\": Delivery;"), "{d}");
    assert!(!d.contains("internal"), "skipped: {d}");
    assert!(
        d.contains("export type Size = \"small\" | \"medium\" | \"med\";"),
        "{d}"
    );
    assert!(d.contains("  kind: \"pickup\";"), "{d}");
    assert!(d.contains("  kind: \"post\";\n  address: string;"), "{d}");
    // The field's doc, then its rule.
    assert!(d.contains("   * The buyer's address.\n   * - `"), "{d}");
}

#[test]
fn tsc_checks_a_program_against_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("order.d.ts"), declarations()).unwrap();
    std::fs::write(
        dir.path().join("use.ts"),
        r#"import type { Order } from "./order";
const ok: Order = { contactEmail: "a@b.c", lines: [{ sku: "x", count: 1 }], "delivery-kind": { kind: "pickup" } };
// @ts-expect-error: no lines
const empty: Order = { contactEmail: "a@b.c", lines: [], "delivery-kind": { kind: "pickup" } };
// @ts-expect-error: a post without its address
const post: Order = { contactEmail: "a@b.c", lines: [{ sku: "x", count: 1 }], "delivery-kind": { kind: "post" } };
void ok; void empty; void post;
"#,
    )
    .unwrap();
    let tsc = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../target/tools/node/node_modules/.bin/tsc");
    let out = std::process::Command::new(tsc)
        .current_dir(dir.path())
        .args([
            "--strict",
            "--noEmit",
            "--target",
            "es2022",
            "--module",
            "esnext",
            "--moduleResolution",
            "bundler",
            "use.ts",
        ])
        .output()
        .expect("tsc is installed: run the tests with scripts/test");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
