// A field whose type neither derives `Validate` nor implements `serde::Deserialize`: the derive
// cannot read it from JSON.
use share_schema::Validate;

struct Author {
    name: String,
}

#[derive(Validate)]
struct Card {
    title: String,
    author: Author,
}

fn main() {}
