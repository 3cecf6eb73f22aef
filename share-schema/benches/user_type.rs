//! `validate()` of a user's own type with the rules issue 11 names — `range`, `email`, `inner` and
//! lengths — against the same rules written with `garde`, in one criterion run. Run with
//! `cargo bench -p share-schema --bench user_type`; BENCHMARKS.md has the results.
//!
//! Each side validates a value deserialized once, before timing. Before timing, the harness
//! asserts that both find the same number of failures on each payload.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use share_schema::Validate as _;
use std::hint::black_box;
use std::time::Duration;

#[path = "common/signup.rs"]
mod signup;
use signup::{GardeSignup, Signup};

/// The payloads, as JSON: `(name, json, failures expected)`.
fn payloads() -> [(&'static str, serde_json::Value, usize); 2] {
    [
        (
            "valid",
            serde_json::json!({
                "age": 34, "email": "li.wei@kingsoft.com", "name": "李伟 Li Wei",
                "tags": ["design", "产品", "rust", "beta-tester"],
            }),
            0,
        ),
        (
            "invalid",
            serde_json::json!({
                "age": 7, "email": "li.wei.kingsoft.com", "name": "LW",
                "tags": ["design", "a tag that is far too long to be one", "ok"],
            }),
            4,
        ),
    ]
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("user_type");
    for (name, json, failures) in payloads() {
        let ours: Signup = serde_json::from_value(json.clone()).unwrap();
        let theirs: GardeSignup = serde_json::from_value(json).unwrap();
        let found = ours.report().len();
        let found_garde = match garde::Validate::validate(&theirs) {
            Ok(()) => 0,
            Err(report) => report.iter().count(),
        };
        assert_eq!((found, found_garde), (failures, failures), "{name}");
        group.bench_with_input(BenchmarkId::new(name, "share_schema"), &ours, |b, v| {
            b.iter(|| black_box(v).validate().is_ok())
        });
        group.bench_with_input(BenchmarkId::new(name, "garde"), &theirs, |b, v| {
            b.iter(|| garde::Validate::validate(black_box(v)).is_ok())
        });
    }
    group.finish();
}

criterion_group! {
    name = user_type;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50);
    targets = benches
}
criterion_main!(user_type);
