//! The typed content of a site: programmes with their goals and indicators,
//! Markdown documents per language and free pages, as loaded from `content/`.
//! Values that validation may complain about keep their source span.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use toml::Spanned;

use crate::text::Text;

/// Everything under `content/`.
#[derive(Debug, Default)]
pub struct Content {
    /// The home page's introduction per language (`content/_index.<lang>.md`).
    pub home: BTreeMap<String, MarkdownDoc>,
    pub programmes: Vec<Programme>,
    pub pages: Vec<Page>,
}

impl Content {
    /// How many files the content was read from.
    pub fn file_count(&self) -> usize {
        let programmes: usize = self.programmes.iter().map(|p| 1 + p.narrative.len() + p.indicators.len()).sum();
        self.home.len() + programmes + self.pages.iter().map(|p| p.docs.len()).sum::<usize>()
    }
}

/// A text file as read, kept for error messages.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, e.g. `content/tillvaxt/programme.toml`.
    pub path: PathBuf,
    pub text: Arc<str>,
}

/// One Markdown file in one language. Only its front matter is kept: the body
/// is read again when it is rendered, so a large site never holds all its text.
#[derive(Debug, Clone)]
pub struct MarkdownDoc {
    /// Path relative to the site root.
    pub path: PathBuf,
    pub lang: String,
    pub front: FrontMatter,
    /// Byte offset of the Markdown body in the file (after the front matter).
    pub body_offset: usize,
}

impl MarkdownDoc {
    /// Reads the file again (for rendering).
    pub fn read(&self, root: &std::path::Path) -> Result<SourceFile, crate::diagnostics::Diagnostic> {
        let text = crate::toml_doc::read_text(root, &self.path)?;
        if text.len() < self.body_offset || !text.is_char_boundary(self.body_offset) {
            let message = "the file changed while the site was being built";
            return Err(crate::diagnostics::Diagnostic::error(&self.path, message).with_hint("build again"));
        }
        Ok(SourceFile { path: self.path.clone(), text: text.into() })
    }
}

/// TOML between `+++` lines at the top of a Markdown file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub slug: Option<String>,
    pub description: Option<String>,
    /// Lists the page in the footer, at this position (smaller first). Pages
    /// without it are reached through links only.
    pub order: Option<i64>,
}

/// A free page (`content/om.sv.md` + `content/om.en.md`).
#[derive(Debug, Clone)]
pub struct Page {
    /// Language-neutral path under `content/`, as links write it: `om.md`, `info/kontakt.md`.
    pub key: String,
    pub docs: BTreeMap<String, MarkdownDoc>,
}

/// A programme: a folder under `content/` with a `programme.toml`.
#[derive(Debug, Clone)]
pub struct Programme {
    /// The folder name, e.g. `tillvaxt`.
    pub id: String,
    pub file: SourceFile,
    pub data: ProgrammeFile,
    /// `_index.<lang>.md` in the programme's folder.
    pub narrative: BTreeMap<String, MarkdownDoc>,
    pub indicators: Vec<Indicator>,
}

/// The contents of `programme.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeFile {
    pub title: Spanned<Text>,
    pub slug: Option<Spanned<Text>>,
    #[serde(default)]
    pub order: i64,
    pub summary: Option<Spanned<Text>>,
    pub no_goals_note: Option<Spanned<Text>>,
    #[serde(default, rename = "goal")]
    pub goals: Vec<Goal>,
}

/// A goal (delmål) of a programme.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: Spanned<String>,
    pub slug: Option<Spanned<Text>>,
    pub title: Spanned<Text>,
    /// The target statement ("Umeå har 200 000 invånare år 2050.").
    pub target: Spanned<Text>,
    /// Ids of indicators that follow the goal up.
    #[serde(default)]
    pub indicators: Vec<Spanned<String>>,
    #[serde(default, rename = "assessment")]
    pub assessments: Vec<Assessment>,
}

impl Goal {
    /// The assessment made for `year`, if any.
    pub fn assessment_for(&self, year: i32) -> Option<&Assessment> {
        self.assessments.iter().find(|a| *a.year.get_ref() == year)
    }
}

/// One year's assessment of a goal.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub year: Spanned<i32>,
    /// An id from the scale in `site.toml`.
    pub status: Spanned<String>,
    pub motivation: Option<Spanned<Text>>,
}

/// An indicator: `content/<programme>/indicators/<id>.toml`.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// The file name without `.toml`.
    pub id: String,
    pub file: SourceFile,
    pub data: IndicatorFile,
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
    pub target: Option<Spanned<Target>>,
    /// Overrides the chart kind that follows from the data.
    pub chart: Option<Spanned<String>>,
    /// Time series: the years, and one `[[series]]` per line.
    pub years: Option<Spanned<Vec<Spanned<i32>>>>,
    #[serde(default)]
    pub series: Vec<Series>,
    /// Comparison by category: the year compared, and one `[[category]]` per bar.
    pub year: Option<Spanned<i32>>,
    #[serde(default, rename = "category")]
    pub categories: Vec<Category>,
}

impl IndicatorFile {
    /// Every value of the indicator (gaps left out), then its target.
    pub fn values(&self) -> impl Iterator<Item = f64> + '_ {
        let series = self.series.iter().flat_map(|s| s.values.get_ref().iter().filter_map(|v| v.get_ref().0));
        let categories = self.categories.iter().filter_map(|c| c.value.get_ref().0);
        series.chain(categories).chain(self.target.as_ref().map(|t| t.get_ref().value))
    }

    /// How many decimals (at most 2) its values are shown with: as many as the
    /// most precise value needs, so one indicator's numbers line up.
    pub fn decimals(&self) -> usize {
        self.values().map(|v| crate::numbers::decimals_needed(v, 2)).max().unwrap_or(0)
    }
}

/// One line of a time series.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub name: Spanned<Text>,
    pub values: Spanned<Vec<Spanned<DataValue>>>,
    /// The home series: the one the target and the summary's distance to it refer to.
    #[serde(default)]
    pub highlight: bool,
}

/// One bar of a comparison by category.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
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
pub struct Target {
    pub value: f64,
    pub year: i32,
    pub label: Option<Text>,
}

/// A number, or no value (`"-"`) for a gap in a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DataValue(pub Option<f64>);

impl<'de> Deserialize<'de> for DataValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DataValueVisitor)
    }
}

struct DataValueVisitor;

impl Visitor<'_> for DataValueVisitor {
    type Value = DataValue;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number (like 12.5), or \"-\" for a year without a value")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<DataValue, E> {
        Ok(DataValue(Some(v as f64)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<DataValue, E> {
        Ok(DataValue(Some(v as f64)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<DataValue, E> {
        if v.is_finite() {
            Ok(DataValue(Some(v)))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<DataValue, E> {
        match v.trim() {
            "-" | "–" | "" => Ok(DataValue(None)),
            _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }
}
