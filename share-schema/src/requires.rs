//! What generated code requires of the user's code, checked so that a mistake is reported once,
//! in the derive's words, at the user's tokens: the signature of `custom = f` and `check = f`
//! functions, a field type the derive can read from JSON, a length for `non_empty`, and the
//! type of a constant named by `rule = path` or `code = path`.
//!
//! The first two use the autoref specialization of [`Probe`](crate::structure::Probe): method
//! lookup tries `X` (`&self` methods), then `&X`, then — after the automatic dereference — `X`
//! by value (`Probe` and `RuleFn` are `Copy` for it). The first two levels are the working paths;
//! the last is taken only when both fail, and its method's `where` clause names a trait no type
//! implements, whose `#[diagnostic::on_unimplemented]` says what to write. Without it rustc
//! would report that no method matches and list the runtime's internal traits. The crate root
//! re-exports what these errors name, so rustc prints a path without `__private`.

use crate::rules::HasLength;
use crate::structure::Probe;
use crate::Context;
use serde_json::Value;
use std::borrow::Borrow;
use std::marker::PhantomData;

// ------------------------------------------------------------------ `custom = f`, `check = f`

/// A `custom` or `check` function `F` for values of type `T`.
pub struct RuleFn<T: ?Sized, F>(F, PhantomData<fn(&T)>);

impl<T: ?Sized, F> RuleFn<T, F> {
    /// The function `f`, to be called on a `&T`.
    pub const fn new(f: F) -> Self {
        RuleFn(f, PhantomData)
    }
}

impl<T: ?Sized, F: Copy> Clone for RuleFn<T, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized, F: Copy> Copy for RuleFn<T, F> {}

/// The preferred path: `F` takes exactly `&T` (a generic function is inferred to it).
pub trait ViaExactFn<T: ?Sized> {
    /// `f(value, cx)` for `custom`.
    fn call_custom(&self, value: &T, cx: &mut Context);
    /// `f(value, cx)` for `check`.
    fn call_check(&self, value: &T, cx: &mut Context);
}

impl<T: ?Sized, F: Fn(&T, &mut Context)> ViaExactFn<T> for RuleFn<T, F> {
    fn call_custom(&self, value: &T, cx: &mut Context) {
        (self.0)(value, cx);
    }
    fn call_check(&self, value: &T, cx: &mut Context) {
        (self.0)(value, cx);
    }
}

/// The next path: `F` takes what `T` borrows as (`&str` for a `String`, `&[T]` for a `Vec<T>`),
/// as a direct call would coerce it.
pub trait ViaBorrowFn<T: ?Sized, A: ?Sized> {
    /// `f(value.borrow(), cx)` for `custom`.
    fn call_custom(&self, value: &T, cx: &mut Context);
    /// `f(value.borrow(), cx)` for `check`.
    fn call_check(&self, value: &T, cx: &mut Context);
}

impl<T: ?Sized, A: ?Sized, F> ViaBorrowFn<T, A> for &RuleFn<T, F>
where
    F: Fn(&A, &mut Context),
    T: Borrow<A>,
{
    fn call_custom(&self, value: &T, cx: &mut Context) {
        (self.0)(value.borrow(), cx);
    }
    fn call_check(&self, value: &T, cx: &mut Context) {
        (self.0)(value.borrow(), cx);
    }
}

/// The last resort, taken only when `F` has another signature: a compile error that says which.
pub trait ViaWrongFn<T: ?Sized, F> {
    /// Never compiles: `F` is not a `custom` function for `T`.
    fn call_custom<V, C>(self, value: V, cx: C)
    where
        F: CustomFn<T>;
    /// Never compiles: `F` is not a `check` function for `T`.
    fn call_check<V, C>(self, value: V, cx: C)
    where
        F: CheckFn<T>;
}

impl<T: ?Sized, F> ViaWrongFn<T, F> for RuleFn<T, F> {
    fn call_custom<V, C>(self, _: V, _: C)
    where
        F: CustomFn<T>,
    {
    }
    fn call_check<V, C>(self, _: V, _: C)
    where
        F: CheckFn<T>,
    {
    }
}

/// Implemented by no type: the error of a `custom = f` whose `f` has another signature.
#[diagnostic::on_unimplemented(
    message = "`custom` takes a function `fn(&{T}, &mut share_schema::Context)`",
    label = "expected `fn(&{T}, &mut Context)`, found `{Self}`",
    note = "`custom = f` calls `f(&value, cx)` with the field's value (inside an `Option`, when present) and uses no return value; for a `String` field `fn(&str, &mut Context)` works too, for a `Vec<T>` `fn(&[T], &mut Context)`"
)]
pub trait CustomFn<T: ?Sized> {}

/// Implemented by no type: the error of a `check = f` whose `f` has another signature.
#[diagnostic::on_unimplemented(
    message = "`check` takes a function `fn(&{T}, &mut share_schema::Context)`",
    label = "expected `fn(&{T}, &mut Context)`, found `{Self}`",
    note = "`check = f` calls `f(&value, cx)` with the whole value, after the rules of its fields, and uses no return value"
)]
pub trait CheckFn<T: ?Sized> {}

// ------------------------------- `custom = f`, `check = f` in a type with `#[share(context(C))]`

/// A `custom` or `check` function `F` for values of type `T`, in a type whose user context is
/// `C` (the context is in the type, so an error about `F` names it).
pub struct RuleFnWith<T: ?Sized, C: ?Sized, F>(F, PhantomData<fn(&T, &C)>);

impl<T: ?Sized, C: ?Sized, F> RuleFnWith<T, C, F> {
    /// The function `f`, to be called on a `&T` and a `&C`.
    pub const fn new(f: F) -> Self {
        RuleFnWith(f, PhantomData)
    }
}

impl<T: ?Sized, C: ?Sized, F: Copy> Clone for RuleFnWith<T, C, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized, C: ?Sized, F: Copy> Copy for RuleFnWith<T, C, F> {}

/// The preferred path with a user context: `F` takes exactly `&T` and `&C`.
pub trait ViaExactCtxFn<T: ?Sized, C: ?Sized> {
    /// `f(value, user, cx)` for `custom`.
    fn call_custom_with(&self, value: &T, user: &C, cx: &mut Context);
    /// `f(value, user, cx)` for `check`.
    fn call_check_with(&self, value: &T, user: &C, cx: &mut Context);
}

impl<T: ?Sized, C: ?Sized, F: Fn(&T, &C, &mut Context)> ViaExactCtxFn<T, C>
    for RuleFnWith<T, C, F>
{
    fn call_custom_with(&self, value: &T, user: &C, cx: &mut Context) {
        (self.0)(value, user, cx);
    }
    fn call_check_with(&self, value: &T, user: &C, cx: &mut Context) {
        (self.0)(value, user, cx);
    }
}

/// The next path with a user context: `F` takes what `T` borrows as, and `&C`.
pub trait ViaBorrowCtxFn<T: ?Sized, A: ?Sized, C: ?Sized> {
    /// `f(value.borrow(), user, cx)` for `custom`.
    fn call_custom_with(&self, value: &T, user: &C, cx: &mut Context);
    /// `f(value.borrow(), user, cx)` for `check`.
    fn call_check_with(&self, value: &T, user: &C, cx: &mut Context);
}

impl<T: ?Sized, A: ?Sized, C: ?Sized, F> ViaBorrowCtxFn<T, A, C> for &RuleFnWith<T, C, F>
where
    F: Fn(&A, &C, &mut Context),
    T: Borrow<A>,
{
    fn call_custom_with(&self, value: &T, user: &C, cx: &mut Context) {
        (self.0)(value.borrow(), user, cx);
    }
    fn call_check_with(&self, value: &T, user: &C, cx: &mut Context) {
        (self.0)(value.borrow(), user, cx);
    }
}

/// The last resort with a user context: a compile error that says which signature to write.
pub trait ViaWrongCtxFn<T: ?Sized, C: ?Sized, F> {
    /// Never compiles: `F` is not a `custom` function for `T` with the context `C`.
    fn call_custom_with<V, U, X>(self, value: V, user: U, cx: X)
    where
        F: CustomFnWith<T, C>;
    /// Never compiles: `F` is not a `check` function for `T` with the context `C`.
    fn call_check_with<V, U, X>(self, value: V, user: U, cx: X)
    where
        F: CheckFnWith<T, C>;
}

impl<T: ?Sized, C: ?Sized, F> ViaWrongCtxFn<T, C, F> for RuleFnWith<T, C, F> {
    fn call_custom_with<V, U, X>(self, _: V, _: U, _: X)
    where
        F: CustomFnWith<T, C>,
    {
    }
    fn call_check_with<V, U, X>(self, _: V, _: U, _: X)
    where
        F: CheckFnWith<T, C>,
    {
    }
}

/// Implemented by no type: the error of a `custom = f`, in a type with a user context, whose `f`
/// has another signature.
#[diagnostic::on_unimplemented(
    message = "in a type with `#[share(context({C}))]`, `custom` takes a function `fn(&{T}, &{C}, &mut share_schema::Context)`",
    label = "expected `fn(&{T}, &{C}, &mut Context)`, found `{Self}`",
    note = "`custom = f` calls `f(&value, &context, cx)` with the field's value and the context given to `validate_with`"
)]
pub trait CustomFnWith<T: ?Sized, C: ?Sized> {}

/// Implemented by no type: the error of a `check = f`, in a type with a user context, whose `f`
/// has another signature.
#[diagnostic::on_unimplemented(
    message = "in a type with `#[share(context({C}))]`, `check` takes a function `fn(&{T}, &{C}, &mut share_schema::Context)`",
    label = "expected `fn(&{T}, &{C}, &mut Context)`, found `{Self}`",
    note = "`check = f` calls `f(&value, &context, cx)` with the whole value and the context given to `validate_with`"
)]
pub trait CheckFnWith<T: ?Sized, C: ?Sized> {}

/// Reports that a rule needing a user context of type `C` could not run without one.
pub fn missing_context<C: ?Sized>(cx: &mut Context) {
    let name = std::any::type_name::<C>();
    let base = name.split('<').next().unwrap_or(name);
    let short = base.rsplit("::").next().unwrap_or(base);
    cx.report(
        &crate::catalog::CONTEXT_MISSING,
        format!("could not be checked: this rule needs a `{short}`; call `validate_with(&{})` instead of `validate()`", short.to_lowercase()),
    );
}

// ------------------------------------------------------------------------------- field types

impl<T: ?Sized> Clone for Probe<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Probe<T> {}

/// After `ViaShape` and `ViaSerde`: a field type with neither `Shape` nor `Deserialize`, which
/// the derive cannot read from JSON.
pub trait ViaNeither<T> {
    /// Never compiles: `T` cannot be read.
    fn probe_from_json<V, C>(self, value: V, cx: C) -> Option<T>
    where
        T: JsonField;
    /// Never compiles: `T` cannot be read.
    fn probe_from_json_allowing<V, C, A>(self, value: V, cx: C, allowed: A) -> Option<T>
    where
        T: JsonField;
    /// Never compiles: `T` cannot be read.
    fn probe_expected(self) -> &'static str
    where
        T: JsonField;
    /// `None`: the key is required (a generic type's schema, whose parameters need not be
    /// readable, asks this too).
    fn probe_absent(self) -> Option<T>;
}

impl<T> ViaNeither<T> for Probe<T> {
    fn probe_absent(self) -> Option<T> {
        None
    }
    fn probe_from_json<V, C>(self, _: V, _: C) -> Option<T>
    where
        T: JsonField,
    {
        None
    }
    fn probe_from_json_allowing<V, C, A>(self, _: V, _: C, _: A) -> Option<T>
    where
        T: JsonField,
    {
        None
    }
    fn probe_expected(self) -> &'static str
    where
        T: JsonField,
    {
        ""
    }
}

/// Implemented by no type: the error of a field whose type the derive cannot read from JSON.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from JSON: add `#[derive(share_schema::Validate)]` to it (or `#[derive(serde::Deserialize)]`)",
    label = "`{Self}` implements neither `share_schema::Shape` nor `serde::Deserialize`",
    note = "the derive reads every field from JSON: through `Shape`, which `#[derive(Validate)]` implements with the type's rules, else through serde; a type that is only validated, never read from JSON (a field such as `std::time::Instant`), says so with `#[share(validate_only)]`; in a generic type, a field of a type such as `E::Title` needs `#[share(bound = \"E::Title: share_schema::Validate + share_schema::ShapeOwned + share_schema::JsonSchema\")]`"
)]
pub trait JsonField {}

// ------------------------------------------------------------------------- one error per rule

/// `non_empty`'s schema keyword for `T` (`minLength` or `minItems`).
pub trait ViaLength {
    /// `T::non_empty_schema()`.
    fn probe_non_empty_schema(&self) -> Value;
}

impl<T: HasLength + ?Sized> ViaLength for Probe<T> {
    fn probe_non_empty_schema(&self) -> Value {
        T::non_empty_schema()
    }
}

/// For a `T` without a length: never runs, since `Validate` for the same field does not compile
/// (`non_empty` needs `HasLength`), and it keeps that error from being reported twice.
pub trait ViaNoLength {
    /// `{}`.
    fn probe_non_empty_schema(&self) -> Value;
}

impl<T: ?Sized> ViaNoLength for &Probe<T> {
    fn probe_non_empty_schema(&self) -> Value {
        Value::Object(serde_json::Map::new())
    }
}

// -------------------------------------------------------------------------------- `rule = path`

/// What `rule = path` names: a [`Rule`](crate::catalog::Rule) constant.
#[diagnostic::on_unimplemented(
    message = "`rule = ...` names a `share_schema::catalog::Rule` constant; this one is `{Self}`",
    label = "expected a `Rule` constant",
    note = "declare the rule once, `const TITLE_TOO_LONG: Rule = Rule::new(\"APP001\", \"title-too-long\", Severity::Error, \"...\");`, and name it: `max_bytes(512, rule = TITLE_TOO_LONG)`"
)]
pub trait CatalogRule {
    /// The rule.
    fn rule(&'static self) -> &'static crate::catalog::Rule;
}

#[diagnostic::do_not_recommend] // the message says it: not listed after it
impl CatalogRule for crate::catalog::Rule {
    fn rule(&'static self) -> &'static crate::catalog::Rule {
        self
    }
}

// -------------------------------------------------------------------------------- `code = path`

/// What `code = path` names: a string constant.
#[diagnostic::on_unimplemented(
    message = "`code = ...` takes a string constant; this one is `{Self}`",
    label = "expected a `&str` constant",
    note = "write the code as a literal (`code = \"APP001\"`) or name a constant such as `const TITLE_CODE: &str = \"APP001\";`"
)]
pub trait CodeStr {
    /// The code.
    fn code(&self) -> &'static str;
}

#[diagnostic::do_not_recommend] // the message says it: not listed after it
impl CodeStr for &'static str {
    fn code(&self) -> &'static str {
        self
    }
}
