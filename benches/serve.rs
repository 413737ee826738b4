//! Live-reload latency of `goalsite serve` on the Umeå site (release build,
//! search and PNG on, as its site.toml has them): from saving a Markdown file
//! to the reload event (on one page, and on every one of eight open pages), to
//! the new page fetched, and to the new search index served (made after the
//! reload); and the time to fetch one page. `cargo bench --bench serve`
//! (`GOALSITE_BENCH_BIN=path` runs another goalsite binary, for A/B runs).

#[allow(dead_code)]
#[path = "../tests/suite/common/serve.rs"]
mod serve;

#[path = "../tests/suite/common/copy.rs"]
mod copy;

use std::path::Path;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The build time of the rebuild after the `done`-th, from the server's
/// `Rebuilt N pages in X ms` line (printed just after the reload event is sent).
fn rebuild_time(server: &serve::Server, done: usize) -> Duration {
    loop {
        let rebuilt: Vec<String> = server.printed().into_iter().filter(|l| l.starts_with("Rebuilt ")).collect();
        if let Some(line) = rebuilt.get(done) {
            let ms = line.split(" in ").nth(1).and_then(|r| r.split(' ').next()).and_then(|n| n.parse().ok());
            return Duration::from_millis(ms.expect("Rebuilt N pages in X ms"));
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("serve benchmark: run it with `cargo bench --bench serve`");
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(repo.join("site.toml"), dir.path().join("site.toml")).expect("site.toml");
    copy::copy_dir(&repo.join("content"), &dir.path().join("content"));
    let page = dir.path().join("content/om-uppfoljningen.sv.md");
    let original = std::fs::read_to_string(&page).expect("page");

    let server = serve::serve(dir.path());
    let mut events = serve::Events::open(server.port);
    let mut other_pages: Vec<serve::Events> = (0..7).map(|_| serve::Events::open(server.port)).collect();
    let (mut to_event, mut to_all, mut to_page, mut besides_building, mut to_index) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    const ENTRY: &str = "/pagefind/pagefind-entry.json";
    let entry = |until: &dyn Fn(&str) -> bool| loop {
        let (status, body) = serve::get(server.port, ENTRY);
        if status == 200 && until(&body) {
            return body;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    for i in 0..20 {
        let marker = format!("Mätpunkt {i}.");
        let index_before = entry(&|_| true);
        let start = Instant::now();
        std::fs::write(&page, format!("{original}\n{marker}\n")).expect("write");
        events.wait_for("event: reload");
        let event = start.elapsed();
        to_event.push(event);
        besides_building.push(event.saturating_sub(rebuild_time(&server, i)));
        for other in &mut other_pages {
            other.wait_for("event: reload");
        }
        to_all.push(start.elapsed());
        let (_, html) = serve::get(server.port, "/sv/om-uppfoljningen/");
        assert!(html.contains(&marker), "the new text is served");
        to_page.push(start.elapsed());
        entry(&|now| now != index_before);
        to_index.push(start.elapsed());
        std::thread::sleep(Duration::from_millis(100));
    }
    println!(
        "edit of one Markdown file → reload event: median {} ms, max {} ms; → on all 8 open pages: median {} ms, \
         max {} ms; → new page fetched: median {} ms; → new search index served: median {} ms (20 edits)\n\
         of the time to the reload event, not building (file watcher and its wait for the file to be closed, \
         rebuild start, event delivery): median {} ms, max {} ms",
        median(to_event.clone()).as_millis(),
        to_event.iter().max().expect("runs").as_millis(),
        median(to_all.clone()).as_millis(),
        to_all.iter().max().expect("runs").as_millis(),
        median(to_page).as_millis(),
        median(to_index).as_millis(),
        median(besides_building.clone()).as_millis(),
        besides_building.iter().max().expect("runs").as_millis()
    );
    // An indicator's figure: its pages changed in place (the reload), its
    // picture and workbook made after it, with the search index.
    let data = dir.path().join("content/klimatneutrala-umea-2040/indicators/kommunkoncernens-utslapp.toml");
    let original = std::fs::read_to_string(&data).expect("indicator");
    const PNG: &str = "/data/kommunkoncernens-utslapp.sv.png";
    const PAGE: &str = "/sv/klimatneutrala-umea-2040/kommunkoncernens-utslapp/";
    let (mut to_event, mut to_page, mut to_png, mut rebuilt) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let done = server.printed().into_iter().filter(|l| l.starts_with("Rebuilt ")).count();
    for i in 0..10 {
        let value = 96 + i + 1;
        let png_before = serve::get(server.port, PNG).1;
        let start = Instant::now();
        std::fs::write(&data, original.replacen("  96,", &format!("  {value},"), 1)).expect("write");
        events.wait_for("event: reload");
        let event = start.elapsed();
        to_event.push(event);
        rebuilt.push(rebuild_time(&server, done + i as usize));
        let (_, html) = serve::get(server.port, PAGE);
        assert!(html.contains(&format!(">{value}<")), "the new figure is served");
        to_page.push(start.elapsed());
        loop {
            let (status, body) = serve::get(server.port, PNG);
            if status == 200 && body != png_before {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        to_png.push(start.elapsed());
        std::thread::sleep(Duration::from_millis(300));
    }
    println!(
        "edit of one figure (an indicator's TOML) → reload event: median {} ms, max {} ms; → new page fetched: \
         median {} ms; → new PNG served: median {} ms (10 edits); the rebuild itself: median {} ms",
        median(to_event.clone()).as_millis(),
        to_event.iter().max().expect("runs").as_millis(),
        median(to_page).as_millis(),
        median(to_png).as_millis(),
        median(rebuilt).as_millis(),
    );
    // A page's title (its front matter): every page may show it (menus,
    // links), so every page is made again.
    let page = dir.path().join("content/om-uppfoljningen.sv.md");
    let original = std::fs::read_to_string(&page).expect("page");
    let (mut to_event, mut to_page, mut rebuilt) = (Vec::new(), Vec::new(), Vec::new());
    let done = server.printed().into_iter().filter(|l| l.starts_with("Rebuilt ")).count();
    for i in 0..10 {
        let title = format!("Om uppföljningen {i}");
        let start = Instant::now();
        std::fs::write(&page, original.replacen("\"Om uppföljningen\"", &format!("\"{title}\""), 1)).expect("write");
        events.wait_for("event: reload");
        to_event.push(start.elapsed());
        rebuilt.push(rebuild_time(&server, done + i));
        let (_, html) = serve::get(server.port, "/sv/");
        assert!(html.contains(&title), "the new title is in the home page's menu");
        to_page.push(start.elapsed());
        std::thread::sleep(Duration::from_millis(300));
    }
    println!(
        "edit of a page's title (front matter) → reload event: median {} ms, max {} ms; → home page with the \
         new title fetched: median {} ms (10 edits); the rebuild itself: median {} ms",
        median(to_event.clone()).as_millis(),
        to_event.iter().max().expect("runs").as_millis(),
        median(to_page).as_millis(),
        median(rebuilt).as_millis(),
    );
    let fetches: Vec<Duration> = (0..200)
        .map(|_| {
            let start = Instant::now();
            assert_eq!(serve::get(server.port, "/sv/om-uppfoljningen/").0, 200);
            start.elapsed()
        })
        .collect();
    let slowest = *fetches.iter().max().expect("fetches");
    println!(
        "GET of one page (new connection each): median {} µs, max {} µs (200 requests, 8 event streams open)",
        median(fetches).as_micros(),
        slowest.as_micros()
    );
}
