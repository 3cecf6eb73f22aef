// `custom = f` calls `f(&field, &mut Context)`: each function here has another signature.
use share_schema::{Context, Validate};

fn wrong_argument(_: &u32, _: &mut Context) {}
fn wrong_arity(_: &String) {}
fn returns_something(_: &String, _: &mut Context) -> bool {
    true
}
fn by_value(_: String, _: &mut Context) {}

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(custom = wrong_argument)]
    title: String,
    #[share(custom = wrong_arity)]
    description: String,
    #[share(custom = returns_something)]
    link: String,
    #[share(custom = by_value)]
    note: String,
    #[share(custom = by_value)]
    summary: Option<String>,
}

fn main() {}
