//! One connection, from its request to its close: reads the request, refuses
//! what the preview does not answer (other methods, other hosts), and answers
//! from the site or hands the connection to the live-reload streams.

use std::net::TcpStream;
use std::sync::Arc;
use std::time::Instant;

use super::host::Hosts;
use super::http::{self, Request, Response};
use super::{events, site, Limits, State};

/// The live-reload event stream's path.
const EVENTS: &str = "/__goalsite/events";

/// Everything a worker needs to answer a connection.
pub struct Preview {
    pub state: Arc<State>,
    pub hosts: Hosts,
    pub limits: Limits,
}

/// What to do with a request that was read.
enum Answer {
    Respond(Response),
    /// The event stream: the broadcaster keeps the connection (for `HEAD`,
    /// only the stream's headers are sent).
    Stream,
}

impl Preview {
    /// Answers the one request of `stream` and closes it (unless it became a
    /// live-reload stream).
    pub fn answer(&self, mut stream: TcpStream) {
        let head_deadline = Instant::now() + self.limits.head_time;
        let request = match http::read_request(&mut stream, self.limits.head_bytes, head_deadline) {
            Ok(request) => request,
            Err(unreadable) => {
                if let Some(status) = unreadable.status() {
                    let _ = Response::refusal(status).send(&mut stream, true, self.write_deadline());
                }
                return http::close(stream);
            }
        };
        match self.decide(&request) {
            Answer::Stream if !request.is_head() => return self.state.events.subscribe(stream),
            Answer::Stream => {
                let _ = http::write_before(&mut stream, events::STREAM_HEAD.as_bytes(), self.write_deadline());
            }
            Answer::Respond(response) => {
                let _ = response.send(&mut stream, !request.is_head(), self.write_deadline());
            }
        }
        http::close(stream);
    }

    fn decide(&self, request: &Request) -> Answer {
        let refused = match request.host.as_deref() {
            None => Some(400),
            Some(host) if !self.hosts.allows(host) => Some(421),
            Some(_) if !matches!(request.method.as_str(), "GET" | "HEAD") => Some(405),
            Some(_) => None,
        };
        if let Some(status) = refused {
            return Answer::Respond(Response::refusal(status));
        }
        match request.path() {
            EVENTS => Answer::Stream,
            path => Answer::Respond(site::answer(path, &self.state)),
        }
    }

    fn write_deadline(&self) -> Instant {
        Instant::now() + self.limits.write_time
    }
}
