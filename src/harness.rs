//! Entry points for the property tests (`tests/fuzz.rs`: one editor's file
//! through the stage that reads it) and the chart benchmark, compiled only
//! with the `testing` feature (which goalsite's own tests and benchmarks
//! turn on). Sites are read through the real pipeline. Not a stable API.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Diagnostics, Problems};
use crate::load::files::{IndicatorFile, ProgrammeFile};
use crate::locale::{Lang, Typography};
use crate::markdown::{self, Rules};
use crate::model::{Language, Site};
use crate::routes::Routes;
use crate::source::Source;

/// `text` read as a `programme.toml` and as an indicator file: the problems found.
pub fn toml_files(text: &str) -> Vec<Diagnostic> {
    let source = Arc::new(Source::new("content/p/programme.toml", text));
    let programme = crate::toml_file::parse::<ProgrammeFile>(&source).err();
    let indicator = crate::toml_file::parse::<IndicatorFile>(&source).err();
    programme.into_iter().chain(indicator).collect()
}

/// `text` read as a Swedish Markdown page and rendered on a site without
/// other pages: the byte ranges of its `#anchor` links, and the problems found.
pub fn markdown_file(text: &str) -> (Vec<Range<usize>>, Vec<Diagnostic>) {
    let source = Arc::new(Source::new("content/a.sv.md", text));
    let doc = match crate::load::markdown_file::parse(source, Lang::known("sv")) {
        Ok(doc) => doc,
        Err(d) => return (Vec::new(), vec![d]),
    };
    let mut site = Site::default();
    site.settings.languages =
        ["sv", "en"].iter().map(|l| Language { code: Lang::known(l), name: l.to_string() }).collect();
    site.settings.base_url = "https://example.org/".into();
    let routes = Routes::new(&site, None, &mut Problems::new());
    let typography = Typography {
        quotes: ('”', '”'),
        single_quotes: ('’', '’'),
        footnotes_heading: "Fotnoter".into(),
        back_to_text: "Tillbaka".into(),
    };
    let mut problems = Vec::new();
    let html = markdown::render(&doc, &routes, &typography, &Rules::default(), &HashSet::new(), &mut problems);
    let spans = html.links.fragments.iter().map(|f| f.span.start + doc.body_offset..f.span.end + doc.body_offset);
    (spans.collect(), problems)
}

/// Whether `url` may be published as a link from data (`Err` says why not).
pub fn check_link(url: &str) -> Result<(), String> {
    crate::text::check_link(url).map_err(|why| why.arg("field", "url").to_string())
}

/// The scheme a browser reads in `url`, if any.
pub fn scheme(url: &str) -> Option<String> {
    crate::text::scheme(url)
}

/// For each piece of raw HTML in a row of parser events: whether it holds
/// markup outside comments.
pub fn raw_html_markup(pieces: &[&str]) -> Vec<bool> {
    let mut open = false;
    pieces.iter().map(|p| markdown::has_markup_outside_comments(p, &mut open)).collect()
}

/// A text cell as the CSV downloads write it.
pub fn csv_text_cell(text: &str) -> String {
    crate::downloads::text_cell(text)
}

/// `svg` drawn as the PNG download is drawn.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    crate::charts::png(svg)
}

/// The box of a chart text as a browser lays it out, in the drawing's units:
/// `(left, top, right, bottom)` of `text` at `size`, its baseline at `y`,
/// anchored at `x` (`start`, `middle` or `end`).
pub fn chart_text_box(text: &str, size: f32, bold: bool, (x, y): (f32, f32), anchor: &str) -> (f32, f32, f32, f32) {
    let w = crate::charts::text_width(text, size, bold);
    let left = match anchor {
        "middle" => x - w / 2.0,
        "end" => x - w,
        _ => x,
    };
    let (ascent, descent) = crate::charts::ASCENT_DESCENT;
    (left, y - ascent * size, left + w, y + descent * size)
}

/// A checked site's charts, for timing them alone.
pub struct Charts {
    site: Site,
    theme: crate::theme::Theme,
}

impl Charts {
    /// Reads and checks the site at `root`, as a build does.
    pub fn load(root: &std::path::Path) -> Result<Charts, Diagnostics> {
        let mut prepared = crate::pipeline::prepare(root, None, None)?;
        let site = prepared.editions.pop().expect("the current edition").site;
        Ok(Charts { site, theme: prepared.theme })
    }

    /// How many indicators the site has.
    pub fn indicators(&self) -> usize {
        self.site.indicators.len()
    }

    /// Indicator `i`'s id (its file name).
    pub fn id(&self, i: usize) -> &str {
        &self.site.indicators[i].id
    }

    /// The site's language codes.
    pub fn languages(&self) -> Vec<String> {
        self.site.settings.languages.iter().map(|l| l.code.to_string()).collect()
    }

    /// Indicator `i` in `lang` as its download SVG and PNG (the PNG's size).
    pub fn download(&self, i: usize, lang: &str) -> usize {
        let lang = Lang::known(lang);
        let ind = &self.site.indicators[i];
        let mut chart = crate::charts::Chart::new(ind, &self.theme.chart, self.theme.i18n(lang), lang);
        chart.title = Some("Bench");
        chart.source = Some("Källa: bench");
        let svg = crate::charts::standalone_svg(&chart, "Bench", "").unwrap_or_default();
        crate::charts::png(&svg).map_or(0, |p| p.len())
    }

    /// Draws indicator `i` in `lang`, wide or narrow, as a page would.
    pub fn draw(&self, i: usize, lang: &str, wide: bool) -> String {
        let lang = Lang::known(lang);
        let ind = &self.site.indicators[i];
        let chart = crate::charts::Chart::new(ind, &self.theme.chart, self.theme.i18n(lang), lang);
        let variant = if wide { crate::charts::Variant::Wide } else { crate::charts::Variant::Narrow };
        crate::charts::draw(&chart, variant).unwrap_or_default()
    }
}

/// Makes the build cache of the site at `root` know the Markdown file
/// `rel` (from the root) with another body than it has.
pub fn cache_misremembering(root: &std::path::Path, rel: &str) -> std::io::Result<()> {
    crate::cache::misremember(root, rel)
}

/// Rewrites the build cache of the site at `root` as another goalsite
/// (`goalsite`, its version and build) would have written it.
pub fn cache_from_another_goalsite(root: &std::path::Path, goalsite: &str) -> std::io::Result<()> {
    crate::cache::rewrite_as(root, goalsite)
}
