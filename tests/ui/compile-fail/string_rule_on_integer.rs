// A string rule on a field that is plainly not a string.
use share_schema::Validate;

#[derive(Validate)]
struct Server {
    #[share(url)]
    port: u32,
}

fn main() {}
