// `message` takes a string literal, on the rules that word their own failures: `custom` reports
// its function's words and `nested` the nested type's.
use share_schema::{Context, Validate};

fn check(_: &str, _: &mut Context) {}

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(max_chars(3, message = 3))]
    title: String,
    #[share(custom(check, message = "no"))]
    body: String,
}

fn main() {}
