//! Who may call the write route. The `Host` check (`host`) has already
//! refused other names; here a request must come from this computer (a
//! loopback connection), from the editor's own page (an `Origin` that is
//! this preview, and no cross-site fetch), as JSON (which a form on another
//! site cannot send without asking first, and this preview never allows),
//! and carry the session's token, which only the editor's configuration
//! holds. Every refusal is JSON, as the editor reads every answer, and in
//! the editor's language.

use std::sync::Arc;

use axum::extract::{Request, State as Shared};
use axum::http::header::{CONTENT_TYPE, HOST, ORIGIN};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

use super::super::listener::Peer;
use super::super::{reply, State};
use crate::messages::Message;

/// Passes the request on, or refuses it with `403` and why.
pub async fn check(Shared(state): Shared<Arc<State>>, request: Request, next: Next) -> Response {
    let token = state.editor.as_ref().map_or("", |e| e.token.as_str());
    match refusal(&request, token) {
        None => next.run(request).await,
        Some(why) => {
            reply::json(StatusCode::FORBIDDEN, &serde_json::json!({ "error": why.text(super::site_lang(&state)) }))
        }
    }
}

/// Why `request` may not write, if it may not; `token` is the session's.
pub fn refusal(request: &Request, token: &str) -> Option<Message> {
    let local = request.extensions().get::<Peer>().is_some_and(|p| p.0.ip().is_loopback());
    if !local {
        return Some(msg!(ServeApiNotLocal));
    }
    let headers = request.headers();
    let one = |name| {
        let mut values = headers.get_all(name).iter();
        match (values.next(), values.next()) {
            (Some(v), None) => v.to_str().ok(),
            _ => None,
        }
    };
    let own = one(HOST).map(|host| format!("http://{host}"));
    let same_site = headers.get("sec-fetch-site").is_none_or(|v| v == "same-origin");
    if one(ORIGIN).is_none() || one(ORIGIN).map(str::to_owned) != own || !same_site {
        return Some(msg!(ServeApiOrigin));
    }
    if !one(CONTENT_TYPE)
        .is_some_and(|t| t.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json")))
    {
        return Some(msg!(ServeApiJson));
    }
    let given = request.uri().query().into_iter().flat_map(|q| q.split('&')).find_map(|p| p.strip_prefix("token="));
    if token.is_empty() || !given.is_some_and(|g| same(g.as_bytes(), token.as_bytes())) {
        return Some(msg!(ServeApiToken));
    }
    None
}

/// Whether `a` and `b` are equal, taking as long for every `a` of their length.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    const TOKEN: &str = "0123456789abcdef0123456789abcdef";

    fn request(headers: &[(&str, &str)], query: &str, peer: &str) -> Request {
        let mut r = Request::builder().method("POST").uri(format!("/__goalsite/api/v1{query}"));
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        let mut r = r.body(Body::empty()).unwrap();
        r.extensions_mut().insert(Peer(peer.parse().unwrap()));
        r
    }

    const EDITOR: [(&str, &str); 3] = [
        ("host", "127.0.0.1:1111"),
        ("origin", "http://127.0.0.1:1111"),
        ("content-type", "application/json; charset=utf-8"),
    ];

    fn with<'a>(changed: (&'a str, &'a str)) -> Vec<(&'a str, &'a str)> {
        EDITOR.iter().map(|&(k, v)| if k == changed.0 { changed } else { (k, v) }).collect()
    }

    #[test]
    fn the_editor_on_this_preview_may_write() {
        let query = format!("?token={TOKEN}");
        assert_eq!(refusal(&request(&EDITOR, &query, "127.0.0.1:5000"), TOKEN), None);
        let on_localhost =
            [("host", "localhost:1111"), ("origin", "http://localhost:1111"), ("content-type", "application/json")];
        assert_eq!(refusal(&request(&on_localhost, &query, "[::1]:5000"), TOKEN), None);
    }

    #[test]
    fn another_site_another_computer_or_no_token_may_not() {
        let query = format!("?token={TOKEN}");
        let refused =
            |headers: &[(&str, &str)], query: &str, peer: &str| refusal(&request(headers, query, peer), TOKEN);
        let other_origin = with(("origin", "http://evil.example"));
        assert_eq!(refused(&other_origin, &query, "127.0.0.1:5000").map(|m| m.id), Some(msg!(ServeApiOrigin).id));
        let other_port = with(("origin", "http://127.0.0.1:8080"));
        assert!(refused(&other_port, &query, "127.0.0.1:5000").is_some(), "another local server is another origin");
        let no_origin: Vec<_> = EDITOR.iter().copied().filter(|(k, _)| *k != "origin").collect();
        assert!(refused(&no_origin, &query, "127.0.0.1:5000").is_some());
        let mut cross = EDITOR.to_vec();
        cross.push(("sec-fetch-site", "cross-site"));
        assert!(refused(&cross, &query, "127.0.0.1:5000").is_some());
        let form = with(("content-type", "text/plain"));
        assert_eq!(refused(&form, &query, "127.0.0.1:5000").map(|m| m.id), Some(msg!(ServeApiJson).id));
        assert_eq!(refused(&EDITOR, "", "127.0.0.1:5000").map(|m| m.id), Some(msg!(ServeApiToken).id));
        assert!(refused(&EDITOR, "?token=0123456789abcdef0123456789abcdee", "127.0.0.1:5000").is_some());
        assert_eq!(refused(&EDITOR, &query, "192.168.1.20:5000").map(|m| m.id), Some(msg!(ServeApiNotLocal).id));
        assert!(refusal(&request(&EDITOR, "?token=", "127.0.0.1:5000"), "").is_some(), "no session, no writing");
    }
}
