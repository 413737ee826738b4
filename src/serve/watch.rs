//! Watches the site's sources: `content/`, `themes/`, `editions/`, `site.toml` and the
//! logo `site.toml` names, also when a folder is created or the logo moves
//! after the preview started; rebuilds once a save is done: at once when every
//! file written has been closed or renamed into place, otherwise when the
//! burst of changes has settled (editors often write a temporary file, then
//! rename it, and not every system says when a file is closed).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::{Rebuilds, State};

/// How long the sources must be quiet before a rebuild while a file may still
/// be half-written (opened for writing and not closed, moved away or removed
/// and perhaps coming back).
const SETTLE: Duration = Duration::from_millis(20);
/// How long to wait for more once every file written is in place (closed
/// after writing, or renamed to its name): the next save of a burst, as when
/// git writes many files, comes within it.
const QUIET: Duration = Duration::from_millis(2);

/// What an event says of one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Being written, moved away or removed, or a folder just created (its
    /// first files may come before it is watched): the save may not be done.
    Open,
    /// In place: closed after writing, or renamed to this name.
    Done,
    /// Changed otherwise (its metadata, a folder removed): nothing to wait for.
    Touched,
}

/// The paths an event names and what it says of each; nothing for reading a
/// file (as every build does). An editor's temporary or backup file (never a
/// source) is followed too, so that a save of several files that writes each
/// beside its place first is waited for; it is in place once closed, renamed
/// or removed.
///
/// When the system lost events (its queue overflowed), `content` stands for
/// what changed: the sources are read again after the burst settles.
fn steps(event: notify::Event, content: &Path) -> Vec<(PathBuf, Step)> {
    use notify::event::{AccessKind, AccessMode, ModifyKind, RemoveKind, RenameMode};
    use notify::EventKind;
    if event.need_rescan() {
        return vec![(content.to_path_buf(), Step::Open)];
    }
    let last = event.paths.len().saturating_sub(1);
    let kind = event.kind;
    let step = move |(i, path): (usize, PathBuf)| {
        let temporary = path.file_name().is_some_and(|n| crate::source::is_ignored(&n.to_string_lossy()));
        let step = match kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => Step::Done,
            EventKind::Access(_) => return None,
            EventKind::Modify(ModifyKind::Name(RenameMode::To)) => Step::Done,
            // Renamed from one name (moved away) to the other (in place).
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)) if i == last => Step::Done,
            // A source moved away or removed may be coming back (a safe save); a temporary file is gone.
            EventKind::Modify(ModifyKind::Name(_)) | EventKind::Remove(_) if temporary => Step::Done,
            EventKind::Modify(ModifyKind::Metadata(_)) | EventKind::Remove(RemoveKind::Folder) => Step::Touched,
            // Being written, or a folder whose first files may come before it is watched.
            _ => Step::Open,
        };
        Some((path, step))
    };
    event.paths.into_iter().enumerate().filter_map(step).collect()
}

/// The changes since the first of a burst, and the paths not yet in place
/// (a temporary file's name is left out of the changes later, by [`relevant`]).
#[derive(Debug, Default)]
struct Burst {
    changed: Vec<PathBuf>,
    open: BTreeSet<PathBuf>,
}

impl Burst {
    fn add(&mut self, steps: Vec<(PathBuf, Step)>) {
        for (path, step) in steps {
            match step {
                Step::Open => {
                    self.open.insert(path.clone());
                }
                Step::Done => {
                    self.open.remove(&path);
                }
                Step::Touched => {}
            }
            self.changed.push(path);
        }
    }

    /// How long to wait for the next change before rebuilding.
    fn wait(&self) -> Duration {
        if self.open.is_empty() {
            QUIET
        } else {
            SETTLE
        }
    }
}

/// What is being watched: the watcher, and the paths it watches.
struct Watching {
    watcher: notify::RecommendedWatcher,
    paths: BTreeSet<PathBuf>,
}

/// Starts watching; watching lasts as long as the returned value lives.
pub fn start(state: Arc<State>, rebuilds: Rebuilds) -> notify::Result<Watch> {
    let (tx, rx) = channel();
    let content = state.root.join(crate::load::CONTENT_DIR);
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(steps) = event.map(|e| steps(e, &content)) {
            if !steps.is_empty() {
                let _ = tx.send(steps);
            }
        }
    })?;
    let watching = Arc::new(Mutex::new(Watching { watcher, paths: BTreeSet::new() }));
    watch_sources(&watching, &state.root)?;
    let watch = Watch { _watching: Arc::clone(&watching) };
    std::thread::spawn(move || rebuild_loop(&rx, &state, &rebuilds, &watching));
    Ok(watch)
}

/// The running watch: the watcher stops when this is dropped.
pub struct Watch {
    _watching: Arc<Mutex<Watching>>,
}

/// Watches every source folder that exists and is not watched yet: content,
/// themes and the archived editions (recursively), the root (for `site.toml` and new folders), and
/// the folder of the logo.
fn watch_sources(watching: &Mutex<Watching>, root: &Path) -> notify::Result<()> {
    let mut w = watching.lock().unwrap_or_else(|e| e.into_inner());
    let mut wanted = vec![
        (root.join("content"), true),
        (root.join("themes"), true),
        (root.join(crate::editions::EDITIONS_DIR), true),
        (root.to_path_buf(), false),
    ];
    if let Some(logo) = logo(root) {
        wanted.extend(logo.parent().map(|dir| (dir.to_path_buf(), false)));
    }
    for (path, recursive) in wanted {
        if path.is_dir() && !w.paths.contains(&path) {
            let mode = if recursive { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
            w.watcher.watch(&path, mode)?;
            w.paths.insert(path);
        }
    }
    Ok(())
}

/// The logo file `site.toml` names, if it names one.
fn logo(root: &Path) -> Option<PathBuf> {
    let (config, _) = crate::config::SiteConfig::load(root).ok()?;
    Some(root.join(config.branding.logo?.get_ref()))
}

fn rebuild_loop(rx: &Receiver<Vec<(PathBuf, Step)>>, state: &State, rebuilds: &Rebuilds, watching: &Mutex<Watching>) {
    while let Ok(first) = rx.recv() {
        let mut burst = Burst::default();
        burst.add(first);
        loop {
            match rx.recv_timeout(burst.wait()) {
                Ok(more) => burst.add(more),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let changed = burst.changed;
        let logo = logo(&state.root);
        let relevant: Vec<String> = changed.iter().filter_map(|p| relevant(&state.root, p, logo.as_deref())).collect();
        if relevant.is_empty() {
            continue;
        }
        // A folder created since the start (themes/, say), or the logo's new folder.
        if let Err(e) = watch_sources(watching, &state.root) {
            eprintln!("{}", msg!(ServeNotWatched, detail = e.to_string()).text(state.lang));
        }
        let mut names = relevant;
        names.sort();
        names.dedup();
        let why = msg!(ServeChanged, file = names[0].as_str(), more = names.len() - 1);
        println!("{}", state.rebuild(rebuilds, Some(why)));
    }
}

/// The path relative to the root if a change there matters: in content/,
/// themes/ or editions/, site.toml itself or the logo; not hidden or editor backup files.
fn relevant(root: &Path, path: &Path, logo: Option<&Path>) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    if crate::source::is_ignored(&rel.file_name()?.to_string_lossy()) {
        return None;
    }
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    let in_sources = first == "content"
        || first == "themes"
        || first == crate::editions::EDITIONS_DIR
        || rel == Path::new(crate::config::CONFIG_FILE)
        || logo.is_some_and(|l| l == path);
    in_sources.then(|| rel.to_string_lossy().replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_source_files_trigger_a_rebuild() {
        let root = Path::new("/site");
        let logo = Some(Path::new("/site/bilder/logo.svg"));
        let r = |p: &str| relevant(root, Path::new(p), logo);
        assert_eq!(r("/site/content/a.sv.md").as_deref(), Some("content/a.sv.md"));
        assert_eq!(r("/site/site.toml").as_deref(), Some("site.toml"));
        assert_eq!(r("/site/themes").as_deref(), Some("themes"), "a themes folder created later");
        assert_eq!(r("/site/editions/2024/corrections.toml").as_deref(), Some("editions/2024/corrections.toml"));
        assert_eq!(r("/site/bilder/logo.svg").as_deref(), Some("bilder/logo.svg"));
        assert_eq!(r("/site/bilder/other.svg"), None);
        assert_eq!(r("/site/content/.a.sv.md.swp"), None);
        // What editors write beside the file they save: one save names one file.
        for temporary in ["4913", "a.sv.md~", "a.sv.md.tmp", "a.sv.md___jb_tmp___", ".#a.sv.md", "#a.sv.md#"] {
            assert_eq!(r(&format!("/site/content/{temporary}")), None, "{temporary}");
        }
        assert_eq!(r("/site/public/index.html"), None);
        assert_eq!(r("/site/README.md"), None);
    }

    use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RemoveKind, RenameMode};
    use notify::{Event, EventKind};

    /// The burst after these events (as inotify reports them), and how long it waits.
    fn after(events: &[(EventKind, &[&str])]) -> (Burst, Duration) {
        let mut burst = Burst::default();
        for (kind, paths) in events {
            let event = paths.iter().fold(Event::new(*kind), |e, p| e.add_path(PathBuf::from(p)));
            burst.add(steps(event, Path::new("/site/content")));
        }
        let wait = burst.wait();
        (burst, wait)
    }

    const CREATE: EventKind = EventKind::Create(CreateKind::File);
    const WRITE: EventKind = EventKind::Modify(ModifyKind::Data(DataChange::Any));
    const CLOSE: EventKind = EventKind::Access(AccessKind::Close(AccessMode::Write));
    const FROM: EventKind = EventKind::Modify(ModifyKind::Name(RenameMode::From));
    const TO: EventKind = EventKind::Modify(ModifyKind::Name(RenameMode::To));
    const BOTH: EventKind = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
    const REMOVE: EventKind = EventKind::Remove(RemoveKind::File);

    #[test]
    fn a_save_closed_or_renamed_into_place_rebuilds_at_once() {
        let a = "/site/content/a.sv.md";
        // Written in place (VS Code, most editors, the browser editor).
        let (burst, wait) = after(&[(WRITE, &[a]), (CLOSE, &[a])]);
        assert_eq!((wait, burst.changed.len()), (QUIET, 2));
        // vim: the original moved to a backup, a new file written, the backup removed.
        let (_, wait) = after(&[
            (CREATE, &["/site/content/4913"]),
            (REMOVE, &["/site/content/4913"]),
            (FROM, &[a]),
            (TO, &["/site/content/a.sv.md~"]),
            (BOTH, &[a, "/site/content/a.sv.md~"]),
            (CREATE, &[a]),
            (WRITE, &[a]),
            (CLOSE, &[a]),
            (REMOVE, &["/site/content/a.sv.md~"]),
        ]);
        assert_eq!(wait, QUIET);
        // JetBrains: a temporary file written, then renamed over the original.
        let tmp = "/site/content/a.sv.md___jb_tmp___";
        let old = "/site/content/a.sv.md___jb_old___";
        let (burst, wait) = after(&[
            (CREATE, &[tmp]),
            (CLOSE, &[tmp]),
            (FROM, &[a]),
            (TO, &[old]),
            (BOTH, &[a, old]),
            (FROM, &[tmp]),
            (TO, &[a]),
            (BOTH, &[tmp, a]),
            (REMOVE, &[old]),
        ]);
        assert_eq!(wait, QUIET);
        let relevant: Vec<_> = burst.changed.iter().filter_map(|p| relevant(Path::new("/site"), p, None)).collect();
        assert!(relevant.iter().all(|p| p == "content/a.sv.md"), "temporary files are not changes");
        // Reading a file is not a change.
        let (burst, _) = after(&[(EventKind::Access(AccessKind::Close(AccessMode::Read)), &[a])]);
        assert!(burst.changed.is_empty());
    }

    #[test]
    fn a_save_of_several_files_is_waited_for_until_the_last_is_in_place() {
        // The browser editor, git, rsync: each file written beside its place, then renamed into it.
        const A: &str = "/site/content/a.sv.md";
        const B: &str = "/site/content/a.en.md";
        const TA: &str = "/site/content/.a.sv.md.tmp";
        const TB: &str = "/site/content/.a.en.md.tmp";
        let mut events: Vec<(EventKind, &[&str])> =
            vec![(CREATE, &[TA]), (CLOSE, &[TA]), (FROM, &[TA]), (TO, &[A]), (BOTH, &[TA, A])];
        assert_eq!(after(&events).1, QUIET);
        events.extend([(CREATE, &[TB][..]), (WRITE, &[TB])]);
        assert_eq!(after(&events).1, SETTLE, "the second file is still being written");
        events.extend([(CLOSE, &[TB][..]), (FROM, &[TB]), (TO, &[B]), (BOTH, &[TB, B])]);
        assert_eq!(after(&events).1, QUIET);
        // A new folder: its first files may come before it is watched.
        assert_eq!(after(&[(EventKind::Create(CreateKind::Folder), &["/site/content/ny"])]).1, SETTLE);
    }

    #[test]
    fn a_file_still_open_moved_away_or_removed_waits_for_the_burst_to_settle() {
        let a = "/site/content/a.sv.md";
        assert_eq!(after(&[(CREATE, &[a])]).1, SETTLE, "created, not yet closed");
        assert_eq!(after(&[(WRITE, &[a])]).1, SETTLE, "written, not yet closed");
        // The middle of a safe save: the original moved away, its new text not yet in place.
        let b = "/site/content/b.sv.md";
        assert_eq!(after(&[(FROM, &[a]), (TO, &[b]), (BOTH, &[a, b])]).1, SETTLE);
        assert_eq!(after(&[(REMOVE, &[a])]).1, SETTLE, "removed, perhaps to be written anew");
        // Events lost (the system's queue overflowed): everything is read again, after the settling time.
        let lost = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        let mut burst = Burst::default();
        burst.add(steps(lost, Path::new("/site/content")));
        assert_eq!(burst.wait(), SETTLE);
        assert_eq!(relevant(Path::new("/site"), &burst.changed[0], None).as_deref(), Some("content"));
        // A system that does not say when a file is closed: always the settling time.
        assert_eq!(after(&[(EventKind::Modify(ModifyKind::Any), &[a])]).1, SETTLE);
        assert_eq!(after(&[(WRITE, &[a]), (CLOSE, &[a]), (WRITE, &["/site/content/b.sv.md"])]).1, SETTLE);
    }
}
