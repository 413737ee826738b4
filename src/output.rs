//! Write: puts the finished files of a build into a temporary folder next to
//! the output folder and swaps it in only when everything was written, so a
//! failed build never leaves a half-written site. It only writes: every byte
//! comes finished from the stages before.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A build's output while it is being written.
pub struct Output {
    tmp: tempfile::TempDir,
    target: PathBuf,
    files: AtomicUsize,
}

/// The file that marks a folder as goalsite's output, so that a build only
/// ever replaces a folder it wrote itself.
pub const MARKER: &str = ".goalsite-output";

/// Refuses an output folder that is the site itself, holds it, lies in its
/// sources, or is a folder with files that goalsite did not write.
pub fn refuse_dangerous_output(root: &Path, output: &Path) -> Result<(), String> {
    let (root, out) = (normalise(root), normalise(output));
    let refuse = |why: &str| Err(format!("refusing to write the site into {}: {why}", output.display()));
    let inside_sources = ["content", "themes"].iter().any(|d| out.starts_with(root.join(d)));
    if root.starts_with(&out) || inside_sources || out.join(crate::config::CONFIG_FILE).exists() {
        return refuse("that folder holds the site's own files and would be replaced");
    }
    let has_files = fs::read_dir(&out).map(|mut d| d.next().is_some()).unwrap_or(false);
    if has_files && !out.join(MARKER).exists() {
        return refuse("the folder has files that goalsite did not write, and a build replaces the whole folder; choose an empty or new folder");
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

impl Output {
    /// Starts a build into a new temporary folder beside `target`.
    pub fn create(target: &Path) -> io::Result<Output> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        remove_stale_builds(&parent);
        let tmp = tempfile::Builder::new().prefix(TMP_PREFIX).tempdir_in(&parent)?;
        fs::write(tmp.path().join(MARKER), "This folder is written by goalsite and replaced on every build.\n")?;
        Ok(Output { tmp, target: target.to_path_buf(), files: AtomicUsize::new(0) })
    }

    /// Writes a file at `rel` (a path under the site root, which it may not leave).
    pub fn write_file(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let inside = Path::new(rel).components().all(|c| matches!(c, std::path::Component::Normal(_)));
        if !inside {
            return Err(io::Error::other(format!("{rel} is not a path inside the site")));
        }
        let path = self.tmp.path().join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(path, bytes)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Writes a page at its pretty URL: `sv/tillvaxt/` → `sv/tillvaxt/index.html`.
    pub fn write_page(&self, path: &str, html: &[u8]) -> io::Result<()> {
        self.write_file(&format!("{path}index.html"), html)
    }

    /// Swaps the finished build in place of the old output; returns the file count.
    pub fn finish(self) -> io::Result<usize> {
        let files = self.files.load(Ordering::Relaxed);
        let built = self.tmp.keep();
        let result = swap(&built, &self.target);
        if result.is_err() {
            let _ = fs::remove_dir_all(&built);
        }
        result.map(|()| files)
    }
}

const TMP_PREFIX: &str = ".goalsite-build-";

/// Removes what an interrupted build (Ctrl-C, a crash) left beside the output:
/// temporary folders more than an hour old, so that a build running now is
/// never touched.
fn remove_stale_builds(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in entries.filter_map(Result::ok) {
        let stale = entry.file_name().to_string_lossy().starts_with(TMP_PREFIX)
            && entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| t < hour_ago);
        if stale {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Puts the new build in place of the old output. The old one is removed
/// afterwards; if that fails, the build still succeeded (it is left as `….old`
/// and removed by a later build).
fn swap(built: &Path, target: &Path) -> io::Result<()> {
    if !target.exists() {
        return fs::rename(built, target);
    }
    let old = built.with_extension("old");
    fs::rename(target, &old)?;
    if let Err(e) = fs::rename(built, target) {
        fs::rename(&old, target)?;
        return Err(e);
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
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
    fn files_cannot_be_written_outside_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = Output::create(&dir.path().join("public")).unwrap();
        assert!(out.write_file("../escaped.html", b"x").is_err());
        assert!(out.write_page("sv/../../escaped/", b"x").is_err());
        assert!(!dir.path().join("escaped.html").exists());
    }

    #[test]
    fn swap_replaces_the_old_output_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        fs::create_dir_all(target.join("stale")).unwrap();
        let out = Output::create(&target).unwrap();
        out.write_page("sv/", b"hej").unwrap();
        assert_eq!(out.finish().unwrap(), 1);
        assert!(target.join(MARKER).is_file(), "the output says who wrote it");
        assert_eq!(fs::read_to_string(target.join("sv/index.html")).unwrap(), "hej");
        assert!(!target.join("stale").exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary folder is left behind");
    }
}
