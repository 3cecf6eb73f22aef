//! The codes of the rules only the linter has: about the file itself (its syntax, encoding and
//! size) and about suppression comments, which `share-schema` never sees.
//!
//! The payload's own codes live in `share_schema::catalog` (domain rules) and
//! `share_schema::codes` (structure); these are in the `SM0xx` range so that the three sets never
//! collide.

/// The file is not valid JSON (or JSONC: in `.jsonc` files, and in
/// `.json` files with `[files] json-comments = true`).
pub const INVALID_JSON: &str = "SM001";
/// A key repeats an earlier key of the same object.
pub const DUPLICATE_KEY: &str = "SM002";
/// The file starts with a UTF-8 byte-order mark.
pub const BYTE_ORDER_MARK: &str = "SM003";
/// A `// share-lint-ignore CODE: reason` comment that suppressed nothing.
pub const UNUSED_SUPPRESSION: &str = "SM004";
/// The file is not valid UTF-8.
pub const INVALID_UTF8: &str = "SM005";
/// The file is larger than `[files] max-file-size` (10 MiB unless configured).
pub const FILE_TOO_LARGE: &str = "SM006";
/// A number no JavaScript engine represents (`1e999999` becomes `Infinity`).
pub const NUMBER_OUT_OF_RANGE: &str = "SM007";
