//! The `share-lint` linter library: the engine that lints payload files, the rule catalogue,
//! configuration, fixes and the output formats. The `share-lint` binary is a thin CLI over it.

pub mod cli;
pub mod commands;
pub mod config;
pub mod diagnostic;
pub mod engine;
pub mod fix;
pub mod policy;
pub mod render;
pub mod rules;
pub mod run;
pub mod settings;
pub mod write;

/// The span-preserving JSON/JSONC parser (the `share-json` crate).
pub use share_json as json;
