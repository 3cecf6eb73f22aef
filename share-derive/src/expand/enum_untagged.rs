//! The `Shape` code for untagged enums, `#[serde(untagged)]`, and for the variants marked
//! `#[serde(untagged)]` in a tagged enum: the first variant that reads without violations wins
//! (after the tagged ones, which serde tries first); when none does, the closest fit's violations
//! are reported (in a tagged enum, the tagged reading's).

use super::shape::variant_content;
use super::{rt, wrong_type_rule, Statics};
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::quote;

/// Tries each variant on `__share_value` in order, keeping the violations of the best failure;
/// `tagged`: the tagged variants' reading, tried first.
pub(super) fn shape_untagged(
    c: &Container,
    live: &[&Variant],
    tagged: Option<TokenStream>,
    statics: &mut Statics,
) -> TokenStream {
    let rt = rt();
    let rule = wrong_type_rule();
    let name = c.ident.to_string();
    let tries = live.iter().map(|v| {
        let build = match v.style {
            Style::Unit => {
                let vid = v.ident;
                quote! {
                    if __share_json.is_null() { ::core::option::Option::Some(Self::#vid) } else {
                        #rt::wrong_type(__share_cx, "null", __share_json);
                        ::core::option::Option::None
                    }
                }
            }
            _ => variant_content(c, v, statics, true),
        };
        quote! {
            let __share_built: ::core::option::Option<Self> = { #build };
            if __share_built.is_some() {
                return __share_built;
            }
            let __share_tried = __share_cx.split_off(__share_start);
            // The closest fit: a variant of the value's JSON type, then the fewest violations.
            let __share_score = (
                __share_tried.iter().any(|__share_v| __share_v.path() == __share_here && __share_v.rule() == #rule),
                __share_tried.len(),
            );
            if __share_best.as_ref().map_or(true, |(__share_s, _)| __share_score < *__share_s) {
                __share_best = ::core::option::Option::Some((__share_score, __share_tried));
            }
        }
    });
    let message = format!("matches none of the variants of `{name}`; the closest fit reports:");
    let (tagged_try, none_fits) = match tagged {
        Some(body) => (
            quote! {
                let __share_built: ::core::option::Option<Self> = (|| { #body })();
                if __share_built.is_some() {
                    return __share_built;
                }
                let __share_tagged = __share_cx.split_off(__share_start);
            },
            quote!(__share_cx.extend(__share_tagged);),
        ),
        None => (
            TokenStream::new(),
            quote! {
                __share_cx.report(#rule, #message);
                __share_cx.extend(__share_best.map(|(_, __share_v)| __share_v).unwrap_or_default());
            },
        ),
    };
    quote! {
        let __share_json = __share_value;
        let __share_start = __share_cx.len();
        let __share_here = ::std::string::ToString::to_string(__share_cx.path());
        let mut __share_best: ::core::option::Option<((bool, usize), ::std::vec::Vec<_>)> = ::core::option::Option::None;
        #tagged_try
        #(#tries)*
        #none_fits
        ::core::option::Option::None
    }
}
