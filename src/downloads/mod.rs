//! Downloads: each indicator's data and chart as files, from one table of
//! formats ([`FORMATS`]: CSV and JSON with the texts in every language, an
//! Excel workbook per language, the chart per language as SVG and, where the
//! site asks, PNG), and for the whole site the open data: a zip with every
//! indicator's CSV and a Data Package description, and the data catalogue
//! for dataportal.se. Example data is never catalogued or zipped. The
//! indicator pages, the open data page and the catalogue list the files
//! from the same table; a new format is a module and an entry in it.

mod chart;
mod csv;
mod dcat;
mod json;
mod package;
mod xlsx;

use std::sync::OnceLock;

use rayon::prelude::*;

use crate::artifact::{Artifact, Publish};
use crate::diagnostics::Diagnostic;
use crate::locale::{Lang, UiKey};
use crate::model::{Indicator, IndicatorId, Settings, Site};
use crate::routes::Routes;
use crate::theme::Theme;

#[cfg(feature = "testing")]
pub use csv::text_cell;
pub use dcat::CATALOG_PATH;
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

/// One kind of file an indicator is offered as.
pub struct Format {
    pub ext: &'static str,
    /// One file per language (its texts in that language), or one for all.
    pub per_language: bool,
    /// For data (not a picture of it): how the open data page and the catalogue list it.
    pub data: Option<DataFormat>,
    /// How an indicator page's list of downloads names it.
    pub label: UiKey,
    /// Whether a site offers it.
    pub offered: fn(&Settings) -> bool,
    /// Made by `check` too (to find what would fail), or only to be written
    /// (PNG pictures, slow to draw and checked by the SVG they are drawn from).
    pub checked: bool,
    /// Slow to make (pictures, workbooks): `serve` makes it after the pages,
    /// in the background.
    pub slow: bool,
    /// Makes the file.
    pub make: fn(&Input) -> Result<Vec<u8>, Diagnostic>,
}

/// Which of a site's data files a pass makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// Every one (a build), or only those `check` makes.
    All { written: bool },
    /// All but the slow formats' (`serve`, before it reloads).
    Quick,
    /// The slow formats' only (`serve`, after it reloaded).
    Slow,
}

/// How a data format is named on the open data page and in the catalogue.
pub struct DataFormat {
    /// The open data page's name for it: a UI string, or the same in every language.
    pub name: Name,
    /// The EU's file type (`CSV`) and the IANA media type (`text/csv`) the catalogue gives.
    pub file_type: &'static str,
    pub media_type: &'static str,
}

/// A name that is a UI string, or the same word in every language.
pub enum Name {
    Ui(UiKey),
    Same(&'static str),
}

/// Every format, in the order the indicator pages list them.
pub const FORMATS: &[Format] = &[xlsx::FORMAT, csv::FORMAT, json::FORMAT, chart::SVG, chart::PNG];

/// What a format's `make` is given: the indicator, its language (for a
/// per-language format), and the site; the chart's SVG is drawn once for
/// the formats that need it.
pub struct Input<'a> {
    pub ind: &'a Indicator,
    pub lang: Lang,
    pub site: &'a Site,
    pub theme: &'a Theme,
    svg: OnceLock<Result<String, Diagnostic>>,
}

impl Input<'_> {
    /// The chart in the input's language as a standalone SVG, drawn on first use.
    pub fn svg(&self) -> Result<&str, Diagnostic> {
        let svg = self.svg.get_or_init(|| chart::standalone(self));
        svg.as_deref().map_err(Clone::clone)
    }
}

/// The path of an indicator's file in `format` under the site root:
/// `data/<id>.csv`, or `data/<id>.<lang>.svg` for a per-language format.
pub fn path(id: &str, format: &Format, lang: Lang) -> String {
    match format.per_language {
        true => format!("{DATA_DIR}/{id}.{lang}.{}", format.ext),
        false => format!("{DATA_DIR}/{id}.{}", format.ext),
    }
}

/// The formats the site offers, in the order of [`FORMATS`].
pub fn offered(settings: &Settings) -> impl Iterator<Item = &'static Format> + '_ {
    FORMATS.iter().filter(|f| (f.offered)(settings))
}

/// Makes the data files of the site `which` asks for, of every indicator
/// or of those `only` names (and then the site's, made from all), and
/// publishes each as soon as it is made (so no more than a few indicators'
/// files are held at once). The formats that are not [`Format::checked`]
/// only if written.
pub fn files(
    site: &Site,
    theme: &Theme,
    routes: &Routes,
    (which, only): (Which, Option<&[IndicatorId]>),
    publish: Publish,
) -> Result<Downloads, Diagnostic> {
    let langs = site.settings.langs();
    let wanted = |f: &Format| match which {
        Which::All { written } => written || f.checked,
        Which::Quick => !f.slow,
        Which::Slow => f.slow,
    };
    let formats: Vec<&Format> = offered(&site.settings).filter(|f| wanted(f)).collect();
    let indicators: Vec<&Indicator> = match only {
        None => site.indicators.iter().collect(),
        Some(ids) => ids.iter().map(|&i| site.indicator(i)).collect(),
    };
    indicators.par_iter().try_for_each(|ind| {
        for format in &formats {
            let in_langs: &[Lang] = if format.per_language { &langs } else { &langs[..1] };
            for &lang in in_langs {
                let input = Input { ind, lang, site, theme, svg: OnceLock::new() };
                let at = format!("{}{}", routes.prefix(), path(&ind.id, format, lang));
                publish(&Artifact::new(at, (format.make)(&input)?))?;
            }
        }
        Ok::<(), Diagnostic>(())
    })?;
    if which == Which::Slow {
        return Ok(made(site));
    }
    let catalogued = catalogued(site);
    // The whole site's data and its catalogue are the current edition's;
    // an earlier edition keeps its indicators' files as it published them.
    if site.edition.archived {
        return Ok(made(site));
    }
    if !catalogued.is_empty() {
        let csvs: Vec<String> = catalogued.iter().map(|&i| csv::csv(site.indicator(i), &langs)).collect();
        let zip = package::zip(site, routes, &catalogued, &csvs).map_err(|e| write_failed(ZIP_PATH, e))?;
        publish(&Artifact::new(ZIP_PATH, zip))?;
    }
    if let (Some(open), false) = (&site.settings.open_data, catalogued.is_empty()) {
        let distributions = |i: IndicatorId| distributions(&site.indicator(i).id, &langs);
        publish(&Artifact::new(CATALOG_PATH, dcat::catalog(site, routes, open, &catalogued, &distributions)))?;
    }
    Ok(made(site))
}

/// The indicators of the open data: those with official figures.
fn catalogued(site: &Site) -> Vec<IndicatorId> {
    (0..site.indicators.len()).map(IndicatorId).filter(|&i| !site.indicator(i).example_data).collect()
}

/// What [`files`] makes of `site`'s open data, said without making it.
pub fn made(site: &Site) -> Downloads {
    let left_out = site.indicators.iter().filter(|i| i.example_data).map(|i| i.id.clone()).collect();
    let catalogue = match &site.settings.open_data {
        _ if site.edition.archived => Catalogue::NoSettings,
        None => Catalogue::NoSettings,
        Some(_) if catalogued(site).is_empty() => Catalogue::NothingToCatalogue,
        Some(_) => Catalogue::Written,
    };
    Downloads { left_out, catalogue }
}

/// The files of an indicator the catalogue lists: the data formats, those
/// for every language first.
fn distributions(id: &str, langs: &[Lang]) -> Vec<dcat::Distribution> {
    let mut data: Vec<(&Format, &DataFormat)> = FORMATS.iter().filter_map(|f| Some((f, f.data.as_ref()?))).collect();
    data.sort_by_key(|(f, _)| f.per_language);
    data.into_iter()
        .flat_map(|(format, d)| {
            let in_langs: Vec<Option<Lang>> = match format.per_language {
                true => langs.iter().copied().map(Some).collect(),
                false => vec![None],
            };
            in_langs.into_iter().map(move |lang| dcat::Distribution {
                path: path(id, format, lang.unwrap_or(langs[0])),
                file_type: d.file_type,
                media_type: d.media_type,
                lang,
            })
        })
        .collect()
}

fn write_failed(path: &str, e: String) -> Diagnostic {
    Diagnostic::error(std::path::Path::new(path), msg!(FileNotWritten, detail = e))
}
