// serde attributes on a struct or enum that the derive refuses, each with its reason.
use share_schema::Validate;

#[derive(serde::Deserialize, Validate)]
#[serde(from = "String")]
struct FromString {
    inner: String,
}

impl From<String> for FromString {
    fn from(inner: String) -> Self {
        FromString { inner }
    }
}

#[derive(serde::Deserialize, Validate)]
#[serde(try_from = "String")]
struct TryFromString {
    inner: String,
}

impl TryFrom<String> for TryFromString {
    type Error = std::convert::Infallible;
    fn try_from(inner: String) -> Result<Self, Self::Error> {
        Ok(TryFromString { inner })
    }
}

#[derive(serde::Deserialize, Validate)]
#[serde(variant_identifier)]
enum Key {
    Title,
    Link,
}

#[derive(serde::Deserialize, Validate)]
#[serde(field_identifier)]
enum FieldKey {
    Title,
    Link,
}

fn main() {}
