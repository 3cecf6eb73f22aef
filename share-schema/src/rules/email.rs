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

use super::{Failure, Words};
use serde_json::{json, Value};

/// The HTML standard's regular expression for a valid email address.
pub const EMAIL_PATTERN: &str = "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$";

/// The bytes allowed before the `@`, as a table: one lookup a byte.
const LOCAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric();
        b += 1;
    }
    let punctuation = b"!#$%&'*+/=?^_`{|}~.-";
    let mut i = 0;
    while i < punctuation.len() {
        table[punctuation[i] as usize] = true;
        i += 1;
    }
    table
};

fn local_byte(b: u8) -> bool {
    LOCAL[usize::from(b)]
}

/// Fails when `value` is not a valid email address (see the module docs), saying why.
///
/// One pass over the bytes (the happy path allocates nothing and searches nothing twice).
pub fn email(value: &str) -> Result<(), Failure> {
    let fail = |why: String| {
        let message = Words::new().text("is not an email address: ").text(&why);
        Err(Failure::new(message.done()).with_param("reason", why))
    };
    let bytes = value.as_bytes();
    let Some(at) = bytes.iter().position(|&b| b == b'@') else {
        return fail("it has no `@`".to_owned());
    };
    if at == 0 {
        return fail("nothing comes before the `@`".to_owned());
    }
    if let Some(i) = bytes[..at].iter().position(|&b| !local_byte(b)) {
        let c = value[i..].chars().next().unwrap_or('?');
        return fail(format!("`{c}` is not allowed before the `@`"));
    }
    let mut start = at + 1;
    loop {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'.')
            .map_or(bytes.len(), |i| start + i);
        let label = &bytes[start..end];
        if label.is_empty() {
            return fail("the domain has an empty label".to_owned());
        }
        if let Some(i) = label
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-'))
        {
            let c = value[start + i..].chars().next().unwrap_or('?');
            return fail(format!("`{c}` is not allowed in the domain"));
        }
        let text = &value[start..end];
        if label.len() > 63 {
            return fail(format!("the domain label `{text}` is over 63 bytes"));
        }
        if label[0] == b'-' || label[label.len() - 1] == b'-' {
            return fail(format!("the domain label `{text}` starts or ends with `-`"));
        }
        if end == bytes.len() {
            return Ok(());
        }
        start = end + 1;
    }
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
