//! WeChat's and the vendor's limits, each written once, with its source (DOMAIN.md §2). The
//! model's attributes, the linter and the builder all refer to these constants.

/// `title`: at most 512 bytes (WeChat share docs for Android and iOS; the Android SDK checks 512).
pub const TITLE_MAX_BYTES: usize = 512;

/// `description`: at most 1 KB (same docs; the Android SDK checks 1024).
pub const DESCRIPTION_MAX_BYTES: usize = 1024;

/// `text`: at most 10 KB (same docs; the Android SDK checks 1..10240).
pub const TEXT_MAX_BYTES: usize = 10_240;

/// `webpageUrl`: at most 10 KB (same docs).
pub const WEBPAGE_URL_MAX_BYTES: usize = 10_240;

/// A mini program's `webpageUrl`: the newer iOS header says at most 1024 bytes (a warning).
pub const MINI_PROGRAM_WEBPAGE_URL_MAX_BYTES: usize = 1_024;

/// A web page thumbnail, decoded: at most 64 KiB in current SDKs (Android constant 65536).
pub const WEB_PAGE_THUMB_MAX_BYTES: usize = 65_536;

/// A web page thumbnail, decoded: 32 KiB in the docs and older SDKs (a warning above it).
pub const WEB_PAGE_THUMB_LEGACY_MAX_BYTES: usize = 32_768;

/// A mini program thumbnail, decoded: at most 128 KiB (Android constant 131072).
pub const MINI_PROGRAM_THUMB_MAX_BYTES: usize = 131_072;

/// The first WPS协作 client version with the external share (iOS and Android; not PC).
pub const EXTERNAL_SHARE_MIN_CLIENT: (u32, u32, u32) = (4, 25, 0);

/// The first WPS协作 client version with the in-app share (iOS, Android and PC).
pub const IN_APP_SHARE_MIN_CLIENT: (u32, u32, u32) = (2, 1, 0);

/// The first client version that knows `showAIAgentEntrance`.
pub const AI_AGENT_ENTRANCE_MIN_CLIENT: (u32, u32, u32) = (5, 33, 0);
