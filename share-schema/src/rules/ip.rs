//! `ip`, `ipv4` and `ipv6`: an address as Rust's standard library reads it (dotted decimal
//! without leading zeros; RFC 4291 text, `::` and an embedded IPv4 tail included, no zone).
//! Plus their schema: the `ipv4` and `ipv6` formats, which JSON Schema validators that assert
//! formats check by the same definitions (RFC 2673 and RFC 4291).
//!
//! ```
//! use share_schema::rules::ip::{ip, IpKind};
//!
//! assert!(ip("10.0.0.1", IpKind::V4).is_ok());
//! assert!(ip("::ffff:10.0.0.1", IpKind::Any).is_ok());
//! assert_eq!(ip("010.0.0.1", IpKind::V4).unwrap_err().message, "is not an IPv4 address");
//! ```

use super::Failure;
use serde_json::{json, Value};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Which addresses a rule takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IpKind {
    /// `ip`: either.
    Any,
    /// `ipv4`.
    V4,
    /// `ipv6`.
    V6,
}

/// Fails when `value` is not an address of `kind`.
pub fn ip(value: &str, kind: IpKind) -> Result<(), Failure> {
    let (ok, what) = match kind {
        IpKind::Any => (value.parse::<IpAddr>().is_ok(), "an IP address"),
        IpKind::V4 => (value.parse::<Ipv4Addr>().is_ok(), "an IPv4 address"),
        IpKind::V6 => (value.parse::<Ipv6Addr>().is_ok(), "an IPv6 address"),
    };
    match ok {
        true => Ok(()),
        false => Err(Failure::new(format!("is not {what}"))),
    }
}

/// The schema of [`ip`].
pub fn ip_schema(kind: IpKind) -> Value {
    match kind {
        IpKind::Any => json!({ "anyOf": [{ "format": "ipv4" }, { "format": "ipv6" }] }),
        IpKind::V4 => json!({ "format": "ipv4" }),
        IpKind::V6 => json!({ "format": "ipv6" }),
    }
}

/// What serde reads for the `std::net` address types: the string `std::net` parses, as the
/// rule checks it.
macro_rules! schema_ip {
    ($($t:ty => $kind:expr),*) => {$(
        #[diagnostic::do_not_recommend]
        impl crate::schema::JsonSchema for $t {
            fn json_schema(_: &mut crate::schema::SchemaGenerator) -> Value {
                let mut schema = ip_schema($kind);
                schema["type"] = json!("string");
                schema
            }
        }
    )*};
}
schema_ip!(
    std::net::IpAddr => IpKind::Any,
    std::net::Ipv4Addr => IpKind::V4,
    std::net::Ipv6Addr => IpKind::V6
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_takes_its_addresses() {
        for (text, v4, v6) in [
            ("127.0.0.1", true, false),
            ("256.0.0.1", false, false),
            ("1.2.3", false, false),
            ("::1", false, true),
            ("2001:db8::8a2e:370:7334", false, true),
            ("fe80::1%eth0", false, false),
            ("", false, false),
        ] {
            assert_eq!(ip(text, IpKind::V4).is_ok(), v4, "{text}");
            assert_eq!(ip(text, IpKind::V6).is_ok(), v6, "{text}");
            assert_eq!(ip(text, IpKind::Any).is_ok(), v4 || v6, "{text}");
        }
    }
}
