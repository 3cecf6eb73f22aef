// Bounds no value could satisfy are rejected at compile time.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(min_bytes = 10, max_bytes = 5)]
    title: String,
}

fn main() {}
