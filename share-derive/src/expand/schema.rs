//! The `JsonSchema` impl: the same `#[share]` rules as schema keywords, one object schema per
//! struct or struct variant, and for enums one arm per representation in [`schema_body`] (each a
//! few lines, so they share this file). A rule the schema cannot express says so where it is
//! skipped.

use super::{is_error, option_usize, rt};
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

/// Schema keywords one rule contributes, when it is an error (warnings and infos never reject,
/// so they contribute nothing: the schema stays a sound relaxation of the validator).
fn rule_schema(f: &Field, rule: &Rule) -> Option<TokenStream> {
    rule_schema_on(f.rule_ty(), rule)
}

/// [`rule_schema`] for a value of type `ty`; `inner(...)` puts its rules' keywords in the items'
/// schema.
fn rule_schema_on(ty: &syn::Type, rule: &Rule) -> Option<TokenStream> {
    let rt = rt();
    if let RuleKind::Inner(inner) = &rule.kind {
        let item = crate::attr::inner_item(ty)?;
        let fragments: Vec<TokenStream> = inner
            .iter()
            .filter_map(|r| rule_schema_on(item.rule_ty, r))
            .collect();
        if fragments.is_empty() {
            return None;
        }
        let items = match item.map {
            true => quote!(#rt::rules::inner::Items::Map),
            false => quote!(#rt::rules::inner::Items::List),
        };
        let option = item.option;
        return Some(quote!({
            let __share_inner = {
                let mut __share_s = #rt::Map::new();
                #(#fragments)*
                #rt::Value::Object(__share_s)
            };
            #rt::rules::inner::merge_inner(&mut __share_s, #items, #option, __share_inner);
        }));
    }
    let when = is_error(rule)?;
    let fragment = match &rule.kind {
        // Through a probe: a type without a length is reported once, by `Validate`.
        RuleKind::NonEmpty => quote!((&#rt::Probe::<#ty>::new()).probe_non_empty_schema()),
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
        RuleKind::Range(bounds) => {
            let range = super::range_tokens(bounds);
            quote!(#rt::rules::number::range_schema(&#range))
        }
        RuleKind::Ascii => quote!(#rt::rules::charset::ascii_schema()),
        RuleKind::Alphanumeric => quote!(#rt::rules::charset::alphanumeric_schema()),
        RuleKind::NonControlCharacter => {
            quote!(#rt::rules::charset::non_control_character_schema())
        }
        RuleKind::Email => quote!(#rt::rules::email::email_schema()),
        RuleKind::Ip(kind) => {
            let kind = super::ip_kind_tokens(*kind);
            quote!(#rt::rules::ip::ip_schema(#kind))
        }
        RuleKind::Affix(affix, text) => {
            let func = format_ident!("{}_schema", super::affix_fn(*affix));
            quote!(#rt::rules::affix::#func(#text))
        }
        // serde drops a set's repeated items, which `maxItems` would count: a set's maximum is
        // left to the validator (its minimum holds, fewer are read than written).
        RuleKind::Items {
            bound: Bound::Max, ..
        } if is_set(ty) => return None,
        RuleKind::Items { limit, .. } => {
            let func = format_ident!("{}_schema", rule.kind.name());
            quote!(#rt::rules::items::#func(#limit))
        }
        // Image dimensions need the decoded image: JSON Schema cannot look inside base64.
        RuleKind::AspectRatio(..) => return None,
        // A custom function is arbitrary Rust: the schema says nothing about it.
        RuleKind::Custom(_) => return None,
        // `required` goes into the object's `required` list; `nested` is the type's own schema.
        RuleKind::Required | RuleKind::Nested | RuleKind::Inner(_) => return None,
        // JSON Schema cannot compare two values.
        RuleKind::Matches(_) => return None,
    };
    // In the rule's words where an editor shows a failure (`patternErrorMessage`, ...).
    let rule = super::meta(rule);
    Some(quote!(if #when { #rt::merge(&mut __share_s, #rt::with_rule(#fragment, #rule)); }))
}

/// Whether `ty` is spelled as a set, whose repeated items serde drops.
fn is_set(ty: &syn::Type) -> bool {
    match crate::attr::ungroup(ty) {
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "BTreeSet" || s.ident == "HashSet"),
        syn::Type::Reference(r) => is_set(&r.elem),
        _ => false,
    }
}

/// A field's schema: its type's, with its error rules merged in and its doc as `description`;
/// an `Option` also takes `null` (as serde reads it) unless it refuses `null` or an error
/// `required` rule would reject the `None` that `null` reads as.
fn field_schema(f: &Field) -> TokenStream {
    let rt = rt();
    let ty = f.rule_ty();
    let fragments = f.rules.iter().filter_map(|r| rule_schema(f, r));
    let doc = f
        .doc
        .as_ref()
        .map(|d| quote!(__share_s.insert("description".into(), #rt::Value::String(#d.into()));));
    let value = quote!(#rt::Value::Object(__share_s));
    if f.deserialize_with.is_some() {
        // The field's own function reads it: any JSON may be what it takes (its rules check
        // the value it builds, which the schema cannot see).
        return quote! {{
            let mut __share_s = #rt::Map::new();
            #doc
            #value
        }};
    }
    let value = match f.option_inner {
        Some(_) if !f.refuse_null => match required_error(f) {
            Some(when) => quote!(if #when { #value } else { #rt::or_null(#value) }),
            None => quote!(#rt::or_null(#value)),
        },
        _ => value,
    };
    quote! {{
        let mut __share_s = #rt::schema_map((&#rt::Probe::<#ty>::new()).probe_schema(__share_gen));
        #(#fragments)*
        #doc
        #value
    }}
}

/// The subschema a flattened field of type `ty` puts in its struct's `allOf`: a struct's
/// properties, an `Option`'s relaxed (see `flat_option_schema`), nothing for a map (whose
/// values serde reads from every key left; a sound relaxation).
fn flat_schema(ty: &syn::Type) -> TokenStream {
    let rt = rt();
    if let Some(inner) = crate::attr::option_inner(ty) {
        let schema = flat_schema(inner);
        return quote!(#rt::flat_option_schema(&#schema));
    }
    if crate::attr::map_types(ty).is_some() {
        return quote!(#rt::Value::Object(#rt::Map::new()));
    }
    // The trait path at the type (its error there); the locals at the derive's own span.
    let path = quote_spanned!(ty.span()=> <#ty as #rt::FlatSchema>::flat_schema);
    quote!(#path(__share_gen, __share_taken))
}

/// A `bool` expression: whether serde reads a missing key of type `ty` (as `None`), by its schema
/// (`JsonSchema::may_be_absent`, what a generic parameter's bound allows asking) or by what its
/// `Shape` or serde reads (`absent`).
pub(super) fn may_be_absent(ty: &syn::Type) -> TokenStream {
    let rt = rt();
    quote! {
        (&#rt::Probe::<#ty>::new()).probe_may_be_absent()
            || (&#rt::Probe::<#ty>::new()).probe_absent().is_some()
    }
}

/// When one of `f`'s `required` rules reports errors (see [`is_error`]); `None`: never.
fn required_error(f: &Field) -> Option<TokenStream> {
    let whens: Vec<TokenStream> = f
        .rules
        .iter()
        .filter(|r| matches!(r.kind, RuleKind::Required))
        .filter_map(is_error)
        .collect();
    (!whens.is_empty()).then(|| quote!(#(#whens)||*))
}

/// When `f` goes into the object's `required` list: always without a default, else when one of
/// its `required` rules reports errors (see [`is_error`]); `None`: never.
fn required_when(f: &Field) -> Option<TokenStream> {
    if f.skip || f.flatten.is_some() {
        return None;
    }
    if (f.deserialize_with.is_some() || f.refuse_null) && !f.has_default {
        return Some(quote!(true));
    }
    if !f.has_default {
        // Unless serde reads something for its missing key (`Box<Option<T>>`, a transparent
        // struct over an `Option`).
        let absent = may_be_absent(f.ty);
        return Some(quote!(!(#absent)));
    }
    required_error(f)
}

/// An object schema for `fields`; `tag` adds the internal tag as a required `const` property;
/// `deny_unknown`: no other property.
fn object_schema(
    c: &Container,
    fields: &[Field],
    tag: Option<(&str, &Variant)>,
    deny_unknown: bool,
    doc: Option<&String>,
) -> TokenStream {
    let rt = rt();
    let props = fields
        .iter()
        .filter(|f| !f.skip && f.flatten.is_none())
        .map(|f| {
            let name = &f.json_name;
            let schema = field_schema(f);
            let aliases = &f.aliases;
            quote! {
                let __share_fs = #schema;
                #(__share_props.insert(#aliases.into(), ::core::clone::Clone::clone(&__share_fs));)*
                __share_props.insert(#name.into(), __share_fs);
            }
        });
    let mut required: Vec<String> = Vec::new();
    let tag_prop = tag.map(|(t, v)| {
        required.push(t.to_owned());
        let (key, value) = one_of_names(v);
        quote!(__share_props.insert(#t.into(), #rt::json!({ #key: #value }));)
    });
    let required_fields = fields.iter().filter_map(|f| {
        let when = required_when(f)?;
        let name = &f.json_name;
        if f.aliases.is_empty() {
            return Some(quote!(if #when { __share_required.push(#name); }));
        }
        // The name or one alias (at most one is said below).
        let names = std::iter::once(name).chain(&f.aliases);
        Some(quote!(if #when {
            __share_all_of.push(#rt::json!({ "anyOf": [#({ "required": [#names] }),*] }));
        }))
    });
    // serde reads a field once: its name and an alias together are a duplicate field.
    let at_most_once = fields
        .iter()
        .filter(|f| !f.skip && !f.aliases.is_empty())
        .map(|f| {
            let names: Vec<&String> = std::iter::once(&f.json_name).chain(&f.aliases).collect();
            let pairs = names.iter().enumerate().flat_map(|(i, a)| {
                names[i + 1..]
                    .iter()
                    .map(move |b| quote!({ "required": [#a, #b] }))
            });
            quote!(__share_all_of.push(#rt::json!({ "not": { "anyOf": [#(#pairs),*] } }));)
        });
    let schema_key = c
        .schema_key
        .then(|| quote!(__share_props.insert("$schema".into(), #rt::json!({ "type": "string", "description": "The JSON Schema this file follows (for editors)." }));));
    // A flattened field's properties sit in `allOf` beside the struct's own.
    let flattened: Vec<&Field> = fields
        .iter()
        .filter(|f| !f.skip && f.flatten.is_some())
        .collect();
    // The struct's own keys, which serde never shows a flattened struct.
    let own: Vec<&String> = own_keys(fields).collect();
    let flat = flattened.iter().map(|f| {
        let schema = flat_schema(f.ty);
        quote!({
            let __share_taken: &[&str] = &[#(#own),*];
            __share_all_of.push(#schema);
        })
    });
    // `unevaluatedProperties` sees the properties `allOf` names; `additionalProperties` would not.
    let closed = if flattened.is_empty() {
        "additionalProperties"
    } else {
        "unevaluatedProperties"
    };
    // A map flattened last takes every key nothing before it named: its values' schema is what
    // is not evaluated (exact; a struct that flattens in turn claims nothing, but its keys count
    // as evaluated here: a sound relaxation).
    let maps = flattened
        .iter()
        .filter(|f| crate::attr::map_types(f.ty).is_some())
        .count();
    let rest_map = flattened
        .last()
        .and_then(|f| crate::attr::map_types(f.ty))
        .filter(|_| maps == 1 && !deny_unknown);
    let additional = if let Some((_, v)) = rest_map {
        Some(quote! {
            __share_o.insert(
                "unevaluatedProperties".into(),
                (&#rt::Probe::<#v>::new()).probe_schema(__share_gen),
            );
        })
    } else {
        deny_unknown.then(|| quote!(__share_o.insert(#closed.into(), #rt::Value::Bool(false));))
    };
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
        #[allow(unused_mut)] // no field has an alias
        let mut __share_all_of: ::std::vec::Vec<#rt::Value> = ::std::vec::Vec::new();
        #(#required_fields)*
        #(#at_most_once)*
        #(#flat)*
        if !__share_required.is_empty() {
            __share_o.insert("required".into(), #rt::json!(__share_required));
        }
        if !__share_all_of.is_empty() {
            __share_o.insert("allOf".into(), #rt::Value::Array(__share_all_of));
        }
        #additional
        #rt::Value::Object(__share_o)
    }}
}

/// An array schema for a tuple's `fields`: one schema per item serde reads (`prefixItems`), no
/// more items, and as many as the fields without a default.
fn tuple_schema(fields: &[Field], doc: Option<&String>) -> TokenStream {
    let rt = rt();
    let read: Vec<&Field> = fields.iter().filter(|f| !f.skip).collect();
    let (min, max) = tuple_arity(fields);
    let items = read.iter().map(|f| field_schema(f));
    let doc =
        doc.map(|d| quote!(__share_o.insert("description".into(), #rt::Value::String(#d.into()));));
    quote! {{
        let mut __share_o = #rt::Map::new();
        __share_o.insert("type".into(), #rt::Value::String("array".into()));
        #doc
        // `prefixItems` may not be empty: a tuple of no fields is `maxItems: 0` alone.
        let __share_items: ::std::vec::Vec<#rt::Value> = ::std::vec![#(#items),*];
        if !__share_items.is_empty() {
            __share_o.insert("prefixItems".into(), #rt::Value::Array(__share_items));
            __share_o.insert("items".into(), #rt::Value::Bool(false));
        }
        __share_o.insert("minItems".into(), #rt::json!(#min));
        __share_o.insert("maxItems".into(), #rt::json!(#max));
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
        Data::Struct(fields) => object_schema(c, fields, None, c.deny_unknown, doc),
        Data::Tuple(fields) => tuple_schema(fields, doc),
        Data::Transparent { fields, inner } => {
            let field = field_schema(&fields[*inner]);
            // The struct's doc where the field has none.
            let doc = doc.map(|d| quote! {
                if let #rt::Value::Object(__share_m) = &mut __share_fs {
                    __share_m.entry("description").or_insert_with(|| #rt::Value::String(#d.into()));
                }
            });
            quote!({
                let mut __share_fs = #field;
                #doc
                __share_fs
            })
        }
        Data::Unit => match doc {
            Some(d) => quote!(#rt::json!({ "type": "null", "description": #d })),
            None => quote!(#rt::json!({ "type": "null" })),
        },
        Data::Enum { repr, variants } => {
            let (tagged, untagged) = super::shape::partition(repr, variants);
            let names: Vec<&str> = tagged.iter().flat_map(|v| v.names()).collect();
            let all_unit = tagged.iter().all(|v| matches!(v.style, Style::Unit));
            let body = match repr {
                _ if tagged.is_empty() => quote!(let mut __share_root = #rt::Map::new();),
                Repr::External if all_unit => {
                    let consts = tagged.iter().map(|v| {
                        let (key, value) = one_of_names(v);
                        match &v.doc {
                            Some(d) => quote!(#rt::json!({ #key: #value, "description": #d })),
                            None => quote!(#rt::json!({ #key: #value })),
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
                    // One alternative per name a variant answers to: aliases read the same.
                    let alts = tagged.iter().flat_map(|v| {
                        let content = (!matches!(v.style, Style::Unit)).then(|| variant_schema(c, v, None));
                        let rt = rt.clone();
                        v.names().into_iter().map(move |n| match &content {
                            None => quote!(#rt::json!({ "const": #n })),
                            Some(content) => quote!(#rt::json!({ "type": "object", "properties": { #n: (#content) }, "required": [#n], "additionalProperties": false })),
                        })
                    });
                    quote! {
                        let mut __share_root = #rt::Map::new();
                        __share_root.insert("oneOf".into(), #rt::Value::Array(::std::vec![#(#alts),*]));
                    }
                }
                Repr::Internal { tag } => {
                    let branches = tagged.iter().map(|v| {
                        let (key, value) = one_of_names(v);
                        let then = variant_schema(c, v, Some(tag));
                        // `doNotSuggest`: completion sees the `if`s' consts first, and would
                        // offer the first variant's name as the tag's only value.
                        quote!(#rt::json!({ "if": { "properties": { #tag: { #key: #value, "doNotSuggest": true } }, "required": [#tag] }, "then": (#then) }))
                    });
                    // An editor's hover on each value of the tag: its variant's doc.
                    let hovers: Vec<TokenStream> = tagged
                        .iter()
                        .flat_map(|v| {
                            let text = v.doc.as_deref().unwrap_or("");
                            let hover = quote!(#rt::editor_text(#text));
                            v.names().into_iter().map(move |_| hover.clone())
                        })
                        .collect();
                    let tag_doc = match doc {
                        Some(d) => {
                            quote!(__share_tag.insert("description".into(), #rt::Value::String(#rt::editor_text(#d)));)
                        }
                        None => quote!(),
                    };
                    quote! {
                        let mut __share_root = #rt::Map::new();
                        __share_root.insert("type".into(), #rt::Value::String("object".into()));
                        __share_root.insert("required".into(), #rt::json!([#tag]));
                        let mut __share_tag = #rt::Map::new();
                        __share_tag.insert("enum".into(), #rt::json!([#(#names),*]));
                        __share_tag.insert("markdownEnumDescriptions".into(), #rt::json!([#(#hovers),*]));
                        #tag_doc
                        __share_root.insert("properties".into(), #rt::json!({ #tag: (#rt::Value::Object(__share_tag)) }));
                        __share_root.insert("allOf".into(), #rt::Value::Array(::std::vec![#(#branches),*]));
                    }
                }
                Repr::Adjacent { tag, content } => {
                    let branches = tagged.iter().map(|v| {
                        let (key, value) = one_of_names(v);
                        match &v.style {
                            Style::Unit => quote!(#rt::json!({ "if": { "properties": { #tag: { #key: #value } } }, "then": { "properties": { #content: { "type": "null" } } } })),
                            // An `Option`'s content may be absent, as serde reads a missing field.
                            _ if v.optional_content => {
                                let inner = variant_schema(c, v, None);
                                quote!(#rt::json!({ "if": { "properties": { #tag: { #key: #value } } }, "then": { "properties": { #content: (#inner) } } }))
                            }
                            // What only wraps an `Option` (`Box<Option<T>>`, a transparent
                            // struct over one) may be absent too, as serde reads it.
                            Style::Newtype(ty) => {
                                let inner = variant_schema(c, v, None);
                                let absent = may_be_absent(ty);
                                quote!({
                                    let __share_absent = #absent;
                                    let __share_then = if __share_absent {
                                        #rt::json!({ "properties": { #content: (#inner) } })
                                    } else {
                                        #rt::json!({ "properties": { #content: (#inner) }, "required": [#content] })
                                    };
                                    #rt::json!({ "if": { "properties": { #tag: { #key: #value } } }, "then": __share_then })
                                })
                            }
                            _ => {
                                let inner = variant_schema(c, v, None);
                                quote!(#rt::json!({ "if": { "properties": { #tag: { #key: #value } } }, "then": { "properties": { #content: (#inner) }, "required": [#content] } }))
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
                Repr::Untagged => unreachable!("an untagged enum has no tagged variants"),
            };
            // Variants read untagged (all of an untagged enum's, or those marked so, tried after
            // the tagged ones): the value is the tagged reading or one of these.
            let untagged_body = (!untagged.is_empty()).then(|| {
                let alts = untagged.iter().map(|v| match v.style {
                    Style::Unit => quote!(#rt::json!({ "type": "null" })),
                    _ => variant_schema(c, v, None),
                });
                let tagged_alt = (!tagged.is_empty())
                    .then(|| quote!(#rt::Value::Object(::core::mem::take(&mut __share_root)),));
                quote! {
                    let __share_alts = ::std::vec![#tagged_alt #(#alts),*];
                    __share_root.insert("anyOf".into(), #rt::Value::Array(__share_alts));
                }
            });
            quote! {
                #body
                #untagged_body
                #doc_insert
                #rt::Value::Object(__share_root)
            }
        }
    }
}

/// The keyword and value that match `v`'s names: `"const": name`, or `"enum": [name, aliases]`.
fn one_of_names(v: &Variant) -> (&'static str, TokenStream) {
    match v.names().as_slice() {
        [one] => ("const", quote!(#one)),
        names => ("enum", quote!([#(#names),*])),
    }
}

/// The schema of a variant's content; with `tag` (internal), the tag sits beside the fields.
fn variant_schema(c: &Container, v: &Variant, tag: Option<&String>) -> TokenStream {
    let rt = rt();
    match (&v.style, tag) {
        // serde ignores every key beside a unit variant's tag, even under `deny_unknown_fields`.
        (Style::Unit, Some(tag)) => object_schema(c, &[], Some((tag, v)), false, v.doc.as_ref()),
        (Style::Unit, None) => quote!(#rt::json!({ "type": "null" })),
        (Style::Newtype(ty), Some(tag)) => {
            let names = v.names();
            quote!(#rt::with_tag((&#rt::Probe::<#ty>::new()).probe_inline_schema(__share_gen), #tag, &[#(#names),*]))
        }
        (Style::Newtype(ty), None) => quote!((&#rt::Probe::<#ty>::new()).probe_schema(__share_gen)),
        // `check.rs` refused a tuple variant with a tag, as serde does.
        (Style::Tuple(fields), _) => tuple_schema(fields, v.doc.as_ref()),
        (Style::Struct(fields), tag) => {
            let tag = tag.map(|t| (t.as_str(), v));
            object_schema(c, fields, tag, c.deny_unknown, v.doc.as_ref())
        }
    }
}
