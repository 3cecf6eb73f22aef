//! The stable codes of the checks that every derived type gets for free: structure (wrong type,
//! missing or unknown key, unknown variant) and the default code of each `#[share(...)]` rule.
//!
//! The payload model's own rules use the domain codes of [`crate::catalog`]; a user's type may
//! give any rule its own code with `code = "..."`.

/// A value has the wrong JSON type (`"channelType": "wx"` where an array is expected).
pub const WRONG_TYPE: &str = "SM101";
/// A required key is absent.
pub const MISSING_KEY: &str = "SM102";
/// A key the type does not know (typo, or a key of the other variant).
pub const UNKNOWN_KEY: &str = "SM103";
/// A tag or enum string outside the known set (`"type": "image"`, `"channelType": ["qq"]`).
pub const UNKNOWN_VARIANT: &str = "SM104";

/// Default code of `non_empty`.
pub const NON_EMPTY: &str = "SM201";
/// Default code of the length rules (`max_bytes`, `min_chars`, `max_utf16`, ...).
pub const LENGTH: &str = "SM202";
/// Default code of `url`.
pub const URL: &str = "SM203";
/// Default code of `https`.
pub const HTTPS: &str = "SM204";
/// Default code of `base64_image`.
pub const BASE64_IMAGE: &str = "SM205";
/// Default code of `max_decoded_bytes`.
pub const DECODED_SIZE: &str = "SM206";
/// Default code of `aspect_ratio`.
pub const ASPECT_RATIO: &str = "SM207";
/// Default code of `pattern`.
pub const PATTERN: &str = "SM208";
/// Default code of `one_of`.
pub const ONE_OF: &str = "SM209";
/// Default code of `not_contains`.
pub const NOT_CONTAINS: &str = "SM210";
/// Default code of `unique`.
pub const UNIQUE: &str = "SM211";
/// Default code of `required` (on an `Option` field that should be present).
pub const REQUIRED: &str = "SM212";
/// Default code of `custom` and `check` functions that report through [`crate::Context::error`]
/// without a code of their own.
pub const CUSTOM: &str = "SM299";

/// Whether `code` reports a structural problem: a wrong type, a missing or unknown key, an unknown
/// variant, or a payload that is neither or both share variants. Deserialization fails on these
/// (as serde's `deny_unknown_fields` would); rule violations only fail `validate()`.
pub fn is_structural(code: &str) -> bool {
    matches!(
        code,
        WRONG_TYPE
            | MISSING_KEY
            | UNKNOWN_KEY
            | UNKNOWN_VARIANT
            | crate::catalog::MIXED_VARIANTS
            | crate::catalog::MISSING_SHARE_CONTENT
            | crate::catalog::IN_APP_MINI_PROGRAM
    )
}
