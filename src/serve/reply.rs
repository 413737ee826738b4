//! The preview's answers as HTTP responses: a status, a content type,
//! `Cache-Control: no-store` (a preview is never cached) and a body; JSON
//! for the browser editor.

use axum::body::Body;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// `body` as `content_type`, never cached.
pub fn with_type(status: StatusCode, content_type: &'static str, body: impl Into<Body>) -> Response {
    (status, [(CONTENT_TYPE, content_type), (CACHE_CONTROL, "no-store")], body.into()).into_response()
}

/// A short plain-text answer, for errors and refusals.
pub fn text(status: StatusCode, message: &str) -> Response {
    with_type(status, "text/plain; charset=utf-8", format!("{message}\n"))
}

/// `value` as JSON, never cached (the browser editor's answers).
pub fn json(status: StatusCode, value: &serde_json::Value) -> Response {
    with_type(status, "application/json", value.to_string())
}
