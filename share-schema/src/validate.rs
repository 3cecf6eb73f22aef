//! The `Validate` trait: run every `#[share(...)]` rule of a typed value.

use crate::{Context, Report};
use std::any::Any;

/// A type whose values can be checked against its rules.
///
/// Implemented by `#[derive(Validate)]`; implemented here for the containers fields are checked
/// through (`Option`, `Vec`, `Box`, slices and references) and, with no rules, for the leaf types
/// (strings, numbers, `bool`, `serde_json::Value`), so a generic `Page<String>` validates.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Validate`: add `#[derive(share_schema::Validate)]` to it",
    label = "`{Self}` needs `#[derive(Validate)]`",
    note = "a `#[share(nested)]` field, and the type argument of a generic type that derives `Validate` (`Page<T>` needs `T: Validate`, unless `#[share(bound = \"..\")]` says otherwise), are checked with their type's own rules"
)]
pub trait Validate {
    /// Whether a value of this type can have violations of its own. `false` for the leaf types,
    /// so that a container of them (`Vec<String>`, `Option<u8>`) is not walked item by item to
    /// find nothing.
    const HAS_RULES: bool = true;

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

    /// [`report`](Self::report) with a user context: the `custom` and `check` functions of types
    /// that declare `#[share(context(U))]` receive `user` (garde's `validate_with`).
    fn report_with<U: Any>(&self, user: &U) -> Report
    where
        Self: Sized,
    {
        let mut cx = Context::new().with_user(user);
        self.validate_into(&mut cx);
        cx.into_report()
    }

    /// [`validate`](Self::validate) with a user context (see [`report_with`](Self::report_with)).
    /// Without one, a function that needs it reports that it could not run (`SM224`), so a rule is
    /// never skipped in silence.
    ///
    /// ```
    /// use share_schema::{Context, Validate};
    /// struct Tenant { host: &'static str }
    /// fn same_host(url: &str, tenant: &Tenant, cx: &mut Context) {
    ///     if !url.starts_with(&format!("https://{}/", tenant.host)) {
    ///         cx.report(&share_schema::catalog::CUSTOM, format!("not on {}", tenant.host));
    ///     }
    /// }
    /// #[derive(Validate)]
    /// #[share(context(Tenant))]
    /// struct Link {
    ///     #[share(custom(same_host))]
    ///     url: String,
    /// }
    /// let link = Link { url: "https://a.example/x".into() };
    /// assert!(link.validate_with(&Tenant { host: "a.example" }).is_ok());
    /// assert!(link.validate_with(&Tenant { host: "b.example" }).is_err());
    /// assert_eq!(link.validate().unwrap_err().as_slice()[0].code(), "SM224");
    /// ```
    fn validate_with<U: Any>(&self, user: &U) -> Result<(), Report>
    where
        Self: Sized,
    {
        let report = self.report_with(user);
        if report.has_errors() {
            Err(report)
        } else {
            Ok(())
        }
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    const HAS_RULES: bool = T::HAS_RULES;
    fn validate_into(&self, cx: &mut Context) {
        (**self).validate_into(cx);
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    const HAS_RULES: bool = T::HAS_RULES;
    fn validate_into(&self, cx: &mut Context) {
        (**self).validate_into(cx);
    }
}

/// Absent values have nothing to check.
impl<T: Validate> Validate for Option<T> {
    const HAS_RULES: bool = T::HAS_RULES;
    fn validate_into(&self, cx: &mut Context) {
        if let Some(v) = self {
            v.validate_into(cx);
        }
    }
}

impl<T: Validate> Validate for [T] {
    const HAS_RULES: bool = T::HAS_RULES;
    fn validate_into(&self, cx: &mut Context) {
        if !T::HAS_RULES {
            return;
        }
        for (i, item) in self.iter().enumerate() {
            let mark = cx.enter_index(i);
            item.validate_into(cx);
            cx.leave(mark);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    const HAS_RULES: bool = T::HAS_RULES;
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
            const HAS_RULES: bool = false;
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
