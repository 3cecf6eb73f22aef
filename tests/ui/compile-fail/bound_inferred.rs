// As serde, the derive bounds a field whose type is `E::Title` itself, but not `E::Title` inside
// another type (`Vec<E::Title>`): that field cannot be read, and the note names
// `#[share(bound = "..")]`, which tests/tests/bound_override.rs uses to write the bound.
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
    titles: Vec<E::Title>,
}

fn main() {
    let s: Setting<Prod> = Setting { titles: Vec::new() };
    let _ = s.validate();
}
