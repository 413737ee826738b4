//! The whole site's data in one download: a zip with every catalogued
//! indicator's CSV and a `datapackage.json` (Frictionless Data Package)
//! that describes each file's columns, types, unit, source and licence.
//! Indicators with example data are not data, and are left out.

use std::io::Write;

use serde_json::{json, Value};
use zip::write::SimpleFileOptions;

use crate::locale::{Lang, Text};
use crate::model::{Indicator, IndicatorId, Site};
use crate::routes::{PageRef, Routes};
use crate::text::slugify;

/// The zip's path under the site root.
pub const ZIP_PATH: &str = "data/data.zip";

/// The zip of the `catalogued` indicators, with their CSV files (`csvs[i]` for `catalogued[i]`).
pub fn zip(site: &Site, routes: &Routes, catalogued: &[IndicatorId], csvs: &[String]) -> Result<Vec<u8>, String> {
    let package = datapackage(site, routes, catalogued, csvs);
    let mut out = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    // A fixed time in every entry, so that the same data gives the same zip.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), String> {
        writer.start_file(name, options).map_err(|e| e.to_string())?;
        writer.write_all(bytes).map_err(|e| e.to_string())
    };
    add("datapackage.json", package.as_bytes())?;
    for (&id, csv) in catalogued.iter().zip(csvs) {
        add(&format!("{}.csv", site.indicator(id).id), csv.as_bytes())?;
    }
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// The Data Package describing the CSV files (in the default language, with
/// every language's texts in the columns themselves).
pub fn datapackage(site: &Site, routes: &Routes, catalogued: &[IndicatorId], csvs: &[String]) -> String {
    let settings = &site.settings;
    let lang = settings.default_lang();
    let langs = settings.langs();
    let tr = |t: &Text| t.tr(lang).replace("{report_year}", &settings.report_year.to_string());
    let licence = settings.open_data.as_ref().map(|o| o.licence);
    let licenses: Vec<Value> = licence.iter().map(|l| json!({ "name": l.spdx(), "path": l.iri() })).collect();
    let resources: Vec<Value> = catalogued
        .iter()
        .zip(csvs)
        .map(|(&id, csv)| {
            let ind = site.indicator(id);
            let mut r = json!({
                "name": ind.id,
                "path": format!("{}.csv", ind.id),
                "profile": "tabular-data-resource",
                "title": tr(&ind.title),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "bytes": csv.len(),
                "homepage": routes.abs_url(PageRef::Indicator(id), lang),
                "sources": [{ "title": tr(&ind.source) }],
                "schema": schema(ind, &langs),
            });
            if let Some(d) = &ind.definition {
                r["description"] = json!(tr(d));
            }
            if !licenses.is_empty() {
                r["licenses"] = json!(licenses);
            }
            r
        })
        .collect();
    let mut package = json!({
        "profile": "tabular-data-package",
        "name": slugify(&tr(&settings.title)),
        "title": tr(&settings.title),
        "description": tr(&settings.description),
        "homepage": settings.base_url,
        "resources": resources,
    });
    if !licenses.is_empty() {
        package["licenses"] = json!(licenses);
    }
    if let Some(o) = &settings.open_data {
        let organisation = settings.footer.organisation.as_ref().map(&tr).unwrap_or_default();
        package["contributors"] = json!([{ "title": organisation, "email": o.contact_email, "role": "publisher" }]);
        if let Some(date) = &o.published {
            package["created"] = json!(format!("{date}T00:00:00Z"));
        }
    }
    let mut s = serde_json::to_string_pretty(&package).unwrap_or_default();
    s.push('\n');
    s
}

/// The Table Schema of an indicator's CSV: the columns `csv::csv` writes.
fn schema(ind: &Indicator, langs: &[Lang]) -> Value {
    let unit = ind.unit.as_ref().map(|u| u.tr(langs[0]).to_owned()).unwrap_or_default();
    let mut fields = vec![
        json!({ "name": "indicator", "type": "string", "constraints": { "required": true, "enum": [ind.id] } }),
        json!({ "name": "year", "type": "integer", "constraints": { "required": true } }),
        json!({ "name": "value", "type": "number", "unit": unit, "description": format!("Unit: {unit}") }),
        json!({
            "name": "status",
            "type": "string",
            "constraints": { "required": true, "enum": ["measured", "derived", "estimated", "preliminary", "missing"] }
        }),
    ];
    for field in ["series", "unit", "source", "note"] {
        fields.extend(langs.iter().map(|l| json!({ "name": format!("{field}_{l}"), "type": "string" })));
    }
    fields.push(json!({ "name": "example_data", "type": "boolean" }));
    json!({ "fields": fields, "missingValues": [""] })
}
