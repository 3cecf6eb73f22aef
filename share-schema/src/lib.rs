//! Typed payloads, validators and JSON Schema for WPS协作's JS-SDK call `ksoxz_sdk.shareMessage`.
//!
//! ```
//! use share_schema::{ShareMessage, Validate};
//!
//! let json = r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "你好"}}"#;
//! let msg: ShareMessage = serde_json::from_str(json).unwrap();
//! assert!(msg.validate().is_ok());
//! ```
//!
//! `#[derive(Validate)]` gives your own types the same validators, with violation paths in the
//! JSON (serde) names, and their JSON Schema from the same attributes.

// `#[diagnostic::do_not_recommend]` keeps the leaf impls (`String`, numbers, ...) out of rustc's
// "the following other types implement" lists in the derive's errors; it is stable since Rust
// 1.85, and the older compilers `rust-version` allows ignore it under this lint.
#![allow(unknown_or_malformed_diagnostic_attributes)]

// The derive names the runtime by its absolute path `::share_schema`; the model in this crate
// uses the derive too.
extern crate self as share_schema;

#[cfg(feature = "axum")]
pub mod axum;
pub mod builder;
pub mod catalog;
mod context;
mod flatten;
pub mod limits;
pub mod model;
mod pointer;
pub mod refuse_null;
mod report;
mod requires;
pub mod rules;
pub mod schema;
mod sdk_error;
mod severity;
mod shape;
pub mod typescript;
mod validate;
mod violation;

pub use builder::Share;
pub use catalog::Rule;
pub use context::{Context, Mark};
pub use flatten::{FlatSchema, Flatten};
pub use model::*;
pub use report::Report;
pub use schema::JsonSchema;
pub use sdk_error::{SdkError, SdkErrorKind};
pub use severity::{ParseSeverityError, Severity};
pub use shape::{describe, wrong_type, Shape, ShapeOwned};
/// The name most likely meant among candidates ("did you mean"), as the checks use it.
pub use structure::suggest;
pub use validate::Validate;
pub use violation::Violation;

/// `#[derive(Validate)]`: generates [`Validate`], [`Shape`] and [`JsonSchema`] from
/// `#[share(...)]` attributes. See the crate README for the attribute reference.
pub use share_derive::Validate;

/// The JSON Schema (draft 2020-12, self-contained) of a payload file: a params object, a call
/// argument `{"params": ...}`, or an array of either.
pub fn json_schema() -> serde_json::Value {
    let mut schema = schema::SchemaGenerator::default().root_for::<PayloadFile>();
    schema::editor::markdown_descriptions(&mut schema);
    schema
}

/// Support for generated code. Not public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::flatten::{
        flat_enum, flat_enum_schema, flat_map, flat_option, flat_option_schema, flat_struct,
        flat_struct_schema, get_in_view, read_serde, rest_keys,
    };
    pub use crate::requires::*;
    pub use crate::rules;
    pub use crate::schema::editor::{editor_text, with_rule};
    pub use crate::schema::{def_name, merge, or_null, rust_def_name, SchemaGenerator};
    pub use crate::shape::{describe, read_with, refused_null, wrong_type};
    pub use crate::structure::*;
    pub use crate::typescript;
    pub use crate::{catalog, Context, JsonSchema, Rule, Severity, Shape, ShapeOwned, Validate};
    pub use crate::{FlatSchema, Flatten};
    pub use regex::Regex;
    pub use serde_json::{json, Map, Value};
    pub use std::sync::LazyLock;
    #[cfg(feature = "schemars")]
    pub use {crate::schema::to_schemars, schemars};

    /// The tokens given, with the `schemars` feature (the derive's `schemars::JsonSchema` impl);
    /// nothing without it.
    #[cfg(feature = "schemars")]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __share_if_schemars {
        ($($tokens:tt)*) => { $($tokens)* };
    }
    /// The tokens given, with the `schemars` feature; nothing without it.
    #[cfg(not(feature = "schemars"))]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __share_if_schemars {
        ($($tokens:tt)*) => {};
    }
    pub use crate::__share_if_schemars as if_schemars;

    /// The value of JSON text that `share-macros` checked at compile time with the same code, so
    /// deserializing it cannot fail.
    pub fn validated<T: serde::de::DeserializeOwned>(json: &str) -> T {
        match serde_json::from_str(json) {
            Ok(value) => value,
            Err(e) => unreachable!("payload checked at compile time no longer deserializes: {e}"),
        }
    }

    /// Stands for the value of a `payload!` that did not compile (beside its `compile_error!`s),
    /// so the build reports only those errors.
    pub fn not_compiled<T>() -> T {
        unreachable!("a payload! with errors is never compiled into a program")
    }
}

mod structure;

// What the derive's diagnostics name (`required by a bound in ...`) under a path without
// `__private`: rustc prints the path of a re-export from a module that is not `doc(hidden)`.
#[doc(hidden)]
pub use requires::{
    CatalogRule, CheckFn, CheckFnWith, CodeStr, CustomFn, CustomFnWith, JsonField, ViaNeither,
    ViaWrongCtxFn, ViaWrongFn,
};
