// `length(unit, min, max, equal)`: a unit it does not know, no bound, `equal` beside a bound.
use share_schema::Validate;

#[derive(Validate)]
struct Post {
    #[share(length(graphemes, max = 3))]
    title: String,
    #[share(length(chars))]
    body: String,
    #[share(length(equal = 2, max = 3))]
    code: String,
}

fn main() {}
