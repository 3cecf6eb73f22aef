//! The `share-lint` linter library: the engine that lints payload files, the lint rules (the
//! docs, checks and fixes of `share_schema::catalog`'s rules), configuration, fixes, the output formats and the run of `check` over many files. It returns
//! typed results ([`Error`]); the `share-lint` binary (`src/main.rs` and `src/cli/`, not part of
//! this library) parses the flags, prints and chooses the exit status.

mod bytes;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod engine;
mod error;
pub mod fix;
mod input;
pub mod js;
mod open;
pub mod output;
pub mod policy;
pub mod render;
pub mod rules;
pub mod run;
pub mod settings;
mod stream;
mod timings;
mod unknown;
mod utf8;
pub mod write;

pub use error::{Error, ErrorKind};
/// The span-preserving JSON/JSONC parser (the `share-json` crate).
pub use share_json as json;
