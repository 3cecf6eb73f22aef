//! `email`: an address as the HTML standard defines a "valid email address" (what
//! `<input type="email">` accepts): a local part of letters, digits and ``.!#$%&'*+/=?^_`{|}~-``,
//! an `@`, and a domain of dot-separated labels of letters, digits and inner hyphens, each at most
//! 63 bytes. Plus its schema: the standard's own regular expression, so the two agree exactly.
//!
//! ```
//! use share_schema::rules::email;
//!
//! assert!(email::email("ops@kingsoft.com").is_ok());
//! assert_eq!(email::email("ops@-kingsoft.com").unwrap_err().message, "is not an email address: the domain label `-kingsoft` starts or ends with `-`");
//! ```

use super::Failure;
use serde_json::{json, Value};

/// The HTML standard's regular expression for a valid email address.
pub const EMAIL_PATTERN: &str = "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$";

fn local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b)
}

/// Fails when `value` is not a valid email address (see the module docs), saying why.
pub fn email(value: &str) -> Result<(), Failure> {
    let fail = |why: String| {
        Err(Failure::new(format!("is not an email address: {why}")).with_param("reason", why))
    };
    let Some((local, domain)) = value.split_once('@') else {
        return fail("it has no `@`".to_owned());
    };
    if local.is_empty() {
        return fail("nothing comes before the `@`".to_owned());
    }
    if let Some(c) = local
        .chars()
        .find(|&c| !(c.is_ascii() && local_byte(c as u8)))
    {
        return fail(format!("`{c}` is not allowed before the `@`"));
    }
    for label in domain.split('.') {
        let bytes = label.as_bytes();
        if bytes.is_empty() {
            return fail("the domain has an empty label".to_owned());
        }
        if bytes.len() > 63 {
            return fail(format!("the domain label `{label}` is over 63 bytes"));
        }
        if let Some(c) = label
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || c == '-'))
        {
            return fail(format!("`{c}` is not allowed in the domain"));
        }
        if bytes[0] == b'-' || bytes[bytes.len() - 1] == b'-' {
            return fail(format!(
                "the domain label `{label}` starts or ends with `-`"
            ));
        }
    }
    Ok(())
}

/// The schema of [`email`]: the same definition, as the standard's regular expression.
pub fn email_schema() -> Value {
    json!({ "pattern": EMAIL_PATTERN })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_check_and_the_pattern_agree() {
        let re = regex::Regex::new(EMAIL_PATTERN).unwrap();
        let long = "a".repeat(63);
        let too_long = "a".repeat(64);
        let cases = [
            "a@b",
            "a.b+c@d-e.f",
            "x@localhost",
            "@a",
            "a@",
            "a@@b",
            "a@b..c",
            "a@.b",
            "a@b.",
            "a b@c",
            "é@c",
            "a@é",
            "a@-b",
            "a@b-",
            "a@b_c",
            "!#$%&'*+/=?^_`{|}~-.@x",
        ];
        let domains = [format!("a@{long}.com"), format!("a@{too_long}.com")];
        for case in cases
            .iter()
            .copied()
            .chain(domains.iter().map(String::as_str))
        {
            assert_eq!(email(case).is_ok(), re.is_match(case), "{case:?}");
        }
        assert!(email("a@b").is_ok());
        assert!(email("a@b..c").is_err());
    }
}
