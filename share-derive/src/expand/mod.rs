//! Code generation from the checked model: `Validate` (rules on typed values), `Shape` (structure
//! and rules on untyped JSON), `JsonSchema` (the same rules as schema keywords) and, for unit-only
//! enums, `JsonName`. Nothing here can fail: `check.rs` has ruled out every bad attribute.
//!
//! This file is the entry point: the `const _` wrapper and impl headers ([`derive()`]), the stub
//! impls beside attribute errors ([`stub`]), and what more than one generator needs. The runtime's
//! catalogue rules and `Severity` are named only here (`meta`, `is_error`, `severity_tokens`,
//! `wrong_type_rule`), so a change to them is made once. The bodies come from one file per thing
//! emitted, as serde_derive splits `de/enum_*.rs`:
//!
//! - `validate.rs`: `Validate`, the rules per field;
//! - `shape.rs`: `Shape`, dispatching to `shape_struct.rs` (structs and struct variants),
//!   `enum_external.rs` (serde's default, unit-only enums included), `enum_internal.rs`,
//!   `enum_adjacent.rs` and `enum_untagged.rs`;
//! - `schema.rs`: `JsonSchema`;
//! - `json_name.rs`: `JsonName`, for unit-only enums.
//!
//! Hygiene: everything lives in `const _: () = { ... };`, reaches the runtime only through
//! `::share_schema::__private`, and names its locals `__share_*`.
//!
//! Errors in the derive's words: a mistake the attributes cannot show (a field's type, a
//! function's signature, a constant's type) is a trait bound that fails, each trait with a
//! `#[diagnostic::on_unimplemented]` that says what to write, and the code that needs it is
//! spanned ([`respan`]) at the user's tokens, so rustc reports it there and never names
//! `__private` or a `__share_*` local: rule calls at the field's type, `nested` as
//! `<FieldTy as Validate>`, `custom`/`check` calls and constants at their path, the impl headers
//! at the type's name (`impl_at_name`). `share_schema`'s `requires.rs` holds the traits only the
//! derive needs, among them the last-resort paths that turn "no method matches" into one of
//! those messages (a `custom` function of another signature, a field type serde cannot read).

mod bound;
mod enum_adjacent;
mod enum_external;
mod enum_internal;
mod enum_untagged;
mod json_name;
mod schema;
mod shape;
mod shape_struct;
mod typescript;
mod validate;

use crate::ast::*;
use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

/// The path through which generated code reaches the runtime.
fn rt() -> TokenStream {
    quote!(::share_schema::__private)
}

/// `tokens` with every span set to `span`, a span of the user's: what rustc reports about them
/// (a rule call's unmet bound, the impl header of a generic type whose argument lacks the trait)
/// points at the user's tokens, and is not introduced "in this derive macro".
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) => {
                let mut group = Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                TokenTree::Group(group)
            }
            mut other => {
                other.set_span(span);
                other
            }
        })
        .collect()
}

/// Patterns compiled once per type, as statics in the generated `const` block; and the
/// container's user context, which every `custom` call generated for it passes on.
#[derive(Default)]
struct Statics {
    items: Vec<TokenStream>,
    context: Option<syn::Type>,
}

impl Statics {
    /// A static holding `src` compiled, named `__SHARE_PATTERN_<n>`; returns its name.
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
    let params = bound::used_type_params(c);
    let bounded = bound::bounded(c);
    // The user's `#[share(bound ..)]` for an impl, else the bound on each parameter used.
    let generics = |written: &Option<Vec<syn::WherePredicate>>, inferred: TokenStream| match written
    {
        Some(predicates) => bound::with_predicates(c.generics, predicates),
        None => bound::with_bound(c.generics, &bounded, inferred),
    };
    let validate_g = generics(&c.bounds.validate, quote!(#rt::Validate));
    let shape_g =
        bound::with_value_lifetime(&generics(&c.bounds.shape, quote!(#rt::Shape<'__share_v>)));
    let schema_g = generics(&c.bounds.schema, quote!(#rt::JsonSchema));
    let (_, ty_g, _) = c.generics.split_for_impl();
    let (validate_impl, _, validate_where) = validate_g.split_for_impl();
    let (shape_impl, _, shape_where) = shape_g.split_for_impl();
    let (schema_impl, _, schema_where) = schema_g.split_for_impl();
    // The impls sit at the type's name rather than in the derive (see `impl_at_name`).
    let at = ident.span();
    let validate_head = quote!(impl #validate_impl #rt::Validate for #ident #ty_g);
    let shape_head = quote!(impl #shape_impl #rt::Shape<'__share_v> for #ident #ty_g);
    let schema_head = quote!(impl #schema_impl #rt::JsonSchema for #ident #ty_g);
    let schema_name = bound::schema_name(c, &params, &bounded);
    let mut statics = Statics {
        context: c.context.clone(),
        ..Statics::default()
    };
    let validate = validate::validate_body(c, &mut statics);
    // A `validate_only` type implements neither `Shape` nor `JsonSchema` (nor compiles the
    // patterns only `Shape` would use).
    let readable = c.validate_only.is_none();
    let shape = match readable {
        true => shape::shape_body(c, &mut statics),
        false => TokenStream::new(),
    };
    let shape_checks = checks(c, quote!(__share_value));
    // ... and its schema says so: a key of it need not be required.
    let may_be_absent = match (&c.data, readable && c.transparent) {
        (Data::Transparent { fields, inner }, true) => {
            let f = &fields[*inner];
            let ty = f.ty;
            let answer = match (&f.deserialize_with, f.refuse_null) {
                // Its function may read a missing key: not required (a sound relaxation).
                (Some(_), _) => quote!(true),
                (None, true) => quote!(false),
                (None, false) => schema::may_be_absent(ty),
            };
            Some(quote!(fn may_be_absent() -> bool { #answer }))
        }
        _ => None,
    };
    // A transparent struct reads what its field reads for a missing key (a newtype struct is
    // read through `deserialize_newtype_struct`, which a missing key fails).
    let absent = match (&c.data, readable && c.transparent) {
        (Data::Transparent { fields, inner }, true) => {
            let body = shape_struct::absent_transparent(c, fields, *inner);
            Some(quote!(fn absent() -> ::core::option::Option<Self> { #body }))
        }
        _ => None,
    };
    let expected = shape::expected_text(c);
    let schema = schema::schema_body(c);
    let statics = &statics.items;
    let json_name = json_name::json_name_impl(c);
    // A type without bounds is left out of rustc's "the following other types implement" lists
    // (a user's error about another type is not helped by a list of their types). A generic
    // type's impls stay in: `do_not_recommend` would make rustc report `Page<Item>` rather than
    // the `Item` that lacks the trait.
    let not_listed = params
        .is_empty()
        .then(|| quote!(#[diagnostic::do_not_recommend]));
    let validate_impl_block = impl_at_name(
        validate_head,
        validate_where,
        quote! {
            fn validate_into(&self, __share_cx: &mut #rt::Context) {
                #validate
            }
        },
        at,
    );
    let attrs = quote!(#[automatically_derived] #not_listed);
    let shape_impl_block = readable.then(|| {
        let block = impl_at_name(
        shape_head,
        shape_where,
        quote! {
            fn from_json(__share_value: &'__share_v #rt::Value, __share_cx: &mut #rt::Context) -> ::core::option::Option<Self> {
                <Self as #rt::Shape<'__share_v>>::from_json_allowing(__share_value, __share_cx, &[])
            }
            fn from_json_allowing(
                __share_value: &'__share_v #rt::Value,
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
            #absent
        },
        at,
    );
        quote!(#attrs #block)
    });
    let schema_impl_block = readable.then(|| {
        let block = impl_at_name(
            schema_head,
            schema_where,
            quote! {
                fn schema_name() -> ::core::option::Option<::std::borrow::Cow<'static, str>> {
                    ::core::option::Option::Some(#schema_name)
                }
                fn json_schema(__share_gen: &mut #rt::SchemaGenerator) -> #rt::Value {
                    #schema
                }
                #may_be_absent
            },
            at,
        );
        quote!(#attrs #block)
    });
    // A struct with named fields or an enum can be flattened into another (share-schema's
    // `flatten.rs`).
    let flatten_impls = match (&c.data, readable) {
        (Data::Struct(fields), true) => Some(flatten_impls(c, fields, &shape_g, &schema_g, &attrs)),
        (Data::Enum { repr, variants }, true) => Some(flatten_enum_impls(
            c, repr, variants, &shape_g, &schema_g, &attrs,
        )),
        _ => None,
    };
    // With share-schema's `schemars` feature, the same schema as `schemars::JsonSchema`.
    let schemars_impl = (readable && !c.no_schemars).then(|| {
        let head = quote!(impl #schema_impl #rt::schemars::JsonSchema for #ident #ty_g);
        let block = impl_at_name(
            head,
            schema_where,
            quote! {
                fn schema_name() -> ::std::borrow::Cow<'static, str> {
                    ::std::borrow::Cow::Owned(#rt::def_name::<Self>())
                }
                fn schema_id() -> ::std::borrow::Cow<'static, str> {
                    ::std::borrow::Cow::Borrowed(::core::any::type_name::<Self>())
                }
                fn json_schema(__share_gen: &mut #rt::schemars::SchemaGenerator) -> #rt::schemars::Schema {
                    #rt::to_schemars::<Self>(__share_gen)
                }
            },
            at,
        );
        quote!(#rt::if_schemars! { #attrs #block })
    });
    let typescript_impl = (c.typescript && readable).then(|| typescript::typescript_impl(c));
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, non_snake_case, unused_qualifications, unused_variables, unused_mut, unknown_or_malformed_diagnostic_attributes, clippy::all, clippy::pedantic)]
        const _: () = {
            #[allow(unused_imports)]
            use #rt::{ViaShape as _, ViaSerde as _, ViaNeither as _, ViaSchema as _, ViaSchemars as _, ViaAnySchema as _, ViaValidate as _, ViaNoRules as _, ViaExactFn as _, ViaBorrowFn as _, ViaWrongFn as _, ViaExactCtxFn as _, ViaBorrowCtxFn as _, ViaWrongCtxFn as _, ViaLength as _, ViaNoLength as _};
            #(#statics)*

            #[automatically_derived]
            #not_listed
            #validate_impl_block

            #shape_impl_block

            #schema_impl_block

            #schemars_impl

            #flatten_impls

            #json_name

            #typescript_impl
        };
    }
}

/// `Flatten` and `FlatSchema` for a struct with named fields: read from the keys its container
/// leaves, it claims those its own fields name — unless it flattens fields of its own, when
/// serde reads it as a map, which claims nothing.
fn flatten_impls(
    c: &Container,
    fields: &[Field],
    shape_g: &syn::Generics,
    schema_g: &syn::Generics,
    attrs: &TokenStream,
) -> TokenStream {
    let rt = rt();
    let known: Vec<&str> = own_keys(fields).map(String::as_str).collect();
    let claims = !fields.iter().any(|f| !f.skip && f.flatten.is_some());
    flat_impl_blocks(
        c,
        (shape_g, schema_g, attrs),
        quote!(#rt::flat_struct::<Self>(__share_value, __share_rest, __share_cx, &[#(#known),*], #claims)),
        quote!(#rt::flat_struct_schema::<Self>(__share_gen, __share_taken)),
    )
}

/// The `Flatten` and `FlatSchema` impls of `c` around the bodies `from_flat` and `flat_schema`
/// (generics: the shape impl's, the schema impl's, and the attributes on both).
fn flat_impl_blocks(
    c: &Container,
    (shape_g, schema_g, attrs): (&syn::Generics, &syn::Generics, &TokenStream),
    from_flat: TokenStream,
    flat_schema: TokenStream,
) -> TokenStream {
    let rt = rt();
    let ident = c.ident;
    let (_, ty_g, _) = c.generics.split_for_impl();
    let (shape_impl, _, shape_where) = shape_g.split_for_impl();
    let (schema_impl, _, schema_where) = schema_g.split_for_impl();
    quote! {
        #attrs
        impl #shape_impl #rt::Flatten<'__share_v> for #ident #ty_g #shape_where {
            fn from_flat(
                __share_value: &'__share_v #rt::Value,
                __share_rest: &mut ::std::vec::Vec<&'__share_v str>,
                __share_cx: &mut #rt::Context,
            ) -> ::core::option::Option<Self> {
                #from_flat
            }
        }
        #attrs
        impl #schema_impl #rt::FlatSchema for #ident #ty_g #schema_where {
            #[allow(unused_variables)] // an enum's needs no generator
            fn flat_schema(__share_gen: &mut #rt::SchemaGenerator, __share_taken: &[&str]) -> #rt::Value {
                #flat_schema
            }
        }
    }
}

/// `Flatten` and `FlatSchema` for an enum (see share-schema's `flat_enum`): only for an enum
/// that borrows nothing, as it reads a copy of the keys it sees.
fn flatten_enum_impls(
    c: &Container,
    repr: &Repr,
    variants: &[Variant],
    shape_g: &syn::Generics,
    schema_g: &syn::Generics,
    attrs: &TokenStream,
) -> TokenStream {
    let rt = rt();
    let name = c.ident.to_string();
    let mut shape_g = shape_g.clone();
    shape_g
        .make_where_clause()
        .predicates
        .push(syn::parse_quote!(Self: #rt::ShapeOwned));
    // Externally tagged without untagged variants: the keys that name a variant.
    let external = matches!(repr, Repr::External) && variants.iter().all(|v| !v.untagged);
    let names = if external {
        let names = variants
            .iter()
            .filter(|v| !v.skip)
            .flat_map(|v| std::iter::once(&v.json_name).chain(&v.aliases));
        quote!(::core::option::Option::Some(&[#(#names),*]))
    } else {
        quote!(::core::option::Option::None)
    };
    let units = variants
        .iter()
        .filter(|v| external && !v.skip && matches!(v.style, Style::Unit))
        .flat_map(|v| std::iter::once(&v.json_name).chain(&v.aliases));
    flat_impl_blocks(
        c,
        (&shape_g, schema_g, attrs),
        quote!(#rt::flat_enum::<Self>(__share_value, __share_rest, __share_cx, #names, &[#(#units),*], #name)),
        quote!(#rt::flat_enum_schema(#names, __share_taken)),
    )
}

/// `head where_clause { items }` with `head` (`impl<T> Trait for Type<T>`) and the braces spanned
/// at the type's name `at`, a span of the user's: rustc then reports the impl there — a bound
/// that `Page<Item>` does not meet at `struct Page<T>` (each bound is spanned at its parameter,
/// `bound.rs`), the impl in its list of the trait's impls — and not "in this derive macro",
/// with its advice to implement the trait by hand "to avoid undesired bounds": these bounds are
/// needed.
fn impl_at_name(
    head: TokenStream,
    where_clause: Option<&syn::WhereClause>,
    items: TokenStream,
    at: Span,
) -> TokenStream {
    let head = respan(head, at);
    let mut body = Group::new(proc_macro2::Delimiter::Brace, items);
    body.set_span(at);
    quote!(#head #where_clause #body)
}

/// On attribute errors: the errors, plus stub impls so the user sees those errors and not a
/// cascade of "trait not implemented" at every use of the type.
pub fn stub(c: &syn::DeriveInput, errors: syn::Error) -> TokenStream {
    let rt = rt();
    let ident = &c.ident;
    let (impl_g, ty_g, where_c) = c.generics.split_for_impl();
    let errors = errors.to_compile_error();
    let shape_g = bound::with_value_lifetime(&c.generics);
    let (shape_impl, _, _) = shape_g.split_for_impl();
    quote! {
        #errors
        #[allow(unused_qualifications)]
        const _: () = {
            impl #impl_g #rt::Validate for #ident #ty_g #where_c {
                fn validate_into(&self, _: &mut #rt::Context) {}
            }
            impl #shape_impl #rt::Shape<'__share_v> for #ident #ty_g #where_c {
                fn from_json(_: &'__share_v #rt::Value, _: &mut #rt::Context) -> ::core::option::Option<Self> {
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

// ------------------------------ catalogue rules and Severity: named here and nowhere else

/// The runtime's `Severity` variant for `s`.
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
/// A `share_schema::rules::number::Range` of `bounds`.
fn range_tokens(bounds: &RangeBounds) -> TokenStream {
    let rt = rt();
    let bound = |b: &Option<NumberValue>| match b {
        None => quote!(::core::option::Option::None),
        Some(NumberValue::Int(i)) => {
            quote!(::core::option::Option::Some(#rt::rules::number::Number::Int(#i)))
        }
        Some(NumberValue::Float(f)) => {
            quote!(::core::option::Option::Some(#rt::rules::number::Number::Float(#f)))
        }
        // Spanned at the path: a constant that is not a number is reported there.
        Some(NumberValue::Path(p)) => {
            let n = respan(
                quote!(#rt::rules::number::AsNumber::as_number(&#p)),
                p.span(),
            );
            quote!(::core::option::Option::Some(#n))
        }
    };
    let (min, max) = (bound(&bounds.min), bound(&bounds.max));
    let (xmin, xmax) = (bound(&bounds.exclusive_min), bound(&bounds.exclusive_max));
    quote!(#rt::rules::number::Range {
        min: #min,
        max: #max,
        exclusive_min: #xmin,
        exclusive_max: #xmax,
    })
}

/// The `share_schema::rules::ip::IpKind` of `kind`.
fn ip_kind_tokens(kind: IpKind) -> TokenStream {
    let rt = rt();
    match kind {
        IpKind::Any => quote!(#rt::rules::ip::IpKind::Any),
        IpKind::V4 => quote!(#rt::rules::ip::IpKind::V4),
        IpKind::V6 => quote!(#rt::rules::ip::IpKind::V6),
    }
}

/// The rule function of an affix rule.
fn affix_fn(affix: Affix) -> syn::Ident {
    let name = match affix {
        Affix::Contains => "contains",
        Affix::Prefix => "prefix",
        Affix::Suffix => "suffix",
    };
    syn::Ident::new(name, Span::call_site())
}

fn meta(rule: &Rule) -> TokenStream {
    let rt = rt();
    if let Some(path) = &rule.catalog {
        return catalog_rule(path);
    }
    let severity = severity_tokens(rule.severity);
    let base = match &rule.code {
        // A constant's path: read through `CodeStr`, spanned at the path, so a constant of
        // another type is reported there in the derive's words. A trait method cannot run in a
        // constant: the rule is built once, on first use.
        Some(crate::ast::Value::Path(path)) => {
            let code = respan(quote!(#rt::CodeStr::code(&#path)), path.span());
            return quote!({
                static __SHARE_RULE: #rt::LazyLock<#rt::catalog::Rule> =
                    #rt::LazyLock::new(|| #rt::catalog::Rule::custom(#code, #severity));
                &*__SHARE_RULE
            });
        }
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
                RuleKind::Nested | RuleKind::Custom(_) | RuleKind::Inner(_) => "CUSTOM",
                RuleKind::Range(_) => "RANGE",
                RuleKind::Ascii => "ASCII",
                RuleKind::Alphanumeric => "ALPHANUMERIC",
                RuleKind::NonControlCharacter => "CONTROL_CHARACTER",
                RuleKind::Email => "EMAIL",
                RuleKind::Ip(_) => "IP",
                RuleKind::Affix(Affix::Contains, _) => "CONTAINS",
                RuleKind::Affix(Affix::Prefix, _) => "PREFIX",
                RuleKind::Affix(Affix::Suffix, _) => "SUFFIX",
                RuleKind::Items { .. } => "ITEM_COUNT",
                RuleKind::Matches(_) => "MATCHES",
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

/// The `&'static Rule` that `rule = path` names, through `CatalogRule` spanned at the path: a
/// constant of another type is reported there, in the derive's words, once however many places
/// use it.
fn catalog_rule(path: &syn::ExprPath) -> TokenStream {
    let rt = respan(rt(), path.span());
    quote_spanned!(path.span()=> #rt::CatalogRule::rule(&#path))
}

/// Whether `rule` reports errors: known when expanding for the severity written in the
/// attribute; for `rule = ...` the constant's severity, read when the code runs.
fn is_error(rule: &Rule) -> Option<TokenStream> {
    let rt = rt();
    match &rule.catalog {
        Some(path) => {
            let rule = catalog_rule(path);
            Some(quote!(#rule.severity == #rt::Severity::Error))
        }
        None => (rule.severity == Severity::Error).then(|| quote!(true)),
    }
}

/// The generated locals (`__share_cx`, `__share_json`, `__share_v`), spelled at the derive's
/// call site for calls written with a field type's span (so a type error lands on the field).
/// Written inside `quote_spanned!` they would take the type's hygiene too, which is another
/// one when the type comes from a `macro_rules!` argument (`struct $name { inner: $t }`):
/// "cannot find value `__share_cx` in this scope".
fn local(name: &str) -> TokenStream {
    let ident = syn::Ident::new(name, Span::call_site());
    quote!(#ident)
}

/// The rule of a JSON value of the wrong type (untagged enums also compare against it).
fn wrong_type_rule() -> TokenStream {
    let rt = rt();
    quote!(&#rt::catalog::WRONG_TYPE)
}

// ------------------------------------------------------------------------------------ shared

/// An optional limit as `Option<u64>` tokens.
fn option_usize(n: &Option<crate::ast::Value<u64>>) -> TokenStream {
    match n {
        Some(n) => quote!(::core::option::Option::Some(#n)),
        None => quote!(::core::option::Option::None),
    }
}

/// Calls to the container's `#[share(check = path)]` functions on `value` (a `&Self`), each
/// spanned at its path: a function of another signature is reported there, with the signature
/// expected (as `custom`, see `validate::custom_call`).
fn checks(c: &Container, value: TokenStream) -> TokenStream {
    let rt = rt();
    let calls = c.checks.iter().map(|path| match &c.context {
        Some(user) => {
            let call = quote_spanned!(path.span()=> (&#rt::RuleFnWith::<Self, #user, _>::new(#path)).call_check_with(#value, __share_u, __share_cx));
            with_user(user, call)
        }
        None => quote_spanned!(path.span()=> (&#rt::RuleFn::<Self, _>::new(#path)).call_check(#value, __share_cx);),
    });
    quote!(#(#calls)*)
}

/// `call` (which names the user context `__share_u: &user`) when the context holds a `user`;
/// otherwise the violation that says the rule could not run.
fn with_user(user: &syn::Type, call: TokenStream) -> TokenStream {
    let rt = rt();
    let cx = local("__share_cx");
    quote! {
        match #cx.user::<#user>() {
            ::core::option::Option::Some(__share_u) => { #call; }
            ::core::option::Option::None => #rt::missing_context::<#user>(#cx),
        }
    }
}
