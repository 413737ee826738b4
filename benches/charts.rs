//! Chart speed: one chart's render time, and what 1,000 indicators' charts
//! add to a whole build. `cargo bench --bench charts`.

// The corpus module also writes Hugo sites, which this benchmark does not use.
#[allow(dead_code)]
#[path = "corpus/mod.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use goalsite::BuildOptions;
use rayon::prelude::*;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Median wall time of `runs` builds of the site at `root` into fresh folders.
fn build_time(root: &Path, runs: usize) -> Duration {
    let times = (0..runs)
        .map(|i| {
            let out = root.join(format!("out-{i}"));
            let start = Instant::now();
            goalsite::build(&BuildOptions { root: root.to_path_buf(), output: Some(out.clone()), base_url: None })
                .unwrap_or_else(|e| panic!("build failed: {e:?}"));
            let t = start.elapsed();
            std::fs::remove_dir_all(&out).ok();
            t
        })
        .collect();
    median(times)
}

fn site(size: corpus::Size) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    corpus::write_site(dir.path(), size).expect("corpus");
    let root = dir.path().to_path_buf();
    (dir, root)
}

fn main() {
    // `cargo test --all-targets` runs this file too, without `--bench`, in a
    // debug build: only `cargo bench` measures.
    if !std::env::args().any(|a| a == "--bench") {
        println!("charts benchmark: run it with `cargo bench --bench charts`");
        return;
    }
    // One chart: build a site with one time-series indicator and time the
    // chart step alone.
    let one = corpus::Size { pages: 0, programmes: 1, indicators: 2, goals: 0 };
    let (_d1, root1) = site(one);
    let charts = goalsite::harness::Charts::load(&root1).expect("valid corpus");
    let n = 2000;
    let start = Instant::now();
    for _ in 0..n {
        std::hint::black_box(charts.draw(0, "sv", true));
    }
    let per_chart = start.elapsed() / n;
    println!("one line chart (2 series x 14 years + target), wide drawing: {:.1} µs", per_chart.as_secs_f64() * 1e6);

    // 1,000 indicators (half time series, half comparisons) against the same site without them.
    let with = corpus::Size { pages: 100, programmes: 10, indicators: 100, goals: 10 };
    let without = corpus::Size { indicators: 0, ..with };
    let (_d2, root_with) = site(with);
    let (_d3, root_without) = site(without);
    // The charts alone: every indicator in both languages, large and small, in parallel.
    let charts = goalsite::harness::Charts::load(&root_with).expect("valid corpus");
    let jobs: Vec<(usize, &str, bool)> = (0..charts.indicators())
        .flat_map(|i| ["sv", "en"].into_iter().flat_map(move |lang| [true, false].map(move |wide| (i, lang, wide))))
        .collect();
    let start = Instant::now();
    jobs.par_iter().for_each(|&(i, lang, wide)| {
        std::hint::black_box(charts.draw(i, lang, wide));
    });
    println!(
        "drawing the {} charts of 1,000 indicators (2 languages x wide and narrow): {} ms on {} threads",
        jobs.len(),
        start.elapsed().as_millis(),
        rayon::current_num_threads()
    );
    let downloads: Vec<(usize, &str)> =
        (0..charts.indicators()).flat_map(|i| ["sv", "en"].map(move |lang| (i, lang))).collect();
    let start = Instant::now();
    let bytes: usize = downloads.par_iter().map(|&(i, lang)| charts.download(i, lang)).sum();
    println!(
        "PNG downloads of 1,000 indicators ({} pictures, {} MB): {} ms on {} threads",
        downloads.len(),
        bytes / 1_000_000,
        start.elapsed().as_millis(),
        rayon::current_num_threads()
    );

    let runs = 5;
    let t_with = build_time(&root_with, runs);
    let t_without = build_time(&root_without, runs);
    println!(
        "build with 1,000 indicators: {} ms; without: {} ms; the indicators add {} ms (median of {runs}, {} threads)",
        t_with.as_millis(),
        t_without.as_millis(),
        t_with.saturating_sub(t_without).as_millis(),
        rayon::current_num_threads()
    );
}
