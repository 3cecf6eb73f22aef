//! The `Shape` code for adjacently tagged enums, `#[serde(tag = "t", content = "c")]`:
//! `{"t": "Variant", "c": content}`, a unit variant's content absent or `null`.

use super::shape::variant_content;
use super::{rt, Statics};
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

/// Reads the tag of the object `__share_value`, then the variant's content under the content key.
pub(super) fn shape_adjacent(
    c: &Container,
    live: &[&Variant],
    names: &[&str],
    tag: &str,
    content: &str,
    statics: &mut Statics,
) -> TokenStream {
    let rt = rt();
    let arms = live.iter().map(|v| {
        let (n, vid, names) = (&v.json_name, v.ident, v.names());
        if let Style::Unit = v.style {
            // serde reads a unit variant's content as `()`: absent or null.
            let expected = format!("no `{content}` (variant `{n}` has no content)");
            return quote! {
                #(#names)|* => match #rt::get(__share_map, #content) {
                    ::core::option::Option::Some(__share_json) if !__share_json.is_null() => {
                        __share_cx.at_key(#content, |__share_cx| #rt::wrong_type(__share_cx, #expected, __share_json));
                        ::core::option::Option::None
                    }
                    _ => ::core::option::Option::Some(Self::#vid),
                },
            };
        }
        let build = variant_content(c, v, statics, false);
        let enter = super::validate::enter_segment(content);
        // serde reads a missing content as a missing field: `None` for an `Option` (and what only
        // wraps one), else an error.
        let missing = if v.optional_content {
            quote!(::core::option::Option::Some(Self::#vid(::core::option::Option::None)))
        } else if let Style::Newtype(ty) = v.style {
            let probe = quote_spanned!(ty.span()=> (&#rt::Probe::<#ty>::new()));
            quote! {
                match #probe.probe_absent() {
                    ::core::option::Option::Some(__share_d) => ::core::option::Option::Some(Self::#vid(__share_d)),
                    ::core::option::Option::None => {
                        #rt::missing_key(__share_cx, #content);
                        ::core::option::Option::None
                    }
                }
            }
        } else {
            quote! {{
                #rt::missing_key(__share_cx, #content);
                ::core::option::Option::None
            }}
        };
        quote! {
            #(#names)|* => match #rt::get(__share_map, #content) {
                ::core::option::Option::Some(__share_json) => {
                    #enter
                    let __share_built = #build;
                    __share_cx.leave(__share_mark);
                    __share_built
                }
                ::core::option::Option::None => #missing,
            },
        }
    });
    let unknown = if c.deny_unknown {
        quote! {
            for __share_key in __share_map.keys() {
                let __share_key = __share_key.as_str();
                if !([#tag, #content].contains(&__share_key) || __share_allowed.contains(&__share_key)) {
                    #rt::unknown_key(__share_cx, __share_key, &[#tag, #content], &[]);
                }
            }
        }
    } else {
        TokenStream::new()
    };
    quote! {
        let __share_map = #rt::expect_object(__share_value, __share_cx)?;
        #unknown
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
