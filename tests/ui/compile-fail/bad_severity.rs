// Severities are "error", "warning" or "info"; a prefix is answered with the full word.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(max_bytes(512, severity = "warn"))]
    title: String,
}

fn main() {}
