// `inner(...)` needs a collection, rules that fit its items, and rules only.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(inner(url))]
    title: String,
    #[share(inner(range(max = 3)))]
    tags: Vec<String>,
    #[share(inner(required))]
    links: Vec<Option<String>>,
    #[share(inner(severity = "warning"))]
    notes: Vec<String>,
    #[share(inner)]
    bare: Vec<String>,
    #[share(inner(matches(title)))]
    pairs: Vec<String>,
}

fn main() {}
