//! Putting a finished build in place of the old output in one step, and
//! clearing away what killed builds left behind.
//!
//! Every build writes into `.goalsite-build-<id>` beside the output and holds
//! a lock on `.goalsite-build-<id>.lock` while it runs; the lock is taken
//! before the folder exists, so a folder whose lock is free (or gone) belongs
//! to no running build.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// The start of the name of a build's temporary folder.
pub const TMP_PREFIX: &str = ".goalsite-build-";
const LOCK: &str = ".lock";

/// A build's temporary folder and the lock that says its build is running.
pub struct Workspace {
    pub dir: PathBuf,
    lock_path: PathBuf,
    /// Held while the build runs; the OS releases it if the process dies.
    _lock: File,
}

impl Workspace {
    /// A new, locked temporary folder in `parent`.
    pub fn create(parent: &Path) -> io::Result<Workspace> {
        for attempt in 0..100u32 {
            let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            let name = format!("{TMP_PREFIX}{}-{}-{attempt}", std::process::id(), nanos.as_nanos());
            let lock_path = parent.join(format!("{name}{LOCK}"));
            let lock = match File::create_new(&lock_path) {
                Ok(file) => file,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            };
            lock.try_lock().map_err(io::Error::other)?;
            let dir = parent.join(&name);
            fs::create_dir(&dir)?;
            return Ok(Workspace { dir, lock_path, _lock: lock });
        }
        Err(io::Error::other("could not name a temporary folder"))
    }
}

impl Drop for Workspace {
    /// A build that stops without finishing leaves nothing behind.
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
        let _ = fs::remove_file(&self.lock_path);
    }
}

/// Removes the temporary folders (and locks) in `parent` of builds that no
/// longer run: killed, crashed or cut off by a power failure.
pub fn remove_stale_builds(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(TMP_PREFIX) || name.ends_with(LOCK) {
            continue;
        }
        let base = name.strip_suffix(".old").unwrap_or(&name);
        let lock_path = parent.join(format!("{base}{LOCK}"));
        let running = File::open(&lock_path).is_ok_and(|lock| lock.try_lock().is_err());
        if !running {
            let _ = fs::remove_dir_all(entry.path());
            let _ = fs::remove_file(&lock_path);
        }
    }
}

/// Puts the folder `built` in place of `target`. Where the system can (Linux),
/// the two change places in one atomic step, so readers never see a missing
/// page; the old output is then at `built` (elsewhere moved there after two
/// renames), removed with its [`Workspace`].
pub fn swap(built: &Path, target: &Path) -> io::Result<()> {
    if !target.exists() {
        return fs::rename(built, target);
    }
    if exchange(built, target).is_ok() {
        return Ok(());
    }
    let old = built.with_extension("old");
    fs::rename(target, &old)?;
    if let Err(e) = fs::rename(built, target) {
        fs::rename(&old, target)?;
        return Err(e);
    }
    // Where the new one was, for its workspace to remove, as above.
    fs::rename(&old, built).or_else(|_| fs::remove_dir_all(&old))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::other("no atomic exchange on this system"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_of_builds_that_no_longer_run_are_removed_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let running = Workspace::create(dir.path()).unwrap();
        // A killed build: its folder and lock file are there, but nobody holds the lock.
        let dead = dir.path().join(format!("{TMP_PREFIX}1-2-0"));
        fs::create_dir(&dead).unwrap();
        fs::write(dead.join("index.html"), "half").unwrap();
        File::create(dir.path().join(format!("{TMP_PREFIX}1-2-0{LOCK}"))).unwrap();
        // A folder without any lock (its build died before it could take one).
        let orphan = dir.path().join(format!("{TMP_PREFIX}3-4-0"));
        fs::create_dir(&orphan).unwrap();
        remove_stale_builds(dir.path());
        assert!(!dead.exists() && !orphan.exists(), "stale folders are gone");
        assert!(running.dir.exists(), "a running build is never touched");
        let names: Vec<String> =
            fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(names.len(), 2, "only the running build's folder and lock: {names:?}");
    }

    #[test]
    fn a_swap_puts_the_new_output_in_place_and_the_old_where_the_new_was() {
        let dir = tempfile::tempdir().unwrap();
        let (built, target) = (dir.path().join("new"), dir.path().join("public"));
        fs::create_dir_all(&built).unwrap();
        fs::write(built.join("index.html"), "new").unwrap();
        fs::create_dir_all(&target).unwrap();
        fs::write(target.join("index.html"), "old").unwrap();
        swap(&built, &target).unwrap();
        assert_eq!(fs::read_to_string(target.join("index.html")).unwrap(), "new");
        // For its workspace to remove (where there is no atomic exchange, already removed).
        let old = fs::read_to_string(built.join("index.html"));
        assert!(old.as_deref().is_ok_and(|o| o == "old") || !built.exists(), "{old:?}");
    }
}
