//! Snapshots for review: the main content of each kind of page and one chart
//! of each kind, from the fixture site. A change to what readers see shows
//! up here as a diff (`cargo insta review`).

use crate::common::Fixture;
use scraper::{Html, Selector};

/// The `<main>` element of a built page.
fn main_of(f: &Fixture, page: &str) -> String {
    let html = Html::parse_document(&f.read(page));
    let main = Selector::parse("main").unwrap();
    html.select(&main).next().expect("a main element").html()
}

/// The first chart (SVG) of a built page.
fn first_chart(f: &Fixture, page: &str) -> String {
    let html = f.read(page);
    let start = html.find("<svg").expect("a chart");
    html[start..start + html[start..].find("</svg>").unwrap() + 6].to_owned()
}

fn fixture_with_comparisons() -> Fixture {
    let f = Fixture::new();
    let names = ["Umeå", "Luleå", "Uppsala", "Linköping", "Riket"];
    let mut bars = String::from(
        "title = { sv = \"Nöjda invånare\", en = \"Satisfied residents\" }\nunit = \"%\"\nsource = \"SCB\"\nyear = 2023\n",
    );
    for (i, name) in names.iter().enumerate() {
        let extra = match i {
            0 => "highlight = true\n",
            4 => "national = true\n",
            _ => "",
        };
        bars.push_str(&format!("\n[[category]]\nname = \"{name}\"\nvalue = {}\n{extra}", 90 - i * 3));
    }
    f.write("content/tillvaxt/indicators/nojda.toml", &bars);
    let hbar = bars.replace("year = 2023", "year = 2023\nchart = \"hbar\"").replace("Nöjda", "Nöjda (liggande)");
    f.write("content/tillvaxt/indicators/nojda-liggande.toml", &hbar);
    f
}

#[test]
fn pages_render_as_reviewed() {
    let f = fixture_with_comparisons();
    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    for (name, page) in [
        ("home", "sv/index.html"),
        ("programme", "sv/tillvaxt/index.html"),
        ("goal", "sv/tillvaxt/bostader/index.html"),
        ("indicator", "en/growth/emissions/index.html"),
        ("report", "en/full-report/index.html"),
    ] {
        insta::assert_snapshot!(format!("page_{name}"), main_of(&f, page));
    }
}

#[test]
fn charts_render_as_reviewed() {
    let f = fixture_with_comparisons();
    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    for (name, page) in [
        ("line", "sv/tillvaxt/utslapp/index.html"),
        ("bar", "sv/tillvaxt/nojda/index.html"),
        ("hbar", "sv/tillvaxt/nojda-liggande/index.html"),
    ] {
        insta::assert_snapshot!(format!("chart_{name}"), first_chart(&f, page));
    }
}
