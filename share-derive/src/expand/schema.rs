//! The `JsonSchema` impl: the same `#[share]` rules as schema keywords, one object schema per
//! struct or struct variant, and for enums one arm per representation in [`schema_body`] (each a
//! few lines, so they share this file). A rule the schema cannot express says so where it is
//! skipped.

use super::{is_error, option_usize, rt};
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Schema keywords one rule contributes, when it is an error (warnings and infos never reject,
/// so they contribute nothing: the schema stays a sound relaxation of the validator).
fn rule_schema(f: &Field, rule: &Rule) -> Option<TokenStream> {
    let rt = rt();
    let when = is_error(rule)?;
    let ty = f.rule_ty();
    let fragment = match &rule.kind {
        RuleKind::NonEmpty => quote!(#rt::rules::length::non_empty_schema::<#ty>()),
        RuleKind::Length { limit, .. } => {
            let func = format_ident!("{}_schema", rule.kind.name());
            quote!(#rt::rules::length::#func(#limit))
        }
        RuleKind::Url { schemes } => quote!(#rt::rules::url::url_schema(&[#(#schemes),*])),
        RuleKind::Https => quote!(#rt::rules::url::https_schema()),
        RuleKind::Base64Image { max_bytes } => {
            let max = option_usize(max_bytes);
            quote!(#rt::rules::image::base64_image_schema(#max))
        }
        RuleKind::MaxDecodedBytes(n) => quote!(#rt::rules::image::max_decoded_bytes_schema(#n)),
        RuleKind::Pattern(src) => quote!(#rt::rules::pattern::pattern_schema(#src)),
        RuleKind::OneOfStr(values) => {
            quote!(#rt::rules::choice::one_of_str_schema(&[#(#values),*]))
        }
        RuleKind::OneOfInt(values) => {
            quote!(#rt::rules::choice::one_of_int_schema(&[#(#values),*]))
        }
        RuleKind::NotContains(item) => quote!(#rt::rules::items::not_contains_schema(#item)),
        RuleKind::Unique => quote!(#rt::rules::items::unique_schema()),
        // Image dimensions need the decoded image: JSON Schema cannot look inside base64.
        RuleKind::AspectRatio(..) => return None,
        // A custom function is arbitrary Rust: the schema says nothing about it.
        RuleKind::Custom(_) => return None,
        // `required` goes into the object's `required` list; `nested` is the type's own schema.
        RuleKind::Required | RuleKind::Nested => return None,
    };
    Some(quote!(if #when { #rt::merge(&mut __share_s, #fragment); }))
}

/// A field's schema: its type's, with its error rules merged in and its doc as `description`.
fn field_schema(f: &Field) -> TokenStream {
    let rt = rt();
    let ty = f.rule_ty();
    let fragments = f.rules.iter().filter_map(|r| rule_schema(f, r));
    let doc = f
        .doc
        .as_ref()
        .map(|d| quote!(__share_s.insert("description".into(), #rt::Value::String(#d.into()));));
    quote! {{
        let mut __share_s = #rt::schema_map((&#rt::Probe::<#ty>::new()).probe_schema(__share_gen));
        #(#fragments)*
        #doc
        #rt::Value::Object(__share_s)
    }}
}

/// When `f` goes into the object's `required` list: always without a default, else when one of
/// its `required` rules reports errors (see [`is_error`]); `None`: never.
fn required_when(f: &Field) -> Option<TokenStream> {
    if f.skip {
        return None;
    }
    if !f.has_default {
        return Some(quote!(true));
    }
    let whens: Vec<TokenStream> = f
        .rules
        .iter()
        .filter(|r| matches!(r.kind, RuleKind::Required))
        .filter_map(is_error)
        .collect();
    (!whens.is_empty()).then(|| quote!(#(#whens)||*))
}

/// An object schema for `fields`; `tag` adds the internal tag as a required `const` property.
fn object_schema(
    c: &Container,
    fields: &[Field],
    tag: Option<(&str, &str)>,
    doc: Option<&String>,
) -> TokenStream {
    let rt = rt();
    let props = fields.iter().filter(|f| !f.skip).map(|f| {
        let name = &f.json_name;
        let schema = field_schema(f);
        quote!(__share_props.insert(#name.into(), #schema);)
    });
    let mut required: Vec<String> = Vec::new();
    let tag_prop = tag.map(|(t, n)| {
        required.push(t.to_owned());
        quote!(__share_props.insert(#t.into(), #rt::json!({ "const": #n }));)
    });
    let required_fields = fields.iter().filter_map(|f| {
        let when = required_when(f)?;
        let name = &f.json_name;
        Some(quote!(if #when { __share_required.push(#name); }))
    });
    let schema_key = c
        .schema_key
        .then(|| quote!(__share_props.insert("$schema".into(), #rt::json!({ "type": "string", "description": "The JSON Schema this file follows (for editors)." }));));
    let additional = c
        .deny_unknown
        .then(|| quote!(__share_o.insert("additionalProperties".into(), #rt::Value::Bool(false));));
    let doc =
        doc.map(|d| quote!(__share_o.insert("description".into(), #rt::Value::String(#d.into()));));
    quote! {{
        let mut __share_props = #rt::Map::new();
        #tag_prop
        #schema_key
        #(#props)*
        let mut __share_o = #rt::Map::new();
        __share_o.insert("type".into(), #rt::Value::String("object".into()));
        #doc
        __share_o.insert("properties".into(), #rt::Value::Object(__share_props));
        #[allow(unused_mut)] // no field may be conditionally required
        let mut __share_required: ::std::vec::Vec<&str> = ::std::vec![#(#required),*];
        #(#required_fields)*
        if !__share_required.is_empty() {
            __share_o.insert("required".into(), #rt::json!(__share_required));
        }
        #additional
        #rt::Value::Object(__share_o)
    }}
}

/// The body of `json_schema`: an object for a struct; for an enum, one arm per representation.
pub(super) fn schema_body(c: &Container) -> TokenStream {
    let rt = rt();
    let doc = c.doc.as_ref();
    let doc_insert = doc
        .map(|d| quote!(__share_root.insert("description".into(), #rt::Value::String(#d.into()));));
    match &c.data {
        Data::Struct(fields) => object_schema(c, fields, None, doc),
        Data::Enum { repr, variants } => {
            let live: Vec<&Variant> = variants.iter().filter(|v| !v.skip).collect();
            let names: Vec<&str> = live.iter().map(|v| v.json_name.as_str()).collect();
            let all_unit = live.iter().all(|v| matches!(v.style, Style::Unit));
            let body = match repr {
                Repr::External if all_unit => {
                    let consts = live.iter().map(|v| {
                        let n = &v.json_name;
                        match &v.doc {
                            Some(d) => quote!(#rt::json!({ "const": #n, "description": #d })),
                            None => quote!(#rt::json!({ "const": #n })),
                        }
                    });
                    quote! {
                        let mut __share_root = #rt::Map::new();
                        __share_root.insert("type".into(), #rt::Value::String("string".into()));
                        __share_root.insert("enum".into(), #rt::json!([#(#names),*]));
                        __share_root.insert("oneOf".into(), #rt::Value::Array(::std::vec![#(#consts),*]));
                    }
                }
                Repr::External => {
                    let alts = live.iter().map(|v| {
                        let n = &v.json_name;
                        match &v.style {
                            Style::Unit => quote!(#rt::json!({ "const": #n })),
                            _ => {
                                let content = variant_schema(c, v, None);
                                quote!(#rt::json!({ "type": "object", "properties": { #n: (#content) }, "required": [#n], "additionalProperties": false }))
                            }
                        }
                    });
                    quote! {
                        let mut __share_root = #rt::Map::new();
                        __share_root.insert("oneOf".into(), #rt::Value::Array(::std::vec![#(#alts),*]));
                    }
                }
                Repr::Internal { tag } => {
                    let branches = live.iter().map(|v| {
                        let n = &v.json_name;
                        let then = variant_schema(c, v, Some(tag));
                        quote!(#rt::json!({ "if": { "properties": { #tag: { "const": #n } }, "required": [#tag] }, "then": (#then) }))
                    });
                    quote! {
                        let mut __share_root = #rt::Map::new();
                        __share_root.insert("type".into(), #rt::Value::String("object".into()));
                        __share_root.insert("required".into(), #rt::json!([#tag]));
                        __share_root.insert("properties".into(), #rt::json!({ #tag: { "enum": [#(#names),*] } }));
                        __share_root.insert("allOf".into(), #rt::Value::Array(::std::vec![#(#branches),*]));
                    }
                }
                Repr::Adjacent { tag, content } => {
                    let branches = live.iter().map(|v| {
                        let n = &v.json_name;
                        match &v.style {
                            Style::Unit => quote!(#rt::json!({ "if": { "properties": { #tag: { "const": #n } } }, "then": { "properties": { #content: { "type": "null" } } } })),
                            _ => {
                                let inner = variant_schema(c, v, None);
                                quote!(#rt::json!({ "if": { "properties": { #tag: { "const": #n } } }, "then": { "properties": { #content: (#inner) }, "required": [#content] } }))
                            }
                        }
                    });
                    let additional = c.deny_unknown.then(|| quote!(__share_root.insert("additionalProperties".into(), #rt::Value::Bool(false));));
                    quote! {
                        let mut __share_root = #rt::Map::new();
                        __share_root.insert("type".into(), #rt::Value::String("object".into()));
                        __share_root.insert("required".into(), #rt::json!([#tag]));
                        __share_root.insert("properties".into(), #rt::json!({ #tag: { "enum": [#(#names),*] }, #content: {} }));
                        #additional
                        __share_root.insert("allOf".into(), #rt::Value::Array(::std::vec![#(#branches),*]));
                    }
                }
                Repr::Untagged => {
                    let alts = live.iter().map(|v| match v.style {
                        Style::Unit => quote!(#rt::json!({ "type": "null" })),
                        _ => variant_schema(c, v, None),
                    });
                    quote! {
                        let mut __share_root = #rt::Map::new();
                        __share_root.insert("anyOf".into(), #rt::Value::Array(::std::vec![#(#alts),*]));
                    }
                }
            };
            quote! {
                #body
                #doc_insert
                #rt::Value::Object(__share_root)
            }
        }
    }
}

/// The schema of a variant's content; with `tag` (internal), the tag sits beside the fields.
fn variant_schema(c: &Container, v: &Variant, tag: Option<&String>) -> TokenStream {
    let rt = rt();
    let n = &v.json_name;
    match (&v.style, tag) {
        (Style::Unit, Some(tag)) => object_schema(c, &[], Some((tag, n)), v.doc.as_ref()),
        (Style::Unit, None) => quote!(#rt::json!({ "type": "null" })),
        (Style::Newtype(ty), Some(tag)) => {
            quote!(#rt::with_tag((&#rt::Probe::<#ty>::new()).probe_inline_schema(__share_gen), #tag, #n))
        }
        (Style::Newtype(ty), None) => quote!((&#rt::Probe::<#ty>::new()).probe_schema(__share_gen)),
        (Style::Struct(fields), tag) => object_schema(
            c,
            fields,
            tag.map(|t| (t.as_str(), n.as_str())),
            v.doc.as_ref(),
        ),
    }
}
