//! The typed model on arbitrary bytes, as a Rust program uses it: `serde_json::from_slice` into
//! `PayloadFile`, then `report()` and `validate()`. Nothing panics; `validate()` fails exactly
//! when the report holds an error; a value that deserializes serializes back to one that does,
//! with the same findings.

#![no_main]

use libfuzzer_sys::fuzz_target;
use share_schema::{PayloadFile, Validate};

fuzz_target!(|data: &[u8]| {
    let Ok(file) = serde_json::from_slice::<PayloadFile>(data) else {
        return;
    };
    let report = file.report();
    assert_eq!(file.validate().is_err(), report.has_errors());
    let json = serde_json::to_string(&file).expect("a PayloadFile serializes");
    let again: PayloadFile = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("its own serialization does not deserialize: {e}\n{json}"));
    assert_eq!(again.report(), report, "{json}");
});
