//! `goalsite build` end to end on a small fixture site: pages, language
//! switch, hreflang, escaping, determinism, and safe failure.

use crate::common::{attrs, hreflangs, run, texts, tree, Fixture};

#[test]
fn builds_every_page_in_both_languages_with_translated_slugs() {
    let f = Fixture::new();
    let (code, stdout, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Built 14 pages"), "{stdout}");
    for page in [
        "sv/index.html",
        "en/index.html",
        "sv/tillvaxt/index.html",
        "en/growth/index.html",
        "sv/tillvaxt/bostader/index.html",
        "en/growth/housing/index.html",
        "sv/tillvaxt/utslapp/index.html",
        "en/growth/emissions/index.html",
        "sv/om/index.html",
        "en/about/index.html",
        "sv/hela-rapporten/index.html",
        "en/full-report/index.html",
        "sv/oppna-data/index.html",
        "en/open-data/index.html",
        "catalog.rdf",
        "data/data.zip",
        "404.html",
        "index.html",
        "sitemap.xml",
        "robots.txt",
    ] {
        assert!(f.out().join(page).is_file(), "{page} is missing");
    }
}

#[test]
fn language_switch_leads_to_the_same_page_in_the_other_language() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let sv = f.read("sv/tillvaxt/bostader/index.html");
    assert_eq!(attrs(&sv, ".lang-switch a[hreflang=en]", "href"), ["/follow-up/en/growth/housing/"]);
    assert!(sv.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    assert!(f.read("en/growth/housing/index.html").contains("<html lang=\"en\">"));
}

#[test]
fn hreflang_alternates_are_reciprocal_and_absolute() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let base = "https://example.org/follow-up/";
    for (path, _) in tree(&f.out()) {
        let path = path.to_string_lossy().into_owned();
        if !path.ends_with("index.html") || path == "index.html" {
            continue;
        }
        let html = f.read(&path);
        if crate::common::redirect(&html) {
            // A year's permanent address leads to the current page.
            continue;
        }
        let alts = hreflangs(&html);
        let langs: Vec<&str> = alts.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, ["sv", "en", "x-default"], "{path}");
        let me = format!("{base}{}", path.trim_end_matches("index.html"));
        assert!(alts.iter().any(|(_, href)| *href == me), "{path} does not list itself");
        for (_, href) in &alts {
            let other = href.strip_prefix(base).expect("absolute URL under the base");
            let other_html = f.read(&format!("{other}index.html"));
            assert!(hreflangs(&other_html).iter().any(|(_, h)| *h == me), "{other} does not point back to {path}");
        }
    }
}

#[test]
fn data_strings_are_escaped() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/programme.toml", "sv = \"Bostäder\"", "sv = \"<script>alert('x')</script> & co\"");
    assert_eq!(f.build().0, 0);
    let html = f.read("sv/tillvaxt/bostader/index.html");
    assert!(!html.contains("<script>"), "raw script tag in the output");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
}

#[test]
fn data_strings_are_escaped_inside_charts_too() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/indicators/utslapp.toml", "sv = \"Kommunen\"", "sv = \"<script>x</script> & co\"");
    f.edit("content/tillvaxt/indicators/utslapp.toml", "sv = \"Utsläpp\"", "sv = \"<b>Utsläpp</b>\"");
    assert_eq!(f.build().0, 0);
    let html = f.read("sv/tillvaxt/utslapp/index.html");
    assert!(!html.contains("<script>") && !html.contains("<b>"), "raw markup in the output");
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt; &amp; co"));
}

#[test]
fn goal_page_shows_its_assessments_as_a_timeline_each_once() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let html = f.read("sv/tillvaxt/bostader/index.html");
    assert_eq!(texts(&html, ".timeline .timeline__year"), ["2024 – årets bedömning", "2023"], "newest year first");
    assert_eq!(attrs(&html, ".timeline__item--current", "class").len(), 1, "this year's leads");
    assert!(html.contains("assessment--partly"));
    assert!(html.contains("aria-hidden=\"true\">◐</span> Delvis"), "text and icon, not colour alone");
    assert_eq!(html.matches("Bättre än i fjol.").count(), 1, "the motivation is printed once");
    assert!(html.contains("href=\"/follow-up/sv/tillvaxt/utslapp/\""), "linked indicator");
}

#[test]
fn indicator_table_uses_the_language_number_format_and_shows_gaps() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let sv = f.read("sv/tillvaxt/utslapp/index.html");
    assert!(sv.contains("<td>96,50</td>"), "decimal comma");
    assert!(sv.contains("<td>\u{2212}1,25</td>"), "minus sign");
    assert!(sv.contains("<td class=\"is-missing\">Uppgift saknas</td>"), "a gap is not a zero");
    let en = f.read("en/growth/emissions/index.html");
    assert!(en.contains("<td>96.50</td>") && en.contains("<td>\u{2212}1.25</td>"));
}

#[test]
fn example_data_is_labelled_on_the_page() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    assert!(!f.read("sv/tillvaxt/utslapp/index.html").contains("Exempeldata"));
    f.edit("content/tillvaxt/indicators/utslapp.toml", "unit =", "example_data = true\nunit =");
    assert_eq!(f.build().0, 0);
    assert!(f.read("sv/tillvaxt/utslapp/index.html").contains("Exempeldata"));
    assert!(f.read("en/growth/emissions/index.html").contains("Example data"));
}

#[test]
fn internal_links_resolve_per_language_with_fragments() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    assert!(f.read("sv/index.html").contains("href=\"/follow-up/sv/tillvaxt/bostader/\""));
    assert!(f.read("en/index.html").contains("href=\"/follow-up/en/growth/housing/\""));
    assert!(f.read("en/growth/index.html").contains("href=\"/follow-up/en/about/#background\""));
    let about = f.read("en/about/index.html").replace('\u{ad}', "");
    assert!(about.contains("<h2 id=\"background\">Background</h2>"), "the id is made before the soft hyphens");
    assert!(about.contains("<li id=\"fn-1\">"), "footnotes are rendered");
}

#[test]
fn base_url_option_moves_every_link() {
    let f = Fixture::new();
    let out = f.root().join("elsewhere");
    let (code, _, stderr) = run(&[
        "build",
        "--root",
        f.root().to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--base-url",
        "http://localhost:8000",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(out.join("sv/tillvaxt/index.html")).unwrap();
    assert!(html.contains("<link rel=\"canonical\" href=\"http://localhost:8000/sv/tillvaxt/\">"));
    assert!(html.contains("href=\"/en/growth/\""));
    assert!(!html.contains("/follow-up/"));
}

#[test]
fn rebuilding_gives_byte_identical_output() {
    let f = Fixture::new();
    // With search, whose index is built from pages rendered in parallel.
    f.write("site.toml", &format!("{}\n[search]\nenabled = true\n", crate::common::SITE_TOML));
    assert_eq!(f.build().0, 0);
    let first = tree(&f.out());
    assert_eq!(f.build().0, 0);
    assert_eq!(first, tree(&f.out()));
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let before = tree(&f.out());
    f.edit("content/tillvaxt/assessments/2024.toml", "status = \"delvis\"", "status = \"delvis");
    let (code, stdout, stderr) = f.build();
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("Nothing was written"), "{stderr}");
    assert_eq!(before, tree(&f.out()), "public/ changed after a failed build");
    let leftovers: Vec<_> =
        std::fs::read_dir(f.root()).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    // The build cache (which describes the output left as it was) is no leftover.
    let leftover = |n: &std::ffi::OsString| n.to_string_lossy().starts_with(".goalsite") && n != ".goalsite-cache";
    assert!(!leftovers.iter().any(leftover), "{leftovers:?}");
    assert_no_temporary_cache_files(f.root());
}

#[test]
fn refuses_to_write_over_the_site_itself() {
    let f = Fixture::new();
    let (code, _, stderr) =
        run(&["build", "--root", f.root().to_str().unwrap(), "--output", f.root().to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(f.root().join("site.toml").is_file());
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(run(&["build", "--no-such-flag"]).0, 2);
    assert_eq!(run(&["frobnicate"]).0, 2);
    let (code, stdout, _) = run(&["build", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Examples:"));
}

#[test]
fn accessibility_statement_is_generated_and_linked_from_every_page() {
    let f = Fixture::new();
    f.edit(
        "site.toml",
        "[footer]",
        r#"[accessibility]
slug = { sv = "tillganglighet", en = "accessibility" }
status = "partial"
statement_date = 2026-11-27
contact = { sv = "Ring oss.", en = "Call us." }
shortcomings = [{ sv = "Diagram saknar <ljud>.", en = "Charts have no sound." }]
method = { sv = "Självskattning.", en = "Self-assessment." }
supervisor = { sv = "Digg", en = "Digg" }
supervisor_url = "https://www.digg.se/"

[footer]"#,
    );
    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    let sv = f.read("sv/tillganglighet/index.html").replace('\u{ad}', "");
    assert!(sv.contains("<h1>Tillgänglighetsredogörelse</h1>"));
    assert!(sv.contains("delvis förenlig med lagen om tillgänglighet till digital offentlig service"));
    assert!(sv.contains("<li>Diagram saknar &lt;ljud&gt;.</li>"), "escaped");
    assert!(sv.contains("Digg har ansvaret för tillsyn"));
    assert!(sv.contains("<time datetime=\"2026-11-27\">"));
    assert!(sv.contains("Testkommunen står bakom webbplatsen"));
    for page in ["sv/index.html", "sv/tillvaxt/utslapp/index.html", "404.html"] {
        assert!(f.read(page).contains("href=\"/follow-up/sv/tillganglighet/\""), "{page} links the statement");
    }
    assert!(f
        .read("en/growth/index.html")
        .contains("href=\"/follow-up/en/accessibility/\">Accessibility statement</a>"));
    assert!(f.read("sitemap.xml").contains("<loc>https://example.org/follow-up/en/accessibility/</loc>"));
}

#[test]
fn an_error_found_while_rendering_leaves_the_previous_output_and_no_temporary_folders() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let before = tree(&f.out());
    // Only rendering finds this one: the anchor's target heading is gone.
    f.edit("content/om.en.md", "## Background", "## History");
    let (code, _, stderr) = f.build();
    assert_eq!(code, 1);
    assert!(stderr.contains("the anchor #background does not exist"), "{stderr}");
    assert_eq!(before, tree(&f.out()), "public/ changed after a failed build");
    let names: Vec<String> = std::fs::read_dir(f.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.starts_with(".goalsite") && n != ".goalsite-cache"), "{names:?}");
    assert_no_temporary_cache_files(f.root());
}

/// The build cache's folder holds no half-written file.
fn assert_no_temporary_cache_files(root: &std::path::Path) {
    let cache: Vec<String> = std::fs::read_dir(root.join(".goalsite-cache"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    assert!(cache.iter().all(|n| !n.ends_with(".tmp")), "{cache:?}");
}

#[test]
fn a_folder_goalsite_did_not_write_is_never_replaced() {
    let f = Fixture::new();
    let other = f.root().join("documents");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("letter.txt"), "keep me").unwrap();
    let (code, _, stderr) = run(&["build", "--root", f.root().to_str().unwrap(), "--output", other.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("files that goalsite did not write"), "{stderr}");
    assert_eq!(std::fs::read_to_string(other.join("letter.txt")).unwrap(), "keep me");
    let sneaky = format!("{}/x/../content", f.root().display());
    assert_eq!(run(&["build", "--root", f.root().to_str().unwrap(), "--output", &sneaky]).0, 2);
    assert!(f.root().join("content/om.sv.md").is_file());
}

#[test]
fn each_chart_is_drawn_once_per_language_and_width_however_many_pages_show_it() {
    let f = Fixture::new();
    let (code, stdout, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    // The fixture's one indicator is shown on its own page, its goal's page and the full report.
    for page in ["sv/tillvaxt/utslapp/index.html", "sv/tillvaxt/bostader/index.html", "sv/hela-rapporten/index.html"] {
        let html = f.read(page);
        assert!(html.contains("id=\"gs-chart-utslapp-title\""), "no chart on {page}");
    }
    // One indicator in two languages, wide and narrow.
    assert!(stdout.contains("and 4 charts"), "{stdout}");
}
