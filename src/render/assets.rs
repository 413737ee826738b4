//! The theme's static files as published: CSS gets a content hash in its
//! name so that hosts can cache it for long.

use std::collections::HashMap;

use crate::routes::Routes;
use crate::theme::Theme;

/// A file to publish at the site root.
pub struct Asset {
    /// Path under the site root (`style.3f2a….css`).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The theme's static files with their published names, and the URL of each
/// by its name in the theme (`style.css` → `/style.3f2a….css`).
pub fn publish_assets(theme: &Theme, routes: &Routes) -> (Vec<Asset>, HashMap<String, String>) {
    let mut urls = HashMap::new();
    let mut assets = Vec::new();
    for (name, bytes) in &theme.static_files {
        let path = match name.strip_suffix(".css") {
            Some(stem) => format!("{stem}.{:016x}.css", fnv1a(bytes)),
            None => name.clone(),
        };
        urls.insert(name.clone(), routes.asset_url(&path));
        assets.push(Asset { path, bytes: bytes.clone() });
    }
    (assets, urls)
}

/// FNV-1a, 64 bits: a stable content hash for file names (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}
