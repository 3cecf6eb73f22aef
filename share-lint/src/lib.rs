//! The `share-lint` linter library: the engine that lints payload files, the rule catalogue,
//! configuration, fixes and the output formats. The `share-lint` binary is a thin CLI over it.

pub mod diagnostic;
pub mod json;
pub mod render;
pub mod rules;
pub mod settings;
