//! `payload!` and `include_payload!`: `ksoxz_sdk.shareMessage` payloads checked by `cargo build`.
//!
//! ```
//! use share_macros::payload;
//! let msg: share_schema::ShareMessage = payload!({
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
//! The checks are `share-schema`'s (the proc-macro depends on the runtime; the runtime's own
//! derive is a separate crate, so there is no cycle), run on JSON parsed by `share-json`, the
//! linter's parser: no rule is written twice. Warnings (e.g. `http:` URLs) do not fail the build.

mod check;
mod expand;
mod tokens;

use proc_macro::TokenStream;

/// A `ShareMessage` from a JSON literal, checked at compile time (structure and every
/// error-severity rule); comments and trailing commas are allowed.
#[proc_macro]
pub fn payload(input: TokenStream) -> TokenStream {
    expand::payload(input.into())
        .unwrap_or_else(|e| never(e.to_compile_error()))
        .into()
}

/// The payload of a file in the crate (path relative to `CARGO_MANIFEST_DIR`), checked at
/// compile time; a `.jsonc` file may carry comments. A params object or call argument gives a
/// `ShareMessage`, an array a `Vec<ShareMessage>`. The crate is rebuilt when the file changes.
#[proc_macro]
pub fn include_payload(input: TokenStream) -> TokenStream {
    expand::include_payload(input.into())
        .unwrap_or_else(|e| never(e.to_compile_error()))
        .into()
}

/// The errors, in an expression of the macro's usual type, so the caller sees only them: no
/// type mismatch, and no "unreachable code" warning after it (which a `!` expression would cause).
fn never(errors: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    quote::quote!({ #errors ::share_schema::__private::not_compiled() })
}
