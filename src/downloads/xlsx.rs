//! An indicator's data as an Excel workbook in one language: the title,
//! unit, source and (for examples) a warning above a table with the years
//! (or categories) down and the series across, numbers stored as numbers,
//! and what is not simply measured noted below it. The route to Excel for
//! people whose Excel expects a decimal comma, which a CSV cannot serve.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::charts;
use crate::diagnostics::Diagnostic;
use crate::locale::{I18n, Lang, UiKey};
use crate::model::{Figure, Indicator, RowHead, Settings, TableRow, ValueStatus};

use super::{DataFormat, Name};

/// An Excel workbook per language.
pub const FORMAT: super::Format = super::Format {
    ext: "xlsx",
    per_language: true,
    data: Some(DataFormat {
        name: Name::Ui(UiKey::OpenDataXlsx),
        file_type: "XLSX",
        media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
    label: UiKey::DownloadXlsx,
    offered: |_| true,
    checked: true,
    slow: true,
    make: |input| {
        xlsx(input.ind, &input.site.settings, input.theme.i18n(input.lang), input.lang)
            .map_err(|e| Diagnostic::error(&input.ind.file, msg!(WorkbookNotWritten, detail = e.to_string())))
    },
};

/// The workbook of `ind` in `lang`, as bytes.
pub fn xlsx(ind: &Indicator, settings: &Settings, i18n: &I18n, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&properties(ind, settings, lang)?);
    let sheet = book.add_worksheet();
    sheet.set_name("Data")?;
    let bold = Format::new().set_bold();
    let decimals = charts::decimals(ind);
    let number = Format::new().set_num_format(match decimals {
        0 => "#,##0".to_owned(),
        d => format!("#,##0.{}", "0".repeat(d)),
    });
    let mut row = 0;
    sheet.write_string_with_format(row, 0, charts::heading(ind, i18n, lang), &bold)?;
    let mut line = |sheet: &mut Worksheet, text: String| -> Result<(), XlsxError> {
        row += 1;
        sheet.write_string(row, 0, text)?;
        Ok(())
    };
    if let Some(unit) = &ind.unit {
        line(sheet, format!("{}: {}", i18n.string(UiKey::Unit), unit.tr(lang)))?;
    }
    line(sheet, format!("{}: {}", i18n.string(UiKey::Source), ind.source.tr(lang)))?;
    if ind.example_data {
        line(sheet, i18n.string(UiKey::ChartExampleBanner))?;
    }
    let mut row = row + 2;
    let columns = ind.data.columns(lang);
    sheet.write_string_with_format(row, 0, i18n.string(ind.data.corner_key()), &bold)?;
    for (c, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(row, col(c + 1), name, &bold)?;
    }
    let mut notes = Vec::new();
    for TableRow { head, figures } in ind.data.rows() {
        row += 1;
        // A year is a number; a category's name stays text, so "0180" or "NaN" stays as written.
        let header = match head {
            RowHead::Year(year) => {
                sheet.write_number(row, 0, f64::from(year))?;
                year.to_string()
            }
            RowHead::Category(c) => {
                let name = c.name.tr(lang);
                sheet.write_string(row, 0, name)?;
                name.to_owned()
            }
        };
        for (c, figure) in figures.iter().enumerate() {
            if let Some(v) = figure.value {
                sheet.write_number_with_format(row, col(c + 1), v, &number)?;
            }
            if let Some(note) = note(figure, i18n, lang) {
                notes.push(format!("{header}, {}: {note}", columns[c]));
            }
        }
    }
    row += 1;
    for text in notes.into_iter().chain(texts(ind, i18n, lang)) {
        row += 1;
        sheet.write_string(row, 0, text)?;
    }
    sheet.set_column_width(0, 28)?;
    for c in 1..=columns.len() {
        sheet.set_column_width(col(c), 16)?;
    }
    book.save_to_buffer()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// What a value is when it is not simply measured, in words.
fn note(figure: &Figure, i18n: &I18n, lang: Lang) -> Option<String> {
    let kind = match (figure.value, figure.status) {
        (None, _) => i18n.string(UiKey::NoValue),
        (Some(_), ValueStatus::Measured) => figure.note.as_ref()?.tr(lang).to_owned(),
        (Some(_), status) => i18n.string(status.word()),
    };
    Some(match (&figure.note, figure.value, figure.status) {
        (Some(note), v, s) if v.is_none() || s != ValueStatus::Measured => format!("{kind} – {}", note.tr(lang)),
        _ => kind,
    })
}

/// The indicator's definition and note, labelled.
fn texts(ind: &Indicator, i18n: &I18n, lang: Lang) -> Vec<String> {
    [(UiKey::Definition, &ind.definition), (UiKey::Note, &ind.note)]
        .into_iter()
        .filter_map(|(label, text)| Some(format!("{}: {}", i18n.string(label), text.as_ref()?.tr(lang))))
        .collect()
}

/// Title, organisation and a fixed date (the data's publication, or the
/// first day after the report year), so that the same input gives the same file.
fn properties(ind: &Indicator, settings: &Settings, lang: Lang) -> Result<DocProperties, XlsxError> {
    let published = settings.open_data.as_ref().and_then(|o| o.published.as_deref());
    let (y, m, d) = published
        .and_then(|p| {
            let mut parts = p.split('-').map(|x| x.parse::<u16>().ok());
            Some((parts.next()??, parts.next()??, parts.next()??))
        })
        .unwrap_or((u16::try_from(settings.report_year + 1).unwrap_or(2000), 1, 1));
    let date = ExcelDateTime::from_ymd(y, u8::try_from(m).unwrap_or(1), u8::try_from(d).unwrap_or(1))?;
    let organisation = settings.footer.organisation.as_ref().map_or("", |o| o.tr(lang));
    Ok(DocProperties::new()
        .set_title(ind.title.tr(lang))
        .set_author(organisation)
        .set_company(organisation)
        .set_creation_datetime(&date))
}
