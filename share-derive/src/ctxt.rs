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

/// The candidate `name` most likely meant: the toolkit's one "did you mean"
/// ([`share_json::text::suggest`]), which also finds `max_bytes` for `maxbytes`.
pub fn did_you_mean<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    share_json::text::suggest(name, candidates).or_else(|| {
        // Attribute keys are snake_case: `maxbytes` and `MaxBytes` mean `max_bytes`.
        let norm = |s: &str| s.replace('_', "").to_ascii_lowercase();
        candidates.iter().find(|c| norm(c) == norm(name)).copied()
    })
}
