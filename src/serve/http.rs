//! HTTP/1.1 on the wire, one request per connection: reads a request head
//! within a size limit and a deadline, and writes a response (`Connection:
//! close`) within a deadline. Request bodies are never read.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// A request line and the one header the preview needs.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The path and query, as sent (still percent-encoded).
    pub target: String,
    pub host: Option<String>,
}

impl Request {
    /// The target without its query.
    pub fn path(&self) -> &str {
        self.target.split(['?', '#']).next().unwrap_or("/")
    }

    pub fn is_head(&self) -> bool {
        self.method == "HEAD"
    }
}

/// Why no request could be read.
#[derive(Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// The client left (or sent nothing in time): nobody to answer.
    Gone,
    /// Not a request this server understands (400, or 505 for another HTTP version).
    Malformed(u16),
    /// The head was not complete in time (408).
    TooSlow,
    /// The head is longer than the limit (431).
    TooLarge,
}

impl Unreadable {
    /// The status to answer with, if anyone is listening.
    pub fn status(&self) -> Option<u16> {
        match self {
            Unreadable::Gone => None,
            Unreadable::Malformed(status) => Some(*status),
            Unreadable::TooSlow => Some(408),
            Unreadable::TooLarge => Some(431),
        }
    }
}

/// Reads one request head of at most `max` bytes, complete before `deadline`.
pub fn read_request(stream: &mut TcpStream, max: usize, deadline: Instant) -> Result<Request, Unreadable> {
    let head = read_head(stream, max, deadline)?;
    parse_head(&head)
}

/// The bytes up to and including the blank line that ends the head.
fn read_head(stream: &mut TcpStream, max: usize, deadline: Instant) -> Result<Vec<u8>, Unreadable> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0; 4096];
    loop {
        let left = time_left(deadline).map_err(|_| too_slow(&head))?;
        stream.set_read_timeout(Some(left)).map_err(|_| Unreadable::Gone)?;
        let n = match stream.read(&mut chunk) {
            Ok(0) if head.is_empty() => return Err(Unreadable::Gone),
            Ok(0) => return Err(Unreadable::Malformed(400)),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
                return Err(too_slow(&head))
            }
            Err(_) => return Err(Unreadable::Gone),
        };
        let searched = head.len().saturating_sub(3);
        head.extend_from_slice(&chunk[..n]);
        match end_of_head(&head, searched) {
            Some(end) if end <= max => {
                head.truncate(end);
                return Ok(head);
            }
            Some(_) => return Err(Unreadable::TooLarge),
            None if head.len() >= max => return Err(Unreadable::TooLarge),
            None => {}
        }
    }
}

/// A client that sent nothing is just gone; one that sent part of a head is told.
fn too_slow(head: &[u8]) -> Unreadable {
    if head.is_empty() {
        Unreadable::Gone
    } else {
        Unreadable::TooSlow
    }
}

/// Where the head ends (after `\r\n\r\n`, or a bare `\n\n`), searching from `from`.
fn end_of_head(bytes: &[u8], from: usize) -> Option<usize> {
    (from..bytes.len()).find_map(|i| {
        let rest = &bytes[i..];
        if rest.starts_with(b"\r\n\r\n") {
            Some(i + 4)
        } else if rest.starts_with(b"\n\n") {
            Some(i + 2)
        } else if rest.starts_with(b"\n\r\n") {
            Some(i + 3)
        } else {
            None
        }
    })
}

/// Parses a complete head: request line, then `Name: value` lines.
fn parse_head(head: &[u8]) -> Result<Request, Unreadable> {
    // Lossy: a stray byte in some header (a cookie of another local app) must
    // not make the request unreadable; the request line is checked to be ASCII.
    let text = String::from_utf8_lossy(head);
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).skip_while(|l| l.is_empty());
    let (method, target) = parse_request_line(lines.next().unwrap_or(""))?;
    let mut host = None;
    for line in lines.take_while(|l| !l.is_empty()) {
        let (name, value) = parse_header(line)?;
        if name.eq_ignore_ascii_case("host") {
            if host.is_some() {
                return Err(Unreadable::Malformed(400));
            }
            host = Some(value.to_owned());
        }
    }
    Ok(Request { method: method.to_owned(), target: target.to_owned(), host })
}

/// `METHOD /target HTTP/1.x`.
fn parse_request_line(line: &str) -> Result<(&str, &str), Unreadable> {
    let bad = Unreadable::Malformed(400);
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad);
    };
    if !is_token(method) || !target.starts_with('/') || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(bad);
    }
    match version {
        "HTTP/1.1" | "HTTP/1.0" => Ok((method, target)),
        v if v.starts_with("HTTP/") && v.len() <= 8 => Err(Unreadable::Malformed(505)),
        _ => Err(bad),
    }
}

/// `Name: value`, with no space before the colon and no control characters.
fn parse_header(line: &str) -> Result<(&str, &str), Unreadable> {
    let (name, value) = line.split_once(':').ok_or(Unreadable::Malformed(400))?;
    let value = value.trim_matches([' ', '\t']);
    if !is_token(name) || value.chars().any(|c| c.is_control() && c != '\t') {
        return Err(Unreadable::Malformed(400));
    }
    Ok((name, value))
}

/// A method or header name: visible ASCII without separators.
fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A status, headers and a body.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        let headers = vec![("Content-Type", content_type.to_owned()), ("Cache-Control", "no-store".to_owned())];
        Response { status, headers, body }
    }

    /// A short plain-text answer, for errors and refusals.
    pub fn text(status: u16, message: &str) -> Response {
        Response::new(status, "text/plain; charset=utf-8", format!("{message}\n").into_bytes())
    }

    /// The answer for a request that could not be read or is not allowed.
    pub fn refusal(status: u16) -> Response {
        let message = match status {
            405 => "Only GET and HEAD are answered.",
            408 => "The request took too long to arrive.",
            421 => "This preview answers only to the names localhost, 127.0.0.1 and [::1], and to its own address.",
            431 => "The request's headers are too large.",
            505 => "Only HTTP/1.0 and HTTP/1.1 are answered.",
            _ => "The request could not be understood.",
        };
        let response = Response::text(status, message);
        match status {
            405 => response.with_header("Allow", "GET, HEAD"),
            _ => response,
        }
    }

    pub fn with_header(mut self, name: &'static str, value: &str) -> Response {
        self.headers.push((name, value.to_owned()));
        self
    }

    #[cfg(test)]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The status line and headers, ending in the blank line.
    fn head(&self) -> String {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n", self.body.len()));
        head
    }

    /// The response as sent: head, then the body unless answering `HEAD`.
    pub fn bytes(&self, with_body: bool) -> Vec<u8> {
        let mut bytes = self.head().into_bytes();
        if with_body {
            bytes.extend_from_slice(&self.body);
        }
        bytes
    }

    /// Writes the response before `deadline`.
    pub fn send(&self, stream: &mut TcpStream, with_body: bool, deadline: Instant) -> io::Result<()> {
        write_before(stream, &self.bytes(with_body), deadline)
    }
}

/// Writes all of `bytes`, giving up at `deadline` however slowly the client reads.
pub fn write_before(stream: &mut TcpStream, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
    while !bytes.is_empty() {
        stream.set_write_timeout(Some(time_left(deadline)?))?;
        match stream.write(bytes) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Ends a connection so that the client reads the whole response: stops
/// writing, then reads (and drops) what the client still sends, for a short
/// while; closing with unread data would reset the connection instead.
pub fn close(mut stream: TcpStream) {
    const LINGER: Duration = Duration::from_millis(500);
    const MOST: usize = 64 * 1024;
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + LINGER;
    let (mut buf, mut drained) = ([0; 4096], 0);
    while drained < MOST {
        let Ok(left) = time_left(deadline) else { return };
        if stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => drained += n,
        }
    }
}

/// The time until `deadline`, or a timeout error once it has passed.
fn time_left(deadline: Instant) -> io::Result<Duration> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        Err(io::ErrorKind::TimedOut.into())
    } else {
        Ok(left)
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// A connected (client, server) pair on 127.0.0.1.
    fn pair() -> (TcpStream, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        (client, listener.accept().unwrap().0)
    }

    fn soon(ms: u64) -> Instant {
        Instant::now() + Duration::from_millis(ms)
    }

    #[test]
    fn a_request_head_is_read_into_method_target_and_host() {
        let head = b"GET /sv/om/?x=1 HTTP/1.1\r\nhost: localhost:1111\r\nAccept: */*\r\n\r\n";
        let request = parse_head(head).unwrap();
        assert_eq!(request.method, "GET");
        assert_eq!(request.target, "/sv/om/?x=1");
        assert_eq!(request.path(), "/sv/om/");
        assert_eq!(request.host.as_deref(), Some("localhost:1111"));
        let bare = parse_head(b"\r\nHEAD / HTTP/1.0\n\n").unwrap();
        assert!(bare.is_head());
        assert_eq!(bare.host, None);
    }

    #[test]
    fn malformed_heads_are_bad_requests() {
        let cases: [(&[u8], u16); 14] = [
            (b"\r\n\r\n", 400),
            (b"GET\r\n\r\n", 400),
            (b"GET /\r\n\r\n", 400),
            (b"GET / HTTP/1.1 extra\r\n\r\n", 400),
            (b"GET  / HTTP/1.1\r\n\r\n", 400),
            (b"GET http://evil.example/ HTTP/1.1\r\n\r\n", 400),
            (b"GET / HTTP/2.0\r\n\r\n", 505),
            (b"GET / SPDY/3\r\n\r\n", 400),
            (b"G(T / HTTP/1.1\r\n\r\n", 400),
            (b"GET /a\x01b HTTP/1.1\r\n\r\n", 400),
            (b"GET /\xff HTTP/1.1\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nHost localhost\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nHost : localhost\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nHost: a\r\nHOST: b\r\n\r\n", 400),
        ];
        for (head, status) in cases {
            assert_eq!(parse_head(head), Err(Unreadable::Malformed(status)), "{}", String::from_utf8_lossy(head));
        }
        let garbage: Vec<u8> = (0..=255).chain(*b"\r\n\r\n").collect();
        assert_eq!(parse_head(&garbage), Err(Unreadable::Malformed(400)));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_are_a_request_or_a_refusal(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let _ = parse_head(&bytes);
            let _ = end_of_head(&bytes, bytes.len() / 2);
        }
    }

    #[test]
    fn a_head_over_the_limit_is_refused() {
        let (mut client, mut server) = pair();
        let head = format!("GET / HTTP/1.1\r\nHost: localhost\r\nCookie: {}\r\n\r\n", "a".repeat(20_000));
        let writer = std::thread::spawn(move || client.write_all(head.as_bytes()));
        assert_eq!(read_request(&mut server, 16 * 1024, soon(5000)), Err(Unreadable::TooLarge));
        drop(server);
        let _ = writer.join();
    }

    #[test]
    fn a_client_that_sends_nothing_or_hangs_up_is_gone() {
        let (_idle, mut server) = pair();
        assert_eq!(read_request(&mut server, 1024, soon(100)), Err(Unreadable::Gone));
        let (client, mut server) = pair();
        client.shutdown(Shutdown::Write).unwrap();
        assert_eq!(read_request(&mut server, 1024, soon(5000)), Err(Unreadable::Gone));
        let (mut client, mut server) = pair();
        client.write_all(b"GET / HT").unwrap();
        client.shutdown(Shutdown::Write).unwrap();
        assert_eq!(read_request(&mut server, 1024, soon(5000)), Err(Unreadable::Malformed(400)));
    }

    /// A client that sends a byte now and then, each well within any per-read
    /// timeout, still has to finish the head by the deadline.
    #[test]
    fn a_client_that_dribbles_is_cut_off_at_the_deadline() {
        let (mut client, mut server) = pair();
        let dribbler = std::thread::spawn(move || {
            client.write_all(b"GET / HTTP/1.1\r\nX-Slow: ")?;
            for _ in 0..100 {
                std::thread::sleep(Duration::from_millis(20));
                client.write_all(b"a")?;
            }
            client.write_all(b"\r\n\r\n")
        });
        assert_eq!(read_request(&mut server, 16 * 1024, soon(300)), Err(Unreadable::TooSlow));
        drop(server);
        let _ = dribbler.join();
    }

    #[test]
    fn a_client_that_does_not_read_cannot_hold_the_writer() {
        let (_reads_nothing, mut server) = pair();
        let response = Response::new(200, "application/octet-stream", vec![0; 32 * 1024 * 1024]);
        assert!(response.send(&mut server, true, soon(300)).is_err());
    }

    #[test]
    fn head_gets_the_headers_of_get_without_the_body() {
        let (mut client, mut server) = pair();
        Response::new(200, "text/plain", b"hello".to_vec()).send(&mut server, false, soon(5000)).unwrap();
        close(server);
        let mut text = String::new();
        client.read_to_string(&mut text).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(text.contains("\r\nContent-Length: 5\r\n"), "{text}");
        assert!(text.contains("\r\nConnection: close\r\n"), "{text}");
        assert!(text.ends_with("\r\n\r\n"), "no body: {text}");
    }

    #[test]
    fn a_refused_method_is_told_which_are_allowed() {
        let response = Response::refusal(405);
        assert_eq!(response.status, 405);
        assert_eq!(response.header("Allow"), Some("GET, HEAD"));
        assert!(response.head().starts_with("HTTP/1.1 405 Method Not Allowed\r\n"));
    }
}
