// `bound(..)` names the derive's three impls; serde's names and broken predicates are refused.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
#[share(bound(deserialize = "T: Clone"))]
struct Wrong<T> {
    value: T,
}

#[derive(serde::Deserialize, Validate)]
#[share(bound = "T Clone")]
struct Broken<T> {
    value: T,
}

fn main() {}
