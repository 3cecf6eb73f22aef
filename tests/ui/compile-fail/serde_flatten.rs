// `#[serde(flatten)]` where the derive does not follow it (a struct with named fields, a map or an
// `Option` of either is followed: tests/tests/flatten.rs), and what a flattened field cannot carry.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
struct Extra {
    note: String,
}

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "kind")]
enum Kind {
    A,
    B,
}

/// In an enum's variant (not yet).
#[derive(serde::Deserialize, Validate)]
enum Card {
    Full {
        title: String,
        #[serde(flatten)]
        extra: Extra,
    },
}

/// A flattened field has no key: rules, names and defaults on it would not be read.
#[derive(serde::Deserialize, Validate)]
struct Named {
    #[serde(flatten, rename = "x")]
    #[share(nested)]
    extra: Extra,
}

/// An enum, or a number, flattened: the derive flattens structs and maps.
#[derive(serde::Deserialize, Validate)]
struct Tagged {
    #[serde(flatten)]
    kind: Kind,
    #[serde(flatten)]
    count: u32,
}

fn main() {}
