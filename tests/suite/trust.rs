//! Nothing published is silently wrong: each mistake an editor or a second
//! municipality made that once gave a wrong page with "no problems" is now
//! impossible, an error or a warning, and every figure says what it is.

use crate::common::{texts, Fixture};

/// Builds `f`, expects it to fail, and returns stderr.
fn build_fails(f: &Fixture) -> String {
    let (code, _, stderr) = f.build();
    assert_eq!(code, 1, "{stderr}");
    assert!(!f.out().exists());
    stderr
}

/// Builds `f`, expects it to succeed, and returns stderr (the warnings).
fn builds(f: &Fixture) -> String {
    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    stderr
}

#[test]
fn case_1_an_assessment_appended_to_programme_toml_cannot_land_on_the_wrong_goal() {
    let f = Fixture::new();
    let text = std::fs::read_to_string(f.root().join("content/tillvaxt/programme.toml")).unwrap();
    f.write("content/tillvaxt/programme.toml", &format!("{text}\n[[goal.assessment]]\nyear = 2025\nstatus = \"ja\"\n"));
    let err = build_fails(&f);
    assert!(
        err.contains("error: content/tillvaxt/programme.toml:12:1: assessments are no longer written under a goal"),
        "{err}"
    );
    assert!(
        err.contains("# content/tillvaxt/assessments/2025.toml\n          [bostader]\n          status = \"ja\""),
        "the new shape: {err}"
    );
    assert_eq!(f.check(&[]).0, 1, "check agrees");

    // In the new shape an assessment names its goal; a wrong name is an error at it.
    let f = Fixture::new();
    f.write("content/tillvaxt/assessments/2024.toml", "[bostder]\nstatus = \"ja\"\n");
    let err = build_fails(&f);
    assert!(
        err.contains(
            "content/tillvaxt/assessments/2024.toml:1:2: there is no goal `bostder` in content/tillvaxt/programme.toml"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean [bostader]?"), "{err}");
}

#[test]
fn case_2_a_new_report_year_is_a_checked_step() {
    let f = Fixture::new();
    f.edit("site.toml", "report_year = 2024", "report_year = 2025");
    f.edit("site.toml", "sv = \"Testkommunens uppföljning\"", "sv = \"Testkommunens uppföljning {report_year}\"");
    let (code, stdout, stderr) = f.check(&[]);
    assert_eq!(code, 0, "a warning, not an error: {stderr}");
    assert!(
        stderr.contains(
            "warning: content/tillvaxt/programme.toml:6:6: the goal `bostader` has no assessment for 2025, the report year"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("add [bostader] with its status to content/tillvaxt/assessments/2025.toml"), "{stderr}");
    assert_eq!(stdout.trim(), "0 errors, 1 warning in 1 file");
    assert_eq!(f.check(&["--deny-warnings"]).0, 1, "an error with --deny-warnings");
    builds(&f);
    assert!(f.read("sv/index.html").contains("<title>Testkommunens uppföljning 2025</title>"), "the year in one place");

    // "Not assessed" is a step of its own: neutral, with its own icon and text.
    f.edit(
        "site.toml",
        "[footer]",
        "[[scale]]\nid = \"ej-bedomd\"\nkind = \"not-assessed\"\nlabel = { sv = \"Ej bedömd\", en = \"Not assessed\" }\n\n[footer]",
    );
    f.write("content/tillvaxt/assessments/2025.toml", "[bostader]\nstatus = \"ej-bedomd\"\n");
    let (code, stdout, _) = f.check(&["--deny-warnings"]);
    assert_eq!((code, stdout.trim()), (0, "Checked site.toml and 11 content files: no problems."));
    builds(&f);
    let page = f.read("sv/tillvaxt/bostader/index.html");
    let badge = &crate::common::outer(&page, ".timeline__item--current .assessment")[0];
    assert!(badge.contains("assessment--not-assessed") && badge.contains(">–</span> Ej bedömd"), "{badge}");
}

#[test]
fn case_4_a_derived_value_says_so_in_table_summary_and_data_files() {
    let f = Fixture::new();
    f.edit(
        "content/tillvaxt/indicators/utslapp.toml",
        "values = [96.5, \"-\", -1.25]",
        "values = [{ value = 96.5, status = \"derived\", note = { sv = \"Räknat ur rapporten.\", en = \"Calculated from the report.\" } }, \"-\", -1.25]",
    );
    builds(&f);
    let sv = f.read("sv/tillvaxt/utslapp/index.html");
    assert_eq!(texts(&sv, "table.data td")[0], "96,50* (beräknat, se förklaringen under tabellen)");
    assert_eq!(texts(&sv, ".table-note"), ["* Beräknat värde, inte uppmätt: Räknat ur rapporten."]);
    let summary = &texts(&sv, ".chart__summary")[0];
    assert!(summary.contains("96,50 kton CO2e (beräknat) år 2019"), "{summary}");
    assert!(summary.contains("Förändringen räknas från ett värde som är beräknat, inte uppmätt."), "{summary}");
    let csv = f.read("data/utslapp.csv");
    assert!(csv.contains("utslapp,2019,96.5,derived,"), "{csv}");
    assert!(csv.contains(",Räknat ur rapporten.,Calculated from the report.,"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&f.read("data/utslapp.json")).unwrap();
    assert_eq!(json["series"][0]["status"][0], "derived");
    assert_eq!(json["series"][0]["notes"][0]["en"], "Calculated from the report.");
}

#[test]
fn case_4_the_summary_names_the_year_of_an_older_value_it_compares_with_the_target() {
    let f = Fixture::new();
    f.edit(
        "content/tillvaxt/indicators/utslapp.toml",
        "values = [96.5, \"-\", -1.25]",
        "values = [96.5, \"-\", \"-\"]",
    );
    builds(&f);
    let summary = &texts(&f.read("en/growth/emissions/index.html"), ".chart__summary")[0];
    assert!(summary.contains("The value for 2019 is 82.5 kton CO2e above the target."), "{summary}");
    assert!(!summary.contains("latest"), "{summary}");
}

#[test]
fn case_5_example_data_says_so_in_the_summary() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/indicators/utslapp.toml", "definition =", "example_data = true\ndefinition =");
    builds(&f);
    let summary = &texts(&f.read("sv/tillvaxt/utslapp/index.html"), ".chart__summary")[0];
    assert!(summary.starts_with("Sammanfattning: Siffrorna är exempeldata, inte officiella uppgifter."), "{summary}");
}

#[test]
fn case_6_headings_keep_their_natural_ids_and_every_anchor_is_checked() {
    let f = Fixture::new();
    f.edit("content/om.en.md", "## Background", "## Method\n\n## Background");
    f.edit("content/_index.en.md", "Welcome.", "Welcome. See [the method](@/om.md#method).");
    builds(&f);
    let about = f.read("en/about/index.html");
    assert_eq!(crate::common::attrs(&about, ".prose h2", "id"), ["method", "background", "footnotes"]);
    assert!(f.read("en/index.html").contains("href=\"/follow-up/en/about/#method\""));

    // Links into a goal or indicator page are checked too, against the ids the page has.
    f.edit("content/_index.en.md", "@/om.md#method", "@/tillvaxt/indicators/utslapp.toml#gs-dat");
    let (code, _, err) = f.build();
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("content/_index.en.md:4:14: the anchor #gs-dat does not exist"), "{err}");
    assert!(err.contains("did you mean #gs-data?"), "{err}");
}

#[test]
fn case_7_rounding_never_hides_a_difference_without_a_word() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/indicators/utslapp.toml", "-1.25]", "0.125]");
    let stderr = builds(&f);
    assert!(
        stderr.contains(
            "warning: content/tillvaxt/indicators/utslapp.toml:11:22: 0.125 is shown rounded to 2 decimals, as 0.13"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("write decimals = 3"), "{stderr}");
    assert!(texts(&f.read("sv/tillvaxt/utslapp/index.html"), "table.data td").contains(&"0,13".to_owned()), "half up");
    // More decimals than a page can show (a spreadsheet's 0.1 + 0.2): round it in the file.
    f.edit("content/tillvaxt/indicators/utslapp.toml", "0.125]", "0.30000000000000004]");
    let stderr = builds(&f);
    assert!(stderr.contains("hint: round the value in the file to at most 6 decimals"), "{stderr}");
    assert!(!stderr.contains("decimals = 15"), "no setting it cannot take: {stderr}");
    f.edit("content/tillvaxt/indicators/utslapp.toml", "0.30000000000000004]", "0.125]");

    f.edit("content/tillvaxt/indicators/utslapp.toml", "definition =", "decimals = 3\ndefinition =");
    let stderr = builds(&f);
    assert!(!stderr.contains("warning"), "three decimals show it: {stderr}");
    assert!(texts(&f.read("sv/tillvaxt/utslapp/index.html"), "table.data td").contains(&"0,125".to_owned()));

    f.edit("content/tillvaxt/indicators/utslapp.toml", "decimals = 3", "decimals = 0");
    f.edit("content/tillvaxt/indicators/utslapp.toml", "[96.5,", "[0.4,");
    let stderr = builds(&f);
    assert!(stderr.contains("0.4 and 0.125 are both shown as 0"), "{stderr}");

    f.edit("content/tillvaxt/indicators/utslapp.toml", "[0.4,", "[1e39,");
    let (code, _, err) = f.build();
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("utslapp.toml:12:11: 1e39 is too large to draw"), "{err}");
}

#[test]
fn case_8_generated_sentences_are_whole_and_percentages_change_in_points() {
    let f = Fixture::new();
    f.edit(
        "content/tillvaxt/indicators/utslapp.toml",
        "unit = \"kton CO2e\"",
        "unit = { sv = \"procent\", en = \"per cent\" }",
    );
    f.edit("content/tillvaxt/indicators/utslapp.toml", "values = [96.5, \"-\", -1.25]", "values = [38.5, \"-\", 40]");
    builds(&f);
    let en = &texts(&f.read("en/growth/emissions/index.html"), ".chart__summary")[0];
    assert!(
        en.contains(
            "Municipality: 38.5 per cent in 2019 and 40.0 per cent in 2021, an increase of 1.5 percentage points."
        ),
        "{en}"
    );
    assert!(!en.contains(" a increase") && !en.contains('%'), "{en}");
    let sv = &texts(&f.read("sv/tillvaxt/utslapp/index.html"), ".chart__summary")[0];
    assert!(sv.contains("en ökning med 1,5 procentenheter."), "{sv}");
}

#[test]
fn case_9_markdown_is_published_as_written_and_what_is_dropped_is_said() {
    let f = Fixture::new();
    f.edit(
        "content/om.sv.md",
        "## Bakgrund",
        "## Bakgrund {#bakgrund .stor}\n\n```\nsvar = “hej”\n```\n\n> [^citat]: I ett citat.\n\n[^oanvand]: Ingen hänvisar hit.\n",
    );
    f.edit("content/om.sv.md", "Text[^1].", "Text[^1][^citat].");
    let stderr = builds(&f);
    assert!(
        stderr.contains("warning: content/om.sv.md:4:1: the heading's classes and attributes are not published"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning: content/om.sv.md:12:1: the footnote [^oanvand] is never referred to, so it is not published"
        ),
        "{stderr}"
    );
    let page = f.read("sv/om/index.html");
    assert!(page.contains("svar = “hej”"), "code is byte-exact on a Swedish page");
    assert!(
        !page.contains("<blockquote>\n</blockquote>") && !page.contains("<blockquote></blockquote>"),
        "no empty quote"
    );
    assert!(page.contains("I ett citat."), "the quoted footnote is published");
}

#[test]
fn case_10_indicators_keep_the_reports_order_and_numbering() {
    let f = Fixture::new();
    f.edit(
        "content/tillvaxt/indicators/utslapp.toml",
        "definition =",
        "label = { sv = \"Diagram 2\", en = \"Chart 2\" }\norder = 2\ndefinition =",
    );
    f.write(
        "content/tillvaxt/indicators/befolkning.toml",
        "title = \"Befolkning\"\nlabel = { sv = \"Diagram 1\", en = \"Chart 1\" }\norder = 1\nsource = \"SCB\"\nyears = [2023, 2024]\n\n[[series]]\nname = \"Umeå\"\nvalues = [130000, 131000]\n",
    );
    builds(&f);
    let programme = f.read("sv/tillvaxt/index.html");
    assert_eq!(texts(&programme, ".indicator-summary__title"), ["Diagram 1. Befolkning", "Diagram 2. Utsläpp"]);
    let page = f.read("en/growth/emissions/index.html");
    assert_eq!(texts(&page, "h1"), ["Chart 2. Emissions"]);
    assert_eq!(texts(&page, "svg title")[0], "Chart 2. Emissions");
    assert_eq!(texts(&page, "table.data caption"), ["Chart 2. Emissions (kton CO2e)"]);
}

/// The first wide chart drawing of a page, as the page has it.
fn wide_svg(html: &str) -> &str {
    let start = html.find("<div class=\"chart__wide\"><svg").expect("a chart") + "<div class=\"chart__wide\">".len();
    &html[start..start + html[start..].find("</svg>").unwrap() + "</svg>".len()]
}

/// The texts of the first (wide) chart drawing of a page.
fn chart_texts(html: &str) -> Vec<String> {
    texts(html, ".chart__wide svg text")
}

#[test]
fn case_3_bars_per_year_are_drawn_and_an_impossible_chart_is_an_error() {
    let f = Fixture::new();
    f.edit(
        "content/tillvaxt/indicators/utslapp.toml",
        "years = [2019, 2020, 2021]",
        "chart = \"bar\"\nyears = [2019, 2020, 2021]",
    );
    builds(&f);
    let page = f.read("sv/tillvaxt/utslapp/index.html");
    let wide = wide_svg(&page);
    let doc = roxmltree::Document::parse(wide).unwrap_or_else(|e| panic!("{e}: {wide}"));
    let bars = doc.descendants().filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#5B8DB8")).count();
    assert_eq!(bars, 2, "one bar per year with a value (2020 is a gap): {wide}");
    let labels = chart_texts(&page);
    for year in ["2019", "2020", "2021"] {
        assert!(labels.contains(&year.to_owned()), "{year} is on the axis: {labels:?}");
    }

    f.write(
        "content/tillvaxt/indicators/jamforelse.toml",
        "title = \"J\"\nsource = \"S\"\nchart = \"line\"\nyear = 2023\n\n[[category]]\nname = \"A\"\nvalue = 1\n",
    );
    let (code, _, err) = f.build();
    assert_eq!(code, 1);
    assert!(
        err.contains("content/tillvaxt/indicators/jamforelse.toml:3:9: a line chart draws values over years; this indicator compares categories"),
        "{err}"
    );
}

#[test]
fn case_4_a_derived_value_is_drawn_hollow_with_a_dotted_line_and_a_legend() {
    let f = Fixture::new();
    f.edit(
        "content/tillvaxt/indicators/utslapp.toml",
        "values = [96.5, \"-\", -1.25]",
        "values = [{ value = 96.5, status = \"derived\" }, 90, -1.25]",
    );
    builds(&f);
    let page = f.read("sv/tillvaxt/utslapp/index.html");
    let wide = wide_svg(&page);
    let doc = roxmltree::Document::parse(wide).unwrap_or_else(|e| panic!("{e}: {wide}"));
    let series = "#0B3C5D";
    let hollow = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("circle") && n.attribute("stroke") == Some(series) && n.attribute("fill") == Some("#FFFFFF")
        })
        .count();
    let filled = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("circle") && n.attribute("stroke") == Some(series) && n.attribute("fill") == Some(series)
        })
        .count();
    assert_eq!((hollow, filled), (1, 2), "the derived point is hollow, the measured ones filled: {wide}");
    let dotted = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("line")
                && n.attribute("stroke") == Some(series)
                && n.attribute("stroke-dasharray") == Some("2,4")
        })
        .count();
    assert!(dotted >= 1, "the line into the derived value is dotted: {wide}");
    assert!(chart_texts(&page).contains(&"Ihålig markör: beräknat värde, inte uppmätt".to_owned()), "a legend says so");
}

#[test]
fn case_5_example_data_says_so_inside_the_drawing() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/indicators/utslapp.toml", "definition =", "example_data = true\ndefinition =");
    builds(&f);
    for (page, banner) in [
        ("sv/tillvaxt/utslapp/index.html", "Exempeldata – inte officiella siffror"),
        ("en/growth/emissions/index.html", "Example data – not official figures"),
    ] {
        let html = f.read(page);
        for drawing in [".chart__wide svg text", ".chart__narrow svg text"] {
            assert!(texts(&html, drawing).contains(&banner.to_owned()), "{page} {drawing}");
        }
    }
    let svg = f.read("data/utslapp.sv.svg");
    assert!(svg.contains(">Exempeldata – inte officiella siffror</text>"), "the download says so too");
}

#[test]
fn a_mistake_in_the_report_year_s_assessments_is_one_error_not_also_a_missing_assessment() {
    let f = Fixture::new();
    for (from, to, error) in [
        ("status = \"delvis\"", "stauts = \"delvis\"", "unknown key `stauts`"),
        ("status = \"delvis\"", "status = \"delvs\"", "`delvs`"),
    ] {
        f.edit("content/tillvaxt/assessments/2024.toml", from, to);
        let (code, _, stderr) = f.check(&[]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains(error), "{stderr}");
        assert!(!stderr.contains("has no assessment"), "no knock-on warning: {stderr}");
        f.edit("content/tillvaxt/assessments/2024.toml", to, from);
    }
    f.remove("content/tillvaxt/assessments/2024.toml");
    let (_, _, stderr) = f.check(&[]);
    assert!(
        stderr.contains("the goal `bostader` has no assessment for 2024"),
        "a goal left out is still warned about: {stderr}"
    );
}
