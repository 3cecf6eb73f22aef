// A key that resembles no rule lists the keys that exist.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(frobnicate)]
    title: String,
}

fn main() {}
