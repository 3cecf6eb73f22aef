// `matches` names another field of the same struct.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
struct Card {
    password: String,
    #[share(matches(pasword))]
    again: String,
    #[share(matches(mirror))]
    mirror: String,
    #[share(matches("password"))]
    quoted: String,
}

fn main() {}
