//! The shapes of the TOML files under `content/` as editors write them
//! (`programme.toml`, `indicators/<id>.toml`, `assessments/<year>.toml`).
//! Values that validation may complain about keep their source span;
//! `validate` turns these into the span-free [`crate::model`].

use std::collections::BTreeMap;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

use crate::locale::Text;
use crate::model::{ChartKind, ValueScale, ValueStatus};

/// The contents of `programme.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeFile {
    pub title: Spanned<Text>,
    /// A short title for the menu, when the title is long.
    pub menu_title: Option<Spanned<Text>>,
    pub slug: Option<Spanned<Text>>,
    #[serde(default)]
    pub order: i64,
    pub summary: Option<Spanned<Text>>,
    pub no_goals_note: Option<Spanned<Text>>,
    /// EU data themes of the programme's indicators (`ENVI`), for the data catalogue.
    #[serde(default)]
    pub data_themes: Vec<Spanned<String>>,
    #[serde(default, rename = "goal")]
    pub goals: Vec<GoalEntry>,
    /// The report year for which the file's texts (summary, notes) were
    /// read and found still true, though unchanged since the last edition
    /// (the editions check reads it with the texts, from the file itself).
    #[allow(dead_code)]
    pub still_valid: Option<Spanned<i32>>,
}

/// A goal (delmål) of a programme.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalEntry {
    pub id: Spanned<String>,
    pub slug: Option<Spanned<Text>>,
    pub title: Spanned<Text>,
    /// The target statement ("Umeå har 200 000 invånare år 2050.").
    pub target: Spanned<Text>,
    /// Ids of indicators that follow the goal up.
    #[serde(default)]
    pub indicators: Vec<Spanned<String>>,
    /// `[[goal.assessment]]`, the old place of assessments: read only to
    /// explain where they go now.
    #[serde(rename = "assessment")]
    pub old_assessments: Option<Spanned<Vec<toml::Table>>>,
}

/// `assessments/<year>.toml`: one table per goal, named by the goal's id.
pub type AssessmentsFile = BTreeMap<Spanned<String>, Spanned<AssessmentEntry>>;

/// One goal's assessment in a year's file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentEntry {
    /// An id from the scale in `site.toml`.
    pub status: Spanned<String>,
    pub motivation: Option<Spanned<Text>>,
    /// Why an assessment of an earlier, published year was changed: shown
    /// with it in both editions. Without it, such a change is an error.
    pub correction: Option<Spanned<Text>>,
}

/// The contents of an indicator file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorFile {
    pub title: Spanned<Text>,
    pub slug: Option<Spanned<Text>>,
    pub unit: Option<Spanned<Text>>,
    pub source: Spanned<Text>,
    pub definition: Option<Spanned<Text>>,
    pub note: Option<Spanned<Text>>,
    /// True when the figures are examples, not official data.
    #[serde(default)]
    pub example_data: bool,
    /// Where the indicator comes among its programme's (smaller first).
    pub order: Option<i64>,
    /// The name the report gives it, like "Diagram 1".
    pub label: Option<Spanned<Text>>,
    /// How many decimals its values are shown with.
    pub decimals: Option<Spanned<u8>>,
    pub target: Option<Spanned<TargetEntry>>,
    /// Overrides the chart kind that follows from the data.
    pub chart: Option<Spanned<ChartKind>>,
    /// `interval` when the values are differences from a baseline.
    #[serde(default)]
    pub scale: ValueScale,
    /// Time series: the years, and one `[[series]]` per line.
    pub years: Option<Spanned<Vec<Spanned<i32>>>>,
    #[serde(default)]
    pub series: Vec<SeriesEntry>,
    /// Comparison by category: the year compared, and one `[[category]]` per bar.
    pub year: Option<Spanned<i32>>,
    #[serde(default, rename = "category")]
    pub categories: Vec<CategoryEntry>,
    /// The report year for which the file's texts (source, note) were read
    /// and found still true, though unchanged since the last edition (the
    /// editions check reads it with the texts, from the file itself).
    #[allow(dead_code)]
    pub still_valid: Option<Spanned<i32>>,
}

/// One line of a time series.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesEntry {
    pub name: Spanned<Text>,
    pub values: Spanned<Vec<Spanned<DataValue>>>,
    /// The home series: the one the target and the summary's distance to it refer to.
    #[serde(default)]
    pub highlight: bool,
}

/// One bar of a comparison by category.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryEntry {
    pub name: Spanned<Text>,
    pub value: Spanned<DataValue>,
    /// The home municipality.
    #[serde(default)]
    pub highlight: bool,
    /// The national value (Riket), set apart.
    #[serde(default)]
    pub national: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetEntry {
    pub value: f64,
    pub year: i32,
    pub label: Option<Text>,
}

/// A number, or no value (`"-"`) for a gap in a series; or a table that
/// also says what kind of figure it is: `{ value = 427, status = "derived",
/// note = { sv = "…", en = "…" } }`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DataValue {
    pub value: Option<f64>,
    pub status: ValueStatus,
    pub note: Option<Text>,
}

impl<'de> Deserialize<'de> for DataValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DataValueVisitor)
    }
}

/// The table form of a value.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkedValue {
    value: Number,
    #[serde(default)]
    status: ValueStatus,
    note: Option<Text>,
}

/// A bare number or gap, inside the table form.
struct Number(Option<f64>);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BareValueVisitor).map(Number)
    }
}

/// A number or a gap, but not a table: the value inside a value's table.
struct BareValueVisitor;

impl<'de> Visitor<'de> for BareValueVisitor {
    type Value = Option<f64>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number (like 12.5), or \"-\" for a year without a value")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<f64>, E> {
        DataValueVisitor.visit_i64(v).map(|d| d.value)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<f64>, E> {
        DataValueVisitor.visit_u64(v).map(|d| d.value)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<f64>, E> {
        DataValueVisitor.visit_f64(v).map(|d| d.value)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<f64>, E> {
        DataValueVisitor.visit_str(v).map(|d| d.value)
    }
}

struct DataValueVisitor;

impl<'de> Visitor<'de> for DataValueVisitor {
    type Value = DataValue;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number (like 12.5), \"-\" for a year without a value, or { value = 12.5, status = \"derived\" }")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<DataValue, E> {
        Ok(DataValue { value: Some(v as f64), ..DataValue::default() })
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<DataValue, E> {
        Ok(DataValue { value: Some(v as f64), ..DataValue::default() })
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<DataValue, E> {
        if v.is_finite() {
            Ok(DataValue { value: Some(v), ..DataValue::default() })
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<DataValue, E> {
        match v.trim() {
            "-" | "–" | "" => Ok(DataValue::default()),
            _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DataValue, A::Error> {
        let marked = MarkedValue::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(DataValue { value: marked.value.0, status: marked.status, note: marked.note })
    }
}
