//! The rule catalogue: every code the toolkit reports, with its name, default severity and a
//! one-line summary. The payload model's attributes name these constants; the linter builds its
//! registry (with the long docs) on this list, so a code is defined once.

use crate::{codes, Severity};

/// One rule of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The stable code, e.g. `SM301`.
    pub code: &'static str,
    /// The name, after the bad pattern: `mini-program-to-moments`.
    pub name: &'static str,
    /// The severity it reports with unless configured otherwise.
    pub severity: Severity,
    /// One line saying what it finds.
    pub summary: &'static str,
}

macro_rules! catalog {
    ($($(#[$doc:meta])* $konst:ident = $code:literal, $name:literal, $sev:ident, $summary:literal;)*) => {
        $($(#[$doc])* pub const $konst: &str = $code;)*
        /// The payload model's domain rules, in code order.
        pub const DOMAIN: &[Entry] = &[
            $(Entry { code: $code, name: $name, severity: Severity::$sev, summary: $summary },)*
        ];
    };
}

catalog! {
    /// `channelType`/`channelObject` beside `content`: the two variants mixed.
    MIXED_VARIANTS = "SM105", "mixed-share-variants", Error, "keys of the external share and of the in-app share in one payload";
    /// Neither `channelObject`/`channelType` nor `content`.
    MISSING_SHARE_CONTENT = "SM106", "missing-share-content", Error, "a payload with neither `channelObject` (external share) nor `content` (in-app share)";
    /// An in-app share of `type: "miniProgram"`.
    IN_APP_MINI_PROGRAM = "SM107", "in-app-mini-program", Error, "a mini program shared with the in-app share, which has no mini program type";
    /// `[]`: a payload file with nothing to check.
    EMPTY_PAYLOAD_ARRAY = "SM108", "empty-payload-array", Warning, "a payload file that is an empty array";
    /// A mini program shared to WeChat Moments.
    MINI_PROGRAM_TO_MOMENTS = "SM301", "mini-program-to-moments", Error, "a mini program shared to `wx_moments`, which WeChat does not support";
    /// `channelType: []`.
    EMPTY_CHANNEL_TYPE = "SM302", "empty-channel-type", Error, "an empty `channelType`: nowhere to share to";
    /// The same channel twice.
    DUPLICATE_CHANNEL = "SM303", "duplicate-channel", Warning, "a channel listed twice in `channelType`";
    /// `title` over 512 bytes.
    TITLE_TOO_LONG = "SM401", "title-too-long", Error, "a `title` over 512 bytes";
    /// `description` over 1 KB.
    DESCRIPTION_TOO_LONG = "SM402", "description-too-long", Error, "a `description` over 1,024 bytes";
    /// Empty `text`.
    EMPTY_TEXT = "SM403", "empty-text", Error, "an empty `text`";
    /// `text` over 10 KB.
    TEXT_TOO_LONG = "SM404", "text-too-long", Error, "a `text` over 10,240 bytes";
    /// Empty `webpageUrl` or in-app `url`.
    EMPTY_URL = "SM405", "empty-url", Error, "an empty `webpageUrl` or `url`";
    /// `webpageUrl` over 10 KB.
    URL_TOO_LONG = "SM406", "url-too-long", Error, "a `webpageUrl` over 10,240 bytes";
    /// A mini program's `webpageUrl` over 1024 bytes.
    MINI_PROGRAM_URL_TOO_LONG = "SM407", "mini-program-url-too-long", Warning, "a mini program's `webpageUrl` over 1,024 bytes (the newer iOS SDK's limit)";
    /// A web page or mini program without `title`.
    MISSING_TITLE = "SM408", "missing-title", Warning, "a web page or mini program card without a `title`";
    /// An empty in-app `title`.
    EMPTY_TITLE = "SM409", "empty-title", Error, "an empty `title` on an in-app web page card";
    /// Not an absolute http(s) URL, or with credentials.
    INVALID_URL = "SM501", "invalid-url", Error, "a URL that is not absolute http(s), or that carries `user:password@`";
    /// `http:` rather than `https:`.
    INSECURE_URL = "SM502", "insecure-url", Warning, "a plain `http:` URL";
    /// A thumbnail that is not bare base64 of an image.
    INVALID_THUMBNAIL = "SM601", "invalid-thumbnail", Error, "a `thumbImage` with a `data:` prefix, not base64, not an image, or a URL";
    /// A thumbnail over its hard limit.
    THUMBNAIL_TOO_LARGE = "SM602", "thumbnail-too-large", Error, "a thumbnail over 64 KiB (web page) or 128 KiB (mini program) decoded";
    /// A web page thumbnail over the documented 32 KiB.
    THUMBNAIL_OVER_LEGACY_LIMIT = "SM603", "thumbnail-over-legacy-limit", Warning, "a web page thumbnail over the 32 KiB that the docs and older SDKs allow";
    /// A mini program without a thumbnail.
    MISSING_MINI_PROGRAM_THUMBNAIL = "SM604", "missing-mini-program-thumbnail", Warning, "a mini program card without `thumbImage` (Android requires one)";
    /// A mini program thumbnail not in 5:4.
    THUMBNAIL_ASPECT_RATIO = "SM605", "thumbnail-aspect-ratio", Info, "a mini program thumbnail not in the recommended 5:4";
    /// An empty `userName`.
    EMPTY_USER_NAME = "SM701", "empty-user-name", Error, "an empty mini program `userName`";
    /// A `userName` not of the form `gh_` + 12 hex digits.
    USER_NAME_FORMAT = "SM702", "user-name-format", Warning, "a `userName` that is not `gh_` and 12 hex digits";
}

/// The checks every derived type gets (structure, and the rule kinds' default codes).
pub const GENERIC: &[Entry] = &[
    Entry {
        code: codes::WRONG_TYPE,
        name: "wrong-type",
        severity: Severity::Error,
        summary: "a value of the wrong JSON type",
    },
    Entry {
        code: codes::MISSING_KEY,
        name: "missing-key",
        severity: Severity::Error,
        summary: "a required key that is absent",
    },
    Entry {
        code: codes::UNKNOWN_KEY,
        name: "unknown-key",
        severity: Severity::Error,
        summary: "a key the format does not know",
    },
    Entry {
        code: codes::UNKNOWN_VARIANT,
        name: "unknown-variant",
        severity: Severity::Error,
        summary: "a `type` or channel outside the known set",
    },
];

/// The entry of `code`, among the domain and generic rules.
pub fn lookup(code: &str) -> Option<&'static Entry> {
    DOMAIN.iter().chain(GENERIC).find(|e| e.code == code)
}
