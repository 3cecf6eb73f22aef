//! trybuild UI tests of `#[derive(Validate)]`: attribute errors (`tests/ui/compile-fail/*.rs`,
//! each with the compiler output it must produce) and attribute combinations that must compile
//! and run (`tests/ui/compile-pass/*.rs`). trybuild resolves the globs against this package's
//! directory, `tests/`.
//!
//! After changing a message on purpose, regenerate the `.stderr` files with
//! `TRYBUILD=overwrite cargo test -p share-tests --test ui` and read every one of them.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/compile-fail/*.rs");
    t.pass("ui/compile-pass/*.rs");
}
