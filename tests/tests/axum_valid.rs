//! share-schema's `axum` feature: `Valid<Json<T>>` in a real axum router, driven in-process with
//! tower's `oneshot` (polled on this thread: no server, no runtime). A good payload reaches the
//! handler; a bad one is answered `422` with an RFC 9457 problem listing every violation, the same
//! ones `Shape` reports; the wrong media type is `415`, broken JSON `400`.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use share_schema::axum::{Valid, ValidWith};
use share_schema::{Context, Shape, ShareMessage};
use tower::ServiceExt;

async fn share(Valid(Json(message)): Valid<Json<ShareMessage>>) -> String {
    match message {
        ShareMessage::External(_) => "external".into(),
        ShareMessage::InApp(_) => "in-app".into(),
    }
}

/// Sends `body` as `content_type` to `/share`; the status, the `Content-Type` and the body.
fn send(content_type: &str, body: &str) -> (StatusCode, String, String) {
    send_to(
        Router::new().route("/share", post(share)),
        "/share",
        content_type,
        body,
    )
}

/// Sends `body` as `content_type` to `path` of `app`, polled on this thread.
fn send_to(
    app: Router,
    path: &str,
    content_type: &str,
    body: &str,
) -> (StatusCode, String, String) {
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body.to_owned()))
        .expect("a request");
    pollster::block_on(async {
        let response = app.oneshot(request).await.expect("the router answers");
        let status = response.status();
        let kind = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("a body")
            .to_bytes();
        (status, kind, String::from_utf8_lossy(&bytes).into_owned())
    })
}

const GOOD: &str = r#"{"type": "text", "channelType": ["wx"], "channelObject": {"text": "hi"}}"#;

#[test]
fn a_good_payload_reaches_the_handler() {
    let (status, _, body) = send("application/json", GOOD);
    assert_eq!((status, body.as_str()), (StatusCode::OK, "external"));
    let in_app = r#"{"type": "text", "content": {"text": "hi"}}"#;
    assert_eq!(send("application/json; charset=utf-8", in_app).2, "in-app");
}

#[test]
fn a_bad_payload_is_a_422_problem_listing_every_violation() {
    let bad = json!({
        "type": "miniProgram",
        "channelType": ["wx", "wx_moments"],
        "channelObject": {
            "title": "", "webpageUrl": "ftp://x", "userName": "gh_1", "path": "p", "extra": 1,
        },
    });
    let (status, kind, body) = send("application/json", &bad.to_string());
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(kind, "application/problem+json");
    let problem: Value = serde_json::from_str(&body).expect("a JSON problem");
    assert_eq!(problem["status"], json!(422));
    assert_eq!(problem["type"], json!("about:blank"));
    // Every violation Shape finds, in its order, as pointer + code.
    let mut cx = Context::new();
    let _ = ShareMessage::from_json(&bad, &mut cx);
    let expected: Vec<(String, String)> = cx
        .violations()
        .iter()
        .map(|v| (format!("#{}", v.path()), v.code().to_owned()))
        .collect();
    assert!(expected.len() >= 3, "{expected:?}");
    let errors = problem["errors"].as_array().expect("errors");
    let got: Vec<(String, String)> = errors
        .iter()
        .map(|e| {
            (
                e["pointer"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(got, expected);
    let first = &errors[0];
    for member in ["rule", "severity", "detail"] {
        assert!(first[member].is_string(), "{member} in {first}");
    }
}

#[test]
fn other_bodies_get_their_own_problem() {
    let (status, kind, body) = send("text/plain", GOOD);
    assert_eq!(
        (status, kind.as_str()),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "application/problem+json"
        )
    );
    assert!(body.contains("application/json"), "{body}");
    let (status, _, body) = send("application/json", "{\"channelType\": [");
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let problem: Value = serde_json::from_str(&body).expect("a JSON problem");
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .starts_with("the body is not JSON"));
    assert_eq!(send("application/vnd.api+json", GOOD).0, StatusCode::OK);
}

#[test]
fn a_body_over_the_limit_is_a_413_problem() {
    let app = Router::new()
        .route("/share", post(share))
        .layer(axum::extract::DefaultBodyLimit::max(16));
    let request = Request::post("/share")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(GOOD))
        .expect("a request");
    let response = pollster::block_on(app.oneshot(request)).expect("the router answers");
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

/// The application's state, and the user context its payloads are checked with.
#[derive(Clone)]
struct AppState {
    tenant: Tenant,
}

#[derive(Clone)]
struct Tenant {
    max: usize,
}

impl axum::extract::FromRef<AppState> for Tenant {
    fn from_ref(state: &AppState) -> Tenant {
        state.tenant.clone()
    }
}

fn short(text: &str, tenant: &Tenant, cx: &mut Context) {
    if text.chars().count() > tenant.max {
        cx.report(
            &share_schema::catalog::CUSTOM,
            format!("is over {}", tenant.max),
        );
    }
}

#[derive(serde::Deserialize, share_schema::Validate)]
#[share(context(Tenant))]
struct Note {
    #[share(custom(short))]
    text: String,
}

async fn note(ValidWith(Json(n), tenant): ValidWith<Json<Note>, Tenant>) -> String {
    format!("{} of {}", n.text.len(), tenant.max)
}

#[test]
fn valid_with_takes_the_context_from_the_state() {
    let send_note = |body: &str| {
        let app = Router::new()
            .route("/note", post(note))
            .with_state(AppState {
                tenant: Tenant { max: 3 },
            });
        let (status, _, text) = send_to(app, "/note", "application/json", body);
        (status, text)
    };
    assert_eq!(
        send_note(r#"{"text": "abc"}"#),
        (StatusCode::OK, "3 of 3".to_owned())
    );
    let (status, body) = send_note(r#"{"text": "abcd"}"#);
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("is over 3") && body.contains("SM299"),
        "{body}"
    );
}

#[test]
fn a_pointer_is_written_as_a_uri_fragment() {
    let bad = json!({"type": "text", "content": {"text": "hi", "a b/%": 1}});
    let (status, _, body) = send("application/json", &bad.to_string());
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        problem["errors"][0]["pointer"],
        json!("#/content/a%20b~1%25")
    );
}
