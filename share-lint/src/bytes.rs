//! Byte comparisons in loops, for the short paths and names a directory walk compares for each
//! file it finds. On the machine of BENCHMARKS.md a call to glibc's `memcmp` on a few bytes cost
//! far more than its instructions: about 4 ms of a 10,000-file walk, where the same comparisons
//! in loops took a tenth of that (`perf`; BENCHMARKS.md, issue 14's ninth session).

/// Whether `a` and `b` are the same bytes.
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The order of `a` and `b`, as `a.cmp(b)` gives it (which calls `memcmp`).
pub(crate) fn order(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    match a.iter().zip(b).find(|(x, y)| x != y) {
        Some((x, y)) => x.cmp(y),
        None => a.len().cmp(&b.len()),
    }
}

/// `bytes` after `prefix`, when it starts with it.
pub(crate) fn after<'b>(bytes: &'b [u8], prefix: &[u8]) -> Option<&'b [u8]> {
    let (head, rest) = bytes.split_at_checked(prefix.len())?;
    same(head, prefix).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The loops say what the slice methods say.
        #[test]
        fn the_loops_agree_with_the_slice_methods(a in "[ab/]{0,6}", b in "[ab/]{0,6}") {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            proptest::prop_assert_eq!(same(a, b), a == b);
            proptest::prop_assert_eq!(after(a, b), a.strip_prefix(b));
            proptest::prop_assert_eq!(order(a, b), a.cmp(b));
        }
    }
}
