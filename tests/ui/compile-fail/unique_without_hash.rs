// `unique` compares the items: they need `Eq` and `Hash` as well as a JSON name.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
enum Channel {
    Wx,
    Qq,
}

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(unique)]
    channels: Vec<Channel>,
}

fn main() {}
