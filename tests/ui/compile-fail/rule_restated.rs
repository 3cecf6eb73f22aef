// A catalogue rule carries its own code and severity: restating either beside `rule` is an
// error, and so is `rule` where nothing reports under it.
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
    // A custom function reports under the rules it names itself.
    #[share(custom(no_op, rule = MINE))]
    free: String,
    // A nested type's own attributes name its rules.
    #[share(nested(rule = MINE))]
    inner: Inner,
}

#[derive(Validate)]
struct Inner {
    #[share(non_empty)]
    name: String,
}

fn no_op(_: &str, _: &mut share_schema::Context) {}

fn main() {}
