//! Write: puts the finished files of a build into a temporary folder next to
//! the output folder and swaps it in only when everything was written, so a
//! failed build never leaves a half-written site. It only writes: every byte
//! comes finished from the stages before.

mod safety;
mod swap;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::artifact::Artifact;
pub use safety::refuse_dangerous_output;
use swap::{remove_stale_builds, swap, Workspace};

/// A build's output while it is being written.
pub struct Output {
    tmp: Workspace,
    target: PathBuf,
    files: AtomicUsize,
}

/// The file that marks a folder as goalsite's output, so that a build only
/// ever replaces a folder it wrote itself.
pub const MARKER: &str = ".goalsite-output";

impl Output {
    /// Starts a build into a new temporary folder beside `target`.
    pub fn create(target: &Path) -> io::Result<Output> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        remove_stale_builds(&parent);
        let tmp = Workspace::create(&parent)?;
        fs::write(tmp.dir.join(MARKER), "This folder is written by goalsite and replaced on every build.\n")?;
        Ok(Output { tmp, target: target.to_path_buf(), files: AtomicUsize::new(0) })
    }

    /// Writes `artifact` at its path under the site root (which it may not leave).
    pub fn write(&self, artifact: &Artifact) -> io::Result<()> {
        let (rel, bytes) = (artifact.path.as_str(), &artifact.bytes);
        let inside = Path::new(rel).components().all(|c| matches!(c, std::path::Component::Normal(_)));
        if !inside {
            return Err(io::Error::other(format!("{rel} is not a path inside the site")));
        }
        let path = self.tmp.dir.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(path, bytes)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Swaps the finished build in place of the old output; returns the file count.
    pub fn finish(self) -> io::Result<usize> {
        let files = self.files.load(Ordering::Relaxed);
        // Whatever happens, dropping the workspace clears its folder and lock.
        swap(&self.tmp.dir, &self.target).map(|()| files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_cannot_be_written_outside_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = Output::create(&dir.path().join("public")).unwrap();
        assert!(out.write(&Artifact::new("../escaped.html", "x")).is_err());
        assert!(out.write(&Artifact::page("sv/../../escaped/", "x")).is_err());
        assert!(!dir.path().join("escaped.html").exists());
    }

    #[test]
    fn swap_replaces_the_old_output_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        fs::create_dir_all(target.join("stale")).unwrap();
        let out = Output::create(&target).unwrap();
        out.write(&Artifact::page("sv/", "hej")).unwrap();
        assert_eq!(out.finish().unwrap(), 1);
        assert!(target.join(MARKER).is_file(), "the output says who wrote it");
        assert_eq!(fs::read_to_string(target.join("sv/index.html")).unwrap(), "hej");
        assert!(!target.join("stale").exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary folder is left behind");
    }
}
