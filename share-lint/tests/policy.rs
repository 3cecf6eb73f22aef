//! The project's policy checks: each rule positive and negative, at the paths of the offending
//! values, in params files, call arguments and arrays; and string limits counted in UTF-16 units.

use share_lint::policy::{self, BYTE_LENGTH_RULES};
use share_lint::rules::ai_agent_entrance_client::AiAgentEntranceClient;
use share_lint::rules::host_not_allowed::HostNotAllowed;
use share_lint::rules::private_deployment_share::PrivateDeploymentShare;
use share_lint::rules::unsupported_client::UnsupportedClient;
use share_lint::rules::{FixKind, LintRule};
use share_lint::settings::{LengthUnit, Platform, Policy};
use share_schema::rules::url::host as host_of;
use share_schema::{Context, PayloadFile, Severity, Validate, Violation};

fn file(json: &str) -> PayloadFile {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

fn check(json: &str, policy: &Policy) -> Vec<Violation> {
    let mut cx = Context::new();
    policy::check(&file(json), policy, &mut cx);
    cx.into_report().as_slice().to_vec()
}

/// `(code, path)` of each violation, in order.
fn found(json: &str, policy: &Policy) -> Vec<(&'static str, String)> {
    check(json, policy)
        .iter()
        .map(|v| (v.code(), v.path().to_owned()))
        .collect()
}

fn at(code: &'static str, path: &str) -> (&'static str, String) {
    (code, path.to_owned())
}

const EXTERNAL_TEXT: &str =
    r#"{"type": "text", "channelType": ["wx", "wx_moments"], "channelObject": {"text": "hi"}}"#;
const EXTERNAL_WEB_PAGE: &str = r#"{"type": "webPage", "channelType": ["wx"], "channelObject": {"title": "t", "webpageUrl": "https://evil.test/a"}}"#;
const IN_APP_TEXT: &str = r#"{"type": "text", "content": {"text": "hi"}}"#;
const IN_APP_WEB_PAGE: &str = r#"{"type": "webPage", "content": {"title": "t", "url": "https://evil.test/a", "image": "https://cdn.evil.test/i.png"}}"#;

fn private() -> Policy {
    Policy {
        private_deployment: true,
        ..Policy::default()
    }
}

fn min_client(v: (u32, u32, u32)) -> Policy {
    Policy {
        min_client_version: Some(v),
        ..Policy::default()
    }
}

fn hosts(list: &[&str]) -> Policy {
    Policy {
        allowed_hosts: Some(list.iter().map(|h| (*h).to_owned()).collect()),
        ..Policy::default()
    }
}

#[test]
fn default_policy_reports_nothing() {
    for json in [
        EXTERNAL_TEXT,
        EXTERNAL_WEB_PAGE,
        IN_APP_TEXT,
        IN_APP_WEB_PAGE,
    ] {
        assert!(check(json, &Policy::default()).is_empty(), "{json}");
    }
}

#[test]
fn private_deployment_share() {
    let v = check(EXTERNAL_TEXT, &private());
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].code(), "SM801");
    assert_eq!(v[0].severity(), Severity::Error);
    assert_eq!(v[0].path(), "/channelType");
    assert_eq!(
        v[0].message(),
        "this payload shares to WeChat (`wx`, `wx_moments`), which private-deployment (私网) clients do not support"
    );
    assert_eq!(
        v[0].param("channels"),
        Some(&serde_json::json!(["wx", "wx_moments"]))
    );
    assert!(v[0].help().unwrap().contains("in-app share"));

    // Every external share, whatever its type.
    assert_eq!(
        found(EXTERNAL_WEB_PAGE, &private()),
        [at("SM801", "/channelType")]
    );
    // In-app shares are fine.
    assert!(check(IN_APP_TEXT, &private()).is_empty());
    assert!(check(IN_APP_WEB_PAGE, &private()).is_empty());
    // Not private: fine.
    assert!(check(EXTERNAL_TEXT, &Policy::default()).is_empty());
}

#[test]
fn paths_in_arrays_and_call_arguments() {
    let json = format!(
        r#"[{IN_APP_TEXT}, {EXTERNAL_TEXT}, {{"params": {EXTERNAL_WEB_PAGE}}}, {{"params": {IN_APP_TEXT}}}]"#
    );
    assert_eq!(
        found(&json, &private()),
        [
            at("SM801", "/1/channelType"),
            at("SM801", "/2/params/channelType")
        ]
    );
    let call = format!(r#"{{"$schema": "x", "params": {EXTERNAL_TEXT}}}"#);
    assert_eq!(
        found(&call, &private()),
        [at("SM801", "/params/channelType")]
    );
}

#[test]
fn unsupported_client_external_share() {
    let v = check(EXTERNAL_TEXT, &min_client((4, 20, 0)));
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].code(), v[0].severity(), v[0].path()),
        ("SM802", Severity::Error, "/channelType")
    );
    assert_eq!(
        v[0].message(),
        "this payload shares to WeChat, but client 4.20.0 is older than 4.25.0, the first with the external share"
    );
    assert_eq!(v[0].param("actual"), Some(&serde_json::json!("4.20.0")));
    assert_eq!(v[0].param("limit"), Some(&serde_json::json!("4.25.0")));

    assert!(check(EXTERNAL_TEXT, &min_client((4, 25, 0))).is_empty());
    assert!(check(EXTERNAL_TEXT, &min_client((5, 0, 0))).is_empty());
    assert_eq!(
        found(EXTERNAL_WEB_PAGE, &min_client((4, 24, 99))),
        [at("SM802", "/channelType")]
    );
    // The in-app share has been there since 2.1.0.
    assert!(check(IN_APP_TEXT, &min_client((4, 20, 0))).is_empty());
}

#[test]
fn unsupported_client_pc() {
    let policy = |platforms: Vec<Platform>| Policy {
        platforms: Some(platforms),
        ..Policy::default()
    };
    let with_pc = policy(vec![Platform::Ios, Platform::Pc]);
    let v = check(EXTERNAL_TEXT, &with_pc);
    assert_eq!(v.len(), 1);
    assert_eq!((v[0].code(), v[0].path()), ("SM802", "/channelType"));
    assert_eq!(
        v[0].message(),
        "this payload shares to WeChat, but the PC client, which `platforms` includes, has no external share"
    );
    assert_eq!(v[0].param("platform"), Some(&serde_json::json!("pc")));
    assert!(check(
        EXTERNAL_TEXT,
        &policy(vec![Platform::Ios, Platform::Android])
    )
    .is_empty());
    // PC has the in-app share.
    assert!(check(IN_APP_WEB_PAGE, &with_pc).is_empty());

    // Both reasons at once: two findings.
    let both = Policy {
        min_client_version: Some((4, 0, 0)),
        ..with_pc
    };
    assert_eq!(
        found(EXTERNAL_TEXT, &both),
        [at("SM802", "/channelType"), at("SM802", "/channelType")]
    );
}

#[test]
fn unsupported_client_in_app_share() {
    let v = check(IN_APP_WEB_PAGE, &min_client((2, 0, 5)));
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].code(), v[0].severity(), v[0].path()),
        ("SM802", Severity::Error, "/content")
    );
    assert_eq!(
        v[0].message(),
        "client 2.0.5 is older than 2.1.0, the first with the in-app share"
    );
    assert!(check(IN_APP_WEB_PAGE, &min_client((2, 1, 0))).is_empty());
    // An external share below 2.1.0 is reported once, as an external share.
    assert_eq!(
        found(EXTERNAL_TEXT, &min_client((2, 0, 0))),
        [at("SM802", "/channelType")]
    );
}

#[test]
fn ai_agent_entrance_client() {
    let external = r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}, "showAIAgentEntrance": true}"#;
    let in_app =
        r#"{"type": "markdown", "content": {"text": "**hi**"}, "showAIAgentEntrance": false}"#;

    let v = check(in_app, &min_client((5, 0, 0)));
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].code(), v[0].severity(), v[0].path()),
        ("SM803", Severity::Warning, "/showAIAgentEntrance")
    );
    assert_eq!(
        v[0].message(),
        "`showAIAgentEntrance: false` has no effect on the oldest supported clients: client 5.0.0 is older than 5.33.0, the first that knows `showAIAgentEntrance`"
    );
    assert_eq!(
        found(external, &min_client((5, 32, 9))),
        [at("SM803", "/showAIAgentEntrance")]
    );
    assert!(check(external, &min_client((5, 33, 0))).is_empty());
    assert!(check(in_app, &min_client((6, 0, 0))).is_empty());
    // Absent key, or no declared minimum: nothing.
    assert!(check(IN_APP_TEXT, &min_client((5, 0, 0))).is_empty());
    assert!(check(external, &Policy::default()).is_empty());
    // In an array of call arguments.
    let json = format!(r#"[{{"params": {IN_APP_TEXT}}}, {{"params": {in_app}}}]"#);
    assert_eq!(
        found(&json, &min_client((5, 0, 0))),
        [at("SM803", "/1/params/showAIAgentEntrance")]
    );
    // Below 4.25 too: both rules, each at its own path.
    assert_eq!(
        found(external, &min_client((4, 0, 0))),
        [
            at("SM802", "/channelType"),
            at("SM803", "/showAIAgentEntrance")
        ]
    );
}

#[test]
fn host_not_allowed_external() {
    let policy = hosts(&["example.com", "*.example.com"]);
    let v = check(EXTERNAL_WEB_PAGE, &policy);
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].code(), v[0].severity(), v[0].path()),
        ("SM804", Severity::Error, "/channelObject/webpageUrl")
    );
    assert_eq!(
        v[0].message(),
        "`webpageUrl` points to `evil.test`, a host not in `allowed-hosts` (example.com, *.example.com)"
    );
    assert_eq!(v[0].param("host"), Some(&serde_json::json!("evil.test")));
    assert_eq!(
        v[0].param("allowed"),
        Some(&serde_json::json!(["example.com", "*.example.com"]))
    );

    let web_page = |url: &str| {
        format!(
            r#"{{"type": "webPage", "channelType": ["wx"], "channelObject": {{"webpageUrl": "{url}"}}}}"#
        )
    };
    for ok in [
        "https://example.com/",
        "https://EXAMPLE.com:8443/x",
        "http://sub.example.com",
        "https://a.b.Example.COM?q=1",
        "https://example.com./",
        // Not a URL: invalid-url reports it, not this rule.
        "example.com/page",
        "https://user:pw@evil.test/",
    ] {
        assert!(check(&web_page(ok), &policy).is_empty(), "{ok}");
    }
    for bad in [
        "https://evil.test",
        "https://badexample.com/",
        "https://example.com.evil.test/",
        "https://example.co/",
    ] {
        assert_eq!(
            found(&web_page(bad), &policy),
            [at("SM804", "/channelObject/webpageUrl")],
            "{bad}"
        );
    }
    // `*.example.com` alone does not allow example.com itself.
    assert_eq!(
        found(
            &web_page("https://example.com/"),
            &hosts(&["*.example.com"])
        ),
        [at("SM804", "/channelObject/webpageUrl")]
    );

    let mini_program = r#"{"type": "miniProgram", "channelType": ["wx"], "channelObject": {"webpageUrl": "https://old.test/", "userName": "gh_0123456789ab"}}"#;
    assert_eq!(
        found(mini_program, &policy),
        [at("SM804", "/channelObject/webpageUrl")]
    );
    // A text share has no URL.
    assert!(check(EXTERNAL_TEXT, &policy).is_empty());
}

#[test]
fn host_not_allowed_in_app() {
    let policy = hosts(&["example.com"]);
    let v = check(IN_APP_WEB_PAGE, &policy);
    assert_eq!(
        v.iter()
            .map(|v| (v.path(), v.message()))
            .collect::<Vec<_>>(),
        [
            (
                "/content/url",
                "`url` points to `evil.test`, a host not in `allowed-hosts` (example.com)"
            ),
            (
                "/content/image",
                "`image` points to `cdn.evil.test`, a host not in `allowed-hosts` (example.com)"
            ),
        ]
    );
    let fine = r#"{"type": "webPage", "content": {"title": "t", "url": "https://example.com/a"}}"#;
    assert!(check(fine, &policy).is_empty());
    let image_only = r#"{"type": "webPage", "content": {"title": "t", "url": "https://example.com/a", "image": "https://img.test/i.png"}}"#;
    let json = format!(r#"[{fine}, {{"params": {image_only}}}]"#);
    assert_eq!(
        found(&json, &policy),
        [at("SM804", "/1/params/content/image")]
    );
}

#[test]
fn host_matching() {
    assert_eq!(host_of("https://Example.com:8080/x"), Some("Example.com"));
    assert_eq!(host_of("https://[::1]:8080/x"), Some("[::1]"));
    assert_eq!(host_of("https://例子.中国/路径"), Some("例子.中国"));
    assert_eq!(host_of("not a url"), None);
    // Which hosts `allowed-hosts` allows: the unit test in `rules/host_not_allowed.rs`.
}

#[test]
fn long_allowed_host_lists_are_cut_in_messages() {
    let list: Vec<String> = (0..8).map(|i| format!("h{i}.test")).collect();
    let refs: Vec<&str> = list.iter().map(String::as_str).collect();
    let v = check(EXTERNAL_WEB_PAGE, &hosts(&refs));
    assert_eq!(
        v[0].message(),
        "`webpageUrl` points to `evil.test`, a host not in `allowed-hosts` (h0.test, h1.test, h2.test, h3.test, h4.test, …)"
    );
    assert_eq!(v[0].param("allowed").unwrap().as_array().unwrap().len(), 8);
}

fn utf16() -> Policy {
    Policy {
        length_unit: LengthUnit::Utf16,
        ..Policy::default()
    }
}

fn web_page_with_title(title: &str) -> String {
    format!(
        r#"{{"type": "webPage", "channelType": ["wx"], "channelObject": {{"title": "{title}", "webpageUrl": "https://example.com/"}}}}"#
    )
}

fn byte_findings(json: &str) -> Vec<(&'static str, String)> {
    match file(json).validate() {
        Ok(()) => Vec::new(),
        Err(report) => report
            .iter()
            .filter(|v| BYTE_LENGTH_RULES.contains(v.rule()))
            .map(|v| (v.code(), v.path().to_owned()))
            .collect(),
    }
}

#[test]
fn utf16_counts_emoji_as_two_units() {
    // 300 "😀": 1,200 UTF-8 bytes, 600 UTF-16 units: over 512 either way.
    let json = web_page_with_title(&"😀".repeat(300));
    assert_eq!(byte_findings(&json), [at("SM401", "/channelObject/title")]);
    let v = check(&json, &utf16());
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].code(), v[0].severity(), v[0].path()),
        ("SM401", Severity::Error, "/channelObject/title")
    );
    assert_eq!(
        v[0].message(),
        "title is 600 UTF-16 units long; at most 512 are allowed"
    );
    assert_eq!(v[0].param("actual"), Some(&serde_json::json!(600)));
    assert_eq!(v[0].param("limit"), Some(&serde_json::json!(512)));
    // Counted in bytes (the default), the policy adds nothing: the byte rule reports it.
    assert!(check(&json, &Policy::default()).is_empty());
}

#[test]
fn utf16_counts_cjk_as_one_unit() {
    // 200 "中": 600 UTF-8 bytes (over 512) but 200 UTF-16 units.
    let json = web_page_with_title(&"中".repeat(200));
    assert_eq!(byte_findings(&json), [at("SM401", "/channelObject/title")]);
    assert!(check(&json, &utf16()).is_empty());
    // 513 "中" is over in UTF-16 units too.
    let json = web_page_with_title(&"中".repeat(513));
    assert_eq!(
        found(&json, &utf16()),
        [at("SM401", "/channelObject/title")]
    );
}

#[test]
fn utf16_measures_every_limited_field() {
    let long = |n: usize| "中".repeat(n);
    let mini_program = format!(
        r#"{{"type": "miniProgram", "channelType": ["wx"], "channelObject": {{"title": "{}", "description": "{}", "webpageUrl": "https://example.com/{}", "userName": "gh_0123456789ab"}}}}"#,
        long(513),
        long(1025),
        long(10_240)
    );
    let text = format!(
        r#"{{"params": {{"type": "text", "channelType": ["wx"], "channelObject": {{"text": "{}"}}}}}}"#,
        long(10_241)
    );
    let fine_text = format!(
        r#"{{"type": "text", "channelType": ["wx"], "channelObject": {{"text": "{}"}}}}"#,
        long(10_240)
    );
    let in_app = format!(
        r#"{{"type": "webPage", "content": {{"title": "{}", "url": "https://example.com/", "text": "{}"}}}}"#,
        long(20_000),
        long(20_000)
    );
    let json = format!("[{mini_program}, {text}, {fine_text}, {in_app}]");
    let v = check(&json, &utf16());
    assert_eq!(
        v.iter().map(|v| (v.code(), v.path())).collect::<Vec<_>>(),
        [
            ("SM401", "/0/channelObject/title"),
            ("SM402", "/0/channelObject/description"),
            ("SM406", "/0/channelObject/webpageUrl"),
            ("SM404", "/1/params/channelObject/text"),
        ]
    );
    assert!(v.iter().all(|v| v.severity() == Severity::Error));
    assert_eq!(
        v[2].message(),
        "webpageUrl is 10,260 UTF-16 units long; at most 10,240 are allowed"
    );
}

#[test]
fn byte_length_codes() {
    let codes: Vec<&str> = BYTE_LENGTH_RULES.iter().map(|r| r.code).collect();
    assert_eq!(codes, ["SM401", "SM402", "SM404", "SM406"]);
}

#[test]
fn all_rules_together() {
    let policy = Policy {
        private_deployment: true,
        min_client_version: Some((4, 0, 0)),
        platforms: Some(vec![Platform::Android, Platform::Pc]),
        allowed_hosts: Some(vec!["example.com".to_owned()]),
        mini_program_user_names: Some(vec!["gh_d43f693ca31f".to_owned()]),
        length_unit: LengthUnit::Utf16,
    };
    let external = format!(
        r#"{{"type": "webPage", "channelType": ["wx"], "channelObject": {{"title": "{}", "webpageUrl": "https://evil.test/"}}, "showAIAgentEntrance": true}}"#,
        "😀".repeat(300)
    );
    let json = format!(r#"[{{"params": {external}}}, {IN_APP_WEB_PAGE}]"#);
    assert_eq!(
        found(&json, &policy),
        [
            at("SM801", "/0/params/channelType"),
            at("SM802", "/0/params/channelType"),
            at("SM802", "/0/params/channelType"),
            at("SM803", "/0/params/showAIAgentEntrance"),
            at("SM804", "/0/params/channelObject/webpageUrl"),
            at("SM401", "/0/params/channelObject/title"),
            at("SM804", "/1/content/url"),
            at("SM804", "/1/content/image"),
        ]
    );
}

#[test]
fn rules_are_declared_with_their_docs() {
    let rules: [(LintRule, &str, &str, Severity); 4] = [
        (
            PrivateDeploymentShare::RULE,
            "SM801",
            "private-deployment-share",
            Severity::Error,
        ),
        (
            UnsupportedClient::RULE,
            "SM802",
            "unsupported-client",
            Severity::Error,
        ),
        (
            AiAgentEntranceClient::RULE,
            "SM803",
            "ai-agent-entrance-client",
            Severity::Warning,
        ),
        (
            HostNotAllowed::RULE,
            "SM804",
            "host-not-allowed",
            Severity::Error,
        ),
    ];
    for (rule, code, name, severity) in rules {
        assert_eq!(
            (rule.code, rule.name, rule.severity),
            (code, name, severity)
        );
        assert_eq!(rule.fix, FixKind::None);
        let headings: Vec<&str> = rule
            .doc
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("## "))
            .collect();
        assert_eq!(
            headings,
            [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
                "## Fix safety"
            ],
            "{code}"
        );
        assert_eq!(rule.doc.matches("```jsonc").count(), 2, "{code}");
        let fix_safety = &rule.doc[rule.doc.find("## Fix safety").unwrap()..];
        assert!(
            fix_safety["## Fix safety".len()..]
                .trim_start_matches(['\n', ' '])
                .starts_with("This rule has no automatic fix."),
            "{code}"
        );
        // Examples are JSONC: with the `//` comment lines removed, valid JSON.
        for block in rule.doc.split("```jsonc").skip(1) {
            let body = &block[..block.find("```").unwrap()];
            let json: String = body
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            assert!(
                serde_json::from_str::<PayloadFile>(&json).is_ok(),
                "{code}: {json}"
            );
        }
    }
}

#[test]
fn rule_examples_are_what_the_rules_report() {
    // The "Example" of each rule is reported under the policy its comment names, and the
    // "Use instead" is not.
    let cases: [(LintRule, Policy); 4] = [
        (PrivateDeploymentShare::RULE, private()),
        (
            UnsupportedClient::RULE,
            Policy {
                min_client_version: Some((4, 20, 0)),
                platforms: Some(vec![Platform::Ios, Platform::Android, Platform::Pc]),
                ..Policy::default()
            },
        ),
        (AiAgentEntranceClient::RULE, min_client((5, 0, 0))),
        (
            HostNotAllowed::RULE,
            hosts(&["example.com", "*.example.com"]),
        ),
    ];
    for (rule, policy) in cases {
        let blocks: Vec<String> = rule
            .doc
            .split("```jsonc")
            .skip(1)
            .map(|b| {
                b[..b.find("```").unwrap()]
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        let codes = |json: &str| -> Vec<&'static str> {
            check(json, &policy).iter().map(Violation::code).collect()
        };
        assert!(codes(&blocks[0]).contains(&rule.code), "{}", rule.code);
        assert!(!codes(&blocks[1]).contains(&rule.code), "{}", rule.code);
    }
}

fn user_names(list: &[&str]) -> Policy {
    Policy {
        mini_program_user_names: Some(list.iter().map(|s| (*s).to_owned()).collect()),
        ..Policy::default()
    }
}

const MINI_PROGRAM: &str = r#"{"type": "miniProgram", "channelType": ["wx"], "channelObject": {"webpageUrl": "https://e.com", "userName": "gh_0123456789ab"}}"#;

#[test]
fn user_name_not_allowed() {
    // Not configured: any mini program.
    assert_eq!(found(MINI_PROGRAM, &Policy::default()), []);
    assert_eq!(found(MINI_PROGRAM, &user_names(&["gh_0123456789ab"])), []);
    let others = user_names(&["gh_d43f693ca31f", "gh_aaaaaaaaaaaa"]);
    assert_eq!(
        found(MINI_PROGRAM, &others),
        [at("SM805", "/channelObject/userName")]
    );
    let v = &check(MINI_PROGRAM, &others)[0];
    assert!(
        v.message().contains("gh_d43f693ca31f, gh_aaaaaaaaaaaa"),
        "{}",
        v.message()
    );
    assert!(v.help().unwrap().contains("same Open Platform account"));
    // In a call argument in an array; other share types are not concerned.
    let call = format!(r#"[{{"params": {MINI_PROGRAM}}}, {{"params": {EXTERNAL_TEXT}}}]"#);
    assert_eq!(
        found(&call, &others),
        [at("SM805", "/0/params/channelObject/userName")]
    );
    // An empty userName is `empty-user-name`'s alone.
    let empty = MINI_PROGRAM.replace("gh_0123456789ab", "");
    assert_eq!(found(&empty, &others), []);
}

/// `share-lint explain` says what the README says, with no configuration: the same-account
/// requirement and the version floors on the userName rules, the JSAPI authorisation and
/// `canIUse` on the client rule.
#[test]
fn explain_tells_the_usual_causes() {
    let explain = |rule: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_share-lint"))
            .args(["explain", rule])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for rule in [
        "empty-user-name",
        "user-name-format",
        "user-name-not-allowed",
    ] {
        let text = explain(rule).replace('\n', " ");
        assert!(
            text.contains("same WeChat Open Platform account"),
            "{rule}: {text}"
        );
    }
    for rule in ["empty-user-name", "user-name-format"] {
        let text = explain(rule).replace('\n', " ");
        assert!(
            text.contains("6.5.6") && text.contains("6.5.13"),
            "{rule}: {text}"
        );
    }
    let text = explain("unsupported-client").replace('\n', " ");
    assert!(
        text.contains("ksoxz_sdk.config(") && text.contains("canIUse('shareMessage')"),
        "{text}"
    );
}
