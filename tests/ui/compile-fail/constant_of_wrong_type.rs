// A constant where the attribute takes a limit, a code or a catalogue rule, of another type.
use share_schema::Validate;

const TITLE: &str = "title";
const LIMIT: u32 = 10;

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(max_bytes = TITLE)]
    title: String,
    #[share(non_empty(code = LIMIT))]
    description: String,
    #[share(url(rule = TITLE))]
    link: String,
}

fn main() {}
