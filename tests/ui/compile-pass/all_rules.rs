// Every rule kind on a field it suits, with severities, codes and limits as constant paths.
use share_schema::{catalog::Rule, Context, Severity, Validate};

const MY_MAX_BYTES: usize = 64;
const MY_CODE: &str = "APP001";

mod limits {
    pub const TITLE_MAX_CHARS: u32 = 32;
    pub const THUMB_MAX_BYTES: u64 = 2048;
    pub const TOO_LONG: &str = "APP002";
    pub const NICK_TOO_LONG: share_schema::catalog::Rule = share_schema::catalog::Rule::new(
        "APP011",
        "nickname-too-long",
        share_schema::Severity::Warning,
        "a nickname over 5 characters",
    );
}

// A rule of the user's own catalogue: code and severity in one place.
const APP010: Rule = Rule::new("APP010", "missing-nickname", Severity::Info, "no nickname");

#[derive(Clone, Copy, PartialEq, Eq, Hash, Validate)]
enum Channel {
    Wx,
    WxMoments,
}

#[derive(Validate)]
struct Inner {
    #[share(non_empty)]
    name: String,
}

const APP003: Rule = Rule::new("APP003", "tab-in-name", Severity::Error, "a name with a tab");
const APP004: Rule = Rule::new("APP004", "unsorted", Severity::Warning, "a list out of order");
const APP005: Rule = Rule::new("APP005", "empty-card", Severity::Error, "a card with nothing");

fn no_tabs(value: &str, cx: &mut Context) {
    if value.contains('\t') {
        cx.report(&APP003, "contains a tab");
    }
}

fn inners_sorted(value: &Vec<Inner>, cx: &mut Context) {
    if !value.windows(2).all(|w| w[0].name <= w[1].name) {
        cx.report(&APP004, "is not sorted by name");
    }
}

fn whole_card(card: &AllRules, cx: &mut Context) {
    if card.min_len.is_empty() && card.optional_title.is_none() {
        cx.report(&APP005, "needs a title or a min_len");
    }
}

/// Every rule kind.
#[derive(Validate)]
#[share(check = whole_card, check = self::whole_card)]
struct AllRules {
    #[share(non_empty, max_bytes = 512, min_bytes = 1)]
    bytes: String,
    #[share(max_chars = 10, min_chars(2, severity = "warning"))]
    chars: String,
    #[share(max_utf16 = 10, min_utf16 = 1)]
    utf16: String,
    #[share(min_bytes = 0)]
    min_len: String,
    #[share(url)]
    any_url: String,
    #[share(url(schemes = ["https", "wss"]), https(severity = "info"))]
    secure_url: String,
    #[share(base64_image(max_bytes = 1024), max_decoded_bytes = 4096)]
    thumb: String,
    #[share(
        base64_image,
        max_decoded_bytes(limits::THUMB_MAX_BYTES, code = limits::TOO_LONG),
        aspect_ratio("5:4", severity = "info"),
        aspect_ratio = "1:1"
    )]
    optional_thumb: Option<String>,
    #[share(pattern = "^gh_[0-9a-f]{12}$")]
    user_name: String,
    #[share(pattern("^[a-z]+$", severity = "warning", code = "APP006"))]
    slug: Option<String>,
    #[share(one_of = ["small", "large"])]
    size: String,
    #[share(one_of = [1, 2, -3])]
    level: i32,
    #[share(one_of([0], code = "APP007"))]
    zero: u8,
    #[share(non_empty, unique, not_contains = "wx_moments")]
    channels: Vec<Channel>,
    #[share(unique(severity = "warning"), not_contains("spam", code = MY_CODE))]
    tags: Vec<String>,
    #[share(required, max_bytes(MY_MAX_BYTES, code = MY_CODE))]
    optional_title: Option<String>,
    #[share(required(severity = "warning", code = "APP008"))]
    optional_count: Option<u32>,
    #[share(max_chars(limits::TITLE_MAX_CHARS, code = limits::TOO_LONG))]
    title: String,
    #[share(severity = "info", code = "APP009", max_bytes = 8, non_empty)]
    note: String,
    #[share(nested)]
    inner: Inner,
    #[share(nested)]
    maybe_inner: Option<Inner>,
    #[share(nested, non_empty, custom = inners_sorted)]
    inners: Vec<Inner>,
    #[share(nested)]
    boxed: Box<Inner>,
    #[share(nested)]
    maybe_inners: Option<Vec<Box<Inner>>>,
    #[share(custom = no_tabs, custom = crate::no_tabs)]
    free_text: String,
    #[share(custom = no_tabs)]
    maybe_free_text: Option<String>,
    #[share(required(rule = APP010), max_chars(5, rule = self::limits::NICK_TOO_LONG))]
    nickname: Option<String>,
    unchecked: bool,
}

fn main() {
    let card = AllRules {
        bytes: "b".into(),
        chars: "chars".into(),
        utf16: "u".into(),
        min_len: String::new(),
        any_url: "http://example.com".into(),
        secure_url: "https://example.com".into(),
        thumb: String::new(),
        optional_thumb: None,
        user_name: "gh_0123456789ab".into(),
        slug: Some("slug".into()),
        size: "small".into(),
        level: -3,
        zero: 0,
        channels: vec![Channel::Wx],
        tags: vec![],
        optional_title: Some("title".into()),
        optional_count: Some(1),
        title: "t".into(),
        note: "n".into(),
        inner: Inner { name: "i".into() },
        maybe_inner: None,
        inners: vec![Inner { name: "a".into() }, Inner { name: "b".into() }],
        boxed: Box::new(Inner { name: "x".into() }),
        maybe_inners: Some(vec![Box::new(Inner { name: "y".into() })]),
        free_text: "no tabs".into(),
        maybe_free_text: None,
        nickname: Some("nick".into()),
        unchecked: true,
    };
    // The empty `thumb` is not a base64 image; nothing else is wrong.
    let report = card.report();
    let paths: Vec<&str> = report.iter().map(|v| v.path()).collect();
    assert_eq!(paths, ["/thumb"], "{report:?}");
    let _ = Channel::WxMoments;
}
