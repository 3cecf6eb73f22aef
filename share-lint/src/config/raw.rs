//! The file as written: the raw TOML model `share-lint.toml` deserializes into, with the spans
//! of the values later checks report on, and the parsing of single values (severities,
//! versions, platforms, sizes) so that a bad one is reported at its own position.

use super::error::quote;
use crate::settings::{LengthUnit, Platform};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use share_schema::Severity;
use std::collections::BTreeMap;
use std::fmt;
use toml::Spanned;

/// The whole file.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawConfig {
    #[serde(default)]
    pub(super) rules: RawRules,
    #[serde(default)]
    pub(super) files: RawFiles,
    #[serde(default)]
    pub(super) policy: RawPolicy,
    #[serde(default)]
    pub(super) overrides: Vec<RawOverride>,
}

/// A `[rules]` table (or an override's `rules`): a rule's code or name → its level.
pub(super) type RawRules = BTreeMap<Spanned<String>, Spanned<RuleLevel>>;

/// A list of strings, with the span of the list and of each entry.
pub(super) type RawList = Spanned<Vec<Spanned<String>>>;

/// A list of globs, with the span of the list and of each glob.
pub(super) type RawGlobs = RawList;

/// `[files]`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub(super) struct RawFiles {
    pub(super) include: Option<RawGlobs>,
    pub(super) exclude: Option<RawGlobs>,
    pub(super) json_comments: bool,
    pub(super) max_file_size: Option<ByteSize>,
}

/// `[policy]`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub(super) struct RawPolicy {
    pub(super) private_deployment: bool,
    pub(super) min_client_version: Option<ClientVersion>,
    pub(super) platforms: Option<Spanned<Vec<PlatformName>>>,
    pub(super) allowed_hosts: Option<RawList>,
    pub(super) mini_program_user_names: Option<RawList>,
    pub(super) string_length: StringLength,
}

/// One `[[overrides]]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawOverride {
    pub(super) files: RawGlobs,
    pub(super) rules: RawRules,
}

/// Deserializes a string through `parse`, so a bad value is reported at its own position.
struct ParseVisitor<F> {
    expecting: &'static str,
    parse: F,
}

impl<'de, T, F: FnOnce(&str) -> Result<T, String>> Visitor<'de> for ParseVisitor<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v).map_err(E::custom)
    }
}

fn parse_str<'de, D: Deserializer<'de>, T>(
    d: D,
    expecting: &'static str,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, D::Error> {
    d.deserialize_str(ParseVisitor { expecting, parse })
}

/// A severity in the configuration: one of the three, or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct RuleLevel(pub(super) Option<Severity>);

impl<'de> Deserialize<'de> for RuleLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_str(
            d,
            "a severity: \"error\", \"warning\", \"info\" or \"off\"",
            |s| match s {
                "off" => Ok(RuleLevel(None)),
                _ => s
                    .parse::<Severity>()
                    .map(|sev| RuleLevel(Some(sev)))
                    .map_err(|_| {
                        format!(
                            "unknown severity `{}`; expected `error`, `warning`, `info` or `off`",
                            quote(s)
                        )
                    }),
            },
        )
    }
}

/// `min-client-version`.
pub(super) struct ClientVersion(pub(super) (u32, u32, u32));

impl<'de> Deserialize<'de> for ClientVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_str(d, "a version string such as \"4.25.0\"", |s| {
            parse_version(s).map(ClientVersion)
        })
    }
}

/// `"4.25.0"`, `"4.25"` or `"4"` → (4, 25, 0).
fn parse_version(s: &str) -> Result<(u32, u32, u32), String> {
    let invalid = |why: &str| {
        format!(
            "invalid version `{}`: {why}; write MAJOR.MINOR.PATCH, such as `4.25.0`",
            quote(s)
        )
    };
    let parts: Vec<&str> = s.splitn(4, '.').collect();
    if parts.len() > 3 {
        return Err(invalid("more than three numbers"));
    }
    let mut numbers = [0u32; 3];
    for (slot, part) in numbers.iter_mut().zip(&parts) {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            let why = if part.is_empty() {
                "a number is missing".to_owned()
            } else {
                format!("`{}` is not a number", quote(part))
            };
            return Err(invalid(&why));
        }
        *slot = part
            .parse()
            .map_err(|_| invalid(&format!("`{}` is too large", quote(part))))?;
    }
    Ok((numbers[0], numbers[1], numbers[2]))
}

/// One entry of `platforms`.
pub(super) struct PlatformName(pub(super) Platform);

impl<'de> Deserialize<'de> for PlatformName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_str(
            d,
            "a platform: \"ios\", \"android\" or \"pc\"",
            |s| match Platform::ALL.into_iter().find(|p| p.name() == s) {
                Some(platform) => Ok(PlatformName(platform)),
                None => {
                    let lower = s.to_ascii_lowercase();
                    let hint = match lower.as_str() {
                        "ios" | "android" | "pc" => format!("; did you mean `{lower}`?"),
                        "windows" | "macos" | "mac" | "linux" | "desktop" => {
                            "; did you mean `pc`?".to_owned()
                        }
                        _ => String::new(),
                    };
                    Err(format!(
                        "unknown platform `{}`; expected `ios`, `android` or `pc`{hint}",
                        quote(s)
                    ))
                }
            },
        )
    }
}

/// `string-length`.
#[derive(Default)]
pub(super) struct StringLength(pub(super) LengthUnit);

impl<'de> Deserialize<'de> for StringLength {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_str(d, "\"utf8\" or \"utf16\"", |s| {
            match LengthUnit::ALL.into_iter().find(|u| u.name() == s) {
                Some(unit) => Ok(StringLength(unit)),
                None => {
                    let hint = match s.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
                        "utf8" | "bytes" => "; did you mean `utf8`?",
                        "utf16" => "; did you mean `utf16`?",
                        _ => "",
                    };
                    Err(format!(
                        "unknown string length unit `{}`; expected `utf8` or `utf16`{hint}",
                        quote(s)
                    ))
                }
            }
        })
    }
}

/// `max-file-size`: an integer of bytes or a string with a unit.
pub(super) struct ByteSize(pub(super) u64);

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SizeVisitor;

        impl Visitor<'_> for SizeVisitor {
            type Value = ByteSize;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number of bytes or a size such as \"10MB\"")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ByteSize, E> {
                if v <= 0 {
                    return Err(E::custom(format!(
                        "invalid size `{v}`: it must be at least 1 byte"
                    )));
                }
                Ok(ByteSize(v.unsigned_abs()))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ByteSize, E> {
                if v == 0 {
                    return Err(E::custom("invalid size `0`: it must be at least 1 byte"));
                }
                Ok(ByteSize(v))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<ByteSize, E> {
                parse_size(v).map(ByteSize).map_err(E::custom)
            }
        }

        d.deserialize_any(SizeVisitor)
    }
}

/// `"512KB"` → 512,000; `"1GiB"` → 1,073,741,824; `"100"` → 100.
fn parse_size(s: &str) -> Result<u64, String> {
    let invalid = |why: &str| {
        format!(
            "invalid size `{}`: {why}; write a whole number with an optional unit: B, KB, MB, GB \
             (powers of 1000) or KiB, MiB, GiB (powers of 1024), such as \"10MB\"",
            quote(s)
        )
    };
    let trimmed = s.trim();
    let digits_end = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(digits_end);
    if number.is_empty() {
        return Err(invalid("no number"));
    }
    let multiplier: u64 = match unit.trim_start().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        other if other.starts_with('.') || other.starts_with(',') => {
            return Err(invalid("not a whole number"))
        }
        _ => return Err(invalid("unknown unit")),
    };
    let size = number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(multiplier))
        .ok_or_else(|| invalid("too large"))?;
    if size == 0 {
        return Err(invalid("it must be at least 1 byte"));
    }
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(parse_version("4.25.0"), Ok((4, 25, 0)));
        assert_eq!(parse_version("5.33"), Ok((5, 33, 0)));
        assert_eq!(parse_version("6"), Ok((6, 0, 0)));
        for bad in [
            "",
            "4.x",
            "4..1",
            "v4.25.0",
            "4.25.0.1",
            "4.25.0-beta",
            " 4.25.0",
            "99999999999",
        ] {
            assert!(parse_version(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("512KB"), Ok(512_000));
        assert_eq!(parse_size("10MB"), Ok(10_000_000));
        assert_eq!(parse_size("10 mib"), Ok(10 << 20));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("2gb"), Ok(2_000_000_000));
        assert_eq!(parse_size("7B"), Ok(7));
        for bad in [
            "",
            "MB",
            "1.5MB",
            "10M",
            "-1",
            "0",
            "0KB",
            "99999999999999999999",
            "18446744073709551615GiB",
        ] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
