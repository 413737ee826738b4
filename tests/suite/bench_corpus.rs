//! The benchmark corpus (`scripts/bench`, `cargo bench`) is a valid site: it
//! builds and checks without a warning, so a benchmark never measures a
//! build that stopped at an error.

#[allow(dead_code)]
#[path = "../../benches/corpus/mod.rs"]
mod corpus;

#[test]
fn the_bench_corpus_checks_clean_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let size = corpus::Size { pages: 30, programmes: 3, indicators: 4, goals: 2 };
    corpus::write_site(dir.path(), size).unwrap();
    let root = dir.path().to_str().unwrap();
    let (code, _, stderr) = crate::common::run(&["check", "--root", root, "--deny-warnings"]);
    assert_eq!(code, 0, "{stderr}");
    let out = dir.path().join("out");
    let (code, stdout, stderr) = crate::common::run(&["build", "--root", root, "--output", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.join("sv/index.html").is_file());
    // Its twelve indicators are example data: the first ten named, then a count.
    let left_out = stdout.lines().find(|l| l.starts_with("Left out of the open data")).expect(&stdout);
    assert_eq!(left_out.matches("ind-").count(), 10, "{left_out}");
    assert!(left_out.ends_with(" and 2 more"), "{left_out}");
}
