// Unions have no JSON shape.
use share_schema::Validate;

#[derive(Validate)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
