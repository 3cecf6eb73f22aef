//! The `user_type` bench's types in a plain loop, for instruction counts (callgrind is stable
//! where wall time on a shared machine is not): `validate()` of one value 100,000 times.
//!
//! ```sh
//! cargo build --release -p share-schema --bench user_type_loop
//! valgrind --tool=callgrind $(ls target/release/deps/user_type_loop-* | grep -v '\.d$') ours-valid
//! ```
//!
//! The argument is `ours-valid`, `ours-invalid`, `garde-valid` or `garde-invalid`; divide the
//! total by 100,000 (startup is about 10 instructions an iteration). BENCHMARKS.md has the figures.

use share_schema::Validate as _;
use std::hint::black_box;

#[path = "common/signup.rs"]
mod signup;
use signup::{GardeSignup, Signup};

fn main() {
    // `cargo bench` passes `--bench`: run the valid payload with ours then.
    let which = std::env::args()
        .nth(1)
        .filter(|a| !a.starts_with("--"))
        .unwrap_or_else(|| "ours-valid".to_owned());
    let json = if which.ends_with("invalid") {
        serde_json::json!({
            "age": 7, "email": "li.wei.kingsoft.com", "name": "LW",
            "tags": ["design", "a tag that is far too long to be one", "ok"],
        })
    } else {
        serde_json::json!({
            "age": 34, "email": "li.wei@kingsoft.com", "name": "李伟 Li Wei",
            "tags": ["design", "产品", "rust", "beta-tester"],
        })
    };
    let mut ok = 0u32;
    if which.starts_with("garde") {
        let v: GardeSignup = serde_json::from_value(json).expect("the payload reads");
        for _ in 0..100_000 {
            ok += u32::from(garde::Validate::validate(black_box(&v)).is_ok());
        }
    } else {
        let v: Signup = serde_json::from_value(json).expect("the payload reads");
        for _ in 0..100_000 {
            ok += u32::from(black_box(&v).validate().is_ok());
        }
    }
    println!("{which}: {ok} of 100000 valid");
}
