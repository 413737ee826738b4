//! The files the browser editor may read and write: Markdown and TOML files
//! in `content/`, named by a relative path with `/`, never outside it (no
//! `..`, no hidden or linked file, so never `editions/`); read as the editor
//! expects them, written whole, through a temporary file beside them.

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::load::CONTENT_DIR;
use crate::messages::Message;

/// The extensions of the files the editor edits.
const EDITABLE: [&str; 2] = ["md", "toml"];

/// `rel` as a path under `root`, if the editor may read or write it.
pub fn editable(root: &Path, rel: &str) -> Result<PathBuf, Message> {
    let refused = || msg!(ServeApiPath, path = rel);
    let parts: Vec<&str> = rel.split('/').collect();
    let shaped = parts.len() >= 2
        && parts[0] == CONTENT_DIR
        && parts.iter().all(|p| !p.is_empty() && !p.starts_with('.') && !p.contains(['\\', '\0', ':']))
        && Path::new(rel).components().all(|c| matches!(c, Component::Normal(_)));
    let extension = Path::new(rel).extension().and_then(|e| e.to_str());
    if !shaped || !extension.is_some_and(|e| EDITABLE.contains(&e)) {
        return Err(refused());
    }
    let path = root.join(rel);
    // Nothing on the way may be a link that leads out of content/.
    let content = fs::canonicalize(root.join(CONTENT_DIR)).map_err(|_| refused())?;
    let mut at = root.join(CONTENT_DIR);
    for part in &parts[1..] {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => return Err(refused()),
            Ok(_) => {}
            Err(_) => break,
        }
    }
    let existing = path.ancestors().find(|a| a.exists()).map(fs::canonicalize);
    match existing {
        Some(Ok(real)) if real.starts_with(&content) => Ok(path),
        _ => Err(refused()),
    }
}

/// A file as the editor receives it: its text and an id that changes with
/// it (`None` for both when there is no such file).
pub fn entry(root: &Path, rel: &str) -> Result<(Option<String>, Option<String>), Message> {
    let path = editable(root, rel)?;
    match fs::read(&path) {
        Ok(bytes) => {
            let id = crate::editions::sha256(&bytes);
            let text = String::from_utf8(bytes).map_err(|_| msg!(FileNotUtf8))?;
            Ok((Some(text), Some(id)))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok((None, None)),
        Err(e) => Err(msg!(FileUnreadable, error = e.to_string())),
    }
}

/// The editable files directly in `folder` (or below it, `depth` levels)
/// whose names end with `.extension`, by path.
pub fn in_folder(root: &Path, folder: &str, extension: &str, depth: usize) -> Vec<String> {
    let probe = format!("{}/x.md", folder.trim_end_matches('/'));
    if editable(root, &probe).is_err() {
        return Vec::new();
    }
    let mut found: Vec<String> = walkdir::WalkDir::new(root.join(folder))
        .max_depth(depth.max(1))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| Some(e.path().strip_prefix(root).ok()?.to_string_lossy().replace('\\', "/")))
        .filter(|rel| rel.ends_with(&format!(".{}", extension.trim_start_matches('.'))))
        .filter(|rel| editable(root, rel).is_ok())
        .collect();
    found.sort();
    found
}

/// Writes `text` to `rel` whole: into a hidden file beside it, then renamed
/// over it (the watcher ignores the hidden one). Returns whether it changed.
pub fn write(root: &Path, rel: &str, text: &str) -> Result<bool, Message> {
    let path = editable(root, rel)?;
    if fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    let failed = |e: io::Error| msg!(ServeApiWriteFailed, path = rel, detail = e.to_string());
    let folder = path.parent().ok_or_else(|| msg!(ServeApiPath, path = rel))?;
    fs::create_dir_all(folder).map_err(failed)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = folder.join(format!(".{name}.goalsite-{}.tmp", std::process::id()));
    let written =
        fs::File::create(&temporary).and_then(|mut f| f.write_all(text.as_bytes()).and_then(|_| f.sync_all()));
    if let Err(e) = written.and_then(|_| fs::rename(&temporary, &path)) {
        let _ = fs::remove_file(&temporary);
        return Err(failed(e));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("content/tillvaxt/assessments")).unwrap();
        fs::create_dir_all(dir.path().join("editions/2024/content")).unwrap();
        fs::write(dir.path().join("content/tillvaxt/assessments/2024.toml"), "[a]\n").unwrap();
        dir
    }

    #[test]
    fn only_markdown_and_toml_in_content_are_editable() {
        let dir = site();
        let root = dir.path();
        for ok in
            ["content/tillvaxt/assessments/2024.toml", "content/tillvaxt/assessments/2025.toml", "content/om.sv.md"]
        {
            assert!(editable(root, ok).is_ok(), "{ok}");
        }
        for refused in [
            "site.toml",
            "editions/2024/content/x.md",
            "content/../site.toml",
            "content/tillvaxt/../../site.toml",
            "/etc/passwd.md",
            "content//x.md",
            "content/./x.md",
            "content/.hidden.md",
            "content/x.html",
            "content/x.MD",
            "content\\x.md",
            "content/nytt/program/x.sh",
            "content",
            "",
        ] {
            assert!(editable(root, refused).is_err(), "{refused}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_content_is_refused() {
        let dir = site();
        let root = dir.path();
        std::os::unix::fs::symlink(root.join("editions"), root.join("content/ut")).unwrap();
        assert!(editable(root, "content/ut/2024/content/x.md").is_err());
        std::os::unix::fs::symlink(root.join("editions/2024/content"), root.join("content/tillvaxt/x.md")).unwrap();
        assert!(editable(root, "content/tillvaxt/x.md").is_err());
    }

    #[test]
    fn a_file_is_written_whole_and_read_with_its_id() {
        let dir = site();
        let root = dir.path();
        assert!(write(root, "content/tillvaxt/assessments/2025.toml", "[b]\n").unwrap());
        assert!(!write(root, "content/tillvaxt/assessments/2025.toml", "[b]\n").unwrap(), "the same text is no change");
        let (text, id) = entry(root, "content/tillvaxt/assessments/2025.toml").unwrap();
        assert_eq!(text.as_deref(), Some("[b]\n"));
        assert_eq!(id.map(|i| i.len()), Some(64));
        assert_eq!(entry(root, "content/nothing.md").unwrap(), (None, None));
        let names: Vec<String> = fs::read_dir(root.join("content/tillvaxt/assessments"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
        assert_eq!(in_folder(root, "content/tillvaxt/assessments", "toml", 1).len(), 2);
        assert!(in_folder(root, "editions/2024", "md", 1).is_empty());
    }
}
