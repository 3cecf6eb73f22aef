// Container keys get "did you mean" too.
use share_schema::Validate;

#[derive(Validate)]
#[share(chek = card_check)]
struct Card {
    title: String,
}

fn card_check(_: &Card, _: &mut share_schema::Context) {}

fn main() {}
