//! Search: with `[search] enabled = true` the build writes a Pagefind bundle
//! of every page but the full report and the search page, one index per
//! language, and only the files the site uses; every page has a search field
//! in its header, marks what the index leaves out, and the search page lists
//! every page of its language for readers without JavaScript. Without the
//! setting there is none of it.

use std::io::Read;
use std::path::Path;

use crate::common::{attrs, outer, texts, tree, Fixture};

/// The fixture with search on.
fn with_search() -> Fixture {
    let f = Fixture::new();
    f.write("site.toml", &format!("{}\n[search]\nenabled = true\n", crate::common::SITE_TOML));
    f
}

/// A bundle file as Pagefind writes it: gzip of `pagefind_dcd` and the data.
fn unpack(bytes: &[u8]) -> Vec<u8> {
    let mut data = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut data).expect("a gzip file");
    data.strip_prefix(b"pagefind_dcd").expect("Pagefind's signature").to_vec()
}

/// Every fragment of the bundle (one per indexed page) as JSON.
fn fragments(out: &Path) -> Vec<serde_json::Value> {
    tree(&out.join("pagefind/fragment"))
        .into_iter()
        .map(|(_, bytes)| serde_json::from_slice(&unpack(&bytes)).expect("a fragment is JSON"))
        .collect()
}

/// The pages of the fixture in one language, by path under the site root.
const SV_PAGES: [&str; 6] =
    ["sv/", "sv/tillvaxt/", "sv/tillvaxt/bostader/", "sv/tillvaxt/utslapp/", "sv/om/", "sv/oppna-data/"];
const EN_PAGES: [&str; 6] =
    ["en/", "en/growth/", "en/growth/housing/", "en/growth/emissions/", "en/about/", "en/open-data/"];

#[test]
fn the_bundle_has_an_index_per_language_and_only_the_files_the_site_uses() {
    let f = with_search();
    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    let bundle = f.out().join("pagefind");
    for file in ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.sv.pagefind", "wasm.en.pagefind"] {
        assert!(bundle.join(file).is_file(), "pagefind/{file} is missing");
    }
    let names: Vec<String> = tree(&bundle).into_iter().map(|(p, _)| p.to_string_lossy().replace('\\', "/")).collect();
    let unused: Vec<&String> =
        names.iter().filter(|n| n.contains("-ui") || n.contains("highlight") || n.contains("unknown")).collect();
    assert!(unused.is_empty(), "files the site does not use: {unused:?}");
    assert_eq!(names.iter().filter(|n| n.ends_with(".pf_meta")).count(), 2, "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("index/sv_")) && names.iter().any(|n| n.starts_with("index/en_")));
    let entry: serde_json::Value = serde_json::from_str(&f.read("pagefind/pagefind-entry.json")).unwrap();
    for lang in ["sv", "en"] {
        assert_eq!(entry["languages"][lang]["page_count"], SV_PAGES.len(), "{entry}");
        assert_eq!(entry["languages"][lang]["wasm"], lang, "{entry}");
    }
    let script = attrs(&f.read("sv/sok/index.html"), "head script", "src");
    assert_eq!(script.len(), 1, "{script:?}");
    assert!(script[0].starts_with("/follow-up/search.") && script[0].ends_with(".js"), "{script:?}");
    assert!(f.out().join(script[0].trim_start_matches("/follow-up/")).is_file());
}

#[test]
fn every_page_is_indexed_but_the_full_report_and_the_search_page() {
    let f = with_search();
    assert_eq!(f.build().0, 0);
    let mut urls: Vec<String> =
        fragments(&f.out()).iter().map(|frag| frag["url"].as_str().unwrap().to_owned()).collect();
    urls.sort();
    let mut expected: Vec<String> = SV_PAGES.iter().chain(&EN_PAGES).map(|p| format!("/{p}")).collect();
    expected.sort();
    assert_eq!(urls, expected);
}

#[test]
fn the_index_holds_each_page_s_main_content_only() {
    let f = with_search();
    assert_eq!(f.build().0, 0);
    let all = fragments(&f.out());
    let page = |url: &str| all.iter().find(|frag| frag["url"] == url).unwrap_or_else(|| panic!("no {url}"));
    let goal = page("/sv/tillvaxt/bostader/");
    assert_eq!(goal["meta"]["title"], "Bostäder", "the title is the page's heading");
    let content = goal["content"].as_str().unwrap();
    assert!(content.contains("Vi bygger 100 bostäder per år."), "{content}");
    for outside in ["Gå direkt till innehållet", "Huvudmeny", "English", "Testkommunen", "Sök på webbplatsen"] {
        assert!(!content.contains(outside), "{outside:?} is outside <main> but indexed: {content}");
    }
    assert_eq!(page("/en/growth/housing/")["meta"]["title"], "Housing");
}

#[test]
fn pages_mark_what_the_index_leaves_out() {
    let f = with_search();
    assert_eq!(f.build().0, 0);
    for page in SV_PAGES.iter().chain(&EN_PAGES).chain(&["sv/hela-rapporten/", "sv/sok/"]) {
        let html = f.read(&format!("{page}index.html"));
        assert_eq!(outer(&html, "main[data-pagefind-body]").len(), 1, "{page}: <main> is the indexed body");
        for part in [".skip-link", "header.site-header", ".main-nav", ".lang-switch", "footer.site-footer"] {
            let marked = outer(&html, &format!("{part}[data-pagefind-ignore]")).len();
            assert_eq!(marked, 1, "{page}: {part} is not marked data-pagefind-ignore");
        }
    }
}

#[test]
fn the_header_search_field_leads_to_the_search_page_of_its_language() {
    let f = with_search();
    assert_eq!(f.build().0, 0);
    for (pages, report, search) in
        [(SV_PAGES, "sv/hela-rapporten/", "/follow-up/sv/sok/"), (EN_PAGES, "en/full-report/", "/follow-up/en/search/")]
    {
        for page in pages.iter().chain(&[report]) {
            let html = f.read(&format!("{page}index.html"));
            assert_eq!(attrs(&html, "header form[role=search]", "action"), [search], "{page}");
            assert_eq!(attrs(&html, "header form[role=search]", "method"), ["get"], "{page}");
            assert_eq!(attrs(&html, "header form input[type=search]", "name"), ["q"], "{page}");
            let id = attrs(&html, "header form input[type=search]", "id");
            assert_eq!(attrs(&html, "header form label", "for"), id, "{page}: the field has a label");
            assert_eq!(texts(&html, "header form button[type=submit]").len(), 1, "{page}");
        }
    }
    // The 404 page has one too, in the default language.
    assert_eq!(attrs(&f.read("404.html"), "header form[role=search]", "action"), ["/follow-up/sv/sok/"]);
    // The search page has its own form instead, and only one search landmark.
    let search = f.read("sv/sok/index.html");
    assert!(outer(&search, "header form").is_empty());
    assert_eq!(attrs(&search, "main form[role=search]", "action"), ["/follow-up/sv/sok/"]);
}

#[test]
fn the_search_page_lists_every_page_of_its_language_for_readers_without_javascript() {
    let f = with_search();
    f.write("content/kontakt.sv.md", "+++\ntitle = \"Kontakt\"\n+++\nRing oss.\n");
    f.write("content/kontakt.en.md", "+++\ntitle = \"Contact\"\nslug = \"contact\"\n+++\nCall us.\n");
    assert_eq!(f.build().0, 0);
    for (lang, search, pages, report, extra) in [
        ("sv", "sv/sok/", SV_PAGES, "sv/hela-rapporten/", "sv/kontakt/"),
        ("en", "en/search/", EN_PAGES, "en/full-report/", "en/contact/"),
    ] {
        let html = f.read(&format!("{search}index.html"));
        let mut listed = attrs(&html, ".sitemap a", "href");
        listed.sort();
        let mut expected: Vec<String> =
            pages.iter().chain(&[report, extra]).map(|p| format!("/follow-up/{p}")).collect();
        expected.sort();
        assert_eq!(listed, expected, "{lang}");
        let headings = match lang {
            "sv" => ["Program tillväxt", "Andra sidor"],
            _ => ["Growth programme", "Other pages"],
        };
        assert_eq!(texts(&html, ".sitemap h3"), headings, "grouped by programme");
        let note = texts(&html, ".search__no-js");
        assert_eq!(note.len(), 1);
        assert!(note[0].contains("JavaScript"), "{note:?}");
        assert!(!html.contains("<script>") && !html.contains(" style="), "no inline script or style");
        assert_eq!(attrs(&html, "#gs-search", "data-bundle"), ["/follow-up/pagefind/"]);
        assert_eq!(attrs(&html, "#gs-search", "data-base"), ["/follow-up/"]);
    }
    assert!(f.read("sitemap.xml").contains("https://example.org/follow-up/en/search/"));
}

#[test]
fn without_search_there_is_no_bundle_no_search_page_and_no_field() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    assert!(!f.out().join("pagefind").exists());
    assert!(!f.out().join("sv/sok").exists() && !f.out().join("en/search").exists());
    let files: Vec<String> = tree(&f.out()).into_iter().map(|(p, _)| p.to_string_lossy().into_owned()).collect();
    assert!(!files.iter().any(|p| p.starts_with("search.")), "the search script is published: {files:?}");
    for page in SV_PAGES.iter().chain(&EN_PAGES) {
        let html = f.read(&format!("{page}index.html"));
        assert!(outer(&html, "form").is_empty(), "{page} has a form");
    }
    assert!(!f.read("sitemap.xml").contains("/sok/"));
}

#[test]
fn search_settings_are_checked() {
    let f = Fixture::new();
    f.write("site.toml", &format!("{}\n[search]\nenable = true\n", crate::common::SITE_TOML));
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("unknown key `enable`"), "{stderr}");
    f.write("site.toml", &format!("{}\n[search]\nenabled = \"yes\"\n", crate::common::SITE_TOML));
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("site.toml"), "{stderr}");
}

#[test]
fn a_search_slug_that_cannot_be_an_address_is_an_error() {
    let f = with_search();
    f.write("themes/default/i18n/sv.toml", "[strings]\nsearch_slug = \"Sök här\"\n");
    let (code, _, stderr) = f.build();
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("search_slug `Sök här` cannot be part of an address"), "{stderr}");
}

#[test]
fn check_builds_no_index() {
    let f = with_search();
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!f.out().exists());
}
