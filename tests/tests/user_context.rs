//! A user context (`#[share(context(T))]`, `validate_with(&t)`), as garde's `context`: the
//! `custom` and `check` functions of such a type receive the application's `&T` — through
//! `validate_with`, `report_with` and a `Context::with_user` given to `Shape` — and without one
//! each reports that it could not run (SM224), never passes in silence.

use serde_json::json;
use share_schema::catalog::CUSTOM;
use share_schema::{Context, Shape, Validate};

/// What the application knows at run time.
struct Tenant {
    host: &'static str,
    max_tags: usize,
}

/// Takes the field's own type (the exact path of the call).
#[allow(clippy::ptr_arg)] // the point: `&String`, not `&str`
fn on_host(url: &String, tenant: &Tenant, cx: &mut Context) {
    if !url.starts_with(&format!("https://{}/", tenant.host)) {
        cx.report(&CUSTOM, format!("is not on {}", tenant.host));
    }
}

/// Takes what the field borrows as (`&str` for a `String`), as a direct call would.
fn no_space(text: &str, _: &Tenant, cx: &mut Context) {
    if text.contains(' ') {
        cx.report(&CUSTOM, "has a space");
    }
}

fn few_tags(post: &Post, tenant: &Tenant, cx: &mut Context) {
    if post.tags.len() > tenant.max_tags {
        cx.report(&CUSTOM, format!("more than {} tags", tenant.max_tags));
    }
}

#[derive(Debug, serde::Deserialize, Validate)]
#[share(context(Tenant), check = few_tags)]
struct Post {
    #[share(custom(on_host))]
    link: String,
    #[share(inner(custom(no_space)))]
    tags: Vec<String>,
    #[share(custom(on_host))]
    more: Option<String>,
    author: Author,
}

/// A nested type with the same context receives it too.
#[derive(Debug, serde::Deserialize, Validate)]
#[share(context(Tenant))]
struct Author {
    #[share(custom(on_host), max_chars = 40)]
    page: String,
}

fn post(link: &str, tags: &[&str]) -> Post {
    Post {
        link: link.into(),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        more: Some("https://a.example/more".into()),
        author: Author {
            page: "https://b.example/me".into(),
        },
    }
}

const A: Tenant = Tenant {
    host: "a.example",
    max_tags: 2,
};

fn said(report: &share_schema::Report) -> Vec<String> {
    report.iter().map(ToString::to_string).collect()
}

#[test]
fn functions_receive_the_context_given() {
    let p = post("https://a.example/x", &["a", "b c", "d"]);
    assert_eq!(
        said(&p.report_with(&A)),
        [
            "error SM299 at /tags/1: has a space",
            "error SM299 at /author/page: is not on a.example",
            "error SM299 at /: more than 2 tags",
        ]
    );
    let b = Tenant {
        host: "b.example",
        max_tags: 5,
    };
    let p = post("https://b.example/x", &["a"]);
    assert_eq!(
        said(&p.report_with(&b)),
        ["error SM299 at /more: is not on b.example"]
    );
    assert!(post("https://a.example/x", &["a"])
        .validate_with(&Tenant {
            host: "a.example",
            max_tags: 1
        })
        .is_err());
}

#[test]
fn without_the_context_each_function_says_it_could_not_run() {
    let p = post("https://a.example/x", &["a"]);
    let report = p.validate().unwrap_err();
    let at: Vec<(&str, &str)> = report.iter().map(|v| (v.code(), v.path())).collect();
    assert_eq!(
        at,
        [
            ("SM224", "/link"),
            ("SM224", "/tags/0"),
            ("SM224", "/more"),
            ("SM224", "/author/page"),
            ("SM224", ""),
        ]
    );
    assert_eq!(
        report.as_slice()[0].message(),
        "could not be checked: this rule needs a `Tenant`; call `validate_with(&tenant)` instead of `validate()`"
    );
    // A context of another type is no context.
    assert_eq!(p.report_with(&"a.example").as_slice()[0].code(), "SM224");
}

fn any_host(_: &str, _: &Tenant, _: &mut Context) {}

/// `custom` with its own code and severity: what the function reports is restated, not that it
/// could not run.
#[derive(Debug, Validate)]
#[share(context(Tenant))]
struct Restated {
    #[share(custom(any_host, code = "APP1", severity = "warning"))]
    link: String,
}

#[test]
fn could_not_run_is_never_restated() {
    let r = Restated { link: "x".into() };
    let report = r.validate().unwrap_err();
    assert_eq!(report.as_slice()[0].code(), "SM224");
    assert_eq!(
        report.as_slice()[0].severity(),
        share_schema::Severity::Error
    );
}

#[test]
fn shape_reads_with_the_context_of_its_context() {
    let json = json!({
        "link": "https://c.example/", "tags": ["x"], "more": null,
        "author": {"page": "https://a.example/me"},
    });
    let mut cx = Context::new().with_user(&A);
    assert!(Post::from_json(&json, &mut cx).is_some());
    let paths: Vec<&str> = cx.violations().iter().map(|v| v.path()).collect();
    assert_eq!(paths, ["/link"]);
}
