//! Parsing: the container, its fields and variants (here), `#[serde(...)]` (JSON names, the enum
//! representation and every other serde key, `serde.rs`) and `#[share(...)]` (the rules,
//! `share.rs`; `length(..)` as the rules it stands for, `length.rs`) into the model of `ast.rs`.
//! `types.rs` tells what a field's type is from its spelling. Every problem is recorded
//! in the `Ctxt` and parsing goes on, so all attribute errors are reported at once.

mod length;
mod serde;
mod share;
mod types;

use self::serde::{serde_item, Item, SerdeContainer};
use share::share_field;

pub(crate) use types::{classify, inner_item, map_types, option_inner, ungroup, Class};

use crate::ast::*;
use crate::ctxt::{did_you_mean, Ctxt};
use syn::{Expr, Lit, Token};

/// The `#[share(...)]` keys allowed on a field: rule names, then field options.
pub const FIELD_KEYS: &[&str] = &[
    "non_empty",
    "max_bytes",
    "min_bytes",
    "max_chars",
    "min_chars",
    "max_utf16",
    "min_utf16",
    "url",
    "https",
    "base64_image",
    "max_decoded_bytes",
    "aspect_ratio",
    "pattern",
    "one_of",
    "not_contains",
    "unique",
    "required",
    "nested",
    "custom",
    "range",
    "ascii",
    "alphanumeric",
    "non_control_character",
    "email",
    "ip",
    "ipv4",
    "ipv6",
    "contains",
    "prefix",
    "suffix",
    "min_items",
    "max_items",
    "length",
    "inner",
    "matches",
    "severity",
    "code",
    "suggest_for",
];

/// The `#[share(...)]` keys allowed on a struct or enum.
pub const CONTAINER_KEYS: &[&str] = &[
    "check",
    "schema_key",
    "context",
    "validate_only",
    "no_schemars",
    "bound",
    "typescript",
];

/// Builds the model of `input`, recording attribute errors in `cx`.
pub fn container<'a>(cx: &Ctxt, input: &'a syn::DeriveInput) -> Option<Container<'a>> {
    let serde = SerdeContainer::parse(cx, &input.attrs);
    let mut checks = Vec::new();
    let mut schema_key = false;
    let mut context: Option<syn::Type> = None;
    let mut validate_only: Option<proc_macro2::Span> = None;
    let mut no_schemars = false;
    let mut typescript = false;
    let mut bounds = crate::ast::Bounds::default();
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("share")) {
        let parsed = attr.parse_nested_meta(|meta| {
            let key = ident_of(&meta.path);
            match key.as_str() {
                "check" => checks.push(meta.value()?.parse::<syn::ExprPath>()?),
                "schema_key" => schema_key = true,
                "validate_only" => validate_only = Some(syn::spanned::Spanned::span(&meta.path)),
                "no_schemars" => no_schemars = true,
                "typescript" => typescript = true,
                "bound" => {
                    bound(&meta, &mut bounds)?;
                    return Ok(());
                }
                "context" => {
                    let inner;
                    syn::parenthesized!(inner in meta.input);
                    let ty: syn::Type = inner.parse()?;
                    if context.replace(ty).is_some() {
                        cx.error_spanned_by(
                            &meta.path,
                            "one `context(T)` per type: its functions all receive the same `&T`",
                        );
                    }
                    return Ok(());
                }
                // A field's rule above the type: say where it goes, not which keys exist here.
                other if FIELD_KEYS.contains(&other) => cx.error_spanned_by(
                    &meta.path,
                    format!(
                        "`{other}` goes on a field: write `#[share({other} ...)]` above the \
                         field it checks (on the type, `check = path` runs a function on the \
                         whole value)"
                    ),
                ),
                other => {
                    cx.error_spanned_by(&meta.path, unknown(other, "container", CONTAINER_KEYS))
                }
            }
            skip_value(&meta)
        });
        if let Err(e) = parsed {
            cx.syn_error(e);
        }
    }
    let data = match &input.data {
        syn::Data::Struct(data) => {
            if let Some(span) = serde.untagged {
                cx.error_at(span, "#[serde(untagged)] goes on an enum");
            }
            let mut fields = match &data.fields {
                syn::Fields::Named(named) => fields(cx, named.named.iter(), serde.rename_all),
                syn::Fields::Unnamed(unnamed) => tuple_fields(cx, unnamed),
                syn::Fields::Unit => Vec::new(),
            };
            // Serde fills every absent field from the struct's `Default`: Shape and the
            // schema let each be absent too.
            if serde.default.is_some() {
                for f in &mut fields {
                    f.has_default = true;
                }
            }
            match (&data.fields, serde.transparent) {
                (_, Some(span)) => transparent(cx, fields, span)?,
                (syn::Fields::Named(_), None) => Data::Struct(fields),
                // serde reads a newtype struct as its field's value.
                (syn::Fields::Unnamed(_), None) if fields.len() == 1 && !fields[0].skip => {
                    Data::Transparent { fields, inner: 0 }
                }
                (syn::Fields::Unnamed(_), None) => Data::Tuple(fields),
                (syn::Fields::Unit, None) => Data::Unit,
            }
        }
        syn::Data::Enum(data) => {
            if let Some(span) = serde.transparent {
                cx.error_at(
                    span,
                    "#[serde(transparent)] goes on a struct with one field",
                );
            }
            let repr = serde.repr(cx);
            let variants = data
                .variants
                .iter()
                .map(|v| variant(cx, v, serde.rename_all, serde.rename_all_fields))
                .collect();
            Data::Enum { repr, variants }
        }
        syn::Data::Union(u) => {
            cx.error_spanned_by(u.union_token, "#[derive(Validate)] does not support unions");
            return None;
        }
    };
    Some(Container {
        ident: &input.ident,
        generics: &input.generics,
        data,
        deny_unknown: serde.deny_unknown,
        // serde allows it on structs only (and refuses it on an enum itself).
        default: match &input.data {
            syn::Data::Struct(_) => serde.default,
            _ => None,
        },
        schema_key,
        checks,
        context,
        validate_only,
        no_schemars,
        typescript,
        doc: doc_of(&input.attrs),
        bounds,
        transparent: serde.transparent.is_some(),
    })
}

/// `bound = "P: Trait, .."` (every impl) or `bound(validate = "..", shape = "..", schema = "..")`
/// (each impl its own), as serde's `bound`: the predicates replace the inferred ones.
fn bound(meta: &syn::meta::ParseNestedMeta, bounds: &mut crate::ast::Bounds) -> syn::Result<()> {
    fn predicates(lit: &syn::LitStr) -> syn::Result<Vec<syn::WherePredicate>> {
        let parsed = lit.parse_with(
            syn::punctuated::Punctuated::<syn::WherePredicate, syn::Token![,]>::parse_terminated,
        )?;
        Ok(parsed.into_iter().collect())
    }
    if meta.input.peek(syn::Token![=]) {
        let all = predicates(&meta.value()?.parse()?)?;
        bounds.validate = Some(all.clone());
        bounds.shape = Some(all.clone());
        bounds.schema = Some(all);
        return Ok(());
    }
    meta.parse_nested_meta(|inner| {
        let slot = match ident_of(&inner.path).as_str() {
            "validate" => &mut bounds.validate,
            "shape" => &mut bounds.shape,
            "schema" => &mut bounds.schema,
            other => {
                return Err(inner.error(format!(
                    "unknown impl `{other}` in `bound(..)`: write `validate = \"..\"`, \
                     `shape = \"..\"` or `schema = \"..\"`, or `bound = \"..\"` for all three"
                )))
            }
        };
        *slot = Some(predicates(&inner.value()?.parse()?)?);
        Ok(())
    })
}

fn unknown(key: &str, place: &str, known: &[&str]) -> String {
    match did_you_mean(key, known) {
        Some(s) => format!("unknown {place} attribute `{key}`; did you mean `{s}`?"),
        None => format!(
            "unknown {place} attribute `{key}`; expected one of: {}",
            known.join(", ")
        ),
    }
}

fn ident_of(path: &syn::Path) -> String {
    path.get_ident()
        .map(ToString::to_string)
        .unwrap_or_else(|| quote::quote!(#path).to_string())
}

/// Consumes `= value` or `(...)` that a handler did not read, so parsing can go on.
fn skip_value(meta: &syn::meta::ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<proc_macro2::Group>()?;
    }
    Ok(())
}

/// The doc comment's text, lines trimmed and joined, for the schema's `description`.
fn doc_of(attrs: &[syn::Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let Expr::Lit(syn::ExprLit {
                lit: Lit::Str(s), ..
            }) = &nv.value
            {
                lines.push(s.value().trim().to_owned());
            }
        }
    }
    let text = lines.join("\n").trim().to_owned();
    (!text.is_empty()).then_some(text)
}

fn variant<'a>(
    cx: &Ctxt,
    v: &'a syn::Variant,
    rename_all: Option<RenameRule>,
    rename_all_fields: Option<RenameRule>,
) -> Variant<'a> {
    let serde = serde_item(cx, &v.attrs, Item::Variant);
    for attr in v.attrs.iter().filter(|a| a.path().is_ident("share")) {
        cx.error_spanned_by(
            attr,
            "#[share(...)] goes on fields and containers, not on variants",
        );
    }
    let name = v.ident.to_string();
    let json_name = serde.rename.clone().unwrap_or_else(|| match rename_all {
        Some(rule) => rule.apply_to_variant(&name),
        None => name.clone(),
    });
    let style = match &v.fields {
        syn::Fields::Unit => Style::Unit,
        syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => {
            newtype_field(cx, &u.unnamed[0]);
            Style::Newtype(&u.unnamed[0].ty)
        }
        syn::Fields::Unnamed(u) => Style::Tuple(tuple_fields(cx, u)),
        // The variant's own `rename_all` before the enum's `rename_all_fields`, as in serde.
        syn::Fields::Named(named) => Style::Struct(fields(
            cx,
            named.named.iter(),
            serde.rename_all.or(rename_all_fields),
        )),
    };
    let optional_content = matches!(style, Style::Newtype(ty) if option_inner(ty).is_some());
    Variant {
        ident: &v.ident,
        json_name,
        aliases: serde.aliases,
        style,
        skip: serde.skip,
        untagged: serde.untagged,
        optional_content,
        doc: doc_of(&v.attrs),
    }
}

/// The one field of a newtype variant is read as its type's own JSON: attributes on it would
/// not be (never ignored: refused, with what to write instead).
fn newtype_field(cx: &Ctxt, f: &syn::Field) {
    for attr in f.attrs.iter().filter(|a| a.path().is_ident("share")) {
        cx.error_spanned_by(
            attr,
            "rules on the field of a newtype variant are not read: put them on a newtype struct \
             (`Say(Title)` with `struct Title(#[share(max_chars = 3)] String)`), or give the \
             variant a second field or named fields",
        );
    }
    let serde = serde_item(cx, &f.attrs, Item::Field);
    if serde.deserialize_with.is_some() || serde.refuse_null.is_some() {
        cx.error_spanned_by(
            &f.ty,
            "a function on the only field of a newtype variant is not followed here: give the \
             variant a newtype struct whose field says it (`V(Count)` with \
             `struct Count(#[serde(deserialize_with = \"..\")] u32)`)",
        );
    }
    if serde.skip {
        cx.error_spanned_by(
            &f.ty,
            "the only field of a newtype variant cannot be skipped here: serde then reads the \
             variant as a unit variant; write it as one (`V`)",
        );
    }
}

fn fields<'a>(
    cx: &Ctxt,
    named: impl Iterator<Item = &'a syn::Field>,
    rename_all: Option<RenameRule>,
) -> Vec<Field<'a>> {
    named
        .map(|f| {
            let ident = f.ident.as_ref().expect("named fields have names");
            field(cx, f, syn::Member::Named(ident.clone()), rename_all)
        })
        .collect()
}

/// The fields of a tuple struct or variant. In JSON each is an item of an array, at its place
/// among the fields serde reads (a skipped field takes none), which is its name in paths.
fn tuple_fields<'a>(cx: &Ctxt, unnamed: &'a syn::FieldsUnnamed) -> Vec<Field<'a>> {
    let mut place = 0;
    let fields: Vec<Field<'a>> = unnamed
        .unnamed
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let index = syn::Index {
                index: i as u32,
                span: syn::spanned::Spanned::span(&f.ty),
            };
            let mut out = field(cx, f, syn::Member::Unnamed(index), None);
            // In an array, an item may be missing only with a `default` of its own (or the
            // struct's, applied after): serde reads an `Option` item like any other.
            out.has_default = out.default.is_some();
            if !out.skip {
                out.json_name = place.to_string();
                place += 1;
            }
            out
        })
        .collect();
    // serde: "#[serde(flatten)] cannot be used on tuple structs" (or newtype structs).
    refuse_flatten(cx, &fields, "in a tuple");
    fields
}

/// `#[serde(transparent)]`: exactly one field that serde reads, as serde requires — not skipped,
/// without a `default` and not a `PhantomData` (those take their defaults).
fn transparent<'a>(cx: &Ctxt, fields: Vec<Field<'a>>, span: proc_macro2::Span) -> Option<Data<'a>> {
    refuse_flatten(cx, &fields, "in a transparent struct");
    let phantom = |ty: &syn::Type| match ungroup(ty) {
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "PhantomData"),
        _ => false,
    };
    let read: Vec<usize> = (0..fields.len())
        .filter(|&i| !fields[i].skip && fields[i].default.is_none() && !phantom(fields[i].ty))
        .collect();
    match read.as_slice() {
        [inner] => Some(Data::Transparent {
            inner: *inner,
            fields,
        }),
        _ => {
            cx.error_at(
                span,
                "#[serde(transparent)] needs exactly one field that is not skipped, has no `default` and is not a `PhantomData`",
            );
            None
        }
    }
}

fn field<'a>(
    cx: &Ctxt,
    f: &'a syn::Field,
    member: syn::Member,
    rename_all: Option<RenameRule>,
) -> Field<'a> {
    let serde = serde_item(cx, &f.attrs, Item::Field);
    let renamed = serde.rename.is_some();
    let name = match &member {
        syn::Member::Named(ident) => ident.unraw().to_string(),
        syn::Member::Unnamed(index) => index.index.to_string(),
    };
    let ident = &name;
    let json_name = serde.rename.clone().unwrap_or_else(|| match rename_all {
        Some(rule) => rule.apply_to_field(&name),
        None => name.clone(),
    });
    let option_inner = option_inner(&f.ty);
    if let (Some(span), None) = (serde.refuse_null, option_inner) {
        let ty = &f.ty;
        cx.error_at(
            span,
            format!(
                "`share_schema::refuse_null` goes on an `Option` field, where serde would read \
                 `null` as `None`; `{ident}` is `{}`, which refuses `null` already: remove \
                 `with = \"share_schema::refuse_null\"`",
                quote::quote!(#ty).to_string().replace(' ', "")
            ),
        );
    }
    let mut out = Field {
        member,
        ty: &f.ty,
        option_inner,
        json_name,
        aliases: serde.aliases,
        // serde lets an `Option` be absent unless a function of its own reads it.
        has_default: serde.default.is_some()
            || (option_inner.is_some()
                && serde.refuse_null.is_none()
                && serde.deserialize_with.is_none()),
        default: serde.default,
        skip: serde.skip,
        refuse_null: serde.refuse_null.is_some() && option_inner.is_some(),
        deserialize_with: serde.deserialize_with,
        flatten: serde.flatten,
        rules: Vec::new(),
        suggest_for: Vec::new(),
        doc: doc_of(&f.attrs),
    };
    share_field(cx, f, &mut out);
    flatten_field(cx, &out, renamed);
    out
}

/// A flattened field has no key of its own: what names, defaults or checks a key is refused on
/// it, never ignored.
fn flatten_field(cx: &Ctxt, out: &Field, renamed: bool) {
    let Some(span) = out.flatten else { return };
    if out.skip {
        return;
    }
    let refuse = |what: &str| {
        cx.error_at(
            span,
            format!(
                "a `#[serde(flatten)]` field has no key of its own, so {what} would not be read: \
                 put it on the fields of the flattened type"
            ),
        )
    };
    if !out.rules.is_empty() || !out.suggest_for.is_empty() {
        refuse("`#[share(...)]` rules on it");
    }
    if renamed || !out.aliases.is_empty() {
        refuse("`rename` or `alias`");
    }
    if out.default.is_some() {
        refuse("`default`");
    }
    if out.deserialize_with.is_some() || out.refuse_null {
        refuse("`with` or `deserialize_with`");
    }
}

/// Refuses `#[serde(flatten)]` where serde refuses it or the derive does not follow it: in a
/// tuple struct or variant, in a transparent struct.
fn refuse_flatten(cx: &Ctxt, fields: &[Field], place: &str) {
    for f in fields {
        if let (Some(span), false) = (f.flatten, f.skip) {
            cx.error_at(
                span,
                format!("#[serde(flatten)] is not supported by #[derive(Validate)] {place}: flatten into a struct with named fields"),
            );
        }
    }
}

use syn::ext::IdentExt;
