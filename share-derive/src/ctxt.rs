//! Collects every attribute error of one derive, so users see them all at once (serde's `Ctxt`).

use std::cell::RefCell;
use std::fmt::Display;

/// The errors found so far; [`Ctxt::check`] turns them into one combined `syn::Error`.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    /// Records an error spanned at `tokens`.
    pub fn error_spanned_by<T: quote::ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.errors
            .borrow_mut()
            .push(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error at `span`.
    pub fn error_at<M: Display>(&self, span: proc_macro2::Span, message: M) {
        self.errors
            .borrow_mut()
            .push(syn::Error::new(span, message));
    }

    /// Records a `syn` parse error.
    pub fn syn_error(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }

    /// `Ok` when nothing was recorded, else all errors combined.
    pub fn check(self) -> syn::Result<()> {
        let mut errors = self.errors.into_inner().into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for e in errors {
            combined.combine(e);
        }
        Err(combined)
    }
}

/// The closest of `candidates` to `name` (edit distance ≤ 2, or equal ignoring case and `_`), else
/// the first that `name` abbreviates.
///
/// The runtime has the same suggestion for JSON keys; a proc-macro cannot depend on it (the
/// runtime depends on this crate), and these ten lines are not worth a crate of their own.
pub fn did_you_mean<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| s.replace('_', "").to_ascii_lowercase();
    if let Some(c) = candidates.iter().find(|c| norm(c) == norm(name)) {
        return Some(c);
    }
    let close = candidates
        .iter()
        .map(|c| (edit_distance(name, c), *c))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c);
    // An abbreviation (`warn` for `warning`) is further than two edits from what it shortens.
    close.or_else(|| {
        (name.len() >= 3)
            .then(|| candidates.iter().find(|c| c.starts_with(name)).copied())
            .flatten()
    })
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}
