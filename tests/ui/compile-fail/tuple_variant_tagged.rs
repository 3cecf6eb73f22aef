// An internally tagged enum puts its tag beside the variant's fields, in an object: a tuple
// variant (an array) has no place for it. serde refuses it; so does the derive, at the variant.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "type")]
enum Figure {
    Point,
    Rect(f64, f64),
}

fn main() {}
