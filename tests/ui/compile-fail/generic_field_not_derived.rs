// A generic type used as a field with `nested`, its argument not deriving `Validate`.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
struct Page<T> {
    items: Vec<T>,
}

#[derive(serde::Deserialize)]
struct NotDerived {
    name: String,
}

#[derive(serde::Deserialize, Validate)]
struct Feed {
    #[share(nested)]
    page: Page<NotDerived>,
}

fn main() {}
