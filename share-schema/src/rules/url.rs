//! URL rules: an absolute URL with an allowed scheme (http or https unless told otherwise), a host
//! and no credentials, and the `https` preference; plus their JSON Schema.
//!
//! The accepted grammar is small and written by hand, and [`url_pattern`] is the same grammar as
//! an ECMA-262 regex, so the JSON Schema is exact (a test runs both on the same strings):
//!
//! ```text
//! url       = scheme "://" host [":" port] [rest]
//! scheme    = one of the allowed schemes, ASCII case-insensitive
//! host      = 1*(any char except / ? # @ : [ ] and U+0000–U+0020, U+007F)
//!           / "[" 1*(HEXDIG / ":" / ".") "]"
//! port      = 1*5DIGIT
//! rest      = ("/" / "?" / "#") *(any char except U+0000–U+0020, U+007F)
//! ```
//!
//! ```
//! use share_schema::rules::url;
//!
//! assert!(url::url("https://例子.中国/路径?q=1", &[]).is_ok());
//! let failure = url::url("ftp://example.com/file", &[]).unwrap_err();
//! assert_eq!(failure.message, "uses the `ftp` scheme; only http or https are allowed");
//! assert!(url::https("http://example.com").is_err());
//! ```

use super::Failure;
use serde_json::{json, Value};
use share_json::text::quote;

/// The schemes allowed when the caller passes none.
const DEFAULT_SCHEMES: &[&str] = &["http", "https"];

/// Fails unless `value` is an absolute URL with one of `schemes` (ASCII case-insensitive; an
/// empty slice means http and https), a host, an optional port, and no credentials, spaces or
/// control characters.
///
/// Failures carry a `reason`: `empty`, `not-absolute`, `whitespace`, `scheme`, `credentials` or
/// `host`.
pub fn url(value: &str, schemes: &[&str]) -> Result<(), Failure> {
    let schemes = if schemes.is_empty() {
        DEFAULT_SCHEMES
    } else {
        schemes
    };
    if value.is_empty() {
        return Err(Failure::new("is empty").with_param("reason", "empty"));
    }

    // A scheme has no ':', so the first ':' must start the "://" (a substring search costs more
    // than the whole rest of the check on a typical URL).
    let sep = match value.bytes().position(|b| b == b':') {
        Some(i) if value.as_bytes()[i + 1..].starts_with(b"//") => i,
        _ => return Err(not_absolute(value, schemes)),
    };
    // Before the scheme check, so that " https://…" is reported as the stray space it is.
    if let Some(at) = value.bytes().position(is_space_or_control) {
        return Err(whitespace(value, at));
    }
    // The scheme has no ':', so the first "://" ends it; if the text before is not a scheme, the
    // "://" belongs to something else (a query parameter, say) and the value is relative.
    let (scheme, after) = (&value[..sep], &value[sep + 3..]);
    if !is_scheme(scheme) {
        return Err(not_absolute(value, schemes));
    }

    if !schemes.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        return Err(Failure::new(format!(
            "uses the `{}` scheme; only {} {} allowed",
            quote(scheme),
            or_list(schemes),
            if schemes.len() == 1 { "is" } else { "are" },
        ))
        .with_param("reason", "scheme")
        .with_param("actual", scheme)
        .with_param("limit", schemes.to_vec()));
    }

    let authority = authority(after);
    if authority.contains('@') {
        return Err(Failure::new(
            "carries credentials (`user:password@`) before the host",
        )
        .with_help(
            "remove the `user:password@` part; everyone the message is shared with can read it",
        )
        .with_param("reason", "credentials"));
    }

    check_authority(authority, scheme)
}

/// Checks `host [":" port]`, knowing it has no '@', '/', '?', '#' or space.
fn check_authority(authority: &str, scheme: &str) -> Result<(), Failure> {
    let host_fail = |message: String, host: &str| {
        Err(Failure::new(message)
            .with_param("reason", "host")
            .with_param("actual", quote(host)))
    };

    let port = if let Some(inner_and_rest) = authority.strip_prefix('[') {
        let Some(close) = inner_and_rest.find(']') else {
            return host_fail(
                format!("has an unclosed IPv6 host `[{}`", quote(inner_and_rest)),
                authority,
            );
        };
        let inner = &inner_and_rest[..close];
        if inner.is_empty()
            || !inner
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return host_fail(
                format!("has an invalid IPv6 host `[{}]`", quote(inner)),
                inner,
            );
        }
        let rest = &inner_and_rest[close + 1..];
        if !rest.is_empty() && !rest.starts_with(':') {
            return host_fail(
                format!("has unexpected text `{}` after the IPv6 host", quote(rest)),
                rest,
            );
        }
        rest
    } else {
        let end = authority.find(':').unwrap_or(authority.len());
        let host = &authority[..end];
        if host.is_empty() {
            return host_fail(format!("has no host after `{scheme}://`"), host);
        }
        if host.contains(['[', ']']) {
            return host_fail(format!("has an invalid host `{}`", quote(host)), host);
        }
        &authority[end..]
    };

    match port.strip_prefix(':') {
        None => Ok(()),
        Some(digits)
            if (1..=5).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Ok(())
        }
        Some("") => host_fail("has an empty port after `:`".to_owned(), ""),
        Some(digits) => host_fail(
            format!(
                "has an invalid port `{}`; a port is 1 to 5 digits",
                quote(digits)
            ),
            digits,
        ),
    }
}

/// Fails when `value` starts with `http:` (ASCII case-insensitive). Anything else passes,
/// including values that are not URLs at all: [`url`] reports those.
pub fn https(value: &str) -> Result<(), Failure> {
    match value.get(..5) {
        Some(prefix) if prefix.eq_ignore_ascii_case("http:") => {
            Err(Failure::new("uses http; use https")
                .with_help("WeChat and most in-app browsers warn on or block plain http pages")
                .with_param("actual", &prefix[..4]))
        }
        _ => Ok(()),
    }
}

/// The ECMA-262 regex that accepts exactly the values [`url`] accepts with these `schemes`.
///
/// It also compiles with the `regex` crate, with the same meaning. Scheme entries that are not
/// syntactically schemes (letter, then letters, digits, `+`, `-`, `.`) can never match and are
/// left out.
pub fn url_pattern(schemes: &[&str]) -> String {
    let schemes = if schemes.is_empty() {
        DEFAULT_SCHEMES
    } else {
        schemes
    };
    let alternatives: Vec<String> = schemes
        .iter()
        .filter(|s| is_scheme(s))
        .map(|s| case_insensitive(s))
        .collect();
    let scheme = if alternatives.is_empty() {
        // No scheme can match: a class that matches nothing, in both regex dialects.
        r"[^\s\S]".to_owned()
    } else {
        format!("(?:{})", alternatives.join("|"))
    };
    format!(
        concat!(
            r"^{}://",
            r"(?:[^/?#@:\[\]\u0000-\u0020\u007F]+|\[[0-9A-Fa-f:.]+\])",
            r"(?::[0-9]{{1,5}})?",
            r"(?:[/?#][^\u0000-\u0020\u007F]*)?$",
        ),
        scheme
    )
}

/// The schema of [`url`]: `{"pattern": url_pattern(schemes)}`.
pub fn url_schema(schemes: &[&str]) -> Value {
    // Exact: the pattern is the same grammar. No `"format": "uri"`: formats are not asserted by
    // default, and a uri checker could reject values we accept (unencoded non-ASCII paths).
    json!({ "pattern": url_pattern(schemes) })
}

/// The schema of [`https`]: a pattern that rejects exactly the values starting with `http:`.
pub fn https_schema() -> Value {
    // Exact. Written without lookahead (`^(?![Hh][Tt][Tt][Pp]:)` would say the same) so that
    // regex engines without lookaround, such as the `regex` crate, accept it too: the value is
    // shorter than `http:` or differs from it somewhere in its first five characters.
    json!({
        "pattern": "^(?:$|[^Hh]|[Hh](?:$|[^Tt]|[Tt](?:$|[^Tt]|[Tt](?:$|[^Pp]|[Pp](?:$|[^:])))))"
    })
}

/// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986).
fn is_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// U+0000–U+0020 and U+007F; every other byte of a UTF-8 string is part of an allowed char.
fn is_space_or_control(b: u8) -> bool {
    b <= 0x20 || b == 0x7F
}

/// A scheme as a regex without flags: `https` → `[Hh][Tt][Tt][Pp][Ss]`.
fn case_insensitive(scheme: &str) -> String {
    let mut out = String::with_capacity(scheme.len() * 4);
    for c in scheme.chars() {
        match c {
            'a'..='z' | 'A'..='Z' => {
                out.push('[');
                out.push(c.to_ascii_uppercase());
                out.push(c.to_ascii_lowercase());
                out.push(']');
            }
            // Escaped the same way in both dialects; '-' is literal outside a class.
            '+' | '.' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn not_absolute(value: &str, schemes: &[&str]) -> Failure {
    let preferred = if schemes.iter().any(|s| s.eq_ignore_ascii_case("https")) {
        "https"
    } else {
        schemes[0]
    };
    let starts_with = |prefix: &str| {
        value
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    let help = if value.starts_with("//") {
        format!("add the scheme: `{preferred}:{}`", quote(value))
    } else if starts_with("http:") || starts_with("https:") {
        "write `//` after the scheme's colon: `https://host/path`".to_owned()
    } else {
        format!("start it with `{preferred}://`")
    };
    Failure::new(format!("is not an absolute URL: `{}`", quote(value)))
        .with_help(help)
        .with_param("reason", "not-absolute")
}

fn whitespace(value: &str, at: usize) -> Failure {
    let help = if at == 0 || value[at..].bytes().all(is_space_or_control) {
        "remove the leading or trailing whitespace"
    } else {
        "percent-encode it (a space is `%20`)"
    };
    Failure::new(format!(
        "contains a space or control character at byte {at}"
    ))
    .with_help(help)
    .with_param("reason", "whitespace")
    .with_param("actual", at)
}

/// The authority (`host[:port]`, with any `user:password@`) at the start of what follows a URL's
/// `://`: up to the first `/`, `?` or `#`. The one place the toolkit cuts it out.
///
/// ```
/// use share_schema::rules::url::authority;
/// assert_eq!(authority("example.com:8080/path?q#f"), "example.com:8080");
/// ```
pub fn authority(after_scheme: &str) -> &str {
    &after_scheme[..after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len())]
}

/// The host of a URL that passes [`url`] (http or https), without the port; an IPv6 host keeps
/// its brackets. `None` for anything else.
///
/// ```
/// use share_schema::rules::url::host;
/// assert_eq!(host("https://Example.com:8080/x"), Some("Example.com"));
/// assert_eq!(host("https://[::1]:8080/x"), Some("[::1]"));
/// assert_eq!(host("not a url"), None);
/// ```
pub fn host(value: &str) -> Option<&str> {
    url(value, &[]).ok()?;
    let authority = authority(&value[value.find("://")? + 3..]);
    if authority.starts_with('[') {
        let close = authority.find(']')?;
        Some(&authority[..=close])
    } else {
        Some(&authority[..authority.find(':').unwrap_or(authority.len())])
    }
}

/// `http or https`, `a, b or c`.
fn or_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(r: Result<(), Failure>) -> String {
        let f = r.expect_err("should fail");
        f.param("reason")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    }

    #[test]
    fn accepts_ordinary_urls() {
        for ok in [
            "https://example.com",
            "http://example.com/",
            "HTTPS://EXAMPLE.COM/Path?x=1#frag",
            "https://例子.中国/路径",
            "https://[::1]/",
            "https://[2001:db8::7]:8443/x",
            "https://example.com:1",
            "https://example.com:65535/a",
            "https://example.com:99999",
            "https://a?",
            "https://a#",
            "https://a/b:c@d",
            "https://a?next=http://b@c",
        ] {
            assert_eq!(url(ok, &[]), Ok(()), "{ok}");
        }
    }

    #[test]
    fn reasons() {
        assert_eq!(reason(url("", &[])), "empty");
        assert_eq!(reason(url("example.com", &[])), "not-absolute");
        assert_eq!(reason(url("https:example.com", &[])), "not-absolute");
        assert_eq!(reason(url("//example.com", &[])), "not-absolute");
        assert_eq!(reason(url("://example.com", &[])), "not-absolute");
        assert_eq!(reason(url("a/b?u=https://x", &[])), "not-absolute");
        assert_eq!(reason(url("ftp://example.com", &[])), "scheme");
        assert_eq!(
            reason(url("https://user:pw@example.com", &[])),
            "credentials"
        );
        assert_eq!(reason(url("https://@example.com", &[])), "credentials");
        assert_eq!(reason(url("https://", &[])), "host");
        assert_eq!(reason(url("https://:80", &[])), "host");
        assert_eq!(reason(url("https://a:", &[])), "host");
        assert_eq!(reason(url("https://a:123456", &[])), "host");
        assert_eq!(reason(url("https://a:8x", &[])), "host");
        assert_eq!(reason(url("https://[]/", &[])), "host");
        assert_eq!(reason(url("https://[zz]/", &[])), "host");
        assert_eq!(reason(url("https://[::1/", &[])), "host");
        assert_eq!(reason(url("https://[::1]x/", &[])), "host");
        assert_eq!(reason(url("https://a]b/", &[])), "host");
        assert_eq!(reason(url("https://a b", &[])), "whitespace");
        assert_eq!(reason(url(" https://a", &[])), "whitespace");
        assert_eq!(reason(url("https://a/\n", &[])), "whitespace");
        assert_eq!(reason(url("https://a/\u{7f}", &[])), "whitespace");
    }

    #[test]
    fn messages() {
        let f = url("https://a/b c", &[]).unwrap_err();
        assert_eq!(
            f.message,
            "contains a space or control character at byte 11"
        );
        assert_eq!(
            f.help.as_deref(),
            Some("percent-encode it (a space is `%20`)")
        );
        let f = url("https://a/b ", &[]).unwrap_err();
        assert_eq!(
            f.help.as_deref(),
            Some("remove the leading or trailing whitespace")
        );

        let f = url("FTP://x", &["https"]).unwrap_err();
        assert_eq!(f.message, "uses the `FTP` scheme; only https is allowed");
        let f = url("x://y", &["a", "b", "c"]).unwrap_err();
        assert_eq!(f.message, "uses the `x` scheme; only a, b or c are allowed");

        let f = url("https://u:p@x", &[]).unwrap_err();
        assert!(f.message.contains("credentials"), "{}", f.message);
        // The secret itself is not repeated in the report.
        assert!(!f.message.contains("u:p"));
        assert!(f.help.is_some());

        let long = "x".repeat(100);
        let f = url(&long, &[]).unwrap_err();
        assert_eq!(
            f.message,
            format!("is not an absolute URL: `{}…`", "x".repeat(60))
        );
        let f = url("HTTPS:example.com", &[]).unwrap_err();
        assert_eq!(
            f.help.as_deref(),
            Some("write `//` after the scheme's colon: `https://host/path`")
        );
        let f = url("http:", &[]).unwrap_err();
        assert!(f.help.unwrap().contains("`//`"));
        let f = url("例子.中国/路径", &[]).unwrap_err();
        assert_eq!(f.help.as_deref(), Some("start it with `https://`"));
        let f = url("//例子.中国", &[]).unwrap_err();
        assert_eq!(
            f.help.as_deref(),
            Some("add the scheme: `https://例子.中国`")
        );

        let f = url("https://", &[]).unwrap_err();
        assert_eq!(f.message, "has no host after `https://`");
        let f = url("https://a:123456", &[]).unwrap_err();
        assert_eq!(
            f.message,
            "has an invalid port `123456`; a port is 1 to 5 digits"
        );
    }

    #[test]
    fn custom_schemes() {
        assert!(url("weixin://dl/business", &["weixin"]).is_ok());
        assert!(url("WeiXin://dl", &["weixin"]).is_ok());
        assert!(url("https://a", &["weixin"]).is_err());
        assert!(url("git+ssh://host/x", &["git+ssh"]).is_ok());
        assert!(url("gitXssh://host/x", &["git+ssh"]).is_err());
    }

    #[test]
    fn https_rule() {
        assert!(https("https://a").is_ok());
        assert!(https("").is_ok());
        assert!(https("http").is_ok());
        assert!(https("example.com").is_ok());
        assert!(https("httpx://a").is_ok());
        let f = https("HtTp://a").unwrap_err();
        assert_eq!(f.message, "uses http; use https");
        assert!(https("http:").is_err());
        // Multibyte text at the start must not panic on a char boundary.
        assert!(https("例子.中国").is_ok());
        assert!(https("http例").is_ok());
    }

    #[test]
    fn https_schema_pattern_agrees_with_rule() {
        let pattern = https_schema()["pattern"].as_str().unwrap().to_owned();
        let re = regex::Regex::new(&pattern).unwrap();
        for s in [
            "",
            "h",
            "H",
            "ht",
            "htt",
            "http",
            "http:",
            "HTTP:",
            "http://a",
            "https://a",
            "hxxp:",
            "httpx",
            "例",
            "http例",
            "ftp:",
            ":",
            "xhttp:",
        ] {
            assert_eq!(re.is_match(s), https(s).is_ok(), "{s:?}");
        }
    }

    /// Tiny deterministic generator (xorshift), so the corpus is the same on every run.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[(self.next() % items.len() as u64) as usize]
        }
    }

    fn corpus() -> Vec<String> {
        let mut out: Vec<String> = [
            "",
            "https://例子.中国/路径",
            "https:example.com",
            "//x",
            "https://",
            "https://:80",
            "https://[::1]:443/",
            "https://[::1]x",
            "https://[]",
            "https://u:p@x/",
            "https://x/a b",
            "ftp://x",
            "://x",
            "https:///x",
            "https://x:/",
            "https://x:00000",
            "https://x:000000",
            "http://😀/😀",
            "https://a\u{0}",
            "https://a\u{7f}b",
            "https://a\u{80}b",
            "https://a\u{a0}b",
            "https://a\u{3000}b",
            "https://x?y=https://z",
            "https://x#@",
            "hTtPs://x",
            "https ://x",
            "https:/x",
            "https://[::1]]",
            "https://x]",
            "https://x[",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();

        let schemes = [
            "http", "https", "HTTPS", "ftp", "", "htt", "httpss", "h ttp", "1http",
        ];
        let seps = ["://", ":/", ":", "//", ":///", "://://"];
        let hosts = [
            "example.com",
            "例子.中国",
            "",
            "[::1]",
            "[2001:db8::1]",
            "[::g]",
            "[",
            "]",
            "a]",
            "[]",
            "u@h",
            "u:p@h",
            ":",
            "a b",
            "x\ty",
            "😀",
            "127.0.0.1",
            "a.b-c_d~e!$&'()*+,;=%20",
        ];
        let ports = [
            "", ":", ":0", ":80", ":65535", ":123456", ":8a", "::80", ":٣",
        ];
        let rests = [
            "",
            "/",
            "?",
            "#",
            "/路径?q=值#片段",
            "/a b",
            "/a\u{7f}",
            "?@",
            "#:",
            "x",
            "/\\",
            "/%zz",
            "//",
            "/\u{1F600}",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..600 {
            out.push(format!(
                "{}{}{}{}{}",
                rng.pick(&schemes),
                rng.pick(&seps),
                rng.pick(&hosts),
                rng.pick(&ports),
                rng.pick(&rests)
            ));
        }
        // Random strings over the characters the grammar cares about.
        let alphabet = [
            "h", "t", "p", "s", "H", "S", ":", "/", "?", "#", "@", "[", "]", ".", "1", "a", " ",
            "\u{0}", "例", "😀", "f",
        ];
        for _ in 0..400 {
            let len = rng.next() % 14;
            let mut s = "https://".to_owned();
            if rng.next().is_multiple_of(3) {
                s.clear();
            }
            for _ in 0..len {
                s.push_str(rng.pick(&alphabet));
            }
            out.push(s);
        }
        out
    }

    #[test]
    fn pattern_agrees_with_rule() {
        for schemes in [&[][..], &["https"][..], &["weixin", "git+ssh", "a.b-c"][..]] {
            let re = regex::Regex::new(&url_pattern(schemes)).unwrap();
            let mut accepted = 0;
            let mut corpus = corpus();
            corpus.extend(
                [
                    "weixin://x",
                    "WEIXIN://x/y",
                    "git+ssh://h",
                    "gitXssh://h",
                    "a.b-c://h",
                    "aXb-c://h",
                ]
                .map(String::from),
            );
            for s in &corpus {
                let rule = url(s, schemes).is_ok();
                assert_eq!(re.is_match(s), rule, "{s:?} with {schemes:?}");
                accepted += usize::from(rule);
            }
            // The corpus exercises both outcomes.
            let expected = if schemes.is_empty() { 50 } else { 3 };
            assert!(accepted >= expected, "only {accepted} accepted");
        }
    }

    #[test]
    fn pattern_without_valid_schemes_matches_nothing() {
        let re = regex::Regex::new(&url_pattern(&["no:pe"])).unwrap();
        assert!(!re.is_match("no:pe://x"));
        assert!(url("no:pe://x", &["no:pe"]).is_err());
    }

    #[test]
    fn schema_pattern_works_in_a_json_schema_validator() {
        let schema = json!({"type": "string", "pattern": url_schema(&[])["pattern"]});
        let validator = jsonschema::validator_for(&schema).unwrap();
        for s in corpus() {
            assert_eq!(validator.is_valid(&json!(s)), url(&s, &[]).is_ok(), "{s:?}");
        }
    }
}
