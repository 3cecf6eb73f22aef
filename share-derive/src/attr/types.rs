//! What a field's type is, as far as its spelling tells: `Option<T>`'s `T`, the items `inner`
//! checks, the class a rule must fit (`check.rs` asks it; `length(..)` picks its unit by it).

/// `ty` without the parentheses or the invisible group around it: a `macro_rules!` argument
/// `$t:ty` reaches the derive as a `Type::Group`.
pub(crate) fn ungroup(ty: &syn::Type) -> &syn::Type {
    match ty {
        syn::Type::Group(g) => ungroup(&g.elem),
        syn::Type::Paren(p) => ungroup(&p.elem),
        other => other,
    }
}

/// `Some(T)` when `ty` is written `Option<T>` (also `std::option::Option<T>`, `(Option<T>)`, and
/// a `macro_rules!` argument `$t:ty` that is one).
pub(crate) fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ungroup(ty) else {
        return None;
    };
    if p.qself.is_some() {
        return None;
    }
    let last = p.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(t) if args.args.len() == 1 => Some(t),
        _ => None,
    }
}

/// `Some((K, V))` when `ty` is written as a map: `BTreeMap<K, V>`, `HashMap<K, V, ..>` or
/// `IndexMap<K, V, ..>` (a flattened map reads the keys its struct leaves).
pub(crate) fn map_types(ty: &syn::Type) -> Option<(&syn::Type, &syn::Type)> {
    let syn::Type::Path(p) = ungroup(ty) else {
        return None;
    };
    let last = p.path.segments.last()?;
    if p.qself.is_some() || !["BTreeMap", "HashMap", "IndexMap"].contains(&&*last.ident.to_string())
    {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let mut types = args.args.iter().filter_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    });
    Some((types.next()?, types.next()?))
}

/// The items `inner(...)` checks, as the field's type spells them.
pub struct InnerItem<'t> {
    /// The type the inner rules see: the item's, or `T` for items of type `Option<T>` (checked
    /// when present).
    pub rule_ty: &'t syn::Type,
    /// The items are `Option`s.
    pub option: bool,
    /// The collection is a map (its values are the items).
    pub map: bool,
}

/// The items of `ty` for `inner(...)`: `Vec<T>`, `VecDeque<T>`, `BTreeSet<T>`, `Box<[T]>`,
/// `[T; N]`, `[T]` and references to them, or the values of `HashMap<K, V>`, `BTreeMap<K, V>` and
/// `IndexMap<K, V>`;
/// `None` for another type.
pub fn inner_item(ty: &syn::Type) -> Option<InnerItem<'_>> {
    let (item, map) = match ungroup(ty) {
        syn::Type::Reference(r) => return inner_item(&r.elem),
        syn::Type::Array(a) => (&*a.elem, false),
        syn::Type::Slice(s) => (&*s.elem, false),
        syn::Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last()?;
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return None;
            };
            let types: Vec<&syn::Type> = args
                .args
                .iter()
                .filter_map(|a| match a {
                    syn::GenericArgument::Type(t) => Some(t),
                    _ => None,
                })
                .collect();
            match (last.ident.to_string().as_str(), types.as_slice()) {
                ("Vec" | "VecDeque" | "BTreeSet", [t, ..]) => (*t, false),
                ("Box", [inner]) => match ungroup(inner) {
                    syn::Type::Slice(s) => (&*s.elem, false),
                    _ => return None,
                },
                ("HashMap" | "BTreeMap" | "IndexMap", [_, v, ..]) => (*v, true),
                _ => return None,
            }
        }
        _ => return None,
    };
    let option = option_inner(item);
    Some(InnerItem {
        rule_ty: option.unwrap_or(item),
        option: option.is_some(),
        map,
    })
}

/// What a field type is, as far as its spelling tells (an alias hides it; then the trait bounds
/// in the generated code report the mismatch at the field).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    String,
    List,
    Bool,
    Integer,
    Float,
    Char,
    Other,
}

pub(crate) fn classify(ty: &syn::Type) -> Class {
    match ungroup(ty) {
        syn::Type::Reference(r) => classify(&r.elem),
        syn::Type::Slice(_) | syn::Type::Array(_) => Class::List,
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return Class::Other;
            };
            match last.ident.to_string().as_str() {
                "String" | "str" | "Cow" => Class::String,
                "Box" => match &last.arguments {
                    syn::PathArguments::AngleBracketed(a) => match a.args.first() {
                        Some(syn::GenericArgument::Type(t)) => classify(t),
                        _ => Class::Other,
                    },
                    _ => Class::Other,
                },
                "Vec" | "VecDeque" | "HashSet" | "BTreeSet" => Class::List,
                "bool" => Class::Bool,
                "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64"
                | "i128" | "isize" => Class::Integer,
                "f32" | "f64" => Class::Float,
                "char" => Class::Char,
                _ => Class::Other,
            }
        }
        _ => Class::Other,
    }
}
