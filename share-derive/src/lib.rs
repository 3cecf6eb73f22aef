//! `#[derive(Validate)]` for `share-schema`: validators, structural checks and JSON Schema from
//! one set of `#[share(...)]` attributes, with violation paths in the JSON (serde) names.
//!
//! Three steps, three files: `attr/` parses `#[serde]` and `#[share]` into the model of
//! `ast.rs`; `check.rs` rejects bad attributes (all of them at once); `expand/` generates code
//! and cannot fail. The attribute reference is in `share-schema`'s documentation.

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;

use proc_macro::TokenStream;

/// Derives `Validate`, `Shape` and `JsonSchema` (and `JsonName` for unit-only enums) from
/// `#[share(...)]` field attributes and the type's `#[serde(...)]` attributes.
#[proc_macro_derive(Validate, attributes(share))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    let cx = ctxt::Ctxt::default();
    let container = attr::container(&cx, &input);
    if let Some(c) = &container {
        check::container(&cx, c);
    }
    match (cx.check(), container) {
        (Ok(()), Some(c)) => expand::derive(&c).into(),
        (Err(errors), _) => expand::stub(&input, errors).into(),
        (Ok(()), None) => unreachable!("a missing model is always recorded as an error"),
    }
}
