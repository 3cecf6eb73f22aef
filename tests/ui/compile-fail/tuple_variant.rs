// Tuple variants (more than one field) are not supported; unit, newtype and struct variants are.
use share_schema::Validate;

#[derive(Validate)]
enum Figure {
    Point,
    Circle(f64),
    Rect(f64, f64),
}

fn main() {}
