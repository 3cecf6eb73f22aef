// A misspelt rule name is answered with the rule that was meant.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(max_byte = 512)]
    title: String,
}

fn main() {}
