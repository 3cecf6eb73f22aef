// `flatten` hides the JSON shape from the derive.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
struct Card {
    title: String,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(serde::Deserialize, Validate)]
struct Extra {
    note: String,
}

fn main() {}
