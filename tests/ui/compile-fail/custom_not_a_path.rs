// `custom` names a function, not a string.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(custom = "not a path")]
    title: String,
}

fn main() {}
