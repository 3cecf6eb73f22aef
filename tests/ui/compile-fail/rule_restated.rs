// A catalogue rule carries its own code and severity: restating either beside `rule` is an
// error, and so is `rule` on `nested`, whose type names its own rules.
use share_schema::catalog::Rule;
use share_schema::{Severity, Validate};

const MINE: Rule = Rule::new("APP001", "mine", Severity::Error, "mine");

#[derive(Validate)]
struct Card {
    #[share(max_bytes(512, rule = share_schema::catalog::TITLE_TOO_LONG, severity = "warning"))]
    title: String,
    #[share(non_empty(code = "APP002", rule = MINE))]
    name: String,
    #[share(severity = "info", url(rule = MINE))]
    link: String,
    #[share(url(rule = "APP003"))]
    other: String,
    // A nested type's own attributes name its rules.
    #[share(nested(rule = MINE))]
    inner: Inner,
}

#[derive(Validate)]
struct Inner {
    #[share(non_empty)]
    name: String,
}

fn main() {}
