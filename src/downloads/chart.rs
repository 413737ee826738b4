//! An indicator's chart to download, for slides and posts: the wide drawing
//! with its title, source and font in it (SVG), and a picture of that (PNG).

use crate::charts;
use crate::diagnostics::Diagnostic;
use crate::locale::UiKey;

use super::{Format, Input};

/// The chart as SVG, in every language.
pub const SVG: Format = Format {
    ext: "svg",
    per_language: true,
    data: None,
    label: UiKey::DownloadSvg,
    offered: |_| true,
    checked: true,
    slow: false,
    make: |input| input.svg().map(|svg| svg.as_bytes().to_vec()),
};

/// The chart as a PNG picture, where the site asks for them (`[downloads] png`).
pub const PNG: Format = Format {
    ext: "png",
    per_language: true,
    data: None,
    label: UiKey::DownloadPng,
    offered: |settings| settings.png_downloads,
    checked: false,
    slow: true,
    make: |input| charts::png(input.svg()?).map_err(|e| failed(input, e)),
};

/// The chart of the input in its language as a standalone SVG, with its title and source.
pub fn standalone(input: &Input) -> Result<String, Diagnostic> {
    let (ind, lang) = (input.ind, input.lang);
    let i18n = input.theme.i18n(lang);
    let title = charts::heading(ind, i18n, lang);
    let source = crate::locale::fill(&i18n.string(UiKey::ChartSource), &[("source", ind.source.tr(lang))]);
    let desc = charts::summary::summary(ind, lang, i18n, charts::decimals(ind));
    let mut chart = charts::Chart::new(ind, &input.theme.chart, i18n, lang);
    chart.title = Some(&title);
    chart.source = Some(&source);
    charts::standalone_svg(&chart, &title, &desc).map_err(|e| failed(input, e))
}

fn failed(input: &Input, e: String) -> Diagnostic {
    Diagnostic::error(&input.ind.file, msg!(DownloadChartNotDrawn, detail = e))
}
