//! An indicator's figures: time series or a comparison by category, each
//! value with what kind of figure it is, and the table both the page and the
//! workbook show them as.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::locale::{Lang, Text, UiKey};

/// An indicator's figures.
#[derive(Debug, Clone)]
pub enum Data {
    /// Time series: one value per year and series (`None` for a gap).
    Years { years: Vec<i32>, series: Vec<Series> },
    /// A comparison by category in one year.
    Categories { year: i32, categories: Vec<Category> },
}

/// One line of a time series.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: Text,
    /// One per year (a gap has no value).
    pub values: Vec<Figure>,
    /// The home series: the one the target and the summary's distance to it refer to.
    pub highlight: bool,
}

/// One bar of a comparison by category.
#[derive(Debug, Clone)]
pub struct Category {
    pub name: Text,
    pub value: Figure,
    /// The home municipality.
    pub highlight: bool,
    /// The national value (Riket), set apart.
    pub national: bool,
}

/// One value of an indicator, and what kind of figure it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figure {
    /// `None` for a year without a value.
    pub value: Option<f64>,
    pub status: ValueStatus,
    /// Why the value is what it is (how it was derived, say).
    pub note: Option<Text>,
}

/// Whether a value was measured, or is something else that must say so.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(inline, transform = crate::formats::plain_enum)]
pub enum ValueStatus {
    /// Reported as measured (the default; never written out).
    #[default]
    Measured,
    /// Calculated from other figures (like a 1990 value from a change "since 1990").
    Derived,
    /// An estimate.
    Estimated,
    /// Preliminary: may still change.
    Preliminary,
}

impl ValueStatus {
    /// The word used in files and data downloads.
    pub fn as_str(self) -> &'static str {
        match self {
            ValueStatus::Measured => "measured",
            ValueStatus::Derived => "derived",
            ValueStatus::Estimated => "estimated",
            ValueStatus::Preliminary => "preliminary",
        }
    }

    /// The UI string that names the status (`derived`, `härlett`).
    pub fn word(self) -> UiKey {
        match self {
            ValueStatus::Measured => UiKey::ValueStatusMeasured,
            ValueStatus::Derived => UiKey::ValueStatusDerived,
            ValueStatus::Estimated => UiKey::ValueStatusEstimated,
            ValueStatus::Preliminary => UiKey::ValueStatusPreliminary,
        }
    }

    /// The UI string that starts a table's note on a value with the status.
    pub fn table_note(self) -> UiKey {
        match self {
            ValueStatus::Measured => UiKey::TableNoteMeasured,
            ValueStatus::Derived => UiKey::TableNoteDerived,
            ValueStatus::Estimated => UiKey::TableNoteEstimated,
            ValueStatus::Preliminary => UiKey::TableNotePreliminary,
        }
    }
}

/// A row of an indicator's table: what heads it, and its figures in the
/// order of the columns.
pub struct TableRow<'a> {
    pub head: RowHead<'a>,
    pub figures: Vec<&'a Figure>,
}

/// What heads a table row: a year, or a category.
pub enum RowHead<'a> {
    Year(i32),
    Category(&'a Category),
}

impl Data {
    /// The figures as a table: a row per year with a column per series, or a
    /// row per category with one column (the year).
    pub fn rows(&self) -> Vec<TableRow<'_>> {
        match self {
            Data::Years { years, series } => years
                .iter()
                .enumerate()
                .map(|(i, &y)| TableRow {
                    head: RowHead::Year(y),
                    figures: series.iter().filter_map(|s| s.values.get(i)).collect(),
                })
                .collect(),
            Data::Categories { categories, .. } => {
                categories.iter().map(|c| TableRow { head: RowHead::Category(c), figures: vec![&c.value] }).collect()
            }
        }
    }

    /// The heads of the table's value columns in `lang`: the series' names,
    /// or the year of the comparison.
    pub fn columns(&self, lang: Lang) -> Vec<String> {
        match self {
            Data::Years { series, .. } => series.iter().map(|s| s.name.tr(lang).to_owned()).collect(),
            Data::Categories { year, .. } => vec![year.to_string()],
        }
    }

    /// The UI string that names the table's row heads ("year", "category").
    /// The first and last year the data covers.
    pub fn period(&self) -> Option<(i32, i32)> {
        match self {
            Data::Years { years, .. } => Some((*years.iter().min()?, *years.iter().max()?)),
            Data::Categories { year, .. } => Some((*year, *year)),
        }
    }

    pub fn corner_key(&self) -> UiKey {
        match self {
            Data::Years { .. } => UiKey::Year,
            Data::Categories { .. } => UiKey::Category,
        }
    }
}
