// `unique` and `not_contains` on types the derive cannot classify by their spelling (an alias, a
// struct), and on a list whose items have no JSON name: the trait bounds of the rules report them
// at the field's type.
use share_schema::Validate;

type Count = u32;

#[derive(serde::Deserialize)]
struct Channels {
    names: Vec<String>,
}

#[derive(serde::Deserialize, PartialEq, Eq, Hash)]
struct Item {
    name: String,
}

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(unique)]
    total: Count,
    #[share(not_contains = "wx")]
    channels: Channels,
    #[share(unique)]
    items: Vec<Item>,
}

fn main() {}
