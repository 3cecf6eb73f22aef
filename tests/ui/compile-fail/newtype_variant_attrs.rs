// The one field of a newtype variant is read as its type's own JSON: rules on it, or `skip`
// (which makes serde read a unit variant), are refused rather than ignored.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
enum Step {
    Say(#[share(max_chars = 3)] String),
    Wait(#[serde(skip)] u8),
}

fn main() {}
