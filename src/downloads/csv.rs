//! An indicator's data as CSV: one row per value in long ("tidy") form,
//! UTF-8 with a byte order mark, texts in every language, and cells a
//! spreadsheet would run as formulas neutralised.

use crate::locale::{Lang, Text, UiKey};
use crate::model::{Data, Figure, Indicator};

/// CSV, with the texts in every language.
pub const FORMAT: super::Format = super::Format {
    ext: "csv",
    per_language: false,
    data: Some(super::DataFormat { name: super::Name::Same("CSV"), file_type: "CSV", media_type: "text/csv" }),
    label: UiKey::DownloadCsv,
    offered: |_| true,
    checked: true,
    slow: false,
    make: |input| Ok(csv(input.ind, &input.site.settings.langs()).into_bytes()),
};

/// One row per value, in long ("tidy") form: indicator, year, value, its
/// status (measured, derived, …), then the series name, unit, source and the
/// value's note in each language.
pub fn csv(ind: &Indicator, langs: &[Lang]) -> String {
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
        |t: Option<&Text>| langs.iter().map(move |l| t.map_or("", |t| t.tr(*l)).to_owned()).collect::<Vec<_>>();
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

/// What a figure is, as the data files write it.
pub(super) fn status(f: &Figure) -> &'static str {
    if f.value.is_some() {
        f.status.as_str()
    } else {
        "missing"
    }
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
