//! An indicator's data as JSON: texts per language, `null` for a missing
//! value, and each value's status and note.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::locale::{Lang, Text, UiKey};
use crate::model::{Data, Indicator};

use super::csv::status;

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

/// JSON, with the texts in every language.
pub const FORMAT: super::Format = super::Format {
    ext: "json",
    per_language: false,
    data: Some(super::DataFormat {
        name: super::Name::Same("JSON"),
        file_type: "JSON",
        media_type: "application/json",
    }),
    label: UiKey::DownloadJson,
    offered: |_| true,
    checked: true,
    slow: false,
    make: |input| Ok(json(input.ind, &input.site.settings.langs()).into_bytes()),
};

/// The indicator as JSON: texts per language, `null` for a missing value.
pub fn json(ind: &Indicator, langs: &[Lang]) -> String {
    fn texts<'a>(t: Option<&'a Text>, langs: &'a [Lang]) -> BTreeMap<&'a str, &'a str> {
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
