// `one_of` with integers on a field that is not an integer: a fieldless enum would otherwise be
// compared by its discriminant, which is not what its JSON holds (a serde name).
use share_schema::Validate;

#[derive(serde::Deserialize)]
enum Kind {
    A,
    B,
}

#[derive(Validate)]
struct Card {
    #[share(one_of = [0, 1])]
    kind: Kind,
}

fn main() {}
