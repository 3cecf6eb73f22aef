// `required` only makes sense where the key may be absent.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(required)]
    title: String,
}

fn main() {}
