// A rule on a type the derive cannot see through: the type error lands on the field's type.
use share_schema::Validate;

#[derive(serde::Deserialize)]
struct Headline;

#[derive(Validate)]
struct Card {
    #[share(max_bytes = 5)]
    headline: Headline,
}

fn main() {}
