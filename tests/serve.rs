//! `goalsite serve`: serves the build over HTTP, reloads open pages after an
//! edit, and on a content error keeps the last good build with an overlay.

mod common;

use std::time::Instant;

use common::serve::{get, serve, Events};
use common::Fixture;

#[test]
fn an_edit_reloads_the_page_with_the_new_text() {
    let f = Fixture::new();
    let server = serve(f.root());
    let (status, page) = get(server.port, "/sv/om/");
    assert_eq!(status, 200);
    assert!(page.contains("<h2 id=\"bakgrund\">Bakgrund</h2>"));
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

#[test]
fn a_content_error_keeps_the_last_good_build_and_shows_an_overlay() {
    let f = Fixture::new();
    let server = serve(f.root());
    let mut events = Events::open(server.port);
    f.edit("content/tillvaxt/assessments/2024.toml", "status = \"delvis\"", "status = \"delvs\"");
    events.wait_for("event: reload");
    let (status, page) = get(server.port, "/sv/tillvaxt/bostader/");
    assert_eq!(status, 200);
    assert!(page.contains("id=\"goalsite-overlay\""), "{page}");
    assert!(page.contains("content/tillvaxt/assessments/2024.toml:2:10: `delvs` is not an assessment"), "{page}");
    assert!(page.contains("did you mean `delvis`?"));
    assert!(page.contains("assessment--partly"), "the last good build is still served");

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
    assert_eq!(get(server.port, "/sv").0, 301);
}

#[test]
fn a_taken_port_is_a_clear_usage_error() {
    let f = Fixture::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (code, _, stderr) = common::run(&["serve", "--root", f.root().to_str().unwrap(), "--port", &port]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(&format!("cannot serve on 127.0.0.1:{port}")), "{stderr}");
    assert!(stderr.contains("try --port"), "{stderr}");
}
