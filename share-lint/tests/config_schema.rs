//! The JSON Schema of `share-lint.toml` (`share-lint config-schema`) against the parser it
//! describes: every configuration the parser accepts here validates, and every one it refuses is
//! refused — by the `jsonschema` crate and by taplo (npm's `@taplo/cli`, the engine of Even
//! Better TOML, which `scripts/test` installs), with the schema named on the command line and
//! through the `#:schema` line users write.

use share_lint::config::{config_schema, Config};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn parses(text: &str) -> Result<(), String> {
    Config::from_toml_str(text, Path::new("share-lint.toml"))
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn schema_accepts(text: &str) -> Result<(), String> {
    let value: serde_json::Value = toml::from_str(text).map_err(|e| e.to_string())?;
    let validator = jsonschema::validator_for(&config_schema()).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// `taplo lint` in `dir` on `share-lint.toml` holding `text`, with `args`.
fn taplo(dir: &Path, text: &str, args: &[&str]) -> Output {
    std::fs::write(dir.join("share-lint.toml"), text).unwrap();
    Command::new(workspace().join("target/tools/node/node_modules/.bin/taplo"))
        .current_dir(dir)
        .arg("lint")
        .args(args)
        .arg("share-lint.toml")
        .env("RUST_LOG", "error")
        .output()
        .expect("taplo is installed: run the tests with scripts/test")
}

/// A folder holding the schema as `share-lint config-schema` prints it.
fn schema_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_share-lint"))
        .arg("config-schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, config_schema(), "the command prints the schema");
    std::fs::write(dir.path().join("share-lint.schema.json"), &out.stdout).unwrap();
    dir
}

/// The module docs' example, the fixtures' configurations, and more.
fn valid() -> Vec<String> {
    let source = include_str!("../src/config/mod.rs");
    let start = source.find("//! ```toml\n").unwrap() + "//! ```toml\n".len();
    let end = start + source[start..].find("//! ```\n").unwrap();
    let example: Vec<&str> = source[start..end]
        .lines()
        .map(|l| l.trim_start_matches("//!").strip_prefix(' ').unwrap_or(""))
        .collect();
    let mut out = vec![example.join("\n")];
    let fixtures = workspace().join("share-lint/tests/fixtures");
    let mut stack = vec![fixtures];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n == "share-lint.toml") {
                let text = std::fs::read_to_string(&path).unwrap();
                if parses(&text).is_ok() {
                    out.push(text);
                }
            }
        }
    }
    for extra in [
        "",
        "[rules]\nSM301 = \"off\"\nthumbnail-over-legacy-limit = \"error\"\n",
        "[files]\nmax-file-size = 1048576\n",
        "[files]\nmax-file-size = \" 512 KB \"\n",
        "[files]\nmax-file-size = \"1GiB\"\n",
        "[files]\nmax-file-size = \"100\"\ninclude = [\"a/**\"]\nexclude = []\n",
        "[policy]\nmin-client-version = \"4\"\n",
        "[policy]\nmin-client-version = \"4.20\"\nplatforms = [\"ios\", \"ios\"]\n",
        "[policy]\nallowed-hosts = [\"Example.COM.\", \"*.kdocs.cn\", \"[::1]\", \"127.0.0.1\", \"a..\"]\n",
        "[policy]\nmini-program-user-names = [\"gh_0123456789ab\"]\nstring-length = \"utf16\"\n",
        "[[overrides]]\nfiles = [\"legacy/**\"]\nrules = { SM603 = \"info\" }\n",
    ] {
        out.push(extra.to_owned());
    }
    out
}

/// Configurations the parser refuses, one mistake each.
const INVALID: &[&str] = &[
    "[rule]\n",
    "severity = \"error\"\n",
    "[rules]\nSM999 = \"off\"\n",
    "[rules]\nmini-program-to-moment = \"off\"\n",
    "[rules]\nSM301 = \"fatal\"\n",
    "[rules]\nSM301 = false\n",
    "[rules]\nSM301 = \"off\"\nmini-program-to-moments = \"error\"\n",
    "[files]\ninclude = []\n",
    "[files]\ninclude = [\"/\"]\n",
    "[files]\nexclude = [\"./\"]\n",
    "[files]\ninclude = \"**/*.json\"\n",
    "[files]\njson-comments = \"yes\"\n",
    "[files]\nmax-file-size = 0\n",
    "[files]\nmax-file-size = \"0KB\"\n",
    "[files]\nmax-file-size = \"1.5MB\"\n",
    "[files]\nmax-file-size = \"10 parsecs\"\n",
    "[files]\nmax-file-size = -1\n",
    "[files]\nsize = 1\n",
    "[policy]\nmin-client-version = \"v4.25\"\n",
    "[policy]\nmin-client-version = \"4.25.0.1\"\n",
    "[policy]\nmin-client-version = 4\n",
    "[policy]\nplatforms = []\n",
    "[policy]\nplatforms = [\"windows\"]\n",
    "[policy]\nstring-length = \"bytes\"\n",
    "[policy]\nallowed-hosts = []\n",
    "[policy]\nallowed-hosts = [\"https://example.com\"]\n",
    "[policy]\nallowed-hosts = [\"example.com:8080\"]\n",
    "[policy]\nallowed-hosts = [\"*\"]\n",
    "[policy]\nallowed-hosts = [\"a.*.com\"]\n",
    "[policy]\nallowed-hosts = [\"a..com\"]\n",
    "[policy]\nallowed-hosts = [\"example.com/path\"]\n",
    "[policy]\nallowed-hosts = [\"\"]\n",
    "[policy]\nmini-program-user-names = []\n",
    "[policy]\nmini-program-user-names = [\"wx0123456789abcdef\"]\n",
    "[policy]\nmini-program-user-names = [\" \"]\n",
    "[policy]\nprivate-deployment = 1\n",
    "[[overrides]]\nfiles = [\"a/**\"]\n",
    "[[overrides]]\nrules = { SM301 = \"off\" }\n",
    "[[overrides]]\nfiles = []\nrules = {}\n",
    "[[overrides]]\nfiles = [\"a/**\"]\nrules = { SM999 = \"off\" }\n",
];

/// `taplo lint --schema` once on every text (as `c0.toml`, `c1.toml`, ... in `dir`: one start of
/// taplo, which takes seconds): whether it passed, and the indices of the files it refused.
fn taplo_all(dir: &Path, texts: &[&str]) -> (bool, Vec<usize>) {
    let mut names = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let name = format!("c{i}.toml");
        std::fs::write(dir.join(&name), text).unwrap();
        names.push(name);
    }
    let out = Command::new(workspace().join("target/tools/node/node_modules/.bin/taplo"))
        .current_dir(dir)
        .args(["lint", "--schema", &schema_url(dir)])
        .args(&names)
        .env("RUST_LOG", "error")
        .output()
        .expect("taplo is installed: run the tests with scripts/test");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let refused = (0..texts.len())
        .filter(|i| stderr.contains(&format!("/c{i}.toml:")))
        .collect();
    (out.status.success(), refused)
}

#[test]
fn what_the_parser_accepts_the_schema_accepts() {
    let dir = schema_dir();
    let configs = valid();
    assert!(configs.len() > 15, "{}", configs.len());
    for text in &configs {
        parses(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        schema_accepts(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    }
    let texts: Vec<&str> = configs.iter().map(String::as_str).collect();
    let (passed, refused) = taplo_all(dir.path(), &texts);
    let refused: Vec<&str> = refused.iter().map(|&i| texts[i]).collect();
    assert!(passed && refused.is_empty(), "taplo refuses: {refused:#?}");
}

#[test]
fn what_the_parser_refuses_the_schema_refuses() {
    let dir = schema_dir();
    for text in INVALID {
        assert!(parses(text).is_err(), "the parser accepts:\n{text}");
        assert!(schema_accepts(text).is_err(), "the schema accepts:\n{text}");
    }
    let (passed, refused) = taplo_all(dir.path(), INVALID);
    assert!(!passed);
    let accepted: Vec<&str> = (0..INVALID.len())
        .filter(|i| !refused.contains(i))
        .map(|i| INVALID[i])
        .collect();
    assert!(accepted.is_empty(), "taplo accepts: {accepted:#?}");
}

/// The schema's `file://` address.
fn schema_url(dir: &Path) -> String {
    format!(
        "file://{}",
        dir.canonicalize()
            .unwrap()
            .join("share-lint.schema.json")
            .display()
    )
}

#[test]
fn a_schema_line_in_the_file_is_enough() {
    let dir = schema_dir();
    let good = "#:schema ./share-lint.schema.json\n[rules]\nSM603 = \"off\"\n";
    parses(good).unwrap();
    let out = taplo(dir.path(), good, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bad = "#:schema ./share-lint.schema.json\n[rules]\nSM603 = \"of\"\n";
    let out = taplo(dir.path(), bad, &[]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("share-lint.toml:3:"),
        "at the value's line: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn completion_sees_every_rule_with_its_summary() {
    let schema = config_schema();
    let rules = &schema["properties"]["rules"]["properties"];
    for rule in share_lint::rules::all() {
        for key in [rule.code, rule.name] {
            let description = rules[key]["description"].as_str().unwrap_or_default();
            assert!(description.contains(rule.summary), "{key}: {description}");
        }
    }
}
