// Every `custom` and `check` function signature the derive accepts: exactly `fn(&T, &mut
// Context)`, what `T` borrows as (`&str` for a `String`, `&[T]` for a `Vec<T>`), and generic
// functions, inferred to `T`; each runs, through `validate()` and `Shape` alike.
use share_schema::{catalog::Rule, Context, Severity, Shape, Validate};

const SEEN: Rule = Rule::new("APP700", "seen", Severity::Info, "a function ran");

fn exact(_: &String, cx: &mut Context) {
    cx.report(&SEEN, "exact");
}
fn borrowed(_: &str, cx: &mut Context) {
    cx.report(&SEEN, "borrowed");
}
fn generic<S: AsRef<str> + ?Sized>(_: &S, cx: &mut Context) {
    cx.report(&SEEN, "generic");
}
fn slice(_: &[u32], cx: &mut Context) {
    cx.report(&SEEN, "slice");
}
fn whole(_: &Card, cx: &mut Context) {
    cx.report(&SEEN, "whole");
}
fn whole_generic<T>(_: &T, cx: &mut Context) {
    cx.report(&SEEN, "whole_generic");
}

#[derive(Validate)]
#[share(check = whole, check = whole_generic)]
struct Card {
    #[share(custom = exact, custom = borrowed, custom = generic)]
    title: String,
    #[share(custom = borrowed)]
    note: Option<String>,
    #[share(custom = slice)]
    sizes: Vec<u32>,
}

fn main() {
    let card = Card {
        title: "t".into(),
        note: Some("n".into()),
        sizes: vec![1],
    };
    let report = card.report();
    let ran: Vec<&str> = report.iter().map(|v| v.message()).collect();
    let expected = ["exact", "borrowed", "generic", "borrowed", "slice", "whole", "whole_generic"];
    assert_eq!(ran.len(), expected.len(), "{ran:?}");
    for e in expected {
        assert!(ran.iter().any(|m| m.ends_with(e)), "{e} did not run: {ran:?}");
    }
    let json = serde_json::json!({"title": "t", "note": "n", "sizes": [1]});
    let mut cx = Context::new();
    assert!(Card::from_json(&json, &mut cx).is_some());
    assert_eq!(cx.violations().len(), expected.len());
}
