// In a type with `#[share(context(Tenant))]`, `custom` and `check` functions take the context
// between the value and the `Context`; one written without it is reported at its path.
use share_schema::{Context, Validate};

struct Tenant;

fn plain(_: &str, _: &mut Context) {}

fn whole(_: &Post, _: &mut Context) {}

#[derive(Validate)]
#[share(context(Tenant), check = whole)]
struct Post {
    #[share(custom(plain))]
    link: String,
}

fn main() {}
