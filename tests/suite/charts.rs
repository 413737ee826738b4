//! Charts on the fixture site: valid accessible SVG, numbers as the language
//! writes them, gaps drawn as gaps, downloads, and errors for bad data.

use crate::common::Fixture;

/// The first inline `<svg>…</svg>` in `html`.
fn first_svg(html: &str) -> &str {
    let start = html.find("<svg").expect("an inline svg");
    let end = html[start..].find("</svg>").expect("a closed svg") + start + "</svg>".len();
    &html[start..end]
}

fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).map(str::to_owned).collect()
}

#[test]
fn every_indicator_page_has_an_accessible_svg_that_parses() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    for page in ["sv/tillvaxt/utslapp/index.html", "en/growth/emissions/index.html"] {
        let html = f.read(page);
        let svg = first_svg(&html);
        let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{page}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let (title_id, desc_id) = root.attribute("aria-labelledby").unwrap().split_once(' ').unwrap();
        let by_id = |id: &str| doc.descendants().find(|n| n.attribute("id") == Some(id)).unwrap();
        assert_eq!(by_id(title_id).tag_name().name(), "title");
        assert_eq!(by_id(desc_id).tag_name().name(), "desc");
        assert!(by_id(title_id).text().unwrap().contains(if page.starts_with("sv") {
            "Utsläpp"
        } else {
            "Emissions"
        }));
        assert!(!by_id(desc_id).text().unwrap().is_empty());
        assert!(html.matches(&format!("id=\"{title_id}\"")).count() == 1, "ids are unique on the page");
    }
}

#[test]
fn swedish_charts_and_summaries_use_decimal_comma_and_minus_sign() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let sv = f.read("sv/tillvaxt/utslapp/index.html");
    let sv_texts = texts(&roxmltree::Document::parse(first_svg(&sv)).unwrap());
    assert!(sv_texts.iter().any(|t| t == "96,50"), "{sv_texts:?}");
    assert!(sv_texts.iter().any(|t| t == "\u{2212}1,25"), "{sv_texts:?}");
    assert!(sv_texts.iter().any(|t| t == "2019"), "years are not grouped: {sv_texts:?}");
    assert!(!sv_texts.iter().any(|t| t.contains('.') || t.starts_with('-')), "no English numbers: {sv_texts:?}");
    assert!(sv.contains("96,50 kton CO2e år 2019"), "summary in Swedish format");

    let en = f.read("en/growth/emissions/index.html");
    let en_texts = texts(&roxmltree::Document::parse(first_svg(&en)).unwrap());
    assert!(en_texts.iter().any(|t| t == "96.50"), "{en_texts:?}");
    assert!(en.contains("96.50 kton CO2e in 2019"));
}

#[test]
fn a_gap_year_is_drawn_as_a_gap_not_as_zero() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/indicators/utslapp.toml", "values = [96.5, \"-\", -1.25]", "values = [96.5, \"-\", 50]");
    f.edit(
        "content/tillvaxt/indicators/utslapp.toml",
        "years = [2019, 2020, 2021]",
        "years = [2019, 2020, 2021]\nchart = \"line\"",
    );
    assert_eq!(f.build().0, 0);
    let html = f.read("sv/tillvaxt/utslapp/index.html");
    let doc = roxmltree::Document::parse(first_svg(&html)).unwrap();
    let series_color = "#0B3C5D";
    let long_lines: Vec<f64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("line") && n.attribute("stroke") == Some(series_color))
        .map(|n| {
            let at = |a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
            (at("x2") - at("x1")).hypot(at("y2") - at("y1"))
        })
        .filter(|len| *len > 20.0)
        .collect();
    assert!(long_lines.is_empty(), "two points around a gap are not joined: {long_lines:?}");
    let labels = texts(&doc);
    assert!(labels.iter().any(|t| t == "96,5") && labels.iter().any(|t| t == "50,0"), "{labels:?}");
    assert!(!labels.iter().any(|t| t == "0,0"), "the gap is not drawn as zero: {labels:?}");
    assert!(html.contains("Uppgift saknas för 2020."), "the summary names the gap");
}

#[test]
fn data_table_numbers_equal_the_toml_values() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let html = f.read("en/growth/emissions/index.html");
    assert_eq!(crate::common::texts(&html, "table.data td"), ["96.50", "No data", "\u{2212}1.25"]);
    assert_eq!(crate::common::texts(&html, "table.data caption"), ["Emissions (kton CO2e)"]);
    assert_eq!(crate::common::texts(&html, "table.data tbody th[scope=row]"), ["2019", "2020", "2021"]);
}

#[test]
fn comparisons_become_bars_with_the_home_municipality_in_bold() {
    let f = Fixture::new();
    f.write(
        "content/tillvaxt/indicators/jamforelse.toml",
        r#"title = { sv = "Nöjdhet", en = "Satisfaction" }
unit = { sv = "procent", en = "per cent" }
source = "SCB"
example_data = true
year = 2023

[[category]]
name = "Umeå"
value = 70.5
highlight = true

[[category]]
name = { sv = "Riket", en = "Sweden" }
value = 62
national = true

[[category]]
name = "Örnsköldsvik"
value = 66
"#,
    );
    assert_eq!(f.build().0, 0);
    let html = f.read("sv/tillvaxt/jamforelse/index.html");
    let doc = roxmltree::Document::parse(first_svg(&html)).unwrap();
    let bold: Vec<&str> =
        doc.descendants().filter(|n| n.attribute("font-weight") == Some("bold")).filter_map(|n| n.text()).collect();
    assert!(bold.contains(&"Umeå") && !bold.contains(&"Riket") && !bold.contains(&"Örnsköldsvik"), "{bold:?}");
    let labels = texts(&doc);
    let order: Vec<&String> =
        labels.iter().filter(|t| ["Umeå", "Riket", "Örnsköldsvik"].contains(&t.as_str())).collect();
    assert_eq!(order.last().unwrap().as_str(), "Riket", "the national value is set apart at the end: {order:?}");
    assert!(labels.iter().any(|t| t == "70,5"), "{labels:?}");
    assert!(html.contains("högst är Umeå med 70,5 procent och lägst Riket med 62,0 procent"), "summary");
    assert!(html.contains("Nöjdhet – Exempeldata</title>"), "the chart itself says example data");
}

#[test]
fn downloads_carry_the_data_with_source_and_unit() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let csv = f.read("data/utslapp.csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}indicator,year,value,status,series_sv,series_en,unit_sv,unit_en,source_sv,source_en,note_sv,note_en,example_data"
    );
    assert_eq!(
        lines.next().unwrap(),
        "utslapp,2019,96.5,measured,Kommunen,Municipality,kton CO2e,kton CO2e,Testkälla,Test source,,,false"
    );
    assert_eq!(
        lines.next().unwrap(),
        "utslapp,2020,,missing,Kommunen,Municipality,kton CO2e,kton CO2e,Testkälla,Test source,,,false"
    );
    let json: serde_json::Value = serde_json::from_str(&f.read("data/utslapp.json")).unwrap();
    assert_eq!(json["series"][0]["values"], serde_json::json!([96.5, null, -1.25]));
    assert_eq!(json["series"][0]["status"], serde_json::json!(["measured", "missing", "measured"]));
    assert_eq!(json["unit"]["sv"], "kton CO2e");
    assert_eq!(json["target"]["year"], 2025);
    let page = f.read("sv/tillvaxt/utslapp/index.html");
    assert!(page.contains("href=\"/follow-up/data/utslapp.csv\" download>Ladda ner data (CSV) – Utsläpp</a>"));
}

#[test]
fn programme_and_goal_pages_show_the_chart_in_both_drawings() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    for page in ["sv/tillvaxt/index.html", "sv/tillvaxt/bostader/index.html"] {
        let html = f.read(page);
        assert!(html.contains("aria-labelledby=\"gs-chart-utslapp-title gs-chart-utslapp-desc\""), "{page}");
        assert!(
            html.contains("aria-labelledby=\"gs-chart-utslapp-narrow-title gs-chart-utslapp-narrow-desc\""),
            "{page}"
        );
    }
}

/// Builds `f` and expects an error message containing every part of `expect`.
fn fails_with(f: &Fixture, expect: &[&str]) {
    let (code, _, stderr) = f.build();
    assert_eq!(code, 1, "{stderr}");
    assert!(!f.out().exists(), "nothing written");
    for e in expect {
        assert!(stderr.contains(e), "missing {e:?} in:\n{stderr}");
    }
}

#[test]
fn bad_chart_data_is_reported_with_file_line_and_column() {
    let file = "content/tillvaxt/indicators/utslapp.toml";
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "values = [96.5, \"-\", -1.25]",
            "values = [96.5, -1.25]",
            &["utslapp.toml:11:10: the series has 2 values but there are 3 years"],
        ),
        (
            "\"-\"",
            "\"ingen\"",
            &["utslapp.toml:11:17: expected a number", "found the text \"ingen\"", "\"-\" for a year without a value"],
        ),
        (
            "years = [2019, 2020, 2021]",
            "years = [2019, 2020, 2020]",
            &["utslapp.toml:7:22: the year 2020 is listed twice"],
        ),
        ("values = [96.5, \"-\", -1.25]", "values = []", &["utslapp.toml:11:10: the series has no values"]),
        (
            "target = { value = 14, year = 2025 }",
            "target = { value = 14, year = 2000 }",
            &["utslapp.toml:6:10: the target year 2000 is before the data starts (2019)"],
        ),
        (
            "unit = \"kton CO2e\"",
            "unit = \"kton CO2e\"\nchart = \"pie\"",
            &["utslapp.toml:4:9: `pie` is not one of the values allowed here", "use one of: line, bar, hbar"],
        ),
    ];
    for (from, to, expect) in cases {
        let f = Fixture::new();
        f.edit(file, from, to);
        fails_with(&f, expect);
        let (_, _, stderr) = f.build();
        assert!(!stderr.contains("there is no indicator"), "no knock-on error for a file that failed:\n{stderr}");
    }
}

#[test]
fn the_downloaded_chart_carries_the_page_s_text_with_title_source_and_font() {
    let f = Fixture::new();
    f.edit("site.toml", "[footer]", "[downloads]\npng = true\n\n[footer]");
    assert_eq!(f.build().0, 0);
    for (page, lang, title) in
        [("sv/tillvaxt/utslapp/index.html", "sv", "Utsläpp"), ("en/growth/emissions/index.html", "en", "Emissions")]
    {
        let html = f.read(page);
        let svg = f.read(&format!("data/utslapp.{lang}.svg"));
        let doc = roxmltree::Document::parse(&svg).expect("the download parses");
        let root = doc.root_element();
        let child = |name: &str| root.children().find(|n| n.has_tag_name(name)).and_then(|n| n.text());
        assert_eq!(child("title"), Some(title), "{lang}");
        assert!(child("desc").is_some_and(|d| d.contains("2021")), "{lang}: the summary describes it");
        let style = child("style").expect("a style");
        assert_eq!(style.matches("src:url(data:font/woff2;base64,").count(), 2, "regular and bold embedded");
        // The page's wide drawing, with the title and the source line added.
        let mut drawn = texts(&doc);
        let source = if lang == "sv" { "Källa: Testkälla" } else { "Source: Test source" };
        for added in [title, source] {
            let at = drawn.iter().position(|t| t == added);
            assert!(at.is_some(), "{lang}: {added:?} is drawn: {drawn:?}");
            drawn.remove(at.unwrap());
        }
        assert_eq!(drawn, crate::common::texts(&html, ".chart__wide svg text"), "{lang}: the page's text");
        assert!(html.contains(&format!("/follow-up/data/utslapp.{lang}.png")), "{page} links the PNG");

        // The PNG is the download SVG drawn at twice its size with the shipped font.
        let png = std::fs::read(f.out().join(format!("data/utslapp.{lang}.png"))).unwrap();
        let picture = png::Decoder::new(std::io::Cursor::new(&png)).read_info().unwrap().info().clone();
        let width: f64 = root.attribute("width").unwrap().parse().unwrap();
        let height: f64 = root.attribute("height").unwrap().parse().unwrap();
        assert_eq!((picture.width, picture.height), ((2.0 * width) as u32, (2.0 * height) as u32), "{lang}");
        assert_eq!(png, goalsite::harness::png(&svg).unwrap(), "{lang}: the PNG is that SVG drawn");
    }
}

#[test]
fn without_the_png_option_the_site_offers_svg_only() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    assert!(!f.out().join("data/utslapp.sv.png").exists());
    let html = f.read("sv/tillvaxt/utslapp/index.html");
    assert!(html.contains("/follow-up/data/utslapp.sv.svg"));
    assert!(!html.contains(".png"));
}

#[test]
fn a_decimal_comma_in_a_list_of_values_is_warned_about() {
    let f = Fixture::new();
    let file = "content/tillvaxt/indicators/utslapp.toml";
    // Still three values for three years: only the comma without a space gives it away.
    f.edit(file, "values = [96.5, \"-\", -1.25]", "values = [96, 5,25]");
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 0, "a warning, not an error: {stderr}");
    assert!(
        stderr.contains(
            "warning: content/tillvaxt/indicators/utslapp.toml:11:15: `5,25` is read as two values, 5 and 25"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("write it with a decimal point: 5.25"), "{stderr}");
    assert_eq!(f.check(&["--deny-warnings"]).0, 1);
    // A list written without spaces at all is a style, not a mistake.
    f.edit(file, "values = [96, 5,25]", "values = [96,5,25]");
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("read as two values"), "{stderr}");
}
