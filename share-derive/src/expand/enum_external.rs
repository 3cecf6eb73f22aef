//! The `Shape` code for externally tagged enums (serde's default): `"Variant"` for a unit
//! variant, `{"Variant": content}` otherwise. Unit-only enums are read here too, as plain strings;
//! a variant written in the other form gets a message of its own.

use super::shape::variant_content;
use super::{rt, wrong_type_rule, Statics};
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::quote;

/// Reads `__share_value` as a string (unit variants) or a one-key object (the others).
pub(super) fn shape_external(
    c: &Container,
    live: &[&Variant],
    names: &[&str],
    statics: &mut Statics,
) -> TokenStream {
    let rt = rt();
    let rule = wrong_type_rule();
    let unit_arms = live
        .iter()
        .filter(|v| matches!(v.style, Style::Unit))
        .map(|v| {
            let (names, vid) = (v.names(), v.ident);
            quote!(#(#names)|* => ::core::option::Option::Some(Self::#vid),)
        });
    let data_arms: Vec<TokenStream> = live
        .iter()
        .filter(|v| !matches!(v.style, Style::Unit))
        .map(|v| {
            let names = v.names();
            let content = variant_content(c, v, statics, false);
            quote!(#(#names)|* => {
                let __share_mark = __share_cx.enter_key(__share_tag);
                let __share_built = #content;
                __share_cx.leave(__share_mark);
                __share_built
            })
        })
        .collect();
    let data_names: Vec<&str> = live
        .iter()
        .filter(|v| !matches!(v.style, Style::Unit))
        .map(|v| v.json_name.as_str())
        .collect();
    // A variant written in the other form gets its own message, not "unknown value" with a
    // list that names it.
    let string_data_arms = live
        .iter()
        .filter(|v| !matches!(v.style, Style::Unit))
        .map(|v| {
            let (n, names) = (&v.json_name, v.names());
            let message = format!(
                "variant `{n}` carries content: write {{\"{n}\": ...}}, not the string \"{n}\""
            );
            quote!(#(#names)|* => {
                __share_cx.report(#rule, #message);
                ::core::option::Option::None
            })
        });
    let object_unit_arms = live
        .iter()
        .filter(|v| matches!(v.style, Style::Unit))
        .map(|v| {
            let (n, names) = (&v.json_name, v.names());
            let message =
                format!("variant `{n}` has no content: write the string \"{n}\", not an object");
            quote!(#(#names)|* => {
                __share_cx.report(#rule, #message);
                ::core::option::Option::None
            })
        });
    let object_arm = if data_arms.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            #rt::Value::Object(__share_outer) if __share_outer.len() == 1 => {
                let (__share_tag, __share_json) = __share_outer.iter().next()?;
                match __share_tag.as_str() {
                    #(#data_arms)*
                    #(#object_unit_arms)*
                    __share_other => {
                        __share_cx.at_key(__share_other, |__share_cx| #rt::unknown_variant(__share_cx, __share_other, &[#(#data_names),*]));
                        ::core::option::Option::None
                    }
                }
            }
        }
    };
    quote! {
        match __share_value {
            #rt::Value::String(__share_s) => match __share_s.as_str() {
                #(#unit_arms)*
                #(#string_data_arms)*
                __share_other => {
                    #rt::unknown_variant(__share_cx, __share_other, &[#(#names),*]);
                    ::core::option::Option::None
                }
            },
            #object_arm
            __share_other => {
                #rt::wrong_type(__share_cx, <Self as #rt::Shape<'__share_v>>::expected(), __share_other);
                ::core::option::Option::None
            }
        }
    }
}
