//! Bounds for generic types, inferred much as serde infers them: every type parameter that
//! appears in a field serde reads (not skipped, not only inside `PhantomData`) must implement the
//! trait being derived — `T: Validate` on `impl Validate`, `T: Shape<'v>` on `impl Shape<'v>`,
//! `T: JsonSchema` on `impl JsonSchema` — so a field of type `T` (or `Vec<T>`) is checked through
//! `T`'s own impl. The same list names the schema definition of each instantiation
//! (`Page_for_Item`), as schemars does.

use crate::ast::*;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;
use syn::visit::Visit;

/// The container's type parameters that its fields use, in declaration order.
pub(super) fn used_type_params<'a>(c: &'a Container) -> Vec<&'a syn::Ident> {
    let declared: BTreeSet<&syn::Ident> = c.generics.type_params().map(|p| &p.ident).collect();
    if declared.is_empty() {
        return Vec::new();
    }
    let mut finder = Finder {
        declared: &declared,
        used: BTreeSet::new(),
    };
    // As serde: a field read by a function of its own adds no bound (the function takes care).
    let fields_of = |fields: &'a [Field]| {
        fields
            .iter()
            .filter(|f| !f.skip && f.deserialize_with.is_none())
            .map(|f| f.ty)
    };
    let types: Vec<&syn::Type> = match &c.data {
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
    };
    for ty in types {
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
                if ty.path.leading_colon.is_none() && self.declared.contains(&first.ident) {
                    self.used.insert(first.ident.clone());
                }
            }
        }
        syn::visit::visit_type_path(self, ty);
    }
    // Macros in type position cannot be seen into; items and closures hold no field types.
    fn visit_type_macro(&mut self, _: &'ast syn::TypeMacro) {}
}

/// `generics` with `P: bound` added for every parameter in `params`, the bound spanned at the
/// parameter: a type argument without the trait is reported at `struct Page<T>`'s `T`.
pub(super) fn with_bound(
    generics: &syn::Generics,
    params: &[&syn::Ident],
    bound: TokenStream,
) -> syn::Generics {
    let mut out = generics.clone();
    let clause = out.make_where_clause();
    for p in params {
        let bound = super::respan(bound.clone(), p.span());
        clause.predicates.push(syn::parse_quote!(#p: #bound));
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
pub(super) fn schema_name(c: &Container, params: &[&syn::Ident]) -> TokenStream {
    let rt = super::rt();
    let name = c.ident.to_string();
    if params.is_empty() {
        return quote!(::std::borrow::Cow::Borrowed(#name));
    }
    // With the user's own schema bounds, a type argument need not implement `JsonSchema`: its
    // Rust name then.
    let def_name = if c.bounds.schema.is_some() {
        quote!(#rt::rust_def_name)
    } else {
        quote!(#rt::def_name)
    };
    quote! {
        ::std::borrow::Cow::Owned(::std::format!(
            "{}_for_{}",
            #name,
            [#(#def_name::<#params>()),*].join("_and_")
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
