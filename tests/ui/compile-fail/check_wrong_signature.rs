// `check = f` calls `f(&value, &mut Context)` on the whole struct: each function here has another
// signature.
use share_schema::{Context, Validate};

fn wrong_argument(_: &String, _: &mut Context) {}
fn wrong_arity(_: &Card) {}
fn returns_something(_: &Card, _: &mut Context) -> bool {
    true
}
fn by_value(_: Card, _: &mut Context) {}

#[derive(serde::Deserialize, Validate)]
#[share(check = wrong_argument, check = wrong_arity)]
#[share(check = returns_something, check = by_value)]
struct Card {
    title: String,
}

fn main() {}
