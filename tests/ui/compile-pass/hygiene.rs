// The generated code names everything by absolute path: a module that shadows the prelude's
// names (types, variants, functions, traits) still derives.
#![allow(dead_code, non_camel_case_types, non_snake_case, clippy::all)]

mod shadowing {
    pub struct Option;
    pub struct Some;
    pub struct None;
    pub struct Result;
    pub fn Ok() {}
    pub fn Err() {}
    pub struct Box;
    pub struct Vec;
    pub struct String;
    pub trait Default {}
    pub trait Into {}
    pub trait From {}
    pub trait AsRef {}
    pub trait Iterator {}
    pub trait IntoIterator {}
    pub trait Clone {}
    pub trait ToString {}
    pub trait Fn {}
    pub trait FnOnce {}
    pub trait Drop {}
    pub trait Eq {}
    pub trait PartialEq {}
    pub mod core {}
    pub mod std {}
    pub mod share_schema {}
    pub mod serde_json {}

    const MINE: ::share_schema::catalog::Rule = ::share_schema::catalog::Rule::new(
        "APP900",
        "mine",
        ::share_schema::Severity::Warning,
        "a rule of the user's own catalogue",
    );

    fn title_ok(_: &::std::string::String, _: &mut ::share_schema::Context) {}
    fn whole(_: &Card, _: &mut ::share_schema::Context) {}

    #[derive(::serde::Deserialize, ::share_schema::Validate)]
    pub struct Inner {
        #[share(non_empty)]
        pub name: ::std::string::String,
    }

    #[derive(::serde::Deserialize, ::share_schema::Validate)]
    #[serde(deny_unknown_fields)]
    #[share(check = whole, schema_key)]
    pub struct Card {
        #[share(non_empty, max_bytes = 16, pattern = "^[a-z]+$", custom = title_ok)]
        pub title: ::std::string::String,
        #[share(required(severity = "warning"), url, one_of = ["https://a.example"])]
        pub link: ::std::option::Option<::std::string::String>,
        #[share(nested, non_empty)]
        pub items: ::std::vec::Vec<Inner>,
        #[share(unique, not_contains = "B")]
        pub units: ::std::vec::Vec<Unit>,
        #[share(nested)]
        pub boxed: ::std::option::Option<::std::boxed::Box<Inner>>,
        #[share(one_of = [1, 2])]
        pub level: u8,
        #[share(max_bytes(8, rule = MINE), min_bytes(1, code = "APP901", severity = "info"))]
        pub note: ::std::string::String,
    }

    #[derive(PartialEq, Eq, Hash, ::serde::Deserialize, ::share_schema::Validate)]
    pub enum Unit {
        A,
        B,
    }

    #[derive(::serde::Deserialize, ::share_schema::Validate)]
    #[serde(tag = "type")]
    pub enum Internal {
        A,
        B(Inner),
        C {
            #[share(nested)]
            inner: Inner,
        },
    }

    #[derive(::serde::Deserialize, ::share_schema::Validate)]
    #[serde(tag = "t", content = "c", deny_unknown_fields)]
    pub enum Adjacent {
        A,
        B(Inner),
        C {
            #[share(nested)]
            inner: Inner,
        },
    }

    #[derive(::serde::Deserialize, ::share_schema::Validate)]
    #[serde(untagged)]
    pub enum Untagged {
        A,
        B(Inner),
        C {
            #[share(max_bytes = 4)]
            other: ::std::string::String,
        },
    }

    #[derive(::serde::Deserialize, ::share_schema::Validate)]
    pub enum External {
        A,
        B(Inner),
        C {
            #[share(nested)]
            inner: Inner,
        },
    }
}

fn main() {
    use share_schema::{Context, Shape, Validate};
    let mut cx = Context::new();
    let card = shadowing::Card::from_json(
        &serde_json::json!({"title": "ok", "items": [{"name": "n"}], "units": ["A"], "level": 1, "note": "a note too long"}),
        &mut cx,
    );
    let card = card.expect("the card is well-formed");
    let report = card.report();
    // Only the missing `link` (a warning) and the long `note` (the user's own rule) are reported.
    assert_eq!(
        report.iter().map(|v| (v.path(), v.code())).collect::<Vec<_>>(),
        [("/link", "SM212"), ("/note", "APP900")]
    );
    assert_eq!(cx.violations().len(), 2);
    let _ = share_schema::schema::SchemaGenerator::default().root_for::<shadowing::Card>();
}
