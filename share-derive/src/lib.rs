//! `#[derive(Validate)]` for `share-schema` (work in progress).
use proc_macro::TokenStream;

/// Derives `Validate`, `Shape` and `JsonSchema`.
#[proc_macro_derive(Validate, attributes(share))]
pub fn derive_validate(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}
