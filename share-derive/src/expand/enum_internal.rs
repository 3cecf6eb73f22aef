//! The `Shape` code for internally tagged enums, `#[serde(tag = "type")]`:
//! `{"type": "Variant", ...fields}`, the tag beside the variant's own fields.

use super::shape_struct::{shape_fields, struct_ctor};
use super::{rt, Statics};
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::quote;

/// Reads the tag of the object `__share_value`, then the variant's fields from the same object; a
/// newtype variant's inner type reads the object with the tag allowed.
pub(super) fn shape_internal(
    c: &Container,
    live: &[&Variant],
    names: &[&str],
    tag: &str,
    statics: &mut Statics,
) -> TokenStream {
    let rt = rt();
    let arms = live.iter().map(|v| {
        let (vid, names) = (v.ident, v.names());
        match &v.style {
            // serde reads a unit variant's object with every key beside the tag ignored,
            // `deny_unknown_fields` or not (its `InternallyTaggedUnitVisitor`).
            Style::Unit => {
                let read = shape_fields(c, &[], &[tag], false, quote!(Self::#vid), statics, false);
                quote!(#(#names)|* => #read,)
            }
            Style::Newtype(ty) => quote! {
                #(#names)|* => {
                    let mut __share_allow: ::std::vec::Vec<&str> = __share_allowed.to_vec();
                    __share_allow.push(#tag);
                    (&#rt::Probe::<#ty>::new())
                        .probe_from_json_allowing(__share_value, __share_cx, &__share_allow)
                        .map(Self::#vid)
                }
            },
            // `check.rs` refused them, as serde does.
            Style::Tuple(_) => TokenStream::new(),
            Style::Struct(fields) => {
                let ctor = struct_ctor(quote!(Self::#vid), fields);
                let read = shape_fields(c, fields, &[tag], c.deny_unknown, ctor, statics, false);
                quote!(#(#names)|* => #read,)
            }
        }
    });
    quote! {
        let __share_map = #rt::expect_object(__share_value, __share_cx)?;
        let __share_tag = #rt::tag_of(__share_map, #tag, __share_cx)?;
        match __share_tag {
            #(#arms)*
            __share_other => {
                __share_cx.at_key(#tag, |__share_cx| #rt::unknown_variant(__share_cx, __share_other, &[#(#names),*]));
                ::core::option::Option::None
            }
        }
    }
}
