//! Watches `content/`, `themes/` and `site.toml` and rebuilds after a burst of
//! changes has settled (editors often write a temporary file, then rename it).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::State;

/// How long the sources must be quiet before a rebuild.
const SETTLE: Duration = Duration::from_millis(20);

/// Starts watching; the returned watcher must be kept alive.
pub fn start(state: Arc<State>) -> notify::Result<notify::RecommendedWatcher> {
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading a file (as every build does) is not a change.
        match event {
            Ok(e) if !matches!(e.kind, notify::EventKind::Access(_)) => {
                let _ = tx.send(e.paths);
            }
            _ => {}
        }
    })?;
    for (path, recursive) in super::watched(&state.root) {
        if path.exists() {
            let mode = if recursive { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
            watcher.watch(&path, mode)?;
        }
    }
    std::thread::spawn(move || rebuild_loop(&rx, &state));
    Ok(watcher)
}

fn rebuild_loop(rx: &Receiver<Vec<PathBuf>>, state: &State) {
    while let Ok(first) = rx.recv() {
        let mut changed = first;
        loop {
            match rx.recv_timeout(SETTLE) {
                Ok(more) => changed.extend(more),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let relevant: Vec<String> = changed.iter().filter_map(|p| relevant(&state.root, p)).collect();
        if relevant.is_empty() {
            continue;
        }
        let mut names = relevant;
        names.sort();
        names.dedup();
        let why = match names.len() {
            1 => format!("{} changed", names[0]),
            n => format!("{} and {} more changed", names[0], n - 1),
        };
        println!("{}", state.rebuild(&why));
    }
}

/// The path relative to the root if a change there matters: in content/ or
/// themes/, or site.toml itself; not hidden or editor backup files.
fn relevant(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    if crate::load::is_ignored(&rel.file_name()?.to_string_lossy()) {
        return None;
    }
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    let in_sources = first == "content" || first == "themes" || rel == Path::new(crate::config::CONFIG_FILE);
    in_sources.then(|| rel.to_string_lossy().replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_source_files_trigger_a_rebuild() {
        let root = Path::new("/site");
        assert_eq!(relevant(root, Path::new("/site/content/a.sv.md")).as_deref(), Some("content/a.sv.md"));
        assert_eq!(relevant(root, Path::new("/site/site.toml")).as_deref(), Some("site.toml"));
        assert_eq!(relevant(root, Path::new("/site/content/.a.sv.md.swp")), None);
        assert_eq!(relevant(root, Path::new("/site/public/index.html")), None);
        assert_eq!(relevant(root, Path::new("/site/README.md")), None);
    }
}
