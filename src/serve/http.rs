//! The preview's HTTP side: files from the current build, the live-reload
//! event stream, and the error overlay injected into HTML while a build fails.

use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::channel;
use std::sync::Arc;
use std::time::Duration;

use tiny_http::{Header, Request, Response, Server};

use super::State;

const EVENTS: &str = "/__goalsite/events";
const LIVE_JS_PATH: &str = "/__goalsite/live.js";
const LIVE_JS: &str = include_str!("live.js");
const OVERLAY: &str = include_str!("overlay.html");

/// Answers requests until the server stops, each on a thread of its own (event
/// streams stay open).
pub fn run(server: Server, state: Arc<State>) {
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || handle(request, &state));
    }
}

fn handle(request: Request, state: &State) {
    let path = request.url().split(['?', '#']).next().unwrap_or("/").to_owned();
    if path == EVENTS {
        return events(request, state);
    }
    let response = if path == LIVE_JS_PATH {
        with_type(Response::from_data(LIVE_JS.as_bytes().to_vec()), "text/javascript; charset=utf-8")
    } else {
        file_response(&path, state)
    };
    let _ = request.respond(response);
}

/// A file of the build, with the live-reload script (and the overlay, while
/// the last build failed) in HTML pages.
fn file_response(url_path: &str, state: &State) -> Response<std::io::Cursor<Vec<u8>>> {
    let Some(rel) = safe_relative(url_path) else {
        return not_found(state);
    };
    let mut file = state.site.join(&rel);
    if file.is_dir() {
        if !url_path.ends_with('/') {
            let location = format!("{url_path}/");
            return Response::from_data(Vec::new()).with_status_code(301).with_header(header("Location", &location));
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(bytes) => respond_with(bytes, &file, state, 200),
        Err(_) => not_found(state),
    }
}

fn not_found(state: &State) -> Response<std::io::Cursor<Vec<u8>>> {
    let page = state.site.join("404.html");
    let bytes = std::fs::read(&page).unwrap_or_else(|_| b"Not found".to_vec());
    respond_with(bytes, &page, state, 404)
}

fn respond_with(bytes: Vec<u8>, file: &Path, state: &State, status: u16) -> Response<std::io::Cursor<Vec<u8>>> {
    let kind = content_type(file);
    let bytes = if kind.starts_with("text/html") { inject(bytes, state) } else { bytes };
    with_type(Response::from_data(bytes), kind)
        .with_status_code(status)
        .with_header(header("Cache-Control", "no-store"))
}

/// Adds the live-reload script, and the error overlay if the last build failed.
fn inject(bytes: Vec<u8>, state: &State) -> Vec<u8> {
    let Ok(mut html) = String::from_utf8(bytes) else { return Vec::new() };
    let mut extra = String::new();
    if let Some(errors) = state.errors.read().unwrap_or_else(|e| e.into_inner()).as_deref() {
        extra.push_str(&OVERLAY.replace("{{errors}}", &crate::text::escape(errors)));
    }
    extra.push_str(&format!("<script src=\"{LIVE_JS_PATH}\" defer></script>\n"));
    match html.rfind("</body>") {
        Some(i) => html.insert_str(i, &extra),
        None => html.push_str(&extra),
    }
    html.into_bytes()
}

/// Server-Sent Events: `event: reload` each time the site was rebuilt.
fn events(request: Request, state: &State) {
    let (tx, rx) = channel();
    state.clients.lock().unwrap_or_else(|e| e.into_inner()).push(tx);
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n";
    if out.write_all(head.as_bytes()).and_then(|()| out.flush()).is_err() {
        return;
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(()) => "event: reload\ndata: reload\n\n",
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": keep-alive\n\n",
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if out.write_all(message.as_bytes()).and_then(|()| out.flush()).is_err() {
            return;
        }
    }
}

/// The URL path as a path inside the site folder, or `None` if it tries to leave it.
fn safe_relative(url_path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(url_path.trim_start_matches('/')).decode_utf8().ok()?;
    let rel = PathBuf::from(decoded.as_ref());
    rel.components().all(|c| matches!(c, Component::Normal(_))).then_some(rel)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json",
        "ttf" => "font/ttf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn with_type<R: Read>(response: Response<R>, kind: &str) -> Response<R> {
    response.with_header(header("Content-Type", kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_site() {
        assert_eq!(safe_relative("/sv/tillvaxt/"), Some(PathBuf::from("sv/tillvaxt")));
        assert_eq!(safe_relative("/../etc/passwd"), None);
        assert_eq!(safe_relative("/sv/%2e%2e/%2e%2e/x"), None);
        assert_eq!(safe_relative("/"), Some(PathBuf::new()));
    }
}
