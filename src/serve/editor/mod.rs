//! The browser editor on the preview: Decap CMS at `/admin/` (the page, its
//! scripts, and a configuration made for this preview and session), saving
//! through the write route `/__goalsite/api/v1`, which answers Decap's
//! local-backend protocol (`api`) for this computer only (`guard`), reads
//! and writes only the site's content files (`files`), and writes nothing
//! that makes the site worse (`verify`).

mod api;
mod files;
mod guard;
mod verify;

use std::sync::{Arc, RwLock};

use axum::extract::{Request, State as Shared};
use axum::http::header::{HOST, LOCATION};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{middleware, Router};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{reply, State};
use crate::cms::{Edited, Saves, ADMIN_DIR};
use crate::locale::Lang;

/// The write route's path; the session's token goes in its query.
pub const API_PATH: &str = "/__goalsite/api/v1";

/// The editor's part of the preview: the session's token, and the
/// collections made from the site as it last read without errors.
pub struct Editor {
    token: String,
    config: RwLock<Option<Value>>,
}

impl Editor {
    pub fn new() -> Editor {
        Editor { token: new_token(), config: RwLock::new(None) }
    }
}

/// A token no other web page can guess: 256 bits from the operating
/// system's randomness (as the standard library's hash maps seed theirs),
/// the time and the process.
fn new_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hash = Sha256::new();
    for i in 0..4u64 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(i);
        hash.update(h.finish().to_le_bytes());
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    hash.update(now.as_nanos().to_le_bytes());
    hash.update(std::process::id().to_le_bytes());
    hash.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// `/admin/` and the write route, for a preview on this computer.
pub fn routes(state: Arc<State>) -> Router {
    let api = Router::new()
        .route(API_PATH, post(api::answer))
        .route_layer(middleware::from_fn_with_state(Arc::clone(&state), guard::check));
    Router::new()
        .route(&format!("/{ADMIN_DIR}"), get(to_folder))
        .route(&format!("/{ADMIN_DIR}/"), get(page))
        .route(&format!("/{ADMIN_DIR}/index.html"), get(page))
        .route(&format!("/{ADMIN_DIR}/config.yml"), get(config))
        .route(&format!("/{ADMIN_DIR}/{{file}}"), get(script))
        .merge(api)
        .with_state(state)
}

async fn to_folder() -> Response {
    let mut moved = reply::with_type(StatusCode::MOVED_PERMANENTLY, "text/plain; charset=utf-8", "");
    moved.headers_mut().insert(LOCATION, axum::http::HeaderValue::from_static("/admin/"));
    moved
}

/// The language of the admin page and of goalsite's words in the editor:
/// the site's first, where goalsite speaks it.
pub(super) fn site_lang(state: &State) -> Lang {
    crate::config::first_language(&state.root)
        .filter(|&l| crate::messages::speaks(l))
        .unwrap_or_else(|| Lang::known(crate::messages::FALLBACK))
}

async fn page(Shared(state): Shared<Arc<State>>) -> Response {
    reply::with_type(StatusCode::OK, "text/html; charset=utf-8", crate::cms::page(site_lang(&state)))
}

async fn script(uri: Uri) -> Response {
    let name = uri.path().rsplit('/').next().unwrap_or("");
    match crate::cms::asset(name) {
        Some((kind, bytes)) => reply::with_type(StatusCode::OK, kind, bytes.into_owned()),
        None => reply::text(StatusCode::NOT_FOUND, "Not found"),
    }
}

/// The configuration for this preview: the site's collections, saving
/// through the write route at the address the page was opened with (so its
/// requests are same-origin), with the session's token.
async fn config(Shared(state): Shared<Arc<State>>, request: Request) -> Response {
    let host = request.headers().get(HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost").to_owned();
    let worker = Arc::clone(&state);
    let made = tokio::task::spawn_blocking(move || collections(&worker)).await.ok().flatten();
    let Some(mut config) = made else {
        return reply::json(StatusCode::SERVICE_UNAVAILABLE, &serde_json::json!({ "error": "no configuration" }));
    };
    let Some(editor) = &state.editor else { return reply::text(StatusCode::NOT_FOUND, "Not found") };
    let origin = format!("http://{host}");
    let api = format!("{origin}{API_PATH}?token={}", editor.token);
    let name =
        host.rsplit_once(':').filter(|(_, p)| p.bytes().all(|b| b.is_ascii_digit())).map_or(host.as_str(), |(n, _)| n);
    config["backend"] = serde_json::json!({ "name": "proxy", "proxy_url": api, "branch": "main" });
    config["local_backend"] = serde_json::json!({ "url": api, "allowed_hosts": [name] });
    config["publish_mode"] = "simple".into();
    config["site_url"] = format!("{origin}/").into();
    config["display_url"] = format!("{origin}/").into();
    reply::with_type(
        StatusCode::OK,
        "text/yaml; charset=utf-8",
        serde_json::to_string_pretty(&config).unwrap_or_default(),
    )
}

/// The editor's configuration from the site as it is now, or as it last
/// was without errors.
fn collections(state: &State) -> Option<Value> {
    let editor = state.editor.as_ref()?;
    let made = crate::pipeline::prepare(&state.root, Some(&state.base_url), None).ok().map(|prepared| {
        let current = prepared.current();
        let edited = Edited { root: &state.root, site: &current.site, routes: &current.routes, theme: &prepared.theme };
        crate::cms::config(edited, Saves::Local { api: "", site_url: &state.base_url, host: "" })
    });
    let mut kept = editor.config.write().unwrap_or_else(|e| e.into_inner());
    if let Some(config) = made {
        *kept = Some(config);
    }
    kept.clone()
}
