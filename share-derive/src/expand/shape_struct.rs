//! The `Shape` code for structs, and for the named fields of a struct variant in every enum
//! representation: each field read from a JSON object under its name or an alias, its rules run as
//! it is read, unknown keys reported under `deny_unknown_fields`.

use super::validate::{
    has_value_rules, matches_checks, required_rules, validate_field, value_rules,
};
use super::{local, rt, Statics};
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

/// A struct's `Shape` body: `__share_value` must be an object, read field by field.
pub(super) fn shape_struct(c: &Container, fields: &[Field], statics: &mut Statics) -> TokenStream {
    let rt = rt();
    let ctor = struct_ctor(quote!(Self), fields);
    let read = shape_fields(c, fields, &[], c.deny_unknown, ctor, statics, true);
    quote! {
        // Set when the struct is read flattened into another (share-schema's `flatten.rs`):
        // taken first, so that no struct read inside sees it.
        let __share_view: ::core::option::Option<::std::vec::Vec<::std::string::String>> =
            __share_cx.take_view();
        let __share_map = #rt::expect_object(__share_value, __share_cx)?;
        #read
    }
}

/// Reads the fields of `__share_map` into locals `__share_f_<field>: Option<FieldTy>` (rules run
/// as each is read), reports unknown keys when `deny_unknown`, and evaluates to `Option<Self>`
/// via `ctor`. `view`: a struct's own fields, which `__share_view` may limit (it is read
/// flattened), and which may flatten fields of their own.
pub(super) fn shape_fields(
    c: &Container,
    fields: &[Field],
    extra_known: &[&str],
    deny_unknown: bool,
    ctor: TokenStream,
    statics: &mut Statics,
    view: bool,
) -> TokenStream {
    let rt = rt();
    let mut reads = Vec::new();
    let mut vars = Vec::new();
    let mut flattened = Vec::new();
    let view_arg = if view {
        quote!(__share_view.as_deref())
    } else {
        quote!(::core::option::Option::None)
    };
    for f in fields {
        let var = f.var();
        let ty = f.ty;
        vars.push(var.clone());
        if f.flatten.is_some() && !f.skip {
            // Read after the struct's own fields, from the keys they leave.
            let read = flat_read(ty);
            flattened.push(quote!(let #var: ::core::option::Option<#ty> = #read;));
            continue;
        }
        if f.skip {
            let value = default_value(c, f);
            reads.push(quote!(let #var: ::core::option::Option<#ty> = ::core::option::Option::Some(#value);));
            continue;
        }
        let name = &f.json_name;
        let aliases = &f.aliases;
        let present = read_present(f, false, statics);
        let absent = read_absent(c, f, statics);
        // serde reads a field once: its name and an alias both given is a duplicate field.
        let duplicate = if aliases.is_empty() {
            TokenStream::new()
        } else {
            let names: Vec<&str> = std::iter::once(name.as_str())
                .chain(aliases.iter().map(String::as_str))
                .collect();
            quote! {
                if #rt::duplicate_field(__share_map, &[#(#names),*], #view_arg, __share_cx) {
                    __share_once = false;
                }
            }
        };
        let lookup = if view {
            quote! {
                #rt::get_in_view(__share_map, #name, __share_view.as_deref())
                    #(.or_else(|| #rt::get_in_view(__share_map, #aliases, __share_view.as_deref())))*
            }
        } else {
            quote! {
                #rt::get_key_value(__share_map, #name)
                    #(.or_else(|| #rt::get_key_value(__share_map, #aliases)))*
            }
        };
        reads.push(quote! {
            #duplicate
            let #var: ::core::option::Option<#ty> = match #lookup {
                ::core::option::Option::Some((__share_key, __share_json)) => {
                    let __share_mark = __share_cx.enter_key(__share_key);
                    let __share_built = #present;
                    __share_cx.leave(__share_mark);
                    __share_built
                }
                ::core::option::Option::None => #absent,
            };
        });
    }
    // The keys of the struct's own fields, which its flattened fields never see.
    let mut known: Vec<String> = own_keys(fields).cloned().collect();
    let mut hints = Vec::new();
    for f in fields.iter().filter(|f| !f.skip && f.flatten.is_none()) {
        for from in &f.suggest_for {
            let to = &f.json_name;
            hints.push(quote!((#from, #to)));
        }
    }
    known.extend(extra_known.iter().map(|s| (*s).to_owned()));
    if c.schema_key {
        known.push("$schema".to_owned());
    }
    let view_expr = if view {
        quote!(__share_view.as_deref())
    } else {
        quote!(::core::option::Option::None)
    };
    let flatten = if flattened.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            let mut __share_rest_keys =
                #rt::rest_keys(__share_map, #view_expr, &[#(#known),*], __share_allowed);
            let __share_rest = &mut __share_rest_keys;
            #(#flattened)*
        }
    };
    let unknown = match (deny_unknown, flattened.is_empty()) {
        (false, _) => TokenStream::new(),
        // What no flattened struct claimed (serde's "unknown field").
        (true, false) => quote! {
            for __share_key in __share_rest.iter() {
                #rt::unknown_key(__share_cx, __share_key, &[#(#known),*], &[#(#hints),*]);
            }
        },
        (true, true) => {
            let check = quote! {
                for __share_key in __share_map.keys() {
                    let __share_key = __share_key.as_str();
                    if !([#(#known),*].contains(&__share_key) || __share_allowed.contains(&__share_key)) {
                        #rt::unknown_key(__share_cx, __share_key, &[#(#known),*], &[#(#hints),*]);
                    }
                }
            };
            // Read flattened, a struct sees only its own keys (serde's `FlatStructAccess`):
            // none is unknown to it.
            if view {
                quote!(if __share_view.is_none() { #check })
            } else {
                check
            }
        }
    };
    let schema_key = if c.schema_key {
        quote!(#rt::schema_key(__share_map, __share_cx);)
    } else {
        TokenStream::new()
    };
    let matches = matches_checks(fields, |f| {
        let var = f.var();
        quote!(::core::option::Option::as_ref(&#var))
    });
    let pats = vars
        .iter()
        .map(|v| quote!(::core::option::Option::Some(#v)));
    // serde builds the struct's default once and takes each absent or skipped field from it.
    let container_default = container_default(c);
    quote! {{
        #schema_key
        #container_default
        #[allow(unused_mut)] // no field has an alias
        let mut __share_once = true;
        #(#reads)*
        #flatten
        #matches
        #unknown
        match (#(#vars,)*) {
            (#(#pats,)*) if __share_once => ::core::option::Option::Some(#ctor),
            _ => ::core::option::Option::None,
        }
    }}
}

/// An expression of type `Option<ty>` reading a flattened field of type `ty` from the keys
/// left in `__share_rest` (a `&mut Vec<&str>`) of the object `__share_value`: a map reads them
/// all, an `Option` tries its content, any other type is a struct that derives `Flatten`.
fn flat_read(ty: &syn::Type) -> TokenStream {
    let rt = rt();
    let (value, rest, cx) = (
        local("__share_value"),
        local("__share_rest"),
        local("__share_cx"),
    );
    if let Some(inner) = crate::attr::option_inner(ty) {
        let read = flat_read(inner);
        return quote!(#rt::flat_option(#rest, #cx, |#rest, #cx| #read));
    }
    if let Some((k, v)) = crate::attr::map_types(ty) {
        // Its values read by serde, as a map field's are (maps have no `Shape`).
        let json = local("__share_json");
        return quote! {
            #rt::flat_map::<#k, #v, #ty>(#value, #rest, #cx, |#json, #cx| #rt::read_serde::<#v>(#json, #cx))
        };
    }
    // The trait path at the type, for the error of a type that cannot be flattened; the locals
    // at the derive's own span (a type written by a macro has the macro's hygiene).
    let path = quote_spanned!(ty.span()=> <#ty as #rt::Flatten<'__share_v>>::from_flat);
    quote!(#path(#value, #rest, #cx))
}

/// An expression reading the present value `__share_json` of `f` into `Option<FieldTy>`, its
/// rules run on it at the current path. `allowing`: the keys in `__share_allowed` pass on to the
/// field's type (a transparent struct reads its field's object).
fn read_present(f: &Field, allowing: bool, statics: &mut Statics) -> TokenStream {
    let rt = rt();
    let ty = f.ty;
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
    let span = ty.span();
    let (json, cx) = (local("__share_json"), local("__share_cx"));
    let build = match f.option_inner {
        // serde calls the function on the field's JSON, `null` included; so does Shape.
        _ if f.deserialize_with.is_some() => {
            let path = f.deserialize_with.as_ref().expect("matched");
            let shown = quote!(#path).to_string().replace(' ', "");
            // Then its type's own rules, which validate() runs on the value built.
            let probe = quote_spanned!(span=> (&#rt::Probe::<#ty>::new()));
            quote! {{
                let __share_b = #rt::read_with::<#ty>(#json, #cx, #shown, |__share_d| #path(__share_d));
                if let ::core::option::Option::Some(__share_b) = &__share_b {
                    #probe.probe_validate(__share_b, #cx);
                }
                __share_b
            }}
        }
        // serde reads the inner type, which has no `null`.
        Some(inner) if f.refuse_null => quote_spanned! {span=>
            if #json.is_null() {
                #rt::refused_null(#cx, (&#rt::Probe::<#inner>::new()).probe_expected());
                ::core::option::Option::None
            } else {
                (&#rt::Probe::<#inner>::new()).probe_from_json(#json, #cx).map(::core::option::Option::Some)
            }
        },
        _ if allowing => {
            let allowed = local("__share_allowed");
            quote_spanned!(span=> (&#rt::Probe::<#ty>::new()).probe_from_json_allowing(#json, #cx, #allowed))
        }
        _ => {
            quote_spanned!(span=> (&#rt::Probe::<#ty>::new()).probe_from_json(#json, #cx))
        }
    };
    // `null` read as `None`: the value is absent to `required`, as `validate()` sees it.
    let null_required = match f.option_inner {
        Some(_) if !f.refuse_null => {
            let required = required_rules(f, quote!(false));
            if required.is_empty() {
                TokenStream::new()
            } else {
                quote!(if let ::core::option::Option::Some(::core::option::Option::None) = &__share_built { #required })
            }
        }
        _ => TokenStream::new(),
    };
    quote!({
        let __share_built: ::core::option::Option<#ty> = #build;
        #null_required
        #present_rules
        __share_built
    })
}

/// An expression for `f` when its key (or item) is absent: serde's default, checked as
/// `validate()` checks it (a default that breaks the field's rules, or its type's, is reported
/// at the absent key), else a missing key.
fn read_absent(c: &Container, f: &Field, statics: &mut Statics) -> TokenStream {
    let rt = rt();
    let ty = f.ty;
    if f.has_default {
        let value = default_value(c, f);
        let check = validate_field(f, quote!((&__share_d)), statics);
        quote!({
            let __share_d: #ty = #value;
            #check
            ::core::option::Option::Some(__share_d)
        })
    } else if f.deserialize_with.is_some() || f.refuse_null {
        // serde: a missing key of a field read by a function is an error, whatever its type.
        let name = &f.json_name;
        quote!({ #rt::missing_key(__share_cx, #name); ::core::option::Option::None })
    } else {
        // What serde reads for a missing key of this type: `None` for what wraps an `Option`
        // (`Box<Option<T>>`, a transparent struct over one), else nothing: required.
        // What it reads is checked as validate() checks it: the field's rules (a `custom` may
        // refuse the empty value), then its type's own (a transparent struct's `check`) when its
        // `Validate` is known here (a generic type's Shape impl need not bound it).
        let name = &f.json_name;
        // The probe spanned at the type (its errors there); the locals at the derive's own span.
        let probe = quote_spanned!(ty.span()=> (&#rt::Probe::<#ty>::new()));
        let rules = if has_value_rules(f) {
            let rules = value_rules(f, statics);
            quote!({ let __share_v = &__share_d; #rules })
        } else {
            TokenStream::new()
        };
        quote!(match #probe.probe_absent() {
            ::core::option::Option::Some(__share_d) => {
                #rules
                #probe.probe_validate(&__share_d, __share_cx);
                ::core::option::Option::Some(__share_d)
            }
            ::core::option::Option::None => {
                #rt::missing_key(__share_cx, #name);
                ::core::option::Option::None
            }
        })
    }
}

/// `let __share_default: Self = ...;` when the struct has a serde `default`.
fn container_default(c: &Container) -> Option<TokenStream> {
    c.default.as_ref().map(|d| {
        let value = match d {
            DefaultValue::Trait => quote!(<Self as ::core::default::Default>::default()),
            DefaultValue::Path(p) => quote!(#p()),
        };
        quote!(let __share_default: Self = #value;)
    })
}

/// Reads the JSON array `value` into the fields of a tuple struct or variant, one item per field
/// serde reads, in order, each at its index; evaluates to `Option<Self>` via `ctor`. As serde,
/// an array of another length is refused, except that trailing fields with a `default` may be
/// missing.
pub(super) fn shape_tuple(
    c: &Container,
    fields: &[Field],
    value: TokenStream,
    ctor: TokenStream,
    statics: &mut Statics,
) -> TokenStream {
    let rt = rt();
    let (min, max) = tuple_arity(fields);
    let expected = tuple_expected(fields);
    let mut reads = Vec::new();
    let mut place = 0usize;
    for f in fields {
        let (var, ty) = (f.var(), f.ty);
        if f.skip {
            let value = default_value(c, f);
            reads.push(quote!(let #var: ::core::option::Option<#ty> = ::core::option::Option::Some(#value);));
            continue;
        }
        let present = read_present(f, false, statics);
        let absent = read_absent(c, f, statics);
        reads.push(quote! {
            let #var: ::core::option::Option<#ty> = match __share_items.get(#place) {
                ::core::option::Option::Some(__share_json) => {
                    let __share_mark = __share_cx.enter_index(#place);
                    let __share_built = #present;
                    __share_cx.leave(__share_mark);
                    __share_built
                }
                ::core::option::Option::None => #absent,
            };
        });
        place += 1;
    }
    let vars: Vec<syn::Ident> = fields.iter().map(Field::var).collect();
    let pats = vars
        .iter()
        .map(|v| quote!(::core::option::Option::Some(#v)));
    let matches = matches_checks(fields, |f| {
        let var = f.var();
        quote!(::core::option::Option::as_ref(&#var))
    });
    let container_default = container_default(c);
    quote! {
        match #value {
            #rt::Value::Array(__share_items) if (#min..=#max).contains(&__share_items.len()) => {
                #container_default
                #(#reads)*
                #matches
                match (#(#vars,)*) {
                    (#(#pats,)*) => ::core::option::Option::Some(#ctor),
                    _ => ::core::option::Option::None,
                }
            }
            __share_other => {
                #rt::wrong_type(__share_cx, #expected, __share_other);
                ::core::option::Option::None
            }
        }
    }
}

/// A newtype or `#[serde(transparent)]` struct's `Shape` body: `__share_value` is the value of
/// the field at `inner`, read at the struct's own path; the other fields take their defaults.
pub(super) fn shape_transparent(
    c: &Container,
    fields: &[Field],
    inner: usize,
    statics: &mut Statics,
) -> TokenStream {
    let present = read_present(&fields[inner], true, statics);
    transparent_built(
        c,
        fields,
        inner,
        quote!({ let __share_json = __share_value; #present }),
    )
}

/// `Shape::absent`'s body for a `#[serde(transparent)]` struct: what its field reads for a
/// missing key (serde reads the struct as its field), the other fields their defaults.
pub(super) fn absent_transparent(c: &Container, fields: &[Field], inner: usize) -> TokenStream {
    let rt = rt();
    let f = &fields[inner];
    let ty = f.ty;
    // serde hands a function of the field's own what it hands the type: a missing key.
    let absent = match (&f.deserialize_with, f.refuse_null) {
        (Some(path), _) => quote!(#path(#rt::Missing).ok()),
        (None, true) => quote!(::core::option::Option::None),
        (None, false) => quote!((&#rt::Probe::<#ty>::new()).probe_absent()),
    };
    transparent_built(c, fields, inner, absent)
}

/// A transparent struct built from `read` (an `Option<FieldTy>` expression) for the field at
/// `inner`, the other fields from their defaults; `Option<Self>`.
fn transparent_built(
    c: &Container,
    fields: &[Field],
    inner: usize,
    read: TokenStream,
) -> TokenStream {
    let mut read = Some(read);
    let reads = fields.iter().enumerate().map(|(i, f)| {
        let (var, ty) = (f.var(), f.ty);
        if i == inner {
            let read = read.take();
            quote!(let #var: ::core::option::Option<#ty> = #read;)
        } else {
            let value = default_value(c, f);
            quote!(let #var: ::core::option::Option<#ty> = ::core::option::Option::Some(#value);)
        }
    });
    let reads: Vec<TokenStream> = reads.collect();
    let ctor = struct_ctor(quote!(Self), fields);
    let vars: Vec<syn::Ident> = fields.iter().map(Field::var).collect();
    let container_default = container_default(c);
    quote! {
        #container_default
        #(#reads)*
        match (#(#vars,)*) {
            (#(::core::option::Option::Some(#vars),)*) => ::core::option::Option::Some(#ctor),
            _ => ::core::option::Option::None,
        }
    }
}

/// serde's value for `f` when its key is absent or the field is skipped: the field's own
/// `default` (`Default::default()` or `path()`), else the struct's default value's field, else
/// the type's `Default` (an `Option`'s `None`).
fn default_value(c: &Container, f: &Field) -> TokenStream {
    match (&f.default, &c.default) {
        (Some(DefaultValue::Path(p)), _) => quote!(#p()),
        (None, Some(_)) => {
            let member = &f.member;
            quote!(__share_default.#member)
        }
        (Some(DefaultValue::Trait), _) | (None, None) => {
            quote!(::core::default::Default::default())
        }
    }
}

/// `path { field: __share_f_field, .. }`: the value built from the locals of [`shape_fields`].
pub(super) fn struct_ctor(path: TokenStream, fields: &[Field]) -> TokenStream {
    let names = fields.iter().map(|f| &f.member);
    let vars = fields.iter().map(Field::var);
    quote!(#path { #(#names: #vars,)* })
}
