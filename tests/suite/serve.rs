//! `goalsite serve`: serves the build over HTTP, reloads open pages after an
//! edit, and on a content error keeps the last good build with an overlay;
//! and stays bounded and on its own origin whatever a client sends.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::common::serve::{fetch, get, request, serve, serve_with, serve_with_env, Events};
use crate::common::Fixture;

#[test]
fn an_edit_reloads_the_page_with_the_new_text() {
    let f = Fixture::new();
    let server = serve(f.root());
    let (status, page) = get(server.port, "/sv/om/");
    assert_eq!(status, 200);
    assert!(page.replace('\u{ad}', "").contains("<h2 id=\"bakgrund\">Bakgrund</h2>"));
    assert!(
        page.contains("<script src=\"/__goalsite/live.js\" defer></script>\n</body>"),
        "live reload injected: {}",
        &page[page.len() - 300..]
    );
    assert!(!f.out().exists(), "serve never writes public/");

    let mut events = Events::open(server.port);
    let start = Instant::now();
    f.edit("content/om.sv.md", "Text[^1].", "Ny text[^1].");
    events.wait_for("event: reload");
    let (_, page) = get(server.port, "/sv/om/");
    assert!(page.contains("<p>Ny text<sup"), "{}", &page[page.find("<main").unwrap()..]);
    eprintln!("edit → reload event → new page: {} ms (debug build)", start.elapsed().as_millis());
}

/// Asks for `path` until `done` holds for its reply (the background's files
/// come after the reload); panics after 60 s.
fn until(port: u16, path: &str, done: impl Fn(u16, &str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let (status, body) = get(port, path);
        if done(status, &body) {
            return body;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "{path} never came: {status}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_search_index_pictures_and_workbooks_follow_an_edit_and_are_always_served() {
    let f = Fixture::new();
    f.edit("site.toml", "[footer]", "[search]\nenabled = true\n\n[downloads]\npng = true\n\n[footer]");
    let server = serve(f.root());
    let entry = until(server.port, "/pagefind/pagefind-entry.json", |status, _| status == 200);
    let png = until(server.port, "/data/utslapp.sv.png", |status, _| status == 200);
    let mut events = Events::open(server.port);
    // A text: its pages at once, the search index after.
    f.edit("content/om.sv.md", "Text[^1].", "Zebrafinkar[^1].");
    events.wait_for("event: reload");
    assert!(get(server.port, "/sv/om/").1.contains("Zebrafinkar"));
    until(server.port, "/pagefind/pagefind-entry.json", |status, body| status == 200 && body != entry);
    // An indicator: the last pictures are served until the new ones are in place.
    f.edit("content/tillvaxt/indicators/utslapp.toml", "sv = \"Utsläpp\"", "sv = \"Utsläpp i kommunen\"");
    events.wait_for("event: reload");
    for path in ["/data/utslapp.sv.png", "/data/utslapp.sv.xlsx", "/pagefind/pagefind-entry.json"] {
        assert_eq!(get(server.port, path).0, 200, "{path} is served right after the reload");
    }
    let png = until(server.port, "/data/utslapp.sv.png", |status, body| status == 200 && body != png);
    // A figure: its pages changed in place, its picture and workbook after.
    let xlsx = get(server.port, "/data/utslapp.sv.xlsx").1;
    f.edit("content/tillvaxt/indicators/utslapp.toml", "values = [96.5,", "values = [97.5,");
    events.wait_for("event: reload");
    assert!(get(server.port, "/sv/tillvaxt/utslapp/").1.contains("97,5"), "the new figure is on its page");
    until(server.port, "/data/utslapp.sv.png", |status, body| status == 200 && body != png);
    until(server.port, "/data/utslapp.sv.xlsx", |status, body| status == 200 && body != xlsx);
}

/// The numbers of each `Search index in place … (M of its N parts made)`
/// line `server` printed, once there are `n`; panics after 60 s.
fn parts_made(server: &crate::common::serve::Server, n: usize) -> Vec<(usize, usize)> {
    let start = Instant::now();
    loop {
        let said: Vec<(usize, usize)> = server
            .printed()
            .iter()
            .filter_map(|line| {
                let rest = line.strip_prefix("Search index in place after ")?;
                let (made, rest) = rest.split_once(" ms (")?.1.split_once(" of its ")?;
                Some((made.parse().ok()?, rest.split_once(' ')?.0.parse().ok()?))
            })
            .collect();
        if said.len() >= n {
            return said;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "no such line: {:?}", server.printed());
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn on_a_site_searched_in_parts_an_edit_makes_only_its_part_of_the_index_again() {
    let f = Fixture::new();
    f.edit("site.toml", "[footer]", "[search]\nenabled = true\n\n[footer]");
    // The test build's parts hold 4 pages (a real build's 3,000).
    let server = serve_with_env(f.root(), &["--port", "0"], &[("GOALSITE_PART_RECORDS", "4")]);
    let (made, parts) = parts_made(&server, 1)[0];
    assert!(parts > 1 && made == parts, "the first index is made whole, in parts: {made} of {parts}");
    let entry = get(server.port, "/pagefind/pagefind-entry.json").1;
    let mut events = Events::open(server.port);
    // A text: the part its page is in (in every language).
    f.edit("content/om.sv.md", "Text[^1].", "Zebrafinkar[^1].");
    events.wait_for("event: reload");
    assert_eq!(parts_made(&server, 2)[1], (1, parts), "{:?}", server.printed());
    // The index served is the one a build makes of the site as it is now.
    let built = f.dir.path().join("built");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_goalsite"))
        .env("GOALSITE_PART_RECORDS", "4")
        .args(["build", "-q", "--root", f.root().to_str().unwrap(), "--output", built.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let bundle = built.join("pagefind");
    let files: Vec<_> =
        walkdir::WalkDir::new(&bundle).into_iter().map(Result::unwrap).filter(|e| e.file_type().is_file()).collect();
    assert!(files.len() > 10, "{} files", files.len());
    for file in files {
        let rel = file.path().strip_prefix(&built).unwrap().to_str().unwrap().replace('\\', "/");
        let served = get(server.port, &format!("/{rel}")).1;
        assert!(served == String::from_utf8_lossy(&std::fs::read(file.path()).unwrap()), "{rel} differs");
    }
    assert_ne!(get(server.port, "/pagefind/pagefind-entry.json").1, entry, "the edit changed the index");
}

#[test]
fn an_edit_of_what_every_page_shows_leaves_the_served_site_as_a_build_makes_it() {
    let f = Fixture::new();
    f.write("content/nytt.sv.md", "+++\ntitle = \"Nytt\"\n+++\nEn ny sida.\n");
    f.write("content/nytt.en.md", "+++\ntitle = \"New\"\n+++\nA new page.\n");
    let server = serve(f.root());
    assert_eq!(get(server.port, "/en/nytt/").0, 200);
    let mut events = Events::open(server.port);
    // A page's title may be on any page (menus, links): every file is made
    // again, in the served folder; a page removed takes its files with it.
    f.edit("content/om.sv.md", "title = \"Om\"", "title = \"Om uppföljningen\"");
    events.wait_for("event: reload");
    assert!(get(server.port, "/sv/om/").1.contains("<title>Om uppföljningen"), "the new title");
    f.remove("content/nytt.sv.md");
    f.remove("content/nytt.en.md");
    for path in ["/sv/nytt/", "/en/nytt/"] {
        until(server.port, path, |status, _| status == 404);
    }
    // Every file a build makes of the site as it is now is served as that
    // build has it (the pages with the live-reload script added).
    let built = f.dir.path().join("built");
    let base_url = format!("http://127.0.0.1:{}/", server.port);
    let (code, _, stderr) = crate::common::run(&[
        "build",
        "--root",
        f.root().to_str().unwrap(),
        "--output",
        built.to_str().unwrap(),
        "--base-url",
        &base_url,
    ]);
    assert_eq!(code, 0, "{stderr}");
    let live = "<script src=\"/__goalsite/live.js\" defer></script>\n";
    let files = crate::common::tree(&built);
    assert!(files.len() > 30, "{} files", files.len());
    for (path, bytes) in files {
        let path = path.to_string_lossy().replace('\\', "/");
        if path.starts_with('.') || path.ends_with(".xlsx") {
            continue; // the marker; workbooks are the background's
        }
        let (status, body) = get(server.port, &format!("/{path}"));
        assert_eq!(status, 200, "{path}");
        assert!(body.replacen(live, "", 1) == String::from_utf8_lossy(&bytes), "{path} is served as built");
    }
}

#[test]
fn a_theme_folder_made_after_the_start_and_the_logo_are_watched_too() {
    let f = Fixture::new();
    let server = serve(f.root());
    let mut events = Events::open(server.port);
    // themes/ did not exist when the preview started.
    f.write("themes/default/i18n/sv.toml", "[strings]\nhome = \"Hem\"\n");
    events.wait_for("event: reload");
    assert!(get(server.port, "/sv/om/").1.contains(">Hem</a>"), "the new strings are used");
    // The logo, in a folder of its own that site.toml names after the start.
    f.write("bilder/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>");
    f.edit("site.toml", "[footer]", "[branding]\nlogo = \"bilder/logo.svg\"\nlogo_alt = \"Logga\"\n\n[footer]");
    events.wait_for("event: reload");
    let logo =
        |page: &str| page.split("class=\"site-logo\" src=\"").nth(1).map(|s| s[..s.find('"').unwrap()].to_owned());
    let before = logo(&get(server.port, "/sv/om/").1).expect("the logo is shown");
    f.write("bilder/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 2 2\"/>");
    events.wait_for("event: reload");
    let after = logo(&get(server.port, "/sv/om/").1).expect("the logo is shown");
    assert_ne!(before, after, "a new logo file gets a new fingerprinted name");
}

#[test]
fn a_content_error_keeps_the_last_good_build_and_shows_an_overlay() {
    let f = Fixture::new();
    let server = serve(f.root());
    let mut events = Events::open(server.port);
    f.edit("content/tillvaxt/assessments/2024.toml", "status = \"delvis\"", "status = \"delvs\"");
    events.wait_for("event: reload");
    let (status, page) = get(server.port, "/en/growth/housing/");
    assert_eq!(status, 200);
    assert!(page.contains("id=\"goalsite-overlay\" lang=\"en\""), "{page}");
    assert!(page.contains("The site has errors"), "in the page's language: {page}");
    assert!(
        page.contains("content/tillvaxt/assessments/2024.toml:2:10: `delvs` is not one of the assessments"),
        "{page}"
    );
    assert!(page.contains("did you mean `delvis`?"));
    assert!(page.contains("assessment--partly"), "the last good build is still served");
    let (_, page) = get(server.port, "/sv/tillvaxt/bostader/");
    assert!(page.contains("id=\"goalsite-overlay\" lang=\"sv\""), "{page}");
    assert!(page.contains("Webbplatsen har fel"), "a Swedish page gets the box in Swedish: {page}");
    assert!(
        page.contains("content/tillvaxt/assessments/2024.toml:2:10: `delvs` är inte en av bedömningarna"),
        "{page}"
    );
    assert!(!page.contains("is not one of"), "no English on a Swedish page");

    f.edit("content/tillvaxt/assessments/2024.toml", "status = \"delvs\"", "status = \"ja\"");
    events.wait_for("event: reload");
    let (_, page) = get(server.port, "/sv/tillvaxt/bostader/");
    assert!(!page.contains("goalsite-overlay"), "the overlay is gone once fixed");
    assert!(page.contains("assessment--met"));
}

#[test]
fn missing_pages_get_the_404_page_and_paths_stay_inside_the_site() {
    let f = Fixture::new();
    let server = serve(f.root());
    let (status, page) = get(server.port, "/sv/finns-inte/");
    assert_eq!(status, 404);
    assert!(page.contains("Sidan finns inte"));
    assert_eq!(get(server.port, "/../site.toml").0, 404);
    assert_eq!(get(server.port, "/%2e%2e/site.toml").0, 404);
    let folder = request(server.port, "GET", "/sv");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("Location"), Some("/sv/"));
    let page = request(server.port, "GET", "/sv/om/");
    assert_eq!(page.header("Content-Type"), Some("text/html; charset=utf-8"));
    assert_eq!(page.header("Cache-Control"), Some("no-store"));
    assert_eq!(request(server.port, "GET", "/__goalsite/live.js").header("Cache-Control"), Some("no-store"));
}

#[test]
fn only_get_and_head_are_answered() {
    let f = Fixture::new();
    let server = serve(f.root());
    let post = b"POST /sv/om/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello";
    for reply in [
        fetch(server.port, post).unwrap(),
        request(server.port, "PUT", "/sv/om/"),
        request(server.port, "DELETE", "/sv/om/"),
        request(server.port, "OPTIONS", "/sv/om/"),
        request(server.port, "BREW", "/"),
    ] {
        assert_eq!(reply.status, 405, "{}", reply.head);
        assert_eq!(reply.header("Allow"), Some("GET, HEAD"));
    }
    let got = request(server.port, "GET", "/sv/om/");
    let head = request(server.port, "HEAD", "/sv/om/");
    assert_eq!(head.status, 200);
    assert_eq!(head.body, "", "HEAD has no body");
    assert_eq!(head.header("Content-Length").unwrap(), got.body.len().to_string());
    assert_eq!(head.header("Content-Type"), got.header("Content-Type"));
    assert_eq!(request(server.port, "HEAD", "/sv/finns-inte/").status, 404);
}

#[test]
fn a_folder_redirect_never_leaves_the_server() {
    let f = Fixture::new();
    let server = serve(f.root());
    for path in ["//sv/tillvaxt", "/sv//tillvaxt", "///sv/tillvaxt", "/sv%2F%2Ftillvaxt"] {
        let reply = request(server.port, "GET", path);
        assert_eq!(reply.status, 301, "{path}");
        assert_eq!(reply.header("Location"), Some("/sv/tillvaxt/"), "{path}");
    }
}

#[test]
fn requests_for_another_host_are_refused() {
    let f = Fixture::new();
    let server = serve(f.root());
    let with_host = |host: &str| {
        fetch(server.port, format!("GET /sv/om/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes())
            .unwrap()
            .status
    };
    let port = server.port;
    for local in ["localhost", &format!("localhost:{port}"), &format!("127.0.0.1:{port}"), &format!("[::1]:{port}")] {
        assert_eq!(with_host(local), 200, "{local}");
    }
    for rebound in ["evil.example", &format!("evil.example:{port}"), &format!("localhost.evil.example:{port}")] {
        assert_eq!(with_host(rebound), 421, "{rebound}");
    }
    let events = b"GET /__goalsite/events HTTP/1.1\r\nHost: evil.example\r\n\r\n";
    assert_eq!(fetch(port, events).unwrap().status, 421, "no event stream either");
    assert_eq!(fetch(port, b"GET /sv/om/ HTTP/1.0\r\n\r\n").unwrap().status, 400, "no Host");
}

#[test]
fn garbage_gets_400_and_the_server_keeps_serving() {
    let f = Fixture::new();
    let server = serve(f.root());
    let garbage: Vec<u8> = (0..=255u8).cycle().take(3000).chain(*b"\r\n\r\n").collect();
    for raw in
        [&garbage[..], b"GET\r\n\r\n", b"GET / HTTP/1.1\r\nHost localhost\r\n\r\n", b"\x16\x03\x01\x00\xa5\r\n\r\n"]
    {
        assert_eq!(fetch(server.port, raw).unwrap().status, 400, "{}", String::from_utf8_lossy(raw));
    }
    let half_closed = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    half_closed.shutdown(std::net::Shutdown::Write).unwrap();
    assert_eq!(get(server.port, "/sv/om/").0, 200);
}

#[test]
fn an_oversized_request_head_gets_431() {
    let f = Fixture::new();
    let server = serve(f.root());
    let raw =
        format!("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nCookie: {}\r\n\r\n", "a".repeat(20 * 1024));
    assert_eq!(fetch(server.port, raw.as_bytes()).unwrap().status, 431);
    assert_eq!(get(server.port, "/sv/om/").0, 200);
}

/// The number of threads of a process, where /proc tells it (Linux).
fn threads(pid: u32) -> Option<usize> {
    std::fs::read_dir(format!("/proc/{pid}/task")).ok().map(Iterator::count)
}

/// The number of threads of a process once it has stayed the same for a second.
fn settled_threads(pid: u32) -> Option<usize> {
    let mut last = threads(pid);
    let mut same = 0;
    for _ in 0..100 {
        std::thread::sleep(Duration::from_millis(100));
        let now = threads(pid);
        same = if now == last { same + 1 } else { 0 };
        last = now;
        if same == 10 {
            break;
        }
    }
    last
}

#[test]
fn a_flood_of_idle_connections_is_refused_and_costs_no_threads() {
    let f = Fixture::new();
    let server = serve(f.root());
    assert_eq!(get(server.port, "/sv/om/").0, 200, "the workers run");
    // The first build's slow files (search index, pictures) are made on
    // threads of their own after the reload: counted once they are done.
    let before = settled_threads(server.pid());
    assert!(before.is_some() || !cfg!(target_os = "linux"), "Linux tells the threads of a process");
    let idle: Vec<TcpStream> = (0..64).map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap()).collect();
    // Accepted in order: when the next one is refused, all 64 are open.
    let mut refused = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    refused.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut reply = String::new();
    refused.read_to_string(&mut reply).expect("an answer without sending a request");
    assert!(reply.starts_with("HTTP/1.1 503 Service Unavailable\r\n"), "{reply}");
    assert!(threads(server.pid()) <= before, "64 idle connections, no new threads");
    drop(idle);
    let answered = (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        fetch(server.port, b"GET /sv/om/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .is_ok_and(|r| r.status == 200)
    });
    assert!(answered, "once the idle connections close, pages are answered again");
}

#[test]
fn event_streams_take_no_worker_and_are_capped() {
    let f = Fixture::new();
    let server = serve(f.root());
    let mut pages: Vec<Events> = (0..32).map(|_| Events::open(server.port)).collect();
    assert_eq!(get(server.port, "/sv/om/").0, 200, "32 open streams, more than the workers, and pages still load");
    let one_too_many = b"GET /__goalsite/events HTTP/1.1\r\nHost: localhost\r\n\r\n";
    assert_eq!(fetch(server.port, one_too_many).unwrap().status, 503);
    let head = fetch(server.port, b"HEAD /__goalsite/events HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .unwrap();
    assert_eq!((head.status, head.header("Content-Type")), (200, Some("text/event-stream")));
    f.edit("content/om.sv.md", "Text[^1].", "Ny text[^1].");
    for page in &mut pages {
        page.wait_for("event: reload");
    }
}

#[test]
fn a_taken_port_is_a_clear_usage_error() {
    let f = Fixture::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let (code, _, stderr) =
        crate::common::run(&["serve", "--root", f.root().to_str().unwrap(), "--port", &port.to_string()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(&format!("cannot serve on 127.0.0.1:{port}: the port is in use")), "{stderr}");
    assert!(stderr.contains(&format!("try --port {}", port + 1)), "{stderr}");
}

#[test]
fn a_wrong_bind_address_is_named_as_such() {
    let f = Fixture::new();
    let root = f.root().to_str().unwrap();
    let (code, _, stderr) =
        crate::common::run(&["serve", "--root", root, "--bind", "no-such-host.invalid", "--port", "4000"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("not an IP address, and no computer of that name can be found"), "{stderr}");
    assert!(!stderr.contains("port"), "not about the port: {stderr}");
    let (code, _, stderr) = crate::common::run(&["serve", "--root", root, "--bind", "192.0.2.1", "--port", "4000"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("192.0.2.1 is not an address of this computer"), "{stderr}");
}

#[test]
fn serving_on_ipv6_loopback_prints_a_valid_url() {
    if std::net::TcpListener::bind("[::1]:0").is_err() {
        eprintln!("skipped: this machine has no IPv6 loopback");
        return;
    }
    let f = Fixture::new();
    let server = serve_with(f.root(), &["--bind", "::1", "--port", "0"]);
    assert_eq!(server.host, "[::1]");
    let mut s = TcpStream::connect(("::1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(s, "GET /sv/om/ HTTP/1.1\r\nHost: [::1]:{}\r\n\r\n", server.port).unwrap();
    let mut reply = String::new();
    s.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 200 OK\r\n"), "{reply}");
    assert!(!server.stderr().contains("warning"), "loopback needs no warning: {}", server.stderr());
}
