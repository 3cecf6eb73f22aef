// `range` needs a bound and a number field, and bounds some value can satisfy; the string and
// item-count rules need their kind of field. Each mistake is reported at the rule.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
struct Card {
    #[share(range(min = 1))]
    title: String,
    #[share(range)]
    count: u32,
    #[share(range(min = 5, max = 1))]
    empty: u32,
    #[share(range(exclusive_min = 1.5, exclusive_max = 1.5))]
    point: f64,
    #[share(range(min = 1, exclusive_min = 0))]
    twice: u32,
    #[share(range(min = "1"))]
    quoted: u32,
    #[share(ascii, email)]
    number: u32,
    #[share(max_items = 2)]
    name: String,
    #[share(prefix)]
    bare: String,
}

fn main() {}
