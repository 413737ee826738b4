//! The real Umeå content in `content/` builds, and the overview, the
//! programme page and the full report show the report's assessments exactly.

use crate::common::{repo, run};

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
    let titles = crate::common::texts(html, "table.goals tbody th");
    let labels = crate::common::texts(html, "table.goals tbody .assessment");
    let labels = labels.iter().map(|l| l.trim_start_matches(['✔', '◐', '✖']).trim().to_owned());
    titles.into_iter().zip(labels).collect()
}

#[test]
fn the_six_growth_goals_carry_the_reports_assessments_on_home_programme_and_report() {
    let (_dir, out) = build_umea();
    let read = |page: &str| std::fs::read_to_string(out.join(page)).unwrap();
    // The home page's overview: the report's tally, first.
    assert_eq!(crate::common::texts(&read("sv/index.html"), ".tally__list li"), ["✔ 3 Ja", "◐ 2 Delvis", "✖ 1 Nej"]);
    assert_eq!(crate::common::texts(&read("en/index.html"), ".tally__list li"), ["✔ 3 Yes", "◐ 2 Partly", "✖ 1 No"]);
    let sv = read("sv/tillvaxt/index.html");
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
    let report = overview_rows(&read("sv/hela-rapporten/index.html"));
    assert_eq!(report.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect::<Vec<_>>(), expected);
    let labels: Vec<String> = overview_rows(&read("en/growth/index.html")).into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["Partly", "No", "Partly", "Yes", "Yes", "Yes"]);
    let sv = sv.replace('\u{ad}', "");
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

/// Every file of the built site with the given extension, with its text.
fn files_with(out: &std::path::Path, ext: &str) -> Vec<(String, String)> {
    crate::common::tree(out)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == ext))
        .map(|(p, b)| (p.to_string_lossy().into_owned(), String::from_utf8(b).unwrap()))
        .collect()
}

#[test]
fn output_works_under_a_strict_content_security_policy() {
    let (_dir, out) = build_umea();
    for (path, html) in files_with(&out, "html") {
        assert!(!html.contains(" style="), "{path} has an inline style attribute");
        assert!(!html.contains("<style"), "{path} has a style element");
        // Only the search pages have a script: a file of the site, not inline.
        let scripts = crate::common::outer(&html, "script");
        let search_page = path.starts_with("sv/sok/") || path.starts_with("en/search/");
        assert_eq!(scripts.len(), usize::from(search_page), "{path} has scripts: {scripts:?}");
        for (src, text) in
            crate::common::attrs(&html, "script", "src").iter().zip(crate::common::texts(&html, "script"))
        {
            assert!(src.starts_with("/uppfoljning/search.") && text.is_empty(), "{path}: {src} {text}");
        }
    }
}

#[test]
fn deploy_files_point_at_every_page_under_the_base_path() {
    let (_dir, out) = build_umea();
    let base = "https://www.umea.se/uppfoljning/";
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains(&format!("Sitemap: {base}sitemap.xml")));
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    // Every page, not the year's permanent addresses (which lead to them) nor
    // the browser editor's admin/ (noindex, in no sitemap).
    let admin = std::fs::read_to_string(out.join("admin/index.html")).unwrap();
    assert!(admin.contains("<meta name=\"robots\" content=\"noindex"), "admin/ is noindex");
    assert!(!sitemap.contains("/admin/"), "admin/ is not in the sitemap");
    let pages: Vec<String> = files_with(&out, "html")
        .into_iter()
        .filter(|(p, html)| p.ends_with("/index.html") && !p.starts_with("admin/") && !crate::common::redirect(html))
        .map(|(p, _)| p)
        .collect();
    assert!(pages.len() >= 30);
    for page in &pages {
        let url = format!("{base}{}", page.trim_end_matches("index.html"));
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{url} is not in the sitemap");
    }
    assert_eq!(sitemap.matches("<url>").count(), pages.len());
    assert_eq!(sitemap.matches("<xhtml:link rel=\"alternate\"").count(), 2 * pages.len());
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    for href in crate::common::attrs(&not_found, "[href]", "href") {
        let fine = href.starts_with("/uppfoljning/") || href.starts_with("https://") || href.starts_with('#');
        assert!(fine, "404.html works at any depth: {href}");
    }
    let root = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        root.contains("<meta http-equiv=\"refresh\" content=\"0; url=/uppfoljning/sv/\">"),
        "the root leads to Swedish"
    );
}

#[test]
fn rebuilding_the_umea_site_gives_byte_identical_output() {
    let (_a, first) = build_umea();
    let (_b, second) = build_umea();
    assert_eq!(crate::common::tree(&first), crate::common::tree(&second));
}

#[test]
fn every_id_on_every_page_is_unique_and_assets_are_under_the_base_path() {
    let (_dir, out) = build_umea();
    for (path, html) in files_with(&out, "html") {
        let mut ids = crate::common::attrs(&html, "[id]", "id");
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "{path} repeats an id");
        for href in crate::common::attrs(&html, "link[rel=stylesheet]", "href") {
            assert!(href.starts_with("/uppfoljning/style.") && href.ends_with(".css"), "{path}: {href}");
        }
    }
}
