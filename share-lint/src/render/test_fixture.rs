//! The one set of findings every output format's snapshot renders, built by hand so the
//! renderers are tested apart from the rules: a payload with CJK text and a long base64 line, a
//! mini program card with a span over several lines, a truncated file whose error sits at the
//! end of input, and a clean file.

use crate::diagnostic::{Applicability, Diagnostic, Edit, FileReport, Fix, SourceFile};
use crate::json::Span;
use crate::rules::{FixKind, LintRule};
use share_schema::catalog::Rule;
use share_schema::Severity;

/// A rule of the fixture: made up here (its own doc and summary), so the renderers' snapshots do
/// not change when a real rule's doc does.
macro_rules! fixture_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $ty:ident {
            code: $code:literal,
            name: $name:literal,
            severity: $sev:ident,
            summary: $summary:literal,
            fix: $fix:ident,
        }
    ) => {
        struct $ty;

        impl $ty {
            const RULE: LintRule = LintRule {
                rule: &Rule::new($code, $name, Severity::$sev, $summary),
                doc: concat!($($doc, "\n"),*),
                fix: FixKind::$fix,
                fixer: None,
                suppressible: true,
            };
        }
    };
}

fixture_rule! {
    /// ## What it does
    /// Checks that the file is valid JSON (or JSONC for `.jsonc` files).
    ///
    /// ## Why is this bad?
    /// The SDK cannot parse it, so nothing is shared.
    ///
    /// ## Example
    /// ```json
    /// {"type": "text"
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"type": "text"}
    /// ```
    ///
    /// ## Fix safety
    /// There is no fix.
    pub struct InvalidJson {
        code: "SM001",
        name: "invalid-json",
        severity: Error,
        summary: "a file that is not valid JSON",
        fix: None,
    }
}

fixture_rule! {
    /// ## What it does
    /// Checks that a `miniProgram` share does not list `wx_moments` in `channelType`.
    ///
    /// ## Why is this bad?
    /// WeChat shares mini program cards to chats only (小程序不支持分享到朋友圈).
    ///
    /// ## Example
    /// ```json
    /// {"type": "miniProgram", "channelType": ["wx", "wx_moments"]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"type": "miniProgram", "channelType": ["wx"]}
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: it changes where the share goes.
    pub struct MiniProgramToMoments {
        code: "SM301",
        name: "mini-program-to-moments",
        severity: Error,
        summary: "a mini program shared to `wx_moments`, which WeChat does not support",
        fix: Unsafe,
    }
}

fixture_rule! {
    /// ## What it does
    /// Checks for plain `http:` URLs.
    ///
    /// ## Why is this bad?
    /// Clients warn before opening them.
    ///
    /// ## Example
    /// ```json
    /// {"webpageUrl": "http://www.kdocs.cn/"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"webpageUrl": "https://www.kdocs.cn/"}
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the site may not serve `https:`.
    pub struct InsecureUrl {
        code: "SM502",
        name: "insecure-url",
        severity: Warning,
        summary: "a plain `http:` URL",
        fix: Unsafe,
    }
}

fixture_rule! {
    /// ## What it does
    /// Checks that `thumbImage` is bare base64 of an image,
    /// without a `data:` prefix.
    ///
    /// ## Why is this bad?
    /// The SDK decodes the string as it is.
    ///
    /// ## Example
    /// ```json
    /// {"thumbImage": "data:image/png;base64,iVBORw0KGgo"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"thumbImage": "iVBORw0KGgo"}
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the image is the same.
    pub struct InvalidThumbnail {
        code: "SM601",
        name: "invalid-thumbnail",
        severity: Error,
        summary: "a `thumbImage` with a `data:` prefix, not base64, not an image, or a URL",
        fix: Safe,
    }
}

fixture_rule! {
    /// ## What it does
    /// Checks web page thumbnails against the documented 32 KiB.
    ///
    /// ## Why is this bad?
    /// Older SDKs drop larger thumbnails.
    ///
    /// ## Example
    /// A 40 KiB PNG.
    ///
    /// ## Use instead
    /// A smaller JPEG.
    ///
    /// ## Fix safety
    /// There is no fix.
    pub struct ThumbnailOverLegacyLimit {
        code: "SM603",
        name: "thumbnail-over-legacy-limit",
        severity: Warning,
        summary: "a web page thumbnail over the 32 KiB that the docs and older SDKs allow",
        fix: None,
    }
}

fixture_rule! {
    /// ## What it does
    /// Checks that a mini program card has a `thumbImage`.
    ///
    /// ## Why is this bad?
    /// Android requires one.
    ///
    /// ## Example
    /// A card without `thumbImage`.
    ///
    /// ## Use instead
    /// A card with a 5:4 `thumbImage`.
    ///
    /// ## Fix safety
    /// There is no fix.
    pub struct MissingMiniProgramThumbnail {
        code: "SM604",
        name: "missing-mini-program-thumbnail",
        severity: Warning,
        summary: "a mini program card without `thumbImage` (Android requires one)",
        fix: None,
    }
}

fixture_rule! {
    /// ## What it does
    /// Checks that `userName` is `gh_` and 12 hex digits.
    ///
    /// ## Why is this bad?
    /// WeChat finds no mini program by another name.
    ///
    /// ## Example
    /// ```json
    /// {"userName": "gh_d43f693ca31"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"userName": "gh_d43f693ca31f"}
    /// ```
    ///
    /// ## Fix safety
    /// There is no fix.
    pub struct UserNameFormat {
        code: "SM702",
        name: "user-name-format",
        severity: Warning,
        summary: "a `userName` that is not `gh_` and 12 hex digits",
        fix: None,
    }
}

/// The catalogue the fixture's findings come from, in code order.
pub(super) fn rules() -> Vec<LintRule> {
    vec![
        InvalidJson::RULE,
        MiniProgramToMoments::RULE,
        InsecureUrl::RULE,
        InvalidThumbnail::RULE,
        ThumbnailOverLegacyLimit::RULE,
        MissingMiniProgramThumbnail::RULE,
        UserNameFormat::RULE,
    ]
}

/// A deterministic 4,000-character base64 body, like a pasted PNG thumbnail.
fn base64_body() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut state: u32 = 0x5EED;
    let noise = (0..3_968).map(|_| {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        char::from(ALPHABET[(state >> 16) as usize % 64])
    });
    "iVBORw0KGgoAAAANSUhEUgAAASwAAADI"
        .chars()
        .chain(noise)
        .collect()
}

/// The span of the `nth` (0-based) occurrence of `needle` in `text`.
fn nth_span(text: &str, needle: &str, nth: usize) -> Span {
    let (start, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} occurs fewer than {} times", nth + 1));
    Span::new(start, start + needle.len())
}

/// The span of the first occurrence of `needle` in `text`.
fn span(text: &str, needle: &str) -> Span {
    nth_span(text, needle, 0)
}

fn diagnostic(rule: LintRule, span: Span, message: &str) -> Diagnostic {
    Diagnostic {
        rule: rule.rule,
        severity: rule.severity,
        span,
        message: message.to_owned(),
        help: None,
        json_path: None,
        fix: None,
        more: 0,
    }
}

/// The reports of one run, sorted by path as the engine sorts them: a truncated file, a web
/// page payload, a clean file and a mini program payload whose path has CJK and a space.
pub(super) fn reports() -> Vec<FileReport> {
    vec![broken(), promo(), welcome(), mini_program()]
}

/// A file cut short: the error is an empty span at the end of input, on the empty last line.
fn broken() -> FileReport {
    let text = "{\n  \"type\": \"text\",\n  \"text\": \"你好，世界\"\n".to_owned();
    let end = text.len();
    let mut error = diagnostic(
        InvalidJson::RULE,
        Span::empty(end),
        "unexpected end of input: expected `,` or `}`",
    );
    error.help = Some("the file may have been cut short".to_owned());
    FileReport {
        source: SourceFile::new("payloads/broken.json", text),
        diagnostics: vec![error],
    }
}

/// A web page payload: an `http:` URL after a CJK title, and a long line with a `data:` URL.
fn promo() -> FileReport {
    let body = base64_body();
    let text = format!(
        "{{\n  \"type\": \"webPage\",\n  \"channelType\": [\"wx\", \"wx_moments\"],\n  \"channelObject\": {{\n    \"title\": \"金山文档：年终特惠\", \"webpageUrl\": \"http://www.kdocs.cn/promo\",\n    \"thumbImage\": \"data:image/png;base64,{body}\"\n  }}\n}}\n"
    );

    let url = span(&text, "\"http://www.kdocs.cn/promo\"");
    let mut insecure = diagnostic(
        InsecureUrl::RULE,
        url,
        "`webpageUrl` is a plain `http:` URL: `http://www.kdocs.cn/promo`",
    );
    insecure.json_path = Some("/channelObject/webpageUrl".to_owned());
    insecure.help = Some("serve the page over https".to_owned());
    insecure.fix = Some(Fix {
        message: "Use `https:`".to_owned(),
        applicability: Applicability::Unsafe,
        edits: vec![Edit {
            span: Span::new(url.start + 1, url.start + 1 + "http:".len()),
            replacement: "https:".to_owned(),
        }],
    });

    let prefix = span(&text, "data:image/png;base64,");
    let mut data_url = diagnostic(
        InvalidThumbnail::RULE,
        prefix,
        "`thumbImage` starts with a `data:image/png;base64,` prefix",
    );
    data_url.json_path = Some("/channelObject/thumbImage".to_owned());
    data_url.help =
        Some("the SDK expects bare base64: it does not strip a data URL's prefix".to_owned());
    data_url.fix = Some(Fix {
        message: "Remove the `data:image/png;base64,` prefix".to_owned(),
        applicability: Applicability::Safe,
        edits: vec![Edit {
            span: prefix,
            replacement: String::new(),
        }],
    });

    let thumb_start = prefix.start - 1;
    let thumb = Span::new(thumb_start, thumb_start + 1 + prefix.len() + body.len() + 1);
    assert_eq!(&text[thumb.end - 1..thumb.end], "\"");
    let mut large = diagnostic(
        ThumbnailOverLegacyLimit::RULE,
        thumb,
        "thumbnail is 40.2 KiB decoded, 26% over the 32 KiB the docs allow",
    );
    large.json_path = Some("/channelObject/thumbImage".to_owned());

    FileReport {
        source: SourceFile::new("payloads/promo.json", text),
        diagnostics: vec![insecure, large, data_url],
    }
}

/// A clean file: no findings, but counted as checked.
fn welcome() -> FileReport {
    let text = "{\"type\": \"text\", \"text\": \"欢迎使用金山文档\"}\n".to_owned();
    FileReport {
        source: SourceFile::new("payloads/welcome.json", text),
        diagnostics: Vec::new(),
    }
}

/// A mini program card: shared to Moments, no thumbnail (a span over the whole object), and a
/// `userName` check configured down to `info`.
fn mini_program() -> FileReport {
    let text = "// 小程序卡片\n{\n  \"type\": \"miniProgram\",\n  \"channelType\": [\"wx\", \"wx_moments\"],\n  \"channelObject\": {\n    \"title\": \"金山文档\",\n    \"webpageUrl\": \"https://www.kdocs.cn/\",\n    \"userName\": \"gh_d43f693ca31\"\n  }\n}\n".to_owned();

    let moments = span(&text, "\"wx_moments\"");
    let mut to_moments = diagnostic(
        MiniProgramToMoments::RULE,
        moments,
        "channelType contains `wx_moments`, which is not allowed here",
    );
    to_moments.json_path = Some("/channelType/1".to_owned());
    to_moments.help =
        Some("remove \"wx_moments\": WeChat shares mini programs to chats only".to_owned());
    to_moments.fix = Some(Fix {
        message: "Remove `wx_moments` from `channelType`".to_owned(),
        applicability: Applicability::Unsafe,
        edits: vec![Edit {
            span: Span::new(moments.start - 2, moments.end),
            replacement: String::new(),
        }],
    });

    let object_start = span(&text, "{\n    \"title\"").start;
    let object = Span::new(object_start, span(&text, "}\n}").start + 1);
    let mut no_thumbnail = diagnostic(
        MissingMiniProgramThumbnail::RULE,
        object,
        "mini program card without `thumbImage`",
    );
    no_thumbnail.json_path = Some("/channelObject".to_owned());
    no_thumbnail.help = Some(
        "add a `thumbImage`: bare base64 of a 5:4 PNG or JPEG,\nat most 128 KiB decoded".to_owned(),
    );

    let mut user_name = diagnostic(
        UserNameFormat::RULE,
        span(&text, "\"gh_d43f693ca31\""),
        "`userName` `gh_d43f693ca31` is not `gh_` and 12 hex digits",
    );
    user_name.severity = Severity::Info;
    user_name.json_path = Some("/channelObject/userName".to_owned());

    FileReport {
        source: SourceFile::new("payloads/小程序 share.jsonc", text),
        diagnostics: vec![to_moments, no_thumbnail, user_name],
    }
}

/// `text` without its ANSI SGR escape sequences.
pub(super) fn strip_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\x1b') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find('m').expect("an SGR sequence ends in `m`");
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_fixture_points_where_it_says() {
    let reports = reports();
    let promo = &reports[1];
    let spans: Vec<&str> = promo
        .diagnostics
        .iter()
        .map(|d| &promo.source.text[d.span.range()])
        .collect();
    assert_eq!(spans[0], "\"http://www.kdocs.cn/promo\"");
    assert!(spans[1].starts_with("\"data:") && spans[1].len() > 4_000);
    assert_eq!(spans[2], "data:image/png;base64,");
    let edit = &promo.diagnostics[0].fix.as_ref().unwrap().edits[0];
    assert_eq!(&promo.source.text[edit.span.range()], "http:");
    let mini = &reports[3];
    let edit = &mini.diagnostics[0].fix.as_ref().unwrap().edits[0];
    assert_eq!(&mini.source.text[edit.span.range()], ", \"wx_moments\"");
    let object = &mini.source.text[mini.diagnostics[1].span.range()];
    assert!(object.starts_with('{') && object.ends_with('}') && object.lines().count() == 5);
    for report in &reports {
        let mut sorted = report.diagnostics.clone();
        sorted.sort_by_key(|d| (d.span.start, d.rule.code));
        assert_eq!(sorted, report.diagnostics, "{}", report.source.path);
    }
}
