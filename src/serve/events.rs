//! The live-reload event streams (Server-Sent Events): one thread holds every
//! open page's stream, writes `event: reload` after each build and a comment
//! now and then to keep it open, and drops the streams of pages that are gone.
//! At most a set number of streams are open; one more gets `503`.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use super::http::Response;

/// The response head of a stream, as written to a new page and for `HEAD`.
pub const STREAM_HEAD: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                               Connection: close\r\n\r\n";
const CONNECTED: &str = ": connected\n\n";
const RELOAD: &str = "event: reload\ndata: reload\n\n";
const KEEP_ALIVE: &str = ": keep-alive\n\n";

/// How often a quiet stream gets a comment (proxies and browsers close silent ones).
const KEEP_ALIVE_EVERY: Duration = Duration::from_secs(15);
/// How often the streams are checked for pages that closed.
const CHECK_EVERY: Duration = Duration::from_secs(1);

/// What the broadcaster is told.
enum Message {
    /// A page opened its stream (after its request was read).
    Subscribe(TcpStream),
    Reload,
}

/// The handle the rest of the preview holds: tells the broadcaster thread.
pub struct Events(Sender<Message>);

impl Events {
    /// Tells every open page to reload.
    pub fn reload(&self) {
        let _ = self.0.send(Message::Reload);
    }

    /// Hands a page's connection, its request read, to the broadcaster.
    pub fn subscribe(&self, stream: TcpStream) {
        let _ = self.0.send(Message::Subscribe(stream));
    }
}

/// Starts the broadcaster thread, holding at most `most` streams.
pub fn start(most: usize) -> Events {
    let (tx, rx) = channel();
    std::thread::spawn(move || broadcast(&rx, most));
    Events(tx)
}

fn broadcast(messages: &Receiver<Message>, most: usize) {
    let mut streams = Streams { open: Vec::new(), most };
    let mut next_keep_alive = Instant::now() + KEEP_ALIVE_EVERY;
    loop {
        let wait = next_keep_alive.saturating_duration_since(Instant::now()).min(CHECK_EVERY);
        match messages.recv_timeout(wait) {
            Ok(Message::Subscribe(stream)) => streams.admit(stream),
            Ok(Message::Reload) => streams.send(RELOAD),
            Err(RecvTimeoutError::Timeout) => {
                streams.drop_closed();
                if Instant::now() >= next_keep_alive {
                    streams.send(KEEP_ALIVE);
                    next_keep_alive = Instant::now() + KEEP_ALIVE_EVERY;
                }
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// The open streams. Every socket is non-blocking: a page that does not read
/// its stream is dropped, never waited for.
struct Streams {
    open: Vec<TcpStream>,
    most: usize,
}

impl Streams {
    fn admit(&mut self, mut stream: TcpStream) {
        if stream.set_nonblocking(true).is_err() {
            return;
        }
        if self.open.len() >= self.most {
            self.drop_closed();
        }
        if self.open.len() >= self.most {
            let full = Response::text(503, "Too many pages of the preview are open: close some, then reload this one.");
            let _ = stream.write_all(&full.bytes(true));
            return;
        }
        let greeting = format!("{STREAM_HEAD}{CONNECTED}");
        if stream.write_all(greeting.as_bytes()).is_ok() {
            self.open.push(stream);
        }
    }

    /// Writes `message` to every stream; drops those that cannot take it whole.
    fn send(&mut self, message: &str) {
        self.open.retain_mut(|stream| stream.write_all(message.as_bytes()).is_ok());
    }

    /// Drops the streams whose page has closed the connection (or sent
    /// something, which a page never does once its stream is open).
    fn drop_closed(&mut self) {
        self.open.retain_mut(|stream| {
            let mut byte = [0; 1];
            matches!(stream.read(&mut byte), Err(e) if e.kind() == io::ErrorKind::WouldBlock)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader};
    use std::net::TcpListener;

    /// A page's end of a new stream, and the server's end.
    fn open_page(listener: &TcpListener) -> (BufReader<TcpStream>, TcpStream) {
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        client.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        (BufReader::new(client), listener.accept().unwrap().0)
    }

    /// Reads lines until `wanted`; false if the stream ends first.
    fn reads(page: &mut BufReader<TcpStream>, wanted: &str) -> bool {
        let mut line = String::new();
        loop {
            line.clear();
            match page.read_line(&mut line) {
                Ok(0) | Err(_) => return false,
                Ok(_) if line.trim_end() == wanted => return true,
                Ok(_) => {}
            }
        }
    }

    #[test]
    fn every_open_page_is_told_to_reload() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let events = start(8);
        let mut pages: Vec<_> = (0..3)
            .map(|_| {
                let (mut page, server_end) = open_page(&listener);
                events.subscribe(server_end);
                assert!(reads(&mut page, ": connected"));
                page
            })
            .collect();
        events.reload();
        for page in &mut pages {
            assert!(reads(page, "event: reload"));
        }
    }

    #[test]
    fn one_stream_over_the_limit_is_refused() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut streams = Streams { open: Vec::new(), most: 2 };
        let mut pages: Vec<_> = (0..3)
            .map(|_| {
                let (page, server_end) = open_page(&listener);
                streams.admit(server_end);
                page
            })
            .collect();
        assert_eq!(streams.open.len(), 2);
        assert!(reads(&mut pages[0], ": connected"));
        let mut refused = String::new();
        pages[2].read_to_string(&mut refused).unwrap();
        assert!(refused.starts_with("HTTP/1.1 503 Service Unavailable\r\n"), "{refused}");
    }

    #[test]
    fn closed_pages_free_their_place() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut streams = Streams { open: Vec::new(), most: 2 };
        let (closed, server_end) = open_page(&listener);
        streams.admit(server_end);
        let (mut open, server_end) = open_page(&listener);
        streams.admit(server_end);
        drop(closed);
        // The page's close reaches the server's socket asynchronously.
        for _ in 0..200 {
            streams.drop_closed();
            if streams.open.len() < 2 {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(streams.open.len(), 1);
        let (mut new, server_end) = open_page(&listener);
        streams.admit(server_end);
        assert!(reads(&mut new, ": connected"), "the freed place is taken");
        streams.send(RELOAD);
        assert!(reads(&mut open, "event: reload"));
        assert!(reads(&mut new, "event: reload"));
    }

    #[test]
    fn a_page_that_does_not_read_is_dropped_not_waited_for() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut streams = Streams { open: Vec::new(), most: 2 };
        let (_never_reads, server_end) = open_page(&listener);
        streams.admit(server_end);
        let big = "x".repeat(64 * 1024);
        for _ in 0..1000 {
            streams.send(&big);
            if streams.open.is_empty() {
                break;
            }
        }
        assert!(streams.open.is_empty(), "a full socket drops the stream");
    }
}
