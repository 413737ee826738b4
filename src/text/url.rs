//! Addresses: the site's base URL, checked and normalised.

use crate::messages::Message;

/// Whether `url` can be the site's address: `http(s)://host/optional/path/`,
/// without spaces, query or fragment. `Err` says what is wrong (its
/// `{ $field }` is the caller's to set: the key or option it was written in).
pub fn check_base_url(url: &str) -> Result<(), Message> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest else { return Err(msg!(BaseUrlScheme)) };
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() {
        return Err(msg!(BaseUrlNoHost));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) || url.contains(['?', '#', '"', '<', '>']) {
        return Err(msg!(BaseUrlCharacters));
    }
    Ok(())
}

/// The schemes a link from the site's data may use.
pub const SAFE_SCHEMES: &[&str] = &["https", "http", "mailto", "tel"];

/// The scheme of `url` as a browser reads it (tabs and line breaks removed,
/// surrounding spaces and control characters trimmed), in lowercase; `None`
/// for a relative address.
pub fn scheme(url: &str) -> Option<String> {
    let cleaned: String =
        url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next()?.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Whether `url` can be published as a link from data: an absolute address
/// with a safe scheme (`https:`, `http:`, `mailto:`, `tel:`), without spaces
/// or control characters. `Err` says what is wrong (its `{ $field }` is
/// the caller's to set).
pub fn check_link(url: &str) -> Result<(), Message> {
    match scheme(url) {
        Some(s) if SAFE_SCHEMES.contains(&s.as_str()) => {}
        Some(s) => return Err(msg!(LinkUnsafeScheme, scheme = s)),
        None => return Err(msg!(LinkNotFull)),
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) || url.contains(['"', '<', '>']) {
        return Err(msg!(LinkCharacters));
    }
    Ok(())
}

/// Makes sure the base URL ends with one `/`.
pub fn normalise_base_url(url: &str) -> String {
    format!("{}/", url.trim().trim_end_matches('/'))
}

/// The path part of a base URL: `https://x.se/uppfoljning/` → `/uppfoljning/`.
pub fn base_path_of(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_owned(),
        None => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_comes_from_the_base_url() {
        assert_eq!(base_path_of("https://www.umea.se/uppfoljning/"), "/uppfoljning/");
        assert_eq!(base_path_of(&normalise_base_url("https://example.org")), "/");
    }

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        assert_eq!(scheme("javascript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme(" JaVa\tScRiPt:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("java\nscript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("\u{1}javascript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("https://umea.se/").as_deref(), Some("https"));
        assert_eq!(scheme("/sv/om/"), None);
        assert_eq!(scheme("bilder/a:b.png"), None, "a / before the colon makes it a path");
        assert_eq!(scheme("java script:x"), None, "a space makes it a relative path");
    }

    #[test]
    fn only_safe_links_pass() {
        assert!(check_link("https://umea.se/").is_ok());
        assert!(check_link("mailto:info@umea.se").is_ok());
        assert!(check_link("tel:+4690161000").is_ok());
        assert!(check_link("javascript:alert(document.domain)").is_err());
        assert!(check_link("JAVASCRIPT:alert(1)").is_err());
        assert!(check_link("data:text/html,<script>").is_err());
        assert!(check_link("vbscript:x").is_err());
        assert!(check_link("/relative").is_err());
        assert!(check_link("https://umea.se/\"onmouseover=\"x").is_err());
    }

    #[test]
    fn base_urls_are_checked() {
        assert!(check_base_url("https://www.umea.se/uppfoljning/").is_ok());
        assert!(check_base_url("http://localhost:8000").is_ok());
        assert!(check_base_url("www.umea.se").is_err());
        assert!(check_base_url("http://h/a b/").is_err());
        assert!(check_base_url("https://h/?x=1").is_err());
        assert!(check_base_url("https:///path").is_err());
    }
}
