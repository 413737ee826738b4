//! Serve: a live preview for editors. Builds the site into a temporary folder
//! (never into `public/`), serves it on 127.0.0.1, watches the sources,
//! rebuilds on every change and reloads open pages; on a content error it
//! keeps serving the last good build with the problems shown over the page.

mod http;
mod watch;

use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use crate::build::{build, BuildError, BuildOptions};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: String,
    /// `None`: 1111, or the next free port.
    pub port: Option<u16>,
    /// Open the preview in the default browser once it runs.
    pub open: bool,
}

/// What the preview shares between the watcher and the HTTP threads.
pub struct State {
    root: PathBuf,
    /// The folder the current good build is in.
    site: PathBuf,
    base_url: String,
    /// The diagnostics of the last failed build, shown over every page until fixed.
    errors: RwLock<Option<String>>,
    /// One sender per open page, told when to reload.
    clients: Mutex<Vec<Sender<()>>>,
}

impl State {
    /// Tells every open page to reload.
    fn reload_clients(&self) {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|c| c.send(()).is_ok());
    }

    /// Builds the site again; returns a one-line report for the terminal.
    fn rebuild(&self, why: &str) -> String {
        let start = Instant::now();
        let options = BuildOptions {
            root: self.root.clone(),
            output: Some(self.site.clone()),
            base_url: Some(self.base_url.clone()),
        };
        let line = match build(&options) {
            Ok(report) => {
                *self.errors.write().unwrap_or_else(|e| e.into_inner()) = None;
                if !report.warnings.is_empty() {
                    eprintln!("{}", report.warnings);
                }
                format!("Rebuilt {} pages in {} ms ({why})", report.pages, start.elapsed().as_millis())
            }
            Err(e) => {
                let text = match e {
                    BuildError::Content(d) => d.to_string(),
                    BuildError::Usage(m) | BuildError::Io(m) => format!("error: {m}"),
                };
                eprintln!("{text}");
                *self.errors.write().unwrap_or_else(|e| e.into_inner()) = Some(text);
                format!("Build failed ({why}): still serving the last good build, problems shown in the browser")
            }
        };
        self.reload_clients();
        line
    }
}

/// Why the preview could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The port is taken or the address is wrong.
    Usage(String),
    Io(io::Error),
}

impl From<io::Error> for ServeError {
    fn from(e: io::Error) -> Self {
        ServeError::Io(e)
    }
}

/// The default port, as Zola's.
pub const DEFAULT_PORT: u16 = 1111;

/// Runs the preview until the process is stopped (Ctrl-C).
pub fn serve(options: &ServeOptions) -> Result<(), ServeError> {
    let (server, addr) = bind(&options.bind, options.port)?;
    let host = if addr.ip().is_unspecified() { "localhost".to_owned() } else { addr.ip().to_string() };
    let base_url = format!("http://{host}:{}/", addr.port());
    let tmp = tempfile::Builder::new().prefix("goalsite-serve-").tempdir()?;
    // Absolute, because the watcher reports absolute paths.
    let root = std::fs::canonicalize(&options.root)?;
    let state = Arc::new(State {
        root,
        site: tmp.path().join("site"),
        base_url: base_url.clone(),
        errors: RwLock::new(None),
        clients: Mutex::new(Vec::new()),
    });
    println!("{}", state.rebuild("first build"));
    let tmp_path = tmp.keep();
    let cleanup = tmp_path.clone();
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_dir_all(&cleanup);
        println!("\nStopped.");
        std::process::exit(0);
    });
    let _watcher = watch::start(Arc::clone(&state)).map_err(io::Error::other)?;
    println!("Serving {base_url} (Ctrl-C to stop)");
    if options.open {
        if let Err(e) = open::that_detached(&base_url) {
            eprintln!("Could not open a browser ({e}); open {base_url} yourself.");
        }
    }
    http::run(server, state);
    let _ = std::fs::remove_dir_all(&tmp_path);
    Ok(())
}

/// Binds the HTTP server. Without an explicit port, tries 1111 and the next ones.
fn bind(address: &str, port: Option<u16>) -> Result<(tiny_http::Server, SocketAddr), ServeError> {
    let ports: Vec<u16> = match port {
        Some(p) => vec![p],
        None => (DEFAULT_PORT..DEFAULT_PORT + 20).collect(),
    };
    let mut last = String::new();
    for p in ports {
        match tiny_http::Server::http((address, p)) {
            Ok(server) => {
                let addr = server.server_addr().to_ip().ok_or_else(|| ServeError::Usage("not an IP address".into()))?;
                if port.is_none() && p != DEFAULT_PORT {
                    println!("Port {DEFAULT_PORT} is in use; using {p} instead.");
                }
                return Ok((server, addr));
            }
            Err(e) => last = e.to_string(),
        }
    }
    Err(ServeError::Usage(match port {
        Some(p) => format!(
            "cannot serve on {address}:{p}: {last}. Another program may be using the port: try --port {}",
            p.wrapping_add(1)
        ),
        None => format!("cannot serve on {address}: {last}"),
    }))
}

/// The files the preview watches: content, themes and site.toml.
fn watched(root: &Path) -> Vec<(PathBuf, bool)> {
    vec![(root.join("content"), true), (root.join("themes"), true), (root.to_path_buf(), false)]
}
