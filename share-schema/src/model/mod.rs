//! The payload model (placeholder until the model lands).
use crate::schema::{JsonSchema, SchemaGenerator};
/// Placeholder.
pub struct PayloadFile;
impl JsonSchema for PayloadFile {
    fn json_schema(_: &mut SchemaGenerator) -> serde_json::Value {
        serde_json::json!({})
    }
}
