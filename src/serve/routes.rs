//! What the preview answers, as an axum router: the site, the live-reload
//! script and its event stream, each for `GET` and `HEAD` only, and on a
//! preview on this computer the browser editor with its write route; every
//! request passes the `Host` check first.

use std::sync::Arc;

use axum::handler::Handler;
use axum::http::{header::ALLOW, HeaderValue, StatusCode};
use axum::middleware;
use axum::response::Response;
use axum::routing::{get, MethodRouter};
use axum::Router;

use super::host::{self, Hosts};
use super::{editor, events, reply, site, State};

/// Everything the preview answers. The browser editor (`/admin/` and its
/// write route under `/__goalsite/api/`, whose `route_layer` checks where a
/// request comes from, its `Origin` and the session's token) is merged in
/// on a preview on this computer only.
pub fn app(state: Arc<State>, hosts: Hosts) -> Router {
    let routes = match (&state.editor, &hosts) {
        (Some(_), Hosts::Local { .. }) => preview(Arc::clone(&state)).merge(editor::routes(state)),
        _ => preview(state),
    };
    for_this_host(routes, hosts)
}

/// `routes`, for requests that name this preview only.
fn for_this_host(routes: Router, hosts: Hosts) -> Router {
    routes.layer(middleware::from_fn_with_state(Arc::new(hosts), host::check))
}

/// The read-only preview: the site's files at any other path.
fn preview(state: Arc<State>) -> Router {
    Router::new()
        .route(events::EVENTS_PATH, read_only(events::stream))
        .route(site::LIVE_JS_PATH, read_only(site::live_js))
        .fallback_service(read_only(site::page).with_state(Arc::clone(&state)))
        .with_state(state)
}

/// `handler` for `GET` (and `HEAD`: the same headers, no body); any other
/// method gets `405` naming the two.
fn read_only<H, T>(handler: H) -> MethodRouter<Arc<State>>
where
    H: Handler<T, Arc<State>>,
    T: 'static,
{
    get(handler).fallback(only_get_and_head)
}

async fn only_get_and_head() -> Response {
    let mut refused = reply::text(StatusCode::METHOD_NOT_ALLOWED, "Only GET and HEAD are answered.");
    refused.headers_mut().insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
    refused
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::extract::Request;
    use axum::http::header::HOST;
    use axum::routing::post;
    use std::sync::RwLock;
    use tower_service::Service;

    fn state(site: &std::path::Path) -> Arc<State> {
        let (root, base_url) = (site.to_path_buf(), "http://127.0.0.1:1111/".to_owned());
        Arc::new(State {
            root,
            site: site.to_path_buf(),
            base_url,
            lang: crate::locale::Lang::known("en"),
            errors: RwLock::new(None),
            events: events::Events::new(1),
            editor: None,
        })
    }

    /// (status, `Allow`) of `method path` with `Host: host`.
    fn answer(app: &Router, method: &str, path: &str, host: &str) -> (u16, Option<String>) {
        let request = Request::builder().method(method).uri(path).header(HOST, host).body(Body::empty()).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let response = runtime.block_on(app.clone().call(request)).unwrap();
        let allow = response.headers().get(ALLOW).and_then(|v| v.to_str().ok()).map(str::to_owned);
        (response.status().as_u16(), allow)
    }

    /// The preview with a write route merged in, as the browser editor's will be.
    #[test]
    fn a_write_route_is_one_merge_and_the_rest_stays_read_only() {
        let site = tempfile::tempdir().unwrap();
        std::fs::write(site.path().join("index.html"), "<body></body>").unwrap();
        let api = Router::new().route("/__goalsite/api/pages", post(|| async { StatusCode::NO_CONTENT }));
        let hosts = Hosts::for_address("127.0.0.1:1111".parse().unwrap());
        let app = for_this_host(preview(state(site.path())).merge(api), hosts);
        assert_eq!(answer(&app, "POST", "/__goalsite/api/pages", "localhost"), (204, None));
        assert_eq!(answer(&app, "POST", "/__goalsite/api/pages", "evil.example").0, 421, "the Host check first");
        assert_eq!(answer(&app, "GET", "/__goalsite/api/pages", "localhost"), (405, Some("POST".to_owned())));
        for path in ["/", "/__goalsite/events", "/__goalsite/live.js"] {
            assert_eq!(answer(&app, "POST", path, "localhost"), (405, Some("GET, HEAD".to_owned())), "{path}");
        }
        assert_eq!(answer(&app, "GET", "/", "localhost"), (200, None));
        assert_eq!(answer(&app, "HEAD", "/__goalsite/live.js", "localhost"), (200, None));
    }
}
