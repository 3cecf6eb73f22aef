//! Checking the parsed model before any code is generated: min ≤ max, no duplicate rule, a valid
//! regex, rules on field types they can apply to, no clashing JSON names. After this step
//! `expand/` cannot fail.

use crate::ast::*;
use crate::attr::{classify, Class};
use crate::ctxt::Ctxt;
use std::collections::BTreeMap;

/// Records every problem of `container` in `cx`.
pub fn container(cx: &Ctxt, container: &Container) {
    if let (Some(span), true) = (container.validate_only, container.schema_key) {
        cx.error_at(
            span,
            "`schema_key` allows a `$schema` key when the type is read from JSON; a `validate_only` type is never read: remove one",
        );
    }
    match &container.data {
        Data::Struct(fields) | Data::Tuple(fields) | Data::Transparent { fields, .. } => {
            field_set(cx, fields, None)
        }
        Data::Unit => {}
        Data::Enum { repr, variants } => {
            let tag = match repr {
                Repr::Internal { tag } => Some(tag.as_str()),
                _ => None,
            };
            let mut names: BTreeMap<&str, &syn::Ident> = BTreeMap::new();
            for v in variants.iter().filter(|v| !v.skip) {
                if let Some(first) = names.insert(&v.json_name, v.ident) {
                    cx.error_spanned_by(
                        v.ident,
                        format!(
                            "variants `{first}` and `{}` have the same JSON name \"{}\"",
                            v.ident, v.json_name
                        ),
                    );
                }
                match &v.style {
                    Style::Struct(fields) => field_set(cx, fields, tag),
                    // serde refuses them too: an array has no place for the tag.
                    Style::Tuple(_) if tag.is_some() => cx.error_spanned_by(
                        v.ident,
                        "#[serde(tag = ..)] cannot be used with tuple variants: the tag needs an object",
                    ),
                    Style::Tuple(fields) => field_set(cx, fields, None),
                    Style::Unit | Style::Newtype(_) => {}
                }
            }
        }
    }
}

fn field_set(cx: &Ctxt, fields: &[Field], tag: Option<&str>) {
    let mut names: BTreeMap<&str, String> = BTreeMap::new();
    for f in fields {
        if f.skip {
            if let Some(r) = f.rules.first() {
                cx.error_at(r.span, "this field is skipped by serde: it never holds JSON, so rules on it would never run");
            }
            continue;
        }
        for name in std::iter::once(&f.json_name).chain(&f.aliases) {
            if let Some(first) = names.insert(name, f.name()) {
                cx.error_spanned_by(
                    &f.member,
                    format!(
                        "fields `{first}` and `{}` have the same JSON name \"{name}\"",
                        f.name()
                    ),
                );
            }
            if tag == Some(name.as_str()) {
                cx.error_spanned_by(
                    &f.member,
                    format!(
                        "field `{}` is named \"{name}\" in JSON, which is also the enum's tag",
                        f.name()
                    ),
                );
            }
        }
        field(cx, f);
    }
    for f in fields {
        for rule in &f.rules {
            let RuleKind::Matches(other) = &rule.kind else {
                continue;
            };
            match fields.iter().find(|g| g.is(other)) {
                Some(g) if g.member == f.member => cx.error_spanned_by(
                    other,
                    format!("`{}` cannot match itself: name another field", f.name()),
                ),
                Some(g) if g.skip => cx.error_spanned_by(
                    other,
                    format!("`{other}` is skipped by serde: it never holds JSON to match"),
                ),
                Some(_) => {}
                None => {
                    let names: Vec<String> = fields.iter().map(Field::name).collect();
                    let names: Vec<&str> = names.iter().map(String::as_str).collect();
                    let hint = crate::ctxt::did_you_mean(&other.to_string(), &names)
                        .map(|n| format!("; did you mean `{n}`?"))
                        .unwrap_or_default();
                    cx.error_spanned_by(other, format!("no field `{other}` here to match{hint}"))
                }
            }
        }
    }
}

fn field(cx: &Ctxt, f: &Field) {
    rules(cx, f, f.rule_ty(), &f.rules, false);
}

/// Checks `rules` on a value of type `ty` of the field `f` (the field's own rules, or those of
/// an `inner(...)` on its items).
fn rules(cx: &Ctxt, f: &Field, ty: &syn::Type, rules: &[Rule], items: bool) {
    let class = classify(ty);
    for (i, rule) in rules.iter().enumerate() {
        if let RuleKind::Inner(inner) = &rule.kind {
            match crate::attr::inner_item(ty) {
                Some(item) => self::rules(cx, f, item.rule_ty, inner, true),
                None => {
                    let ty_text = quote::quote!(#ty).to_string().replace(' ', "");
                    cx.error_at(
                        rule.span,
                        format!(
                            "`inner` applies to lists, arrays, `BTreeSet`s and maps (`Vec<T>`, `[T; N]`, `HashMap<K, V>`, `BTreeMap<K, V>`, `IndexMap<K, V>`); `{}` is `{ty_text}`",
                            f.name()
                        ),
                    );
                }
            }
        } else if !(items && matches!(rule.kind, RuleKind::Required | RuleKind::Nested)) {
            // (Inside `inner`, those two are refused where they are read.)
            applicability(cx, f, ty, rule, class, items);
        }
        if let Some(first) = rules[..i].iter().find(|r| same_rule(r, rule)) {
            let _ = first;
            cx.error_at(
                rule.span,
                match &rule.catalog {
                    Some(path) => format!(
                        "duplicate `{}` rule with `rule = {}` on this field; remove one",
                        rule.kind.name(),
                        quote::quote!(#path).to_string().replace(' ', "")
                    ),
                    None => format!(
                        "duplicate `{}` rule with severity \"{}\" on this field; give the second a different severity or remove it",
                        rule.kind.name(),
                        format!("{:?}", rule.severity).to_lowercase()
                    ),
                },
            );
        }
        if let Some(Value::Lit(code)) = &rule.code {
            if code.is_empty() || code.chars().any(char::is_whitespace) {
                cx.error_at(
                    rule.span,
                    format!("code {code:?} must be non-empty and without spaces"),
                );
            }
        }
        match &rule.kind {
            RuleKind::Pattern(lit) => {
                if let Err(e) = regex_syntax::Parser::new().parse(&lit.value()) {
                    cx.error_spanned_by(lit, format!("invalid regex: {}", regex_problem(&e)));
                }
            }
            RuleKind::Url { schemes } => {
                for s in schemes {
                    let ok = !s.is_empty()
                        && s.starts_with(|c: char| c.is_ascii_lowercase())
                        && s.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || "+-.".contains(c)
                        });
                    if !ok {
                        cx.error_at(
                            rule.span,
                            format!("scheme {s:?} is not a lowercase URL scheme such as \"https\""),
                        );
                    }
                }
            }
            RuleKind::Length {
                unit,
                bound: Bound::Min,
                limit,
            } => {
                let max = rules.iter().find_map(|r| match &r.kind {
                    RuleKind::Length {
                        unit: u,
                        bound: Bound::Max,
                        limit,
                    } if u == unit => limit.lit(),
                    _ => None,
                });
                if let (Some(min), Some(max)) = (limit.lit(), max) {
                    if min > max {
                        cx.error_at(rule.span, format!("`{}` = {min} is greater than the maximum {max}: no value could pass", rule.kind.name()));
                    }
                }
            }
            _ => {}
        }
    }
}

/// The problem and where it is, on one line: regex-syntax's own message spans three lines with
/// a caret under the pattern, which a compiler error cannot show.
fn regex_problem(e: &regex_syntax::Error) -> String {
    let (kind, pattern, span) = match e {
        regex_syntax::Error::Parse(e) => (e.kind().to_string(), e.pattern(), e.span()),
        regex_syntax::Error::Translate(e) => (e.kind().to_string(), e.pattern(), e.span()),
        other => return other.to_string().replace('\n', " "),
    };
    match pattern.get(span.start.offset..span.end.offset) {
        Some(at) if !at.is_empty() => format!("{kind} at byte {} (`{at}`)", span.start.offset),
        _ => format!("{kind} at byte {}", span.start.offset),
    }
}

fn same_rule(a: &Rule, b: &Rule) -> bool {
    let same_kind = match (&a.kind, &b.kind) {
        (
            RuleKind::Length {
                unit: u1,
                bound: b1,
                ..
            },
            RuleKind::Length {
                unit: u2,
                bound: b2,
                ..
            },
        ) => u1 == u2 && b1 == b2,
        (RuleKind::Affix(k1, s1), RuleKind::Affix(k2, s2)) => k1 == k2 && s1 == s2,
        (RuleKind::Custom(p1), RuleKind::Custom(p2)) => {
            quote::quote!(#p1).to_string() == quote::quote!(#p2).to_string()
        }
        (x, y) => x.name() == y.name(),
    };
    let same_catalog_rule = match (&a.catalog, &b.catalog) {
        (None, None) => a.severity == b.severity,
        (Some(p1), Some(p2)) => quote::quote!(#p1).to_string() == quote::quote!(#p2).to_string(),
        _ => false,
    };
    same_kind && same_catalog_rule
}

/// Whether `rule` fits the type `ty` of `f` (or of its items, with `items`).
fn applicability(cx: &Ctxt, f: &Field, ty: &syn::Type, rule: &Rule, class: Class, items: bool) {
    let name = rule.kind.name();
    let subject = match items {
        true => format!("the items of `{}` are", f.name()),
        false => format!("`{}` is", f.name()),
    };
    let ty_text = quote::quote!(#ty).to_string().replace(' ', "");
    let wrong = match rule.kind.target() {
        Target::String => !matches!(class, Class::String | Class::Other),
        Target::StringOrList => !matches!(class, Class::String | Class::List | Class::Other),
        Target::List => !matches!(class, Class::List | Class::Other),
        Target::Integer => !matches!(class, Class::Integer | Class::Other),
        Target::Number => !matches!(class, Class::Integer | Class::Float | Class::Other),
        Target::Nested => !matches!(class, Class::List | Class::Other),
        Target::Option => {
            if f.option_inner.is_none() {
                cx.error_at(
                    rule.span,
                    format!("`required` applies to `Option` fields; `{}` is `{ty_text}`, so its key is already required", f.name()),
                );
            }
            false
        }
        Target::Any => false,
    };
    if wrong {
        let what = match rule.kind.target() {
            Target::String => "string fields",
            Target::StringOrList => "string and list fields",
            Target::List => "list fields (`Vec<T>`)",
            Target::Integer => "integer fields",
            Target::Number => "integer and float fields",
            Target::Nested => {
                "fields whose type derives `Validate` (also inside `Option`, `Vec`, `Box`)"
            }
            Target::Option | Target::Any => unreachable!("handled above"),
        };
        // `one_of` takes the values of the field's own JSON type: say how to write them.
        let instead = match (&rule.kind, class) {
            (RuleKind::OneOfInt(_), Class::String) => {
                ": for a string field write strings, `one_of = [\"a\", \"b\"]`"
            }
            (RuleKind::OneOfStr(_), Class::Integer) => {
                ": for an integer field write integers, `one_of = [1, 2]`"
            }
            _ => "",
        };
        cx.error_at(
            rule.span,
            format!("`{name}` applies to {what}; {subject} `{ty_text}`{instead}"),
        );
    }
}
