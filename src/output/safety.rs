//! Which output folders a build may replace: never the site itself, its
//! sources, a folder goalsite did not write, or a path that is a file.

use std::fs;
use std::path::{Path, PathBuf};

use super::MARKER;
use crate::messages::Message;

/// Refuses an output folder that is the site itself, holds it, lies in its
/// sources, is a file or lies under one, or is a folder with files that
/// goalsite did not write. `Err` says why.
pub fn refuse_dangerous_output(root: &Path, output: &Path) -> Result<(), Message> {
    let (root, out) = (normalise(root), normalise(output));
    let refuse = |why: &str| Err(msg!(OutputRefused, folder = output, why = why));
    if out.exists() && !out.is_dir() {
        return refuse("file");
    }
    if let Some(file) = out.ancestors().skip(1).find(|a| a.exists() && !a.is_dir()) {
        return Err(msg!(OutputUnderFile, folder = output, file = file));
    }
    let inside_sources = ["content", "themes"].iter().any(|d| out.starts_with(root.join(d)));
    if root.starts_with(&out) || inside_sources || out.join(crate::config::CONFIG_FILE).exists() {
        return refuse("sources");
    }
    let has_files = fs::read_dir(&out).map(|mut d| d.next().is_some()).unwrap_or(false);
    if has_files && !out.join(MARKER).exists() {
        return refuse("foreign");
    }
    Ok(())
}

/// An absolute path with `.` and `..` resolved (links in existing parents too).
fn normalise(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in abs.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve links in the longest part that exists.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(|n| n.to_owned()), existing.parent().map(Path::to_path_buf)) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent;
            }
            _ => return out,
        }
    }
    let mut resolved = fs::canonicalize(&existing).unwrap_or(existing);
    resolved.extend(rest.iter().rev());
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_inside_the_sources_or_over_the_site_is_refused() {
        let root = Path::new("/srv/site");
        assert!(refuse_dangerous_output(root, Path::new("/srv/site")).is_err());
        assert!(refuse_dangerous_output(root, Path::new("/srv")).is_err());
        assert!(refuse_dangerous_output(root, Path::new("/srv/site/content/x")).is_err());
        assert!(refuse_dangerous_output(root, Path::new("/srv/site/public")).is_ok());
    }

    #[test]
    fn dotted_paths_and_foreign_folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(refuse_dangerous_output(&root, &root.join("x/../content")).is_err());
        assert!(refuse_dangerous_output(&root, &root.join("public/../..")).is_err());
        let other = dir.path().join("documents");
        fs::create_dir_all(&other).unwrap();
        fs::write(other.join("letter.txt"), "keep me").unwrap();
        assert!(refuse_dangerous_output(&root, &other).is_err(), "a folder goalsite did not write");
        fs::write(other.join(MARKER), "").unwrap();
        assert!(refuse_dangerous_output(&root, &other).is_ok());
    }

    #[test]
    fn a_file_or_a_path_under_a_file_is_refused_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("report.pdf");
        fs::write(&file, "keep me").unwrap();
        let why = refuse_dangerous_output(dir.path(), &file).unwrap_err();
        assert!(why.to_string().ends_with("it is a file, not a folder; choose a folder for the site"), "{why}");
        let why = refuse_dangerous_output(dir.path(), &file.join("public")).unwrap_err();
        assert!(why.to_string().contains("report.pdf is a file, so no folder can be made inside it"), "{why}");
    }
}
