//! `[policy]`: the raw table checked and turned into the [`Policy`] the rules read (platforms
//! deduplicated, `allowed-hosts` entries checked and normalized).

use super::error::{quote, ConfigError};
use super::raw::{RawList, RawPolicy};
use super::Parsing;
use crate::settings::{Platform, Policy};

/// The longest host name DNS allows.
const MAX_HOST_CHARS: usize = 253;

impl Parsing<'_> {
    /// Checks `[policy]` and turns it into the project's [`Policy`].
    pub(super) fn policy(&self, raw: RawPolicy) -> Result<Policy, ConfigError> {
        let platforms = match raw.platforms {
            None => None,
            Some(list) if list.get_ref().is_empty() => {
                return Err(self.error(
                    list.span(),
                    "`platforms` is empty; list the platforms the project supports: `ios`, `android`, `pc`",
                ))
            }
            Some(list) => {
                let mut platforms: Vec<Platform> = Vec::new();
                for p in list.into_inner() {
                    if !platforms.contains(&p.0) {
                        platforms.push(p.0);
                    }
                }
                Some(platforms)
            }
        };
        let allowed_hosts = self.allow_list(
            raw.allowed_hosts,
            "`allowed-hosts` is empty, which would reject every URL; remove the key to allow any host",
            check_host_pattern,
        )?;
        let mini_program_user_names = self.allow_list(
            raw.mini_program_user_names,
            "`mini-program-user-names` is empty, which would reject every mini program card; remove the key to allow any",
            check_user_name,
        )?;
        Ok(Policy {
            private_deployment: raw.private_deployment,
            min_client_version: raw.min_client_version.map(|v| v.0),
            platforms,
            allowed_hosts,
            mini_program_user_names,
            length_unit: raw.string_length.0,
        })
    }
}

impl Parsing<'_> {
    /// An allow-list of `[policy]`: `None` when absent; an error when empty (it would reject
    /// everything) or when an entry fails `check`; else the entries as `check` writes them,
    /// without repeats.
    fn allow_list(
        &self,
        raw: Option<RawList>,
        empty: &str,
        check: fn(&str) -> Result<String, String>,
    ) -> Result<Option<Vec<String>>, ConfigError> {
        let Some(list) = raw else { return Ok(None) };
        if list.get_ref().is_empty() {
            return Err(self.error(list.span(), empty));
        }
        let mut out: Vec<String> = Vec::with_capacity(list.get_ref().len());
        for entry in list.get_ref() {
            let value = check(entry.get_ref()).map_err(|m| self.error(entry.span(), m))?;
            if !out.contains(&value) {
                out.push(value);
            }
        }
        Ok(Some(out))
    }
}

/// Checks a `mini-program-user-names` entry: a mini program's original ID, not its AppID.
fn check_user_name(entry: &str) -> Result<String, String> {
    let q = quote(entry);
    if entry.trim().is_empty() {
        return Err("an empty name in `mini-program-user-names`".to_owned());
    }
    let hex = |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
    if entry.strip_prefix("wx").is_some_and(hex) {
        return Err(format!(
            "`{q}` is an AppID; `mini-program-user-names` lists original IDs (`gh_` and 12 hex digits), which WeChat opens cards by"
        ));
    }
    Ok(entry.to_owned())
}

/// Checks an `allowed-hosts` entry and returns it lowercased, without a trailing dot.
fn check_host_pattern(entry: &str) -> Result<String, String> {
    let q = quote(entry);
    if entry.is_empty() {
        return Err("an empty host in `allowed-hosts`".to_owned());
    }
    if let Some(sep) = entry.find("://") {
        let host = share_schema::rules::url::authority(&entry[sep + 3..]);
        return Err(format!(
            "`{q}` is a URL; `allowed-hosts` lists host names, such as `{}`",
            quote(host)
        ));
    }
    if entry.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("`{q}` is not a host name: it contains whitespace"));
    }
    if entry.contains(['/', '?', '#', '@']) {
        return Err(format!(
            "`{q}` is not a host name; write the host alone, such as `example.com`"
        ));
    }
    let (wildcard, host) = match entry.strip_prefix("*.") {
        Some(rest) => (true, rest),
        None => (false, entry),
    };
    if host.contains('*') {
        let message = if entry == "*" {
            format!("`{q}` would allow every host; remove `allowed-hosts` to allow any host")
        } else {
            format!("`{q}`: a wildcard is only allowed as a leading `*.`, such as `*.example.com`")
        };
        return Err(message);
    }
    let is_ipv6 = host.starts_with('[') && host.ends_with(']');
    if !is_ipv6 && host.contains(':') {
        let without_port = &host[..host.find(':').unwrap_or(host.len())];
        return Err(format!(
            "`{q}` has a port; hosts are compared without ports, so write `{}{}`",
            if wildcard { "*." } else { "" },
            quote(without_port)
        ));
    }
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.chars().count() > MAX_HOST_CHARS {
        return Err(format!(
            "`{q}` is not a host name: it is longer than {MAX_HOST_CHARS} characters"
        ));
    }
    if host.is_empty() || host.starts_with('.') || host.contains("..") {
        return Err(format!("`{q}` is not a host name"));
    }
    let host = host.to_lowercase();
    Ok(if wildcard { format!("*.{host}") } else { host })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_patterns() {
        assert_eq!(
            check_host_pattern("Example.COM."),
            Ok("example.com".to_owned())
        );
        assert_eq!(
            check_host_pattern("*.Example.com"),
            Ok("*.example.com".to_owned())
        );
        assert_eq!(check_host_pattern("[::1]"), Ok("[::1]".to_owned()));
        assert_eq!(check_host_pattern("例子.中国"), Ok("例子.中国".to_owned()));
        assert_eq!(
            check_host_pattern("https://example.com/x").unwrap_err(),
            "`https://example.com/x` is a URL; `allowed-hosts` lists host names, such as `example.com`"
        );
        assert_eq!(
            check_host_pattern("example.com:8080").unwrap_err(),
            "`example.com:8080` has a port; hosts are compared without ports, so write `example.com`"
        );
        assert!(check_host_pattern("*").unwrap_err().contains("every host"));
        assert!(check_host_pattern("a.*.com")
            .unwrap_err()
            .contains("leading `*.`"));
        for bad in ["", "a b", "a/b", "u@h", ".", "*.", "a..b", ".a"] {
            assert!(check_host_pattern(bad).is_err(), "{bad:?}");
        }
    }
}
