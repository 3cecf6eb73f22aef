//! The registry: every rule of the catalogue, in code order, and lookup by code or name.
//!
//! ```
//! use share_lint::rules::{lookup, FixKind};
//!
//! let rule = lookup("sm301").unwrap();
//! assert_eq!(rule.name, "mini-program-to-moments");
//! assert_eq!(rule.fix, FixKind::Unsafe);
//! assert_eq!(lookup("mini-program-to-moments"), Some(rule));
//! ```

use super::{
    ai_agent_entrance_client::AiAgentEntranceClient, byte_order_mark::ByteOrderMark,
    description_too_long::DescriptionTooLong, duplicate_channel::DuplicateChannel,
    duplicate_key::DuplicateKey, empty_channel_type::EmptyChannelType,
    empty_payload_array::EmptyPayloadArray, empty_text::EmptyText, empty_title::EmptyTitle,
    empty_url::EmptyUrl, empty_user_name::EmptyUserName, file_too_large::FileTooLarge,
    foreign_payload::ForeignPayload, host_not_allowed::HostNotAllowed,
    in_app_mini_program::InAppMiniProgram, insecure_url::InsecureUrl, invalid_json::InvalidJson,
    invalid_script::InvalidScript, invalid_thumbnail::InvalidThumbnail, invalid_url::InvalidUrl,
    invalid_utf8::InvalidUtf8, mini_program_to_moments::MiniProgramToMoments,
    mini_program_url_too_long::MiniProgramUrlTooLong, missing_key::MissingKey,
    missing_mini_program_thumbnail::MissingMiniProgramThumbnail,
    missing_share_content::MissingShareContent, missing_title::MissingTitle,
    mixed_share_variants::MixedShareVariants, number_out_of_range::NumberOutOfRange,
    private_deployment_share::PrivateDeploymentShare, text_too_long::TextTooLong,
    thumbnail_aspect_ratio::ThumbnailAspectRatio,
    thumbnail_over_legacy_limit::ThumbnailOverLegacyLimit, thumbnail_too_large::ThumbnailTooLarge,
    title_too_long::TitleTooLong, unknown_key::UnknownKey, unknown_variant::UnknownVariant,
    unsupported_client::UnsupportedClient, unused_suppression::UnusedSuppression,
    url_too_long::UrlTooLong, user_name_format::UserNameFormat,
    user_name_not_allowed::UserNameNotAllowed, wrong_type::WrongType, LintRule,
};
use share_schema::catalog::Rule;

/// Every rule of `share_schema::catalog` the linter reports, in code order: the file-level
/// rules (`SM0xx`), structure (`SM10x`), the domain rules (`SM105`–`SM702`) and the project
/// policy (`SM8xx`) — all but the generic defaults of users' own types (`SM2xx`).
pub static RULES: &[LintRule] = &[
    // The file itself.
    InvalidJson::RULE,
    DuplicateKey::RULE,
    ByteOrderMark::RULE,
    UnusedSuppression::RULE,
    InvalidUtf8::RULE,
    FileTooLarge::RULE,
    NumberOutOfRange::RULE,
    InvalidScript::RULE,
    // Structure.
    WrongType::RULE,
    MissingKey::RULE,
    UnknownKey::RULE,
    UnknownVariant::RULE,
    // Which share.
    MixedShareVariants::RULE,
    MissingShareContent::RULE,
    InAppMiniProgram::RULE,
    EmptyPayloadArray::RULE,
    ForeignPayload::RULE,
    // Channels.
    MiniProgramToMoments::RULE,
    EmptyChannelType::RULE,
    DuplicateChannel::RULE,
    // Text lengths.
    TitleTooLong::RULE,
    DescriptionTooLong::RULE,
    EmptyText::RULE,
    TextTooLong::RULE,
    EmptyUrl::RULE,
    UrlTooLong::RULE,
    MiniProgramUrlTooLong::RULE,
    MissingTitle::RULE,
    EmptyTitle::RULE,
    // URLs.
    InvalidUrl::RULE,
    InsecureUrl::RULE,
    // Thumbnails.
    InvalidThumbnail::RULE,
    ThumbnailTooLarge::RULE,
    ThumbnailOverLegacyLimit::RULE,
    MissingMiniProgramThumbnail::RULE,
    ThumbnailAspectRatio::RULE,
    // Mini program identity.
    EmptyUserName::RULE,
    UserNameFormat::RULE,
    // Project policy.
    PrivateDeploymentShare::RULE,
    UnsupportedClient::RULE,
    AiAgentEntranceClient::RULE,
    HostNotAllowed::RULE,
    UserNameNotAllowed::RULE,
];

/// Every rule, in code order.
pub fn all() -> &'static [LintRule] {
    RULES
}

/// The rule with this code (ASCII case-insensitive: `SM301`, `sm301`) or name
/// (`mini-program-to-moments`).
pub fn lookup(code_or_name: &str) -> Option<&'static LintRule> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// The lint rule of a catalogue entry; `None` for the rules of users' own types, which the
/// linter never reports.
pub fn of(rule: &Rule) -> Option<&'static LintRule> {
    // Found by its code (the rules are in code order, tests/registry.rs), then compared whole:
    // `==` on whole entries through the list cost 940 instructions a finding (BENCHMARKS.md,
    // issue 14's tenth session).
    let code = rule.code.as_bytes();
    let at = RULES
        .binary_search_by(|r| crate::bytes::order(r.rule.code.as_bytes(), code))
        .ok()?;
    Some(&RULES[at]).filter(|r| r.rule == rule)
}
