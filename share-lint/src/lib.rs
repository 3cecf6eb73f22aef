//! The `share-lint` linter library: engine, rules catalogue, renderers.
pub mod json;
