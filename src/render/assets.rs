//! The theme's static files as published, with the site's branding (its
//! accent colour as `brand.css`, its logo): fonts, CSS, SVG and scripts get
//! a content hash in their names so that hosts can cache them for a year
//! (`immutable`), and the CSS names the fonts by their new names. The search
//! page's script is published only on sites with search.

use std::collections::HashMap;

use crate::artifact::Artifact;
use crate::model::Site;
use crate::routes::Routes;
use crate::theme::Theme;

/// Extensions of the static files published under a fingerprinted name.
const FINGERPRINTED: &[&str] = &["woff2", "css", "svg", "js"];

/// The published names of the site's branding files, by which templates find them.
pub const BRAND_CSS: &str = "brand.css";
pub const LOGO: &str = "logo.svg";
/// The theme's script of the search page.
pub const SEARCH_JS: &str = "search.js";

/// The theme's static files with their published names, and the URL of each
/// by its name in the theme (`style.css` → `/style.3f2a….css`).
pub fn publish_assets(theme: &Theme, site: &Site, routes: &Routes) -> (Vec<Artifact>, HashMap<String, String>) {
    // Fonts first, then the CSS that names them by their new names.
    let rank = |name: &str| usize::from(name.ends_with(".css"));
    let branding = &site.settings.branding;
    let brand_css =
        branding.accent.as_deref().and_then(Theme::accent_css).map(|css| (BRAND_CSS.to_owned(), css.into_bytes()));
    let logo = branding.logo.as_ref().map(|l| (LOGO.to_owned(), l.svg.clone()));
    let own: Vec<(String, Vec<u8>)> = brand_css.into_iter().chain(logo).collect();
    let mut files: Vec<&(String, Vec<u8>)> =
        theme.static_files.iter().filter(|(name, _)| site.settings.search || name != SEARCH_JS).chain(&own).collect();
    files.sort_by_key(|(name, _)| rank(name));
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut urls = HashMap::new();
    let mut assets = Vec::new();
    for (name, bytes) in files {
        let bytes = match name.ends_with(".css") {
            true => rename_references(bytes, name, &renamed),
            false => bytes.clone(),
        };
        let path = fingerprinted(name, &bytes);
        urls.insert(name.clone(), routes.asset_url(&path));
        renamed.push((name.clone(), path.clone()));
        assets.push(Artifact::new(path, bytes));
    }
    (assets, urls)
}

/// `fonts/x.woff2` → `fonts/x.<hash>.woff2` for the fingerprinted kinds.
fn fingerprinted(name: &str, bytes: &[u8]) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if FINGERPRINTED.contains(&ext) => format!("{stem}.{:016x}.{ext}", fnv1a(bytes)),
        _ => name.to_owned(),
    }
}

/// The CSS file `css` (named `name`) with its `url(...)`s of renamed files
/// pointing at their new names (relative to the CSS file, as written).
fn rename_references(css: &[u8], name: &str, renamed: &[(String, String)]) -> Vec<u8> {
    let Ok(mut text) = String::from_utf8(css.to_vec()) else { return css.to_vec() };
    let dir = name.rsplit_once('/').map_or("", |(d, _)| d);
    for (old, new) in renamed {
        let relative = |p: &str| p.strip_prefix(dir).map(|p| p.trim_start_matches('/').to_owned());
        if let (Some(old), Some(new)) = (relative(old), relative(new)) {
            text = text.replace(&format!("url(\"{old}\")"), &format!("url(\"{new}\")"));
        }
    }
    text.into_bytes()
}

/// FNV-1a, 64 bits: a stable content hash for file names (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_css_names_fonts_by_their_fingerprinted_names() {
        let renamed = vec![("fonts/R.woff2".to_owned(), "fonts/R.0123.woff2".to_owned())];
        let css = rename_references(b"src: url(\"fonts/R.woff2\") format(\"woff2\");", "style.css", &renamed);
        assert_eq!(String::from_utf8(css).unwrap(), "src: url(\"fonts/R.0123.woff2\") format(\"woff2\");");
        assert!(
            fingerprinted("fonts/R.woff2", b"x").starts_with("fonts/R.") && fingerprinted("a.txt", b"x") == "a.txt"
        );
    }
}
