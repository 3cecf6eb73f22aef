//! Payloads where web apps keep them: `ksoxz_sdk.shareMessage` calls in JavaScript, TypeScript,
//! Vue, Svelte and HTML files (the JS/TS front end, `share-lint/src/js/`), and what the rules
//! do with values the source computes when it runs (`share-lint/src/unknown.rs`).

mod common;

use common::{fixtures, lint_in, lint_in_with_input, stdout, text};
use share_lint::engine;
use share_lint::settings::Settings;

/// The codes a script's findings have, in order.
fn codes(name: &str, src: &str) -> Vec<&'static str> {
    engine::lint_text(name, src.to_owned(), &Settings::default())
        .diagnostics
        .iter()
        .map(|d| d.rule.code)
        .collect()
}

/// The realistic files: each file's full output, and the codes it must find.
#[test]
fn web_app_files_are_linted_where_their_calls_are() {
    let expected: &[(&str, &[&str])] = &[
        // The vendor's sample code, in the page that calls it: a valid in-app share.
        ("seed-sample.js", &[]),
        // A mini program shared to Moments through an `as const` array, a title from i18n, a
        // thumbnail with its `data:` prefix.
        ("ShareSignup.vue", &["SM301", "SM601"]),
        // A typo beside an unknown value; a suppressed finding; a repeated channel.
        ("ShareButton.tsx", &["SM102", "SM103", "SM303"]),
        // An empty channel list beside a URL built at run time.
        ("Share.svelte", &["SM302"]),
        // A classic inline script (and a JSON-LD block that mentions shareMessage, left alone).
        ("landing.html", &["SM403"]),
        // Nothing here is the SDK's shareMessage.
        ("not-the-sdk.ts", &[]),
    ];
    let dir = fixtures("scripts");
    let mut snapshots = insta::Settings::clone_current();
    snapshots.set_snapshot_path("snapshots/scripts");
    snapshots.set_prepend_module_to_snapshot(false);
    for (file, want) in expected {
        let src = std::fs::read_to_string(dir.join(file)).unwrap();
        assert_eq!(codes(file, &src), *want, "{file}");
        let out = lint_in(&dir, &["--color", "never", file]);
        let want_status = if want.iter().any(|c| *c != "SM303") {
            1
        } else {
            0
        };
        assert_eq!(out.status.code(), Some(want_status), "{}", text(&out));
        snapshots.bind(|| insta::assert_snapshot!(file.to_string(), stdout(&out)));
    }
    // A walk finds them all (and counts the scripts it parsed).
    let out = lint_in(&dir, &["--color", "never", "."]);
    assert!(
        stdout(&out)
            .ends_with("Checked 6 files: found 6 errors, 1 warning (2 fixable with --fix).\n"),
        "{}",
        text(&out)
    );
}

/// Every output format places a finding at the source's own line and column.
#[test]
fn every_output_format_points_into_the_source() {
    let dir = fixtures("scripts");
    let file = "ShareSignup.vue";
    let json = lint_in(&dir, &["--output-format", "json", file]);
    let findings: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let moments = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "SM301")
        .expect("SM301");
    assert_eq!(moments["location"]["line"], 11);
    assert_eq!(moments["location"]["column"], 18);
    assert_eq!(moments["json_path"], "/channelType");
    let expectations = [
        ("concise", "ShareSignup.vue:11:18: error[SM301]"),
        ("github", "file=ShareSignup.vue,line=11,col=18"),
        ("full", "--> ShareSignup.vue:11:18"),
        ("sarif", "\"startLine\": 11"),
    ];
    for (format, needle) in expectations {
        let out = lint_in(&dir, &["--color", "never", "--output-format", format, file]);
        assert_eq!(out.status.code(), Some(1), "{format}: {}", text(&out));
        assert!(stdout(&out).contains(needle), "{format}: {}", text(&out));
    }
}

/// Fixes edit the literals in the source and nothing else; a fix that would edit code (an
/// unknown value) is not offered.
#[test]
fn fixes_edit_the_literals_and_keep_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    for file in ["ShareSignup.vue", "ShareButton.tsx"] {
        std::fs::copy(fixtures("scripts").join(file), tmp.path().join(file)).unwrap();
    }
    let out = lint_in(tmp.path(), &["--color", "never", "--fix", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let vue = std::fs::read_to_string(tmp.path().join("ShareSignup.vue")).unwrap();
    let original = std::fs::read_to_string(fixtures("scripts").join("ShareSignup.vue")).unwrap();
    assert_eq!(
        vue,
        original.replace("'data:image/png;base64,iVBORw0KGgo='", "'iVBORw0KGgo='")
    );
    let tsx = std::fs::read_to_string(tmp.path().join("ShareButton.tsx")).unwrap();
    let original = std::fs::read_to_string(fixtures("scripts").join("ShareButton.tsx")).unwrap();
    assert_eq!(tsx, original.replace("['wx', 'wx']", "['wx']"));
    // SM301 is in a `const` outside the call, which other code may use: no fix.
    let before = std::fs::read_to_string(tmp.path().join("ShareSignup.vue")).unwrap();
    let out = lint_in(
        tmp.path(),
        &["--color", "never", "--fix", "--unsafe-fixes", "."],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let after = std::fs::read_to_string(tmp.path().join("ShareSignup.vue")).unwrap();
    assert_eq!(after, before);
    // Nor next to code the fix would rewrite (a name read in the payload).
    let src = "const t = i18n('title');\nksoxz_sdk.shareMessage({ params: { title: t, desc: 'd', \
               link: 'https://a.cn/', imgUrl: 'https://a.cn/i.png' } });\n";
    std::fs::write(tmp.path().join("foreign.js"), src).unwrap();
    lint_in(tmp.path(), &["--fix", "--unsafe-fixes", "foreign.js"]);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("foreign.js")).unwrap(),
        src
    );
    // Next to a spread, the element is removed and the spread kept.
    let src = "ksoxz_sdk.shareMessage({ params: { type: 'miniProgram', channelType: \
               ['wx_moments', ...more], channelObject: { title: 't', webpageUrl: 'https://a.cn', \
               userName: 'gh_0123456789ab', path: 'p' } } });\n";
    std::fs::write(tmp.path().join("spread.js"), src).unwrap();
    let out = lint_in(tmp.path(), &["--fix", "--unsafe-fixes", "spread.js"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let fixed = std::fs::read_to_string(tmp.path().join("spread.js")).unwrap();
    assert_eq!(fixed, src.replace("'wx_moments', ", ""));
}

/// Which calls are the SDK's.
#[test]
fn only_the_sdks_share_message_is_linted() {
    let bad = "{ type: 'miniProgram', channelType: ['wx_moments'] }";
    let calls = [
        format!("ksoxz_sdk.shareMessage({{ params: {bad} }})"),
        format!("window.ksoxz_sdk.shareMessage({{ params: {bad} }})"),
        format!("globalThis.ksoxz_sdk.shareMessage({{ params: {bad} }})"),
        format!("self.ksoxz_sdk.shareMessage({{ params: {bad} }})"),
        format!("ksoxz_sdk?.shareMessage?.({{ params: {bad} }})"),
        format!("window.ksoxz_sdk?.shareMessage({{ params: {bad} }})"),
        format!("ksoxz_sdk['shareMessage']({{ params: {bad} }})"),
        format!("async function f() {{ await ksoxz_sdk.shareMessage({{ params: {bad} }}) }}"),
        format!("const sdk = window.ksoxz_sdk; sdk.shareMessage({{ params: {bad} }})"),
        format!("const a = ksoxz_sdk, b = a; b.shareMessage({{ params: {bad} }})"),
        format!("(window.ksoxz_sdk as any).shareMessage({{ params: {bad} }})"),
        // TypeScript's declaration of the page's global, and a `var` bound once to it.
        format!("declare const ksoxz_sdk: any; ksoxz_sdk.shareMessage({{ params: {bad} }})"),
        format!("var sdk = window.ksoxz_sdk; sdk.shareMessage({{ params: {bad} }})"),
        format!("const params = {bad}; ksoxz_sdk.shareMessage({{ params }})"),
        format!("const params = {bad}; ksoxz_sdk.shareMessage({{ params: params }})"),
        format!("const arg = {{ params: {bad} }}; ksoxz_sdk.shareMessage(arg)"),
        format!("const p = {bad}; function f() {{ ksoxz_sdk.shareMessage({{ params: p }}) }}"),
        format!("ksoxz_sdk.shareMessage({{ params: ({bad}) as const }})"),
    ];
    for call in &calls {
        assert!(codes("a.ts", call).contains(&"SM301"), "{call}");
    }
    let not_the_sdk = [
        format!("this.shareMessage({{ params: {bad} }})"),
        format!("imClient.shareMessage({{ params: {bad} }})"),
        format!("ksoxz_sdk.config({{ params: {bad} }})"),
        format!("ksoxz_sdk.canIUse({{ params: {bad} }})"),
        format!("function f(ksoxz_sdk) {{ ksoxz_sdk.shareMessage({{ params: {bad} }}) }}"),
        format!("let ksoxz_sdk = other; ksoxz_sdk.shareMessage({{ params: {bad} }})"),
        format!("function f(window) {{ window.ksoxz_sdk.shareMessage({{ params: {bad} }}) }}"),
        format!(
            "import {{ ksoxz_sdk }} from './mock'; ksoxz_sdk.shareMessage({{ params: {bad} }})"
        ),
        format!("shareMessage({{ params: {bad} }})"),
        // A `params` that a later spread may replace, or that is not an object's.
        format!("ksoxz_sdk.shareMessage({{ params: {bad}, ...rest }})"),
        format!("ksoxz_sdk.shareMessage(build({bad}))"),
        // A `let` may hold anything by the time of the call.
        format!("let params = {bad}; params = other; ksoxz_sdk.shareMessage({{ params }})"),
    ];
    for call in &not_the_sdk {
        assert_eq!(codes("a.ts", call), Vec::<&str>::new(), "{call}");
    }
}

/// A rule that depends on an unknown value never fires; rules on the known parts still do.
#[test]
fn unknown_values_hide_only_what_depends_on_them() {
    let cases: &[(&str, &[&str])] = &[
        // The title is a variable: the mini program to Moments is still wrong.
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'miniProgram', channelType: ['wx_moments'], \
             channelObject: { title, webpageUrl: url, userName: 'gh_0123456789ab', path: p, \
             thumbImage: img } } })",
            &["SM301"],
        ),
        // The type is unknown: whether Moments is allowed depends on it.
        (
            "ksoxz_sdk.shareMessage({ params: { type: kind, channelType: ['wx_moments'], \
             channelObject: { title: 't', webpageUrl: 'https://a.cn' } } })",
            &[],
        ),
        // A channel is unknown: it may be `wx`.
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'miniProgram', channelType: [channel], \
             channelObject: { title: 't', webpageUrl: 'https://a.cn', userName: \
             'gh_0123456789ab', path: 'p', thumbImage: img } } })",
            &[],
        ),
        // An unknown key is still unknown, whatever its value.
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'text', content: { text: t() }, tittle: x } })",
            &["SM103"],
        ),
        // A computed text may be empty or too long: neither is reported.
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'text', content: { text: `${a}` } } })",
            &[],
        ),
        // A conditional, a call, a template with expressions: unknown, not wrong types.
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'webPage', channelType: ok ? ['wx'] : [], \
             channelObject: { title: f(), webpageUrl: `https://a.cn/${id}` } } })",
            &[],
        ),
        // A spread may hold the missing keys; the known mistakes are still found.
        (
            "ksoxz_sdk.shareMessage({ params: { ...common, type: 'miniProgram', channelType: \
             ['wx_moments'] } })",
            &["SM301"],
        ),
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'webPage', channelType: ['wx'], \
             channelObject: { ...page, webpageUrl: 'http://a.cn' } } })",
            &["SM502"],
        ),
        // A spread of a known `const` is read through; a key before a spread may be replaced.
        (
            "const base = { type: 'webPage', channelType: ['wx'] }; \
             ksoxz_sdk.shareMessage({ params: { ...base, channelObject: { title: 't', \
             webpageUrl: 'http://a.cn' } } })",
            &["SM502"],
        ),
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'webPage', channelType: [], ...other } })",
            &[],
        ),
        // A spread element may be anything, or nothing.
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'webPage', channelType: [...channels], \
             channelObject: { title: 't', webpageUrl: 'https://a.cn' } } })",
            &[],
        ),
        // Literals of every kind, in the wrappers TypeScript adds.
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'text', content: { text: (`hi` as string)! }, \
             showAIAgentEntrance: 1 } satisfies ShareMessage })",
            &["SM101"],
        ),
        // A `const` changed before the call is unknown.
        (
            "const params = { type: 'text', content: { text: '' } }; params.content.text = t; \
             ksoxz_sdk.shareMessage({ params })",
            &[],
        ),
        (
            "const channels = ['wx']; channels.push('wx_moments'); \
             ksoxz_sdk.shareMessage({ params: { type: 'webPage', channelType: channels, \
             channelObject: { title: 't', webpageUrl: 'https://a.cn' } } })",
            &[],
        ),
        (
            "const params = { type: 'text' }; Object.assign(params, extra); \
             ksoxz_sdk.shareMessage({ params })",
            &[],
        ),
        // Any other use may change it: a member read (which may hand out an inner object), an
        // alias, a function.
        (
            "const params = { type: 'text', content: { text: '' } }; console.log(params.type); \
             ksoxz_sdk.shareMessage({ params })",
            &[],
        ),
        (
            "const params = { type: 'text', content: { text: '' } }; \
             const c = params.content; c.text = t; ksoxz_sdk.shareMessage({ params })",
            &[],
        ),
        (
            "const params = { type: 'text', content: { text: '' } }; fill(params); \
             ksoxz_sdk.shareMessage({ params })",
            &[],
        ),
        (
            "const co = { text: '' }; const params = { type: 'text', content: co }; \
             params.content.text = t; ksoxz_sdk.shareMessage({ params: { type: 'text', content: co } })",
            &[],
        ),
        (
            "const params = { type: 'text', content: { text: '' } }; const { content } = params; \
             content.text = t; ksoxz_sdk.shareMessage({ params })",
            &[],
        ),
        // A string `const` cannot change: always read through, whatever else uses it.
        (
            "const EMPTY = ''; console.log(EMPTY); \
             ksoxz_sdk.shareMessage({ params: { type: 'text', content: { text: EMPTY } } })",
            &["SM403"],
        ),
        // Exported: other modules may change it.
        (
            "export const params = { type: 'text', content: { text: '' } }; \
             ksoxz_sdk.shareMessage({ params })",
            &[],
        ),
        // Used only in share calls and in other such `const`s: known.
        (
            "const content = { text: '' }; const params = { type: 'text', content }; \
             ksoxz_sdk.shareMessage({ params }); ksoxz_sdk.shareMessage({ params, onSuccess })",
            &["SM403"],
        ),
        // A spread of a `const` that holds a spread may replace the keys before it.
        (
            "const base = { ...defaults }; ksoxz_sdk.shareMessage({ params: { type: 'text', \
             content: { text: '' }, ...base } })",
            &[],
        ),
        // A message that would name a candidate value is not reported.
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'webPage', channelType: [c, 'wx', \
             'wx_moments'], channelObject: { title: 't', webpageUrl: 'https://a.cn' } } })",
            &[],
        ),
        // `undefined` is no key; a value that may be `undefined` is still a key.
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'text', channelType: ['wx'], \
             channelObject: { text: 'hi' }, content: undefined } })",
            &[],
        ),
        (
            "ksoxz_sdk.shareMessage({ params: { type: 'text', channelType: ['wx'], \
             channelObject: { text: 'hi' }, content: inApp ? { text: 'hi' } : undefined } })",
            &["SM105"],
        ),
        // `__proto__` sets the prototype: its keys are inherited.
        (
            "ksoxz_sdk.shareMessage({ params: { __proto__: defaults, type: 'webPage' } })",
            &[],
        ),
    ];
    for (src, want) in cases {
        assert_eq!(codes("a.ts", src), *want, "{src}");
    }
}

/// A `const` shared by two calls is one finding; two calls with their own mistakes are two.
#[test]
fn each_finding_once_per_place() {
    let src = "const params = { type: 'text', content: { text: '' } };\n\
               ksoxz_sdk.shareMessage({ params });\n\
               ksoxz_sdk.shareMessage({ params, onSuccess });\n\
               ksoxz_sdk.shareMessage({ params: { type: 'text', content: { text: '' } } });\n";
    assert_eq!(codes("a.js", src), ["SM403", "SM403"]);
}

/// A syntax error is one finding at its place, per script block; the other blocks are read.
#[test]
fn a_syntax_error_is_one_finding_and_other_blocks_still_count() {
    let vue = "<script>\nksoxz_sdk.shareMessage({ params: { type: 'text' \n</script>\n\
               <script setup lang=\"ts\">\n\
               ksoxz_sdk.shareMessage({ params: { type: 'text', content: { text: '' } } });\n\
               </script>\n";
    let report = engine::lint_text("a.vue", vue.to_owned(), &Settings::default());
    let found: Vec<(&str, u32)> = report
        .diagnostics
        .iter()
        .map(|d| (d.rule.code, report.source.line_col(d.span.start).0))
        .collect();
    assert_eq!(found, [("SM008", 3), ("SM403", 5)]);
    // TypeScript in a block that says it is JavaScript does not parse.
    assert_eq!(
        codes(
            "a.js",
            "let a: number = 1; ksoxz_sdk.shareMessage({ params: {} });"
        ),
        ["SM008"]
    );
    // JSX in a `.js` file parses (React projects write it there).
    assert_eq!(
        codes("a.js", "const b = <b onClick={() => ksoxz_sdk.shareMessage({ params: { type: 'text', content: { text: '' } } })} />;"),
        ["SM403"]
    );
}

/// Blocks of one component or page share one scope: a name another block binds is not the
/// global, and a top-level `const` other scripts see may change there. Classic scripts' HTML
/// comments parse; blocks in other languages and Flow files are left alone.
#[test]
fn markup_blocks_share_a_scope() {
    let empty = "{ params: { type: 'text', channelType: ['wx'], channelObject: { text: '' } } }";
    let cases: &[(&str, String, &[&str])] = &[
        (
            "a.vue",
            format!(
                "<script>import {{ ksoxz_sdk }} from './mock';</script>\n\
                 <script setup>ksoxz_sdk.shareMessage({empty});</script>"
            ),
            &[],
        ),
        (
            "a.html",
            format!(
                "<script>let ksoxz_sdk = {{}};</script>\n\
                 <script>ksoxz_sdk.shareMessage({empty});</script>"
            ),
            &[],
        ),
        (
            "a.html",
            format!(
                "<script>const p = {empty}; function go() {{ ksoxz_sdk.shareMessage(p); }}\
                 </script>\n<script>p.params.channelObject.text = t;</script>"
            ),
            &[],
        ),
        (
            "a.html",
            format!("<script>\n<!--\nksoxz_sdk.shareMessage({empty});\n//-->\n</script>"),
            &["SM403"],
        ),
        (
            "a.vue",
            format!("<script lang=\"coffee\">ksoxz_sdk.shareMessage({empty})</script>"),
            &[],
        ),
        (
            "a.js",
            format!(
                "// @flow\nconst f = (x: number): number => x;\nksoxz_sdk.shareMessage({empty});"
            ),
            &[],
        ),
    ];
    for (name, src, want) in cases {
        assert_eq!(codes(name, src), *want, "{src}");
    }
}

/// A file of many calls, each with unknowns beside a long thumbnail, is linted in time linear
/// in its size: past the file's budget a payload reports nothing.
#[test]
fn unknowns_are_checked_within_a_budget() {
    let thumb = "A".repeat(1 << 20);
    let many: Vec<String> = (0..16).map(|i| format!("u{i}")).collect();
    let call = |channels: &str| {
        format!(
            "ksoxz_sdk.shareMessage({{ params: {{ type: 'miniProgram', channelType: \
             ['wx_moments', {channels}], channelObject: {{ title: 't', webpageUrl: \
             'https://a.cn', userName: 'gh_0123456789ab', path: 'p', thumbImage: '{thumb}' }} \
             }} }});"
        )
    };
    // 16 unknowns × 13 candidates × 2 checks of a 1 MiB thumbnail: past the budget.
    assert_eq!(codes("a.js", &call(&many.join(", "))), Vec::<&str>::new());
    // One unknown: within it, and checked.
    assert!(codes("a.js", &call("u0")).contains(&"SM301"));
    // One `const` thumbnail of 1 MiB named by 1,000 calls: checked while the budget lasts.
    let calls = "ksoxz_sdk.shareMessage({ params: { type: 'miniProgram', channelType: \
                 ['wx_moments'], channelObject: { title: 't', webpageUrl: 'https://a.cn', \
                 userName: 'gh_0123456789ab', path: 'p', thumbImage: T } } });\n"
        .repeat(1000);
    let src = format!("const T = '{thumb}';\n{calls}");
    let found = codes("a.js", &src);
    assert!(found.contains(&"SM301"), "{found:?}");
}

/// Hostile scripts: nesting far deeper than any stack, megabytes of one operator. Each is linted
/// without a crash.
#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let n = 200_000;
    let cases = [
        format!(
            "ksoxz_sdk.shareMessage({{ params: {}{} }})",
            "[".repeat(n),
            "]".repeat(n)
        ),
        format!(
            "ksoxz_sdk.shareMessage({{ params: {}1{} }})",
            "{a:".repeat(n),
            "}".repeat(n)
        ),
        format!("ksoxz_sdk.shareMessage({{ params: {}1 }})", "!".repeat(n)),
        format!(
            "ksoxz_sdk.shareMessage({{ params: {}1{} }})",
            "`${".repeat(n),
            "}`".repeat(n)
        ),
        format!(
            "{}ksoxz_sdk.shareMessage({{ params: {{}} }})",
            "if (a) ".repeat(n)
        ),
        format!(
            "ksoxz_sdk.shareMessage({{ params: {{}} }}); const z = {}X;",
            "new ".repeat(n)
        ),
        format!(
            "ksoxz_sdk.shareMessage({{ params: {{}} }}); let z: {}B{};",
            "A<".repeat(n),
            ">".repeat(n)
        ),
    ];
    let tmp = tempfile::tempdir().unwrap();
    for (i, src) in cases.iter().enumerate() {
        let name = format!("deep{i}.ts");
        std::fs::write(tmp.path().join(&name), src).unwrap();
        let out = lint_in(tmp.path(), &["--output-format", "concise", &name]);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{name}: {}",
            text(&out)
        );
    }
}

/// Walking a tree: scripts are linted only when they mention `shareMessage`; `node_modules` is
/// left out; standard input is a script when `--stdin-filename` names one.
#[test]
fn walks_and_standard_input_pick_scripts() {
    let tmp = tempfile::tempdir().unwrap();
    let call = "ksoxz_sdk.shareMessage({ params: { type: 'text', content: { text: '' } } });\n";
    std::fs::create_dir_all(tmp.path().join("src")).unwrap();
    std::fs::create_dir_all(tmp.path().join("node_modules/sdk")).unwrap();
    std::fs::write(tmp.path().join("src/share.ts"), call).unwrap();
    std::fs::write(tmp.path().join("src/util.js"), "export const x = 1;\n").unwrap();
    std::fs::write(tmp.path().join("node_modules/sdk/index.js"), call).unwrap();
    let out = lint_in(tmp.path(), &["--output-format", "concise", "."]);
    assert_eq!(
        stdout(&out),
        "src/share.ts:1:67: error[SM403] text is empty\n",
        "{}",
        text(&out)
    );
    // A page saved as GBK (its `<meta charset>` says so) is skipped by a walk.
    let mut gbk =
        b"<meta charset=\"gbk\"><script>ksoxz_sdk.shareMessage({ params: { type: 'text', \
        content: { text: '"
            .to_vec();
    gbk.extend_from_slice(&[0xc4, 0xe3, 0xba, 0xc3]);
    gbk.extend_from_slice(b"' } } });</script>\n");
    std::fs::write(tmp.path().join("src/gbk.html"), &gbk).unwrap();
    let named = lint_in(tmp.path(), &["--output-format", "concise", "src/gbk.html"]);
    assert!(stdout(&named).contains("error[SM005]"), "{}", text(&named));
    let files = lint_in(tmp.path(), &["--show-files", "."]);
    assert_eq!(stdout(&files), "src/share.ts\n", "{}", text(&files));
    let out = lint_in_with_input(
        tmp.path(),
        &[
            "--output-format",
            "concise",
            "--stdin-filename",
            "page.tsx",
            "-",
        ],
        call.as_bytes(),
    );
    assert_eq!(
        stdout(&out),
        "page.tsx:1:67: error[SM403] text is empty\n",
        "{}",
        text(&out)
    );
}

/// Every script extension is linted, by itself or in its `<script>` blocks.
#[test]
fn every_script_extension_is_linted() {
    let call = "ksoxz_sdk.shareMessage({ params: { type: 'text', content: { text: '' } } });";
    for ext in share_lint::js::SCRIPT_EXTENSIONS {
        let name = format!("a.{ext}");
        let src = if ["vue", "svelte", "html", "htm"].contains(ext) {
            format!("<p>x</p>\n<script>\n{call}\n</script>\n")
        } else {
            call.to_owned()
        };
        assert_eq!(codes(&name, &src), ["SM403"], "{name}");
        assert!(share_lint::js::is_script(&name.to_uppercase()), "{name}");
    }
    assert!(!share_lint::js::is_script("a.json"));
    assert!(!share_lint::js::is_script("js"));
}
