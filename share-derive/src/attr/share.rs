//! Parsing `#[share(...)]` on a field: each rule with its value and options (`rule`, `severity`,
//! `code`, ...), checked for shape here and for meaning in `check.rs`.

use super::{skip_value, unknown, FIELD_KEYS};
use crate::ast::*;
use crate::ctxt::{did_you_mean, Ctxt};
use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, Lit, Token};

/// One argument inside `rule(...)`: a positional literal or list (`one_of(["a", "b"], ..)`), or
/// `key = value` / `key`.
enum Arg {
    Lit(Lit),
    List(syn::ExprArray),
    Meta(syn::Meta),
}

impl Parse for Arg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Lit) {
            input.parse().map(Arg::Lit)
        } else if input.peek(syn::token::Bracket) {
            input.parse().map(Arg::List)
        } else {
            input.parse().map(Arg::Meta)
        }
    }
}

/// A rule as written: its name, its main value (`= v` or the positional in `(v, ..)`), options,
/// and for `inner(...)` the rules inside.
pub(super) struct RawRule {
    pub(super) name: syn::Ident,
    pub(super) value: Option<Expr>,
    pub(super) options: Vec<(syn::Ident, Option<Expr>)>,
    pub(super) inner: Vec<RawRule>,
}

/// What a field's attributes say besides its rules.
#[derive(Default)]
struct FieldWide {
    severity: Option<(Severity, Span)>,
    code: Option<Value<String>>,
    suggest_for: Option<Vec<String>>,
}

/// Reads the `#[share(...)]` attributes of `f` into `out`: its rules, with field-wide
/// `severity`/`code` applied, and `suggest_for`.
pub(super) fn share_field(cx: &Ctxt, f: &syn::Field, out: &mut Field) {
    let mut raw = Vec::new();
    let mut wide = FieldWide::default();
    let ty = super::option_inner(&f.ty).unwrap_or(&f.ty);
    for attr in f.attrs.iter().filter(|a| a.path().is_ident("share")) {
        let parsed = attr
            .parse_nested_meta(|meta| rule_meta(cx, &meta, &mut raw, Some(&mut wide), Some(ty)));
        if let Err(e) = parsed {
            cx.syn_error(e);
        }
    }
    if let Some(list) = wide.suggest_for {
        out.suggest_for = list;
    }
    for r in raw {
        if let Some(rule) = rule(cx, r, wide.severity, wide.code.as_ref()) {
            out.rules.push(rule);
        }
    }
}

/// Reads one entry of `#[share(...)]` (or of `inner(...)`, where `wide` is `None`): a rule into
/// `raw`, or a field-wide key into `wide`. `ty` is the type the rule checks, when known (what
/// `length(..)` counts by default).
fn rule_meta(
    cx: &Ctxt,
    meta: &syn::meta::ParseNestedMeta,
    raw: &mut Vec<RawRule>,
    wide: Option<&mut FieldWide>,
    ty: Option<&syn::Type>,
) -> syn::Result<()> {
    let Some(name) = meta.path.get_ident().cloned() else {
        cx.error_spanned_by(
            &meta.path,
            "expected a rule name such as `max_bytes` or `url`",
        );
        return skip_value(meta);
    };
    let key = name.to_string();
    if super::CONTAINER_KEYS.contains(&key.as_str()) {
        let instead = if key == "check" {
            "; on a field, `custom = path` runs a function on the field's value"
        } else {
            ""
        };
        cx.error_spanned_by(
            &name,
            format!(
                "`{key}` goes on the struct or enum: write `#[share({key} ...)]` above \
                 the type{instead}"
            ),
        );
        return skip_value(meta);
    }
    if !FIELD_KEYS.contains(&key.as_str()) {
        cx.error_spanned_by(&name, unknown(&key, "field", FIELD_KEYS));
        return skip_value(meta);
    }
    let mut rule = RawRule {
        name,
        value: None,
        options: Vec::new(),
        inner: Vec::new(),
    };
    if key == "inner" {
        if !meta.input.peek(syn::token::Paren) {
            cx.error_spanned_by(
                &rule.name,
                "`inner` takes the rules for each item: `inner(url, max_chars = 100)`",
            );
            return skip_value(meta);
        }
        let item = ty
            .and_then(super::inner_item)
            .map(|i| super::option_inner(i.rule_ty).unwrap_or(i.rule_ty));
        meta.parse_nested_meta(|m| rule_meta(cx, &m, &mut rule.inner, None, item))?;
        raw.push(rule);
        return Ok(());
    }
    if meta.input.peek(Token![=]) {
        rule.value = Some(meta.value()?.parse()?);
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        let args = Punctuated::<Arg, Token![,]>::parse_terminated(&content)?;
        for (i, arg) in args.into_iter().enumerate() {
            match arg {
                Arg::Lit(lit) if i == 0 => {
                    rule.value = Some(Expr::Lit(syn::ExprLit { attrs: vec![], lit }))
                }
                Arg::Lit(lit) => cx.error_spanned_by(
                    lit,
                    "only the first argument may be positional; write `key = value`",
                ),
                Arg::List(list) if i == 0 => rule.value = Some(Expr::Array(list)),
                Arg::List(list) => cx.error_spanned_by(
                    list,
                    "only the first argument may be positional; write `key = value`",
                ),
                // `max_bytes(limits::TITLE_MAX_BYTES, ..)`: a constant as the main value.
                Arg::Meta(syn::Meta::Path(p)) if i == 0 => {
                    rule.value = Some(Expr::Path(syn::ExprPath {
                        attrs: vec![],
                        qself: None,
                        path: p,
                    }))
                }
                Arg::Meta(syn::Meta::Path(p)) => match p.get_ident() {
                    Some(id) => rule.options.push((id.clone(), None)),
                    None => cx.error_spanned_by(p, "expected an option name"),
                },
                Arg::Meta(syn::Meta::NameValue(nv)) => match nv.path.get_ident() {
                    Some(id) => rule.options.push((id.clone(), Some(nv.value))),
                    None => cx.error_spanned_by(nv.path, "expected an option name"),
                },
                Arg::Meta(syn::Meta::List(l)) => cx.error_spanned_by(l, "expected `key = value`"),
            }
        }
    }
    if key == "length" {
        raw.extend(super::length::length_rules(cx, rule, ty));
        return Ok(());
    }
    let field_key = matches!(key.as_str(), "severity" | "code" | "suggest_for");
    match wide {
        Some(wide) if field_key => match key.as_str() {
            "severity" => {
                if let Some(sev) = severity_value(cx, rule.value.as_ref(), &rule.name) {
                    wide.severity = Some((sev, rule.name.span()));
                }
            }
            "code" => wide.code = code_value(cx, rule.value.as_ref(), &rule.name),
            _ => wide.suggest_for = Some(string_list(cx, rule.value.as_ref(), &rule.name)),
        },
        None if field_key => cx.error_spanned_by(
            &rule.name,
            format!(
                "`{key}` is not a rule: inside `inner(...)` write it on each rule, `url(code = \"X1\")`, or on the whole field"
            ),
        ),
        _ => raw.push(rule),
    }
    Ok(())
}

fn rule(
    cx: &Ctxt,
    raw: RawRule,
    field_severity: Option<(Severity, Span)>,
    field_code: Option<&Value<String>>,
) -> Option<Rule> {
    let name = raw.name.to_string();
    let span = raw.name.span();
    let mut severity = field_severity.map_or(Severity::Error, |s| s.0);
    let mut explicit_severity = field_severity.is_some();
    let mut code = field_code.cloned();
    let mut catalog = None;
    // Where a `severity` or `code` was given, for the error if `rule` is given too.
    // Where a `severity` or `code` was given (the field's own, or else this rule's name), for
    // the error if `rule` is given too.
    let mut restated: Option<Span> = field_severity
        .map(|s| s.1)
        .or(field_code.is_some().then_some(span));
    let mut max_bytes = None;
    let mut schemes = Vec::new();
    let mut bounds = RangeBounds::default();
    // A bound written but not understood, already reported.
    let mut bad_bound = false;
    let mut message = None;
    let allowed: &[&str] = match name.as_str() {
        "base64_image" => &["rule", "severity", "code", "message", "max_bytes"],
        "url" => &["rule", "severity", "code", "message", "schemes"],
        "range" => &[
            "rule",
            "severity",
            "code",
            "message",
            "min",
            "max",
            "exclusive_min",
            "exclusive_max",
        ],
        // `custom` reports its function's own words; `nested`, the nested type's.
        "custom" | "nested" => &["rule", "severity", "code"],
        _ => &["rule", "severity", "code", "message"],
    };
    for (opt, value) in &raw.options {
        let o = opt.to_string();
        match o.as_str() {
            "rule" => match value {
                Some(Expr::Path(p)) => catalog = Some((p.clone(), opt.span())),
                _ => cx.error_spanned_by(
                    opt,
                    "`rule` expects a path to a `share_schema::catalog::Rule` constant: `rule = catalog::TITLE_TOO_LONG`",
                ),
            },
            "severity" => {
                restated = Some(opt.span());
                explicit_severity = true;
                severity = severity_value(cx, value.as_ref(), opt).unwrap_or(severity)
            }
            "code" => {
                restated = Some(opt.span());
                code = code_value(cx, value.as_ref(), opt).or(code)
            }
            "message" if allowed.contains(&"message") => {
                message = lit_str(cx, value.as_ref(), opt)
            }
            "max_bytes" if allowed.contains(&"max_bytes") => {
                max_bytes = int_value(cx, value.as_ref(), opt)
            }
            "schemes" if allowed.contains(&"schemes") => {
                schemes = string_list(cx, value.as_ref(), opt)
            }
            "min" | "max" | "exclusive_min" | "exclusive_max" if name == "range" => {
                let bound = match o.as_str() {
                    "min" => &mut bounds.min,
                    "max" => &mut bounds.max,
                    "exclusive_min" => &mut bounds.exclusive_min,
                    _ => &mut bounds.exclusive_max,
                };
                *bound = number_value(cx, value.as_ref(), opt);
                bad_bound |= bound.is_none();
            }
            _ => cx.error_spanned_by(
                opt,
                unknown(&o, &format!("`{name}` option"), allowed).replace(" attribute", ""),
            ),
        }
    }
    if name == "inner" {
        if !raw.options.is_empty() || raw.value.is_some() {
            cx.error_spanned_by(
                &raw.name,
                "`inner` takes rules only: `inner(url, max_chars = 100)`",
            );
        }
        let rules: Vec<Rule> = raw
            .inner
            .into_iter()
            .filter_map(|r| rule(cx, r, field_severity, field_code))
            .collect();
        for r in &rules {
            if matches!(
                r.kind,
                RuleKind::Required | RuleKind::Nested | RuleKind::Matches(_)
            ) {
                let why = match r.kind {
                    RuleKind::Required => "an item is always present",
                    RuleKind::Nested => "an item whose type derives `Validate` is checked anyway",
                    _ => "an item has no other field to match",
                };
                cx.error_at(
                    r.span,
                    format!(
                        "`{}` has no meaning inside `inner(...)`: {why}",
                        r.kind.name()
                    ),
                );
            }
        }
        if rules.is_empty() {
            cx.error_spanned_by(
                &raw.name,
                "`inner` needs a rule for the items: `inner(url)`",
            );
            return None;
        }
        return Some(Rule {
            kind: RuleKind::Inner(rules),
            severity,
            explicit_severity,
            code,
            catalog: None,
            message: None,
            span,
        });
    }
    let value = raw.value.as_ref();
    let no_value = |cx: &Ctxt| {
        if let Some(v) = value {
            cx.error_spanned_by(v, format!("`{name}` takes no value"));
        }
    };
    let kind = match name.as_str() {
        "non_empty" => {
            no_value(cx);
            RuleKind::NonEmpty
        }
        "max_bytes" | "min_bytes" | "max_chars" | "min_chars" | "max_utf16" | "min_utf16" => {
            let limit = int_value(cx, value, &raw.name)?;
            let bound = if name.starts_with("max") {
                Bound::Max
            } else {
                Bound::Min
            };
            let unit = match &name[4..] {
                "bytes" => LengthUnit::Bytes,
                "chars" => LengthUnit::Chars,
                _ => LengthUnit::Utf16,
            };
            RuleKind::Length { unit, bound, limit }
        }
        "url" => {
            no_value(cx);
            RuleKind::Url { schemes }
        }
        "https" => {
            no_value(cx);
            RuleKind::Https
        }
        "base64_image" => {
            no_value(cx);
            RuleKind::Base64Image { max_bytes }
        }
        "max_decoded_bytes" => RuleKind::MaxDecodedBytes(int_value(cx, value, &raw.name)?),
        "aspect_ratio" => {
            let s = lit_str(cx, value, &raw.name)?;
            let parsed = s.value().split_once(':').and_then(|(w, h)| {
                Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?))
            });
            match parsed {
                Some((w, h)) if w > 0 && h > 0 => RuleKind::AspectRatio(w, h),
                _ => {
                    cx.error_spanned_by(
                        &s,
                        "expected a ratio of two positive integers such as \"5:4\"",
                    );
                    return None;
                }
            }
        }
        "pattern" => RuleKind::Pattern(lit_str(cx, value, &raw.name)?),
        "one_of" => one_of(cx, value, &raw.name)?,
        "not_contains" => RuleKind::NotContains(string_value(cx, value, &raw.name)?),
        "unique" => {
            no_value(cx);
            RuleKind::Unique
        }
        "required" => {
            no_value(cx);
            RuleKind::Required
        }
        "nested" => {
            no_value(cx);
            RuleKind::Nested
        }
        "range" => {
            no_value(cx);
            if bad_bound {
                return None;
            }
            range(cx, bounds, &raw.name)?
        }
        "ascii" | "alphanumeric" | "non_control_character" | "email" | "ip" | "ipv4" | "ipv6" => {
            no_value(cx);
            match name.as_str() {
                "ascii" => RuleKind::Ascii,
                "alphanumeric" => RuleKind::Alphanumeric,
                "non_control_character" => RuleKind::NonControlCharacter,
                "email" => RuleKind::Email,
                "ip" => RuleKind::Ip(IpKind::Any),
                "ipv4" => RuleKind::Ip(IpKind::V4),
                _ => RuleKind::Ip(IpKind::V6),
            }
        }
        "contains" | "prefix" | "suffix" => {
            let affix = match name.as_str() {
                "contains" => Affix::Contains,
                "prefix" => Affix::Prefix,
                _ => Affix::Suffix,
            };
            RuleKind::Affix(affix, string_value(cx, value, &raw.name)?)
        }
        "min_items" | "max_items" => RuleKind::Items {
            bound: if name == "min_items" {
                Bound::Min
            } else {
                Bound::Max
            },
            limit: int_value(cx, value, &raw.name)?,
        },
        "matches" => match value.and_then(|v| match v {
            Expr::Path(p) => p.path.get_ident().cloned(),
            _ => None,
        }) {
            Some(other) => RuleKind::Matches(other),
            None => {
                cx.error_spanned_by(
                    &raw.name,
                    "`matches` names another field of the struct: `matches(password)`",
                );
                return None;
            }
        },
        "custom" => match value {
            Some(Expr::Path(p)) => RuleKind::Custom(p.clone()),
            Some(other) => {
                cx.error_spanned_by(
                    other,
                    "expected a function path: `custom = path::to::check`",
                );
                return None;
            }
            None => {
                cx.error_spanned_by(&raw.name, "expected a function: `custom = path::to::check`");
                return None;
            }
        },
        _ => unreachable!("FIELD_KEYS and this match list the same rules"),
    };
    if let (Some(_), Some(at)) = (&catalog, restated) {
        cx.error_at(
            at,
            "`rule = ...` names a catalogue rule, which has its own code and severity: remove `code` and `severity` here (declare another `Rule` for another severity)",
        );
    }
    // `nested` reports the nested type's rules, as its own attributes say; `custom` restates
    // what its function reports with the `rule`, `code` and `severity` written (see expand).
    if name == "nested" {
        for (opt, _) in &raw.options {
            let o = opt.to_string();
            if matches!(o.as_str(), "rule" | "severity" | "code") {
                cx.error_spanned_by(
                    opt,
                    format!(
                        "`{o}` has no effect on `nested`: the nested type's own attributes name \
                         its rules, codes and severities"
                    ),
                );
            }
        }
    }
    let catalog = catalog.map(|(path, _)| path);
    if catalog.is_some() {
        code = None;
    }
    Some(Rule {
        kind,
        severity,
        explicit_severity,
        code,
        catalog,
        message,
        span,
    })
}

/// `range`'s bounds, checked: at least one, not an inclusive and an exclusive bound on the same
/// side, and (for literals) not a lower bound above the upper one.
fn range(cx: &Ctxt, bounds: RangeBounds, at: &syn::Ident) -> Option<RuleKind> {
    let RangeBounds {
        min,
        max,
        exclusive_min,
        exclusive_max,
    } = &bounds;
    if min.is_none() && max.is_none() && exclusive_min.is_none() && exclusive_max.is_none() {
        cx.error_spanned_by(
            at,
            "`range` needs a bound: `range(min = 1, max = 10)`, or `exclusive_min` / `exclusive_max`",
        );
        return None;
    }
    if min.is_some() && exclusive_min.is_some() {
        cx.error_spanned_by(at, "`range` takes `min` or `exclusive_min`, not both");
        return None;
    }
    if max.is_some() && exclusive_max.is_some() {
        cx.error_spanned_by(at, "`range` takes `max` or `exclusive_max`, not both");
        return None;
    }
    let low = min
        .as_ref()
        .or(exclusive_min.as_ref())
        .and_then(NumberValue::lit);
    let high = max
        .as_ref()
        .or(exclusive_max.as_ref())
        .and_then(NumberValue::lit);
    if let (Some(low), Some(high)) = (low, high) {
        let empty = if min.is_some() && max.is_some() {
            low > high
        } else {
            low >= high
        };
        if empty {
            cx.error_spanned_by(
                at,
                format!("`range` allows no value: its lower bound {low} is not below its upper bound {high}"),
            );
            return None;
        }
    }
    Some(RuleKind::Range(Box::new(bounds)))
}

/// A bound of `range`: an integer or float literal (`-5`, `0.5`), or a constant's path.
fn number_value(cx: &Ctxt, value: Option<&Expr>, at: &syn::Ident) -> Option<NumberValue> {
    let (negative, expr) = match value {
        Some(Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        })) => (true, Some(&**expr)),
        other => (false, other),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    match expr {
        Some(Expr::Path(p)) if !negative => Some(NumberValue::Path(p.clone())),
        Some(Expr::Lit(syn::ExprLit {
            lit: Lit::Int(i), ..
        })) => match i.base10_parse::<i128>() {
            Ok(n) => Some(NumberValue::Int(if negative { -n } else { n })),
            Err(e) => {
                cx.syn_error(e);
                None
            }
        },
        Some(Expr::Lit(syn::ExprLit {
            lit: Lit::Float(f), ..
        })) => match f.base10_parse::<f64>() {
            Ok(x) if x.is_finite() => Some(NumberValue::Float(sign * x)),
            Ok(_) => {
                cx.error_spanned_by(f, "a bound of `range` must be finite");
                None
            }
            Err(e) => {
                cx.syn_error(e);
                None
            }
        },
        Some(other) => {
            cx.error_spanned_by(
                other,
                format!("`{at}` expects a number literal (`10`, `-1`, `0.5`) or a constant's path"),
            );
            None
        }
        None => {
            cx.error_spanned_by(at, format!("`{at}` needs a value: `{at} = 10`"));
            None
        }
    }
}

fn severity_value(cx: &Ctxt, value: Option<&Expr>, at: &syn::Ident) -> Option<Severity> {
    let s = lit_str(cx, value, at)?;
    match s.value().as_str() {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        other => {
            let hint = did_you_mean(other, &["error", "warning", "info"])
                .map(|s| format!("; did you mean \"{s}\"?"))
                .unwrap_or_default();
            cx.error_spanned_by(&s, format!("unknown severity \"{other}\"; expected \"error\", \"warning\" or \"info\"{hint}"));
            None
        }
    }
}

fn lit_str(cx: &Ctxt, value: Option<&Expr>, at: &syn::Ident) -> Option<syn::LitStr> {
    match value {
        Some(Expr::Lit(syn::ExprLit {
            lit: Lit::Str(s), ..
        })) => Some(s.clone()),
        Some(other) => {
            cx.error_spanned_by(other, format!("`{at}` expects a string literal"));
            None
        }
        None => {
            cx.error_spanned_by(at, format!("`{at}` needs a value: `{at} = \"...\"`"));
            None
        }
    }
}

fn string_value(cx: &Ctxt, value: Option<&Expr>, at: &syn::Ident) -> Option<String> {
    lit_str(cx, value, at).map(|s| s.value())
}

fn code_value(cx: &Ctxt, value: Option<&Expr>, at: &syn::Ident) -> Option<Value<String>> {
    match value {
        Some(Expr::Path(p)) => Some(Value::Path(p.clone())),
        other => string_value(cx, other, at).map(Value::Lit),
    }
}

fn int_value(cx: &Ctxt, value: Option<&Expr>, at: &syn::Ident) -> Option<Value<u64>> {
    match value {
        Some(Expr::Path(p)) => Some(Value::Path(p.clone())),
        other => int_lit(cx, other, at).map(Value::Lit),
    }
}

fn int_lit(cx: &Ctxt, value: Option<&Expr>, at: &syn::Ident) -> Option<u64> {
    match value {
        Some(Expr::Lit(syn::ExprLit {
            lit: Lit::Int(i), ..
        })) => match i.base10_parse::<u64>() {
            Ok(n) => Some(n),
            Err(e) => {
                cx.syn_error(e);
                None
            }
        },
        Some(other) => {
            cx.error_spanned_by(
                other,
                format!("`{at}` expects a non-negative integer literal or a constant's path"),
            );
            None
        }
        None => {
            cx.error_spanned_by(at, format!("`{at}` needs a value: `{at} = 512`"));
            None
        }
    }
}

fn string_list(cx: &Ctxt, value: Option<&Expr>, at: &syn::Ident) -> Vec<String> {
    match value {
        Some(Expr::Array(arr)) => arr
            .elems
            .iter()
            .filter_map(|e| match e {
                Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                }) => Some(s.value()),
                other => {
                    cx.error_spanned_by(other, "expected a string literal");
                    None
                }
            })
            .collect(),
        Some(other) => {
            cx.error_spanned_by(
                other,
                format!("`{at}` expects a list of strings: `{at} = [\"a\", \"b\"]`"),
            );
            Vec::new()
        }
        None => {
            cx.error_spanned_by(at, format!("`{at}` needs a list: `{at} = [\"a\", \"b\"]`"));
            Vec::new()
        }
    }
}

fn one_of(cx: &Ctxt, value: Option<&Expr>, at: &syn::Ident) -> Option<RuleKind> {
    let Some(Expr::Array(arr)) = value else {
        cx.error_spanned_by(
            value
                .map(|v| quote::quote!(#v))
                .unwrap_or_else(|| quote::quote!(#at)),
            "`one_of` expects a list of string or integer literals: `one_of = [\"a\", \"b\"]`",
        );
        return None;
    };
    let mut strs = Vec::new();
    let mut ints = Vec::new();
    for e in &arr.elems {
        match e {
            Expr::Lit(syn::ExprLit {
                lit: Lit::Str(s), ..
            }) => strs.push(s.value()),
            Expr::Lit(syn::ExprLit {
                lit: Lit::Int(i), ..
            }) => match i.base10_parse::<i128>() {
                Ok(n) => ints.push(n),
                Err(err) => cx.syn_error(err),
            },
            Expr::Unary(syn::ExprUnary {
                op: syn::UnOp::Neg(_),
                expr,
                ..
            }) => match &**expr {
                Expr::Lit(syn::ExprLit {
                    lit: Lit::Int(i), ..
                }) => match i.base10_parse::<i128>() {
                    Ok(n) => ints.push(-n),
                    Err(err) => cx.syn_error(err),
                },
                other => cx.error_spanned_by(other, "expected an integer literal"),
            },
            other => cx.error_spanned_by(other, "expected a string or integer literal"),
        }
    }
    if !strs.is_empty() && !ints.is_empty() {
        cx.error_spanned_by(arr, "`one_of` values must be all strings or all integers");
        return None;
    }
    if strs.is_empty() && ints.is_empty() {
        cx.error_spanned_by(arr, "`one_of` needs at least one value");
        return None;
    }
    Some(if ints.is_empty() {
        RuleKind::OneOfStr(strs)
    } else {
        RuleKind::OneOfInt(ints)
    })
}
