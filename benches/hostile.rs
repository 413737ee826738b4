//! Hostile and huge input: `goalsite check` on a 2 MB page with 10,000 broken
//! anchors, on a 1 MB TOML line with 50,000 out-of-range years, and on Markdown
//! files of 4.9 MB (just under the 5 MB limit) and 50 MB (refused unread): wall
//! time, peak memory (from /usr/bin/time) and how much it prints.
//! `cargo bench --bench hostile`.

#[path = "../tests/suite/common/mod.rs"]
mod common;

use std::process::Command;
use std::time::Instant;

/// Runs `goalsite check` on `f` under /usr/bin/time; prints time, peak RSS and output size.
fn measure(name: &str, f: &common::Fixture) {
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", env!("CARGO_BIN_EXE_goalsite"), "check", "--root", f.root().to_str().unwrap()])
        .output()
        .expect("run /usr/bin/time (Debian package time)");
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rss_kib: u64 = stderr.lines().last().and_then(|l| l.trim().parse().ok()).unwrap_or(0);
    let said = String::from_utf8_lossy(&out.stdout);
    println!(
        "{name}: {:.2} s, peak {:.0} MiB, printed {} KiB, exit {}: {}",
        elapsed.as_secs_f64(),
        rss_kib as f64 / 1024.0,
        (out.stdout.len() + out.stderr.len()) / 1024,
        out.status.code().unwrap_or(-1),
        said.trim()
    );
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("hostile-input benchmark: run it with `cargo bench --bench hostile`");
        return;
    }
    let f = common::Fixture::new();
    let mut page = String::from("+++\ntitle = \"Om\"\n+++\n## Bakgrund\n\n");
    while page.len() < 2_000_000 {
        page.push_str("Ett stycke text som handlar om kommunens mål och hur det går för dem i år. ");
        if page.len() % 200 < 80 {
            page.push_str(&format!("[länk](#saknas-{})\n\n", page.len()));
        }
    }
    let links = page.matches("](#saknas-").count();
    f.write("content/om.sv.md", &page);
    measure(&format!("2 MB page with {links} broken anchors"), &f);

    let f = common::Fixture::new();
    let years: Vec<String> = (0..50_000).map(|i| (3000 + i % 1000).to_string()).collect();
    let values: Vec<&str> = vec!["1"; 50_000];
    f.write(
        "content/tillvaxt/indicators/utslapp.toml",
        &format!(
            "title = \"x\"\nsource = \"x\"\nyears = [{}]\n\n[[series]]\nname = \"x\"\nvalues = [{}]\n",
            years.join(", "),
            values.join(", ")
        ),
    );
    measure("1 MB TOML line with 50,000 out-of-range years", &f);

    for kb in [4_900, 50_000] {
        let f = common::Fixture::new();
        let mut big = String::from("+++\ntitle = \"Om\"\n+++\n## Bakgrund\n\n");
        while big.len() < kb * 1_000 {
            big.push_str("## Rubrik\n\nEtt stycke med *betoning*, en [länk](https://example.org) och `kod`.\n\n- en punkt\n- en till\n\n");
        }
        f.write("content/om.sv.md", &big);
        measure(&format!("{:.1} MB Markdown file", kb as f64 / 1000.0), &f);
    }
}
