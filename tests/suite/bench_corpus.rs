//! The benchmark corpus (`scripts/bench`, `cargo bench`) is a valid site: it
//! builds and checks without a warning, so a benchmark never measures a
//! build that stopped at an error.

#[allow(dead_code)]
#[path = "../../benches/corpus/mod.rs"]
mod corpus;

#[test]
fn the_bench_corpus_checks_clean_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let size = corpus::Size { pages: 30, programmes: 3, indicators: 2, goals: 2 };
    corpus::write_site(dir.path(), size).unwrap();
    let root = dir.path().to_str().unwrap();
    let (code, _, stderr) = crate::common::run(&["check", "--root", root, "--deny-warnings"]);
    assert_eq!(code, 0, "{stderr}");
    let out = dir.path().join("out");
    let (code, _, stderr) = crate::common::run(&["build", "--root", root, "--output", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.join("sv/index.html").is_file());
}
