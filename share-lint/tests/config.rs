//! `share-lint.toml`: parsing, every error with its message and position, discovery, the cache,
//! and the settings a file gets.

use share_lint::config::{
    default_is_included, registry_rules, Config, ConfigCache, ConfigError, ConfigErrorKind,
    Discovered, CONFIG_FILE_NAME, DEFAULT_MAX_FILE_SIZE,
};
use share_lint::settings::{LengthUnit, Platform};
use share_schema::Severity;
use std::fs;
use std::path::Path;

/// A fixed excerpt of the catalogue, so that the messages tested with [`parse`] do not change
/// with the registry's contents (the other tests use the registry, as the linter does).
const RULES: &[(&str, &str)] = &[
    ("SM401", "title-too-long"),
    ("SM501", "invalid-url"),
    ("SM502", "insecure-url"),
    ("SM601", "invalid-thumbnail"),
    ("SM603", "thumbnail-over-legacy-limit"),
    ("SM801", "private-deployment-share"),
];

const FULL_EXAMPLE: &str = r#"# rule severities by code or name: "error" | "warning" | "info" | "off"
[rules]
SM603 = "off"
insecure-url = "error"

[files]
include = ["**/*.share.json", "**/*.share.jsonc", "share-payloads/**/*.json", "share-payloads/**/*.jsonc"]
exclude = ["fixtures/broken/**"]
json-comments = false
max-file-size = "10MB"

[policy]
private-deployment = false
min-client-version = "4.20.0"
platforms = ["ios", "android", "pc"]
allowed-hosts = ["example.com", "*.example.com"]
string-length = "utf8"

[[overrides]]
files = ["legacy/**"]
rules = { thumbnail-over-legacy-limit = "off" }
"#;

fn parse(text: &str) -> Result<Config, String> {
    Config::from_toml_str_with_rules(text, Path::new("share-lint.toml"), RULES)
        .map_err(|e| e.to_string())
}

fn error(text: &str) -> String {
    match parse(text) {
        Ok(_) => panic!(
            "should fail:\n{}",
            text.chars().take(200).collect::<String>()
        ),
        Err(e) => e,
    }
}

#[test]
fn full_example() {
    let config = Config::from_toml_str(FULL_EXAMPLE, Path::new("/repo/share-lint.toml")).unwrap();
    assert_eq!(config.path(), Path::new("/repo/share-lint.toml"));
    assert!(!config.settings_for(Path::new("a.json")).json_comments);
    assert_eq!(config.max_file_size(), 10_000_000);

    let policy = config.settings_for(Path::new("a.json")).policy;
    assert!(!policy.private_deployment);
    assert_eq!(policy.min_client_version, Some((4, 20, 0)));
    assert_eq!(
        policy.platforms,
        Some(vec![Platform::Ios, Platform::Android, Platform::Pc])
    );
    assert_eq!(
        policy.allowed_hosts,
        Some(vec!["example.com".to_owned(), "*.example.com".to_owned()])
    );
    assert_eq!(policy.length_unit, LengthUnit::Utf8);

    let settings = config.settings_for(Path::new("/repo/a.share.json"));
    assert_eq!(settings.severities.len(), 2);
    assert_eq!(settings.severities["SM603"], None);
    assert_eq!(settings.severities["SM502"], Some(Severity::Error));
    assert_eq!(
        settings.severity_of("SM401", Severity::Error),
        Some(Severity::Error)
    );
    assert_eq!(settings.policy.min_client_version, Some((4, 20, 0)));

    assert!(config.is_included(Path::new("a/b.share.json")));
    assert!(config.is_included(Path::new("share-payloads/x/y.jsonc")));
    assert!(!config.is_included(Path::new("a/b.json")));
    assert!(!config.is_included(Path::new("fixtures/broken/b.share.json")));
    // `**/*.share.json` includes it: only the exclude glob can leave it out.
    assert!(!config.is_included(Path::new("fixtures/broken/deep/b.share.json")));
    // The globs as compiled, and the directory they are relative to: the unit tests in
    // `src/config/mod.rs`.
}

#[test]
fn the_module_docs_example_parses() {
    // The reference in the module docs is the example users copy: it must stay valid.
    let source = include_str!("../src/config/mod.rs");
    let start = source.find("//! ```toml\n").unwrap() + "//! ```toml\n".len();
    let end = start + source[start..].find("//! ```\n").unwrap();
    let example: String = source[start..end]
        .lines()
        .map(|l| {
            l.strip_prefix("//!")
                .unwrap()
                .strip_prefix(' ')
                .unwrap_or("")
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(example.contains("[[overrides]]"), "{example}");
    let config = parse(&example).unwrap();
    assert_eq!(
        config
            .settings_for(Path::new("a.json"))
            .policy
            .allowed_hosts
            .as_ref()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        config
            .settings_for(Path::new("a.json"))
            .policy
            .mini_program_user_names,
        Some(vec!["gh_0123456789ab".to_owned()])
    );
}

#[test]
fn every_registry_rule_can_be_configured() {
    let rules = registry_rules();
    assert_eq!(rules.len(), share_lint::rules::RULES.len());
    let mut by_code = String::from("[rules]\n");
    let mut by_name = String::from("[rules]\n");
    for (code, name) in rules {
        by_code.push_str(&format!("{code} = \"off\"\n"));
        by_name.push_str(&format!("{name} = \"info\"\n"));
    }
    let path = Path::new("share-lint.toml");
    let off = Config::from_toml_str(&by_code, path).unwrap();
    let info = Config::from_toml_str(&by_name, path).unwrap();
    let off = off.settings_for(Path::new("a.json")).severities;
    let info = info.settings_for(Path::new("a.json")).severities;
    assert_eq!(off.len(), rules.len());
    assert_eq!(info.len(), rules.len());
    for (code, _) in rules {
        assert_eq!(off[code], None);
        assert_eq!(info[code], Some(Severity::Info));
    }
    // The policy rules are among them.
    for code in ["SM801", "SM802", "SM803", "SM804"] {
        assert!(off.contains_key(code), "{code}");
    }
}

#[test]
fn empty_file_is_all_defaults() {
    let config = parse("").unwrap();
    assert_eq!(config.max_file_size(), DEFAULT_MAX_FILE_SIZE);
    assert_eq!(DEFAULT_MAX_FILE_SIZE, 10 * 1024 * 1024);
    // Its globs are DEFAULT_INCLUDE and DEFAULT_EXCLUDE: the unit tests in `src/config/mod.rs`.
    let settings = config.settings_for(Path::new("x.share.json"));
    assert!(settings.severities.is_empty());
    assert!(!settings.json_comments);
    assert_eq!(settings.policy.min_client_version, None);
    assert_eq!(settings.policy.platforms, None);
    assert_eq!(settings.policy.allowed_hosts, None);
    assert_eq!(settings.policy.length_unit, LengthUnit::Utf8);
}

#[test]
fn defaults_without_a_file() {
    let config = Config::defaults(Path::new("/repo"));
    assert!(config.is_included(Path::new("x/a.share.jsonc")));
    assert!(config.is_included(Path::new("x/a.json")));
    assert!(!config.is_included(Path::new("x/package.json")));
    assert!(!config.is_included(Path::new("node_modules/pkg/a.json")));
    assert!(!config.is_included(Path::new("x/a.txt")));
    assert_eq!(config.max_file_size(), DEFAULT_MAX_FILE_SIZE);
    assert!(config
        .settings_for(Path::new("/repo/a.share.json"))
        .severities
        .is_empty());
}

#[test]
fn values() {
    let config = parse(
        "[files]\njson-comments = true\nmax-file-size = 512\n\
         [policy]\nprivate-deployment = true\nmin-client-version = \"5.33\"\n\
         platforms = [\"pc\", \"pc\"]\nallowed-hosts = [\"Example.COM.\", \"[::1]\"]\nstring-length = \"utf16\"\n",
    )
    .unwrap();
    assert!(config.settings_for(Path::new("a.json")).json_comments);
    assert_eq!(config.max_file_size(), 512);
    let policy = config.settings_for(Path::new("a.json")).policy;
    assert!(policy.private_deployment);
    assert_eq!(policy.min_client_version, Some((5, 33, 0)));
    assert_eq!(policy.platforms, Some(vec![Platform::Pc]));
    assert_eq!(
        policy.allowed_hosts,
        Some(vec!["example.com".to_owned(), "[::1]".to_owned()])
    );
    assert_eq!(policy.length_unit, LengthUnit::Utf16);
    assert!(config.settings_for(Path::new("a.json")).json_comments);

    for (size, bytes) in [
        ("\"512KB\"", 512_000),
        ("\"1GiB\"", 1 << 30),
        ("\"10 MiB\"", 10 << 20),
        ("\"3kib\"", 3072),
    ] {
        let config = parse(&format!("[files]\nmax-file-size = {size}\n")).unwrap();
        assert_eq!(config.max_file_size(), bytes, "{size}");
    }
}

#[test]
fn errors_name_the_file_line_and_column() {
    let cases: &[(&str, &str)] = &[
        (
            "# comment\n\nrulez = {}\n",
            "share-lint.toml:3:1: unknown field `rulez`, expected one of `rules`, `files`, `policy`, `overrides`",
        ),
        (
            "# comment\n\n[rulez]\n",
            "share-lint.toml:3:2: unknown field `rulez`, expected one of `rules`, `files`, `policy`, `overrides`",
        ),
        (
            "[rules]\ninsecure-urls = \"error\"\n",
            "share-lint.toml:2:1: unknown rule `insecure-urls`; did you mean `insecure-url`?",
        ),
        (
            "[rules]\nsm603 = \"off\"\n",
            "share-lint.toml:2:1: unknown rule `sm603`; did you mean `SM603`?",
        ),
        (
            "[rules]\nno-such-thing = \"off\"\n",
            "share-lint.toml:2:1: unknown rule `no-such-thing`; name a rule by its code (such as `SM401`) or its name (such as `title-too-long`)",
        ),
        (
            "[[overrides]]\nfiles = [\"legacy/**\"]\nrules = { insecure-urls = \"off\" }\n",
            "share-lint.toml:3:11: unknown rule `insecure-urls`; did you mean `insecure-url`?",
        ),
        (
            "[rules]\nSM603 = \"off\"\nthumbnail-over-legacy-limit = \"warning\"\n",
            "share-lint.toml:3:1: rule `SM603` is set twice in [rules]: as `SM603` and as `thumbnail-over-legacy-limit`",
        ),
        (
            "[[overrides]]\nfiles = [\"a\"]\nrules = {}\n[[overrides]]\nfiles = [\"b\"]\nrules = { SM502 = \"off\", insecure-url = \"info\" }\n",
            "share-lint.toml:6:26: rule `SM502` is set twice in [[overrides]] #2: as `SM502` and as `insecure-url`",
        ),
        (
            "[rules]\nSM603 = \"fatal\"\n",
            "share-lint.toml:2:9: unknown severity `fatal`; expected `error`, `warning`, `info` or `off`",
        ),
        (
            "[rules]\nSM603 = 1\n",
            "share-lint.toml:2:9: invalid type: integer `1`, expected a severity: \"error\", \"warning\", \"info\" or \"off\"",
        ),
        (
            "[policy]\nmin-client-version = \"4.x\"\n",
            "share-lint.toml:2:22: invalid version `4.x`: `x` is not a number; write MAJOR.MINOR.PATCH, such as `4.25.0`",
        ),
        (
            "[policy]\nmin-client-version = \"4.25.0.1\"\n",
            "share-lint.toml:2:22: invalid version `4.25.0.1`: more than three numbers; write MAJOR.MINOR.PATCH, such as `4.25.0`",
        ),
        (
            "[policy]\nmin-client-version = 4.25\n",
            "share-lint.toml:2:22: invalid type: floating point `4.25`, expected a version string such as \"4.25.0\"",
        ),
        (
            "[policy]\nplatforms = [\"ios\", \"mac\"]\n",
            "share-lint.toml:2:21: unknown platform `mac`; expected `ios`, `android` or `pc`; did you mean `pc`?",
        ),
        (
            "[policy]\nplatforms = [\"iOS\"]\n",
            "share-lint.toml:2:14: unknown platform `iOS`; expected `ios`, `android` or `pc`; did you mean `ios`?",
        ),
        (
            "[policy]\nplatforms = []\n",
            "share-lint.toml:2:13: `platforms` is empty; list the platforms the project supports: `ios`, `android`, `pc`",
        ),
        (
            "[policy]\nstring-length = \"UTF-16\"\n",
            "share-lint.toml:2:17: unknown string length unit `UTF-16`; expected `utf8` or `utf16`; did you mean `utf16`?",
        ),
        (
            "[policy]\nmini-program-user-names = []\n",
            "share-lint.toml:2:27: `mini-program-user-names` is empty, which would reject every mini program card; remove the key to allow any",
        ),
        (
            "[policy]\nmini-program-user-names = [\"gh_0123456789ab\", \"wx8bd80126147dfAAA\"]\n",
            "share-lint.toml:2:47: `wx8bd80126147dfAAA` is an AppID; `mini-program-user-names` lists original IDs (`gh_` and 12 hex digits), which WeChat opens cards by",
        ),
        (
            "[policy]\nallowed-hosts = []\n",
            "share-lint.toml:2:17: `allowed-hosts` is empty, which would reject every URL; remove the key to allow any host",
        ),
        (
            "[policy]\nallowed-hosts = [\"example.com\", \"https://cdn.example.com/x\"]\n",
            "share-lint.toml:2:33: `https://cdn.example.com/x` is a URL; `allowed-hosts` lists host names, such as `cdn.example.com`",
        ),
        (
            "[policy]\nallowed-hosts = [\"example.com:443\"]\n",
            "share-lint.toml:2:18: `example.com:443` has a port; hosts are compared without ports, so write `example.com`",
        ),
        (
            "[policy]\nallowed-hosts = [\"*\"]\n",
            "share-lint.toml:2:18: `*` would allow every host; remove `allowed-hosts` to allow any host",
        ),
        (
            "[policy]\nprivate-deployment = \"yes\"\n",
            "share-lint.toml:2:22: invalid type: string \"yes\", expected a boolean",
        ),
        (
            "[policy]\nmin-version = \"4.25.0\"\n",
            "share-lint.toml:2:1: unknown field `min-version`, expected one of `private-deployment`, `min-client-version`, `platforms`, `allowed-hosts`, `mini-program-user-names`, `string-length`",
        ),
        (
            "[files]\ninclude = [\"a[\"]\n",
            "share-lint.toml:2:12: invalid glob `a[`: unclosed character class; missing ']'",
        ),
        (
            "[files]\ninclude = []\n",
            "share-lint.toml:2:11: `include` is empty; list at least one glob",
        ),
        (
            "[files]\ninclude = [\"\"]\n",
            "share-lint.toml:2:12: invalid glob ``: it matches no file",
        ),
        (
            "[files]\nexclude = \"fixtures/**\"\n",
            "share-lint.toml:2:11: invalid type: string \"fixtures/**\", expected a sequence",
        ),
        (
            "[files]\njson_comments = true\n",
            "share-lint.toml:2:1: unknown field `json_comments`, expected one of `include`, `exclude`, `json-comments`, `max-file-size`",
        ),
        (
            "[files]\nmax-file-size = \"10M\"\n",
            "share-lint.toml:2:17: invalid size `10M`: unknown unit; write a whole number with an optional unit: B, KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024), such as \"10MB\"",
        ),
        (
            "[files]\nmax-file-size = \"1.5MB\"\n",
            "share-lint.toml:2:17: invalid size `1.5MB`: not a whole number; write a whole number with an optional unit: B, KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024), such as \"10MB\"",
        ),
        (
            "[files]\nmax-file-size = 0\n",
            "share-lint.toml:2:17: invalid size `0`: it must be at least 1 byte",
        ),
        (
            "[files]\nmax-file-size = -5\n",
            "share-lint.toml:2:17: invalid size `-5`: it must be at least 1 byte",
        ),
        (
            "[[overrides]]\nfiles = [\"legacy/*\"]\nrules = {}\nenabled = true\n",
            "share-lint.toml:4:1: unknown field `enabled`, expected `files` or `rules`",
        ),
        (
            "[[overrides]]\nrules = { SM603 = \"off\" }\n",
            "share-lint.toml:1:1: missing field `files`",
        ),
        (
            "[[overrides]]\nfiles = []\nrules = {}\n",
            "share-lint.toml:2:9: `files` is empty; list at least one glob",
        ),
        (
            "[[overrides]]\nfiles = [\"x/{a\"]\nrules = {}\n",
            "share-lint.toml:2:10: invalid glob `x/{a`: unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)",
        ),
        ("[rules\n", "share-lint.toml:1:7: unclosed table, expected `]`"),
        (
            "[rules]\nSM603 = \"off\"\n[rules]\n",
            "share-lint.toml:3:2: duplicate key",
        ),
        // Columns count characters, not bytes.
        (
            "# 中文注释\n[policy]\nallowed-hosts = [\"例子.中国\", \"a b\"]\n",
            "share-lint.toml:3:27: `a b` is not a host name: it contains whitespace",
        ),
    ];
    for (text, expected) in cases {
        let got = error(text);
        assert_eq!(&got, expected, "for\n{text}");
    }
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let config = parse("\u{feff}[files]\njson-comments = true\n").unwrap();
    assert!(config.settings_for(Path::new("a.json")).json_comments);
    assert_eq!(
        error("\u{feff}[filez]\n"),
        "share-lint.toml:1:2: unknown field `filez`, expected one of `rules`, `files`, `policy`, `overrides`"
    );
}

#[test]
fn error_accessors() {
    let e = Config::from_toml_str(
        "[rules]\nSM603 = \"fatal\"\n",
        Path::new("cfg/share-lint.toml"),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ConfigErrorKind::Invalid);
    assert_eq!(e.path(), Path::new("cfg/share-lint.toml"));
    assert_eq!((e.line(), e.column()), (Some(2), Some(9)));
    assert!(e.message().starts_with("unknown severity `fatal`"));
}

#[test]
fn load_errors_without_a_position() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let e = Config::load(&missing).unwrap_err();
    assert_eq!(e.kind(), ConfigErrorKind::Io);
    assert_eq!(e.line(), None);
    let shown = e.to_string();
    assert!(
        shown.starts_with(&format!(
            "{}: cannot read the configuration: ",
            missing.display()
        )),
        "{shown}"
    );

    let latin1 = dir.path().join("latin1.toml");
    fs::write(&latin1, b"[rules]\n# caf\xe9\n").unwrap();
    let e = Config::load(&latin1).unwrap_err();
    assert_eq!(e.kind(), ConfigErrorKind::Io);
    assert_eq!(
        e.to_string(),
        format!(
            "{}: the configuration is not UTF-8 (invalid byte at offset 13)",
            latin1.display()
        )
    );

    // A directory is not a configuration file.
    let e = Config::load(dir.path()).unwrap_err();
    assert_eq!(e.kind(), ConfigErrorKind::Io);
}

#[test]
fn load_reads_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(CONFIG_FILE_NAME);
    fs::write(&path, FULL_EXAMPLE).unwrap();
    let config = Config::load(&path).unwrap();
    assert_eq!(
        config
            .settings_for(Path::new("a.json"))
            .policy
            .min_client_version,
        Some((4, 20, 0))
    );

    fs::write(&path, "[rules]\n\ninsecure-urls = \"off\"\n").unwrap();
    let e = Config::load(&path).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}:3:1: unknown rule `insecure-urls`; did you mean `insecure-url`?",
            path.display()
        )
    );
}

#[test]
fn hostile_configs_do_not_panic() {
    // Just under the 1 MiB a configuration may be, with room for the key around it.
    let huge = "x".repeat((1 << 20) - 100);
    // A 1 MB rule name: quoted in part, no suggestion search.
    assert!(error(&format!("k = \"{huge}{huge}\"\n")).contains("at most 1,048,576 are read"));
    let e = error(&format!("[rules]\n\"{huge}\" = \"off\"\n"));
    assert!(
        e.starts_with("share-lint.toml:2:1: unknown rule `xxxx"),
        "{}",
        &e[..80]
    );
    assert!(e.len() < 400, "{}", e.len());
    // A 1 MB unknown key: the parser's message is cut.
    let e = error(&format!("\"{huge}\" = 1\n"));
    assert!(e.starts_with("share-lint.toml:1:1: unknown field `xxx"));
    assert!(e.chars().count() < 400);
    // A 1 MB glob, version, platform, host and size.
    assert_eq!(
        error(&format!("[files]\ninclude = [\"{huge}\"]\n")),
        format!(
            "share-lint.toml:2:12: invalid glob `{}…`: it is longer than 4096 bytes, the longest path",
            "x".repeat(60)
        )
    );
    let long = "x".repeat(4096);
    let config = parse(&format!("[files]\ninclude = [\"{long}\"]\n")).unwrap();
    assert!(config.is_included(Path::new(&long)));
    for (table, key) in [
        ("policy", "min-client-version"),
        ("policy", "platforms"),
        ("policy", "allowed-hosts"),
        ("files", "max-file-size"),
        ("policy", "string-length"),
    ] {
        let value = if matches!(key, "platforms" | "allowed-hosts") {
            format!("[\"{huge}\"]")
        } else {
            format!("\"{huge}\"")
        };
        let text = format!("[{table}]\n{key} = {value}\n");
        let e = error(&text);
        assert!(e.starts_with("share-lint.toml:2:"), "{key}");
        assert!(e.len() < 400, "{key}: {}", e.len());
    }
    // Globs that are hard to compile.
    let stars = "*".repeat(4096);
    let _ = parse(&format!("[files]\ninclude = [\"{stars}\"]\n"));
    let braces = "{a,".repeat(1365);
    let _ = parse(&format!("[files]\ninclude = [\"{braces}\"]\n"));
    let nested = format!("{}a{}", "{".repeat(2000), "}".repeat(2000));
    let _ = parse(&format!("[files]\ninclude = [\"{nested}\"]\n"));

    // Deep nesting: the TOML parser's recursion limit.
    let deep = format!("[rules]\nx = {}", "[".repeat(100_000));
    assert!(error(&deep).starts_with("share-lint.toml:"));
    let deep = format!("[policy]\nx = {}", "{a = ".repeat(100_000));
    assert!(error(&deep).starts_with("share-lint.toml:"));
    let deep = format!("[{}b]\n", "a.".repeat(100_000));
    assert!(error(&deep).starts_with("share-lint.toml"));

    // Many globs (as many as a list may hold) and many rules.
    let globs: Vec<String> = (0..1_000)
        .map(|i| format!("\"dir{i}/**/*.json\""))
        .collect();
    let config = parse(&format!(
        "[files]\nexclude = [{}]\n[[overrides]]\nfiles = [{}]\nrules = {{ SM603 = \"off\" }}\n",
        globs.join(", "),
        globs.join(", ")
    ))
    .unwrap();
    // The default `**/*.json` includes both: only the exclude globs can leave one out.
    assert!(!config.is_included(Path::new("dir999/x/a.json")));
    assert!(config.is_included(Path::new("dir1000/x/a.json")));
    let rules: Vec<String> = (0..20_000).map(|i| format!("r{i} = \"off\"")).collect();
    let e = error(&format!("[rules]\n{}\n", rules.join("\n")));
    assert!(
        e.starts_with("share-lint.toml:2:1: unknown rule `r0`"),
        "{e}"
    );
}

#[test]
fn overrides_apply_in_order_after_rules() {
    let config = Config::from_toml_str(
        r#"
[rules]
SM603 = "error"
SM502 = "error"
SM401 = "warning"

[[overrides]]
files = ["legacy/**"]
rules = { SM603 = "off", insecure-url = "info" }

[[overrides]]
files = ["legacy/keep/**", "*.strict.json"]
rules = { thumbnail-over-legacy-limit = "warning" }

[[overrides]]
files = ["other/**"]
rules = { SM401 = "off" }
"#,
        Path::new("/repo/share-lint.toml"),
    )
    .unwrap();
    let at = |p: &str| config.settings_for(Path::new(p)).severities;

    let plain = at("/repo/a.share.json");
    assert_eq!(plain["SM603"], Some(Severity::Error));
    assert_eq!(plain["SM502"], Some(Severity::Error));
    assert_eq!(plain["SM401"], Some(Severity::Warning));

    let legacy = at("/repo/legacy/x/a.share.json");
    assert_eq!(legacy["SM603"], None);
    assert_eq!(legacy["SM502"], Some(Severity::Info));
    assert_eq!(legacy["SM401"], Some(Severity::Warning));

    // Both legacy overrides match: the later one wins for SM603.
    let keep = at("/repo/legacy/keep/a.share.json");
    assert_eq!(keep["SM603"], Some(Severity::Warning));
    assert_eq!(keep["SM502"], Some(Severity::Info));

    // A glob without `/` matches the file name anywhere.
    let strict = at("/repo/deep/er/b.strict.json");
    assert_eq!(strict["SM603"], Some(Severity::Warning));
    assert_eq!(strict["SM502"], Some(Severity::Error));

    assert_eq!(at("/repo/other/a.json")["SM401"], None);
    // Globs are relative to the configuration's directory.
    assert_eq!(
        at("/elsewhere/legacy/a.json")["SM603"],
        Some(Severity::Error)
    );
    assert_eq!(
        at("/repo/sub/legacy/a.json")["SM603"],
        Some(Severity::Error)
    );
    // `..` is resolved before matching.
    assert_eq!(at("/repo/x/../legacy/a.json")["SM603"], None);
}

#[test]
fn settings_for_relative_paths_use_the_current_directory() {
    let cwd = std::env::current_dir().unwrap();
    let config_path = cwd.join(CONFIG_FILE_NAME);
    let config = Config::from_toml_str(
        "[[overrides]]\nfiles = [\"legacy/*.json\"]\nrules = { SM603 = \"off\" }\n",
        &config_path,
    )
    .unwrap();
    let relative = config.settings_for(Path::new("legacy/a.json"));
    assert_eq!(relative.severities.get("SM603"), Some(&None));
    let dotted = config.settings_for(Path::new("./legacy/a.json"));
    assert_eq!(dotted.severities.get("SM603"), Some(&None));
    // `*` does not cross directories.
    let deeper = config.settings_for(Path::new("legacy/x/a.json"));
    assert_eq!(deeper.severities.get("SM603"), None);
    // What a directory walk lints, by paths relative to the current directory: the unit tests
    // in `src/config/mod.rs`, and the walk from a subdirectory in `tests/cli.rs`.
}

#[test]
fn include_and_exclude() {
    let config = parse(
        "[files]\ninclude = [\"payloads/**/*.json\", \"*.share.json\"]\nexclude = [\"payloads/broken\", \"*.skip.json\"]\n",
    )
    .unwrap();
    assert!(config.is_included(Path::new("payloads/a.json")));
    assert!(config.is_included(Path::new("payloads/x/y/a.json")));
    assert!(config.is_included(Path::new("deep/dir/a.share.json")));
    assert!(!config.is_included(Path::new("a.json")));
    // A matching directory excludes everything under it (the directory itself: the unit tests
    // in `src/config/mod.rs`).
    assert!(!config.is_included(Path::new("payloads/broken/a.json")));
    assert!(!config.is_included(Path::new("payloads/x/a.skip.json")));
    // A leading `./` is ignored.
    assert!(config.is_included(Path::new("./payloads/a.json")));

    // Without a configuration: the default globs.
    assert!(default_is_included(Path::new("x/y/a.share.json")));
    assert!(default_is_included(Path::new("./share-payloads/a.json")));
    assert!(default_is_included(Path::new("x/y/a.jsonc")));
    assert!(!default_is_included(Path::new("package.json")));
    assert!(!default_is_included(Path::new("web/package-lock.json")));
    assert!(!default_is_included(Path::new(".vscode/settings.json")));
    assert!(!default_is_included(Path::new("share-message.schema.json")));
    assert!(!default_is_included(Path::new("notes.txt")));
}

/// A directory tree in a temporary directory: `root/a/b/c`, with `share-lint.toml` files where
/// asked.
fn tree(configs: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("a/b/c")).unwrap();
    fs::create_dir_all(dir.path().join("a/b/d")).unwrap();
    for (sub, text) in configs {
        fs::write(dir.path().join(sub).join(CONFIG_FILE_NAME), text).unwrap();
    }
    dir
}

/// The configuration of a file in `dir`, found as the linter finds it (with a new cache, so
/// every call looks at the filesystem).
fn nearest(dir: &Path) -> Result<Option<Discovered>, ConfigError> {
    ConfigCache::new().for_file(&dir.join("x.share.json"))
}

#[test]
fn discover_walks_up_to_the_nearest_config() {
    let dir = tree(&[
        ("a", "[policy]\nmin-client-version = \"4.0.0\"\n"),
        ("a/b/d", "[policy]\nmin-client-version = \"5.0.0\"\n"),
    ]);
    let root = dir.path();

    let found = nearest(&root.join("a/b/c")).unwrap().unwrap();
    let (path, config) = &*found;
    assert_eq!(*path, root.join("a").join(CONFIG_FILE_NAME));
    assert_eq!(
        config
            .settings_for(Path::new("a.json"))
            .policy
            .min_client_version,
        Some((4, 0, 0))
    );
    // Its directory, as its globs' base: the unit tests in `src/config/discovery.rs`.

    let found = nearest(&root.join("a/b/d")).unwrap().unwrap();
    let (path, config) = &*found;
    assert_eq!(*path, root.join("a/b/d").join(CONFIG_FILE_NAME));
    assert_eq!(
        config
            .settings_for(Path::new("a.json"))
            .policy
            .min_client_version,
        Some((5, 0, 0))
    );

    // `..` in the start directory is resolved lexically.
    let found = nearest(&root.join("a/b/d/../c")).unwrap().unwrap();
    assert_eq!(found.0, root.join("a").join(CONFIG_FILE_NAME));

    // Above `a` there is none (unless the machine has one above the temporary directory).
    let above = nearest(root).unwrap();
    assert!(above.is_none_or(|d| !d.0.starts_with(root)));

    // A directory named share-lint.toml is an error, not a step further up (tests/hostile_inputs.rs
    // has the other kinds of file that cannot be a configuration).
    fs::create_dir(root.join("a/b/c").join(CONFIG_FILE_NAME)).unwrap();
    let e = nearest(&root.join("a/b/c")).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}: cannot read the configuration: it is a directory, not a regular file",
            root.join("a/b/c").join(CONFIG_FILE_NAME).display()
        )
    );
}

#[test]
fn discover_reports_a_bad_config() {
    let dir = tree(&[("a/b", "[rules]\ninsecure-urls = \"off\"\n")]);
    let e = nearest(&dir.path().join("a/b/c")).unwrap_err();
    let path = dir.path().join("a/b").join(CONFIG_FILE_NAME);
    assert_eq!(
        e.to_string(),
        format!(
            "{}:2:1: unknown rule `insecure-urls`; did you mean `insecure-url`?",
            path.display()
        )
    );
}

// How often the cache looks at the filesystem: the unit tests in `src/config/discovery.rs`.

#[test]
fn cache_reports_errors() {
    let dir = tree(&[("a/b", "[policy]\nplatforms = [\"web\"]\n")]);
    let mut cache = ConfigCache::new();
    let e = cache
        .for_file(&dir.path().join("a/b/c/x.json"))
        .unwrap_err();
    assert_eq!(e.line(), Some(2));
    assert!(e.message().starts_with("unknown platform `web`"));
}
