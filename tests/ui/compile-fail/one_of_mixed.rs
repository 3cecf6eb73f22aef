// `one_of` values are all strings or all integers.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(one_of = ["small", 2])]
    size: String,
}

fn main() {}
