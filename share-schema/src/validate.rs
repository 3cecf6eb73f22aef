//! The `Validate` trait: run every `#[share(...)]` rule of a typed value.

use crate::{Context, Report};

/// A type whose values can be checked against its rules.
///
/// Implemented by `#[derive(Validate)]`; implemented here for the containers fields are checked
/// through (`Option`, `Vec`, `Box`, slices and references) and, with no rules, for the leaf types
/// (strings, numbers, `bool`, `serde_json::Value`), so a generic `Page<String>` validates.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Validate`: add `#[derive(share_schema::Validate)]` to it",
    label = "`{Self}` needs `#[derive(Validate)]`",
    note = "a `#[share(nested)]` field, and the type argument of a generic type that derives `Validate` (`Page<T>` needs `T: Validate`), are checked with their type's own rules"
)]
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

/// Leaf types: nothing of their own to check (the rules on a field check its value).
macro_rules! no_rules {
    ($($t:ty),* $(,)?) => {$(
        // Not listed as "other types that implement `Validate`" in errors: they have no rules.
        #[diagnostic::do_not_recommend]
        impl Validate for $t {
            fn validate_into(&self, _: &mut Context) {}
        }
    )*};
}
no_rules!(
    str,
    String,
    bool,
    char,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64,
    serde_json::Value,
    std::sync::Arc<str>,
    std::rc::Rc<str>,
    std::borrow::Cow<'_, str>,
);
