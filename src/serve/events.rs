//! The live-reload event streams (Server-Sent Events): every open page's
//! stream gets `event: reload` after each build and a comment now and then
//! to keep it open. A stream is a response body that waits, not a thread; at
//! most a set number are open, and one more gets `503`.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State as Shared};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};

use super::listener::Place;
use super::{reply, State};

/// The live-reload event stream's path.
pub const EVENTS_PATH: &str = "/__goalsite/events";

const CONNECTED: &str = ": connected\n\n";
const RELOAD: &str = "event: reload\ndata: reload\n\n";
const KEEP_ALIVE: &str = ": keep-alive\n\n";

/// How often a quiet stream gets a comment (proxies and browsers close silent ones).
const KEEP_ALIVE_EVERY: Duration = Duration::from_secs(15);

/// The open pages' streams, as the rest of the preview holds them.
pub struct Events {
    /// Counts the builds; every stream waits for it to change.
    builds: watch::Sender<u64>,
    /// A place for each stream that may be open.
    places: Arc<Semaphore>,
}

impl Events {
    /// Room for at most `most` open streams.
    pub fn new(most: usize) -> Events {
        Events { builds: watch::channel(0).0, places: Arc::new(Semaphore::new(most)) }
    }

    /// Tells every open page to reload.
    pub fn reload(&self) {
        self.builds.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// A new page's stream, or `None` while the most streams are open.
    fn open(&self) -> Option<Stream> {
        let place = Arc::clone(&self.places).try_acquire_owned().ok()?;
        Some(Stream { builds: self.builds.subscribe(), _place: place, greeted: false })
    }
}

/// One page's stream; its place is free again once it is dropped (the page
/// closed it, or did not take what was written in time).
struct Stream {
    builds: watch::Receiver<u64>,
    _place: OwnedSemaphorePermit,
    greeted: bool,
}

impl Stream {
    /// The next message: a greeting, then a reload after each build or a
    /// comment after a quiet while; `None` once the preview stops.
    async fn next(&mut self) -> Option<&'static str> {
        if !std::mem::replace(&mut self.greeted, true) {
            return Some(CONNECTED);
        }
        match tokio::time::timeout(KEEP_ALIVE_EVERY, self.builds.changed()).await {
            Ok(Ok(())) => Some(RELOAD),
            Ok(Err(_)) => None,
            Err(_) => Some(KEEP_ALIVE),
        }
    }

    fn into_body(self) -> Body {
        Body::from_stream(futures_util::stream::unfold(self, |mut stream| async move {
            let message = stream.next().await?;
            Some((Ok::<_, Infallible>(message), stream))
        }))
    }
}

/// `GET` opens a stream, which gives its connection's place back (it counts
/// among the streams instead); `HEAD` gets a stream's headers, whatever is open.
pub async fn stream(Shared(state): Shared<Arc<State>>, request: Request) -> Response {
    if request.method() == Method::HEAD {
        // A body of unknown length, as a stream's: no `Content-Length: 0`.
        return stream_response(Body::from_stream(futures_util::stream::empty::<Result<&str, Infallible>>()));
    }
    let Some(stream) = state.events.open() else {
        return reply::text(
            StatusCode::SERVICE_UNAVAILABLE,
            "Too many pages of the preview are open: close some, then reload this one.",
        );
    };
    if let Some(place) = request.extensions().get::<Place>() {
        place.give_back();
    }
    stream_response(stream.into_body())
}

fn stream_response(body: Body) -> Response {
    reply::with_type(StatusCode::OK, "text/event-stream", body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run<T>(future: impl std::future::Future<Output = T>) -> T {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
        runtime.block_on(future)
    }

    #[test]
    fn every_open_page_is_told_to_reload() {
        let events = Events::new(8);
        let mut pages: Vec<Stream> = (0..3).map(|_| events.open().unwrap()).collect();
        run(async {
            for page in &mut pages {
                assert_eq!(page.next().await, Some(CONNECTED));
            }
            events.reload();
            for page in &mut pages {
                assert_eq!(page.next().await, Some(RELOAD));
            }
        });
    }

    #[test]
    fn one_stream_over_the_limit_is_refused_and_a_closed_one_frees_its_place() {
        let events = Events::new(2);
        let (first, _second) = (events.open().unwrap(), events.open().unwrap());
        assert!(events.open().is_none());
        drop(first);
        let mut third = events.open().expect("the freed place is taken");
        run(async {
            assert_eq!(third.next().await, Some(CONNECTED));
            events.reload();
            assert_eq!(third.next().await, Some(RELOAD));
        });
    }

    #[test]
    fn a_stream_ends_with_the_preview() {
        let events = Events::new(1);
        let mut page = events.open().unwrap();
        run(async {
            assert_eq!(page.next().await, Some(CONNECTED));
            drop(events);
            assert_eq!(page.next().await, None);
        });
    }
}
