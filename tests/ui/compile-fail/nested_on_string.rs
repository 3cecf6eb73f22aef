// `nested` on a leaf type has nothing to descend into.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(nested)]
    title: String,
}

fn main() {}
