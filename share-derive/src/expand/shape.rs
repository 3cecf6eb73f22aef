//! The `Shape` impl: reading untyped JSON into the type, with the same rules as `Validate`.
//! [`shape_body`] dispatches to one file per form — `shape_struct.rs` for structs, then
//! `enum_external.rs` (unit-only enums too), `enum_internal.rs`, `enum_adjacent.rs`,
//! `enum_untagged.rs` — and this file holds what they share: a variant's content and the
//! `expected()` text.

use super::enum_adjacent::shape_adjacent;
use super::enum_external::shape_external;
use super::enum_internal::shape_internal;
use super::enum_untagged::shape_untagged;
use super::shape_struct::{
    shape_fields, shape_struct, shape_transparent, shape_tuple, struct_ctor,
};
use super::{rt, Statics};
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::quote;

/// The body of `from_json_allowing`'s builder closure: `__share_value` read into `Option<Self>`,
/// one representation per file.
pub(super) fn shape_body(c: &Container, statics: &mut Statics) -> TokenStream {
    match &c.data {
        Data::Struct(fields) => shape_struct(c, fields, statics),
        Data::Tuple(fields) => {
            let ctor = struct_ctor(quote!(Self), fields);
            shape_tuple(c, fields, quote!(__share_value), ctor, statics)
        }
        Data::Transparent { fields, inner } => shape_transparent(c, fields, *inner, statics),
        Data::Unit => {
            let rt = rt();
            // Inside an internally tagged enum, serde reads it from the object of the tag alone.
            quote! {
                let __share_tag_only = !__share_allowed.is_empty()
                    && __share_value.as_object().is_some_and(|__share_map| {
                        __share_map.keys().all(|__share_k| __share_allowed.contains(&__share_k.as_str()))
                    });
                if __share_value.is_null() || __share_tag_only {
                    ::core::option::Option::Some(Self)
                } else {
                    #rt::wrong_type(__share_cx, "null", __share_value);
                    ::core::option::Option::None
                }
            }
        }
        Data::Enum { repr, variants } => {
            let (tagged, untagged) = partition(repr, variants);
            if tagged.is_empty() {
                return shape_untagged(c, &untagged, None, statics);
            }
            let names: Vec<&str> = tagged.iter().map(|v| v.json_name.as_str()).collect();
            let body = match repr {
                Repr::External => shape_external(c, &tagged, &names, statics),
                Repr::Internal { tag } => shape_internal(c, &tagged, &names, tag, statics),
                Repr::Adjacent { tag, content } => {
                    shape_adjacent(c, &tagged, &names, tag, content, statics)
                }
                Repr::Untagged => unreachable!("an untagged enum has no tagged variants"),
            };
            if untagged.is_empty() {
                body
            } else {
                // serde tries the tagged variants, then each `#[serde(untagged)]` one in order.
                shape_untagged(c, &untagged, Some(body), statics)
            }
        }
    }
}

/// The variants serde reads (not skipped), split into tagged ones and those read untagged (all
/// of an untagged enum's, or those marked `#[serde(untagged)]`, which serde tries last).
pub(super) fn partition<'v, 'a>(
    repr: &Repr,
    variants: &'v [Variant<'a>],
) -> (Vec<&'v Variant<'a>>, Vec<&'v Variant<'a>>) {
    variants
        .iter()
        .filter(|v| !v.skip)
        .partition(|v| !v.untagged && *repr != Repr::Untagged)
}

/// The content of a non-unit variant read from `__share_json` (external, adjacent, untagged).
/// `beside`: the content is the enum's own object (untagged), so the keys `__share_allowed`
/// beside it (an internal tag around the enum) pass on to it; otherwise it is another value,
/// where they are not allowed.
pub(super) fn variant_content(
    c: &Container,
    v: &Variant,
    statics: &mut Statics,
    beside: bool,
) -> TokenStream {
    let content = variant_content_of(c, v, statics);
    if beside || matches!(v.style, Style::Unit) {
        return content;
    }
    quote!({
        let __share_allowed: &[&str] = &[];
        #content
    })
}

fn variant_content_of(c: &Container, v: &Variant, statics: &mut Statics) -> TokenStream {
    let rt = rt();
    let vid = v.ident;
    match &v.style {
        Style::Unit => quote!(::core::option::Option::Some(Self::#vid)),
        Style::Newtype(ty) => quote! {
            (&#rt::Probe::<#ty>::new()).probe_from_json_allowing(__share_json, __share_cx, __share_allowed).map(Self::#vid)
        },
        Style::Tuple(fields) => {
            let ctor = struct_ctor(quote!(Self::#vid), fields);
            shape_tuple(c, fields, quote!(__share_json), ctor, statics)
        }
        Style::Struct(fields) => {
            let ctor = struct_ctor(quote!(Self::#vid), fields);
            let read = shape_fields(c, fields, &[], c.deny_unknown, ctor, statics, false);
            // Flattened fields read from the variant's own object.
            quote! {
                match #rt::expect_object(__share_json, __share_cx) {
                    ::core::option::Option::Some(__share_map) => {
                        #[allow(unused_variables)] // no field is flattened
                        let __share_value = __share_json;
                        #read
                    }
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }
        }
    }
}

/// What `Shape::expected` says the JSON should be, for "expected ..., found ..." messages: a
/// `&'static str` expression.
pub(super) fn expected_text(c: &Container) -> TokenStream {
    let text = match &c.data {
        Data::Transparent { fields, inner } if fields[*inner].deserialize_with.is_some() => {
            let path = fields[*inner].deserialize_with.as_ref().expect("matched");
            format!(
                "a value `{}` reads",
                quote::quote!(#path).to_string().replace(' ', "")
            )
        }
        Data::Transparent { fields, inner } => {
            let rt = rt();
            let ty = fields[*inner].ty;
            return quote!((&#rt::Probe::<#ty>::new()).probe_expected());
        }
        _ => expected_str(c),
    };
    quote!(#text)
}

fn expected_str(c: &Container) -> String {
    match &c.data {
        Data::Struct(_) => "an object".to_owned(),
        Data::Tuple(fields) => tuple_expected(fields),
        Data::Unit => "null".to_owned(),
        Data::Transparent { .. } => unreachable!("said by the field's type"),
        Data::Enum { repr, variants } => {
            let (tagged, untagged) = partition(repr, variants);
            let all_unit = tagged.iter().all(|v| matches!(v.style, Style::Unit));
            if !untagged.is_empty() {
                return format!("a `{}`", c.ident);
            }
            match repr {
                Repr::External if all_unit => {
                    let names: Vec<String> = tagged
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
