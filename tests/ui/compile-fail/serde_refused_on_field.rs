// serde attributes on fields and variants that the derive refuses, each with its reason.
use share_schema::Validate;

fn read_title<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    serde::Deserialize::deserialize(d)
}

mod title_format {
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        serde::Deserialize::deserialize(d)
    }
}

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[serde(deserialize_with = "read_title")]
    title: String,
    #[serde(with = "title_format")]
    description: String,
}

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "type")]
enum Message {
    Text { text: String },
    #[serde(other)]
    Unknown,
}

fn main() {}
