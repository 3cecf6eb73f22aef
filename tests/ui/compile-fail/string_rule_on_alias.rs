// String rules on types the derive cannot classify by their spelling (an alias, a struct): the
// trait bounds of the rule functions report them at the field's type.
use share_schema::Validate;

type Port = u32;

#[derive(serde::Deserialize)]
struct Headline {
    text: String,
}

#[derive(serde::Deserialize, Validate)]
struct Server {
    #[share(url)]
    port: Port,
    #[share(non_empty)]
    headline: Headline,
    #[share(pattern = "^a")]
    code: Option<Port>,
}

fn main() {}
