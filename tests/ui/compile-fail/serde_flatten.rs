// `#[serde(flatten)]` where the derive does not follow it (a struct with named fields, an enum, a
// map or an `Option` of one is followed: tests/tests/flatten.rs), and what a flattened field cannot
// carry.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
struct Extra {
    note: String,
}

/// In a transparent struct.
#[derive(serde::Deserialize, Validate)]
#[serde(transparent)]
struct Card {
    #[serde(flatten)]
    extra: Extra,
}

/// A flattened field has no key: rules, names and defaults on it would not be read.
#[derive(serde::Deserialize, Validate)]
struct Named {
    #[serde(flatten, rename = "x")]
    #[share(nested)]
    extra: Extra,
}

/// A number flattened: serde flattens structs, enums and maps.
#[derive(serde::Deserialize, Validate)]
struct Tagged {
    #[serde(flatten)]
    count: u32,
}

fn main() {}
