//! The slow part of a rebuild, after the reload: the parts of the search
//! index whose pages changed (on a site searched in parts, a line says how
//! many), and the PNG pictures and workbooks when they may have changed, made on a thread
//! of their own (on one core, so that the next edit's pages are not kept
//! waiting) and put in place file by file. Only the newest waiting pass
//! runs; a pass that a newer rebuild overtook puts nothing in place, and
//! the next one makes what it owed too.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::locale::Lang;
use crate::pipeline::{Later, Remake};

/// The background passes of a preview.
pub struct Background {
    /// Each rebuild's number; a pass runs only if it is still the newest.
    newest: AtomicU64,
    jobs: Mutex<Option<Sender<(u64, Later)>>>,
    /// Held while files are put in place in the preview's folder.
    pub writing: Arc<Mutex<()>>,
}

impl Background {
    /// Starts the thread that makes the slow files into `site` (a folder).
    pub fn start(site: PathBuf, lang: Lang) -> Arc<Background> {
        let (tx, rx) = channel::<(u64, Later)>();
        let background =
            Arc::new(Background { newest: AtomicU64::new(0), jobs: Mutex::new(Some(tx)), writing: Arc::default() });
        let shared = Arc::clone(&background);
        std::thread::spawn(move || {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().ok();
            // What the passes since the last one that put its files in place owe.
            let mut owed: Option<Remake> = None;
            // What each part of the search index in the folder is made from.
            let mut parts: Vec<Option<u128>> = Vec::new();
            let owe = |owed: &mut Option<Remake>, remake: &Remake| {
                *owed = Some(owed.take().map_or_else(|| remake.clone(), |o| o.and(remake.clone())));
            };
            while let Ok(mut job) = rx.recv() {
                owe(&mut owed, &job.1.remake);
                // Only the newest of those waiting (making what the others owe too).
                while let Ok(newer) = rx.try_recv() {
                    owe(&mut owed, &newer.1.remake);
                    job = newer;
                }
                let (number, mut later) = job;
                if number != shared.newest.load(Ordering::SeqCst) {
                    continue;
                }
                later.remake = owed.clone().unwrap_or(Remake::All);
                let newest = || number == shared.newest.load(Ordering::SeqCst);
                let start = Instant::now();
                let run = || later.run(&site, &parts, &newest, &shared.writing);
                let result = match &pool {
                    Some(pool) => pool.install(run),
                    None => run(),
                };
                match result {
                    Err(problems) => eprintln!("{}", problems.show(lang)),
                    Ok(Some(ran)) => {
                        // A site searched in parts: how many were made again.
                        if ran.search.len() > 1 {
                            let (made, all, ms) =
                                (ran.parts_made, ran.search.len(), start.elapsed().as_millis() as u64);
                            println!("{}", msg!(ServeSearchParts, made = made, parts = all, ms = ms).text(lang));
                        }
                        parts = ran.search;
                    }
                    Ok(None) => {}
                }
                if newest() {
                    owed = None;
                }
            }
        });
        background
    }

    /// A new rebuild has started: a pass of an earlier one puts nothing in place.
    pub fn overtake(&self) -> u64 {
        self.newest.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Runs `later` (of the rebuild `number`) once the passes before it are done.
    pub fn submit(&self, number: u64, later: Later) {
        if let Some(tx) = self.jobs.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            let _ = tx.send((number, later));
        }
    }
}
