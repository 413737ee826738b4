//! Downloads: each indicator's data as CSV and JSON (UTF-8, texts in every
//! language) and as an Excel workbook per language, its chart per language
//! as SVG (and PNG) for slides; and for the whole site the open data: a zip
//! with every indicator's CSV and a Data Package description, and the data
//! catalogue for dataportal.se. Example data is never catalogued or zipped.

mod csv;
mod dcat;
mod json;
mod package;
mod xlsx;

use rayon::prelude::*;

use crate::charts;
use crate::diagnostics::Diagnostic;
use crate::locale::Lang;
use crate::model::{Indicator, IndicatorId, Site};
use crate::routes::Routes;
use crate::theme::Theme;

pub use csv::{csv, text_cell};
pub use dcat::CATALOG_PATH;
pub use json::json;
pub use package::ZIP_PATH;

/// What was left out of a site's open data, and whether it has a catalogue.
pub struct Downloads {
    /// Indicators with example data: published on their pages, never as data.
    pub left_out: Vec<String>,
    pub catalogue: Catalogue,
}

/// Whether a site has a data catalogue (`catalog.rdf`), and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Catalogue {
    Written,
    /// The site has no `[open_data]` (check warns about it).
    #[default]
    NoSettings,
    /// No indicator has official figures (all are example data, or there are none).
    NothingToCatalogue,
}

/// The folder under the site root that holds the data files.
pub const DATA_DIR: &str = "data";

/// The path of an indicator's data file under the site root (`data/<id>.csv`).
pub fn path(id: &str, ext: &str) -> String {
    format!("{DATA_DIR}/{id}.{ext}")
}

/// Hands each file made to `save`, as soon as it is made (so no more than a
/// few indicators' files are held at once).
pub type Save<'a> = &'a (dyn Fn(File) -> Result<(), Diagnostic> + Sync);

/// Makes every data file of the site and hands it to `save`: (path under the
/// root, contents). Problems drawing a chart or writing a workbook are
/// errors (the first one found is returned). PNGs are drawn only if
/// `pictures` (they are slow, and only needed to be written).
pub fn files(site: &Site, theme: &Theme, routes: &Routes, pictures: bool, save: Save) -> Result<Downloads, Diagnostic> {
    let langs = site.settings.langs();
    site.indicators
        .par_iter()
        .try_for_each(|ind| indicator_files(site, theme, ind, pictures)?.into_iter().try_for_each(save))?;
    let catalogued: Vec<IndicatorId> =
        (0..site.indicators.len()).map(IndicatorId).filter(|&i| !site.indicator(i).example_data).collect();
    let left_out = site.indicators.iter().filter(|i| i.example_data).map(|i| i.id.clone()).collect();
    let csvs: Vec<String> = catalogued.iter().map(|&i| csv(site.indicator(i), &langs)).collect();
    if !catalogued.is_empty() {
        let zip = package::zip(site, routes, &catalogued, &csvs).map_err(|e| write_failed(ZIP_PATH, e))?;
        save((ZIP_PATH.to_owned(), zip))?;
    }
    let catalogue = match &site.settings.open_data {
        None => Catalogue::NoSettings,
        Some(_) if catalogued.is_empty() => Catalogue::NothingToCatalogue,
        Some(open) => {
            let distributions = |i: IndicatorId| distributions(&site.indicator(i).id, &langs);
            save((
                CATALOG_PATH.to_owned(),
                dcat::catalog(site, routes, open, &catalogued, &distributions).into_bytes(),
            ))?;
            Catalogue::Written
        }
    };
    Ok(Downloads { left_out, catalogue })
}

/// An indicator's CSV, JSON and workbooks, and its charts.
fn indicator_files(site: &Site, theme: &Theme, ind: &Indicator, pictures: bool) -> Result<Vec<File>, Diagnostic> {
    let langs = site.settings.langs();
    let mut files = vec![
        (path(&ind.id, "csv"), csv(ind, &langs).into_bytes()),
        (path(&ind.id, "json"), json(ind, &langs).into_bytes()),
    ];
    for lang in &langs {
        let book = xlsx::xlsx(ind, &site.settings, theme.i18n(*lang), *lang)
            .map_err(|e| Diagnostic::error(&ind.file, format!("the Excel file could not be written: {e}")))?;
        files.push((chart_path(&ind.id, *lang, "xlsx"), book));
        files.extend(chart_files(site, theme, ind, *lang, pictures)?);
    }
    Ok(files)
}

/// The files of an indicator the catalogue lists.
fn distributions(id: &str, langs: &[Lang]) -> Vec<dcat::Distribution> {
    let file = |path: String, file_type, media_type, lang: Option<&Lang>| dcat::Distribution {
        path,
        file_type,
        media_type,
        lang: lang.copied(),
    };
    let xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let mut files =
        vec![file(path(id, "csv"), "CSV", "text/csv", None), file(path(id, "json"), "JSON", "application/json", None)];
    files.extend(langs.iter().map(|l| file(chart_path(id, *l, "xlsx"), "XLSX", xlsx_type, Some(l))));
    files
}

fn write_failed(path: &str, e: String) -> Diagnostic {
    Diagnostic::error(std::path::Path::new(path), format!("could not be written: {e}"))
}

/// A file to publish: its path under the site root, and its bytes.
pub type File = (String, Vec<u8>);

/// The path of an indicator's chart in `lang` (`data/<id>.<lang>.svg`).
pub fn chart_path(id: &str, lang: Lang, ext: &str) -> String {
    format!("{DATA_DIR}/{id}.{lang}.{ext}")
}

/// The chart of `ind` in `lang` as a standalone SVG (with title, source and
/// font), and as a PNG if the site offers them.
fn chart_files(
    site: &Site,
    theme: &Theme,
    ind: &Indicator,
    lang: Lang,
    pictures: bool,
) -> Result<Vec<File>, Diagnostic> {
    let i18n = theme.i18n(lang);
    let failed = |e: String| Diagnostic::error(&ind.file, format!("the chart could not be drawn for download: {e}"));
    let title = charts::heading(ind, i18n, lang);
    let source = crate::locale::fill(&i18n.string("chart_source"), &[("source", ind.source.tr(lang))]);
    let desc = charts::summary::summary(ind, lang, i18n, charts::decimals(ind));
    let mut chart = charts::Chart::new(ind, &theme.chart, i18n, lang);
    chart.title = Some(&title);
    chart.source = Some(&source);
    let svg = charts::standalone_svg(&chart, &title, &desc).map_err(failed)?;
    let mut files = Vec::new();
    if site.settings.png_downloads && pictures {
        files.push((chart_path(&ind.id, lang, "png"), charts::png(&svg).map_err(failed)?));
    }
    files.push((chart_path(&ind.id, lang, "svg"), svg.into_bytes()));
    Ok(files)
}
