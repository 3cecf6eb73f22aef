// serde attributes on variants that the derive refuses, each with its reason (`with` and
// `deserialize_with` on a field are read through their function: tests/tests/deserialize_with.rs).
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "type")]
enum Message {
    Text { text: String },
    #[serde(other)]
    Unknown,
}

fn main() {}
