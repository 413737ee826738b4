//! Which `Host` a request may name. Against DNS rebinding (a web page whose
//! own name is made to point at 127.0.0.1), a preview on a loopback address
//! answers only requests for its own address or `localhost`; `check` is the
//! middleware every request passes first.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header::HOST, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::address::is_loopback;
use super::reply;

/// The names every loopback preview answers to, with or without a port.
const LOCAL_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// The `Host` headers a preview accepts.
#[derive(Debug)]
pub enum Hosts {
    /// Bound to the network on purpose: any name that leads here is fine.
    Any,
    /// Bound to a loopback address: only local names, and the address itself
    /// as a `Host` header writes it (`127.0.0.2`, `[::1]`).
    Local { own: String },
}

impl Hosts {
    pub fn for_address(addr: SocketAddr) -> Hosts {
        match addr.ip() {
            ip if !is_loopback(ip) => Hosts::Any,
            IpAddr::V4(v4) => Hosts::Local { own: v4.to_string() },
            IpAddr::V6(v6) => Hosts::Local { own: format!("[{v6}]") },
        }
    }

    /// Whether a request with this `Host` header is answered. The port is not
    /// compared: a forwarded port (an SSH tunnel) still names this computer.
    pub fn allows(&self, host: &str) -> bool {
        match self {
            Hosts::Any => true,
            Hosts::Local { own } => name_of(host).is_some_and(|name| {
                name.eq_ignore_ascii_case(own) || LOCAL_NAMES.iter().any(|local| name.eq_ignore_ascii_case(local))
            }),
        }
    }

    /// Why `request` is not answered: `400` without exactly one `Host` or
    /// with a target that is not a path (`http://other/`, `*`), `421` for
    /// another host.
    fn refusal(&self, request: &Request) -> Option<StatusCode> {
        let mut hosts = request.headers().get_all(HOST).iter();
        let (Some(host), None) = (hosts.next(), hosts.next()) else { return Some(StatusCode::BAD_REQUEST) };
        if request.uri().authority().is_some() || !request.uri().path().starts_with('/') {
            return Some(StatusCode::BAD_REQUEST);
        }
        match host.to_str() {
            Ok(host) if self.allows(host) => None,
            _ => Some(StatusCode::MISDIRECTED_REQUEST),
        }
    }
}

/// Answers only requests for this preview; refuses the others before any
/// route sees them.
pub async fn check(State(hosts): State<Arc<Hosts>>, request: Request, next: Next) -> Response {
    match hosts.refusal(&request) {
        None => next.run(request).await,
        Some(StatusCode::MISDIRECTED_REQUEST) => reply::text(
            StatusCode::MISDIRECTED_REQUEST,
            "This preview answers only to the names localhost, 127.0.0.1 and [::1], and to its own address.",
        ),
        Some(status) => reply::text(status, "The request could not be understood."),
    }
}

/// The name part of a `Host` header (`[::1]` of `[::1]:1111`), if the rest is
/// nothing or a port.
fn name_of(host: &str) -> Option<&str> {
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => host.split_at(rest.find(']')? + 2),
        None => host.split_at(host.find(':').unwrap_or(host.len())),
    };
    let port_ok = port.is_empty()
        || port.strip_prefix(':').is_some_and(|p| {
            !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok()
        });
    (port_ok && !name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(addr: &str) -> Hosts {
        Hosts::for_address(addr.parse().unwrap())
    }

    #[test]
    fn a_loopback_preview_answers_only_to_local_names() {
        let hosts = local("127.0.0.1:1111");
        for ok in
            ["localhost", "localhost:1111", "LocalHost:1111", "127.0.0.1", "127.0.0.1:1111", "[::1]:1111", "[::1]"]
        {
            assert!(hosts.allows(ok), "{ok}");
        }
        for rebound in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.evil.example",
            "localhost:1111@evil.example",
            "localhost:",
            "localhost:99999",
            "localhost:+1",
            "[::1",
            "[::1]x",
            "",
            ":1111",
        ] {
            assert!(!hosts.allows(rebound), "{rebound}");
        }
    }

    #[test]
    fn a_loopback_preview_answers_to_its_own_address() {
        assert!(local("127.0.0.2:1111").allows("127.0.0.2:1111"));
        assert!(!local("127.0.0.2:1111").allows("127.0.0.3:1111"));
        assert!(local("[::1]:1111").allows("[::1]:1111"));
        assert!(local("[::1]:1111").allows("localhost:1111"));
    }

    #[test]
    fn a_preview_on_the_network_answers_to_any_name() {
        for addr in ["0.0.0.0:1111", "[::]:1111", "192.168.1.10:1111"] {
            let hosts = local(addr);
            assert!(hosts.allows("my-laptop.lan:1111"), "{addr}");
            assert!(hosts.allows("192.168.1.10:1111"), "{addr}");
        }
    }

    fn refusal(target: &str, hosts: &[&[u8]]) -> Option<StatusCode> {
        let mut request = Request::builder().uri(target);
        for host in hosts {
            request = request.header(HOST, *host);
        }
        local("127.0.0.1:1111").refusal(&request.body(axum::body::Body::empty()).unwrap())
    }

    #[test]
    fn a_request_names_one_local_host_and_a_path() {
        assert_eq!(refusal("/sv/om/", &[b"localhost:1111"]), None);
        assert_eq!(refusal("/sv/om/", &[]), Some(StatusCode::BAD_REQUEST), "no Host");
        assert_eq!(refusal("/", &[b"localhost", b"evil.example"]), Some(StatusCode::BAD_REQUEST), "two");
        assert_eq!(refusal("http://evil.example/", &[b"localhost"]), Some(StatusCode::BAD_REQUEST));
        assert_eq!(refusal("*", &[b"localhost"]), Some(StatusCode::BAD_REQUEST));
        assert_eq!(refusal("/", &[b"evil.example"]), Some(StatusCode::MISDIRECTED_REQUEST));
        assert_eq!(refusal("/", &[b"localhost\xff"]), Some(StatusCode::MISDIRECTED_REQUEST), "not text");
    }
}
