//! `#[share(validate_only)]`: a type that is validated but never read from JSON — its fields
//! need no serde impl (`Instant`, a handle) — derives `Validate` alone, with every rule.

use share_schema::{Context, Validate};
use std::time::Instant;

fn not_in_future(at: &Instant, cx: &mut Context) {
    if *at > Instant::now() {
        cx.report(&share_schema::catalog::CUSTOM, "is in the future");
    }
}

/// No `Deserialize`, a field serde cannot read, rules on the others.
#[derive(Validate)]
#[share(validate_only)]
struct Session {
    #[share(non_empty, max_chars = 8)]
    user: String,
    #[share(custom(not_in_future))]
    started: Instant,
    #[share(inner(range(max = 3)))]
    retries: Vec<u8>,
    /// A readable type inside is validated with its own rules.
    link: Link,
}

#[derive(serde::Deserialize, Validate)]
struct Link {
    #[share(url)]
    url: String,
}

#[test]
fn a_validate_only_type_runs_every_rule() {
    let session = Session {
        user: String::new(),
        started: Instant::now(),
        retries: vec![1, 4],
        link: Link { url: "nope".into() },
    };
    let paths: Vec<String> = session
        .report()
        .iter()
        .map(|v| format!("{} {}", v.code(), v.path()))
        .collect();
    assert_eq!(
        paths,
        ["SM201 /user", "SM213 /retries/1", "SM203 /link/url"]
    );
    let fine = Session {
        user: "ops".into(),
        started: Instant::now(),
        retries: vec![3],
        link: Link {
            url: "https://a.example/".into(),
        },
    };
    assert!(fine.validate().is_ok());
}
