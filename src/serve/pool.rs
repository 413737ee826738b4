//! A fixed set of worker threads and the accept loop in front of them: no
//! more than a set number of connections are open at a time, and one more is
//! refused at once with `503`, without ever reaching a worker.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::http::Response;
use super::Limits;

/// A place among the open connections, given back when dropped.
struct Ticket(Arc<AtomicUsize>);

impl Drop for Ticket {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// An accepted connection waiting for a worker.
struct Admitted {
    stream: TcpStream,
    _ticket: Ticket,
}

/// Accepts connections for ever and has `answer` called on each by one of
/// `limits.workers` threads; `answer` owns the stream, and when it returns
/// the connection's place is free.
pub fn run(listener: TcpListener, limits: &Limits, answer: impl Fn(TcpStream) + Send + Sync + 'static) {
    let (queue, waiting) = sync_channel::<Admitted>(limits.open_connections);
    let waiting = Arc::new(Mutex::new(waiting));
    let answer = Arc::new(answer);
    for _ in 0..limits.workers {
        let (waiting, answer) = (Arc::clone(&waiting), Arc::clone(&answer));
        std::thread::spawn(move || work(&waiting, &*answer));
    }
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else {
            // Out of file descriptors, or a connection reset before it was
            // accepted: wait a moment rather than spin.
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        if open.fetch_add(1, Ordering::SeqCst) >= limits.open_connections {
            open.fetch_sub(1, Ordering::SeqCst);
            refuse(stream);
            continue;
        }
        let admitted = Admitted { stream, _ticket: Ticket(Arc::clone(&open)) };
        // The queue holds as many as there may be open connections: never full.
        if queue.send(admitted).is_err() {
            return;
        }
    }
}

/// A worker: answers the next waiting connection, again and again. A panic
/// while answering (a bug) loses that connection, not the worker.
fn work(waiting: &Mutex<Receiver<Admitted>>, answer: &(impl Fn(TcpStream) + Sync)) {
    loop {
        let next = waiting.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok(Admitted { stream, _ticket }) = next else { return };
        let _ = catch_unwind(AssertUnwindSafe(|| answer(stream)));
    }
}

/// `503` without waiting for anything: the accept loop must not block.
fn refuse(mut stream: TcpStream) {
    let busy = Response::text(503, "The preview is busy: reload in a moment.").with_header("Retry-After", "1");
    if stream.set_nonblocking(true).is_err() {
        return;
    }
    let _ = stream.write_all(&busy.bytes(true));
    let _ = stream.shutdown(Shutdown::Write);
    // Whatever of the request has arrived is read, so that closing does not
    // reset the connection before the client has read the answer.
    let _ = stream.read(&mut [0; 4096]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::sync::mpsc::{channel, Sender};

    const SMALL: Limits = Limits {
        workers: 2,
        open_connections: 3,
        head_bytes: 1024,
        head_time: Duration::from_secs(5),
        write_time: Duration::from_secs(5),
        event_streams: 2,
    };

    /// A pool whose workers report their thread, then hold the connection
    /// until told to answer it with `ok`.
    fn held_pool() -> (u16, Sender<()>, Receiver<std::thread::ThreadId>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (release, released) = channel::<()>();
        let (seen, threads) = channel();
        let released = Mutex::new(released);
        std::thread::spawn(move || {
            run(listener, &SMALL, move |mut stream| {
                seen.send(std::thread::current().id()).unwrap();
                released.lock().unwrap().recv().unwrap();
                let _ = stream.write_all(b"ok");
            })
        });
        (port, release, threads)
    }

    fn read_all(mut stream: TcpStream) -> String {
        let mut text = String::new();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        stream.read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn one_connection_over_the_limit_is_refused_at_once() {
        let (port, release, threads) = held_pool();
        let open: Vec<TcpStream> = (0..3).map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap()).collect();
        threads.recv().unwrap();
        threads.recv().unwrap();
        let refused = read_all(TcpStream::connect(("127.0.0.1", port)).unwrap());
        assert!(refused.starts_with("HTTP/1.1 503 Service Unavailable\r\n"), "{refused}");
        assert!(refused.ends_with("\r\n\r\nThe preview is busy: reload in a moment.\n"), "{refused}");
        for _ in 0..3 {
            release.send(()).unwrap();
        }
        for stream in open {
            assert_eq!(read_all(stream), "ok");
        }
    }

    #[test]
    fn many_connections_are_answered_by_the_same_few_threads() {
        let (port, release, threads) = held_pool();
        let mut ids = HashSet::new();
        for _ in 0..12 {
            let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
            ids.insert(threads.recv().unwrap());
            release.send(()).unwrap();
            assert_eq!(read_all(stream), "ok");
        }
        assert!(ids.len() <= SMALL.workers, "{} threads for 12 connections", ids.len());
    }

    #[test]
    fn a_panic_while_answering_does_not_cost_a_worker() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let limits = Limits { workers: 1, ..SMALL };
        std::thread::spawn(move || {
            run(listener, &limits, |mut stream| {
                let mut first = [0; 1];
                stream.read_exact(&mut first).unwrap();
                assert_ne!(&first, b"!", "a bug in answering");
                let _ = stream.write_all(b"ok");
            })
        });
        for _ in 0..2 {
            let mut bad = TcpStream::connect(("127.0.0.1", port)).unwrap();
            bad.write_all(b"!").unwrap();
            assert_eq!(read_all(bad), "");
        }
        let mut good = TcpStream::connect(("127.0.0.1", port)).unwrap();
        good.write_all(b"?").unwrap();
        assert_eq!(read_all(good), "ok");
    }
}
