//! Live-reload latency of `goalsite serve` on the Umeå site (release build):
//! from saving a Markdown file to the reload event, and to the new page
//! fetched. `cargo bench --bench serve`.

#[allow(dead_code)]
#[path = "../tests/common/serve.rs"]
mod serve;

// Only `copy_dir` of the corpus module is used here.
#[allow(dead_code)]
#[path = "corpus/mod.rs"]
mod corpus;

use std::path::Path;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("serve benchmark: run it with `cargo bench --bench serve`");
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(repo.join("site.toml"), dir.path().join("site.toml")).expect("site.toml");
    corpus::copy_dir(&repo.join("content"), &dir.path().join("content")).expect("copy content");
    corpus::copy_dir(&repo.join("themes"), &dir.path().join("themes")).expect("copy themes");
    let page = dir.path().join("content/om-uppfoljningen.sv.md");
    let original = std::fs::read_to_string(&page).expect("page");

    let server = serve::serve(dir.path());
    let mut events = serve::Events::open(server.port);
    let (mut to_event, mut to_page) = (Vec::new(), Vec::new());
    for i in 0..20 {
        let marker = format!("Mätpunkt {i}.");
        let start = Instant::now();
        std::fs::write(&page, format!("{original}\n{marker}\n")).expect("write");
        events.wait_for("event: reload");
        to_event.push(start.elapsed());
        let (_, html) = serve::get(server.port, "/sv/om-uppfoljningen/");
        assert!(html.contains(&marker), "the new text is served");
        to_page.push(start.elapsed());
        std::thread::sleep(Duration::from_millis(100));
    }
    println!(
        "edit of one Markdown file → reload event: median {} ms, max {} ms; → new page fetched: median {} ms (20 edits)",
        median(to_event.clone()).as_millis(),
        to_event.iter().max().expect("runs").as_millis(),
        median(to_page).as_millis()
    );
}
