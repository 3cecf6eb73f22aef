// A field `E::Title` makes the derive bound `E` itself, as serde would: an `E` that is no payload
// type is refused, and the note names `#[share(bound = "..")]`, which tests/tests/bound_override.rs
// uses to bound `E::Title` instead.
use share_schema::Validate;

trait Env {
    type Title;
}

struct Prod;

impl Env for Prod {
    type Title = String;
}

#[derive(serde::Deserialize, Validate)]
#[serde(bound = "E::Title: serde::de::DeserializeOwned")]
struct Setting<E: Env> {
    title: E::Title,
}

fn main() {
    let s: Setting<Prod> = Setting { title: String::new() };
    let _ = s.validate();
}
