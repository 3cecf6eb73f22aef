// `share_schema::refuse_null` refuses `null` for an `Option`; a plain field refuses it already.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[serde(default, with = "share_schema::refuse_null")]
    title: String,
}

fn main() {}
