//! Which `Host` a request may name. Against DNS rebinding (a web page whose
//! own name is made to point at 127.0.0.1), a preview on a loopback address
//! answers only requests for its own address or `localhost`.

use std::net::{IpAddr, SocketAddr};

use super::address::is_loopback;

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
}
