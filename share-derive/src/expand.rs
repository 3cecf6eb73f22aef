//! Code generation from the checked model: `Validate` (rules on typed values), `Shape` (structure
//! and rules on untyped JSON), `JsonSchema` (the same rules as schema keywords) and, for unit-only
//! enums, `JsonName`. Nothing here can fail: `check.rs` has ruled out every bad attribute.
//!
//! Hygiene: everything lives in `const _: () = { ... };`, reaches the runtime only through
//! `::share_schema::__private`, names its locals `__share_*`, and spans rule calls at the field's
//! type so a type error lands on the user's field.

use crate::ast::*;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

fn rt() -> TokenStream {
    quote!(::share_schema::__private)
}

/// Patterns compiled once per type, as statics in the generated `const` block.
#[derive(Default)]
struct Statics {
    items: Vec<TokenStream>,
}

impl Statics {
    fn pattern(&mut self, src: &syn::LitStr) -> syn::Ident {
        let name = format_ident!("__SHARE_PATTERN_{}", self.items.len());
        let rt = rt();
        // A regex that regex-syntax accepted at compile time can still exceed the regex crate's
        // size limit; that becomes a violation at run time rather than a panic.
        self.items.push(quote! {
            static #name: #rt::LazyLock<::core::option::Option<#rt::Regex>> =
                #rt::LazyLock::new(|| #rt::Regex::new(#src).ok());
        });
        name
    }
}

/// The whole derive output.
pub fn derive(c: &Container) -> TokenStream {
    let rt = rt();
    let ident = c.ident;
    let (impl_g, ty_g, where_c) = c.generics.split_for_impl();
    let mut statics = Statics::default();
    let validate = validate_body(c, &mut statics);
    let shape = shape_body(c, &mut statics);
    let shape_checks = checks(c, quote!(__share_value));
    let expected = expected_text(c);
    let schema = schema_body(c);
    let name = ident.to_string();
    let statics = &statics.items;
    let json_name = json_name_impl(c);
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, non_snake_case, unused_qualifications, unused_variables, unused_mut, clippy::all, clippy::pedantic)]
        const _: () = {
            #[allow(unused_imports)]
            use #rt::{ViaShape as _, ViaSerde as _, ViaSchema as _, ViaAnySchema as _, ViaValidate as _, ViaNoRules as _};
            #(#statics)*

            #[automatically_derived]
            impl #impl_g #rt::Validate for #ident #ty_g #where_c {
                fn validate_into(&self, __share_cx: &mut #rt::Context) {
                    #validate
                }
            }

            #[automatically_derived]
            impl #impl_g #rt::Shape for #ident #ty_g #where_c {
                fn from_json(__share_value: &#rt::Value, __share_cx: &mut #rt::Context) -> ::core::option::Option<Self> {
                    <Self as #rt::Shape>::from_json_allowing(__share_value, __share_cx, &[])
                }
                fn from_json_allowing(
                    __share_value: &#rt::Value,
                    __share_cx: &mut #rt::Context,
                    __share_allowed: &[&str],
                ) -> ::core::option::Option<Self> {
                    let __share_built: ::core::option::Option<Self> = (|| { #shape })();
                    if let ::core::option::Option::Some(__share_value) = &__share_built {
                        #shape_checks
                    }
                    __share_built
                }
                fn expected() -> &'static str {
                    #expected
                }
            }

            #[automatically_derived]
            impl #impl_g #rt::JsonSchema for #ident #ty_g #where_c {
                fn schema_name() -> ::core::option::Option<::std::borrow::Cow<'static, str>> {
                    ::core::option::Option::Some(::std::borrow::Cow::Borrowed(#name))
                }
                fn json_schema(__share_gen: &mut #rt::SchemaGenerator) -> #rt::Value {
                    #schema
                }
            }

            #json_name
        };
    }
}

/// On attribute errors: the errors, plus stub impls so the user sees those errors and not a
/// cascade of "trait not implemented" at every use of the type.
pub fn stub(c: &syn::DeriveInput, errors: syn::Error) -> TokenStream {
    let rt = rt();
    let ident = &c.ident;
    let (impl_g, ty_g, where_c) = c.generics.split_for_impl();
    let errors = errors.to_compile_error();
    quote! {
        #errors
        #[allow(unused_qualifications)]
        const _: () = {
            impl #impl_g #rt::Validate for #ident #ty_g #where_c {
                fn validate_into(&self, _: &mut #rt::Context) {}
            }
            impl #impl_g #rt::Shape for #ident #ty_g #where_c {
                fn from_json(_: &#rt::Value, _: &mut #rt::Context) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
                fn expected() -> &'static str { "" }
            }
            impl #impl_g #rt::JsonSchema for #ident #ty_g #where_c {
                fn json_schema(_: &mut #rt::SchemaGenerator) -> #rt::Value {
                    #rt::Value::Bool(true)
                }
            }
        };
    }
}

// ------------------------------------------------------------------------------------ rules

fn severity_tokens(s: Severity) -> TokenStream {
    let rt = rt();
    match s {
        Severity::Error => quote!(#rt::Severity::Error),
        Severity::Warning => quote!(#rt::Severity::Warning),
        Severity::Info => quote!(#rt::Severity::Info),
    }
}

/// The `&'static share_schema::catalog::Rule` a rule reports under: the catalogue constant of
/// `rule = ...`, else the rule kind's default rule, with the `code` and `severity` given.
fn meta(rule: &Rule) -> TokenStream {
    let rt = rt();
    if let Some(path) = &rule.catalog {
        return quote!(&#path);
    }
    let severity = severity_tokens(rule.severity);
    let base = match &rule.code {
        Some(code) => quote!(#rt::catalog::Rule::custom(#code, #severity)),
        None => {
            let default = match &rule.kind {
                RuleKind::NonEmpty => "NON_EMPTY",
                RuleKind::Length { .. } => "LENGTH",
                RuleKind::Url { .. } => "URL",
                RuleKind::Https => "HTTPS",
                RuleKind::Base64Image { .. } => "BASE64_IMAGE",
                RuleKind::MaxDecodedBytes(_) => "DECODED_SIZE",
                RuleKind::AspectRatio(..) => "ASPECT_RATIO",
                RuleKind::Pattern(_) => "PATTERN",
                RuleKind::OneOfStr(_) | RuleKind::OneOfInt(_) => "ONE_OF",
                RuleKind::NotContains(_) => "NOT_CONTAINS",
                RuleKind::Unique => "UNIQUE",
                RuleKind::Required => "REQUIRED",
                RuleKind::Nested | RuleKind::Custom(_) => "CUSTOM",
            };
            let c = syn::Ident::new(default, Span::call_site());
            if rule.severity == Severity::Error {
                return quote!(&#rt::catalog::#c);
            }
            quote!(#rt::catalog::#c.with_severity(#severity))
        }
    };
    // A constant, so the reference is `'static` (the violation keeps it).
    quote!({
        const __SHARE_RULE: #rt::catalog::Rule = #base;
        &__SHARE_RULE
    })
}

/// Whether `rule` reports errors: known when expanding for the severity written in the
/// attribute; for `rule = ...` the constant's severity, read when the code runs.
fn is_error(rule: &Rule) -> Option<TokenStream> {
    let rt = rt();
    match &rule.catalog {
        Some(path) => Some(quote!((#path).severity == #rt::Severity::Error)),
        None => (rule.severity == Severity::Error).then(|| quote!(true)),
    }
}

/// Statements running the value rules of `f` on `__share_v: &RuleTy` (present values only).
fn value_rules(f: &Field, statics: &mut Statics) -> TokenStream {
    let rt = rt();
    let span = f.rule_ty().span();
    let v = quote_spanned!(span=> __share_v);
    let s = quote_spanned!(span=> #rt::rules::AsStr::as_str(#v));
    let mut out = TokenStream::new();
    for rule in &f.rules {
        let meta = meta(rule);
        let call = match &rule.kind {
            RuleKind::NonEmpty => quote_spanned!(span=> #rt::rules::length::non_empty(#v)),
            RuleKind::Length { limit, .. } => {
                let func = format_ident!("{}", rule.kind.name());
                quote_spanned!(span=> #rt::rules::length::#func(#s, #limit))
            }
            RuleKind::Url { schemes } => {
                quote_spanned!(span=> #rt::rules::url::url(#s, &[#(#schemes),*]))
            }
            RuleKind::Https => quote_spanned!(span=> #rt::rules::url::https(#s)),
            RuleKind::Base64Image { max_bytes } => {
                let max = option_usize(max_bytes);
                quote_spanned!(span=> #rt::rules::image::base64_image(#s, #max))
            }
            RuleKind::MaxDecodedBytes(n) => {
                quote_spanned!(span=> #rt::rules::image::max_decoded_bytes(#s, #n))
            }
            RuleKind::AspectRatio(w, h) => {
                quote_spanned!(span=> #rt::rules::image::aspect_ratio(#s, #w, #h))
            }
            RuleKind::Pattern(src) => {
                let re = statics.pattern(src);
                quote_spanned!(span=> match &*#re {
                    ::core::option::Option::Some(__share_re) => #rt::rules::pattern::pattern(#s, __share_re),
                    ::core::option::Option::None => ::core::result::Result::Err(
                        #rt::rules::Failure::new("could not be checked: the pattern is too large to compile")),
                })
            }
            RuleKind::OneOfStr(values) => {
                quote_spanned!(span=> #rt::rules::choice::one_of_str(#s, &[#(#values),*]))
            }
            RuleKind::OneOfInt(values) => {
                quote_spanned!(span=> #rt::rules::choice::one_of_int(*#v as i128, &[#(#values),*]))
            }
            RuleKind::NotContains(item) => quote_spanned!(span=>
                #rt::rules::items::not_contains(::core::convert::AsRef::<[_]>::as_ref(#v), #item)),
            RuleKind::Unique => quote_spanned!(span=>
                #rt::rules::items::unique(::core::convert::AsRef::<[_]>::as_ref(#v))),
            RuleKind::Custom(path) => {
                out.extend(quote_spanned!(span=> #path(#v, __share_cx);));
                continue;
            }
            RuleKind::Required | RuleKind::Nested => continue,
        };
        out.extend(quote!(__share_cx.check(#meta, #call);));
    }
    out
}

fn option_usize(n: &Option<crate::ast::Value<u64>>) -> TokenStream {
    match n {
        Some(n) => quote!(::core::option::Option::Some(#n)),
        None => quote!(::core::option::Option::None),
    }
}

/// `required` rules, given whether the value is present.
fn required_rules(f: &Field, present: TokenStream) -> TokenStream {
    let rt = rt();
    let checks = f
        .rules
        .iter()
        .filter(|r| matches!(r.kind, RuleKind::Required))
        .map(|r| {
            let meta = meta(r);
            quote!(__share_cx.check(#meta, #rt::rules::required(#present));)
        });
    quote!(#(#checks)*)
}

fn has_value_rules(f: &Field) -> bool {
    f.rules
        .iter()
        .any(|r| !matches!(r.kind, RuleKind::Required | RuleKind::Nested))
}

/// `validate_into` statements for one field; `access` is a `&FieldTy` expression.
fn validate_field(f: &Field, access: TokenStream, statics: &mut Statics) -> TokenStream {
    if f.skip || f.rules.is_empty() {
        return TokenStream::new();
    }
    let rt = rt();
    let name = &f.json_name;
    let required = required_rules(f, quote!(::core::option::Option::is_some(#access)));
    let values = if has_value_rules(f) {
        let rules = value_rules(f, statics);
        if f.option_inner.is_some() {
            quote!(if let ::core::option::Option::Some(__share_v) = #access { #rules })
        } else {
            quote!({ let __share_v = #access; #rules })
        }
    } else {
        TokenStream::new()
    };
    let nested = f
        .rules
        .iter()
        .filter(|r| matches!(r.kind, RuleKind::Nested))
        .map(|_| {
            let span = f.ty.span();
            quote_spanned!(span=> #rt::Validate::validate_into(#access, __share_cx);)
        });
    quote! {{
        let __share_mark = __share_cx.enter_key(#name);
        #required
        #values
        #(#nested)*
        __share_cx.leave(__share_mark);
    }}
}

fn checks(c: &Container, value: TokenStream) -> TokenStream {
    let calls = c
        .checks
        .iter()
        .map(|path| quote!(#path(#value, __share_cx);));
    quote!(#(#calls)*)
}

fn validate_body(c: &Container, statics: &mut Statics) -> TokenStream {
    let rt = rt();
    let body = match &c.data {
        Data::Struct(fields) => {
            let stmts = fields.iter().map(|f| {
                let ident = f.ident;
                validate_field(f, quote!((&self.#ident)), statics)
            });
            quote!(#(#stmts)*)
        }
        Data::Enum { repr, variants } => {
            let arms = variants.iter().map(|v| {
                let vid = v.ident;
                let (enter, leave) = variant_scope(repr, v);
                match &v.style {
                    Style::Unit => quote!(Self::#vid => {}),
                    Style::Newtype(ty) => quote! {
                        Self::#vid(__share_inner) => {
                            #enter
                            (&#rt::Probe::<#ty>::new()).probe_validate(__share_inner, __share_cx);
                            #leave
                        }
                    },
                    Style::Struct(fields) => {
                        let names: Vec<_> = fields.iter().map(|f| f.ident).collect();
                        let bindings: Vec<_> = names
                            .iter()
                            .map(|n| format_ident!("__share_f_{}", n))
                            .collect();
                        let stmts: Vec<_> = fields
                            .iter()
                            .zip(&bindings)
                            .map(|(f, b)| validate_field(f, quote!(#b), statics))
                            .collect();
                        quote! {
                            Self::#vid { #(#names: #bindings,)* } => {
                                #enter
                                #(#stmts)*
                                #leave
                            }
                        }
                    }
                }
            });
            quote!(match self { #(#arms)* })
        }
    };
    let checks = checks(c, quote!(self));
    quote!(#body #checks)
}

/// Where a variant's content sits: under its name (external), under the content key (adjacent),
/// or beside the tag (internal, untagged).
fn variant_scope(repr: &Repr, v: &Variant) -> (TokenStream, TokenStream) {
    let key = match repr {
        Repr::External => v.json_name.clone(),
        Repr::Adjacent { content, .. } => content.clone(),
        Repr::Internal { .. } | Repr::Untagged => return (TokenStream::new(), TokenStream::new()),
    };
    (
        quote!(let __share_mark = __share_cx.enter_key(#key);),
        quote!(__share_cx.leave(__share_mark);),
    )
}

// ------------------------------------------------------------------------------------ shape

/// Reads the fields of `__share_map` into locals `__share_f_<field>: Option<FieldTy>` (rules run
/// as each is read), reports unknown keys, and evaluates to `Option<Self>` via `ctor`.
fn shape_fields(
    c: &Container,
    fields: &[Field],
    extra_known: &[&str],
    ctor: TokenStream,
    statics: &mut Statics,
) -> TokenStream {
    let rt = rt();
    let mut reads = Vec::new();
    let mut vars = Vec::new();
    for f in fields {
        let var = format_ident!("__share_f_{}", f.ident);
        let ty = f.ty;
        vars.push(var.clone());
        if f.skip {
            reads.push(quote!(let #var: ::core::option::Option<#ty> = ::core::option::Option::Some(::core::default::Default::default());));
            continue;
        }
        let name = &f.json_name;
        let aliases = &f.aliases;
        let present_rules = if has_value_rules(f) {
            let rules = value_rules(f, statics);
            if f.option_inner.is_some() {
                quote!(if let ::core::option::Option::Some(::core::option::Option::Some(__share_v)) = &__share_built { #rules })
            } else {
                quote!(if let ::core::option::Option::Some(__share_v) = &__share_built { #rules })
            }
        } else {
            TokenStream::new()
        };
        let absent = if f.has_default {
            let required = required_rules(f, quote!(false));
            let scope = if required.is_empty() {
                TokenStream::new()
            } else {
                quote!(let __share_mark = __share_cx.enter_key(#name); #required __share_cx.leave(__share_mark);)
            };
            quote!({ #scope ::core::option::Option::Some(::core::default::Default::default()) })
        } else {
            quote!({ #rt::missing_key(__share_cx, #name); ::core::option::Option::None })
        };
        let span = ty.span();
        let build = quote_spanned!(span=> (&#rt::Probe::<#ty>::new()).probe_from_json(__share_json, __share_cx));
        reads.push(quote! {
            let #var: ::core::option::Option<#ty> = match __share_map.get_key_value(#name)
                #(.or_else(|| __share_map.get_key_value(#aliases)))*
            {
                ::core::option::Option::Some((__share_key, __share_json)) => {
                    let __share_mark = __share_cx.enter_key(__share_key);
                    let __share_built = #build;
                    #present_rules
                    __share_cx.leave(__share_mark);
                    __share_built
                }
                ::core::option::Option::None => #absent,
            };
        });
    }
    let unknown = if c.deny_unknown {
        let mut known: Vec<String> = Vec::new();
        let mut hints = Vec::new();
        for f in fields.iter().filter(|f| !f.skip) {
            known.push(f.json_name.clone());
            known.extend(f.aliases.iter().cloned());
            for from in &f.suggest_for {
                let to = &f.json_name;
                hints.push(quote!((#from, #to)));
            }
        }
        known.extend(extra_known.iter().map(|s| (*s).to_owned()));
        if c.schema_key {
            known.push("$schema".to_owned());
        }
        quote! {
            for __share_key in __share_map.keys() {
                let __share_key = __share_key.as_str();
                if !([#(#known),*].contains(&__share_key) || __share_allowed.contains(&__share_key)) {
                    #rt::unknown_key(__share_cx, __share_key, &[#(#known),*], &[#(#hints),*]);
                }
            }
        }
    } else {
        TokenStream::new()
    };
    let schema_key = if c.schema_key {
        quote!(#rt::schema_key(__share_map, __share_cx);)
    } else {
        TokenStream::new()
    };
    let pats = vars
        .iter()
        .map(|v| quote!(::core::option::Option::Some(#v)));
    quote! {{
        #schema_key
        #(#reads)*
        #unknown
        match (#(#vars,)*) {
            (#(#pats,)*) => ::core::option::Option::Some(#ctor),
            _ => ::core::option::Option::None,
        }
    }}
}

fn struct_ctor(path: TokenStream, fields: &[Field]) -> TokenStream {
    let names = fields.iter().map(|f| f.ident);
    let vars = fields
        .iter()
        .map(|f| format_ident!("__share_f_{}", f.ident));
    quote!(#path { #(#names: #vars,)* })
}

fn shape_body(c: &Container, statics: &mut Statics) -> TokenStream {
    let rt = rt();
    match &c.data {
        Data::Struct(fields) => {
            let ctor = struct_ctor(quote!(Self), fields);
            let read = shape_fields(c, fields, &[], ctor, statics);
            quote! {
                let __share_map = #rt::expect_object(__share_value, __share_cx)?;
                #read
            }
        }
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
fn variant_content(c: &Container, v: &Variant, statics: &mut Statics) -> TokenStream {
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

fn shape_external(
    c: &Container,
    live: &[&Variant],
    names: &[&str],
    statics: &mut Statics,
) -> TokenStream {
    let rt = rt();
    let unit_arms = live
        .iter()
        .filter(|v| matches!(v.style, Style::Unit))
        .map(|v| {
            let (n, vid) = (&v.json_name, v.ident);
            quote!(#n => ::core::option::Option::Some(Self::#vid),)
        });
    let data_arms: Vec<TokenStream> = live
        .iter()
        .filter(|v| !matches!(v.style, Style::Unit))
        .map(|v| {
            let n = &v.json_name;
            let content = variant_content(c, v, statics);
            quote!(#n => {
                let __share_mark = __share_cx.enter_key(#n);
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
            let n = &v.json_name;
            let message = format!(
                "variant `{n}` carries content: write {{\"{n}\": ...}}, not the string \"{n}\""
            );
            quote!(#n => {
                __share_cx.report(&#rt::catalog::WRONG_TYPE, #message);
                ::core::option::Option::None
            })
        });
    let object_unit_arms = live
        .iter()
        .filter(|v| matches!(v.style, Style::Unit))
        .map(|v| {
            let n = &v.json_name;
            let message =
                format!("variant `{n}` has no content: write the string \"{n}\", not an object");
            quote!(#n => {
                __share_cx.report(&#rt::catalog::WRONG_TYPE, #message);
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
                #rt::wrong_type(__share_cx, <Self as #rt::Shape>::expected(), __share_other);
                ::core::option::Option::None
            }
        }
    }
}

fn shape_internal(
    c: &Container,
    live: &[&Variant],
    names: &[&str],
    tag: &str,
    statics: &mut Statics,
) -> TokenStream {
    let rt = rt();
    let arms = live.iter().map(|v| {
        let (n, vid) = (&v.json_name, v.ident);
        match &v.style {
            Style::Unit => {
                let read = shape_fields(c, &[], &[tag], quote!(Self::#vid), statics);
                quote!(#n => #read,)
            }
            Style::Newtype(ty) => quote! {
                #n => {
                    let mut __share_allow: ::std::vec::Vec<&str> = __share_allowed.to_vec();
                    __share_allow.push(#tag);
                    (&#rt::Probe::<#ty>::new())
                        .probe_from_json_allowing(__share_value, __share_cx, &__share_allow)
                        .map(Self::#vid)
                }
            },
            Style::Struct(fields) => {
                let ctor = struct_ctor(quote!(Self::#vid), fields);
                let read = shape_fields(c, fields, &[tag], ctor, statics);
                quote!(#n => #read,)
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

fn shape_adjacent(
    c: &Container,
    live: &[&Variant],
    names: &[&str],
    tag: &str,
    content: &str,
    statics: &mut Statics,
) -> TokenStream {
    let rt = rt();
    let arms = live.iter().map(|v| {
        let (n, vid) = (&v.json_name, v.ident);
        if let Style::Unit = v.style {
            // serde reads a unit variant's content as `()`: absent or null.
            let expected = format!("no `{content}` (variant `{n}` has no content)");
            return quote! {
                #n => match __share_map.get(#content) {
                    ::core::option::Option::Some(__share_json) if !__share_json.is_null() => {
                        __share_cx.at_key(#content, |__share_cx| #rt::wrong_type(__share_cx, #expected, __share_json));
                        ::core::option::Option::None
                    }
                    _ => ::core::option::Option::Some(Self::#vid),
                },
            };
        }
        let build = variant_content(c, v, statics);
        quote! {
            #n => match __share_map.get(#content) {
                ::core::option::Option::Some(__share_json) => {
                    let __share_mark = __share_cx.enter_key(#content);
                    let __share_built = #build;
                    __share_cx.leave(__share_mark);
                    __share_built
                }
                ::core::option::Option::None => {
                    #rt::missing_key(__share_cx, #content);
                    ::core::option::Option::None
                }
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

fn shape_untagged(c: &Container, live: &[&Variant], statics: &mut Statics) -> TokenStream {
    let rt = rt();
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
            _ => variant_content(c, v, statics),
        };
        quote! {
            let __share_built: ::core::option::Option<Self> = { #build };
            if __share_built.is_some() {
                return __share_built;
            }
            let __share_tried = __share_cx.split_off(__share_start);
            // The closest fit: a variant of the value's JSON type, then the fewest violations.
            let __share_score = (
                __share_tried.iter().any(|__share_v| __share_v.path() == __share_here && __share_v.rule() == &#rt::catalog::WRONG_TYPE),
                __share_tried.len(),
            );
            if __share_best.as_ref().map_or(true, |(__share_s, _)| __share_score < *__share_s) {
                __share_best = ::core::option::Option::Some((__share_score, __share_tried));
            }
        }
    });
    let message = format!("matches none of the variants of `{name}`; the closest fit reports:");
    quote! {
        let __share_json = __share_value;
        let __share_start = __share_cx.len();
        let __share_here = ::std::string::ToString::to_string(__share_cx.path());
        let mut __share_best: ::core::option::Option<((bool, usize), ::std::vec::Vec<_>)> = ::core::option::Option::None;
        #(#tries)*
        __share_cx.report(&#rt::catalog::WRONG_TYPE, #message);
        __share_cx.extend(__share_best.map(|(_, __share_v)| __share_v).unwrap_or_default());
        ::core::option::Option::None
    }
}

fn expected_text(c: &Container) -> String {
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

// ------------------------------------------------------------------------------------ schema

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

fn schema_body(c: &Container) -> TokenStream {
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

fn json_name_impl(c: &Container) -> TokenStream {
    let rt = rt();
    let Data::Enum {
        repr: Repr::External,
        variants,
    } = &c.data
    else {
        return TokenStream::new();
    };
    if !variants.iter().all(|v| matches!(v.style, Style::Unit)) {
        return TokenStream::new();
    }
    let ident = c.ident;
    let (impl_g, ty_g, where_c) = c.generics.split_for_impl();
    let arms = variants.iter().map(|v| {
        let (vid, n) = (v.ident, &v.json_name);
        quote!(Self::#vid => #n,)
    });
    quote! {
        #[automatically_derived]
        impl #impl_g #rt::rules::JsonName for #ident #ty_g #where_c {
            fn json_name(&self) -> &str {
                match self { #(#arms)* }
            }
        }
    }
}
