//! Addresses: the site's base URL, checked and normalised.

/// Whether `url` can be the site's address: `http(s)://host/optional/path/`,
/// without spaces, query or fragment. `Err` says what is wrong.
pub fn check_base_url(url: &str) -> Result<(), String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest else { return Err("must start with https:// or http://".into()) };
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() {
        return Err("has no host name".into());
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) || url.contains(['?', '#', '"', '<', '>']) {
        return Err("may not contain spaces, quotes, ? or #".into());
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
    fn base_urls_are_checked() {
        assert!(check_base_url("https://www.umea.se/uppfoljning/").is_ok());
        assert!(check_base_url("http://localhost:8000").is_ok());
        assert!(check_base_url("www.umea.se").is_err());
        assert!(check_base_url("http://h/a b/").is_err());
        assert!(check_base_url("https://h/?x=1").is_err());
        assert!(check_base_url("https:///path").is_err());
    }
}
