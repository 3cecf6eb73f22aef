//! serde's attributes, each one either modelled (it changes the JSON that serde reads, so
//! `Validate`, `Shape` and the schema follow it), accepted (it changes nothing serde reads:
//! serialization-only keys, bounds) or refused with the reason. Nothing falls through: a key
//! not listed here is refused too, so a serde attribute the derive has not been taught about can
//! never be silently ignored. The README's "Your own types" section lists the same three sets,
//! and `tests/ui/compile-fail/serde_*.rs` show every refused key (on a field, a variant or the
//! type) with its message.

use super::{ident_of, skip_value, unknown};
use crate::ast::{DefaultValue, RenameRule, Repr};
use crate::ctxt::Ctxt;
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::Token;

/// Container keys that do not change what serde reads from JSON.
const CONTAINER_ACCEPTED: &[&str] = &["rename", "bound", "crate", "expecting", "into"];
/// Field keys that do not change what serde reads from JSON.
const FIELD_ACCEPTED: &[&str] = &[
    "skip_serializing",
    "skip_serializing_if",
    "serialize_with",
    "borrow",
    "bound",
];
/// Variant keys that do not change what serde reads from JSON.
const VARIANT_ACCEPTED: &[&str] = &["skip_serializing", "serialize_with", "borrow", "bound"];

/// Why a serde key is refused, and what to write instead, in the user's words.
fn refusal(key: &str) -> Option<&'static str> {
    Some(match key {
        "from" | "try_from" => "serde reads another type and converts it, so the rules of this one would check the wrong JSON: derive `Validate` on the type serde reads",
        "remote" => "the type describes another crate's type: derive `Validate` on a type of your own",
        "variant_identifier" | "field_identifier" => "the enum names another type's keys, not a JSON value of its own: remove `#[derive(Validate)]` from it",
        "flatten" => "`flatten` goes on a field of a struct or a struct variant",
        "deserialize_with" | "with" => "a function of your own reads the variant's content, which the derive does not follow there: give the variant a newtype struct whose field says it (`V(Count)` with `struct Count(#[serde(deserialize_with = \"..\")] u32)`)",
        "getter" => "`getter` belongs to remote derives: derive `Validate` on a type of your own",
        "other" => "an unknown tag would be read as this variant, which the derive does not model yet: remove `#[serde(other)]` (the derive then reports unknown tags)",
        _ => return None,
    })
}

fn refuse(cx: &Ctxt, at: &syn::Path, key: &str) {
    let why = refusal(key).unwrap_or("the derive does not know this serde attribute");
    cx.error_spanned_by(
        at,
        format!("#[serde({key})] is not supported by #[derive(Validate)]: {why}"),
    );
}

/// The serde attributes of a struct or enum.
pub(super) struct SerdeContainer {
    pub rename_all: Option<RenameRule>,
    /// `rename_all_fields`: the case of the fields of every struct variant.
    pub rename_all_fields: Option<RenameRule>,
    pub tag: Option<(String, Span)>,
    pub content: Option<(String, Span)>,
    pub untagged: Option<Span>,
    pub deny_unknown: bool,
    /// `#[serde(default)]` (or `default = "path"`) on a struct: every field may be absent.
    pub default: Option<DefaultValue>,
    /// `#[serde(transparent)]`: the JSON is the one field's that serde reads.
    pub transparent: Option<Span>,
}

impl SerdeContainer {
    pub(super) fn parse(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = SerdeContainer {
            rename_all: None,
            rename_all_fields: None,
            tag: None,
            content: None,
            untagged: None,
            deny_unknown: false,
            default: None,
            transparent: None,
        };
        for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
            let parsed = attr.parse_nested_meta(|meta| {
                let key = ident_of(&meta.path);
                match key.as_str() {
                    "rename_all" => {
                        out.rename_all = rename_rule(cx, &meta)?;
                        return Ok(());
                    }
                    "rename_all_fields" => {
                        out.rename_all_fields = rename_rule(cx, &meta)?;
                        return Ok(());
                    }
                    "tag" => {
                        let s: syn::LitStr = meta.value()?.parse()?;
                        out.tag = Some((s.value(), s.span()));
                    }
                    "content" => {
                        let s: syn::LitStr = meta.value()?.parse()?;
                        out.content = Some((s.value(), s.span()));
                    }
                    "untagged" => out.untagged = Some(meta.path.span()),
                    "deny_unknown_fields" => out.deny_unknown = true,
                    "transparent" => out.transparent = Some(meta.path.span()),
                    "default" => {
                        out.default = Some(default_value(&meta)?);
                        return Ok(());
                    }
                    k if CONTAINER_ACCEPTED.contains(&k) => {}
                    _ => refuse(cx, &meta.path, &key),
                }
                skip_value(&meta)
            });
            if let Err(e) = parsed {
                cx.syn_error(e);
            }
        }
        out
    }
}

impl SerdeContainer {
    /// The enum representation `tag`, `content` and `untagged` select.
    pub(super) fn repr(&self, cx: &Ctxt) -> Repr {
        match (&self.tag, &self.content, self.untagged) {
            (None, None, None) => Repr::External,
            (Some((tag, _)), None, None) => Repr::Internal { tag: tag.clone() },
            (Some((tag, _)), Some((content, _)), None) => Repr::Adjacent {
                tag: tag.clone(),
                content: content.clone(),
            },
            (None, None, Some(_)) => Repr::Untagged,
            (None, Some((_, span)), _) => {
                cx.error_at(
                    *span,
                    "#[serde(content = ..)] needs #[serde(tag = ..)] beside it",
                );
                Repr::External
            }
            (_, _, Some(span)) => {
                cx.error_at(
                    span,
                    "#[serde(untagged)] cannot be combined with `tag` or `content`",
                );
                Repr::Untagged
            }
        }
    }
}

/// serde's `rename_all` value (the deserialize side of `rename_all(serialize, deserialize)`).
fn rename_rule(cx: &Ctxt, meta: &syn::meta::ParseNestedMeta) -> syn::Result<Option<RenameRule>> {
    let lit: syn::LitStr = if meta.input.peek(Token![=]) {
        meta.value()?.parse()?
    } else {
        let mut found = None;
        meta.parse_nested_meta(|inner| {
            let lit: syn::LitStr = inner.value()?.parse()?;
            if inner.path.is_ident("deserialize") {
                found = Some(lit);
            }
            Ok(())
        })?;
        match found {
            Some(l) => l,
            None => return Ok(None),
        }
    };
    match RenameRule::from_str(&lit.value()) {
        Some(rule) => Ok(Some(rule)),
        None => {
            let names: Vec<&str> = RenameRule::NAMES.iter().map(|(n, _)| *n).collect();
            cx.error_spanned_by(
                &lit,
                unknown(&lit.value(), "rename_all", &names).replace(" attribute", " rule"),
            );
            Ok(None)
        }
    }
}

/// `default` or `default = "path"`, as serde reads it.
fn default_value(meta: &syn::meta::ParseNestedMeta) -> syn::Result<DefaultValue> {
    if !meta.input.peek(Token![=]) {
        return Ok(DefaultValue::Trait);
    }
    let lit: syn::LitStr = meta.value()?.parse()?;
    Ok(DefaultValue::Path(lit.parse()?))
}

/// Whether a field or a variant is being parsed: they accept different keys.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Item {
    Field,
    Variant,
}

/// serde's per-field or per-variant attributes that change the JSON shape.
#[derive(Default)]
pub(super) struct SerdeItem {
    pub rename: Option<String>,
    pub aliases: Vec<String>,
    pub default: Option<DefaultValue>,
    pub skip: bool,
    pub rename_all: Option<RenameRule>,
    /// `untagged` on a variant.
    pub untagged: bool,
    /// `with = "share_schema::refuse_null"` (or its `deserialize_with`): where it was written.
    pub refuse_null: Option<Span>,
    /// Any other `deserialize_with = "f"`, or `with = "m"` as `m::deserialize`.
    pub deserialize_with: Option<syn::ExprPath>,
    /// `flatten`, where it was written.
    pub flatten: Option<Span>,
}

/// The path of `with` / `deserialize_with` that refuses `null` for an `Option`.
fn is_refuse_null(key: &str, path: &str) -> bool {
    let path: String = path.chars().filter(|c| !c.is_whitespace()).collect();
    let path = path.trim_start_matches("::");
    match key {
        "with" => path == "share_schema::refuse_null",
        _ => path == "share_schema::refuse_null::deserialize",
    }
}

pub(super) fn serde_item(cx: &Ctxt, attrs: &[syn::Attribute], item: Item) -> SerdeItem {
    let mut out = SerdeItem::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let parsed = attr.parse_nested_meta(|meta| {
            let key = ident_of(&meta.path);
            match key.as_str() {
                "rename" => {
                    if meta.input.peek(Token![=]) {
                        out.rename = Some(meta.value()?.parse::<syn::LitStr>()?.value());
                    } else {
                        meta.parse_nested_meta(|inner| {
                            let lit: syn::LitStr = inner.value()?.parse()?;
                            if inner.path.is_ident("deserialize") {
                                out.rename = Some(lit.value());
                            }
                            Ok(())
                        })?;
                    }
                    return Ok(());
                }
                "alias" => {
                    out.aliases
                        .push(meta.value()?.parse::<syn::LitStr>()?.value());
                    return Ok(());
                }
                "skip" | "skip_deserializing" => out.skip = true,
                "flatten" if item == Item::Field => {
                    out.flatten = Some(meta.path.span());
                    return Ok(());
                }
                "rename_all" if item == Item::Variant => {
                    out.rename_all = rename_rule(cx, &meta)?;
                    return Ok(());
                }
                "untagged" if item == Item::Variant => out.untagged = true,
                "default" if item == Item::Field => {
                    out.default = Some(default_value(&meta)?);
                    return Ok(());
                }
                "with" | "deserialize_with" if item == Item::Field => {
                    let lit: syn::LitStr = meta.value()?.parse()?;
                    if is_refuse_null(&key, &lit.value()) {
                        out.refuse_null = Some(lit.span());
                    } else {
                        let mut path: syn::ExprPath = lit.parse()?;
                        if key == "with" {
                            path.path
                                .segments
                                .push(syn::Ident::new("deserialize", lit.span()).into());
                        }
                        out.deserialize_with = Some(path);
                    }
                    return Ok(());
                }
                k if item == Item::Field && FIELD_ACCEPTED.contains(&k) => {}
                k if item == Item::Variant && VARIANT_ACCEPTED.contains(&k) => {}
                _ => refuse(cx, &meta.path, &key),
            }
            skip_value(&meta)
        });
        if let Err(e) = parsed {
            cx.syn_error(e);
        }
    }
    out
}
