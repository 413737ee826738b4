//! Serve: a live preview for editors. Builds the site into a temporary folder
//! (never into `public/`), serves it on 127.0.0.1, watches the sources,
//! rebuilds on every change and reloads open pages; on a content error it
//! keeps serving the last good build with the problems shown over the page.
//!
//! The HTTP side is axum's router on hyper and tokio, bounded: `address`
//! picks where to listen, `listener` admits a set number of connections and
//! serves each under deadlines (`guarded` times out a client that does not
//! take its response), `routes` says what is answered (`host` guards against
//! DNS rebinding, `site` answers from the build, `events` keeps the
//! live-reload streams, `editor` the browser editor and its write route)
//! and `reply` shapes the answers.

mod address;
mod background;
mod editor;
mod events;
mod guarded;
mod host;
mod listener;
mod reply;
mod routes;
mod site;
mod watch;

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use crate::build::BuildError;
use crate::cache::{Cache, OutputId};
use crate::locale::Lang;
use crate::messages::Message;
use crate::pipeline::{self, Plan, Silent};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: String,
    /// `None`: 1111, or the next free port.
    pub port: Option<u16>,
    /// Open the preview in the default browser once it runs.
    pub open: bool,
    /// The language of what the terminal shows (the overlay follows each page's).
    pub lang: Lang,
}

/// What the preview shares between the watcher and the HTTP threads.
pub struct State {
    root: PathBuf,
    /// The folder the current good build is in.
    site: PathBuf,
    base_url: String,
    /// The language of the terminal's lines.
    lang: Lang,
    /// Why the last build failed, shown over every page (in the page's
    /// language) until it is fixed.
    errors: RwLock<Option<Arc<BuildError>>>,
    /// The open pages' live-reload streams.
    events: events::Events,
    /// The browser editor, on a preview on this computer only.
    editor: Option<editor::Editor>,
}

/// What one rebuild leaves the next: the watcher's, beside the [`State`].
pub struct Rebuilds {
    /// What the last good build made (the build cache, kept in memory), so
    /// that a rebuild renders only the pages an edit touched.
    cache: Mutex<Option<Cache>>,
    /// The slow files (search index, PNG pictures, workbooks), made after the reload.
    background: Arc<background::Background>,
}

impl State {
    /// Builds the site again (the pages an edit touched, into the folder
    /// served), reloads the open pages, and leaves the slow files to the
    /// background; returns a one-line report for the terminal. `why` is
    /// what changed (none for the first build).
    fn rebuild(&self, rebuilds: &Rebuilds, why: Option<Message>) -> String {
        let start = Instant::now();
        let number = rebuilds.background.overtake();
        let why = why.unwrap_or_else(|| msg!(ServeFirstBuild)).text(self.lang);
        let last = rebuilds.cache.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let plan = Plan { base_url: Some(&self.base_url), output: Some(&self.site), cached: true, last, defer: true };
        let built = pipeline::run_plan(&self.root, plan, &Silent).map_err(BuildError::Content).and_then(|passed| {
            let out = passed.output.as_ref().ok_or_else(|| BuildError::Io(msg!(NothingWritten)))?;
            let failed = |e: io::Error| BuildError::Io(msg!(OutputNotSwapped, detail = e.to_string()));
            // Until the background has made them anew, a new folder keeps the last one's slow files.
            out.carry(&self.site, pipeline::is_slow).map_err(failed)?;
            Ok(passed)
        });
        let line = match built {
            Ok(mut passed) => {
                let finished = {
                    let _writing = rebuilds.background.writing.lock().unwrap_or_else(|e| e.into_inner());
                    passed.output.take().map(|out| out.finish())
                };
                match finished {
                    Some(Err(e)) => {
                        eprintln!("{}", msg!(OutputNotSwapped, detail = e.to_string()).text(self.lang));
                        // Some files may have been put in place, others not: the next pass makes every one.
                        passed.cache = None;
                    }
                    // The old output a whole new folder replaced is removed after the reload.
                    Some(Ok(done)) => done.remove_old_later(),
                    None => {}
                }
                *self.errors.write().unwrap_or_else(|e| e.into_inner()) = None;
                if !passed.warnings.is_empty() {
                    eprintln!("{}", passed.warnings.show(self.lang));
                }
                let cache = passed.cache.take().zip(OutputId::of(&self.site)).map(|(mut cache, id)| {
                    cache.output = id;
                    cache
                });
                *rebuilds.cache.lock().unwrap_or_else(|e| e.into_inner()) = cache;
                if let Some(later) = passed.later.take() {
                    rebuilds.background.submit(number, later);
                }
                let ms = start.elapsed().as_millis() as u64;
                msg!(ServeRebuilt, pages = passed.pages, ms = ms, why = why)
            }
            Err(e) => {
                if matches!(&e, BuildError::Content(problems) if pipeline::known_file_changed(problems)) {
                    // The next pass reads every file again.
                    *rebuilds.cache.lock().unwrap_or_else(|e| e.into_inner()) = None;
                }
                eprintln!("{}", e.show(self.lang));
                *self.errors.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(e));
                let served = self.site.join("index.html").exists();
                msg!(ServeFailed, why = why, served = if served { "last-good" } else { "nothing" })
            }
        };
        self.events.reload();
        line.text(self.lang)
    }
}

/// Why the preview could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The address cannot be used: not an address, not this computer's, or the port is taken.
    Usage(Message),
    Io(io::Error),
}

impl ServeError {
    /// The error as an editor reads it in `lang`.
    pub fn show(&self, lang: Lang) -> String {
        match self {
            ServeError::Usage(message) => message.text(lang),
            ServeError::Io(e) => e.to_string(),
        }
    }
}

/// English, as logs show it; [`ServeError::show`] gives it in another language.
impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.show(Lang::known(crate::messages::FALLBACK)))
    }
}

impl std::error::Error for ServeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ServeError::Usage(_) => None,
            ServeError::Io(e) => Some(e),
        }
    }
}

impl From<io::Error> for ServeError {
    fn from(e: io::Error) -> Self {
        ServeError::Io(e)
    }
}

/// The default port, as Zola's.
pub const DEFAULT_PORT: u16 = 1111;

/// How much any client may take of the preview.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// Threads that answer requests (the runtime's workers; a connection
    /// waiting for its client holds none).
    workers: usize,
    /// Connections open at a time, waiting or being answered; one more gets 503 at once.
    open_connections: usize,
    /// The longest request head (request line and headers) read; longer gets
    /// 431. At least 8 KiB (hyper's smallest buffer).
    head_bytes: usize,
    /// How long a client has to send its request head (408 if it sent part of it).
    head_time: Duration,
    /// How long a write may wait for the client to take bytes.
    write_time: Duration,
    /// Open live-reload streams; one more gets 503.
    event_streams: usize,
}

const LIMITS: Limits = Limits {
    workers: 2,
    open_connections: 64,
    head_bytes: 16 * 1024,
    head_time: Duration::from_secs(10),
    write_time: Duration::from_secs(10),
    event_streams: 32,
};

/// Runs the preview until the process is stopped (Ctrl-C).
pub fn serve(options: &ServeOptions) -> Result<(), ServeError> {
    let lang = options.lang;
    let listening = address::listen(&options.bind, options.port, lang)?;
    if let Some(warning) = listening.warning() {
        eprintln!("{}: {}", msg!(SeverityWarning).text(lang), warning.text(lang));
    }
    let base_url = listening.url();
    let tmp = tempfile::Builder::new().prefix("goalsite-serve-").tempdir()?;
    let local = address::is_loopback(listening.addr.ip());
    // Absolute, because the watcher reports absolute paths.
    let root = std::fs::canonicalize(&options.root)?;
    let state = Arc::new(State {
        root,
        site: tmp.path().join("site"),
        base_url: base_url.clone(),
        lang,
        errors: RwLock::new(None),
        events: events::Events::new(LIMITS.event_streams),
        editor: local.then(editor::Editor::new),
    });
    let rebuilds =
        Rebuilds { cache: Mutex::new(None), background: background::Background::start(state.site.clone(), lang) };
    println!("{}", state.rebuild(&rebuilds, None));
    let tmp_path = tmp.keep();
    let cleanup = tmp_path.clone();
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_dir_all(&cleanup);
        println!("\n{}", msg!(ServeStopped).text(lang));
        std::process::exit(0);
    });
    let _watcher = watch::start(Arc::clone(&state), rebuilds).map_err(io::Error::other)?;
    println!("{}", msg!(ServeServing, url = base_url.as_str()).text(lang));
    match local {
        true => println!("{}", msg!(ServeEditorAt, url = format!("{base_url}admin/")).text(lang)),
        false => println!("{}", msg!(ServeEditorLocalOnly).text(lang)),
    }
    if options.open {
        if let Err(e) = open::that_detached(&base_url) {
            eprintln!("{}", msg!(ServeNoBrowser, detail = e.to_string(), url = base_url.as_str()).text(lang));
        }
    }
    let app = routes::app(state, host::Hosts::for_address(listening.addr));
    // Builds run outside this runtime (the first above, the others on the
    // watcher's thread): the search index's own runtime cannot start inside it.
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(LIMITS.workers).enable_all().build()?;
    let served = runtime.block_on(listener::run(listening.listener, app, LIMITS));
    let _ = std::fs::remove_dir_all(&tmp_path);
    Ok(served?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serve_errors_read_as_their_message_and_keep_their_cause() {
        let usage = ServeError::Usage(msg!(ServePortsInUse, at = "127.0.0.1", first = 1111, last = 1130));
        assert_eq!(
            usage.to_string(),
            "cannot serve on 127.0.0.1: the ports 1111 to 1130 are all in use; choose a free one with --port N"
        );
        assert!(std::error::Error::source(&usage).is_none());
        let io = ServeError::from(io::Error::new(io::ErrorKind::PermissionDenied, "no"));
        assert_eq!(io.to_string(), "no");
        assert!(std::error::Error::source(&io).is_some());
    }
}
