//! The `Shape` impl: reading untyped JSON into the type, with the same rules as `Validate`.
//! [`shape_body`] dispatches to one file per form — `shape_struct.rs` for structs, then
//! `enum_external.rs` (unit-only enums too), `enum_internal.rs`, `enum_adjacent.rs`,
//! `enum_untagged.rs` — and this file holds what they share: a variant's content and the
//! `expected()` text.

use super::enum_adjacent::shape_adjacent;
use super::enum_external::shape_external;
use super::enum_internal::shape_internal;
use super::enum_untagged::shape_untagged;
use super::shape_struct::{shape_fields, shape_struct, struct_ctor};
use super::{rt, Statics};
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::quote;

/// The body of `from_json_allowing`'s builder closure: `__share_value` read into `Option<Self>`,
/// one representation per file.
pub(super) fn shape_body(c: &Container, statics: &mut Statics) -> TokenStream {
    match &c.data {
        Data::Struct(fields) => shape_struct(c, fields, statics),
        Data::Enum { repr, variants } => {
            let live: Vec<&Variant> = variants.iter().filter(|v| !v.skip).collect();
            let names: Vec<&str> = live.iter().map(|v| v.json_name.as_str()).collect();
            match repr {
                Repr::External => shape_external(c, &live, &names, statics),
                Repr::Internal { tag } => shape_internal(c, &live, &names, tag, statics),
                Repr::Adjacent { tag, content } => {
                    shape_adjacent(c, &live, &names, tag, content, statics)
                }
                Repr::Untagged => shape_untagged(c, &live, statics),
            }
        }
    }
}

/// The content of a non-unit variant read from `__share_json` (external, adjacent, untagged).
pub(super) fn variant_content(c: &Container, v: &Variant, statics: &mut Statics) -> TokenStream {
    let rt = rt();
    let vid = v.ident;
    match &v.style {
        Style::Unit => quote!(::core::option::Option::Some(Self::#vid)),
        Style::Newtype(ty) => quote! {
            (&#rt::Probe::<#ty>::new()).probe_from_json(__share_json, __share_cx).map(Self::#vid)
        },
        Style::Struct(fields) => {
            let ctor = struct_ctor(quote!(Self::#vid), fields);
            let read = shape_fields(c, fields, &[], ctor, statics);
            quote! {
                match #rt::expect_object(__share_json, __share_cx) {
                    ::core::option::Option::Some(__share_map) => #read,
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }
        }
    }
}

/// What `Shape::expected` says the JSON should be, for "expected ..., found ..." messages.
pub(super) fn expected_text(c: &Container) -> String {
    match &c.data {
        Data::Struct(_) => "an object".to_owned(),
        Data::Enum { repr, variants } => {
            let live: Vec<&Variant> = variants.iter().filter(|v| !v.skip).collect();
            let all_unit = live.iter().all(|v| matches!(v.style, Style::Unit));
            match repr {
                Repr::External if all_unit => {
                    let names: Vec<String> = live
                        .iter()
                        .map(|v| format!("\"{}\"", v.json_name))
                        .collect();
                    format!("one of the strings {}", names.join(", "))
                }
                Repr::External => format!("a `{}` variant", c.ident),
                Repr::Internal { .. } | Repr::Adjacent { .. } => "an object".to_owned(),
                Repr::Untagged => format!("a `{}`", c.ident),
            }
        }
    }
}
