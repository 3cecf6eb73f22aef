// Rules belong on fields; a variant has no value of its own to check.
use share_schema::Validate;

#[derive(Validate)]
enum Message {
    Text {
        #[share(non_empty)]
        text: String,
    },
    #[share(non_empty)]
    Empty,
}

fn main() {}
