// `one_of` with integers on a field that is plainly not an integer: the derive says so at the rule.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(one_of = [1, 2])]
    title: String,
    #[share(one_of = [1, 2])]
    ratio: Option<f64>,
}

fn main() {}
