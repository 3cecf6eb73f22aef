//! No network, no surprises: what the workspace's crates pull in when someone depends on them, or
//! runs the linter, reaches no HTTP client, TLS stack or socket runtime, and the JSON Schema names
//! nothing to fetch.
//!
//! The dependency graph is cargo's own resolution (`cargo metadata --locked`), for every
//! platform, with features unified as `cargo test` builds them. The schema's `$ref`s are checked
//! to be local and to resolve by `share-schema/tests/schema_file.rs`
//! (`every_ref_is_local_and_resolves`), and that it compiles without network access by
//! `schema_is_valid_draft_2020_12` there (jsonschema is built without `resolve-http`, below).

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// The workspace's library and binary crates: what users build.
const SHIPPED: [&str; 6] = [
    "share-schema",
    "share-json",
    "share-lint",
    "share-macros",
    "share-macros-impl",
    "share-derive",
];

/// Crates that speak HTTP, TLS or sockets, or an async runtime that brings them. The HTTP *types*
/// (`http`, `http-body`) open nothing and may be built: share-schema's optional `axum` feature
/// takes a request axum already received, and its test drives a router in-process.
const NETWORK: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "hyper-rustls",
    "hyper-tls",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "h2",
    "h3",
    "quinn",
    "native-tls",
    "rustls",
    "tokio-rustls",
    "openssl",
    "openssl-sys",
    "aws-lc-rs",
    "aws-lc-sys",
    "ring",
    "webpki-roots",
    "rustls-native-certs",
    "tokio",
    "async-std",
    "mio",
    "socket2",
    "tungstenite",
];

/// `cargo metadata`'s answer for this workspace.
struct Graph {
    /// Package id → its name.
    names: BTreeMap<String, String>,
    /// Package id → its dependencies: (package id, whether only as a dev-dependency).
    deps: BTreeMap<String, Vec<(String, bool)>>,
    /// Package id → the features cargo enables on it.
    features: BTreeMap<String, Vec<String>>,
}

fn graph() -> &'static Graph {
    static GRAPH: OnceLock<Graph> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml");
        let out = Command::new(env!("CARGO"))
            .args([
                "metadata",
                "--format-version",
                "1",
                "--locked",
                "--manifest-path",
            ])
            .arg(&manifest)
            .output()
            .expect("cargo runs");
        assert!(
            out.status.success(),
            "cargo metadata failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON");
        let names = meta["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .map(|p| (str_of(&p["id"]), str_of(&p["name"])))
            .collect();
        let mut deps = BTreeMap::new();
        let mut features = BTreeMap::new();
        for node in meta["resolve"]["nodes"].as_array().expect("resolve.nodes") {
            let id = str_of(&node["id"]);
            let edges = node["deps"]
                .as_array()
                .expect("deps")
                .iter()
                .map(|d| {
                    let dev_only = d["dep_kinds"]
                        .as_array()
                        .expect("dep_kinds")
                        .iter()
                        .all(|k| k["kind"] == "dev");
                    (str_of(&d["pkg"]), dev_only)
                })
                .collect();
            deps.insert(id.clone(), edges);
            let on = node["features"]
                .as_array()
                .expect("features")
                .iter()
                .map(str_of)
                .collect();
            features.insert(id, on);
        }
        Graph {
            names,
            deps,
            features,
        }
    })
}

fn str_of(v: &Value) -> String {
    v.as_str().expect("a string").to_owned()
}

impl Graph {
    fn id_of(&self, name: &str) -> &str {
        let ids: Vec<&String> = self
            .names
            .iter()
            .filter(|(_, n)| *n == name)
            .map(|(id, _)| id)
            .collect();
        assert_eq!(ids.len(), 1, "exactly one package named {name}: {ids:?}");
        ids[0]
    }

    /// The names of everything `root` builds with: its normal and build dependencies and
    /// theirs, never a dev-dependency (those are only for the package's own tests). Each name
    /// maps to the path by which it is reached, for the failure message.
    fn normal_closure(&self, root: &str) -> BTreeMap<String, String> {
        let mut seen = BTreeMap::new();
        let mut stack = vec![(self.id_of(root).to_owned(), root.to_owned())];
        while let Some((id, path)) = stack.pop() {
            let name = self.names[&id].clone();
            if seen.contains_key(&name) {
                continue;
            }
            seen.insert(name, path.clone());
            for (dep, dev_only) in &self.deps[&id] {
                if !dev_only {
                    stack.push((dep.clone(), format!("{path} → {}", self.names[dep])));
                }
            }
        }
        seen
    }
}

#[test]
fn shipped_crates_reach_no_network_crate() {
    let g = graph();
    let mut found = Vec::new();
    for root in SHIPPED {
        let closure = g.normal_closure(root);
        // The walk works: it reaches what these crates really use.
        assert!(closure.contains_key("serde") || root == "share-json" || root == "share-derive");
        for (name, path) in closure {
            if NETWORK.contains(&name.as_str()) {
                found.push(path);
            }
        }
    }
    assert!(
        found.is_empty(),
        "network crates reached:\n{}",
        found.join("\n")
    );
}

#[test]
fn nothing_the_workspace_builds_is_a_network_crate() {
    // Dev-dependencies included: not even the tests can reach the network through a library.
    let g = graph();
    let all: BTreeSet<&str> = g.deps.keys().map(|id| g.names[id].as_str()).collect();
    assert!(
        all.contains("jsonschema"),
        "the graph holds the dev-dependencies"
    );
    let found: Vec<&&str> = all.iter().filter(|n| NETWORK.contains(n)).collect();
    assert!(
        found.is_empty(),
        "network crates in Cargo.lock's resolution: {found:?}"
    );
}

#[test]
fn jsonschema_is_built_without_remote_resolution() {
    // Its default features fetch remote `$ref`s over HTTP (reqwest + rustls) and read files;
    // the workspace turns them off.
    let g = graph();
    let on = &g.features[g.id_of("jsonschema")];
    for feature in [
        "default",
        "resolve-http",
        "resolve-async",
        "resolve-file",
        "reqwest",
        "tls-aws-lc-rs",
        "tls-ring",
    ] {
        assert!(
            !on.iter().any(|f| f == feature),
            "jsonschema is built with `{feature}` (features: {on:?})"
        );
    }
}

#[test]
fn no_shipped_crate_uses_a_schema_validator_at_run_time() {
    // The linter judges payloads with share-schema's own validators; a JSON Schema engine (which
    // could resolve remote `$ref`s) is only a dev-dependency, for the differential tests.
    let g = graph();
    for root in SHIPPED {
        let closure = g.normal_closure(root);
        for engine in ["jsonschema", "referencing", "valico", "boon"] {
            assert!(
                !closure.contains_key(engine),
                "{root} depends on {engine}: {}",
                closure[engine]
            );
        }
    }
    // ... while the graph does hold it, as a dev-dependency of share-schema.
    let schema = g.id_of("share-schema");
    let jsonschema = g.id_of("jsonschema");
    assert!(g.deps[schema]
        .iter()
        .any(|(id, dev_only)| id == jsonschema && *dev_only));
}

#[test]
fn the_schema_names_nothing_to_fetch() {
    // Besides `$ref` (local, checked in share-schema/tests/schema_file.rs), the keywords that
    // hold a URI: `$schema` must be the 2020-12 meta-schema every validator bundles, `$id` may
    // name the whole schema; a nested `$id`, `$dynamicRef` or `$recursiveRef` would give a
    // validator something else to look up.
    fn walk(v: &Value, at: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                // The keys of these are names (a payload's own `"$schema"` key among them),
                // not keywords.
                let names = ["properties", "patternProperties", "$defs"]
                    .iter()
                    .any(|n| at.ends_with(&format!("/{n}")));
                for (k, val) in map {
                    let here = format!("{at}/{k}");
                    let fetchable = match k.as_str() {
                        _ if names => false,
                        // The schema's own name: the base the local `$ref`s resolve against,
                        // never fetched.
                        "$id" if at.is_empty() => false,
                        "$schema" if at.is_empty() => {
                            val != "https://json-schema.org/draft/2020-12/schema"
                        }
                        "$ref" => !val.as_str().is_some_and(|r| r.starts_with("#/")),
                        "$id" | "$dynamicRef" | "$recursiveRef" | "$schema" | "$vocabulary" => true,
                        _ => false,
                    };
                    if fetchable {
                        out.push(format!("{here}: {val}"));
                    }
                    walk(val, &here, out);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let schema = share_schema::json_schema();
    let mut found = Vec::new();
    walk(&schema, "", &mut found);
    assert!(found.is_empty(), "URIs a validator could fetch: {found:?}");
}
