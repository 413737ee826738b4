//! Where the preview listens: the `--bind` address and the port (1111 or the
//! next free one), the URL to print, and a warning when other computers can
//! see the preview.

use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener, ToSocketAddrs};

use super::{ServeError, DEFAULT_PORT};
use crate::locale::Lang;
use crate::messages::Message;

/// How many ports, from 1111 on, are tried when no port is given.
const PORTS_TRIED: u16 = 20;

/// A bound listener and the address it is bound to.
pub struct Listening {
    pub listener: TcpListener,
    pub addr: SocketAddr,
}

impl Listening {
    /// The address to open in a browser, as `http://HOST:PORT/`.
    pub fn url(&self) -> String {
        url_of(self.addr)
    }

    /// A warning for the terminal when the preview is visible beyond this computer.
    pub fn warning(&self) -> Option<Message> {
        let ip = self.addr.ip();
        (!is_loopback(ip)).then(|| msg!(ServeVisible, address = ip.to_string()))
    }
}

/// Binds `bind` on `port`, or without a port on 1111 or the next free one
/// (saying so in `lang`).
pub fn listen(bind: &str, port: Option<u16>, lang: Lang) -> Result<Listening, ServeError> {
    let ips = resolve(bind)?;
    match port {
        Some(p) => bind_port(&ips, p).map_err(|e| ServeError::Usage(refusal(&ips, p, &e))),
        None => first_free(&ips, lang),
    }
}

/// The addresses `bind` stands for: an IP address (IPv6 with or without
/// brackets) or a host name this computer can resolve.
fn resolve(bind: &str) -> Result<Vec<IpAddr>, ServeError> {
    let bare = bind.trim().trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(vec![ip]);
    }
    if let Ok(with_port) = bind.trim().parse::<SocketAddr>() {
        let message = msg!(ServeBindWithPort, bind = bind, ip = with_port.ip().to_string(), port = with_port.port());
        return Err(ServeError::Usage(message));
    }
    let resolved: Vec<IpAddr> = match (bare, 0).to_socket_addrs() {
        Ok(addrs) if !bare.is_empty() => addrs.map(|a| a.ip()).collect(),
        _ => Vec::new(),
    };
    if resolved.is_empty() {
        return Err(ServeError::Usage(msg!(ServeBindUnknown, bind = bind)));
    }
    Ok(resolved)
}

/// Tries 1111 and the next ports; only a port in use moves on to the next.
fn first_free(ips: &[IpAddr], lang: Lang) -> Result<Listening, ServeError> {
    let last = DEFAULT_PORT + PORTS_TRIED - 1;
    for port in DEFAULT_PORT..=last {
        match bind_port(ips, port) {
            Ok(listening) => {
                if port != DEFAULT_PORT {
                    println!("{}", msg!(ServeOtherPort, taken = DEFAULT_PORT, port = port).text(lang));
                }
                return Ok(listening);
            }
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => {}
            Err(e) => return Err(ServeError::Usage(refusal(ips, port, &e))),
        }
    }
    Err(ServeError::Usage(msg!(ServePortsInUse, at = ips[0].to_string(), first = DEFAULT_PORT, last = last)))
}

/// Binds the first of `ips` that can be bound on `port`.
fn bind_port(ips: &[IpAddr], port: u16) -> io::Result<Listening> {
    let mut last = io::Error::new(io::ErrorKind::AddrNotAvailable, "no address");
    for &ip in ips {
        match TcpListener::bind(SocketAddr::new(ip, port)) {
            Ok(listener) => {
                let addr = listener.local_addr()?;
                return Ok(Listening { listener, addr });
            }
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// Why binding `port` failed, in words an editor can act on.
fn refusal(ips: &[IpAddr], port: u16, e: &io::Error) -> Message {
    let at = SocketAddr::new(ips[0], port).to_string();
    match e.kind() {
        io::ErrorKind::AddrInUse => msg!(ServePortInUse, at = at, next = port.saturating_add(1)),
        io::ErrorKind::AddrNotAvailable => msg!(ServeNotThisComputer, at = at, ip = ips[0].to_string()),
        io::ErrorKind::PermissionDenied => {
            msg!(ServePortNotAllowed, at = at, detail = e.to_string(), port = DEFAULT_PORT)
        }
        _ => msg!(ServeCannot, at = at, detail = e.to_string()),
    }
}

/// `http://HOST:PORT/`, with IPv6 addresses in brackets and `localhost` for
/// "every address".
fn url_of(addr: SocketAddr) -> String {
    if addr.ip().is_unspecified() {
        format!("http://localhost:{}/", addr.port())
    } else {
        format!("http://{}/", SocketAddr::new(addr.ip(), addr.port()))
    }
}

/// Whether only this computer can reach `ip`.
pub fn is_loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(result: Result<Listening, ServeError>) -> String {
        match result {
            Err(ServeError::Usage(message)) => message.to_string(),
            Err(ServeError::Io(e)) => panic!("not a usage error: {e}"),
            Ok(l) => panic!("bound {}", l.addr),
        }
    }

    #[test]
    fn urls_are_valid_for_every_kind_of_address() {
        assert_eq!(url_of("127.0.0.1:1111".parse().unwrap()), "http://127.0.0.1:1111/");
        assert_eq!(url_of("[::1]:1111".parse().unwrap()), "http://[::1]:1111/");
        assert_eq!(url_of("0.0.0.0:1111".parse().unwrap()), "http://localhost:1111/");
        assert_eq!(url_of("[::]:8080".parse().unwrap()), "http://localhost:8080/");
    }

    #[test]
    fn only_loopback_addresses_stay_on_this_computer() {
        for local in ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"] {
            assert!(is_loopback(local.parse().unwrap()), "{local}");
        }
        for shared in ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "fe80::1"] {
            assert!(!is_loopback(shared.parse().unwrap()), "{shared}");
        }
    }

    #[test]
    fn addresses_are_read_with_or_without_brackets() {
        assert_eq!(resolve("::1").unwrap(), ["::1".parse::<IpAddr>().unwrap()]);
        assert_eq!(resolve("[::1]").unwrap(), ["::1".parse::<IpAddr>().unwrap()]);
        assert_eq!(resolve(" 127.0.0.1 ").unwrap(), ["127.0.0.1".parse::<IpAddr>().unwrap()]);
    }

    #[test]
    fn a_wrong_address_says_what_is_wrong_with_it() {
        let en = Lang::known("en");
        let unknown = usage(listen("no-such-host.invalid", Some(4000), en));
        assert!(unknown.contains("not an IP address, and no computer of that name can be found"), "{unknown}");
        assert!(!unknown.contains("port"), "nothing about ports: {unknown}");
        assert!(usage(listen("", None, en)).contains("not an IP address"));
        let with_port = usage(listen("127.0.0.1:8080", None, en));
        assert!(with_port.contains("--bind 127.0.0.1 --port 8080"), "{with_port}");
        // TEST-NET-1: documentation only, never an address of this computer.
        let elsewhere = usage(listen("192.0.2.1", Some(4000), en));
        assert!(elsewhere.contains("192.0.2.1 is not an address of this computer"), "{elsewhere}");
    }

    #[test]
    fn a_port_in_use_suggests_the_next_one() {
        let taken = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let message = usage(listen("127.0.0.1", Some(port), Lang::known("en")));
        assert!(message.contains(&format!("cannot serve on 127.0.0.1:{port}: the port is in use")), "{message}");
        assert!(message.contains(&format!("try --port {}", port + 1)), "{message}");
    }

    #[test]
    fn only_other_computers_are_warned_about() {
        let local = listen("127.0.0.1", Some(0), Lang::known("en")).unwrap();
        assert!(local.warning().is_none());
        let shared = Listening { listener: local.listener, addr: "0.0.0.0:1111".parse().unwrap() };
        let warning = shared.warning().expect("a warning").to_string();
        assert!(warning.contains("other computers on the network can open the preview"), "{warning}");
    }
}
