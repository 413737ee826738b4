//! Answers from the current build: the file a path names (a folder's
//! `index.html`), the 404 page, and in HTML the live-reload script and, while
//! the last build failed, the error overlay.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::extract::State as Shared;
use axum::http::{header::LOCATION, StatusCode, Uri};
use axum::response::Response;
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use crate::build::BuildError;
use crate::locale::Lang;

use super::{reply, State};

pub const LIVE_JS_PATH: &str = "/__goalsite/live.js";
const LIVE_JS: &str = include_str!("live.js");
const OVERLAY: &str = include_str!("overlay.html");

/// What a path segment must not hold as is in a `Location`: with `/` and `\`
/// encoded, no segment can turn the path into another host (`//host`, `/\host`).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'/')
    .add(b'\\');

/// The live-reload script.
pub async fn live_js() -> Response {
    reply::with_type(StatusCode::OK, "text/javascript; charset=utf-8", LIVE_JS)
}

/// Any other path: a file of the site. Files are small and local, so they
/// are read as they are asked for, without a thread of their own.
pub async fn page(Shared(state): Shared<Arc<State>>, uri: Uri) -> Response {
    answer(uri.path(), &state)
}

/// The answer to `GET url_path` (the request target without its query).
fn answer(url_path: &str, state: &State) -> Response {
    let Some(rel) = safe_relative(url_path) else {
        return not_found(url_path, state);
    };
    let mut file = state.site.join(&rel);
    if file.is_dir() {
        if !url_path.ends_with('/') {
            let mut moved = reply::with_type(StatusCode::MOVED_PERMANENTLY, "text/plain; charset=utf-8", "");
            if let Ok(location) = folder_location(&rel).parse() {
                moved.headers_mut().insert(LOCATION, location);
            }
            return moved;
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(bytes) => respond_with(bytes, &file, url_path, state, StatusCode::OK),
        Err(_) => not_found(url_path, state),
    }
}

fn not_found(url_path: &str, state: &State) -> Response {
    let page = state.site.join("404.html");
    let bytes = std::fs::read(&page).unwrap_or_else(|_| b"Not found".to_vec());
    respond_with(bytes, &page, url_path, state, StatusCode::NOT_FOUND)
}

fn respond_with(bytes: Vec<u8>, file: &Path, url_path: &str, state: &State, status: StatusCode) -> Response {
    let kind = content_type(file);
    let bytes = if kind.starts_with("text/html") { inject(bytes, url_path, state) } else { bytes };
    reply::with_type(status, kind, bytes)
}

/// Adds the live-reload script, and the error overlay if the last build
/// failed: in the page's language, or (no page built yet) the address's.
fn inject(bytes: Vec<u8>, url_path: &str, state: &State) -> Vec<u8> {
    let Ok(mut html) = String::from_utf8(bytes) else { return Vec::new() };
    let mut extra = String::new();
    if let Some(error) = state.errors.read().unwrap_or_else(|e| e.into_inner()).as_deref() {
        let lang = page_lang(&html).or_else(|| address_lang(url_path)).unwrap_or(state.lang);
        extra.push_str(&overlay(error, lang));
    }
    extra.push_str(&format!("<script src=\"{LIVE_JS_PATH}\" defer></script>\n"));
    match html.rfind("</body>") {
        Some(i) => html.insert_str(i, &extra),
        None => html.push_str(&extra),
    }
    html.into_bytes()
}

/// The box over a page while the last build failed, in the page's language
/// (`lang`) where goalsite speaks it.
fn overlay(error: &BuildError, lang: Lang) -> String {
    let lang = if crate::messages::speaks(lang) { lang } else { Lang::known(crate::messages::FALLBACK) };
    OVERLAY
        .replace("{{lang}}", lang.as_str())
        .replace("{{title}}", &crate::text::escape(&msg!(OverlayTitle).text(lang)))
        .replace("{{text}}", &crate::text::escape(&msg!(OverlayText).text(lang)))
        .replace("{{errors}}", &crate::text::escape(&error.show(lang)))
}

/// The language a page says it is in (`<html lang="sv">`).
fn page_lang(html: &str) -> Option<Lang> {
    let rest = &html[html.find("<html lang=\"")? + "<html lang=\"".len()..];
    Lang::new(&rest[..rest.find('"')?])
}

/// The language an address starts with (`/en/…`), if goalsite speaks it.
fn address_lang(url_path: &str) -> Option<Lang> {
    let first = url_path.trim_start_matches('/').split('/').next()?;
    Lang::new(first).filter(|&l| crate::messages::speaks(l))
}

/// The URL path as a path inside the site folder, or `None` if it tries to
/// leave it. Empty segments (`//`) are dropped.
fn safe_relative(url_path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(url_path.trim_start_matches('/')).decode_utf8().ok()?;
    let rel = PathBuf::from(decoded.as_ref());
    rel.components().all(|c| matches!(c, Component::Normal(_))).then_some(rel)
}

/// Where a folder asked for without its trailing slash is: always a path on
/// this server (one `/`, then encoded segments), never `//host/`.
fn folder_location(rel: &Path) -> String {
    let mut location = String::from("/");
    for segment in rel.components() {
        location.extend(utf8_percent_encode(&segment.as_os_str().to_string_lossy(), SEGMENT));
        location.push('/');
    }
    location
}

fn content_type(path: &Path) -> &'static str {
    crate::artifact::media_type(&path.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_names_its_language_when_goalsite_speaks_it() {
        assert_eq!(address_lang("/en/growth/"), Lang::new("en"));
        assert_eq!(address_lang("/sv/"), Lang::new("sv"));
        assert_eq!(address_lang("/2024/sv/tillvaxt/"), None, "a year is no language");
        assert_eq!(address_lang("/fi/"), None, "goalsite has no messages in Finnish");
        assert_eq!(address_lang("/"), None);
    }

    #[test]
    fn paths_cannot_leave_the_site() {
        assert_eq!(safe_relative("/sv/tillvaxt/"), Some(PathBuf::from("sv/tillvaxt")));
        assert_eq!(safe_relative("/../etc/passwd"), None);
        assert_eq!(safe_relative("/sv/%2e%2e/%2e%2e/x"), None);
        assert_eq!(safe_relative("/%2F%2Fetc/passwd"), None);
        assert_eq!(safe_relative("/"), Some(PathBuf::new()));
    }

    #[test]
    fn a_folder_redirect_stays_on_this_server() {
        for path in ["//sv/tillvaxt", "/sv//tillvaxt", "///sv/tillvaxt", "/sv%2F%2Ftillvaxt"] {
            let rel = safe_relative(path).unwrap();
            assert_eq!(folder_location(&rel), "/sv/tillvaxt/", "{path}");
        }
        let odd = safe_relative("/%5Cevil.example/x%20y").unwrap();
        assert_eq!(folder_location(&odd), "/%5Cevil.example/x%20y/");
        assert_eq!(folder_location(&safe_relative("/s%C3%A5").unwrap()), "/s%C3%A5/");
    }

    #[test]
    fn the_open_data_files_get_their_types() {
        let types = ["data/a.sv.xlsx", "data/data.zip", "catalog.rdf", "fonts/R.woff2", "pagefind/x.pf_meta"]
            .map(|p| content_type(Path::new(p)));
        assert_eq!(
            types,
            [
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/zip",
                "application/rdf+xml",
                "font/woff2",
                "application/octet-stream"
            ]
        );
    }
}
