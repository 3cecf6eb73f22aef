//! The model of one derive input: the container, its fields or variants, their JSON names (from
//! serde's attributes) and their `#[share(...)]` rules. Built by `attr/`, checked by `check.rs`,
//! turned into code by `expand/`.

use proc_macro2::Span;

/// The type being derived.
pub struct Container<'a> {
    pub ident: &'a syn::Ident,
    pub generics: &'a syn::Generics,
    pub data: Data<'a>,
    /// `#[serde(deny_unknown_fields)]`: unknown keys are errors.
    pub deny_unknown: bool,
    /// `#[serde(default)]` / `default = "path"` on a struct: serde fills every absent (and every
    /// skipped) field from this value, not from the field type's `Default`.
    pub default: Option<DefaultValue>,
    /// `#[share(schema_key)]`: a top-level `"$schema"` string is allowed (for editors).
    pub schema_key: bool,
    /// `#[share(check = path)]`: cross-field checks `fn(&Self, &mut Context)`, or
    /// `fn(&Self, &C, &mut Context)` with a `context(C)`.
    pub checks: Vec<syn::ExprPath>,
    /// `#[share(context(C))]`: the user context `C` its `custom` and `check` functions receive.
    pub context: Option<syn::Type>,
    /// `#[share(validate_only)]`: only `Validate` is implemented, not `Shape` nor `JsonSchema`
    /// (the type is never read from JSON: its fields need no serde impl).
    pub validate_only: Option<Span>,
    /// `#[share(no_schemars)]`: no `schemars::JsonSchema` impl even with share-schema's
    /// `schemars` feature (the type derives schemars' own).
    pub no_schemars: bool,
    /// `#[share(typescript)]`: also implement `share_schema::typescript::TypeScript` (the
    /// type's TypeScript declaration; `expand/typescript.rs`).
    pub typescript: bool,
    /// The doc comment, for the schema's `description`.
    pub doc: Option<String>,
    /// `#[share(bound = "..")]` / `bound(validate = "..", shape = "..", schema = "..")`: the
    /// where-predicates of each impl instead of the inferred ones.
    pub bounds: Bounds,
    /// `#[serde(transparent)]` (a newtype struct without it is `Data::Transparent` too, but serde
    /// reads a missing key of it as an error, not as its field's).
    pub transparent: bool,
}

/// Where-predicates written by the user for each impl; `None`: inferred (see `expand/bound.rs`).
#[derive(Default)]
pub struct Bounds {
    pub validate: Option<Vec<syn::WherePredicate>>,
    pub shape: Option<Vec<syn::WherePredicate>>,
    pub schema: Option<Vec<syn::WherePredicate>>,
}

/// Struct fields or enum variants.
pub enum Data<'a> {
    /// Named fields: a JSON object.
    Struct(Vec<Field<'a>>),
    /// A tuple struct of other than one field (`struct Point(i32, i32)`): a JSON array with one
    /// item per field serde reads, in order.
    Tuple(Vec<Field<'a>>),
    /// A newtype struct (`struct Title(String)`) or a `#[serde(transparent)]` struct: the JSON is
    /// the value of the field at `inner`, the only one serde reads (the others are skipped).
    Transparent {
        fields: Vec<Field<'a>>,
        inner: usize,
    },
    /// A unit struct (`struct Marker;`): `null`.
    Unit,
    Enum {
        repr: Repr,
        variants: Vec<Variant<'a>>,
    },
}

/// serde's enum representations.
#[derive(Clone, PartialEq, Eq)]
pub enum Repr {
    /// `{"Variant": content}` or `"Variant"` (serde's default).
    External,
    /// `#[serde(tag = "type")]`: `{"type": "Variant", ...fields}`.
    Internal { tag: String },
    /// `#[serde(tag = "t", content = "c")]`: `{"t": "Variant", "c": content}`.
    Adjacent { tag: String, content: String },
    /// `#[serde(untagged)]`: the first variant that fits.
    Untagged,
}

/// One field, named or of a tuple.
pub struct Field<'a> {
    /// `name`, or the index of a tuple's field (`self.0`; `Self { 0: .. }` builds it).
    pub member: syn::Member,
    pub ty: &'a syn::Type,
    /// `T` when the type is `Option<T>`: rules apply to `T`, only when present.
    pub option_inner: Option<&'a syn::Type>,
    /// The name in JSON (after `rename` / `rename_all`).
    pub json_name: String,
    /// Other names serde accepts when deserializing (`alias`).
    pub aliases: Vec<String>,
    /// May be absent (an `Option`, or `#[serde(default)]` on the field or the struct).
    pub has_default: bool,
    /// The field's own `#[serde(default)]` / `default = "path"`.
    pub default: Option<DefaultValue>,
    /// `#[serde(skip)]` / `skip_deserializing`: not in JSON; built from the default serde uses
    /// (the field's `default`, else the struct's, else `Default::default()`).
    pub skip: bool,
    /// `null` refused for this `Option` (serde's side: `with = "share_schema::refuse_null"`);
    /// otherwise `null` reads as `None`, as serde reads it.
    pub refuse_null: bool,
    /// `#[serde(deserialize_with = "f")]`, or `with = "m"` (`m::deserialize`): serde reads the
    /// field with this function, so `Shape` does too, and the schema takes any JSON there.
    pub deserialize_with: Option<syn::ExprPath>,
    /// `#[serde(flatten)]`, where it was written: the field's keys sit beside the struct's own
    /// (share-schema's `flatten.rs`).
    pub flatten: Option<proc_macro2::Span>,
    pub rules: Vec<Rule>,
    /// `#[share(suggest_for = ["url"])]`: unknown keys to answer with "did you mean <this>?".
    pub suggest_for: Vec<String>,
    pub doc: Option<String>,
}

/// The JSON keys of `fields`' own (not skipped, not flattened): each name and its aliases. What
/// a flattened field never sees, and what a flattened struct claims.
pub fn own_keys<'f>(fields: &'f [Field]) -> impl Iterator<Item = &'f String> {
    fields
        .iter()
        .filter(|f| !f.skip && f.flatten.is_none())
        .flat_map(|f| std::iter::once(&f.json_name).chain(&f.aliases))
}

impl Field<'_> {
    /// The field as the user wrote it, for messages: `title`, or `0` in a tuple.
    pub fn name(&self) -> String {
        match &self.member {
            syn::Member::Named(ident) => syn::ext::IdentExt::unraw(ident).to_string(),
            syn::Member::Unnamed(index) => index.index.to_string(),
        }
    }

    /// The local holding the field's value while it is read or validated: `__share_f_<name>`.
    pub fn var(&self) -> syn::Ident {
        quote::format_ident!("__share_f_{}", self.name())
    }

    /// Whether this is the field named `ident`.
    pub fn is(&self, ident: &syn::Ident) -> bool {
        matches!(&self.member, syn::Member::Named(mine) if mine == ident)
    }

    /// The type the rules see: `T` for `Option<T>`, else the field's type.
    pub fn rule_ty(&self) -> &syn::Type {
        self.option_inner.unwrap_or(self.ty)
    }
}

/// How many items the array of a tuple's `fields` holds, `(min, max)`: one per field serde reads,
/// trailing ones with a `default` may be missing.
pub fn tuple_arity(fields: &[Field]) -> (usize, usize) {
    let read: Vec<&Field> = fields.iter().filter(|f| !f.skip).collect();
    let min = read
        .iter()
        .rposition(|f| !f.has_default)
        .map_or(0, |i| i + 1);
    (min, read.len())
}

/// What a tuple's array is, in messages: `an array of 2 items`, `an array of 1 to 2 items`.
pub fn tuple_expected(fields: &[Field]) -> String {
    match tuple_arity(fields) {
        (1, 1) => "an array of 1 item".to_owned(),
        (min, max) if min == max => format!("an array of {max} items"),
        (min, max) => format!("an array of {min} to {max} items"),
    }
}

/// Where serde's value for an absent or skipped key comes from.
#[derive(Clone)]
pub enum DefaultValue {
    /// `default`: `Default::default()`.
    Trait,
    /// `default = "path"`: `path()`.
    Path(syn::ExprPath),
}

/// One enum variant.
pub struct Variant<'a> {
    pub ident: &'a syn::Ident,
    pub json_name: String,
    /// Other names serde accepts for the variant (`alias`).
    pub aliases: Vec<String>,
    pub style: Style<'a>,
    pub skip: bool,
    /// `#[serde(untagged)]` on the variant: tried, untagged, after every tagged variant fails.
    pub untagged: bool,
    /// A newtype variant of an `Option`: serde reads it from an absent content key (adjacently
    /// tagged: `{"t": "Maybe"}`) as `None`, as it reads an absent `Option` field.
    pub optional_content: bool,
    pub doc: Option<String>,
}

impl Variant<'_> {
    /// The JSON name and the aliases: every tag that selects this variant.
    pub fn names(&self) -> Vec<&str> {
        std::iter::once(self.json_name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .collect()
    }
}

/// The shape of a variant.
pub enum Style<'a> {
    Unit,
    Newtype(&'a syn::Type),
    /// Two or more fields (or none: `V()`): a JSON array, as for a tuple struct.
    Tuple(Vec<Field<'a>>),
    Struct(Vec<Field<'a>>),
}

/// Severities as written in attributes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// One rule on a field.
pub struct Rule {
    pub kind: RuleKind,
    pub severity: Severity,
    /// Whether `severity` was written (on the rule or the field), not the default: `custom`
    /// restates what its function reports only with what was written.
    pub explicit_severity: bool,
    /// `code = "..."` on the rule or the field; `None`: the rule kind's default code.
    pub code: Option<Value<String>>,
    /// `rule = path::TO_RULE`: a `share_schema::catalog::Rule` constant that gives the code and
    /// the severity (then `code` is `None` and `severity` is not known at expansion time).
    pub catalog: Option<syn::ExprPath>,
    /// `message = "..."`: the violation's words instead of the rule's own.
    pub message: Option<syn::LitStr>,
    /// The rule's name token, where errors about it point.
    pub span: Span,
}

/// The rule kinds of `#[share(...)]`.
pub enum RuleKind {
    NonEmpty,
    Length {
        unit: LengthUnit,
        bound: Bound,
        limit: Value<u64>,
    },
    Url {
        schemes: Vec<String>,
    },
    Https,
    Base64Image {
        max_bytes: Option<Value<u64>>,
    },
    MaxDecodedBytes(Value<u64>),
    AspectRatio(u32, u32),
    Pattern(syn::LitStr),
    OneOfStr(Vec<String>),
    OneOfInt(Vec<i128>),
    NotContains(String),
    Unique,
    Required,
    Nested,
    Custom(syn::ExprPath),
    /// `range(min = .., max = .., exclusive_min = .., exclusive_max = ..)`, at least one.
    Range(Box<RangeBounds>),
    Ascii,
    Alphanumeric,
    NonControlCharacter,
    Email,
    Ip(IpKind),
    /// `contains = "x"`, `prefix = "x"`, `suffix = "x"`.
    Affix(Affix, String),
    /// `min_items = n` / `max_items = n`.
    Items {
        bound: Bound,
        limit: Value<u64>,
    },
    /// `inner(rules..)`: the rules, on each item of a list or array or each value of a map.
    Inner(Vec<Rule>),
    /// `matches(other)`: equal to the field `other` of the same struct.
    Matches(syn::Ident),
}

/// The bounds of `range`, each a number literal or a constant's path.
#[derive(Default)]
pub struct RangeBounds {
    pub min: Option<NumberValue>,
    pub max: Option<NumberValue>,
    pub exclusive_min: Option<NumberValue>,
    pub exclusive_max: Option<NumberValue>,
}

/// A bound of `range`.
#[derive(Clone)]
pub enum NumberValue {
    Int(i128),
    Float(f64),
    Path(syn::ExprPath),
}

impl NumberValue {
    /// The value, when it is a literal (to compare two bounds at compile time).
    pub fn lit(&self) -> Option<f64> {
        match self {
            NumberValue::Int(i) => Some(*i as f64),
            NumberValue::Float(f) => Some(*f),
            NumberValue::Path(_) => None,
        }
    }
}

/// Which addresses `ip`, `ipv4` and `ipv6` take.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum IpKind {
    Any,
    V4,
    V6,
}

/// Which part of a string `contains`, `prefix` and `suffix` look at.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Affix {
    Contains,
    Prefix,
    Suffix,
}

/// A literal, or a path to a constant (`limits::TITLE_MAX_BYTES`) so a limit is written once.
#[derive(Clone)]
pub enum Value<T> {
    Lit(T),
    Path(syn::ExprPath),
}

impl<T: Copy> Value<T> {
    /// The literal, when the value is one (compile-time checks need it).
    pub fn lit(&self) -> Option<T> {
        match self {
            Value::Lit(v) => Some(*v),
            Value::Path(_) => None,
        }
    }
}

impl quote::ToTokens for Value<u64> {
    fn to_tokens(&self, tokens: &mut proc_macro2::TokenStream) {
        match self {
            Value::Lit(n) => {
                let n = *n as usize;
                tokens.extend(quote::quote!(#n));
            }
            // Through `Limit`, spanned at the path: a constant that is not an integer is
            // reported there, in the derive's words.
            Value::Path(p) => tokens.extend(quote::quote_spanned!(syn::spanned::Spanned::span(p)=>
                ::share_schema::__private::rules::Limit::limit(#p))),
        }
    }
}

impl quote::ToTokens for Value<String> {
    fn to_tokens(&self, tokens: &mut proc_macro2::TokenStream) {
        match self {
            Value::Lit(s) => tokens.extend(quote::quote!(#s)),
            Value::Path(p) => tokens.extend(quote::quote!(#p)),
        }
    }
}

/// What a length rule counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LengthUnit {
    Bytes,
    Chars,
    Utf16,
}

/// `min_` or `max_`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bound {
    Min,
    Max,
}

impl RuleKind {
    /// The attribute name, for messages.
    pub fn name(&self) -> &'static str {
        use {Bound::*, LengthUnit::*};
        match self {
            RuleKind::NonEmpty => "non_empty",
            RuleKind::Length {
                unit: Bytes,
                bound: Max,
                ..
            } => "max_bytes",
            RuleKind::Length {
                unit: Bytes,
                bound: Min,
                ..
            } => "min_bytes",
            RuleKind::Length {
                unit: Chars,
                bound: Max,
                ..
            } => "max_chars",
            RuleKind::Length {
                unit: Chars,
                bound: Min,
                ..
            } => "min_chars",
            RuleKind::Length {
                unit: Utf16,
                bound: Max,
                ..
            } => "max_utf16",
            RuleKind::Length {
                unit: Utf16,
                bound: Min,
                ..
            } => "min_utf16",
            RuleKind::Url { .. } => "url",
            RuleKind::Https => "https",
            RuleKind::Base64Image { .. } => "base64_image",
            RuleKind::MaxDecodedBytes(_) => "max_decoded_bytes",
            RuleKind::AspectRatio(..) => "aspect_ratio",
            RuleKind::Pattern(_) => "pattern",
            RuleKind::OneOfStr(_) | RuleKind::OneOfInt(_) => "one_of",
            RuleKind::NotContains(_) => "not_contains",
            RuleKind::Unique => "unique",
            RuleKind::Required => "required",
            RuleKind::Nested => "nested",
            RuleKind::Custom(_) => "custom",
            RuleKind::Range(_) => "range",
            RuleKind::Ascii => "ascii",
            RuleKind::Alphanumeric => "alphanumeric",
            RuleKind::NonControlCharacter => "non_control_character",
            RuleKind::Email => "email",
            RuleKind::Ip(IpKind::Any) => "ip",
            RuleKind::Ip(IpKind::V4) => "ipv4",
            RuleKind::Ip(IpKind::V6) => "ipv6",
            RuleKind::Affix(Affix::Contains, _) => "contains",
            RuleKind::Affix(Affix::Prefix, _) => "prefix",
            RuleKind::Affix(Affix::Suffix, _) => "suffix",
            RuleKind::Items {
                bound: Bound::Min, ..
            } => "min_items",
            RuleKind::Items {
                bound: Bound::Max, ..
            } => "max_items",
            RuleKind::Inner(_) => "inner",
            RuleKind::Matches(_) => "matches",
        }
    }

    /// What the rule needs of the field's type, for "a rule on the wrong kind of field".
    pub fn target(&self) -> Target {
        match self {
            RuleKind::NonEmpty => Target::StringOrList,
            RuleKind::Length { .. }
            | RuleKind::Url { .. }
            | RuleKind::Https
            | RuleKind::Base64Image { .. }
            | RuleKind::MaxDecodedBytes(_)
            | RuleKind::AspectRatio(..)
            | RuleKind::Pattern(_)
            | RuleKind::OneOfStr(_)
            | RuleKind::Ascii
            | RuleKind::Alphanumeric
            | RuleKind::NonControlCharacter
            | RuleKind::Email
            | RuleKind::Ip(_)
            | RuleKind::Affix(..) => Target::String,
            RuleKind::OneOfInt(_) => Target::Integer,
            RuleKind::Range(_) => Target::Number,
            RuleKind::NotContains(_) | RuleKind::Unique | RuleKind::Items { .. } => Target::List,
            RuleKind::Required => Target::Option,
            RuleKind::Nested => Target::Nested,
            RuleKind::Custom(_) | RuleKind::Inner(_) | RuleKind::Matches(_) => Target::Any,
        }
    }
}

/// The kinds of field type a rule applies to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Target {
    String,
    StringOrList,
    List,
    Integer,
    /// Integers and floats.
    Number,
    Option,
    Nested,
    Any,
}

/// serde's `rename_all` rules.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    /// The names serde accepts, in serde's spelling.
    pub const NAMES: [(&'static str, RenameRule); 8] = [
        ("lowercase", RenameRule::Lower),
        ("UPPERCASE", RenameRule::Upper),
        ("PascalCase", RenameRule::Pascal),
        ("camelCase", RenameRule::Camel),
        ("snake_case", RenameRule::Snake),
        ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
        ("kebab-case", RenameRule::Kebab),
        ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
    ];

    /// Parses serde's spelling.
    pub fn from_str(s: &str) -> Option<Self> {
        Self::NAMES.iter().find(|(n, _)| *n == s).map(|(_, r)| *r)
    }

    /// Applies the rule to a variant name (written in PascalCase), exactly as serde does.
    pub fn apply_to_variant(self, variant: &str) -> String {
        match self {
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Camel => lower_first(variant),
            RenameRule::Snake => {
                let mut snake = String::new();
                for (i, ch) in variant.char_indices() {
                    if i > 0 && ch.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(ch.to_ascii_lowercase());
                }
                snake
            }
            RenameRule::ScreamingSnake => RenameRule::Snake
                .apply_to_variant(variant)
                .to_ascii_uppercase(),
            RenameRule::Kebab => RenameRule::Snake
                .apply_to_variant(variant)
                .replace('_', "-"),
            RenameRule::ScreamingKebab => RenameRule::ScreamingSnake
                .apply_to_variant(variant)
                .replace('_', "-"),
        }
    }

    /// Applies the rule to a field name (written in snake_case), exactly as serde does.
    pub fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            RenameRule::Camel => lower_first(&RenameRule::Pascal.apply_to_field(field)),
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}
