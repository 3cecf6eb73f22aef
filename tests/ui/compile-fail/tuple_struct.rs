// A JSON object has named keys; a tuple struct has none.
use share_schema::Validate;

#[derive(Validate)]
struct Pair(String, u32);

fn main() {}
