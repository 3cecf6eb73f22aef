// serde attributes on variants that the derive refuses, each with its reason (`with` and
// `deserialize_with` on a struct's field are read through their function:
// tests/tests/deserialize_with.rs; on a variant or a newtype variant's field they are refused).
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "type")]
enum Message {
    Text { text: String },
    #[serde(other)]
    Unknown,
}

fn number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    serde::Deserialize::deserialize(d)
}

/// A function on a variant, and on the only field of a newtype variant.
#[derive(serde::Deserialize, Validate)]
enum Count {
    #[serde(deserialize_with = "number")]
    Whole(u32),
    Part(#[serde(deserialize_with = "number")] u32),
}

fn main() {}
