//! Drives a `goalsite serve` process over HTTP, for the serve tests and the
//! live-reload benchmark.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `goalsite serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
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

pub fn serve(root: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_goalsite"))
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start goalsite serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("Serving http://127.0.0.1:") {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    std::thread::spawn(move || lines.for_each(|l| eprintln!("serve: {}", l.unwrap_or_default())));
    Server { child, port }
}

/// GET `path`: (status, body).
pub fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let status = text[9..12].parse().unwrap();
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
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
