// `nested` on a field whose type does not derive `Validate`: there are no rules to descend into.
use share_schema::Validate;

#[derive(serde::Deserialize)]
struct Author {
    name: String,
}

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(nested)]
    author: Author,
}

fn main() {}
