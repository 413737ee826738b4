//! The Norrvik fixture (tests/fixtures/norrvik: English, Swedish and
//! Finnish, example data throughout) built as published: sentences that are
//! true for every kind of figure, counts that add up, and the text's own
//! tables and headings as a phone needs them. Its layout and charts are
//! measured in a browser by scripts/test and in tests/chart_layout.rs.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The fixture, built once for every test here.
fn site() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        // A copy: the build leaves its cache in the site's folder.
        let root = dir.path().join("norrvik");
        crate::common::copy::copy_dir(&crate::common::repo().join("tests/fixtures/norrvik"), &root);
        let args = ["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()];
        let (code, _, stderr) = crate::common::run(&args);
        assert_eq!(code, 0, "{stderr}");
        (dir, out)
    });
    out
}

fn read(page: &str) -> String {
    std::fs::read_to_string(site().join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

/// The chart summary of an indicator's page.
fn summary(page: &str) -> String {
    crate::common::texts(&read(page), "figcaption.chart__summary").join(" ")
}

#[test]
fn no_per_cent_change_on_an_interval_scale_or_from_a_start_at_or_below_zero() {
    let deviation = summary("en/climate/temperature-deviation/index.html");
    assert!(deviation.contains("−1.71 °C in 2000 and 2.53 °C in 2025, an increase of 4.24 °C."), "{deviation}");
    assert!(!deviation.contains('%'), "a baseline's zero is not nothing: {deviation}");
    let sv = summary("sv/klimat/temperaturavvikelse/index.html");
    assert!(sv.contains("en ökning med 4,24 °C.") && !sv.contains('%'), "{sv}");
    let from_below = summary("en/education/student-migration/index.html");
    assert!(from_below.ends_with("an increase of 154 persons."), "{from_below}");
    let from_zero = summary("en/democracy/trust/index.html");
    assert!(from_zero.contains("an increase of 55 index.") && !from_zero.contains('%'), "{from_zero}");
    let positive = summary("en/democracy/result/index.html");
    assert!(positive.contains("a decrease of 19.9 SEK million (81%)"), "a positive start keeps it: {positive}");
    let share = summary("en/education/completion-rate/index.html");
    assert!(share.contains("an increase of 5.4 percentage points."), "percentage points stay: {share}");
}

#[test]
fn a_value_in_the_middle_of_a_series_that_is_not_measured_is_named_in_the_summary() {
    let en = summary("en/education/completion-rate/index.html");
    assert!(en.contains("The value for 2023 is not measured (derived)."), "{en}");
    let sv = summary("sv/utbildning/fullfoljd-inom-fyra-ar/index.html");
    assert!(sv.contains("Värdet för 2023 är inte uppmätt (beräknat)."), "{sv}");
}

#[test]
fn goalsite_s_words_for_a_goal_without_assessment_differ_from_the_scale_s_not_assessed() {
    for (page, not_assessed, none) in [
        ("en/education/index.html", "– 2 Not assessed", "○ 1 no assessment yet"),
        ("sv/utbildning/index.html", "– 2 Ej bedömt", "○ 1 ännu utan bedömning"),
        ("fi/koulutus/index.html", "– 2 Ei arvioitu", "○ 1 vielä ilman arviota"),
    ] {
        let tally = crate::common::texts(&read(page), ".tally__list li");
        assert!(tally.contains(&not_assessed.to_owned()) && tally.contains(&none.to_owned()), "{page}: {tally:?}");
    }
    // Built in: neither language's own words read as a "not assessed" step.
    for lang in ["en", "sv"] {
        let i18n =
            std::fs::read_to_string(crate::common::repo().join(format!("themes/default/i18n/{lang}.toml"))).unwrap();
        for key in ["tally_unassessed", "no_assessment"] {
            let line = i18n.lines().find(|l| l.starts_with(&format!("{key} = "))).unwrap().to_lowercase();
            for step in ["not assessed", "ej bedöm", "inte bedöm"] {
                assert!(!line.contains(step), "{lang}: {line}");
            }
        }
    }
}

#[test]
fn the_comparison_with_last_year_counts_every_goal_of_the_tally_a_new_one_too() {
    for (page, expected) in [
        (
            "en/education/index.html",
            ["↑ 2 better", "→ 1 unchanged", "+ 1 new sub-goal", "○ 3 without an assessment to compare"],
        ),
        (
            "sv/utbildning/index.html",
            ["↑ 2 bättre", "→ 1 med samma bedömning", "+ 1 nytt delmål", "○ 3 utan bedömning att jämföra"],
        ),
    ] {
        let html = read(page);
        assert_eq!(crate::common::texts(&html, ".tally__changes li"), expected, "{page}");
        let count = |css: &str| -> usize {
            crate::common::texts(&html, css)
                .iter()
                .map(|t| t.split_whitespace().nth(1).and_then(|n| n.parse::<usize>().ok()).unwrap_or(0))
                .sum()
        };
        assert_eq!(count(".tally__list li"), count(".tally__changes li"), "{page}: the two add up to the same goals");
    }
}

#[test]
fn a_heading_ending_in_a_dash_before_the_year_keeps_them_together() {
    let en = read("en/climate/index.html").replace('\u{ad}', "");
    assert!(en.contains(">Net emissions, 2000–2025</h2>"), "no space after the dash");
    let sv = read("sv/klimat/index.html").replace('\u{ad}', "");
    assert!(sv.contains("<h2 id=\"nettoutslapp-2000-2025\">Nettoutsläpp, 2000–2025</h2>"));
}

#[test]
fn a_table_in_the_text_scrolls_in_its_own_box_and_its_long_words_can_break() {
    let fi = read("fi/demokratia/index.html");
    let boxes = crate::common::outer(&fi, ".prose .table-scroll");
    assert_eq!(boxes.len(), 1, "{fi}");
    assert!(boxes[0].contains("aria-label=\"Toimielin, Päättää\""), "{}", boxes[0]);
    let cells = crate::common::outer(&fi, ".prose td");
    let long = cells.iter().find(|c| c.replace('\u{ad}', "").contains("ympäristö")).expect("the long word");
    assert!(long.matches('\u{ad}').count() >= 5, "soft hyphens by Finnish patterns: {long}");
    assert!(crate::common::texts(&fi, ".prose td")
        .iter()
        .any(|t| t.contains("ympäristövaikutustenarviointimenettely")));
}

#[test]
fn one_value_with_a_decimal_gives_the_whole_series_one_and_the_guides_say_so() {
    let html = read("en/housing/district-heating-energy/index.html");
    assert_eq!(crate::common::texts(&html, "table.data td"), ["427.0", "415.0", "409.0", "398.5", "391.0"]);
    for (guide, says) in [("docs/authoring.md", "(427 blir 427,0)"), ("docs/authoring.en.md", "(427 becomes 427.0)")] {
        let text = std::fs::read_to_string(crate::common::repo().join(guide))
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(says), "{guide} explains what one decimal does to a series");
    }
}

#[test]
fn the_full_report_made_to_be_printed_has_no_soft_hyphens() {
    // A printed PDF keeps them in its text, where they break a search for the word.
    for page in ["en/full-report/index.html", "sv/hela-rapporten/index.html", "fi/koko-raportti/index.html"] {
        assert!(!read(page).contains('\u{ad}'), "{page}");
    }
    assert!(read("sv/klimat/index.html").contains('\u{ad}'), "the programme's own page has them");
}

#[test]
fn every_figure_is_example_data_and_the_header_has_the_logo() {
    for page in ["en/index.html", "sv/index.html", "fi/index.html"] {
        let html = read(page);
        assert_eq!(crate::common::attrs(&html, "img.site-logo", "alt").len(), 1, "{page}");
    }
    let root = crate::common::repo().join("tests/fixtures/norrvik/content");
    for entry in walkdir::WalkDir::new(root).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.parent().is_some_and(|p| p.ends_with("indicators")) {
            let text = std::fs::read_to_string(path).unwrap();
            assert!(text.contains("example_data = true"), "{} is made up and must say so", path.display());
        }
    }
}
