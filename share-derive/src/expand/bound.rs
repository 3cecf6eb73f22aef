//! Bounds for generic types, inferred as serde infers them: every type parameter that a field
//! serde reads names as a type of its own (`T`, `Vec<T>`; not skipped, not only inside
//! `PhantomData`) must implement the trait being derived — `T: Validate` on `impl Validate`,
//! `T: Shape<'v>` on `impl Shape<'v>`, `T: JsonSchema` on `impl JsonSchema` — and a field whose
//! type is an associated type of one (`E::Title`) is bounded itself, `E` left alone. Every
//! parameter mentioned names the schema definition of each instantiation (`Page_for_Item`), as
//! schemars does.

use crate::ast::*;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;
use syn::visit::Visit;

/// The types of the fields serde reads, whose type parameters need bounds. As serde: a field read
/// by a function of its own adds no bound (the function takes care).
fn field_types<'a>(c: &'a Container) -> Vec<&'a syn::Type> {
    let fields_of = |fields: &'a [Field]| {
        fields
            .iter()
            .filter(|f| !f.skip && f.deserialize_with.is_none())
            .map(|f| f.ty)
    };
    match &c.data {
        Data::Struct(fields) | Data::Tuple(fields) | Data::Transparent { fields, .. } => {
            fields_of(fields).collect()
        }
        Data::Unit => Vec::new(),
        Data::Enum { variants, .. } => variants
            .iter()
            .filter(|v| !v.skip)
            .flat_map(|v| -> Vec<&syn::Type> {
                match &v.style {
                    Style::Unit => Vec::new(),
                    Style::Newtype(ty) => vec![*ty],
                    Style::Struct(fields) | Style::Tuple(fields) => fields_of(fields).collect(),
                }
            })
            .collect(),
    }
}

/// The type parameters `c`'s fields mention anywhere (`T`, `Vec<T>`, `T::Item`), in declaration
/// order: what names an instantiation's schema definition (`Page_for_Item`).
pub(super) fn used_type_params<'a>(c: &'a Container) -> Vec<&'a syn::Ident> {
    find(c, false)
}

/// What the derived impls bound, as serde bounds `Deserialize`: each type parameter a field names
/// as a type of its own (`T`, `Vec<T>`), and each field whose type is an associated type of one
/// (`E::Title`, bounded itself: `E` need not implement the trait).
pub(super) struct Bounded<'a> {
    params: Vec<&'a syn::Ident>,
    associated: Vec<&'a syn::TypePath>,
}

pub(super) fn bounded<'a>(c: &'a Container) -> Bounded<'a> {
    let declared: BTreeSet<&syn::Ident> = c.generics.type_params().map(|p| &p.ident).collect();
    let associated = field_types(c)
        .into_iter()
        .filter_map(|ty| match crate::attr::ungroup(ty) {
            syn::Type::Path(p)
                if p.qself.is_none()
                    && p.path.leading_colon.is_none()
                    && p.path.segments.len() > 1
                    && declared.contains(&p.path.segments[0].ident) =>
            {
                Some(p)
            }
            _ => None,
        })
        .collect();
    Bounded {
        params: find(c, true),
        associated,
    }
}

/// The declared type parameters the field types mention; `alone`: only where a path is the
/// parameter itself (`T`), not where it starts one (`T::Item`), as serde counts them.
fn find<'a>(c: &'a Container, alone: bool) -> Vec<&'a syn::Ident> {
    let declared: BTreeSet<&syn::Ident> = c.generics.type_params().map(|p| &p.ident).collect();
    if declared.is_empty() {
        return Vec::new();
    }
    let mut finder = Finder {
        declared: &declared,
        used: BTreeSet::new(),
        alone,
    };
    for ty in field_types(c) {
        finder.visit_type(ty);
    }
    let used = finder.used;
    c.generics
        .type_params()
        .map(|p| &p.ident)
        .filter(|p| used.contains(*p))
        .collect()
}

struct Finder<'d> {
    declared: &'d BTreeSet<&'d syn::Ident>,
    used: BTreeSet<syn::Ident>,
    /// Count a parameter only where a path is it alone (`T`), not `T::Item`.
    alone: bool,
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_type_path(&mut self, ty: &'ast syn::TypePath) {
        let segments = &ty.path.segments;
        // `PhantomData<T>` holds no `T` to read or check, as serde decides.
        if segments.last().is_some_and(|s| s.ident == "PhantomData") {
            return;
        }
        if ty.qself.is_none() {
            if let Some(first) = segments.first() {
                if ty.path.leading_colon.is_none()
                    && self.declared.contains(&first.ident)
                    && (!self.alone || segments.len() == 1)
                {
                    self.used.insert(first.ident.clone());
                }
            }
        }
        syn::visit::visit_type_path(self, ty);
    }
    // Macros in type position cannot be seen into; items and closures hold no field types.
    fn visit_type_macro(&mut self, _: &'ast syn::TypeMacro) {}
}

/// `generics` with `P: bound` for every parameter of `bounded` and `E::Title: bound` for every
/// associated type, the bound spanned at each: a type argument without the trait is reported at
/// `struct Page<T>`'s `T`.
pub(super) fn with_bound(
    generics: &syn::Generics,
    bounded: &Bounded,
    bound: TokenStream,
) -> syn::Generics {
    let mut out = generics.clone();
    let clause = out.make_where_clause();
    for p in &bounded.params {
        let bound = super::respan(bound.clone(), p.span());
        clause.predicates.push(syn::parse_quote!(#p: #bound));
    }
    for ty in &bounded.associated {
        let bound = super::respan(bound.clone(), syn::spanned::Spanned::span(ty));
        clause.predicates.push(syn::parse_quote!(#ty: #bound));
    }
    out
}

/// `generics` with the user's `predicates` (`#[share(bound ..)]`) added instead of inferred ones.
pub(super) fn with_predicates(
    generics: &syn::Generics,
    predicates: &[syn::WherePredicate],
) -> syn::Generics {
    let mut out = generics.clone();
    out.make_where_clause()
        .predicates
        .extend(predicates.iter().cloned());
    out
}

/// `schema_name()`'s value: the type's name, and for a generic type the definition names of its
/// type arguments (`Page_for_Item`, `Pair_for_A_and_B`), so each instantiation has its own.
pub(super) fn schema_name(c: &Container, params: &[&syn::Ident], bounded: &Bounded) -> TokenStream {
    let rt = super::rt();
    let name = c.ident.to_string();
    if params.is_empty() {
        return quote!(::std::borrow::Cow::Borrowed(#name));
    }
    // A type argument that is bounded `JsonSchema` is named by its schema; one that is not (the
    // user's own schema bounds, or one only named through `E::Title`) by its Rust name.
    let names = params.iter().map(|p| {
        if c.bounds.schema.is_none() && bounded.params.contains(p) {
            quote!(#rt::def_name::<#p>())
        } else {
            quote!(#rt::rust_def_name::<#p>())
        }
    });
    quote! {
        ::std::borrow::Cow::Owned(::std::format!(
            "{}_for_{}",
            #name,
            [#(#names),*].join("_and_")
        ))
    }
}

/// `generics` with the lifetime `'__share_v` of the JSON value `Shape` reads first, outliving
/// every lifetime of the type (`'__share_v: 'a`), so a `&'a str` field borrows from the value.
pub(super) fn with_value_lifetime(generics: &syn::Generics) -> syn::Generics {
    let mut out = generics.clone();
    let lifetimes: Vec<syn::Lifetime> = generics.lifetimes().map(|l| l.lifetime.clone()).collect();
    let param: syn::LifetimeParam = if lifetimes.is_empty() {
        syn::parse_quote!('__share_v)
    } else {
        syn::parse_quote!('__share_v: #(#lifetimes)+*)
    };
    out.params.insert(0, syn::GenericParam::Lifetime(param));
    out
}
