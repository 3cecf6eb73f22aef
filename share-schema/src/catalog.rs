//! The rule catalogue: every rule the toolkit reports — code, name, default severity and a
//! one-line summary — declared once, here, as a typed [`Rule`] value.
//!
//! Everything else refers to these values: the payload model's attributes
//! (`#[share(not_contains("wx_moments", rule = catalog::MINI_PROGRAM_TO_MOMENTS))]`) take the
//! code and severity from them, every [`Violation`](crate::Violation) carries one, and the
//! linter's registry pairs each with its documentation and fix. A code or a severity is never
//! written a second time (a test reads the sources to keep it so).
//!
//! ```
//! use share_schema::{catalog, Severity};
//!
//! let rule = catalog::lookup("SM301").unwrap();
//! assert_eq!(rule, &catalog::MINI_PROGRAM_TO_MOMENTS);
//! assert_eq!(rule.name, "mini-program-to-moments");
//! assert_eq!(rule.severity, Severity::Error);
//! ```
//!
//! Code ranges: `SM0xx` the file itself (the linter's), `SM101`–`SM104` structure, `SM105`–`SM108`
//! and `SM3xx`–`SM7xx` the domain, `SM8xx` project policy (the linter's), `SM2xx` the default
//! codes of the `#[share(...)]` rule kinds on users' own types.

use crate::Severity;

/// One rule: what it is called and how much a failure matters unless configured otherwise.
///
/// Users may declare their own, for `custom` functions and for `rule = ...` in attributes:
///
/// ```
/// use share_schema::{catalog::Rule, Severity};
/// const NO_TABS: Rule = Rule::new("APP001", "tab-in-name", Severity::Error, "a name with a tab");
/// assert_eq!(NO_TABS.code, "APP001");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    /// The stable code, e.g. `SM301`.
    pub code: &'static str,
    /// The name, after the bad pattern: `mini-program-to-moments`.
    pub name: &'static str,
    /// The severity it reports with unless configured otherwise.
    pub severity: Severity,
    /// One line saying what it finds.
    pub summary: &'static str,
    /// Whether deserialization fails on it (as serde's `deny_unknown_fields` would) rather
    /// than only `validate()`: a wrong type, a missing or unknown key, an unknown variant, a
    /// payload that is neither or both share variants.
    pub structural: bool,
    /// What a finding points at in the source.
    pub points_at: PointsAt,
}

/// What a finding of a rule points at, given the JSON Pointer of its violation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PointsAt {
    /// The value (an object by the key that holds it).
    Value,
    /// The key naming the value: an unknown key, a key of the other share variant.
    Key,
}

impl Rule {
    /// A rule with these parts, pointing at values, not structural.
    pub const fn new(
        code: &'static str,
        name: &'static str,
        severity: Severity,
        summary: &'static str,
    ) -> Rule {
        Rule {
            code,
            name,
            severity,
            summary,
            structural: false,
            points_at: PointsAt::Value,
        }
    }

    /// The rule of a `code = "..."` given in an attribute of a user's type: named `custom`.
    pub const fn custom(code: &'static str, severity: Severity) -> Rule {
        Rule::new(code, "custom", severity, "")
    }

    /// The same rule, reporting with `severity` (a user's `severity = "warning"` on a rule kind).
    pub const fn with_severity(self, severity: Severity) -> Rule {
        Rule { severity, ..self }
    }

    /// Marks the rule structural (see [`Rule::structural`]).
    const fn structural(self) -> Rule {
        Rule {
            structural: true,
            ..self
        }
    }

    /// Makes findings point at the key (see [`PointsAt::Key`]).
    const fn at_key(self) -> Rule {
        Rule {
            points_at: PointsAt::Key,
            ..self
        }
    }
}

macro_rules! catalog {
    ($(
        $(#[$group_doc:meta])* $group:ident {
            $($(#[$doc:meta])* $konst:ident = $code:literal, $name:literal, $sev:ident,
                $summary:expr $(=> $($flag:ident)+)?;)*
        }
    )*) => {
        $($(
            $(#[$doc])*
            pub const $konst: Rule =
                Rule::new($code, $name, Severity::$sev, $summary)$($(.$flag())+)?;
        )*)*
        $(
            $(#[$group_doc])*
            pub const $group: &[Rule] = &[$($konst),*];
        )*
        /// Every rule of the catalogue, in code order within each group: [`FILE`],
        /// [`STRUCTURE`], [`DOMAIN`], [`POLICY`], [`GENERIC`].
        pub const GROUPS: &[&[Rule]] = &[$($group),*];
    };
}

catalog! {
    /// About the file itself, which only the linter reads: syntax, encoding, size, suppression
    /// comments.
    FILE {
        /// Not valid JSON (or JSONC where comments are allowed).
        INVALID_JSON = "SM001", "invalid-json", Error,
            "a file that is not valid JSON (or JSONC, where comments are allowed)";
        /// A key that repeats an earlier key of the same object.
        DUPLICATE_KEY = "SM002", "duplicate-key", Error,
            "a key that repeats an earlier key of the same object";
        /// A UTF-8 byte-order mark at the start.
        BYTE_ORDER_MARK = "SM003", "byte-order-mark", Warning,
            "a file that starts with a UTF-8 byte-order mark";
        /// A `// share-lint-ignore CODE` comment that suppressed nothing.
        UNUSED_SUPPRESSION = "SM004", "unused-suppression", Warning,
            "a `// share-lint-ignore` comment that suppressed nothing";
        /// Not valid UTF-8.
        INVALID_UTF8 = "SM005", "invalid-utf8", Error, "a file that is not valid UTF-8";
        /// Larger than `max-file-size`.
        FILE_TOO_LARGE = "SM006", "file-too-large", Error,
            "a file larger than `max-file-size`, which is not read";
        /// A number JavaScript reads as `Infinity`.
        NUMBER_OUT_OF_RANGE = "SM007", "number-out-of-range", Error,
            "a number that no JavaScript engine represents, such as `1e999999`";
        /// A script (JavaScript or TypeScript) with a `shareMessage` call that does not parse.
        INVALID_SCRIPT = "SM008", "invalid-script", Error,
            "a JavaScript or TypeScript file (or `<script>` block) with a `shareMessage` call \
             that does not parse";
    }
    /// The structure every derived type checks.
    STRUCTURE {
        /// `"channelType": "wx"` where an array is expected.
        WRONG_TYPE = "SM101", "wrong-type", Error, "a value of the wrong JSON type" => structural;
        /// A required key is absent.
        MISSING_KEY = "SM102", "missing-key", Error, "a required key that is absent" => structural;
        /// A key the type does not know (a typo, or a key of the other variant).
        UNKNOWN_KEY = "SM103", "unknown-key", Error, "a key the format does not know"
            => structural at_key;
        /// A tag or enum string outside the known set (`"type": "image"`).
        UNKNOWN_VARIANT = "SM104", "unknown-variant", Error,
            "a `type` or channel outside the known set" => structural;
    }
    /// The payload model's rules (DOMAIN.md).
    DOMAIN {
        /// `channelType`/`channelObject` beside `content`: the two variants mixed.
        MIXED_VARIANTS = "SM105", "mixed-share-variants", Error,
            "keys of the external share and of the in-app share in one payload"
            => structural at_key;
        /// Neither `channelObject`/`channelType` nor `content`.
        MISSING_SHARE_CONTENT = "SM106", "missing-share-content", Error,
            "a payload with neither `channelObject` (external share) nor `content` (in-app share)"
            => structural;
        /// An in-app share of `type: "miniProgram"`.
        IN_APP_MINI_PROGRAM = "SM107", "in-app-mini-program", Error,
            "a mini program shared with the in-app share, which has no mini program type"
            => structural;
        /// `[]`: a payload file with nothing to check.
        EMPTY_PAYLOAD_ARRAY = "SM108", "empty-payload-array", Warning,
            "a payload file that is an empty array";
        /// The parameters of another API's share call (WeChat JS-SDK, DingTalk, WeCom,
        /// uni-app, WeChat OpenSDK), or an in-app `type` in an external share.
        FOREIGN_PAYLOAD = "SM109", "foreign-payload", Error,
            "a payload written for another API's share call" => structural;
        /// A mini program shared to WeChat Moments.
        MINI_PROGRAM_TO_MOMENTS = "SM301", "mini-program-to-moments", Error,
            "a mini program shared to `wx_moments`, which WeChat does not support";
        /// `channelType: []`.
        EMPTY_CHANNEL_TYPE = "SM302", "empty-channel-type", Error,
            "an empty `channelType`: nowhere to share to";
        /// The same channel twice.
        DUPLICATE_CHANNEL = "SM303", "duplicate-channel", Warning,
            "a channel listed twice in `channelType`";
        /// `title` over 512 bytes.
        TITLE_TOO_LONG = "SM401", "title-too-long", Error, "a `title` over 512 bytes";
        /// `description` over 1 KB.
        DESCRIPTION_TOO_LONG = "SM402", "description-too-long", Error,
            "a `description` over 1,024 bytes";
        /// Empty `text`.
        EMPTY_TEXT = "SM403", "empty-text", Error, "an empty `text`";
        /// `text` over 10 KB.
        TEXT_TOO_LONG = "SM404", "text-too-long", Error, "a `text` over 10,240 bytes";
        /// Empty `webpageUrl` or in-app `url`.
        EMPTY_URL = "SM405", "empty-url", Error, "an empty `webpageUrl` or `url`";
        /// `webpageUrl` over 10 KB.
        URL_TOO_LONG = "SM406", "url-too-long", Error, "a `webpageUrl` over 10,240 bytes";
        /// A mini program's `webpageUrl` over 1024 bytes.
        MINI_PROGRAM_URL_TOO_LONG = "SM407", "mini-program-url-too-long", Warning,
            "a mini program's `webpageUrl` over 1,024 bytes (the newer iOS SDK's limit)";
        /// A web page or mini program without `title`.
        MISSING_TITLE = "SM408", "missing-title", Warning,
            "a web page or mini program card without a `title`";
        /// An empty in-app `title`.
        EMPTY_TITLE = "SM409", "empty-title", Error,
            "an empty `title` on an in-app web page card";
        /// Not an absolute http(s) URL, or with credentials.
        INVALID_URL = "SM501", "invalid-url", Error,
            "a URL that is not absolute http(s), or that carries `user:password@`";
        /// `http:` rather than `https:`.
        INSECURE_URL = "SM502", "insecure-url", Warning, "a plain `http:` URL";
        /// A thumbnail that is not bare base64 of an image.
        INVALID_THUMBNAIL = "SM601", "invalid-thumbnail", Error,
            "a `thumbImage` with a `data:` prefix, not base64, not an image, or a URL";
        /// A thumbnail over its hard limit.
        THUMBNAIL_TOO_LARGE = "SM602", "thumbnail-too-large", Error,
            "a thumbnail over 64 KiB (web page) or 128 KiB (mini program) decoded";
        /// A web page thumbnail over the documented 32 KiB.
        THUMBNAIL_OVER_LEGACY_LIMIT = "SM603", "thumbnail-over-legacy-limit", Warning,
            "a web page thumbnail over the 32 KiB that the docs and older SDKs allow";
        /// A mini program without a thumbnail.
        MISSING_MINI_PROGRAM_THUMBNAIL = "SM604", "missing-mini-program-thumbnail", Warning,
            "a mini program card without `thumbImage` (Android requires one)";
        /// A mini program thumbnail not in 5:4.
        THUMBNAIL_ASPECT_RATIO = "SM605", "thumbnail-aspect-ratio", Info,
            "a mini program thumbnail not in the recommended 5:4";
        /// An empty `userName`.
        EMPTY_USER_NAME = "SM701", "empty-user-name", Error, "an empty mini program `userName`";
        /// A `userName` not of the form `gh_` + 12 hex digits.
        USER_NAME_FORMAT = "SM702", "user-name-format", Warning,
            "a `userName` that is not `gh_` and 12 hex digits";
    }
    /// The project's policy (DOMAIN.md §3), which the linter checks with its configuration.
    POLICY {
        /// A WeChat share in a private deployment.
        PRIVATE_DEPLOYMENT_SHARE = "SM801", "private-deployment-share", Error,
            "a share to WeChat in a private (私网) deployment, whose clients cannot share to WeChat";
        /// A share that a supported client or platform does not have.
        UNSUPPORTED_CLIENT = "SM802", "unsupported-client", Error,
            "a share that a supported client version or platform does not have";
        /// `showAIAgentEntrance` for clients that ignore it.
        AI_AGENT_ENTRANCE_CLIENT = "SM803", "ai-agent-entrance-client", Warning,
            "`showAIAgentEntrance` while supporting clients older than 5.33, which ignore it";
        /// A URL to a host outside `allowed-hosts`.
        HOST_NOT_ALLOWED = "SM804", "host-not-allowed", Error,
            "a `webpageUrl`, `url` or `image` whose host is not in `allowed-hosts`";
        /// A mini program card whose `userName` is not one of the team's mini programs.
        USER_NAME_NOT_ALLOWED = "SM805", "user-name-not-allowed", Error,
            "a mini program `userName` not in `mini-program-user-names`";
    }
    /// The default rule of each `#[share(...)]` rule kind on a user's own type (the payload
    /// model names domain rules instead).
    GENERIC {
        /// `non_empty`.
        NON_EMPTY = "SM201", "non-empty", Error, "an empty string or list";
        /// `max_bytes`, `min_chars`, `max_utf16`, ...
        LENGTH = "SM202", "length", Error, "a string outside its length limits";
        /// `url`.
        URL = "SM203", "url", Error, "a string that is not an absolute URL of an allowed scheme";
        /// `https`.
        HTTPS = "SM204", "https", Error, "a URL that is not `https:`";
        /// `base64_image`.
        BASE64_IMAGE = "SM205", "base64-image", Error, "a string that is not base64 of an image";
        /// `max_decoded_bytes`.
        DECODED_SIZE = "SM206", "decoded-size", Error, "base64 that decodes to too many bytes";
        /// `aspect_ratio`.
        ASPECT_RATIO = "SM207", "aspect-ratio", Error, "an image not in the expected aspect ratio";
        /// `pattern`.
        PATTERN = "SM208", "pattern", Error, "a string that does not match its pattern";
        /// `one_of`.
        ONE_OF = "SM209", "one-of", Error, "a value outside its allowed set";
        /// `not_contains`.
        NOT_CONTAINS = "SM210", "not-contains", Error, "a list holding a forbidden item";
        /// `unique`.
        UNIQUE = "SM211", "unique", Error, "a list holding an item twice";
        /// `required` (on an `Option` field that should be present).
        REQUIRED = "SM212", "required", Error, "an optional field that should be present";
        /// `range`.
        RANGE = "SM213", "range", Error, "a number outside its range";
        /// `ascii`.
        ASCII = "SM214", "ascii", Error, "a string with a character outside ASCII";
        /// `alphanumeric`.
        ALPHANUMERIC = "SM215", "alphanumeric", Error,
            "a string with a character that is neither a letter nor a digit";
        /// `non_control_character`.
        CONTROL_CHARACTER = "SM216", "control-character", Error,
            "a string with a control character";
        /// `contains`.
        CONTAINS = "SM217", "contains", Error, "a string without a required part";
        /// `prefix`.
        PREFIX = "SM218", "prefix", Error, "a string without its required start";
        /// `suffix`.
        SUFFIX = "SM219", "suffix", Error, "a string without its required end";
        /// `email`.
        EMAIL = "SM220", "email", Error, "a string that is not an email address";
        /// `ip`, `ipv4`, `ipv6`.
        IP = "SM221", "ip", Error, "a string that is not an IP address";
        /// `min_items`, `max_items`.
        ITEM_COUNT = "SM222", "item-count", Error, "a list with too few or too many items";
        /// `matches(other)`.
        MATCHES = "SM223", "matches", Error, "a field that differs from the one it must match";
        /// A `custom` or `check` function of a type with `#[share(context(T))]`, run without a
        /// `T` (`validate()` instead of `validate_with(&t)`): it could not run.
        CONTEXT_MISSING = "SM224", "context-missing", Error, "a rule that needs a user context it was not given";
        /// `custom` and `check` functions that report without a rule of their own.
        CUSTOM = "SM299", "custom", Error, "a failed custom check";
    }
}

/// Every rule of the catalogue, group by group.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    GROUPS.iter().flat_map(|group| group.iter())
}

/// The rule with this code (ASCII case-insensitive: `SM301`, `sm301`) or name
/// (`mini-program-to-moments`).
pub fn lookup(code_or_name: &str) -> Option<&'static Rule> {
    all().find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_declared_once() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for rule in all() {
            assert!(codes.insert(rule.code), "{} declared twice", rule.code);
            assert!(names.insert(rule.name), "{} declared twice", rule.name);
            assert!(
                rule.code.len() == 5
                    && rule.code.starts_with("SM")
                    && rule.code[2..].bytes().all(|b| b.is_ascii_digit()),
                "{} is not SMnnn",
                rule.code
            );
            assert!(!rule.summary.is_empty(), "{} has no summary", rule.code);
        }
        assert_eq!(codes.len(), GROUPS.iter().map(|g| g.len()).sum::<usize>());
    }

    #[test]
    fn groups_hold_their_ranges_in_order() {
        let ranges: [(&[Rule], &str, &str); 5] = [
            (FILE, "SM001", "SM099"),
            (STRUCTURE, "SM101", "SM104"),
            (DOMAIN, "SM105", "SM799"),
            (POLICY, "SM801", "SM899"),
            (GENERIC, "SM201", "SM299"),
        ];
        for (group, first, last) in ranges {
            for r in group {
                assert!(
                    first <= r.code && r.code <= last,
                    "{} outside {first}–{last}",
                    r.code
                );
                // The domain skips the generic range.
                assert!(group == GENERIC || !r.code.starts_with("SM2"), "{}", r.code);
            }
            assert!(group.windows(2).all(|w| w[0].code < w[1].code));
        }
    }

    #[test]
    fn lookup_by_code_or_name() {
        assert_eq!(lookup("sm303"), Some(&DUPLICATE_CHANNEL));
        assert_eq!(lookup("duplicate-channel"), Some(&DUPLICATE_CHANNEL));
        assert_eq!(lookup("SM999"), None);
        let structural: Vec<&str> = all().filter(|r| r.structural).map(|r| r.code).collect();
        assert_eq!(
            structural,
            ["SM101", "SM102", "SM103", "SM104", "SM105", "SM106", "SM107", "SM109"]
        );
        let at_key: Vec<&str> = all()
            .filter(|r| r.points_at == PointsAt::Key)
            .map(|r| r.code)
            .collect();
        assert_eq!(at_key, ["SM103", "SM105"]);
    }
}
