//! The pages a reader meets first and last: the home page's overview, the
//! full report, and the 404 and root pages that speak every language.

use crate::common::{attrs, texts, Fixture};

/// The fixture with a second goal in the programme, assessed in neither year.
fn with_unassessed_goal() -> Fixture {
    let f = Fixture::new();
    f.edit(
        "content/tillvaxt/programme.toml",
        "indicators = [\"utslapp\"]",
        "indicators = [\"utslapp\"]\n\n[[goal]]\nid = \"jobb\"\ntitle = { sv = \"Jobb\", en = \"Jobs\" }\ntarget = { sv = \"Fler jobb.\", en = \"More jobs.\" }",
    );
    f
}

#[test]
fn the_home_page_opens_with_this_year_s_tally_and_the_change_since_last_year() {
    let f = with_unassessed_goal();
    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    let sv = f.read("sv/index.html");
    let main = &sv[sv.find("<main").unwrap()..];
    assert!(main.find("id=\"gs-overview\"").unwrap() < main.find("Välkommen").unwrap(), "overview before the text");
    assert_eq!(texts(&sv, "#gs-overview"), ["Överblick 2024"]);
    assert_eq!(texts(&sv, ".tally__heading"), ["Årets bedömning 2024:"]);
    assert_eq!(texts(&sv, ".tally__list li"), ["◐ 1 Delvis", "○ 1 ännu utan bedömning"], "counts in words, with icons");
    // The bar has the same parts, for the eye only.
    assert_eq!(attrs(&sv, "svg.tally__bar", "aria-hidden"), ["true"]);
    assert_eq!(attrs(&sv, "svg.tally__bar", "viewBox"), ["0 0 2 1"]);
    assert_eq!(attrs(&sv, "svg.tally__bar rect", "x"), ["0", "1"]);
    // 2023: nej, 2024: delvis. The goal never assessed is new: every goal is counted.
    assert_eq!(texts(&sv, ".tally__change"), ["Jämfört med 2023:"]);
    assert_eq!(texts(&sv, ".tally__changes li"), ["↑ 1 bättre", "+ 1 nytt delmål"]);
    let en = f.read("en/index.html");
    assert_eq!(texts(&en, ".tally__list li"), ["◐ 1 Partly", "○ 1 no assessment yet"]);
    assert_eq!(texts(&en, ".tally__changes li"), ["↑ 1 better", "+ 1 new sub-goal"]);
    assert_eq!(texts(&f.read("sv/tillvaxt/index.html"), ".tally__list li").len(), 2, "the programme page has it too");
}

#[test]
fn without_an_earlier_assessment_there_is_no_change_to_show() {
    let f = Fixture::new();
    f.remove("content/tillvaxt/assessments/2023.toml");
    assert_eq!(f.build().0, 0);
    let sv = f.read("sv/index.html");
    assert_eq!(texts(&sv, ".tally__list li"), ["◐ 1 Delvis"]);
    assert!(texts(&sv, ".tally__change").is_empty());
}

#[test]
fn a_goal_not_assessed_this_year_says_so_at_the_top_of_its_timeline() {
    let f = with_unassessed_goal();
    assert_eq!(f.build().0, 0);
    let html = f.read("sv/tillvaxt/jobb/index.html");
    assert_eq!(texts(&html, ".timeline__item"), ["2024 ○ Ännu ingen bedömning"]);
}

#[test]
fn goal_tables_carry_labels_for_stacked_rows_hidden_from_screen_readers() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let html = f.read("sv/tillvaxt/index.html");
    assert_eq!(texts(&html, "table.goals td .cell-label"), ["Målsättning", "Årets bedömning 2024"]);
    assert_eq!(attrs(&html, "table.goals td .cell-label", "aria-hidden"), ["true", "true"]);
    assert_eq!(texts(&html, "table.goals thead th").len(), 3, "still a table with column headers");
}

#[test]
fn the_404_page_says_its_message_in_every_language() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let html = f.read("404.html");
    assert_eq!(texts(&html, "h1 span[lang=sv]"), ["Sidan finns inte"]);
    assert_eq!(texts(&html, "h1 span[lang=en]"), ["Page not found"]);
    assert_eq!(
        texts(&html, "section[lang=en] p").first().map(String::as_str),
        Some("The page you are looking for does not exist, or has moved.")
    );
    assert_eq!(attrs(&html, "section[lang=sv] a", "href"), ["/follow-up/sv/"]);
    assert_eq!(attrs(&html, "section[lang=en] a", "href"), ["/follow-up/en/"]);
}

#[test]
fn the_root_page_offers_each_language_in_its_own_words() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let html = f.read("index.html");
    assert_eq!(texts(&html, "a[lang=sv]"), ["Gå till webbplatsen på svenska"]);
    assert_eq!(texts(&html, "a[lang=en]"), ["Go to the site in English"]);
    // Its title names the languages, so it is not taken for the Swedish home page.
    let title = texts(&html, "title");
    assert_eq!(title.len(), 1);
    assert!(title[0].ends_with(" – Svenska · English"), "{title:?}");
    assert_ne!(title, texts(&f.read("sv/index.html"), "title"));
}

/// The fixture with a second programme whose text has the same heading and
/// footnote label as the first's, and places the chart of its indicator.
fn with_two_programmes() -> Fixture {
    let f = Fixture::new();
    f.edit("content/tillvaxt/_index.sv.md", "## Läget\n", "## Läget\n\nEtt påstående.[^1]\n\n[^1]: Källa A.\n");
    f.write(
        "content/klimat/programme.toml",
        "title = { sv = \"Program klimat\", en = \"Climate programme\" }\norder = 2\n",
    );
    f.write(
        "content/klimat/_index.sv.md",
        "## Läget\n\nEtt annat påstående.[^1] Se [läget](#laget).\n\n![](@/klimat/indicators/co2.toml)\n\n[^1]: Källa B.\n",
    );
    f.write("content/klimat/_index.en.md", "## Status\n\nText.\n\n![](@/klimat/indicators/co2.toml)\n");
    f.write(
        "content/klimat/indicators/co2.toml",
        &crate::common::INDICATOR_TOML
            .replace("Utsläpp\"", "Koldioxid\"")
            .replace("utslapp", "co2")
            .replace("emissions", "co2"),
    );
    f
}

#[test]
fn the_full_report_holds_every_programme_in_order_with_unique_ids_and_absolute_links() {
    let f = with_two_programmes();
    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    let html = f.read("sv/hela-rapporten/index.html");
    assert_eq!(texts(&html, "h1"), ["Testkommunens uppföljning"]);
    assert_eq!(texts(&html, ".toc a"), ["Överblick 2024", "Program tillväxt", "Program klimat"]);
    assert_eq!(texts(&html, "main h2"), ["Innehåll", "Överblick 2024", "Program tillväxt", "Program klimat"]);
    // Each text's headings sit one level below its programme, ids kept apart.
    assert_eq!(
        attrs(&html, ".report__programme h3[id]", "id"),
        ["gs-r1-laget", "gs-r1-footnotes", "gs-r2-laget", "gs-r2-footnotes"]
    );
    assert!(html.contains("href=\"#gs-r2-laget\""), "the text's own anchor follows its id");
    let ids = attrs(&html, "[id]", "id");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "every id once: {ids:?}");
    // Links say where they lead on paper.
    assert!(html.contains("href=\"https://example.org/follow-up/sv/om/#bakgrund\""), "absolute link");
    // Goals with this year's assessment and motivation, and every chart with its source.
    assert_eq!(texts(&html, ".report__programme table.goals tbody th"), ["Bostäder"]);
    assert!(texts(&html, ".report__programme table.goals td").iter().any(|t| t.ends_with("Bättre än i fjol.")));
    assert_eq!(
        texts(&html, ".chart__title"),
        ["Utsläpp", "Koldioxid"],
        "listed after the text, or where the text places it"
    );
    assert_eq!(texts(&html, ".chart__source"), ["Källa: Testkälla", "Källa: Testkälla"]);
    let en = f.read("en/full-report/index.html");
    assert_eq!(texts(&en, ".toc a"), ["Overview 2024", "Growth programme", "Climate programme"]);
}

#[test]
fn every_page_links_to_the_full_report() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    for (page, href) in
        [("sv/om/index.html", "/follow-up/sv/hela-rapporten/"), ("en/about/index.html", "/follow-up/en/full-report/")]
    {
        assert!(attrs(&f.read(page), ".main-nav a", "href").contains(&href.to_owned()), "{page}");
    }
    assert!(f.read("sitemap.xml").contains("https://example.org/follow-up/sv/hela-rapporten/"));
}

#[test]
fn a_report_slug_that_cannot_be_an_address_is_an_error() {
    let f = Fixture::new();
    f.write("themes/default/i18n/sv.toml", "[strings]\nreport_slug = \"Hela rapporten\"\n");
    let (code, _, stderr) = f.build();
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("report_slug `Hela rapporten` cannot be part of an address"), "{stderr}");
    assert!(stderr.contains("\"hela-rapporten\""), "{stderr}");
}
