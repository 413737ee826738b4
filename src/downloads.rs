//! Downloads: each indicator's data as a CSV and a JSON file (UTF-8, with
//! source and unit, texts in every language), named by the indicator's id,
//! and its chart per language as an SVG (and a PNG) to put in slides.

use std::collections::BTreeMap;

use serde::Serialize;

use rayon::prelude::*;

use crate::charts;
use crate::diagnostics::Diagnostic;
use crate::locale::Text;
use crate::model::{Data, Figure, Indicator, Site};
use crate::theme::Theme;

/// The folder under the site root that holds the data files.
pub const DATA_DIR: &str = "data";

/// The path of an indicator's data file under the site root (`data/<id>.csv`).
pub fn path(id: &str, ext: &str) -> String {
    format!("{DATA_DIR}/{id}.{ext}")
}

/// Every indicator's CSV and JSON file, and its chart per language as SVG
/// (and PNG, where the site offers it): (path under the root, contents).
/// Problems drawing a chart are returned as errors, not files. PNGs are drawn
/// only if `pictures` (they are slow, and only needed to be written).
pub fn files(site: &Site, theme: &Theme, pictures: bool) -> Result<Vec<File>, Diagnostic> {
    let langs = site.settings.lang_codes();
    let per_indicator: Vec<Result<Vec<File>, Diagnostic>> = site
        .indicators
        .par_iter()
        .map(|ind| {
            let mut files = vec![
                (path(&ind.id, "csv"), csv(ind, &langs).into_bytes()),
                (path(&ind.id, "json"), json(ind, &langs).into_bytes()),
            ];
            for lang in &langs {
                files.extend(chart_files(site, theme, ind, lang, pictures)?);
            }
            Ok(files)
        })
        .collect();
    let mut files = Vec::new();
    for result in per_indicator {
        files.extend(result?);
    }
    Ok(files)
}

/// A file to publish: its path under the site root, and its bytes.
pub type File = (String, Vec<u8>);

/// The path of an indicator's chart in `lang` (`data/<id>.<lang>.svg`).
pub fn chart_path(id: &str, lang: &str, ext: &str) -> String {
    format!("{DATA_DIR}/{id}.{lang}.{ext}")
}

/// The chart of `ind` in `lang` as a standalone SVG (with title, source and
/// font), and as a PNG if the site offers them.
fn chart_files(
    site: &Site,
    theme: &Theme,
    ind: &Indicator,
    lang: &str,
    pictures: bool,
) -> Result<Vec<File>, Diagnostic> {
    let i18n = &theme.i18n[lang];
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

/// One row per value, in long ("tidy") form: indicator, year, value, its
/// status (measured, derived, …), then the series name, unit, source and the
/// value's note in each language.
pub fn csv(ind: &Indicator, langs: &[String]) -> String {
    let id = &ind.id;
    let mut header = vec!["indicator".to_owned(), "year".to_owned(), "value".to_owned(), "status".to_owned()];
    for field in ["series", "unit", "source", "note"] {
        header.extend(langs.iter().map(|l| format!("{field}_{l}")));
    }
    header.push("example_data".to_owned());
    // A byte order mark, so that spreadsheet programs read the file as UTF-8 (å, ä, ö).
    let mut out = String::from("\u{feff}");
    push_row(&mut out, header.iter().map(|h| Cell::Text(h)));
    let per_lang =
        |t: Option<&Text>| langs.iter().map(move |l| t.map_or("", |t| t.tr(l)).to_owned()).collect::<Vec<_>>();
    let unit = per_lang(ind.unit.as_ref());
    let source = per_lang(Some(&ind.source));
    let example = ind.example_data.to_string();
    let mut row = |year: i32, figure: &Figure, name: &Text| {
        let (year, value) = (year.to_string(), figure.value.map(|v| v.to_string()).unwrap_or_default());
        let texts: Vec<String> = [per_lang(Some(name)), unit.clone(), source.clone(), per_lang(figure.note.as_ref())]
            .into_iter()
            .flatten()
            .collect();
        let cells = [Cell::Text(id), Cell::Number(&year), Cell::Number(&value), Cell::Text(status(figure))];
        let rest = texts.iter().map(|t| Cell::Text(t)).chain([Cell::Text(&example)]);
        push_row(&mut out, cells.into_iter().chain(rest));
    };
    match &ind.data {
        Data::Years { years, series } => {
            for s in series {
                for (y, v) in years.iter().zip(&s.values) {
                    row(*y, v, &s.name);
                }
            }
        }
        Data::Categories { year, categories } => {
            for c in categories {
                row(*year, &c.value, &c.name);
            }
        }
    }
    out
}

/// A CSV cell: a number as written, or text.
enum Cell<'a> {
    Number(&'a str),
    Text(&'a str),
}

fn push_row<'a>(out: &mut String, cells: impl Iterator<Item = Cell<'a>>) {
    let cells: Vec<String> = cells
        .map(|c| match c {
            Cell::Number(n) => n.to_owned(),
            Cell::Text(t) => text_cell(t),
        })
        .collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// A text cell as written to the CSV files: neutralised, then quoted.
pub fn text_cell(text: &str) -> String {
    quote(&neutralise(text))
}

/// A text cell that a spreadsheet would run as a formula (it starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as
/// OWASP recommends; numbers are never text cells, so they stay numbers.
fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        true => format!("'{cell}").into(),
        false => cell.into(),
    }
}

/// Quotes a CSV cell when it needs it (RFC 4180).
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[derive(Serialize)]
struct JsonIndicator<'a> {
    id: &'a str,
    title: BTreeMap<&'a str, &'a str>,
    unit: BTreeMap<&'a str, &'a str>,
    source: BTreeMap<&'a str, &'a str>,
    definition: BTreeMap<&'a str, &'a str>,
    note: BTreeMap<&'a str, &'a str>,
    example_data: bool,
    target: Option<JsonTarget<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    years: Option<Vec<i32>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    series: Vec<JsonSeries<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    categories: Vec<JsonCategory<'a>>,
}

#[derive(Serialize)]
struct JsonTarget<'a> {
    value: f64,
    year: i32,
    label: BTreeMap<&'a str, &'a str>,
}

#[derive(Serialize)]
struct JsonSeries<'a> {
    name: BTreeMap<&'a str, &'a str>,
    values: Vec<Option<f64>>,
    /// Per value: measured, derived, estimated, preliminary, or missing.
    status: Vec<&'static str>,
    /// Per value: its note per language (empty when it has none).
    notes: Vec<BTreeMap<&'a str, &'a str>>,
}

#[derive(Serialize)]
struct JsonCategory<'a> {
    name: BTreeMap<&'a str, &'a str>,
    value: Option<f64>,
    status: &'static str,
    note: BTreeMap<&'a str, &'a str>,
    highlight: bool,
    national: bool,
}

/// What a figure is, as the data files write it.
fn status(f: &Figure) -> &'static str {
    if f.value.is_some() {
        f.status.as_str()
    } else {
        "missing"
    }
}

/// The indicator as JSON: texts per language, `null` for a missing value.
pub fn json(ind: &Indicator, langs: &[String]) -> String {
    fn texts<'a>(t: Option<&'a Text>, langs: &'a [String]) -> BTreeMap<&'a str, &'a str> {
        match t {
            Some(t) => langs.iter().filter_map(|l| t.get(l).map(|s| (l.as_str(), s))).collect(),
            None => BTreeMap::new(),
        }
    }
    let texts = |t| texts(t, langs);
    let (years, series, year, categories) = match &ind.data {
        Data::Years { years, series } => (Some(years.clone()), &series[..], None, &[][..]),
        Data::Categories { year, categories } => (None, &[][..], Some(*year), &categories[..]),
    };
    let doc = JsonIndicator {
        id: &ind.id,
        title: texts(Some(&ind.title)),
        unit: texts(ind.unit.as_ref()),
        source: texts(Some(&ind.source)),
        definition: texts(ind.definition.as_ref()),
        note: texts(ind.note.as_ref()),
        example_data: ind.example_data,
        target: ind.target.as_ref().map(|t| JsonTarget {
            value: t.value,
            year: t.year,
            label: texts(t.label.as_ref()),
        }),
        years,
        series: series
            .iter()
            .map(|s| JsonSeries {
                name: texts(Some(&s.name)),
                values: s.values.iter().map(|f| f.value).collect(),
                status: s.values.iter().map(status).collect(),
                notes: s.values.iter().map(|f| texts(f.note.as_ref())).collect(),
            })
            .collect(),
        year,
        categories: categories
            .iter()
            .map(|c| JsonCategory {
                name: texts(Some(&c.name)),
                value: c.value.value,
                status: status(&c.value),
                note: texts(c.value.note.as_ref()),
                highlight: c.highlight,
                national: c.national,
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_cannot_become_formulas_but_numbers_stay_numbers() {
        let mut out = String::new();
        let cells = ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "Umeå"];
        push_row(&mut out, [Cell::Number("-1.25")].into_iter().chain(cells.iter().map(|c| Cell::Text(c))));
        assert_eq!(out, "-1.25,\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-1+2,'@SUM(A1),'\tx,\"'\rx\",Umeå\r\n");
    }

    #[test]
    fn csv_cells_are_quoted_when_needed() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("sa \"hej\""), "\"sa \"\"hej\"\"\"");
        assert_eq!(quote("Umeå"), "Umeå");
    }
}
