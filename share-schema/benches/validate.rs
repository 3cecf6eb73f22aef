//! `validate()` of `share_schema` against the same rules written with `garde` and with
//! `validator`, on the seed page's WebPage and MiniProgram examples (wrapped into full external
//! shares), on an invalid web page (so that error construction is timed too), and on the valid
//! web page without its thumbnail (the frameworks' own cost, undiluted by the image work).
//!
//! Run with `cargo bench -p share-schema --bench validate`; BENCHMARKS.md has the results and the
//! fairness notes.
//!
//! Every implementation checks every rule of the model (`share_schema::model::external`):
//! `garde` and `validator` have no severities, so the model's warnings and infos are errors
//! there, but they are computed all the same. Deserialization is outside the timed code: each
//! implementation validates a value deserialized once, before timing.
//!
//! The thumbnail rules (base64, image magic, decoded size, aspect ratio) are custom functions in
//! `garde` and `validator` that call the very functions of `share_schema::rules::image` the
//! model's derive calls: the image work is identical, so the comparison measures each
//! framework's own overhead plus the other rules. (A hand-written copy would have to decode a
//! header prefix into a `Vec` through the public `decode_prefix`, which is more work than the
//! model's lazy view and would bias the comparison in our favour.)

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use share_schema::limits;
use share_schema::rules::image;
use share_schema::ShareMessage;
use std::hint::black_box;
use std::time::Duration;

/// The seed page's thumbnail: a 121×120 PNG of 1,327 bytes, as bare base64.
const SEED_THUMB: &str = "iVBORw0KGgoAAAANSUhEUgAAAHkAAAB4CAYAAADWpl3sAAAACXBIWXMAACE4AAAhOAFFljFgAAAAAXNSR0IArs4c6QAAAARnQU1BAACxjwv8YQUAAATESURBVHgB7d0/bBxFFMfxN3tncjixOf4lIAQ6C1GBRAJdqosEbvNHoqAAUpoKF0QRVe4qBInkK5DsDiMXQIOdCgSRbApMlZBIFEgk8gWaJDQhIv7D3e6wE7C0OpGb2Z1beLvv96ksZexiv57NvM06JgIAAAAAAAAAAAAoFEUemu/rxthY7yhFdDD+So00n/vUw4oem6gQ3J/W4ZWKqv6gIvr2g9dVlzLKFPmVs72mIn0m/rBJGT39qKJH9gYEbrSixWoYtLPETn2Vp8/25uLAq+QRGNJTmk6GQbTx7mfhLKXkvJObc7o+1u+ZuAdpBLCTPQRB69xrqu283HVhtf9nh0YUGDxFUSvNjnaK/OqHWycVqbcI+FA0d/pT3XBZ6raTVXCGgJ0w0B+7rLNGNrs4rtwgYEg3Zx12s30nqwpu04xVVe+YbY01ssZhi7mgaV0x7A/N2BTPWHUCtpRSL9rWDI1c295G4BLA0wgBEFkARBYAkQVAZAEQWQBEFgCRBUBkARBZgKptwebWDuVhc2uMHqh4vSwKZN7otF/DoZF/un6DtMonRL9fp8nNcYL84XYtACILgMgCILIAiCwAIguAyAIgsgCILAAiC4DIAiCyAIgsACILgMgCILIAiCyA9fWfIjj+ckD79hALd3eIvvs5opt3iI1SRD4RRz4wyed9sZkjFZpfjWj5Ykgc4Hadk7ePmG88YgGRc3T4OR6XF5FzxOWvEETO0bXfNHGAyDm58TvRNz9GxAEi52RhtU9cIHIOvo538PpVHrdqA5FzsLTO4za9C5FHzAS+eYfPLjZK8cTr6i1z0BnNhTWPR5/dn230MYetpXUeT7mSShG5vTK6Q878m9kvydL3/AIbuF0nTD8fZN7FV37VbEamQYic8Mbh7Jfj3Jc8d7GByP8wgQ88lG0Xm5GJ22ErCZGJ7v1r0YmXsl2Kvw9bPG/TuxCZzC6u0N5atl1sDlucd7EhPrLZxdMvZN/FXA9bSeIjt45lH5na5/k8nx5GdGSfkckctq7d4n2b3iU6ctaR6Y9t/oetJLGRfUam5Uu8R6ZBIiP7j0x8H3z8G5GRfUemohEX2WdkMoetIoxMg8RF9hmZinTYShIV2Wdk4vgygCtRkbOOTOaw9cXFYu5iQ0xkn5HJHLbu7hRzFxsiIvuOTEU8bCWJiOwzMp36vBjPp4cpfWTfkamoh62k0kfOOjIV4WUAV6WO7DMyLV/i/zKAq1JH9hmZlgs8Mg0qbWSfkYnTD6uNQikj+4xM3H5YbRRK8RMUg8z/vHP8o3LtRh94W1MARBYAkQVAZAEQWQBEFgCRBUDk4rttWzA0cndhquvyReD/o3R03bbGZSdfJmAr0rRmW2ONrEJ9noCtaqRXbGvsO3mcFgm3bK4Wv3rvwa5tkTVytzN1W5FuE7BT6YdOXZxO1935qY7W+hMCNnSk2y672HAeoYIazRIOYSyYwBdO72m5rk/96sQzMxsdpdQ75OmJx+s0OTFO4E7fOxtF7Qunap00n5f6YcgvC1OzSulD8YdrBP+lxWo/PJQ2sOH1SxIaMxsN0sFRCnQz/i6rp/ncJ/fXaWIfdvL9xGeg+MCr4gcd4eXeZm1lraUw4QAAAAAAAAAAAIAUfwFKSVTj5L5X1wAAAABJRU5ErkJggg==";

/// The payloads, as JSON text.
fn payloads() -> [(&'static str, String); 4] {
    let web_page = serde_json::json!({
        "type": "webPage",
        "channelType": ["wx"],
        "channelObject": {
            "title": "小程序标题",
            "description": "小程序描述",
            "webpageUrl": "https://www.baidu.com",
            "thumbImage": SEED_THUMB,
        }
    });
    let mini_program = serde_json::json!({
        "type": "miniProgram",
        "channelType": ["wx"],
        "channelObject": {
            "title": "小程序标题",
            "description": "小程序描述",
            "webpageUrl": "https://www.baidu.com",
            "userName": "gh_0123456789ab",
            "withShareTicket": true,
            "thumbImage": SEED_THUMB,
            "path": "pages/index/index",
        }
    });
    // Title of 600 UTF-8 bytes (200 three-byte characters), an http URL, a data: prefix.
    let invalid_web_page = serde_json::json!({
        "type": "webPage",
        "channelType": ["wx"],
        "channelObject": {
            "title": "标".repeat(200),
            "description": "小程序描述",
            "webpageUrl": "http://www.baidu.com",
            "thumbImage": format!("data:image/png;base64,{SEED_THUMB}"),
        }
    });
    // Not in the brief's list: the valid web page without its thumbnail, where no image work
    // (identical in all three) dilutes the frameworks' own cost.
    let mut no_thumbnail = web_page.clone();
    no_thumbnail["channelObject"]
        .as_object_mut()
        .expect("an object")
        .remove("thumbImage");
    [
        ("webPage (valid)", web_page.to_string()),
        ("miniProgram (valid)", mini_program.to_string()),
        ("webPage (invalid)", invalid_web_page.to_string()),
        ("webPage (valid, no thumbImage)", no_thumbnail.to_string()),
    ]
}

/// The channels, for the `garde` and `validator` structs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
enum Channel {
    Wx,
    WxMoments,
}

/// `channelType` has no repeated channel (a warning in the model). Linear, with a hash set, as
/// the model's `unique` is.
fn channels_unique(channels: &[Channel]) -> Option<String> {
    let mut seen = std::collections::HashSet::with_capacity(channels.len());
    for (i, c) in channels.iter().enumerate() {
        if !seen.insert(c) {
            return Some(format!("lists {c:?} twice (item {i})"));
        }
    }
    None
}

/// `channelType` of a mini program has no `wx_moments` (an error in the model).
fn channels_no_moments(channels: &[Channel]) -> bool {
    !channels.contains(&Channel::WxMoments)
}

/// `http:` rather than `https:` (a warning in the model).
fn is_http(url: &str) -> bool {
    url.get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("http:"))
}

/// The 5:4 aspect ratio the model recommends (an info in the model).
const ASPECT: (u32, u32) = (5, 4);

/// The same rules with `garde`. Byte lengths use garde's `length(bytes, ...)`; the URL uses
/// garde's `url` (the `url` crate: WHATWG parsing, any scheme, credentials allowed — more lenient
/// than the model's http(s)-only grammar, and it allocates the parsed URL).
mod with_garde {
    use super::*;
    use garde::Validate;

    fn err(message: String) -> garde::Error {
        garde::Error::new(message)
    }

    fn unique_channels(v: &[Channel], _: &()) -> garde::Result {
        channels_unique(v).map_or(Ok(()), |m| Err(err(m)))
    }

    fn no_moments(v: &[Channel], _: &()) -> garde::Result {
        if channels_no_moments(v) {
            Ok(())
        } else {
            Err(garde::Error::new("contains wx_moments"))
        }
    }

    fn prefer_https(v: &str, _: &()) -> garde::Result {
        if is_http(v) {
            Err(garde::Error::new("uses http; use https"))
        } else {
            Ok(())
        }
    }

    // garde has one `length` per field: the mini program URL's 1,024-byte warning is custom.
    fn mini_url_warning(v: &str, _: &()) -> garde::Result {
        if v.len() > limits::MINI_PROGRAM_WEBPAGE_URL_MAX_BYTES {
            Err(garde::Error::new("is longer than 1024 bytes"))
        } else {
            Ok(())
        }
    }

    fn base64_thumb(v: &str, _: &()) -> garde::Result {
        image::base64_image(v, None).map_err(|f| err(f.message))
    }

    fn web_thumb_max(v: &str, _: &()) -> garde::Result {
        image::max_decoded_bytes(v, limits::WEB_PAGE_THUMB_MAX_BYTES).map_err(|f| err(f.message))
    }

    fn web_thumb_legacy(v: &str, _: &()) -> garde::Result {
        image::max_decoded_bytes(v, limits::WEB_PAGE_THUMB_LEGACY_MAX_BYTES)
            .map_err(|f| err(f.message))
    }

    fn mini_thumb_max(v: &str, _: &()) -> garde::Result {
        image::max_decoded_bytes(v, limits::MINI_PROGRAM_THUMB_MAX_BYTES)
            .map_err(|f| err(f.message))
    }

    fn aspect_5_4(v: &str, _: &()) -> garde::Result {
        image::aspect_ratio(v, ASPECT.0, ASPECT.1).map_err(|f| err(f.message))
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct WebPage {
        #[garde(required, length(bytes, max = limits::TITLE_MAX_BYTES))]
        pub title: Option<String>,
        #[garde(length(bytes, max = limits::DESCRIPTION_MAX_BYTES))]
        pub description: Option<String>,
        #[garde(
            length(bytes, min = 1, max = limits::WEBPAGE_URL_MAX_BYTES),
            url,
            custom(prefer_https)
        )]
        pub webpage_url: String,
        #[garde(inner(custom(base64_thumb), custom(web_thumb_max), custom(web_thumb_legacy)))]
        pub thumb_image: Option<String>,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct MiniProgram {
        #[garde(required, length(bytes, max = limits::TITLE_MAX_BYTES))]
        pub title: Option<String>,
        #[garde(length(bytes, max = limits::DESCRIPTION_MAX_BYTES))]
        pub description: Option<String>,
        #[garde(
            length(bytes, min = 1, max = limits::WEBPAGE_URL_MAX_BYTES),
            custom(mini_url_warning),
            url,
            custom(prefer_https)
        )]
        pub webpage_url: String,
        #[garde(length(bytes, min = 1), pattern(r"^gh_[0-9a-fA-F]{12}$"))]
        pub user_name: String,
        #[garde(skip)]
        #[allow(dead_code)] // deserialized; no rule reads it
        pub with_share_ticket: Option<bool>,
        #[garde(
            required,
            inner(custom(base64_thumb), custom(mini_thumb_max), custom(aspect_5_4))
        )]
        pub thumb_image: Option<String>,
        #[garde(skip)]
        #[allow(dead_code)] // deserialized; no rule reads it
        pub path: Option<String>,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
    pub enum Share {
        #[serde(rename_all = "camelCase")]
        WebPage {
            #[garde(length(min = 1), custom(unique_channels))]
            channel_type: Vec<Channel>,
            #[garde(dive)]
            channel_object: WebPage,
            #[garde(skip)]
            #[serde(default)]
            #[allow(dead_code)] // deserialized; no rule reads it
            show_ai_agent_entrance: Option<bool>,
        },
        #[serde(rename_all = "camelCase")]
        MiniProgram {
            #[garde(length(min = 1), custom(unique_channels), custom(no_moments))]
            channel_type: Vec<Channel>,
            #[garde(dive)]
            channel_object: MiniProgram,
            #[garde(skip)]
            #[serde(default)]
            #[allow(dead_code)] // deserialized; no rule reads it
            show_ai_agent_entrance: Option<bool>,
        },
    }
}

/// The same rules with `validator`. Its `length` counts characters, not bytes, so every byte
/// limit is a custom function; non-emptiness is `length(min = 1)` (characters and bytes agree on
/// emptiness). The URL uses validator's `url` (the `url` crate, as garde's). `validator`'s derive
/// takes structs only, so the tagged enum dispatches by hand.
mod with_validator {
    use super::*;
    use std::borrow::Cow;
    use std::sync::LazyLock;
    use validator::{Validate, ValidationError, ValidationErrors};

    static USER_NAME: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^gh_[0-9a-fA-F]{12}$").expect("valid regex"));

    /// A byte-length error shaped as validator's own `length` error: code and `max` param.
    fn too_long(max: usize) -> ValidationError {
        let mut e = ValidationError::new("length");
        e.add_param(Cow::Borrowed("max"), &max);
        e
    }

    fn failure(code: &'static str, message: String) -> ValidationError {
        ValidationError::new(code).with_message(Cow::Owned(message))
    }

    fn title_bytes(v: &str) -> Result<(), ValidationError> {
        (v.len() <= limits::TITLE_MAX_BYTES)
            .then_some(())
            .ok_or_else(|| too_long(limits::TITLE_MAX_BYTES))
    }

    fn description_bytes(v: &str) -> Result<(), ValidationError> {
        (v.len() <= limits::DESCRIPTION_MAX_BYTES)
            .then_some(())
            .ok_or_else(|| too_long(limits::DESCRIPTION_MAX_BYTES))
    }

    fn url_bytes(v: &str) -> Result<(), ValidationError> {
        (v.len() <= limits::WEBPAGE_URL_MAX_BYTES)
            .then_some(())
            .ok_or_else(|| too_long(limits::WEBPAGE_URL_MAX_BYTES))
    }

    fn mini_url_warning(v: &str) -> Result<(), ValidationError> {
        (v.len() <= limits::MINI_PROGRAM_WEBPAGE_URL_MAX_BYTES)
            .then_some(())
            .ok_or_else(|| too_long(limits::MINI_PROGRAM_WEBPAGE_URL_MAX_BYTES))
    }

    fn prefer_https(v: &str) -> Result<(), ValidationError> {
        if is_http(v) {
            Err(ValidationError::new("https"))
        } else {
            Ok(())
        }
    }

    fn unique_channels(v: &[Channel]) -> Result<(), ValidationError> {
        channels_unique(v).map_or(Ok(()), |m| Err(failure("unique", m)))
    }

    fn no_moments(v: &[Channel]) -> Result<(), ValidationError> {
        if channels_no_moments(v) {
            Ok(())
        } else {
            Err(ValidationError::new("mini_program_to_moments"))
        }
    }

    fn base64_thumb(v: &str) -> Result<(), ValidationError> {
        image::base64_image(v, None).map_err(|f| failure("thumb_image", f.message))
    }

    fn web_thumb_max(v: &str) -> Result<(), ValidationError> {
        image::max_decoded_bytes(v, limits::WEB_PAGE_THUMB_MAX_BYTES)
            .map_err(|f| failure("thumb_size", f.message))
    }

    fn web_thumb_legacy(v: &str) -> Result<(), ValidationError> {
        image::max_decoded_bytes(v, limits::WEB_PAGE_THUMB_LEGACY_MAX_BYTES)
            .map_err(|f| failure("thumb_size", f.message))
    }

    fn mini_thumb_max(v: &str) -> Result<(), ValidationError> {
        image::max_decoded_bytes(v, limits::MINI_PROGRAM_THUMB_MAX_BYTES)
            .map_err(|f| failure("thumb_size", f.message))
    }

    fn aspect_5_4(v: &str) -> Result<(), ValidationError> {
        image::aspect_ratio(v, ASPECT.0, ASPECT.1).map_err(|f| failure("aspect_ratio", f.message))
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct WebPage {
        #[validate(required, custom(function = "title_bytes"))]
        pub title: Option<String>,
        #[validate(custom(function = "description_bytes"))]
        pub description: Option<String>,
        #[validate(
            length(min = 1),
            custom(function = "url_bytes"),
            url,
            custom(function = "prefer_https")
        )]
        pub webpage_url: String,
        #[validate(
            custom(function = "base64_thumb"),
            custom(function = "web_thumb_max"),
            custom(function = "web_thumb_legacy")
        )]
        pub thumb_image: Option<String>,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct MiniProgram {
        #[validate(required, custom(function = "title_bytes"))]
        pub title: Option<String>,
        #[validate(custom(function = "description_bytes"))]
        pub description: Option<String>,
        #[validate(
            length(min = 1),
            custom(function = "url_bytes"),
            custom(function = "mini_url_warning"),
            url,
            custom(function = "prefer_https")
        )]
        pub webpage_url: String,
        #[validate(length(min = 1), regex(path = *USER_NAME))]
        pub user_name: String,
        #[allow(dead_code)] // deserialized; no rule reads it
        pub with_share_ticket: Option<bool>,
        #[validate(
            required,
            custom(function = "base64_thumb"),
            custom(function = "mini_thumb_max"),
            custom(function = "aspect_5_4")
        )]
        pub thumb_image: Option<String>,
        #[allow(dead_code)] // deserialized; no rule reads it
        pub path: Option<String>,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct WebPageShare {
        #[validate(length(min = 1), custom(function = "unique_channels"))]
        pub channel_type: Vec<Channel>,
        #[validate(nested)]
        pub channel_object: WebPage,
        #[serde(default)]
        #[allow(dead_code)] // deserialized; no rule reads it
        pub show_ai_agent_entrance: Option<bool>,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct MiniProgramShare {
        #[validate(
            length(min = 1),
            custom(function = "unique_channels"),
            custom(function = "no_moments")
        )]
        pub channel_type: Vec<Channel>,
        #[validate(nested)]
        pub channel_object: MiniProgram,
        #[serde(default)]
        #[allow(dead_code)] // deserialized; no rule reads it
        pub show_ai_agent_entrance: Option<bool>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(tag = "type", rename_all = "camelCase")]
    pub enum Share {
        WebPage(WebPageShare),
        MiniProgram(MiniProgramShare),
    }

    impl Validate for Share {
        fn validate(&self) -> Result<(), ValidationErrors> {
            match self {
                Share::WebPage(s) => s.validate(),
                Share::MiniProgram(s) => s.validate(),
            }
        }
    }
}

/// Counts the failures each implementation finds (ours: every severity), so that a run shows
/// all three check the same things before it times them.
fn garde_count(r: &Result<(), garde::Report>) -> usize {
    r.as_ref().err().map_or(0, |e| e.iter().count())
}

fn validator_count(r: &Result<(), validator::ValidationErrors>) -> usize {
    fn walk(errors: &validator::ValidationErrors) -> usize {
        errors
            .errors()
            .values()
            .map(|kind| match kind {
                validator::ValidationErrorsKind::Field(v) => v.len(),
                validator::ValidationErrorsKind::Struct(s) => walk(s),
                validator::ValidationErrorsKind::List(m) => m.values().map(|s| walk(s)).sum(),
            })
            .sum()
    }
    r.as_ref().err().map_or(0, walk)
}

fn bench(c: &mut Criterion) {
    use garde::Validate as _;
    use share_schema::Validate as _;
    use validator::Validate as _;

    for (name, json) in payloads() {
        let ours: ShareMessage = serde_json::from_str(&json).expect("share_schema parses");
        let theirs_g: with_garde::Share = serde_json::from_str(&json).expect("garde struct parses");
        let theirs_v: with_validator::Share =
            serde_json::from_str(&json).expect("validator struct parses");

        // The same findings, before timing: ours reports every severity, theirs only errors.
        let report = ours.report();
        let (n_ours, n_garde, n_validator) = (
            report.len(),
            garde_count(&theirs_g.validate()),
            validator_count(&theirs_v.validate()),
        );
        eprintln!(
            "{name}: share_schema {n_ours} finding(s) {:?}, garde {n_garde}, validator {n_validator}",
            report.iter().map(|v| v.code()).collect::<Vec<_>>()
        );
        assert_eq!(n_ours, n_garde, "{name}: garde finds something else");
        assert_eq!(
            n_ours, n_validator,
            "{name}: validator finds something else"
        );

        let mut group = c.benchmark_group(name);
        group.bench_function(BenchmarkId::from_parameter("share_schema"), |b| {
            b.iter(|| black_box(&ours).validate())
        });
        group.bench_function(BenchmarkId::from_parameter("garde"), |b| {
            b.iter(|| black_box(&theirs_g).validate())
        });
        group.bench_function(BenchmarkId::from_parameter("validator"), |b| {
            b.iter(|| black_box(&theirs_v).validate())
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50);
    targets = bench
}
criterion_main!(benches);
