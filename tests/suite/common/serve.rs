//! Drives a `goalsite serve` process over HTTP, for the serve tests and the
//! live-reload benchmark.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `goalsite serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    /// The host of the printed address (`127.0.0.1`, `[::1]`).
    pub host: String,
    /// What the server printed to stderr so far.
    stderr: Arc<Mutex<String>>,
    /// The lines the server printed to stdout after its address.
    stdout: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// The lines printed to stdout since `Serving …` (`Rebuilt …` reports).
    pub fn printed(&self) -> Vec<String> {
        self.stdout.lock().unwrap().clone()
    }
}

impl Drop for Server {
    /// Stops the server as Ctrl-C would (so it removes its temporary folder).
    fn drop(&mut self) {
        let stopped = Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
        if !stopped.is_ok_and(|s| s.success()) {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// `goalsite serve` on 127.0.0.1 and a free port.
pub fn serve(root: &Path) -> Server {
    serve_with(root, &["--port", "0"])
}

/// `goalsite serve` with `args`, once it prints `Serving http://HOST:PORT/`.
pub fn serve_with(root: &Path, args: &[&str]) -> Server {
    serve_with_env(root, args, &[])
}

/// [`serve_with`], with the variables `env` set for the server.
pub fn serve_with_env(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Server {
    // The serve benchmark can run another goalsite (an earlier build, for A/B runs).
    let bin = std::env::var_os("GOALSITE_BENCH_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_goalsite").into());
    let mut child = Command::new(bin)
        .env("GOALSITE_LANG", "en")
        .envs(env.iter().copied())
        .args(["serve", "--root", root.to_str().unwrap()])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start goalsite serve");
    let stderr = Arc::new(Mutex::new(String::new()));
    let collected = Arc::clone(&stderr);
    let errors = BufReader::new(child.stderr.take().unwrap());
    std::thread::spawn(move || {
        for line in errors.lines().map_while(Result::ok) {
            collected.lock().unwrap().push_str(&format!("{line}\n"));
        }
    });
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("Serving http://") {
            break rest.split('/').next().unwrap().to_owned();
        }
    };
    let (host, port) = address.rsplit_once(':').expect("HOST:PORT");
    let (host, port) = (host.to_owned(), port.parse().unwrap());
    let stdout = Arc::new(Mutex::new(Vec::new()));
    let printed = Arc::clone(&stdout);
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            eprintln!("serve: {line}");
            printed.lock().unwrap().push(line);
        }
    });
    Server { child, port, host, stderr, stdout }
}

/// A response: status, head (status line and headers) and body.
pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Reply {
    /// The value of header `name` (any case), if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// Sends `raw` bytes as they are to 127.0.0.1:`port` and reads the reply
/// until the server closes the connection (at most 30 s).
pub fn fetch(port: u16, raw: &[u8]) -> std::io::Result<Reply> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.write_all(raw)?;
    let deadline = Instant::now() + Duration::from_secs(30);
    let (mut bytes, mut buf) = (Vec::new(), [0; 8192]);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        s.set_read_timeout(Some(left))?;
        match s.read(&mut buf)? {
            0 => break,
            n => bytes.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    Ok(Reply { status, head: head.to_owned(), body: body.to_owned() })
}

/// `METHOD path` with `Host: localhost`.
pub fn request(port: u16, method: &str, path: &str) -> Reply {
    let raw = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    fetch(port, raw.as_bytes()).expect("a reply")
}

/// GET `path`: (status, body).
pub fn get(port: u16, path: &str) -> (u16, String) {
    let reply = request(port, "GET", path);
    (reply.status, reply.body)
}

/// An open event stream, as a page's live-reload script holds it.
pub struct Events(BufReader<TcpStream>);

impl Events {
    pub fn open(port: u16) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(s, "GET /__goalsite/events HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut events = Events(BufReader::new(s));
        events.wait_for(": connected");
        events
    }

    pub fn wait_for(&mut self, wanted: &str) {
        let mut line = String::new();
        loop {
            line.clear();
            let n = self.0.read_line(&mut line).expect("the event arrives in time");
            assert!(n > 0, "the event stream closed");
            if line.trim_end() == wanted {
                return;
            }
        }
    }
}
