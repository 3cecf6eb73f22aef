//! The `JsonName` impl for unit-only externally tagged enums: each variant's JSON string, which
//! the list rules (`not_contains`, `unique`) and their messages use. Other types get none.

use super::rt;
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::quote;

/// `impl JsonName` when `c` is a unit-only externally tagged enum, else nothing.
pub(super) fn json_name_impl(c: &Container) -> TokenStream {
    let rt = rt();
    let Data::Enum {
        repr: Repr::External,
        variants,
    } = &c.data
    else {
        return TokenStream::new();
    };
    if !variants
        .iter()
        .all(|v| matches!(v.style, Style::Unit) && !v.untagged)
    {
        return TokenStream::new();
    }
    let ident = c.ident;
    let (impl_g, ty_g, where_c) = c.generics.split_for_impl();
    let arms = variants.iter().map(|v| {
        let (vid, n) = (v.ident, &v.json_name);
        quote!(Self::#vid => #n,)
    });
    // Not listed after `JsonName`'s message, which says which types have one.
    let not_listed = (c.generics.type_params().next().is_none() && where_c.is_none())
        .then(|| quote!(#[diagnostic::do_not_recommend]));
    quote! {
        #[automatically_derived]
        #not_listed
        impl #impl_g #rt::rules::JsonName for #ident #ty_g #where_c {
            fn json_name(&self) -> &str {
                match self { #(#arms)* }
            }
        }
    }
}
