//! Archiving the current edition: its `site.toml` and `content/` copied to
//! `editions/<year>/` with a manifest of what they hold, all at once (a
//! failure leaves no half-made edition).

use std::fs;
use std::path::{Path, PathBuf};

use crate::config::CONFIG_FILE;
use crate::load::CONTENT_DIR;
use crate::messages::Message;
use crate::source::is_ignored;

use super::manifest::{hashes, Manifest, FORMAT};
use super::{EDITIONS_DIR, MANIFEST_FILE};

/// Copies the site at `root` as the edition of `year`, published on
/// `published`; returns its folder (relative to `root`). Refuses an edition
/// that exists.
pub fn archive(root: &Path, year: i32, published: toml::value::Datetime) -> Result<PathBuf, Message> {
    let dir = Path::new(EDITIONS_DIR).join(year.to_string());
    if root.join(&dir).exists() {
        return Err(msg!(EditionExists, year = year, folder = &dir));
    }
    let tmp = Path::new(EDITIONS_DIR).join(format!(".{year}.partial"));
    let failed = |e: std::io::Error| msg!(EditionNotWritten, detail = e.to_string());
    let _ = fs::remove_dir_all(root.join(&tmp));
    copy_sources(root, &root.join(&tmp)).map_err(failed)?;
    let manifest = Manifest { year, published, format: FORMAT, files: hashes(root, &tmp) };
    let head = msg!(ManifestHead, year = year).text(crate::locale::Lang::known(crate::messages::FALLBACK));
    fs::write(root.join(&tmp).join(MANIFEST_FILE), manifest.to_toml(&head)).map_err(failed)?;
    fs::rename(root.join(&tmp), root.join(&dir)).map_err(failed)?;
    Ok(dir)
}

/// `site.toml` and every content file (not hidden or backup files) of the
/// site at `root`, copied into `to`.
fn copy_sources(root: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    fs::copy(root.join(CONFIG_FILE), to.join(CONFIG_FILE))?;
    let content = root.join(CONTENT_DIR);
    let walker = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = entry.map_err(std::io::Error::other)?;
        let rel = entry.path().strip_prefix(root).map_err(std::io::Error::other)?;
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edition_is_copied_with_its_manifest_and_never_twice() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join(CONFIG_FILE), "report_year = 2024\n").unwrap();
        fs::create_dir_all(root.join("content/p")).unwrap();
        fs::write(root.join("content/p/_index.sv.md"), "Text").unwrap();
        fs::write(root.join("content/p/.#_index.sv.md"), "an editor's lock file").unwrap();
        let date: toml::value::Datetime = "2025-04-15".parse().unwrap();
        let edition = archive(root, 2024, date).unwrap();
        assert_eq!(edition, Path::new("editions/2024"));
        let manifest = Manifest::read(root, &edition).unwrap();
        let files: Vec<&str> = manifest.files.keys().map(String::as_str).collect();
        assert_eq!(files, ["content/p/_index.sv.md", "site.toml"]);
        assert_eq!(manifest.format, FORMAT);
        assert!(archive(root, 2024, date).is_err(), "an edition is archived once");
    }
}
