//! The span-preserving parser on arbitrary text, in both dialects: it never panics, every span
//! it reports lies on character boundaries inside the input, and a document that strict JSON
//! accepts, JSONC accepts too, with the same value.

#![no_main]

use libfuzzer_sys::fuzz_target;
use share_json::{parse, ParseOptions, Span};

fn check_span(src: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= src.len(),
        "{what} span {span:?} is outside the {}-byte input",
        src.len()
    );
    assert!(
        src.is_char_boundary(span.start) && src.is_char_boundary(span.end),
        "{what} span {span:?} splits a character"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let strict = parse(src, &ParseOptions::json());
    let loose = parse(src, &ParseOptions::jsonc());
    for parsed in [&strict, &loose] {
        for e in &parsed.errors {
            check_span(src, e.span, "error");
        }
        for c in &parsed.comments {
            check_span(src, c.span, "comment");
        }
        for d in &parsed.duplicates {
            check_span(src, d.first, "duplicate key");
            check_span(src, d.duplicate, "duplicate key");
        }
        if let Some(root) = &parsed.root {
            check_span(src, root.span, "root");
            let _ = root.to_value();
        }
    }
    if strict.errors.is_empty() {
        assert!(
            loose.errors.is_empty(),
            "valid JSON is invalid JSONC: {:?}",
            loose.errors
        );
        assert_eq!(
            strict.root.as_ref().map(|r| r.to_value()),
            loose.root.as_ref().map(|r| r.to_value()),
            "JSON and JSONC read the same text differently"
        );
    }
});
