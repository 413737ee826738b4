//! A connection's socket as hyper sees it: a write that the client leaves
//! waiting longer than the write limit fails (as nginx's `send_timeout`), and
//! whether the client sent anything at all is noted.

use std::future::Future;
use std::io::{self, IoSlice};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Sleep;

pub struct Guarded<'a> {
    stream: &'a mut TcpStream,
    write_time: Duration,
    /// Running while a write waits for the client to take bytes.
    waiting: Option<Pin<Box<Sleep>>>,
    /// Whether any byte arrived from the client.
    heard: bool,
}

impl<'a> Guarded<'a> {
    pub fn new(stream: &'a mut TcpStream, write_time: Duration) -> Guarded<'a> {
        Guarded { stream, write_time, waiting: None, heard: false }
    }

    /// Whether the client sent anything (a client that sent part of a request
    /// and then too little is told so; one that sent nothing is just closed).
    pub fn heard(&self) -> bool {
        self.heard
    }

    /// `polled`, or a timeout once a write has waited for the write limit.
    fn in_time<T>(&mut self, cx: &mut Context<'_>, polled: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        if polled.is_ready() {
            self.waiting = None;
            return polled;
        }
        let write_time = self.write_time;
        let waiting = self.waiting.get_or_insert_with(|| Box::pin(tokio::time::sleep(write_time)));
        match waiting.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::ErrorKind::TimedOut.into())),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for Guarded<'_> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut *this.stream).poll_read(cx, buf);
        this.heard |= buf.filled().len() > before;
        polled
    }
}

impl AsyncWrite for Guarded<'_> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, bytes: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut *this.stream).poll_write(cx, bytes);
        this.in_time(cx, polled)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut *this.stream).poll_write_vectored(cx, bufs);
        this.in_time(cx, polled)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut *this.stream).poll_flush(cx);
        this.in_time(cx, polled)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.get_mut().stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    #[test]
    fn a_client_that_does_not_read_cannot_hold_the_writer() {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let mut reads_nothing = TcpStream::connect(listener.local_addr().unwrap()).await.unwrap();
            let (mut server, _) = listener.accept().await.unwrap();
            let mut guarded = Guarded::new(&mut server, Duration::from_millis(300));
            let start = std::time::Instant::now();
            let written = guarded.write_all(&vec![0; 32 * 1024 * 1024]).await;
            assert_eq!(written.map_err(|e| e.kind()), Err(io::ErrorKind::TimedOut));
            assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
            assert!(!guarded.heard());
            reads_nothing.write_all(b"x").await.unwrap();
            let mut byte = [0; 1];
            guarded.read_exact(&mut byte).await.unwrap();
            assert!(guarded.heard());
        });
    }
}
