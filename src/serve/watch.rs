//! Watches the site's sources: `content/`, `themes/`, `editions/`, `site.toml` and the
//! logo `site.toml` names, also when a folder is created or the logo moves
//! after the preview started; rebuilds after a burst of changes has settled
//! (editors often write a temporary file, then rename it).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::{Rebuilds, State};

/// How long the sources must be quiet before a rebuild.
const SETTLE: Duration = Duration::from_millis(20);

/// What is being watched: the watcher, and the paths it watches.
struct Watching {
    watcher: notify::RecommendedWatcher,
    paths: BTreeSet<PathBuf>,
}

/// Starts watching; watching lasts as long as the returned value lives.
pub fn start(state: Arc<State>, rebuilds: Rebuilds) -> notify::Result<Watch> {
    let (tx, rx) = channel();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading a file (as every build does) is not a change.
        match event {
            Ok(e) if !matches!(e.kind, notify::EventKind::Access(_)) => {
                let _ = tx.send(e.paths);
            }
            _ => {}
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

fn rebuild_loop(rx: &Receiver<Vec<PathBuf>>, state: &State, rebuilds: &Rebuilds, watching: &Mutex<Watching>) {
    while let Ok(first) = rx.recv() {
        let mut changed = first;
        loop {
            match rx.recv_timeout(SETTLE) {
                Ok(more) => changed.extend(more),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
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
    if crate::load::is_ignored(&rel.file_name()?.to_string_lossy()) {
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
}
