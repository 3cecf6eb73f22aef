// A pattern is parsed at compile time; the error points at the literal.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(pattern = "^gh_[0-9a-f{12}$")]
    user_name: String,
}

fn main() {}
