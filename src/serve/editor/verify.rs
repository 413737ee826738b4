//! A save from the browser is checked before it is written: a copy of the
//! site's sources with the saved files in place must pass `check` without an
//! error the site did not already have, so that what is on disk always
//! builds as well as before.

use std::fs;
use std::io;
use std::path::Path;

use crate::config::{SiteConfig, CONFIG_FILE};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::editions::EDITIONS_DIR;
use crate::load::CONTENT_DIR;
use crate::theme::THEMES_DIR;

/// The errors the site at `root` would have with `files` (path and text)
/// saved, that it does not have already (`before`: the last build's).
pub fn new_errors(
    root: &Path,
    files: &[(String, String)],
    before: Option<&Diagnostics>,
) -> io::Result<Vec<Diagnostic>> {
    let copy = tempfile::Builder::new().prefix("goalsite-save-").tempdir()?;
    copy_sources(root, copy.path())?;
    for (rel, text) in files {
        let path = copy.path().join(rel);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)?;
        }
        fs::write(path, text)?;
    }
    let Err(after) = crate::build::check(copy.path()) else { return Ok(Vec::new()) };
    let known = |d: &Diagnostic| {
        before.is_some_and(|b| b.iter().any(|o| o.is_error() && o.file == d.file && o.message == d.message))
    };
    Ok(after.iter().filter(|d| d.is_error() && !known(d)).cloned().collect())
}

/// What a check reads: `site.toml`, `content/`, `themes/`, `editions/` and the logo.
fn copy_sources(root: &Path, to: &Path) -> io::Result<()> {
    if root.join(CONFIG_FILE).is_file() {
        fs::copy(root.join(CONFIG_FILE), to.join(CONFIG_FILE))?;
    }
    for dir in [CONTENT_DIR, THEMES_DIR, EDITIONS_DIR] {
        copy_dir(&root.join(dir), &to.join(dir))?;
    }
    let logo = SiteConfig::load(root).ok().and_then(|(c, _)| c.branding.logo.map(|l| l.into_inner()));
    if let Some(logo) = logo.filter(|l| Path::new(l).components().all(|c| matches!(c, std::path::Component::Normal(_))))
    {
        if let Some(folder) = to.join(&logo).parent() {
            fs::create_dir_all(folder)?;
        }
        let _ = fs::copy(root.join(&logo), to.join(&logo));
    }
    Ok(())
}

/// `from`'s files and folders (not hidden ones) into `to`, if `from` exists.
fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    if !from.is_dir() {
        return Ok(());
    }
    let hidden = |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    for entry in walkdir::WalkDir::new(from).into_iter().filter_entry(|e| !hidden(e)) {
        let entry = entry.map_err(io::Error::other)?;
        let target = to.join(entry.path().strip_prefix(from).map_err(io::Error::other)?);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
