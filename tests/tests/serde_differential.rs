//! Differential property test: for user-defined types carrying every serde attribute the derive
//! accepts, serde (with `validate()`), `Shape::from_json` and the derived JSON Schema judge the
//! same documents alike.
//!
//! What it proves, on generated documents (256 cases a property from a fixed seed, no
//! persistence files; see [`config`] for searching further):
//!
//! - **A, generated values**: a value of [`Root`] that satisfies every error rule, serialized by
//!   serde, is accepted by all three: serde reads it back and `validate()` finds no error, `Shape`
//!   builds it with no error, the schema (compiled once) accepts it. The same holds after keys and
//!   tags are re-spelled with one of their aliases (serde writes only canonical names).
//! - **B, mutations**: after one random mutation of such a document — a key deleted, renamed (to
//!   an alias, another casing, a known or an unknown name) or moved first; a value replaced (null,
//!   numbers, strings, `{}`, arrays); a key added, a field duplicated under its alias; an enum tag
//!   changed (another tag, an alias, another casing, an unknown string; for an externally tagged
//!   variant, its key); a rule broken (a string lengthened or emptied, a list's first item
//!   repeated, its last item dropped, a list emptied) — the verdicts (accept / reject) agree as [`Compare`] says:
//!   - exactly, all three alike: every mutation but those below;
//!   - serde+validate and Shape alike, the schema only a sound relaxation (it accepts whatever
//!     serde accepts): an integral float (`2.0`) where an integer goes (JSON Schema's `integer`
//!     takes it, serde does not), and a document without `titleText`, whose default breaks its
//!     own rule (the schema does not run `Default::default()`);
//!   - Shape and the schema alike, serde left out: the two serde readings the derive does not
//!     model, on purpose (README, "Your own types"; in [`replaced`]: a struct or tagged enum written as an array; an
//!     internally tagged enum's tag written as a variant index) and the one it refuses on purpose
//!     (`{"Blank": null}` for a unit variant, see [`has_null_unit_content`]).
//!
//! serde attributes covered: container `rename`, `rename_all` in all eight casings (fields and
//! variants), `rename_all_fields`, variant-level `rename_all`, `deny_unknown_fields`, `default`
//! on a struct (from a hand-written `Default`); field `rename`, `alias`, `default`,
//! `default = "path"`, `skip`, `skip_deserializing`, `skip_serializing_if`,
//! `with = "share_schema::refuse_null"`, `deserialize_with` (`attempts`), `flatten` of a struct into a closed struct (`Listing`) and of
//! a struct then a map into an open one (`Bag`), of an internally and an externally tagged enum
//! (`Shaped`); variant `rename`, `alias`, `skip`,
//! `skip_deserializing`, `untagged` (the last variants); all four enum representations
//! (external, `tag`, `tag` + `content`, `untagged`); a generic type used at two types
//! (`Page<Note>`, `Page<Node>`); recursion (`Node`, through `Vec` and `Option<Box<_>>`); `Option`
//! fields (null reads as `None`); types made by `macro_rules!` ([`cased!`]); a newtype struct
//! (`Slug`), a tuple struct with a skipped field and a defaulted last item (`Extent`), container
//! `transparent` (`Tagline`), a unit struct (`Marker`), tuple variants externally tagged,
//! adjacently tagged and untagged (`Media::Line`, `Op::Swap`, `Cell::Span`).
//!
//! `#[share]` rules used: only those the schema states exactly — `non_empty`, `max_chars` /
//! `min_chars` (JSON Schema counts code points, as `chars()` does; the strings hold `é` and `😀`),
//! `one_of` on strings and integers, `unique`, `pattern` (ASCII, anchored), `required` — plus
//! `severity = "warning"` rules (which never reject) and a container `check` that only looks at a
//! skipped field (no document can set it; serde takes it from the struct's default).
//!
//! `serde_parity.rs` holds the named cases a reader can follow, one per bug this test found;
//! this file searches for the ones nobody thought to name.

mod common;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config as ProptestConfig, RngSeed, TestCaseError, TestRunner};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use share_schema::catalog::Rule;
use share_schema::schema::SchemaGenerator;
use share_schema::{Context, Severity, ShapeOwned, Validate};
use std::collections::BTreeSet;

// ------------------------------------------------------------------------------- the types

/// Serialization only: leaves out a zero count (serde reads the default back).
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// Writes `Root::attempts` as a string when odd (`"3"`), so generated documents hold both forms
/// its function reads.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
fn odd_as_string<S: serde::Serializer>(n: &u32, s: S) -> Result<S::Ok, S::Error> {
    if n % 2 == 1 {
        s.serialize_str(&n.to_string())
    } else {
        s.serialize_u32(*n)
    }
}

/// One struct and one unit-only enum per `rename_all` casing: multi-word field and variant names
/// spelled as serde spells them.
macro_rules! cased {
    ($s:ident, $e:ident, $case:tt) => {
        #[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
        #[serde(rename_all = $case, deny_unknown_fields)]
        struct $s {
            #[share(non_empty, max_chars = 6)]
            short_word: String,
            #[serde(default, skip_serializing_if = "is_zero")]
            #[share(one_of = [0, 1, 2])]
            item_count: u8,
            pick_one: $e,
        }

        #[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
        #[serde(rename_all = $case)]
        enum $e {
            FirstChoice,
            SecondChoice,
        }
    };
}

cased!(Lower, LowerPick, "lowercase");
cased!(Upper, UpperPick, "UPPERCASE");
cased!(Pascal, PascalPick, "PascalCase");
cased!(Camel, CamelPick, "camelCase");
cased!(Snake, SnakePick, "snake_case");
cased!(ScreamingSnake, ScreamingSnakePick, "SCREAMING_SNAKE_CASE");
cased!(Kebab, KebabPick, "kebab-case");
cased!(ScreamingKebab, ScreamingKebabPick, "SCREAMING-KEBAB-CASE");

/// Every casing, each present or not.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(deny_unknown_fields)]
struct Casings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lower: Option<Lower>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    upper: Option<Upper>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pascal: Option<Pascal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    camel: Option<Camel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    snake: Option<Snake>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    screaming_snake: Option<ScreamingSnake>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kebab: Option<Kebab>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    screaming_kebab: Option<ScreamingKebab>,
}

/// Field aliases; an `Option` serialized as `null` when absent.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Note {
    #[serde(alias = "txt9", alias = "body9")]
    #[share(non_empty, max_chars = 10)]
    body_text: String,
    #[share(pattern = "^[a-z]{2,5}$")]
    lang: Option<String>,
}

/// Flattened into [`Listing`] and [`Bag`]: its keys sit beside theirs.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Paging {
    #[share(one_of = [10, 20])]
    page_size: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[share(max_chars = 4)]
    cursor: Option<String>,
}

/// `#[serde(flatten)]` of a struct (which claims its keys) in a closed struct: what it does not
/// claim is unknown.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(deny_unknown_fields)]
struct Listing {
    #[share(max_chars = 6)]
    heading: String,
    #[serde(flatten)]
    paging: Paging,
}

/// A flattened struct, then a flattened map taking every key left, in an open struct.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
struct Bag {
    weight: u8,
    #[serde(flatten)]
    paging: Paging,
    #[serde(flatten)]
    counts: std::collections::BTreeMap<String, u8>,
}

/// Flattened into [`Shaped`]: read from every key left, none claimed.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(tag = "form", rename_all = "lowercase")]
enum Form {
    Circle {
        #[share(one_of = [1, 2, 3])]
        radius: u8,
    },
    Dot,
}

/// Flattened into [`Shaped`]: the first key left that names a variant is its.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(rename_all = "lowercase")]
enum Unit {
    Px(u8),
    Em {
        #[share(max_chars = 3)]
        scale: String,
    },
}

/// Two flattened enums in an open struct. The schema relaxes a flattened enum's keys (see
/// `flat_enum_schema`): mutations under `/shaped` are compared as [`Compare::SchemaSound`].
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
struct Shaped {
    layer: u8,
    #[serde(flatten)]
    form: Form,
    #[serde(flatten)]
    unit: Unit,
}

/// A unit-only enum (strings), with a variant alias.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(rename_all = "kebab-case")]
enum Color {
    DeepRed,
    #[serde(alias = "grey9")]
    Gray,
}

/// Externally tagged (serde's default): struct, newtype, unit variants; `rename`, `alias`,
/// `skip`, `skip_deserializing` on variants; `rename_all_fields`.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(rename_all_fields = "camelCase", deny_unknown_fields)]
enum Media {
    #[serde(alias = "Picture9")]
    Image {
        #[share(pattern = "^[a-z]{1,8}\\.png$")]
        file_name: String,
        #[share(one_of = [16, 32, 64])]
        pixel_size: u16,
    },
    #[serde(rename = "Txt")]
    Text(Note),
    Blank,
    #[serde(alias = "Maybe9")]
    Maybe(Option<u8>),
    /// A tuple variant: `{"Line": [2, "ab"]}`.
    Line(
        #[share(one_of = [1, 2, 3])] u8,
        #[share(max_chars = 3)] String,
    ),
    #[serde(skip)]
    #[allow(dead_code)] // never read: serde skips it
    Hidden(u8),
    #[serde(skip_deserializing)]
    #[allow(dead_code)] // never built: serde does not read it, the strategies do not make it
    WriteOnly,
}

/// Internally tagged: `rename_all` on the variants, `rename_all_fields`, a variant's own
/// `rename_all`, aliases on a variant and on a field, a newtype of a struct, a unit variant.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "kebab-case",
    deny_unknown_fields
)]
enum Figure {
    Circle {
        #[share(one_of = [1, 2, 3])]
        radius_mm: u8,
    },
    #[serde(alias = "box9")]
    Square {
        #[serde(alias = "side9")]
        #[share(max_chars = 4)]
        side_label: String,
        #[serde(default)]
        round_corners: bool,
    },
    Dot,
    Wrapped(Note),
    #[serde(rename_all = "SCREAMING-KEBAB-CASE")]
    Poly {
        corner_count: u8,
        #[share(required)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fill_color: Option<Color>,
    },
}

/// Adjacently tagged: a newtype holding an internally tagged enum, a unit variant, a struct
/// variant, a newtype of an `Option`.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
enum Op {
    #[serde(alias = "Put9")]
    Set(Figure),
    Clear,
    Move {
        from_slot: u8,
        #[share(one_of = [1, 2, 3, 4])]
        to_slot: u8,
    },
    Maybe(Option<u8>),
    /// A tuple variant: `{"t": "Swap", "c": [1, 7]}`.
    Swap(#[share(one_of = [1, 2])] u8, u8),
}

/// Untagged: one variant per JSON type, so the first that fits is the only one that fits.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(untagged)]
enum Cell {
    Num(u8),
    Word(String),
    Pair {
        #[share(non_empty)]
        left: String,
        #[share(one_of = ["x", "y"])]
        right: String,
    },
    Nothing,
    /// The only array: `[2, "é"]`.
    Span(#[share(one_of = [1, 2, 3])] u8, #[share(non_empty)] String),
}

/// Internally tagged with variant-level `untagged` variants, tried last.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(tag = "type", rename_all = "camelCase")]
enum Event {
    Click {
        #[share(one_of = [-1, 0, 1])]
        x: i32,
    },
    KeyPress {
        #[share(max_chars = 1, min_chars = 1)]
        key_name: String,
    },
    #[serde(untagged)]
    Raw(String),
    #[serde(untagged)]
    Code(u16),
}

/// A generic type, used as `Page<Note>` and `Page<Node>`.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(deny_unknown_fields)]
struct Page<T> {
    #[share(non_empty)]
    items: Vec<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[share(max_chars = 6)]
    cursor: Option<String>,
    /// Not in JSON: a key `visits` is unknown.
    #[serde(skip)]
    #[allow(dead_code)] // serde skips it; it is there to be skipped
    visits: u32,
}

/// Recursion, through `Vec` and through `Option<Box<_>>`.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(deny_unknown_fields)]
struct Node {
    #[share(non_empty, max_chars = 5)]
    label: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    children: Vec<Node>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    next: Option<Box<Node>>,
}

const SETTINGS_RULE: Rule = Rule::new(
    "APP950",
    "settings-from-default",
    Severity::Error,
    "settings that are not what serde's container default fills in",
);

/// The container `default`: serde fills the skipped field (as every absent one) from
/// `Settings::default()`, not from the field type's default; the check sees which. (No document
/// can set the field, so the schema has nothing to say.)
fn settings_check(s: &Settings, cx: &mut Context) {
    if s.computed != 7 {
        cx.report(&SETTINGS_RULE, "the computed value is not the default's");
    }
}

/// Container-level `default` (from a hand-written `Default`), `skip_deserializing`. The rules
/// hold for the struct's default (`2`, `"auto"`) and break for the field types' (`0`, `""`).
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(default, rename_all = "PascalCase")]
#[share(check = settings_check)]
struct Settings {
    #[share(one_of = [1, 2, 3])]
    retry_count: u8,
    #[share(non_empty, max_chars = 4)]
    mode_name: String,
    /// Written, never read: serde takes it from `Settings::default()`.
    #[serde(skip_deserializing)]
    computed: u8,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            retry_count: 2,
            mode_name: "auto".into(),
            computed: 7,
        }
    }
}

fn default_motto() -> String {
    "carpe".into()
}

/// A newtype struct: its JSON is the string, with the field's rules.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
struct Slug(#[share(non_empty, max_chars = 6)] String);

/// A tuple struct: an array of 2 or 3 items (the last has a default), a skipped field between.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
struct Extent(
    #[share(one_of = [1, 2, 3])] u8,
    #[serde(skip)]
    #[allow(dead_code)] // serde skips it; it is there to be skipped
    u8,
    #[share(max_chars = 3)] String,
    #[serde(default)]
    #[share(one_of = [0, 5])]
    u8,
);

/// `transparent` with named fields: the JSON is `words`, a list.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(transparent)]
struct Tagline {
    #[share(unique, non_empty)]
    words: Vec<String>,
    #[serde(skip)]
    #[allow(dead_code)] // serde skips it; it is there to be skipped
    hits: u32,
}

/// A unit struct: `null`.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
struct Marker;

/// The root: everything above, plus the field-level attributes.
#[derive(Debug, Clone, Serialize, Deserialize, share_schema::Validate)]
#[serde(rename = "RootDoc", rename_all = "camelCase", deny_unknown_fields)]
struct Root {
    #[serde(rename = "ID")]
    #[share(pattern = "^[a-z][a-z0-9]{0,7}$")]
    ident: String,
    #[share(one_of = [1, 2, 3])]
    level: u8,
    #[share(one_of = ["red", "green", "blue"])]
    color_name: String,
    #[share(unique, non_empty)]
    tag_list: Vec<String>,
    note: Note,
    /// `null` reads as `None` (serde writes `null` for `None` here).
    #[share(max_chars = 5)]
    comment: Option<String>,
    #[serde(
        default,
        with = "share_schema::refuse_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[share(min_chars = 2)]
    strict_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[share(required)]
    owner: Option<String>,
    /// Warnings only: never a reason to reject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[share(required(severity = "warning"), max_chars(2, severity = "warning"))]
    nickname: Option<String>,
    /// The field-level `default`, from a function.
    #[serde(default = "default_motto")]
    #[share(non_empty, max_chars = 8)]
    motto: String,
    /// The field-level `default` whose value (`""`) breaks the field's own rule.
    #[serde(default)]
    #[share(non_empty)]
    title_text: String,
    #[serde(default)]
    settings: Settings,
    media: Vec<Media>,
    figure: Figure,
    ops: Vec<Op>,
    cells: Vec<Cell>,
    events: Vec<Event>,
    notes: Page<Note>,
    nodes: Page<Node>,
    casings: Casings,
    slug: Slug,
    extent: Extent,
    tagline: Tagline,
    marker: Marker,
    /// Read by a function of its own: a number or a numeric string. The schema takes any JSON
    /// there ([`replaced`]).
    listing: Listing,
    bag: Bag,
    shaped: Shaped,
    #[serde(
        deserialize_with = "common::number_or_string",
        serialize_with = "odd_as_string"
    )]
    attempts: u32,
    /// Not in JSON: a key `cache` is unknown.
    #[serde(skip)]
    #[allow(dead_code)] // serde skips it; it is there to be skipped
    cache: u32,
}

// --------------------------------------------------------------------------- the strategies

/// Short text, with characters outside ASCII and outside the BMP (lengths count `char`s).
fn text(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[a-zé😀]{{{min},{max}}}")).expect("a valid regex")
}

prop_compose! {
    fn note()(body_text in text(1, 10), lang in proptest::option::of("[a-z]{2,5}")) -> Note {
        Note { body_text, lang }
    }
}

macro_rules! cased_strategy {
    ($fn:ident, $s:ident, $e:ident) => {
        prop_compose! {
            fn $fn()(short_word in text(1, 6), item_count in 0u8..3, first in any::<bool>()) -> $s {
                $s {
                    short_word,
                    item_count,
                    pick_one: if first { $e::FirstChoice } else { $e::SecondChoice },
                }
            }
        }
    };
}

cased_strategy!(lower, Lower, LowerPick);
cased_strategy!(upper, Upper, UpperPick);
cased_strategy!(pascal, Pascal, PascalPick);
cased_strategy!(camel, Camel, CamelPick);
cased_strategy!(snake, Snake, SnakePick);
cased_strategy!(screaming_snake, ScreamingSnake, ScreamingSnakePick);
cased_strategy!(kebab, Kebab, KebabPick);
cased_strategy!(screaming_kebab, ScreamingKebab, ScreamingKebabPick);

prop_compose! {
    fn casings()(
        lower in proptest::option::of(lower()),
        upper in proptest::option::of(upper()),
        pascal in proptest::option::of(pascal()),
        camel in proptest::option::of(camel()),
        snake in proptest::option::of(snake()),
        screaming_snake in proptest::option::of(screaming_snake()),
        kebab in proptest::option::of(kebab()),
        screaming_kebab in proptest::option::of(screaming_kebab()),
    ) -> Casings {
        Casings { lower, upper, pascal, camel, snake, screaming_snake, kebab, screaming_kebab }
    }
}

fn color() -> impl Strategy<Value = Color> {
    prop_oneof![Just(Color::DeepRed), Just(Color::Gray)]
}

fn media() -> impl Strategy<Value = Media> {
    prop_oneof![
        ("[a-z]{1,8}", prop::sample::select(vec![16u16, 32, 64])).prop_map(|(stem, pixel_size)| {
            Media::Image {
                file_name: format!("{stem}.png"),
                pixel_size,
            }
        }),
        note().prop_map(Media::Text),
        Just(Media::Blank),
        proptest::option::of(any::<u8>()).prop_map(Media::Maybe),
        (1u8..=3, text(0, 3)).prop_map(|(n, s)| Media::Line(n, s)),
    ]
}

fn figure() -> impl Strategy<Value = Figure> {
    prop_oneof![
        (1u8..=3).prop_map(|radius_mm| Figure::Circle { radius_mm }),
        (text(0, 4), any::<bool>()).prop_map(|(side_label, round_corners)| Figure::Square {
            side_label,
            round_corners
        }),
        Just(Figure::Dot),
        note().prop_map(Figure::Wrapped),
        (any::<u8>(), color()).prop_map(|(corner_count, c)| Figure::Poly {
            corner_count,
            fill_color: Some(c)
        }),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        figure().prop_map(Op::Set),
        Just(Op::Clear),
        (any::<u8>(), 1u8..=4).prop_map(|(from_slot, to_slot)| Op::Move { from_slot, to_slot }),
        proptest::option::of(any::<u8>()).prop_map(Op::Maybe),
        (1u8..=2, any::<u8>()).prop_map(|(a, b)| Op::Swap(a, b)),
    ]
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        any::<u8>().prop_map(Cell::Num),
        text(0, 5).prop_map(Cell::Word),
        (text(1, 4), prop::sample::select(vec!["x", "y"])).prop_map(|(left, right)| Cell::Pair {
            left,
            right: right.to_owned()
        }),
        Just(Cell::Nothing),
        (1u8..=3, text(1, 3)).prop_map(|(n, s)| Cell::Span(n, s)),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        (-1i32..=1).prop_map(|x| Event::Click { x }),
        text(1, 1).prop_map(|key_name| Event::KeyPress { key_name }),
        text(0, 5).prop_map(Event::Raw),
        any::<u16>().prop_map(Event::Code),
    ]
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = text(1, 5).prop_map(|label| Node {
        label,
        children: Vec::new(),
        next: None,
    });
    leaf.prop_recursive(3, 8, 2, |inner| {
        (
            text(1, 5),
            prop::collection::vec(inner.clone(), 0..3),
            proptest::option::of(inner),
        )
            .prop_map(|(label, children, next)| Node {
                label,
                children,
                next: next.map(Box::new),
            })
    })
}

fn page<T: std::fmt::Debug>(item: impl Strategy<Value = T>) -> impl Strategy<Value = Page<T>> {
    (
        prop::collection::vec(item, 1..3),
        proptest::option::of(text(0, 6)),
    )
        .prop_map(|(items, cursor)| Page {
            items,
            cursor,
            visits: 0,
        })
}

prop_compose! {
    fn settings()(retry_count in 1u8..=3, mode_name in text(1, 4)) -> Settings {
        Settings { retry_count, mode_name, computed: 7 }
    }
}

prop_compose! {
    fn root_scalars()(
        ident in "[a-z][a-z0-9]{0,7}",
        level in 1u8..=3,
        color_name in prop::sample::select(vec!["red", "green", "blue"]),
        tag_list in prop::collection::btree_set("[a-z]{1,4}", 1..4),
        note in note(),
        comment in proptest::option::of(text(0, 5)),
        strict_note in proptest::option::of(text(2, 6)),
        owner in text(0, 6),
        nickname in proptest::option::of(text(0, 4)),
        motto in text(1, 8),
        title_text in text(1, 6),
        slug in text(1, 6),
        extent in (1u8..=3, text(0, 3), prop::sample::select(vec![0u8, 5])),
        tagline in prop::collection::btree_set("[a-z]{1,4}", 1..3),
        attempts in 0u32..5,
        heading in text(0, 6),
        paging in (prop::sample::select(vec![10u8, 20]), proptest::option::of(text(0, 4))),
        counts in prop::collection::btree_map("[a-z]{1,3}", 0u8..=255, 0..3),
        form in prop_oneof![(1u8..=3).prop_map(|radius| Form::Circle { radius }), Just(Form::Dot)],
        unit in prop_oneof![any::<u8>().prop_map(Unit::Px), text(0, 3).prop_map(|scale| Unit::Em { scale })],
    ) -> Root {
        Root {
            ident, level, color_name: color_name.to_owned(),
            tag_list: tag_list.into_iter().collect(),
            note, comment, strict_note, owner: Some(owner), nickname, motto, title_text,
            settings: Settings::default(),
            media: Vec::new(), figure: Figure::Dot, ops: Vec::new(), cells: Vec::new(),
            events: Vec::new(),
            notes: Page { items: Vec::new(), cursor: None, visits: 0 },
            nodes: Page { items: Vec::new(), cursor: None, visits: 0 },
            casings: Casings {
                lower: None, upper: None, pascal: None, camel: None, snake: None,
                screaming_snake: None, kebab: None, screaming_kebab: None,
            },
            slug: Slug(slug),
            extent: Extent(extent.0, 0, extent.1, extent.2),
            tagline: Tagline { words: tagline.into_iter().collect(), hits: 0 },
            marker: Marker,
            listing: Listing {
                heading,
                paging: Paging { page_size: paging.0, cursor: paging.1.clone() },
            },
            bag: Bag {
                weight: 1,
                paging: Paging { page_size: paging.0, cursor: paging.1 },
                // Not the keys of `Bag` or `Paging`, which serde would read as theirs.
                counts: counts
                    .into_iter()
                    .filter(|(k, _)| !["weight", "pageSize", "cursor"].contains(&k.as_str()))
                    .collect(),
            },
            shaped: Shaped { layer: 2, form, unit },
            attempts,
            cache: 0,
        }
    }
}

prop_compose! {
    fn root()(
        base in root_scalars(),
        settings in settings(),
        media in prop::collection::vec(media(), 0..3),
        figure in figure(),
        ops in prop::collection::vec(op(), 0..3),
        cells in prop::collection::vec(cell(), 0..3),
        events in prop::collection::vec(event(), 0..3),
        notes in page(note()),
        nodes in page(node()),
        casings in casings(),
    ) -> Root {
        Root { settings, media, figure, ops, cells, events, notes, nodes, casings, ..base }
    }
}

fn root_json() -> impl Strategy<Value = Value> {
    root().prop_map(|r| serde_json::to_value(&r).expect("serde writes every generated value"))
}

// ------------------------------------------------------------------- names: aliases, casings

/// Object keys that name one thing: a field and its aliases, an externally tagged variant and
/// its alias (as the one key of its object).
const KEY_ALIASES: &[&[&str]] = &[
    &["bodyText", "txt9", "body9"],
    &["side-label", "side9"],
    &["Image", "Picture9"],
    &["Maybe", "Maybe9"],
];

/// Keys whose string value is an enum tag, and the tags that name one variant.
const TAG_KEYS: &[&str] = &["kind", "t", "type", "FILL-COLOR"];
const TAG_ALIASES: &[&[&str]] = &[&["square", "box9"], &["Set", "Put9"], &["gray", "grey9"]];

/// Names of nothing serde reads: skipped fields and variants, and plainly unknown ones.
const UNREAD_NAMES: &[&str] = &[
    "cache",
    "visits",
    "computed",
    "Computed",
    "Hidden",
    "WriteOnly",
    "writeOnly",
    "zz_unknown",
    "",
];

fn alias_group<'a>(groups: &'a [&'a [&'a str]], name: &str) -> Option<&'a [&'a str]> {
    groups.iter().copied().find(|g| g.contains(&name))
}

/// The words of a name in any casing: `side-label`, `sideLabel`, `SIDE_LABEL` → `side`, `label`.
fn words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for ch in name.chars() {
        if ch == '_' || ch == '-' {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if ch.is_uppercase() && prev_lower && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
        current.extend(ch.to_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `name` in each of serde's eight casings (some coincide).
fn casings_of(name: &str) -> Vec<String> {
    let w = words(name);
    if w.is_empty() {
        return Vec::new();
    }
    let upper: Vec<String> = w.iter().map(|s| s.to_uppercase()).collect();
    let pascal: String = w.iter().map(|s| capitalized(s)).collect();
    let camel = w[0].clone() + &w[1..].iter().map(|s| capitalized(s)).collect::<String>();
    vec![
        w.concat(),
        upper.concat(),
        pascal,
        camel,
        w.join("_"),
        upper.join("_"),
        w.join("-"),
        upper.join("-"),
    ]
}

/// Every name the schema knows — property keys (aliases included), tags, enum strings — and the
/// names of nothing serde reads.
fn vocabulary(schema: &Value) -> Vec<String> {
    fn walk(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    match (k.as_str(), child) {
                        ("properties", Value::Object(props)) => {
                            out.extend(props.keys().cloned());
                        }
                        ("const", Value::String(s)) => {
                            out.insert(s.clone());
                        }
                        ("enum", Value::Array(items)) => {
                            out.extend(items.iter().filter_map(|i| i.as_str().map(String::from)));
                        }
                        _ => {}
                    }
                    walk(child, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(schema, &mut out);
    out.extend(UNREAD_NAMES.iter().map(|s| (*s).to_owned()));
    out.into_iter().collect()
}

// -------------------------------------------------------------------------- JSON locations

#[derive(Clone, Debug, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Every value's path, the root first.
fn value_paths(v: &Value) -> Vec<Vec<Seg>> {
    fn walk(v: &Value, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
        out.push(path.clone());
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    path.push(Seg::Key(k.clone()));
                    walk(child, path, out);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    walk(child, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

fn get<'a>(v: &'a Value, path: &[Seg]) -> &'a Value {
    path.iter().fold(v, |v, seg| match seg {
        Seg::Key(k) => &v[k.as_str()],
        Seg::Index(i) => &v[*i],
    })
}

fn get_mut<'a>(v: &'a mut Value, path: &[Seg]) -> &'a mut Value {
    path.iter().fold(v, |v, seg| match seg {
        Seg::Key(k) => &mut v[k.as_str()],
        Seg::Index(i) => &mut v[*i],
    })
}

fn pointer(path: &[Seg]) -> String {
    path.iter()
        .map(|s| match s {
            Seg::Key(k) => format!("/{k}"),
            Seg::Index(i) => format!("/{i}"),
        })
        .collect()
}

/// `map` with `from` renamed to `to`, in place (serde reads adjacently tagged objects in order,
/// so a renamed key keeps its position).
fn rename_key(map: &mut Map<String, Value>, from: &str, to: &str) {
    let old = std::mem::take(map);
    for (k, v) in old {
        if k == from {
            map.insert(to.to_owned(), v);
        } else {
            map.insert(k, v);
        }
    }
}

// ---------------------------------------------------------------------------- the verdicts

/// serde reads `json` as a `T` and `validate()` finds no error in it; else serde's complaint.
fn serde_verdict<T: serde::de::DeserializeOwned + Validate>(json: &Value) -> Result<(), String> {
    let value = serde_json::from_value::<T>(json.clone()).map_err(|e| format!("serde: {e}"))?;
    value
        .validate()
        .map_err(|r| format!("validate: {:?}", summary(r.as_slice())))
}

/// `Shape` builds a `T` from `json` with no error-severity violation; else what it reported.
fn shape_verdict<T: ShapeOwned>(json: &Value) -> Result<(), String> {
    match common::shape_reads::<T>(json) {
        (true, _) => Ok(()),
        (false, violations) => Err(format!("Shape: {:?}", summary(&violations))),
    }
}

fn summary(violations: &[share_schema::Violation]) -> Vec<String> {
    violations
        .iter()
        .map(|v| {
            format!(
                "{} {} {:?}: {}",
                v.path(),
                v.code(),
                v.severity(),
                v.message()
            )
        })
        .collect()
}

/// The three verdicts on one document.
struct Verdicts {
    serde: Result<(), String>,
    shape: Result<(), String>,
    schema: Result<(), String>,
}

fn judge(validator: &jsonschema::Validator, json: &Value) -> Verdicts {
    let schema_errors: Vec<String> = validator
        .iter_errors(json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    Verdicts {
        serde: serde_verdict::<Root>(json),
        shape: shape_verdict::<Root>(json),
        schema: if schema_errors.is_empty() {
            Ok(())
        } else {
            Err(format!("schema: {schema_errors:?}"))
        },
    }
}

impl std::fmt::Display for Verdicts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |r: &Result<(), String>| match r {
            Ok(()) => "accepts".to_owned(),
            Err(e) => format!("rejects — {e}"),
        };
        writeln!(f, "  serde+validate {}", show(&self.serde))?;
        writeln!(f, "  Shape          {}", show(&self.shape))?;
        write!(f, "  schema         {}", show(&self.schema))
    }
}

fn schema() -> Value {
    SchemaGenerator::default().root_for::<Root>()
}

/// 256 cases from a fixed seed: the same documents on every run and machine, in well under a
/// second. `PROPTEST_CASES` and `PROPTEST_RNG_SEED` search further (`PROPTEST_CASES=100000`
/// takes a few minutes in debug); failures print the shrunk document, and nothing is persisted.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x5e2d_e0c1);
    }
    config
}

fn run<S: Strategy>(strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(config());
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------------- A: generated values

/// Re-spells keys and tags with one of their names (canonical or alias), `picks` choosing.
fn respell(v: &mut Value, picks: &[Index], next: &mut usize) {
    let mut pick = |n: usize| {
        let i = picks[*next % picks.len()].index(n);
        *next += 1;
        i
    };
    match v {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for k in keys {
                if let Some(group) = alias_group(KEY_ALIASES, &k) {
                    let to = group[pick(group.len())];
                    if to != k && !map.contains_key(to) {
                        rename_key(map, &k, to);
                    }
                }
            }
            for k in TAG_KEYS {
                if let Some(Value::String(tag)) = map.get_mut(*k) {
                    if let Some(group) = alias_group(TAG_ALIASES, tag) {
                        *tag = group[pick(group.len())].to_owned();
                    }
                }
            }
            for child in map.values_mut() {
                respell(child, picks, next);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| respell(i, picks, next)),
        _ => {}
    }
}

#[test]
fn generated_values_are_accepted_by_serde_shape_and_the_schema() {
    let schema = schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let strategy = (root_json(), prop::collection::vec(any::<Index>(), 16));
    run(strategy, |(json, picks)| {
        let verdicts = judge(&validator, &json);
        prop_assert!(
            verdicts.serde.is_ok() && verdicts.shape.is_ok() && verdicts.schema.is_ok(),
            "a generated value is rejected\n{json:#}\n{verdicts}"
        );
        let mut aliased = json.clone();
        respell(&mut aliased, &picks, &mut 0);
        let verdicts = judge(&validator, &aliased);
        prop_assert!(
            verdicts.serde.is_ok() && verdicts.shape.is_ok() && verdicts.schema.is_ok(),
            "a generated value, re-spelled with aliases, is rejected\n{aliased:#}\n{verdicts}"
        );
        Ok(())
    });
}

// ---------------------------------------------------------------------------- B: mutations

/// One change to a document. Locations and choices are `Index`es into what the document holds,
/// so every mutation applies to every document (and shrinks with it).
#[derive(Clone, Debug)]
enum Mutation {
    /// Remove a key from its object.
    DeleteKey(Index),
    /// Rename a key: to one of its aliases, to another casing, to a known name, to an unknown one.
    RenameKey(Index, Index, Index),
    /// Replace a value with one of [`replacements`].
    Replace(Index, Index),
    /// Add a key (known, unknown, or an alias of a key already there, with its value).
    AddKey(Index, Index, Index),
    /// Change a tag or enum string: another tag, an alias, another casing, an unknown string.
    ChangeTag(Index, Index, Index),
    /// Break a rule: a string too long or emptied, a list with its first item repeated or emptied.
    Break(Index, Index),
    /// Move a key to the front of its object (serde reads some objects in order: an adjacently
    /// tagged enum's content before its tag is buffered first).
    MoveFirst(Index),
}

/// Values a mutation puts in place of another.
fn replacements() -> Vec<Value> {
    serde_json::from_str(
        r#"[null, 0, 1, 2, 3, 16, -1, 300, 70000, 1.5, true, "", "x", "abcdefghijklmnop",
            "é😀é😀é😀é", "ab\n", "red", "a.png", "7", {}, [], [1], ["x", "x"], {"kind": "dot"}]"#,
    )
    .expect("valid JSON")
}

/// An integral float (`2.0`): JSON Schema's `integer` accepts it, serde's integers do not.
fn integral_float() -> Value {
    serde_json::json!(2.0)
}

/// Whether `doc` lacks a key of [`Root`] whose serde default breaks the field's own rule
/// (`titleText: ""` is not `non_empty`): serde+validate and Shape reject it, the schema lets a
/// key with a default be absent whatever the default is (a sound relaxation: it does not run
/// `Default::default()`).
fn lacks_default_breaking_key(doc: &Value) -> bool {
    doc.as_object()
        .is_some_and(|root| !root.contains_key("titleText"))
}

/// Whether `doc` writes an externally tagged unit variant as `{"Blank": null}`: serde reads it,
/// Shape and the schema deliberately accept only the string serde writes, `"Blank"` (a decision
/// `derive.rs`, `external_enum`, pins down).
fn has_null_unit_content(doc: &Value) -> bool {
    let unit = |name: &str| {
        ["Blank", "deep-red", "gray", "grey9"].contains(&name)
            || casings_of("FirstChoice")
                .iter()
                .chain(&casings_of("SecondChoice"))
                .any(|n| n == name)
    };
    match doc {
        Value::Object(map) => {
            (map.len() == 1 && map.iter().all(|(k, v)| v.is_null() && unit(k)))
                || map.values().any(has_null_unit_content)
        }
        Value::Array(items) => items.iter().any(has_null_unit_content),
        _ => false,
    }
}

/// Which verdicts must agree on a mutated document.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Compare {
    /// serde+validate, Shape and the schema alike.
    Exact,
    /// serde+validate and Shape alike; the schema accepts at least what serde accepts (a sound
    /// relaxation): the mutation class is one JSON Schema cannot state exactly.
    SchemaSound,
    /// Shape and the schema alike; serde is left out — a known disagreement reported as a bug.
    WithoutSerde,
}

impl Mutation {
    /// Applies the mutation; says what it did, and which verdicts must agree on the result.
    fn apply(&self, doc: &mut Value, vocab: &[String]) -> (String, Compare) {
        let paths = value_paths(doc);
        // Members: paths whose last segment is a key.
        let members: Vec<&Vec<Seg>> = paths
            .iter()
            .filter(|p| matches!(p.last(), Some(Seg::Key(_))))
            .collect();
        let objects: Vec<&Vec<Seg>> = paths.iter().filter(|p| get(doc, p).is_object()).collect();
        let strings: Vec<&Vec<Seg>> = paths.iter().filter(|p| get(doc, p).is_string()).collect();
        let tags: Vec<&Vec<Seg>> = paths
            .iter()
            .filter(|p| {
                get(doc, p)
                    .as_str()
                    .is_some_and(|s| vocab.iter().any(|w| w == s))
            })
            .collect();
        match self {
            Mutation::DeleteKey(at) => {
                let Some(path) = pick_from(&members, at) else {
                    return ("nothing to delete".into(), Compare::Exact);
                };
                let (parent, key) = split(&path);
                get_mut(doc, &parent)
                    .as_object_mut()
                    .expect("an object")
                    .shift_remove(&key);
                (format!("delete {}", pointer(&path)), Compare::Exact)
            }
            Mutation::RenameKey(at, how, which) => {
                let Some(path) = pick_from(&members, at) else {
                    return ("nothing to rename".into(), Compare::Exact);
                };
                let (parent, key) = split(&path);
                let to = other_name(&key, vocab, how, which);
                rename_key(
                    get_mut(doc, &parent).as_object_mut().expect("an object"),
                    &key,
                    &to,
                );
                (
                    format!("rename {} to {to:?}", pointer(&path)),
                    Compare::Exact,
                )
            }
            Mutation::Replace(at, with) => {
                let path = at.get(&paths).clone();
                let mut options = replacements();
                options.push(integral_float());
                let value = with.get(&options).clone();
                let key = match path.last() {
                    Some(Seg::Key(k)) => Some(k.as_str()),
                    _ => None,
                };
                let target = get_mut(doc, &path);
                let compare = replaced(Some(target), &value, key);
                *target = value.clone();
                (format!("replace {} with {value}", pointer(&path)), compare)
            }
            Mutation::AddKey(at, how, which) => {
                let Some(path) = pick_from(&objects, at) else {
                    return ("no object".into(), Compare::Exact);
                };
                let map = get_mut(doc, &path).as_object_mut().expect("an object");
                // An alias of a key already there, with that key's value: a duplicate field.
                let aliased = map.iter().find_map(|(k, v)| {
                    let group = alias_group(KEY_ALIASES, k)?;
                    let other = group.iter().find(|n| !map.contains_key(**n))?;
                    Some(((*other).to_owned(), v.clone()))
                });
                let (key, value) = match (how.index(3), aliased) {
                    (0, Some(dup)) => dup,
                    (1, _) => ("zz_unknown".to_owned(), which.get(&replacements()).clone()),
                    _ => (which.get(vocab).clone(), which.get(&replacements()).clone()),
                };
                // A known name may be a key already there: then its value is replaced.
                let compare = replaced(map.get(&key), &value, Some(&key));
                map.insert(key.clone(), value.clone());
                (format!("add {}/{key} = {value}", pointer(&path)), compare)
            }
            Mutation::ChangeTag(at, how, which) => {
                // An externally tagged variant's tag is the one key of its object.
                let external: Vec<&Vec<Seg>> = members
                    .iter()
                    .copied()
                    .filter(|p| {
                        get(doc, &p[..p.len() - 1])
                            .as_object()
                            .is_some_and(|m| m.len() == 1)
                    })
                    .collect();
                if how.index(3) == 0 && !external.is_empty() {
                    let path = (*at.get(&external)).clone();
                    let (parent, key) = split(&path);
                    let to = other_name(&key, vocab, which, how);
                    let map = get_mut(doc, &parent).as_object_mut().expect("an object");
                    rename_key(map, &key, &to);
                    return (
                        format!("change the tag {} to {to:?}", pointer(&path)),
                        Compare::Exact,
                    );
                }
                let Some(path) = pick_from(&tags, at).or_else(|| pick_from(&strings, at)) else {
                    return ("no string".into(), Compare::Exact);
                };
                let old = get(doc, &path).as_str().unwrap_or_default().to_owned();
                let to = other_name(&old, vocab, how, which);
                *get_mut(doc, &path) = Value::String(to.clone());
                let what = format!("change {} from {old:?} to {to:?}", pointer(&path));
                (what, Compare::Exact)
            }
            Mutation::MoveFirst(at) => {
                let Some(path) = pick_from(&members, at) else {
                    return ("nothing to move".into(), Compare::Exact);
                };
                let (parent, key) = split(&path);
                let map = get_mut(doc, &parent).as_object_mut().expect("an object");
                let old = std::mem::take(map);
                map.insert(key.clone(), old[&key].clone());
                map.extend(old.into_iter().filter(|(k, _)| *k != key));
                (format!("move {} first", pointer(&path)), Compare::Exact)
            }
            Mutation::Break(at, how) => {
                let breakable: Vec<&Vec<Seg>> = paths
                    .iter()
                    .filter(|p| get(doc, p).is_string() || get(doc, p).is_array())
                    .collect();
                let Some(path) = pick_from(&breakable, at) else {
                    return ("nothing to break".into(), Compare::Exact);
                };
                let target = get_mut(doc, &path);
                let what = match (target, how.index(3)) {
                    (Value::String(s), 0) => {
                        *s = format!("{s}{}", "é".repeat(12));
                        "lengthen"
                    }
                    (Value::String(s), _) => {
                        s.clear();
                        "empty"
                    }
                    (Value::Array(items), 0) if !items.is_empty() => {
                        items.push(items[0].clone());
                        "repeat the first item of"
                    }
                    // A tuple's trailing item with a default may be missing.
                    (Value::Array(items), 1) if !items.is_empty() => {
                        items.pop();
                        "drop the last item of"
                    }
                    (Value::Array(items), _) => {
                        items.clear();
                        "empty"
                    }
                    _ => unreachable!("strings and arrays only"),
                };
                (format!("{what} {}", pointer(&path)), Compare::Exact)
            }
        }
    }
}

/// Which verdicts must agree once `old` (`None`: no value there) becomes `new` under `key`.
fn replaced(old: Option<&Value>, new: &Value, key: Option<&str>) -> Compare {
    if *new == integral_float() {
        // JSON Schema's `integer` is any number with no fraction, `2.0` included; serde's
        // integers (and Shape's) take only numbers written as integers.
        Compare::SchemaSound
    } else if key == Some("attempts") {
        // A function of the type's own reads `attempts` (`deserialize_with`): the schema takes
        // any JSON there, serde and Shape what the function takes (`3`, `"3"`).
        Compare::SchemaSound
    } else if old.is_some_and(Value::is_object) && new.is_array() {
        // Left out on purpose (README, "Your own types"): serde reads a struct from an array of its field values in
        // order (`visit_seq`: `[1, "x"]` is `Pair { a: 1, b: "x" }`, absent trailing fields
        // from their defaults), an internally tagged enum from `[tag, fields..]` and an
        // adjacently tagged one from `[tag, content]`; Shape and the schema read objects only.
        // So `"casings": []` is a `Casings` (every field has a default) to serde alone.
        Compare::WithoutSerde
    } else if key.is_some_and(|k| TAG_KEYS.contains(&k)) && new.is_u64() {
        // Left out on purpose (README, "Your own types"): where serde reads an internally tagged enum from its
        // buffered `Content` — the tagged variants of an enum that also has untagged ones, or
        // any such enum inside an untagged or internally tagged one — the tag may be the
        // variant's index: `{"type": 0, "x": 1}` is `Event::Click`. Read directly, serde
        // refuses it, as Shape and the schema always do; which happens depends on the
        // enclosing type, which neither can see.
        Compare::WithoutSerde
    } else {
        Compare::Exact
    }
}

fn pick_from(paths: &[&Vec<Seg>], at: &Index) -> Option<Vec<Seg>> {
    (!paths.is_empty()).then(|| (*at.get(paths)).clone())
}

fn split(path: &[Seg]) -> (Vec<Seg>, String) {
    let (last, parent) = path.split_last().expect("a member path");
    let Seg::Key(key) = last else {
        unreachable!("a member path ends with a key")
    };
    (parent.to_vec(), key.clone())
}

/// Another name for `name`: an alias (key or tag), another casing, a known name, or unknown.
fn other_name(name: &str, vocab: &[String], how: &Index, which: &Index) -> String {
    let others = |names: Vec<String>| -> Vec<String> {
        let mut names: Vec<String> = names.into_iter().filter(|n| n != name).collect();
        names.dedup();
        names
    };
    let aliases = others(
        alias_group(KEY_ALIASES, name)
            .or_else(|| alias_group(TAG_ALIASES, name))
            .map(|g| g.iter().map(|s| (*s).to_owned()).collect())
            .unwrap_or_default(),
    );
    let casings = others(casings_of(name));
    let known = others(vocab.to_vec());
    let options: [&[String]; 3] = [&aliases, &casings, &known];
    match how.index(4) {
        3 => format!("{name}_zz"),
        n => match options[n..].iter().find(|o| !o.is_empty()) {
            Some(from) => which.get(from).clone(),
            None => format!("{name}_zz"),
        },
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let i = || any::<Index>();
    prop_oneof![
        i().prop_map(Mutation::DeleteKey),
        (i(), i(), i()).prop_map(|(a, b, c)| Mutation::RenameKey(a, b, c)),
        (i(), i()).prop_map(|(a, b)| Mutation::Replace(a, b)),
        (i(), i(), i()).prop_map(|(a, b, c)| Mutation::AddKey(a, b, c)),
        (i(), i(), i()).prop_map(|(a, b, c)| Mutation::ChangeTag(a, b, c)),
        (i(), i()).prop_map(|(a, b)| Mutation::Break(a, b)),
        i().prop_map(Mutation::MoveFirst),
    ]
}

#[test]
fn mutated_documents_are_judged_alike() {
    let schema = schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let vocab = vocabulary(&schema);
    run((root_json(), mutation()), |(json, mutation)| {
        let mut doc = json;
        let (what, mut compare) = mutation.apply(&mut doc, &vocab);
        if compare == Compare::Exact && lacks_default_breaking_key(&doc) {
            compare = Compare::SchemaSound;
        }
        if has_null_unit_content(&doc) {
            compare = Compare::WithoutSerde;
        }
        if compare == Compare::Exact && what.contains("/shaped") {
            compare = Compare::SchemaSound;
        }
        let v = judge(&validator, &doc);
        let (serde, shape, schema) = (v.serde.is_ok(), v.shape.is_ok(), v.schema.is_ok());
        let agree = match compare {
            Compare::Exact => serde == shape && shape == schema,
            Compare::SchemaSound => serde == shape && (schema || !serde),
            Compare::WithoutSerde => shape == schema,
        };
        prop_assert!(
            agree,
            "the verdicts disagree ({compare:?}) after: {what}\n{doc:#}\n{v}"
        );
        Ok(())
    });
}
