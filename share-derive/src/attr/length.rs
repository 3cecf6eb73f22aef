//! `length(unit, min = .., max = .., equal = ..)`, garde's and validator's spelling, read as the
//! `min_<unit>` / `max_<unit>` rules it stands for.

use super::share::RawRule;
use crate::ctxt::Ctxt;
use syn::Expr;

/// `length(unit, min = .., max = .., equal = ..)` (garde's and validator's spelling) as the
/// rules it stands for: `min_<unit>` and `max_<unit>` (`equal` is both), each with the other
/// options. The unit is `bytes`, `chars`, `utf16` or `items`; by default `items` for a list and
/// `chars` otherwise (as validator counts a string).
pub(super) fn length_rules(cx: &Ctxt, rule: RawRule, ty: Option<&syn::Type>) -> Vec<RawRule> {
    let span = rule.name.span();
    let unit = match &rule.value {
        None => match ty.map(super::classify) {
            Some(super::Class::List) => "items".to_owned(),
            _ => "chars".to_owned(),
        },
        Some(Expr::Path(p))
            if p.path.get_ident().is_some_and(|i| {
                ["bytes", "chars", "utf16", "items"].contains(&i.to_string().as_str())
            }) =>
        {
            p.path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default()
        }
        Some(other) => {
            cx.error_spanned_by(
                other,
                "`length` counts `bytes`, `chars`, `utf16` or `items`: `length(chars, max = 10)`",
            );
            return Vec::new();
        }
    };
    let (mut min, mut max, mut equal) = (None, None, None);
    let mut options = Vec::new();
    for (opt, value) in rule.options {
        match opt.to_string().as_str() {
            "min" => min = Some((opt, value)),
            "max" => max = Some((opt, value)),
            "equal" => equal = Some((opt, value)),
            _ => options.push((opt, value)),
        }
    }
    let bounds = match (min, max, equal) {
        (None, None, None) => {
            cx.error_at(
                span,
                "`length` needs `min`, `max` or `equal`: `length(max = 10)`",
            );
            return Vec::new();
        }
        (Some(_), _, Some((opt, _))) | (_, Some(_), Some((opt, _))) => {
            cx.error_spanned_by(
                opt,
                "`equal` is both bounds: write it alone, or `min` and `max`",
            );
            return Vec::new();
        }
        (None, None, Some((_, value))) => vec![("min", value.clone()), ("max", value)],
        (min, max, None) => min
            .map(|(_, v)| ("min", v))
            .into_iter()
            .chain(max.map(|(_, v)| ("max", v)))
            .collect(),
    };
    bounds
        .into_iter()
        .map(|(bound, value)| RawRule {
            name: syn::Ident::new(&format!("{bound}_{unit}"), span),
            value,
            options: options.clone(),
            inner: Vec::new(),
        })
        .collect()
}
