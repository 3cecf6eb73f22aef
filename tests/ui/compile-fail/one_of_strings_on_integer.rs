// `one_of` with strings on a field that is plainly an integer: the derive says so at the rule,
// and how to write the values.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(one_of = ["1", "2"])]
    count: u32,
}

fn main() {}
