// `#[serde(transparent)]` reads one field's JSON: serde needs exactly one field it reads, and
// refuses it on an enum. The derive says so in the same words, at the attribute.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
#[serde(transparent)]
struct TwoFields {
    title: String,
    link: String,
}

#[derive(serde::Deserialize, Validate)]
#[serde(transparent)]
struct AllSkipped {
    #[serde(skip)]
    title: String,
}

#[derive(serde::Deserialize, Validate)]
#[serde(transparent)]
enum Choice {
    One(String),
}

fn main() {}
