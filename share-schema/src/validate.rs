//! The `Validate` trait: run every `#[share(...)]` rule of a typed value.

use crate::{Context, Report};

/// A type whose values can be checked against its rules.
///
/// Implemented by `#[derive(Validate)]`; implemented here for the containers `nested` goes
/// through (`Option`, `Vec`, `Box`, slices and references).
pub trait Validate {
    /// Runs every rule, recording violations in `cx` at its current path.
    fn validate_into(&self, cx: &mut Context);

    /// Every violation, warnings and infos included.
    fn report(&self) -> Report {
        let mut cx = Context::new();
        self.validate_into(&mut cx);
        cx.into_report()
    }

    /// `Ok(())` when no error-severity rule fails; otherwise the whole [`Report`].
    fn validate(&self) -> Result<(), Report> {
        let report = self.report();
        if report.has_errors() {
            Err(report)
        } else {
            Ok(())
        }
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_into(&self, cx: &mut Context) {
        (**self).validate_into(cx);
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, cx: &mut Context) {
        (**self).validate_into(cx);
    }
}

/// Absent values have nothing to check.
impl<T: Validate> Validate for Option<T> {
    fn validate_into(&self, cx: &mut Context) {
        if let Some(v) = self {
            v.validate_into(cx);
        }
    }
}

impl<T: Validate> Validate for [T] {
    fn validate_into(&self, cx: &mut Context) {
        for (i, item) in self.iter().enumerate() {
            let mark = cx.enter_index(i);
            item.validate_into(cx);
            cx.leave(mark);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, cx: &mut Context) {
        self.as_slice().validate_into(cx);
    }
}
