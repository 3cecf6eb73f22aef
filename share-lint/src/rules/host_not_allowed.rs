//! `SM804` `host-not-allowed`: a URL whose host is not in the configuration's `allowed-hosts`.

use crate::settings::{shown_list, Policy};
use share_json::text::quote;
use share_schema::rules::url;
use share_schema::{Context, ExternalShare, InAppShare, ShareMessage, Violation};

crate::declare_rule! {
    /// ## What it does
    /// Reports a `webpageUrl` (web page and mini program cards), an in-app `url` or an in-app
    /// `image` whose host is not in `[policy] allowed-hosts`. Hosts are compared
    /// case-insensitively and without the port; `*.example.com` allows every subdomain of
    /// example.com, but not example.com itself. A value that is not an absolute http(s) URL is
    /// left to `invalid-url`.
    ///
    /// ## Why is this bad?
    /// A shared card sends everyone who opens it to that page: a test server, a typo-squatted
    /// domain or a third party's page in a share payload reaches real users under the project's
    /// name.
    ///
    /// ## Example
    /// ```jsonc
    /// // share-lint.toml: [policy] allowed-hosts = ["example.com", "*.example.com"]
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": { "title": "活动", "webpageUrl": "https://staging.example.net/event" }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": { "title": "活动", "webpageUrl": "https://event.example.com/" }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix. Only the author knows the right page.
    pub struct HostNotAllowed {
        rule: HOST_NOT_ALLOWED,
        fix: None,
    }
}

impl HostNotAllowed {
    /// Reports every URL of `message` whose host `policy` does not allow; `cx` is at the params
    /// object.
    pub fn check(message: &ShareMessage, policy: &Policy, cx: &mut Context) {
        let Some(allowed) = policy.allowed_hosts.as_deref() else {
            return;
        };
        match message {
            ShareMessage::External(ExternalShare::WebPage { channel_object, .. }) => {
                let urls = [("webpageUrl", Some(&channel_object.webpage_url))];
                check_urls(cx, "channelObject", &urls, allowed);
            }
            ShareMessage::External(ExternalShare::MiniProgram { channel_object, .. }) => {
                let urls = [("webpageUrl", Some(&channel_object.webpage_url))];
                check_urls(cx, "channelObject", &urls, allowed);
            }
            ShareMessage::InApp(InAppShare::WebPage { content, .. }) => {
                let urls = [
                    ("url", Some(&content.url)),
                    ("image", content.image.as_ref()),
                ];
                check_urls(cx, "content", &urls, allowed);
            }
            ShareMessage::External(ExternalShare::Text { .. })
            | ShareMessage::InApp(InAppShare::Text { .. } | InAppShare::Markdown { .. }) => {}
        }
    }
}

fn check_urls(
    cx: &mut Context,
    object: &str,
    urls: &[(&str, Option<&String>)],
    allowed: &[String],
) {
    let mark = cx.enter_key(object);
    for (key, value) in urls {
        let Some(value) = value else { continue };
        let Some(host) = url::host(value) else {
            continue;
        };
        if is_allowed(host, allowed) {
            continue;
        }
        let shown = quote(host);
        let rule = HostNotAllowed::RULE;
        let v = Violation::new(
            rule.rule,
            "",
            format!(
                "`{key}` points to `{shown}`, a host not in `allowed-hosts` ({})",
                shown_list(allowed)
            ),
        )
        .with_help(format!(
            "point it to an allowed host, or add `{shown}` to `allowed-hosts` in share-lint.toml"
        ))
        .with_param("host", host)
        .with_param("allowed", allowed.to_vec());
        let key_mark = cx.enter_key(key);
        cx.push(v);
        cx.leave(key_mark);
    }
    cx.leave(mark);
}

/// Whether `host` matches an entry of `allowed`: equal ignoring case (and a trailing dot), or a
/// proper subdomain of a `*.domain` entry.
fn is_allowed(host: &str, allowed: &[String]) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host).to_lowercase();
    allowed.iter().any(|entry| {
        let entry = entry.to_lowercase();
        let entry = entry.strip_suffix('.').unwrap_or(&entry);
        match entry.strip_prefix("*.") {
            Some(domain) => host
                .strip_suffix(domain)
                .and_then(|sub| sub.strip_suffix('.'))
                .is_some_and(|sub| !sub.is_empty()),
            None => host == entry,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_match_ignoring_case_and_wildcards_match_subdomains_only() {
        let allowed = [
            "*.Example.com".to_owned(),
            "[::1]".to_owned(),
            "例子.中国".to_owned(),
        ];
        assert!(is_allowed("a.example.COM", &allowed));
        assert!(!is_allowed("example.com", &allowed));
        assert!(is_allowed("[::1]", &allowed));
        assert!(is_allowed("例子.中国", &allowed));
        assert!(!is_allowed("", &allowed));
        assert!(!is_allowed(".example.com", &allowed));
    }
}
