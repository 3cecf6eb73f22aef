// Two fields with one JSON name: the error points at the second. (`Serialize` registers the
// `serde` attribute without reading the names as `Deserialize` would.)
use share_schema::Validate;

#[derive(serde::Serialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Card {
    title_text: String,
    #[serde(rename = "titleText")]
    heading: String,
}

fn main() {}
