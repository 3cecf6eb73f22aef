// `unique` and `not_contains` check the items of a list: on a field that is plainly not one, the
// derive says so at the rule.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(unique)]
    count: u32,
    #[share(not_contains = "wx")]
    title: String,
}

fn main() {}
