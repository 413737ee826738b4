//! The real Umeå content in `content/` builds, and the overview shows the
//! report's assessments exactly.

mod common;

use common::{repo, run};

fn build_umea() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let (code, _, stderr) =
        run(&["build", "--root", repo().to_str().unwrap(), "--output", out.to_str().unwrap(), "--quiet"]);
    assert_eq!(code, 0, "{stderr}");
    (dir, out)
}

/// (goal title, assessment label) for every row of the goals tables in `html`.
fn overview_rows(html: &str) -> Vec<(String, String)> {
    html.split("<th scope=\"row\"><a href=")
        .skip(1)
        .map(|row| {
            let title = row[row.find('>').unwrap() + 1..row.find("</a>").unwrap()].to_owned();
            let badge = &row[row.find("assessment__icon").unwrap()..];
            let label = badge[badge.find("</span>").unwrap() + 7..badge.find("</span>\n").unwrap()].trim().to_owned();
            (title, label)
        })
        .collect()
}

#[test]
fn overview_shows_the_six_growth_goals_with_the_reports_assessments() {
    let (_dir, out) = build_umea();
    let sv = std::fs::read_to_string(out.join("sv/index.html")).unwrap();
    let expected = [
        ("Befolkningsmål", "Delvis"),
        ("Bostadsbyggande", "Nej"),
        ("Attraktiva livsmiljöer", "Delvis"),
        ("Universiteten", "Ja"),
        ("Företagens tillväxt", "Ja"),
        ("Etableringar", "Ja"),
    ];
    let rows = overview_rows(&sv);
    let rows: Vec<(&str, &str)> = rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(rows, expected);
    let en = std::fs::read_to_string(out.join("en/index.html")).unwrap();
    let labels: Vec<String> = overview_rows(&en).into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["Partly", "No", "Partly", "Yes", "Yes", "Yes"]);
    assert!(sv.contains("Umeå har 200\u{a0}000 invånare år 2050."), "a non-breaking space keeps the number together");
}

#[test]
fn every_programme_and_indicator_exists_in_both_languages() {
    let (_dir, out) = build_umea();
    for page in [
        "sv/tillvaxt/index.html",
        "en/growth/index.html",
        "sv/social-hallbarhet/index.html",
        "en/social-sustainability/index.html",
        "sv/klimatneutrala-umea-2040/index.html",
        "en/climate-neutral-umea-2040/index.html",
        "sv/klimatneutrala-umea-2040/territoriella-utslapp/index.html",
        "en/climate-neutral-umea-2040/territorial-emissions/index.html",
    ] {
        assert!(out.join(page).is_file(), "{page}");
    }
}

#[test]
fn figures_follow_the_report_and_example_data_is_marked() {
    let (_dir, out) = build_umea();
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    let territorial = read("sv/klimatneutrala-umea-2040/territoriella-utslapp/index.html");
    assert!(territorial.contains("<td>286</td>"));
    assert!(!territorial.contains("Exempeldata"));
    let organisation = read("sv/klimatneutrala-umea-2040/kommunkoncernens-utslapp/index.html");
    assert!(organisation.contains("<td>96</td>"));
    assert!(organisation.contains("Uppgift saknas"), "the 2022 figure is not in the report");
    for page in [
        "sv/social-hallbarhet/sociala-relationer-och-tillit/index.html",
        "sv/social-hallbarhet/bra-plats-att-bo/index.html",
    ] {
        assert!(read(page).contains("Exempeldata"), "{page} has no figures in the report");
    }
}
