// `nested` reports the nested type's own rules, with the codes and severities its attributes
// give: `rule`, `code` and `severity` on `nested` would be ignored, so they are refused.
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(nested(severity = "warning"))]
    first: Inner,
    #[share(nested(code = "APP001"))]
    second: Inner,
}

#[derive(Validate)]
struct Inner {
    #[share(non_empty)]
    name: String,
}

fn main() {}
