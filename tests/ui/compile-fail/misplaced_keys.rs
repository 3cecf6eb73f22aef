// A key of the type on a field, and a field's rule on the type: the error says where the key
// goes, not which keys exist where it was written.
use share_schema::Validate;

#[derive(Validate)]
#[share(max_bytes = 10)]
struct Card {
    #[share(check = whole)]
    title: String,
}

fn whole(_: &Card, _: &mut share_schema::Context) {}

fn main() {}
