//! The `TypeScript` impl of a `#[share(typescript)]` type: its declaration as TypeScript sees the
//! JSON serde reads — an object type for a struct, a union of string literals for a unit-only
//! enum, a union of object types discriminated by the tag for an internally tagged enum — with
//! each field's doc comment and the rules that check it. Where a rule narrows the type, the type
//! says so: `non_empty` on a list is a non-empty tuple, `not_contains(x)` leaves `x` out of the
//! item type.

use super::rt;
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::quote;

/// The impl, or the error saying which shape is not supported.
pub(super) fn typescript_impl(c: &Container) -> TokenStream {
    let rt = rt();
    let ident = c.ident;
    let name = ident.to_string();
    if !c.generics.params.is_empty() {
        return error(c, "#[share(typescript)] does not support generic types yet");
    }
    let body = match &c.data {
        Data::Struct(fields) => struct_type(c, fields, None),
        Data::Transparent { fields, inner } => {
            let ty = fields[*inner].ty;
            quote!(__share_gen.reference::<#ty>())
        }
        Data::Enum {
            repr: Repr::External,
            variants,
        } if variants.iter().all(|v| matches!(v.style, Style::Unit)) => {
            let names: Vec<&str> = variants
                .iter()
                .filter(|v| !v.skip)
                .flat_map(|v| v.names())
                .collect();
            quote!([#(#rt::typescript::literal(#names)),*].join(" | "))
        }
        Data::Enum {
            repr: Repr::Internal { tag },
            variants,
        } => {
            let mut members = Vec::new();
            for v in variants.iter().filter(|v| !v.skip) {
                let fields: &[Field] = match &v.style {
                    Style::Struct(fields) => fields,
                    Style::Unit => &[],
                    _ => {
                        return error(
                            c,
                            "#[share(typescript)] supports internally tagged enums of struct and unit variants",
                        )
                    }
                };
                for name in v.names() {
                    members.push(struct_type(c, fields, Some((tag, name, v.doc.as_deref()))));
                }
            }
            quote!({
                let __share_members: ::std::vec::Vec<::std::string::String> = ::std::vec![#(#members),*];
                __share_members.join(" | ")
            })
        }
        _ => {
            return error(
                c,
                "#[share(typescript)] supports structs with named fields, newtype structs, unit-only enums and internally tagged enums",
            )
        }
    };
    let doc = match &c.doc {
        Some(d) => quote!(::core::option::Option::Some(#rt::editor_text(#d))),
        None => quote!(::core::option::Option::None),
    };
    quote! {
        #[automatically_derived]
        impl #rt::typescript::TypeScript for #ident {
            fn ts_name() -> ::core::option::Option<::std::borrow::Cow<'static, str>> {
                ::core::option::Option::Some(::std::borrow::Cow::Borrowed(#name))
            }
            fn ts_type(__share_gen: &mut #rt::typescript::TsGenerator) -> ::std::string::String {
                #body
            }
            fn ts_doc() -> ::core::option::Option<::std::string::String> {
                #doc
            }
        }
    }
}

fn error(c: &Container, message: &str) -> TokenStream {
    syn::Error::new(c.ident.span(), message).to_compile_error()
}

/// An object type of `fields`; with a tag, the tag's literal first (and the variant's doc on it).
fn struct_type(
    c: &Container,
    fields: &[Field],
    tag: Option<(&String, &str, Option<&str>)>,
) -> TokenStream {
    let rt = rt();
    let mut parts = Vec::new();
    if let Some((tag, name, doc)) = tag {
        let doc = doc.unwrap_or("");
        parts.push(quote!(#rt::typescript::field(#tag, false, &#rt::typescript::literal(#name), &#rt::editor_text(#doc))));
    }
    for f in fields.iter().filter(|f| !f.skip) {
        if let Some(span) = f.flatten {
            return syn::Error::new(
                span,
                "#[share(typescript)] does not support `#[serde(flatten)]` yet",
            )
            .to_compile_error();
        }
        parts.push(field_tokens(f));
    }
    if c.schema_key {
        parts.push(quote!(#rt::typescript::field("$schema", true, "string", "The schema this payload follows, for editors.")));
    }
    // Without `deny_unknown_fields`, serde ignores other keys: so does the type.
    if !c.deny_unknown {
        parts.push(quote!(::std::string::String::from(
            "[key: string]: unknown;\n"
        )));
    }
    quote!({
        let __share_fields: ::std::vec::Vec<::std::string::String> = ::std::vec![#(#parts),*];
        #rt::typescript::object(&__share_fields)
    })
}

/// One field: optional when serde reads a missing key (an `Option`, a default), its type
/// narrowed by its rules, its doc and rules in the comment.
fn field_tokens(f: &Field) -> TokenStream {
    let rt = rt();
    let name = &f.json_name;
    // serde's own rule: a default (the field's, the struct's, an `Option`'s unless a function
    // reads it or it refuses `null`).
    let optional = f.has_default;
    let ty = match &f.deserialize_with {
        // The field's function reads it: any JSON may be what it takes (as in the schema).
        Some(_) => quote!(::std::string::String::from("unknown")),
        None => field_type(f),
    };
    // serde reads `null` as `None`, unless the field refuses it.
    let ty = match f.option_inner.is_some() && !f.refuse_null && f.deserialize_with.is_none() {
        true => quote!(::std::format!("{} | null", #ty)),
        false => ty,
    };
    let rules = f
        .rules
        .iter()
        .filter(|r| {
            !matches!(
                r.kind,
                RuleKind::Nested | RuleKind::Inner(_) | RuleKind::Custom(_)
            )
        })
        .map(super::meta);
    let doc = match &f.doc {
        Some(d) => quote!(::core::option::Option::Some(#d)),
        None => quote!(::core::option::Option::None),
    };
    quote!(#rt::typescript::field(#name, #optional, &#ty, &#rt::typescript::field_doc(#doc, &[#(#rules),*])))
}

/// The field's type: a list's item narrowed by `not_contains`, and at least one item with
/// `non_empty`; else its type's.
fn field_type(f: &Field) -> TokenStream {
    let rt = rt();
    let ty = f.option_inner.unwrap_or(f.ty);
    let item = crate::attr::inner_item(ty).filter(|item| !item.map);
    // Only an error narrows the type: a warning or an info never rejects (as in the schema).
    let errors = |wanted: fn(&RuleKind) -> bool| -> Vec<TokenStream> {
        f.rules
            .iter()
            .filter(|r| wanted(&r.kind))
            .filter_map(super::is_error)
            .collect()
    };
    let non_empty = errors(|k| matches!(k, RuleKind::NonEmpty));
    let excluded: Vec<(&String, TokenStream)> = f
        .rules
        .iter()
        .filter_map(|r| match &r.kind {
            RuleKind::NotContains(x) => super::is_error(r).map(|when| (x, when)),
            _ => None,
        })
        .collect();
    match item {
        Some(item) if !non_empty.is_empty() || !excluded.is_empty() => {
            let item_ty = item.rule_ty;
            let (values, whens): (Vec<&String>, Vec<TokenStream>) = excluded.into_iter().unzip();
            quote!({
                let mut __share_item = __share_gen.reference::<#item_ty>();
                #(
                    if #whens {
                        __share_item = ::std::format!("Exclude<{}, {}>", __share_item, #rt::typescript::literal(#values));
                    }
                )*
                let __share_non_empty = false #(|| #non_empty)*;
                #rt::typescript::list(&__share_item, __share_non_empty)
            })
        }
        _ => quote!(__share_gen.reference::<#ty>()),
    }
}
