//! SDK error codes (placeholder).
/// Placeholder.
pub struct SdkError;
/// Placeholder.
pub enum SdkErrorKind {}
