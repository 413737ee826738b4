//! Accepting and serving connections: at most a set number are open at a
//! time (one more gets `503` at once, and costs no task), and each carries
//! one request through hyper's HTTP/1.1 under the limits: a deadline and a
//! size limit for the request head, a deadline for every write.

use std::io::{Read, Write};
use std::net::Shutdown;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tower_service::Service;

use super::guarded::Guarded;
use super::Limits;

/// A connection's place among the open ones, kept while it is served. A
/// request can give it back early (a live-reload stream, counted apart).
#[derive(Clone)]
pub struct Place(Arc<Mutex<Option<OwnedSemaphorePermit>>>);

impl Place {
    pub fn give_back(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).take();
    }
}

/// Who sent a request: the other end of its connection (the write route
/// answers only this computer).
#[derive(Debug, Clone, Copy)]
pub struct Peer(pub std::net::SocketAddr);

/// Accepts connections for ever and serves each with `app`.
pub async fn run(listener: std::net::TcpListener, app: Router, limits: Limits) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = TcpListener::from_std(listener)?;
    let places = Arc::new(Semaphore::new(limits.open_connections));
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            // Out of file descriptors, or a connection reset before it was
            // accepted: wait a moment rather than spin.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        match Arc::clone(&places).try_acquire_owned() {
            Ok(place) => {
                let place = Place(Arc::new(Mutex::new(Some(place))));
                tokio::spawn(serve(stream, Peer(peer), app.clone(), limits, place));
            }
            Err(_) => refuse(stream),
        }
    }
}

/// One connection: one request and its response, then a close that lets the
/// client read the response. A panic in answering (a bug) ends this task only.
async fn serve(mut stream: TcpStream, peer: Peer, app: Router, limits: Limits, place: Place) {
    let mut guarded = Guarded::new(&mut stream, limits.write_time);
    let answer = hyper::service::service_fn(move |mut request| {
        request.extensions_mut().insert(place.clone());
        request.extensions_mut().insert(peer);
        app.clone().call(request)
    });
    let served = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.head_time)
        .max_buf_size(limits.head_bytes)
        .keep_alive(false)
        .serve_connection(TokioIo::new(&mut guarded), answer)
        .await;
    // hyper itself answers a head it cannot read (400) or that is too large
    // (431), but says nothing when one is not complete in time: a client that
    // sent part of it is told here; one that sent nothing is just closed.
    let too_slow = served.is_err_and(|e| e.is_timeout()) && guarded.heard();
    if too_slow {
        let _ = tokio::time::timeout(limits.write_time, stream.write_all(TOO_SLOW.as_bytes())).await;
    }
    close(stream).await;
}

const TOO_SLOW: &str = "HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\n\
                        Cache-Control: no-store\r\nContent-Length: 38\r\nConnection: close\r\n\r\n\
                        The request took too long to arrive.\n";

const BUSY: &str = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
                    Cache-Control: no-store\r\nRetry-After: 1\r\nContent-Length: 41\r\nConnection: close\r\n\r\n\
                    The preview is busy: reload in a moment.\n";

/// Ends a connection so that the client reads the whole response: stops
/// writing, then reads (and drops) what the client still sends, for a short
/// while; closing with unread data would reset the connection instead.
async fn close(mut stream: TcpStream) {
    const LINGER: Duration = Duration::from_millis(500);
    const MOST: usize = 64 * 1024;
    let _ = stream.shutdown().await;
    let drain = async {
        let (mut buf, mut drained) = ([0; 4096], 0);
        while drained < MOST {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => drained += n,
            }
        }
    };
    let _ = tokio::time::timeout(LINGER, drain).await;
}

/// `503` without waiting for anything: the accept loop must not block.
fn refuse(stream: TcpStream) {
    let Ok(mut stream) = stream.into_std() else { return };
    let _ = stream.write_all(BUSY.as_bytes());
    let _ = stream.shutdown(Shutdown::Write);
    // Whatever of the request has arrived is read, so that closing does not
    // reset the connection before the client has read the answer.
    let _ = stream.read(&mut [0; 4096]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use std::net::TcpStream as Client;

    const SMALL: Limits = Limits {
        workers: 1,
        open_connections: 3,
        head_bytes: 8 * 1024,
        head_time: Duration::from_millis(300),
        write_time: Duration::from_secs(5),
        event_streams: 2,
    };

    /// Serves `app` with the small limits on a thread of its own; its port.
    fn start(app: Router) -> u16 {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(run(listener, app, SMALL))
        });
        port
    }

    fn ok() -> Router {
        let bug = || async {
            panic!("a bug in answering");
            #[allow(unreachable_code)]
            "never"
        };
        Router::new().route("/", get(|| async { "ok" })).route("/bug", get(bug))
    }

    /// Sends `raw` and reads until the server closes.
    fn exchange(port: u16, raw: &[u8]) -> String {
        let mut client = Client::connect(("127.0.0.1", port)).unwrap();
        client.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        client.write_all(raw).unwrap();
        let mut text = String::new();
        let _ = client.read_to_string(&mut text);
        text
    }

    const GET: &[u8] = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";

    #[test]
    fn one_connection_over_the_limit_is_refused_at_once() {
        let port = start(ok());
        let idle: Vec<Client> = (0..3).map(|_| Client::connect(("127.0.0.1", port)).unwrap()).collect();
        let refused = exchange(port, b"");
        assert!(refused.starts_with("HTTP/1.1 503 Service Unavailable\r\n"), "{refused}");
        assert!(refused.ends_with("\r\n\r\nThe preview is busy: reload in a moment.\n"), "{refused}");
        drop(idle);
        let answered = (0..100).any(|_| {
            std::thread::sleep(Duration::from_millis(20));
            exchange(port, GET).ends_with("\r\n\r\nok")
        });
        assert!(answered, "places are free again once the idle connections close");
    }

    #[test]
    fn a_panic_while_answering_costs_only_its_connection() {
        let port = start(ok());
        for _ in 0..4 {
            assert_eq!(exchange(port, b"GET /bug HTTP/1.1\r\nHost: localhost\r\n\r\n"), "");
        }
        assert!(exchange(port, GET).ends_with("\r\n\r\nok"), "more panics than places, and still served");
    }

    #[test]
    fn a_head_that_does_not_arrive_in_time_is_told_and_silence_is_closed() {
        let port = start(ok());
        let slow = exchange(port, b"GET / HTTP/1.1\r\nX-Slow: ");
        assert!(slow.starts_with("HTTP/1.1 408 Request Timeout\r\n"), "{slow}");
        assert_eq!(exchange(port, b""), "", "a client that sent nothing gets nothing");
    }

    #[test]
    fn one_request_per_connection_and_limits_on_the_head() {
        let port = start(ok());
        let reply = exchange(port, GET);
        assert!(reply.starts_with("HTTP/1.1 200 OK\r\n") && reply.ends_with("ok"), "closed after one: {reply}");
        let large = format!("GET / HTTP/1.1\r\nHost: localhost\r\nCookie: {}\r\n\r\n", "a".repeat(20_000));
        assert!(exchange(port, large.as_bytes()).starts_with("HTTP/1.1 431 "));
        assert!(exchange(port, b"G(T / HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 400 "));
    }
}
