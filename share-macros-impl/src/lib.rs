//! The proc-macros behind [`share-macros`](https://docs.rs/share-macros): depend on that crate,
//! not on this one. The expansions name `::share_macros::__private`, which only `share-macros`
//! provides (a proc-macro crate can export nothing else, so the runtime the expansions call is
//! re-exported there).
//!
//! The checks are `share-schema`'s (this crate depends on the runtime; the runtime's own derive
//! is a separate crate, so there is no cycle), run on JSON parsed by `share-json`, the linter's
//! parser: no rule is written twice. Warnings (e.g. `http:` URLs) do not fail the build.

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
    quote::quote!({ #errors ::share_macros::__private::share_schema::__private::not_compiled() })
}
