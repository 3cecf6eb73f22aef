// `one_of` with integers on a string behind an alias: the trait bound reports it at the field's
// type.
use share_schema::Validate;

type Name = String;

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(one_of = [1, 2])]
    name: Name,
}

fn main() {}
