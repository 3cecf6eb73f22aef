// The same rule twice with the same severity: the error points at the second.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(max_bytes = 512, non_empty, max_bytes = 256)]
    title: String,
}

fn main() {}
