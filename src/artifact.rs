//! A file a build publishes: its path under the site root and its bytes, and
//! its media type from the one table of the kinds of files a site has (which
//! `serve` answers with too). Every stage hands its files to a [`Publish`]
//! as it makes them; nothing collects a site's files first.

use crate::diagnostics::Diagnostic;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    /// Path under the site root, with `/` (`sv/tillvaxt/index.html`, `data/x.csv`).
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Artifact {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Artifact {
        Artifact { path: path.into(), bytes: bytes.into() }
    }

    /// A page at its pretty URL: `sv/tillvaxt/` → `sv/tillvaxt/index.html`.
    pub fn page(path: &str, html: impl Into<Vec<u8>>) -> Artifact {
        Artifact::new(Artifact::page_path(path), html)
    }

    /// The file of the page at `path`: `sv/tillvaxt/` → `sv/tillvaxt/index.html`.
    pub fn page_path(path: &str) -> String {
        format!("{path}index.html")
    }
}

/// Takes each file as soon as it is made: writes it (build), or drops it
/// after the checks (check). Called from many threads at once.
pub type Publish<'a> = &'a (dyn Fn(&Artifact) -> Result<(), Diagnostic> + Sync);

/// The kinds of files a site has, by extension, with their media types.
const MEDIA_TYPES: &[(&str, &str)] = &[
    ("html", "text/html; charset=utf-8"),
    ("css", "text/css; charset=utf-8"),
    ("js", "text/javascript; charset=utf-8"),
    ("json", "application/json"),
    ("svg", "image/svg+xml"),
    ("png", "image/png"),
    ("csv", "text/csv; charset=utf-8"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("zip", "application/zip"),
    ("rdf", "application/rdf+xml"),
    ("xml", "application/xml"),
    ("txt", "text/plain; charset=utf-8"),
    ("woff2", "font/woff2"),
    ("ttf", "font/ttf"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("wasm", "application/wasm"),
];

/// The media type of a file named `path` (by its extension; unknown kinds
/// are plain bytes).
pub fn media_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, ext)| ext);
    MEDIA_TYPES.iter().find(|(e, _)| e.eq_ignore_ascii_case(ext)).map_or("application/octet-stream", |(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_live_at_pretty_urls_and_types_come_from_the_extension() {
        let page = Artifact::page("sv/tillvaxt/", "<p>");
        assert_eq!(page.path, "sv/tillvaxt/index.html");
        assert_eq!(media_type(&page.path), "text/html; charset=utf-8");
        assert_eq!(media_type("data/x.XLSX"), MEDIA_TYPES[7].1);
        assert_eq!(media_type("pagefind/index/x.pf_index"), "application/octet-stream");
    }
}
