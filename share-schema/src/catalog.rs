//! The codes of the payload model's domain rules (filled in with the model).
