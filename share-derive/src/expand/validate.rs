//! The `Validate` impl: the rules of each field run on the typed value, at the field's JSON name,
//! then the container's `check` functions. `shape_struct.rs` runs the same rules as it reads a
//! field from JSON, through [`value_rules`] and [`required_rules`].

use super::{checks, local, meta, option_usize, rt, Statics};
use crate::ast::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

/// Statements running the value rules of `f` on `__share_v: &RuleTy` (present values only).
pub(super) fn value_rules(f: &Field, statics: &mut Statics) -> TokenStream {
    rules_on(f.rule_ty(), &f.rules, statics)
}

/// Statements running `rules` on `__share_v: &ty`; `inner(...)` runs its rules on each item.
fn rules_on(ty: &syn::Type, rules: &[Rule], statics: &mut Statics) -> TokenStream {
    let span = ty.span();
    // The rule functions' paths too: an unmet bound is reported at the field's type alone.
    let rt = super::respan(rt(), span);
    let (value, cx) = (local("__share_v"), local("__share_cx"));
    // The value as the rule calls name it: written at the type, so an error about it lands on
    // the field, and bound again at the type (`rebind`) from the call site's `__share_v`.
    let v = quote_spanned!(span=> __share_v);
    let rebind = quote_spanned!(span=> let __share_v = #value;);
    let s = quote_spanned!(span=> #rt::rules::AsStr::as_str(#v));
    let mut out = TokenStream::new();
    for rule in rules {
        if let RuleKind::Inner(inner) = &rule.kind {
            // `check.rs` reported a type without items.
            let Some(item) = crate::attr::inner_item(ty) else {
                continue;
            };
            let body = rules_on(item.rule_ty, inner, statics);
            let body = match item.option {
                true => quote!(if let ::core::option::Option::Some(#value) = #value { #body }),
                false => body,
            };
            out.extend(quote_spanned!(span=>
                #rt::rules::inner::Inner::each_item(#v, #cx, &mut |#value, #cx| { #body });
            ));
            continue;
        }
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
                quote_spanned!(span=> #rt::rules::choice::one_of_int(#rt::rules::AsInteger::as_i128(#v), &[#(#values),*]))
            }
            RuleKind::NotContains(item) => quote_spanned!(span=>
                #rt::rules::items::not_contains(#rt::rules::AsList::as_list(#v), #item)),
            RuleKind::Unique => quote_spanned!(span=>
                #rt::rules::items::unique(#rt::rules::AsList::as_list(#v))),
            RuleKind::Range(bounds) => {
                let range = super::range_tokens(bounds);
                quote_spanned!(span=> #rt::rules::number::range(#v, &#range))
            }
            RuleKind::Ascii => quote_spanned!(span=> #rt::rules::charset::ascii(#s)),
            RuleKind::Alphanumeric => quote_spanned!(span=> #rt::rules::charset::alphanumeric(#s)),
            RuleKind::NonControlCharacter => {
                quote_spanned!(span=> #rt::rules::charset::non_control_character(#s))
            }
            RuleKind::Email => quote_spanned!(span=> #rt::rules::email::email(#s)),
            RuleKind::Ip(kind) => {
                let kind = super::ip_kind_tokens(*kind);
                quote_spanned!(span=> #rt::rules::ip::ip(#s, #kind))
            }
            RuleKind::Affix(affix, text) => {
                let func = super::affix_fn(*affix);
                quote_spanned!(span=> #rt::rules::affix::#func(#s, #text))
            }
            RuleKind::Items { limit, .. } => {
                let func = format_ident!("{}", rule.kind.name());
                quote_spanned!(span=> #rt::rules::items::#func(#v, #limit))
            }
            RuleKind::Custom(path) => {
                // What the function reports, under the `code` and `severity` written here.
                let restates_code = rule.code.is_some() || rule.catalog.is_some();
                let code = match restates_code {
                    true => quote!(::core::option::Option::Some(#meta)),
                    false => quote!(::core::option::Option::None),
                };
                let severity = match (&rule.catalog, rule.explicit_severity) {
                    (Some(path), _) => {
                        let rule = super::catalog_rule(path);
                        quote!(::core::option::Option::Some(#rule.severity))
                    }
                    (None, true) => {
                        let s = super::severity_tokens(rule.severity);
                        quote!(::core::option::Option::Some(#s))
                    }
                    (None, false) => quote!(::core::option::Option::None),
                };
                let call = custom_call(ty, path, &v, &cx, statics.context.as_ref());
                out.extend(if restates_code || rule.explicit_severity {
                    quote_spanned!(span=> {
                        #rebind
                        let __share_since = #cx.len();
                        #call;
                        #cx.restate_since(__share_since, #code, #severity);
                    })
                } else {
                    quote!({ #rebind #call; })
                });
                continue;
            }
            RuleKind::Required | RuleKind::Nested | RuleKind::Inner(_) | RuleKind::Matches(_) => {
                continue
            }
        };
        out.extend(check_call(rule, quote!({ #rebind #call })));
    }
    out
}

/// `path(value, __share_cx)` for `custom = path` on a value of type `&ty`, spanned at the path: a
/// function of another signature is reported there, in the derive's words, with the signature
/// expected (`requires.rs` in the runtime). A function that takes what the value borrows as
/// (`&str` for a `String`) is called too, as a direct call would coerce it.
fn custom_call(
    ty: &syn::Type,
    path: &syn::ExprPath,
    value: &TokenStream,
    cx: &TokenStream,
    user: Option<&syn::Type>,
) -> TokenStream {
    let rt = rt();
    match user {
        Some(user) => {
            let call = quote_spanned!(path.span()=> (&#rt::RuleFnWith::<#ty, #user, _>::new(#path)).call_custom_with(#value, __share_u, #cx));
            super::with_user(user, call)
        }
        None => {
            quote_spanned!(path.span()=> (&#rt::RuleFn::<#ty, _>::new(#path)).call_custom(#value, #cx))
        }
    }
}

/// `__share_cx.check(rule, result)`, or `check_worded` with the rule's `message`.
fn check_call(rule: &Rule, result: TokenStream) -> TokenStream {
    let meta = meta(rule);
    match &rule.message {
        Some(message) => quote!(__share_cx.check_worded(#meta, #result, #message);),
        None => quote!(__share_cx.check(#meta, #result);),
    }
}

/// `required` rules, given whether the value is present.
pub(super) fn required_rules(f: &Field, present: TokenStream) -> TokenStream {
    let rt = rt();
    let checks = f
        .rules
        .iter()
        .filter(|r| matches!(r.kind, RuleKind::Required))
        .map(|r| check_call(r, quote!(#rt::rules::required(#present))));
    quote!(#(#checks)*)
}

/// Whether `f` has rules that look at its value (anything but `required` and `nested`).
pub(super) fn has_value_rules(f: &Field) -> bool {
    f.rules.iter().any(|r| {
        !matches!(
            r.kind,
            RuleKind::Required | RuleKind::Nested | RuleKind::Matches(_)
        )
    })
}

/// `validate_into` statements for one field; `access` is a `&FieldTy` expression. A field whose
/// type implements `Validate` is checked with its own rules even without `nested`, as `Shape`
/// checks it while reading; `nested` states it (a compile error when the type has no rules).
pub(super) fn validate_field(f: &Field, access: TokenStream, statics: &mut Statics) -> TokenStream {
    if f.skip {
        return TokenStream::new();
    }
    let rt = rt();
    let name = &f.json_name;
    let span = f.ty.span();
    let cx = local("__share_cx");
    if f.flatten.is_some() {
        // Its keys sit beside the struct's: checked at the struct's own path.
        let ty = f.ty;
        return quote_spanned!(span=>
            (&#rt::Probe::<#ty>::new()).probe_validate(#access, #cx);
        );
    }
    if f.rules.is_empty() {
        let ty = f.ty;
        let segment = segment(name);
        return quote_spanned!(span=>
            (&#rt::Probe::<#ty>::new()).probe_validate_at(#access, #segment, #cx);
        );
    }
    let here = validate_here(f, access, statics);
    let enter = enter_segment(name);
    quote! {{
        #enter
        #here
        __share_cx.leave(__share_mark);
    }}
}

/// The statements of [`validate_field`] at the current path: for the field of a newtype or
/// transparent struct, whose JSON is the struct's own.
fn validate_here(f: &Field, access: TokenStream, statics: &mut Statics) -> TokenStream {
    let rt = rt();
    let span = f.ty.span();
    let cx = local("__share_cx");
    let nested = f.rules.iter().any(|r| matches!(r.kind, RuleKind::Nested));
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
    let ty = f.ty;
    // `nested` states that the type has rules: `<Ty as Validate>` puts the error of a type
    // without them on the field's type.
    let descend = if nested {
        quote_spanned!(span=> <#ty as #rt::Validate>::validate_into(#access, #cx);)
    } else {
        quote_spanned!(span=> (&#rt::Probe::<#ty>::new()).probe_validate(#access, #cx);)
    };
    quote! {
        #required
        #values
        #descend
    }
}

/// The `matches(other)` rules of `fields`, after every field is read: `value` gives each field's
/// value as an expression of type `Option<&T>` (`None`: absent), so that a field that is missing
/// or not built matches nothing and reports nothing.
pub(super) fn matches_checks(
    fields: &[Field],
    value: impl Fn(&Field) -> TokenStream,
) -> TokenStream {
    let rt = rt();
    let mut out = TokenStream::new();
    for f in fields {
        for rule in &f.rules {
            let RuleKind::Matches(other) = &rule.kind else {
                continue;
            };
            // `check.rs` reported a field that is not there.
            let Some(g) = fields.iter().find(|g| g.is(other)) else {
                continue;
            };
            let (name, other_name) = (&f.json_name, &g.json_name);
            let (mine, theirs) = (value(f), value(g));
            let enter = enter_segment(name);
            let check = check_call(
                rule,
                quote!(#rt::rules::matches::matches(__share_a, __share_b, #other_name)),
            );
            out.extend(quote! {
                if let (::core::option::Option::Some(__share_a), ::core::option::Option::Some(__share_b)) = (#mine, #theirs) {
                    #enter
                    #check
                    __share_cx.leave(__share_mark);
                }
            });
        }
    }
    out
}

/// The body of `validate_into`.
pub(super) fn validate_body(c: &Container, statics: &mut Statics) -> TokenStream {
    let rt = rt();
    let body = match &c.data {
        Data::Struct(fields) | Data::Tuple(fields) => {
            let stmts = fields.iter().map(|f| {
                let member = &f.member;
                validate_field(f, quote!((&self.#member)), statics)
            });
            let matches = matches_checks(fields, |f| {
                let member = &f.member;
                quote!(::core::option::Option::Some(&self.#member))
            });
            quote!(#(#stmts)* #matches)
        }
        Data::Transparent { fields, inner } => {
            let f = &fields[*inner];
            let member = &f.member;
            validate_here(f, quote!((&self.#member)), statics)
        }
        Data::Unit => TokenStream::new(),
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
                    Style::Struct(fields) | Style::Tuple(fields) => {
                        let names: Vec<_> = fields.iter().map(|f| &f.member).collect();
                        let bindings: Vec<_> = fields.iter().map(Field::var).collect();
                        let stmts: Vec<_> = fields
                            .iter()
                            .zip(&bindings)
                            .map(|(f, b)| validate_field(f, quote!(#b), statics))
                            .collect();
                        let matches = matches_checks(fields, |f| {
                            let b = f.var();
                            quote!(::core::option::Option::Some(#b))
                        });
                        quote! {
                            Self::#vid { #(#names: #bindings,)* } => {
                                #enter
                                #(#stmts)*
                                #matches
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
    (enter_segment(&key), quote!(__share_cx.leave(__share_mark);))
}

/// The JSON Pointer segment of the member `name`: `/` and the name, escaped (`~` as `~0`, `/` as
/// `~1`), written at compile time so that a step into a field is one copy of a literal.
pub(super) fn segment(name: &str) -> String {
    format!("/{}", name.replace('~', "~0").replace('/', "~1"))
}

/// `let __share_mark = …` stepping into the member `name` (leave with `__share_mark`).
pub(super) fn enter_segment(name: &str) -> TokenStream {
    let segment = segment(name);
    quote!(let __share_mark = __share_cx.enter_segment(#segment);)
}
