//! The unified diff `--diff` prints: the original text against the fixed one.
//!
//! Myers' algorithm costs O(N·D) for N lines and D changed ones, and `--diff` used to be
//! quadratic on a file of many fixes (a 9 MB file: 77 s, while `--fix` took 0.3 s). Two bounds
//! make it linear now. The fixes of one run are bounded: at most
//! [`MAX_FINDINGS_PER_RULE`](crate::engine::MAX_FINDINGS_PER_RULE) findings of a rule per pass,
//! 10 passes; on that 9 MB file, 1,000 changed lines take 0.3 s of a 2.2 s run, the rest being
//! the 10 lint passes `--fix` makes too. And a deadline bounds whatever else could make D large
//! (a fix rewriting most of a file): past it, `similar` stops searching for the shortest diff and
//! finishes with a longer one, still exact — applying it gives the fixed text. Both texts are
//! known in full, so a specialised diff (hunks from the edits' line ranges) was not needed.

use std::time::{Duration, Instant};

/// How long to search for the shortest diff of one file before settling for a longer one.
const DEADLINE: Duration = Duration::from_secs(2);

/// The unified diff (3 lines of context) turning `old` into `new`, headed `a/NAME` and `b/NAME`;
/// empty when they are equal.
///
/// ```
/// let diff = share_lint::diff::unified("p.json", "{\n\"a\": 1\n}\n", "{\n\"a\": [1]\n}\n");
/// assert_eq!(diff, "--- a/p.json\n+++ b/p.json\n@@ -1,3 +1,3 @@\n {\n-\"a\": 1\n+\"a\": [1]\n }\n");
/// ```
pub fn unified(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .deadline(Instant::now() + DEADLINE)
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
