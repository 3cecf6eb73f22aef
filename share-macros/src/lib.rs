//! `payload!` and `include_payload!`: `ksoxz_sdk.shareMessage` payloads checked by `cargo build`.
//!
//! ```
//! use share_macros::{payload, ShareMessage};
//! let msg: ShareMessage = payload!({
//!     "type": "text",
//!     "channelType": ["wx"],          // comments are fine: they are not tokens
//!     "channelObject": { "text": "你好" },
//! });
//! # use share_schema::Validate;
//! assert!(msg.validate().is_ok());
//! ```
//!
//! A payload the SDK would reject does not compile; each error is reported at the token that
//! causes it, with the code and wording of `share-lint`:
//!
//! ```compile_fail
//! use share_macros::payload;
//! let msg = payload!({
//!     "type": "miniProgram",
//!     "channelType": ["wx", "wx_moments"], // error[SM301] mini-program-to-moments
//!     "channelObject": { "webpageUrl": "https://example.com", "userName": "gh_0123456789ab" }
//! });
//! ```
//!
//! This crate is all a program needs: the values are `share-schema`'s [`ShareMessage`],
//! re-exported here with the [`Validate`] trait. The macros themselves are in
//! `share-macros-impl`, which checks each payload with `share-schema`'s own rules on JSON parsed
//! by `share-json`, the linter's parser: no rule is written twice. Warnings (e.g. `http:` URLs)
//! do not fail the build.

pub use share_macros_impl::{include_payload, payload};
pub use share_schema::{ShareMessage, Validate};

/// What the expansions call: the runtime, under a path that only this crate provides, so a
/// program that depends on `share-macros` alone compiles them. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use share_schema;
}
