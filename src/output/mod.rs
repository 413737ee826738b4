//! Write: puts the finished files of a build into a temporary folder next to
//! the output folder and swaps it in only when everything was written, so a
//! failed build never leaves a half-written site; or, for a build that
//! changes a few files of the output the last build left (the build cache,
//! `serve`), holds them until the build has succeeded and then puts each in
//! place in one step (written beside it, then renamed over it), so that no
//! reader ever sees a half-written file; or, for `serve`'s own folder, makes
//! every file again in place, touching only those whose bytes changed. It
//! only writes: every byte comes finished from the stages before.

mod safety;
mod swap;

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::artifact::Artifact;
pub use safety::refuse_dangerous_output;
use swap::{remove_stale_builds, swap, Workspace, TMP_PREFIX};

/// A build's output while it is being written.
pub struct Output {
    mode: Mode,
    target: PathBuf,
    files: AtomicUsize,
}

enum Mode {
    /// Into a new folder, swapped in whole.
    Fresh(Workspace),
    /// Into the existing output, each file once the build has succeeded.
    InPlace(Mutex<InPlace>),
    /// Every file into the existing output, each changed one put in place
    /// once the build has succeeded.
    Whole(Mutex<Whole>),
}

/// A kind of file of the site, by its path under the site root.
pub type Kind = fn(&str) -> bool;

/// A kind of file a build in place makes anew (it may know which it made).
type Replaced = Box<dyn Fn(&str) -> bool + Send>;

/// What a build in place holds until it has succeeded.
#[derive(Default)]
struct InPlace {
    pending: Vec<Artifact>,
    /// Folders under the site root and kinds of files in them that this
    /// build makes anew: those it did not make are removed.
    replaced: Vec<(String, Replaced)>,
}

/// What a build of every file into the existing output holds until it has
/// succeeded: what it made, and the files whose bytes changed, each written
/// into a locked folder beside the output first (a build that stops leaves
/// the served files as they were, and that folder goes with it).
struct Whole {
    /// Files of this kind are left where the build did not make them (a
    /// later pass makes them).
    kept: Kind,
    /// Every file the build made, by its path under the site root.
    made: HashSet<String>,
    /// Where the changed files wait, numbered in the order they came.
    staging: Workspace,
    /// The changed files, by their path under the site root, with their
    /// number in `staging`.
    changed: BTreeMap<String, usize>,
    /// How many files were written into `staging`.
    staged: usize,
}

/// A build put in place. Dropping it removes the old output a new folder
/// replaced (the folder it was swapped into, and its lock); `serve` has that
/// done on a thread of its own ([`Finished::remove_old_later`]), so that the
/// reload does not wait for it.
pub struct Finished {
    /// How many files the build made.
    pub files: usize,
    old: Option<Workspace>,
}

impl Finished {
    /// Removes the old output (if a new folder replaced one) on a thread of its own.
    pub fn remove_old_later(self) {
        if let Some(old) = self.old {
            std::thread::spawn(move || drop(old));
        }
    }
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
        Ok(Output { mode: Mode::Fresh(tmp), target: target.to_path_buf(), files: AtomicUsize::new(0) })
    }

    /// Starts a build that changes files of the existing output `target`
    /// (a folder goalsite wrote).
    pub fn in_place(target: &Path) -> io::Result<Output> {
        if !target.join(MARKER).is_file() {
            return Err(io::Error::other(format!("{} is not a folder goalsite wrote", target.display())));
        }
        let mode = Mode::InPlace(Mutex::new(InPlace::default()));
        Ok(Output { mode, target: target.to_path_buf(), files: AtomicUsize::new(0) })
    }

    /// Starts a build that makes every file of the site again in the
    /// existing output `target` (a folder goalsite wrote that is never
    /// deployed, `serve`'s: while the files are put in place one by one, a
    /// reader may get a page of the new build beside one of the old). Only
    /// files whose bytes changed are written, and those not made again are
    /// removed, but for the files of the kind `kept`.
    pub fn whole_in_place(target: &Path, kept: Kind) -> io::Result<Output> {
        if !target.join(MARKER).is_file() {
            return Err(io::Error::other(format!("{} is not a folder goalsite wrote", target.display())));
        }
        let staging = Workspace::create(target.parent().unwrap_or(Path::new(".")))?;
        let made = HashSet::from([MARKER.to_owned()]);
        let whole = Whole { kept, made, staging, changed: BTreeMap::new(), staged: 0 };
        Ok(Output { mode: Mode::Whole(Mutex::new(whole)), target: target.to_path_buf(), files: AtomicUsize::new(0) })
    }

    /// Whether this output makes every file of the site (a new folder, or
    /// every file again in place).
    pub fn is_fresh(&self) -> bool {
        matches!(self.mode, Mode::Fresh(_) | Mode::Whole(_))
    }

    /// Writes `artifact` at its path under the site root (which it may not leave).
    pub fn write(&self, artifact: &Artifact) -> io::Result<()> {
        let (rel, bytes) = (artifact.path.as_str(), &artifact.bytes);
        match &self.mode {
            Mode::Fresh(tmp) => fs::write(self.fresh_file(tmp, rel)?, bytes),
            Mode::InPlace(state) => {
                self.counted(rel)?;
                state.lock().unwrap_or_else(|e| e.into_inner()).pending.push(artifact.clone());
                Ok(())
            }
            Mode::Whole(state) => {
                self.counted(rel)?;
                let unchanged = fs::read(self.target.join(rel)).is_ok_and(|old| old == *bytes);
                // A file made twice in one pass: the last one counts.
                let mut whole = state.lock().unwrap_or_else(|e| e.into_inner());
                whole.made.insert(rel.to_owned());
                whole.changed.remove(rel);
                if unchanged {
                    return Ok(());
                }
                let number = whole.staged;
                whole.staged += 1;
                whole.changed.insert(rel.to_owned(), number);
                let at = whole.staging.dir.join(number.to_string());
                drop(whole);
                fs::write(at, bytes)
            }
        }
    }

    /// The file at `rel` under the site root, to be written as it is made
    /// (a page, however large, is then never held whole): in a new folder.
    /// `None` where files are taken whole (in place), for [`Output::write`].
    pub fn stream(&self, rel: &str) -> Option<io::Result<fs::File>> {
        match &self.mode {
            Mode::Fresh(tmp) => Some(self.fresh_file(tmp, rel).and_then(fs::File::create)),
            Mode::InPlace(_) | Mode::Whole(_) => None,
        }
    }

    /// Where `rel` goes in the new folder `tmp`, its folder made.
    fn fresh_file(&self, tmp: &Workspace, rel: &str) -> io::Result<PathBuf> {
        self.counted(rel)?;
        let path = tmp.dir.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        Ok(path)
    }

    /// Counts the file at `rel`, a path under the site root (which it may not leave).
    fn counted(&self, rel: &str) -> io::Result<()> {
        let inside = Path::new(rel).components().all(|c| matches!(c, std::path::Component::Normal(_)));
        if !inside {
            return Err(io::Error::other(format!("{rel} is not a path inside the site")));
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Says that this build makes every file of the kind `kind` under the
    /// folder `under` (`pagefind/`): in place, those it did not make are
    /// removed when it finishes (a new folder has none of them anyway).
    pub fn replaces(&self, under: &str, kind: impl Fn(&str) -> bool + Send + 'static) {
        if let Mode::InPlace(state) = &self.mode {
            state.lock().unwrap_or_else(|e| e.into_inner()).replaced.push((under.to_owned(), Box::new(kind)));
        }
    }

    /// Into a new folder: links (or copies) the files of the kind `kind`
    /// from the folder `from` that this build has not written, so that they
    /// stay until a later pass makes them anew.
    pub fn carry(&self, from: &Path, kind: Kind) -> io::Result<()> {
        let Mode::Fresh(tmp) = &self.mode else { return Ok(()) };
        for entry in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
            let Ok(rel) = entry.path().strip_prefix(from) else { continue };
            let rel_str = rel.to_string_lossy().replace('\\', "/");
            let to = tmp.dir.join(rel);
            if !entry.file_type().is_file() || !kind(&rel_str) || to.exists() {
                continue;
            }
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir)?;
            }
            if fs::hard_link(entry.path(), &to).is_err() {
                fs::copy(entry.path(), &to)?;
            }
        }
        Ok(())
    }

    /// Puts the finished build in place of the old output: swaps the new
    /// folder in, or puts each changed file in place.
    pub fn finish(self) -> io::Result<Finished> {
        let files = self.files.load(Ordering::Relaxed);
        match self.mode {
            // Whatever happens, dropping the workspace clears its folder (by
            // then the old output) and lock.
            Mode::Fresh(tmp) => swap(&tmp.dir, &self.target).map(|()| Finished { files, old: Some(tmp) }),
            Mode::InPlace(state) => {
                let state = state.into_inner().unwrap_or_else(|e| e.into_inner());
                for artifact in &state.pending {
                    replace(&self.target, artifact)?;
                }
                let made: HashSet<&str> = state.pending.iter().map(|a| a.path.as_str()).collect();
                for (under, kind) in &state.replaced {
                    remove_stale(&self.target, under, &|p| kind(p) && !made.contains(p))?;
                }
                Ok(Finished { files, old: None })
            }
            Mode::Whole(state) => {
                let whole = state.into_inner().unwrap_or_else(|e| e.into_inner());
                // What is no longer made goes first, so that a file may take
                // the place of a folder it replaces, or a folder of a file. A
                // path made in other letter case stays: on a disk that does
                // not tell cases apart, it is the file made.
                let (made, kept) = (&whole.made, whole.kept);
                let folded: HashSet<String> = made.iter().map(|p| p.to_lowercase()).collect();
                remove_stale(&self.target, "", &|p| {
                    !made.contains(p) && !kept(p) && !folded.contains(&p.to_lowercase())
                })?;
                for (rel, number) in &whole.changed {
                    let path = self.target.join(rel);
                    fs::create_dir_all(path.parent().unwrap_or(&self.target))?;
                    fs::rename(whole.staging.dir.join(number.to_string()), path)?;
                }
                Ok(Finished { files, old: None })
            }
        }
    }
}

/// Puts `artifact` in place under `target` in one step, unless the file
/// there already has its bytes.
pub fn replace(target: &Path, artifact: &Artifact) -> io::Result<()> {
    let path = target.join(&artifact.path);
    if fs::read(&path).is_ok_and(|old| old == artifact.bytes) {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(target);
    fs::create_dir_all(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!("{TMP_PREFIX}{}-{name}", std::process::id()));
    fs::write(&tmp, &artifact.bytes)?;
    fs::rename(&tmp, &path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Removes the files under `target`'s folder `under` (a path under the site
/// root, `pagefind`) for which `stale` holds; empty folders left go too.
pub fn remove_stale(target: &Path, under: &str, stale: &dyn Fn(&str) -> bool) -> io::Result<()> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(target.join(under))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.retain(|f| f.strip_prefix(target).is_ok_and(|rel| stale(&rel.to_string_lossy().replace('\\', "/"))));
    for file in files {
        fs::remove_file(&file)?;
        let mut dir = file.parent();
        while let Some(d) = dir.filter(|d| *d != target && fs::remove_dir(d).is_ok()) {
            dir = d.parent();
        }
    }
    Ok(())
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
        let finished = out.finish().unwrap();
        assert_eq!(finished.files, 1);
        assert!(target.join(MARKER).is_file(), "the output says who wrote it");
        assert_eq!(fs::read_to_string(target.join("sv/index.html")).unwrap(), "hej");
        assert!(!target.join("stale").exists());
        drop(finished);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary folder is left behind");
    }

    /// A folder as a build left it, with `files` (path, bytes) and the marker.
    fn output(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("site");
        let out = Output::create(&target).unwrap();
        for (path, bytes) in files {
            out.write(&Artifact::new(*path, *bytes)).unwrap();
        }
        out.finish().unwrap();
        (dir, target)
    }

    fn modified(path: &Path) -> std::time::SystemTime {
        fs::metadata(path).unwrap().modified().unwrap()
    }

    #[test]
    fn a_whole_build_in_place_writes_only_what_changed_and_removes_what_it_did_not_make() {
        let (_dir, target) =
            output(&[("a.html", "same"), ("b.html", "old"), ("gone/c.html", "c"), ("data/x.png", "picture")]);
        let kept: Kind = |p| p.ends_with(".png");
        let before = modified(&target.join("a.html"));
        std::thread::sleep(std::time::Duration::from_millis(20));
        let out = Output::whole_in_place(&target, kept).unwrap();
        assert!(out.is_fresh(), "it makes every file");
        for (path, bytes) in [("a.html", "same"), ("b.html", "new"), ("new/d.html", "d")] {
            out.write(&Artifact::new(path, bytes)).unwrap();
        }
        assert_eq!(fs::read_to_string(target.join("b.html")).unwrap(), "old", "nothing changes before it finishes");
        out.finish().unwrap();
        assert_eq!(modified(&target.join("a.html")), before, "an unchanged file is not written");
        assert_eq!(fs::read_to_string(target.join("b.html")).unwrap(), "new");
        assert_eq!(fs::read_to_string(target.join("new/d.html")).unwrap(), "d");
        assert!(!target.join("gone").exists(), "a file not made again goes, and its empty folder");
        assert!(target.join("data/x.png").is_file(), "a kept kind stays for the later pass");
        assert!(target.join(MARKER).is_file());
        let names: Vec<_> =
            walkdir::WalkDir::new(&target).into_iter().map(|e| e.unwrap().file_name().to_owned()).collect();
        assert!(!names.iter().any(|n| n.to_string_lossy().starts_with(TMP_PREFIX)), "{names:?}");
    }

    #[test]
    fn a_whole_build_in_place_that_fails_changes_nothing() {
        let (dir, target) = output(&[("a.html", "old")]);
        let out = Output::whole_in_place(&target, |_| false).unwrap();
        out.write(&Artifact::new("a.html", "new")).unwrap();
        out.write(&Artifact::new("b/b.html", "b")).unwrap();
        drop(out);
        assert_eq!(tree(&target), [(MARKER.to_owned(), marker(&target)), ("a.html".to_owned(), "old".to_owned())]);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no folder of waiting files is left behind");
        assert!(Output::whole_in_place(&target.join("b"), |_| false).is_err(), "only a folder goalsite wrote");
    }

    #[test]
    fn a_whole_build_in_place_turns_a_file_into_a_folder_and_back() {
        let (_dir, target) = output(&[("a", "a file"), ("b/c.html", "c"), ("case.html", "c"), ("e.html", "same")]);
        let out = Output::whole_in_place(&target, |_| false).unwrap();
        out.write(&Artifact::new("a/index.html", "now a page")).unwrap();
        out.write(&Artifact::new("b", "now a file")).unwrap();
        // Made twice in one pass: the last one counts. A path made again in
        // other letter case is not removed (on macOS and Windows it is the same file).
        out.write(&Artifact::new("Case.html", "c")).unwrap();
        out.write(&Artifact::new("d.html", "first")).unwrap();
        out.write(&Artifact::new("d.html", "second")).unwrap();
        out.write(&Artifact::new("e.html", "other")).unwrap();
        out.write(&Artifact::new("e.html", "same")).unwrap();
        out.finish().unwrap();
        let expected = [
            ("a/index.html", "now a page"),
            ("b", "now a file"),
            ("case.html", "c"),
            ("d.html", "second"),
            ("e.html", "same"),
        ];
        let mut expected: Vec<_> = expected.iter().map(|(p, b)| (p.to_string(), b.to_string())).collect();
        expected.push((MARKER.to_owned(), marker(&target)));
        if !target.join("CASE.HTML").exists() {
            // A disk that tells cases apart has both.
            expected.push(("Case.html".to_owned(), "c".to_owned()));
        }
        expected.sort();
        assert_eq!(tree(&target), expected);
    }

    /// Every file under `dir`, by its path, with its text.
    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                (rel, fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    fn marker(target: &Path) -> String {
        fs::read_to_string(target.join(MARKER)).unwrap()
    }
}
