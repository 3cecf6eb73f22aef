//! The schemas of the standard library's types against what serde reads: on every sample value,
//! an exact schema accepts exactly what `serde_json::from_value` reads; a relaxed one (see
//! `share-schema/src/schema/std_types.rs`) accepts at least that. The `jsonschema` crate checks,
//! formats asserted.

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use share_schema::schema::{JsonSchema, SchemaGenerator};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::num::{NonZeroI8, NonZeroU32, NonZeroU64};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// Values of every JSON type, and the edges of the types below.
fn samples() -> Vec<Value> {
    let mut out = vec![
        json!(null),
        json!(true),
        json!(0),
        json!(1),
        json!(-1),
        json!(-128),
        json!(-129),
        json!(255),
        json!(256),
        json!(4_294_967_295_u64),
        json!(4_294_967_296_u64),
        json!(i64::MIN),
        json!(u64::MAX),
        json!(1.5),
        json!(""),
        json!("a"),
        json!("é"),
        json!("😀"),
        json!("ab"),
        json!("10.0.0.1"),
        json!("::1"),
        json!("010.0.0.1"),
        json!("fe80::1%eth0"),
        json!("10.0.0.1:80"),
        json!("/tmp/x"),
        json!([]),
        json!([1]),
        json!([1, 1]),
        json!([1, 2, 3]),
        json!(["a", 1]),
        json!([1, "a"]),
        json!([1, 999_999_999]),
        json!([1, 1_000_000_000]),
        json!({}),
        json!({"a": 1}),
        json!({"1": "x"}),
        json!({"a": "x", "b": "y"}),
        json!({"secs": 1, "nanos": 2}),
        json!({"secs": 1}),
        json!({"secs": 1, "nanos": 2, "x": 0}),
        json!({"secs_since_epoch": 1, "nanos_since_epoch": 2}),
    ];
    out.push(json!([null]));
    out.push(json!(["a"]));
    out
}

/// Checks `T`'s schema against serde on every sample: `exact`, equal verdicts; otherwise every
/// value serde reads is valid. Returns how many samples serde read (so a test knows it tried).
fn judge<T: DeserializeOwned + JsonSchema>(exact: bool) -> usize {
    let schema = SchemaGenerator::default().root_for::<T>();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let name = std::any::type_name::<T>();
    let mut read = 0;
    for value in samples() {
        let by_serde = serde_json::from_value::<T>(value.clone()).is_ok();
        let by_schema = validator.is_valid(&value);
        read += usize::from(by_serde);
        if exact {
            assert_eq!(by_serde, by_schema, "{name} on {value}: schema {schema}");
        } else {
            assert!(
                !by_serde || by_schema,
                "{name} rejects {value}, which serde reads"
            );
        }
    }
    read
}

#[test]
fn exact_schemas_accept_exactly_what_serde_reads() {
    let reads = [
        judge::<u8>(true),
        judge::<i8>(true),
        judge::<u32>(true),
        judge::<u64>(true),
        judge::<i64>(true),
        judge::<usize>(true),
        judge::<f64>(true),
        judge::<bool>(true),
        judge::<char>(true),
        judge::<String>(true),
        judge::<()>(true),
        judge::<Option<u8>>(true),
        judge::<Box<str>>(true),
        judge::<std::sync::Arc<u8>>(true),
        judge::<Vec<u8>>(true),
        judge::<VecDeque<String>>(true),
        judge::<[u8; 2]>(true),
        judge::<(u8, String)>(true),
        judge::<(String,)>(true),
        judge::<BTreeMap<String, u8>>(true),
        judge::<HashMap<String, String>>(true),
        judge::<indexmap::IndexMap<String, u8>>(true),
        judge::<IpAddr>(true),
        judge::<Ipv4Addr>(true),
        judge::<Ipv6Addr>(true),
        judge::<NonZeroU32>(true),
        judge::<NonZeroI8>(true),
        judge::<NonZeroU64>(true),
        judge::<PathBuf>(true),
    ];
    assert!(
        reads.iter().all(|&n| n > 0),
        "each type read a sample: {reads:?}"
    );
}

#[test]
fn relaxed_schemas_accept_at_least_what_serde_reads() {
    let reads = [
        // Repeats are read and dropped: no `uniqueItems`.
        judge::<BTreeSet<u8>>(false),
        judge::<HashSet<String>>(false),
        // Keys are not constrained.
        judge::<BTreeMap<u8, String>>(false),
        // Any string.
        judge::<SocketAddr>(false),
        // Seconds and nanoseconds that overflow together are refused by serde alone.
        judge::<Duration>(false),
        judge::<SystemTime>(false),
    ];
    assert!(
        reads.iter().all(|&n| n > 0),
        "each type read a sample: {reads:?}"
    );
}

#[test]
fn a_derived_field_of_a_std_type_keeps_that_schema() {
    #[derive(serde::Deserialize, share_schema::Validate)]
    #[allow(dead_code)] // read by serde only
    struct Server {
        addr: IpAddr,
        #[share(inner(range(max = 9)))]
        weights: HashMap<String, u8>,
        tags: BTreeSet<String>,
        timeout: Duration,
    }
    let schema = SchemaGenerator::default().root_for::<Server>();
    assert_eq!(
        schema["properties"]["weights"],
        json!({"type": "object", "additionalProperties":
            {"type": "integer", "minimum": 0, "maximum": 255, "allOf": [{"maximum": 9}]}})
    );
    assert_eq!(schema["properties"]["addr"]["type"], json!("string"));
    assert_eq!(
        schema["properties"]["tags"]["items"],
        json!({"type": "string"})
    );
    assert_eq!(
        schema["properties"]["timeout"]["anyOf"][0]["required"],
        json!(["secs", "nanos"])
    );
}
