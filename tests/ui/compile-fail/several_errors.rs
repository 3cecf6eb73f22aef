// Every attribute error of one derive is reported in one compile, each at its own token; the
// stub impls beside them keep uses of the type from adding "trait not implemented" errors.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(max_byte = 512)]
    title: String,
    #[share(min_chars = 10, max_chars = 5)]
    description: String,
    #[share(url, severity = "fatal")]
    link: String,
    #[share(pattern = "(unclosed")]
    user_name: String,
    #[share(required)]
    count: u32,
}

fn main() {
    let _ = |card: &Card| card.validate().is_ok();
}
