//! The `axum` feature: [`Valid<Json<T>>`](Valid), an extractor that reads a JSON body with `T`'s
//! [`Shape`] — structure and rules at once — and answers a body that breaks an error rule with
//! `422 Unprocessable Content` and an RFC 9457 problem document listing *every* violation, each
//! with its JSON Pointer, code, severity and message (what axum-valid gives garde users, with
//! paths in the JSON's own names).
//!
//! ```
//! use axum::{routing::post, Json, Router};
//! use share_schema::{axum::Valid, ShareMessage};
//!
//! async fn share(Valid(Json(message)): Valid<Json<ShareMessage>>) -> String {
//!     format!("{message:?}")
//! }
//! let app: Router = Router::new().route("/share", post(share));
//! ```
//!
//! The other answers: a body that is not `application/json` (or `+json`) is `415`, one over the
//! router's body limit `413`, JSON that does not parse `400`; all are problem documents too.
//! Warnings and infos do not reject: a body with only those is accepted.
//!
//! A type with a user context (`#[share(context(Tenant))]`) is read with
//! [`ValidWith<Json<T>, Tenant>`](ValidWith), which takes the `Tenant` from the router's state
//! (axum's `FromRef`) and hands it to the handler too.

use crate::{Context, Severity, ShapeOwned, Violation};
use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// A `T` read from the request body and valid by its rules: `Valid(Json(value))`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Valid<E>(pub E);

/// [`Valid`], with the user context `C` from the router's state given to `T`'s rules (and to the
/// handler): `ValidWith(Json(value), tenant)`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ValidWith<E, C>(pub E, pub C);

/// Why [`Valid`] refused a request, answered as an RFC 9457 problem document
/// (`application/problem+json`).
#[derive(Debug)]
pub enum Rejection {
    /// `415`: the body is not JSON by its `Content-Type`.
    NotJson,
    /// `413`: the body is over the router's limit (axum's `DefaultBodyLimit`).
    TooLarge(String),
    /// `400`: the body could not be read, or is not JSON text.
    Unreadable(String),
    /// `422`: the body breaks error rules; every violation found (warnings included).
    Invalid(Vec<Violation>),
}

impl<S, T> FromRequest<S> for Valid<Json<T>>
where
    S: Send + Sync,
    T: ShapeOwned,
{
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        let value = body(req, state).await?;
        shaped(&value, Context::new()).map(|v| Valid(Json(v)))
    }
}

impl<S, T, C> FromRequest<S> for ValidWith<Json<T>, C>
where
    S: Send + Sync,
    T: ShapeOwned,
    C: FromRef<S> + std::any::Any + Send,
{
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        let value = body(req, state).await?;
        let user = C::from_ref(state);
        let built = shaped(&value, Context::new().with_user(&user))?;
        Ok(ValidWith(Json(built), user))
    }
}

/// The JSON body of `req`, or why not.
async fn body<S: Send + Sync>(req: Request, state: &S) -> Result<Value, Rejection> {
    if !is_json(req.headers()) {
        return Err(Rejection::NotJson);
    }
    let bytes = Bytes::from_request(req, state).await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Rejection::TooLarge(e.body_text())
        } else {
            Rejection::Unreadable(e.body_text())
        }
    })?;
    serde_json::from_slice(&bytes).map_err(|e| Rejection::Unreadable(e.to_string()))
}

/// `value` read as a `T` with `cx` (and its user context), or every violation.
fn shaped<T: ShapeOwned>(value: &Value, mut cx: Context<'_>) -> Result<T, Rejection> {
    let built = T::from_json(value, &mut cx);
    match built {
        Some(value) if !cx.has_errors_since(0) => Ok(value),
        _ => Err(Rejection::Invalid(cx.into_report().as_slice().to_vec())),
    }
}

/// Whether the `Content-Type` is `application/json` or another `+json` type, as axum's `Json`
/// reads it.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.split_once('/') {
        Some(("application", sub)) => sub == "json" || sub.ends_with("+json"),
        _ => false,
    }
}

impl Rejection {
    /// The HTTP status it is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            Rejection::NotJson => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Rejection::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Rejection::Unreadable(_) => StatusCode::BAD_REQUEST,
            Rejection::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// The problem document (RFC 9457): `type`, `title`, `status`, `detail`, and for `422`
    /// `errors`, one member per violation (`pointer` as a URI fragment, as the RFC's example
    /// writes it; `code`, `rule`, `severity`, `detail`).
    pub fn problem(&self) -> Value {
        let status = self.status().as_u16();
        match self {
            Rejection::NotJson => json!({
                "type": "about:blank",
                "title": "Unsupported Media Type",
                "status": status,
                "detail": "the body must be JSON: send `Content-Type: application/json`",
            }),
            Rejection::TooLarge(why) => json!({
                "type": "about:blank",
                "title": "Content Too Large",
                "status": status,
                "detail": format!("the body is over the limit: {why}"),
            }),
            Rejection::Unreadable(why) => json!({
                "type": "about:blank",
                "title": "Bad Request",
                "status": status,
                "detail": format!("the body is not JSON: {why}"),
            }),
            Rejection::Invalid(violations) => {
                let errors = violations
                    .iter()
                    .filter(|v| v.severity() == Severity::Error)
                    .count();
                let all: Vec<Value> = violations.iter().map(problem_error).collect();
                json!({
                    "type": "about:blank",
                    "title": "Unprocessable Content",
                    "status": status,
                    "detail": format!(
                        "the body breaks {errors} rule{}; `errors` lists every finding",
                        if errors == 1 { "" } else { "s" }
                    ),
                    "errors": all,
                })
            }
        }
    }
}

/// One violation as a member of the problem's `errors`.
fn problem_error(v: &Violation) -> Value {
    // RFC 6901's URI fragment form: `#` then the pointer, each byte outside the fragment's
    // characters percent-encoded.
    let mut pointer = String::from("#");
    for b in v.path().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                pointer.push(char::from(b))
            }
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b':'
            | b'@' | b'?' => pointer.push(char::from(b)),
            other => pointer.push_str(&format!("%{other:02X}")),
        }
    }
    json!({
        "pointer": pointer,
        "code": v.code(),
        "rule": v.rule().name,
        "severity": v.severity().to_string(),
        "detail": v.message(),
    })
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let mut response = (self.status(), Json(self.problem())).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}
