//! The validated site, as render sees it: programmes, goals with their
//! assessments, indicators with their series, pages and settings. No source
//! spans, closed sets as enums, and every cross-reference resolved to an id.
//! `validate` builds it from what `load` read.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::formats::{Slug, Year, STILL_VALID};
use crate::locale::{Lang, Text};
use crate::source::Source;

mod data;

pub use data::{Category, Data, Figure, RowHead, Series, TableRow, ValueStatus};

/// Everything a site is made of, checked.
#[derive(Debug, Default)]
pub struct Site {
    pub settings: Settings,
    /// The home page's introduction per language (`content/_index.<lang>.md`).
    pub home: Docs,
    /// In the order of their `order`, then their folder name.
    pub programmes: Vec<Programme>,
    /// Every goal, programme by programme, in the order of `programme.toml`.
    pub goals: Vec<Goal>,
    /// Every indicator, programme by programme, in file-name order.
    pub indicators: Vec<Indicator>,
    pub pages: Vec<Page>,
    /// Content files that could not be read or parsed (already reported):
    /// links to them are not reported again.
    pub unread: Vec<PathBuf>,
}

/// A programme's place in [`Site::programmes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProgrammeId(pub usize);

/// A goal's place in [`Site::goals`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GoalId(pub usize);

/// An indicator's place in [`Site::indicators`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IndicatorId(pub usize);

/// A free page's place in [`Site::pages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageId(pub usize);

impl Site {
    pub fn programme(&self, id: ProgrammeId) -> &Programme {
        &self.programmes[id.0]
    }

    pub fn goal(&self, id: GoalId) -> &Goal {
        &self.goals[id.0]
    }

    pub fn indicator(&self, id: IndicatorId) -> &Indicator {
        &self.indicators[id.0]
    }

    pub fn page(&self, id: PageId) -> &Page {
        &self.pages[id.0]
    }

    /// Every Markdown document of the site.
    pub fn docs(&self) -> impl Iterator<Item = &Doc> {
        let narratives = self.programmes.iter().flat_map(|p| p.narrative.values());
        self.home.values().chain(narratives).chain(self.pages.iter().flat_map(|p| p.docs.values()))
    }
}

/// One Markdown document per language, by language code.
pub type Docs = BTreeMap<Lang, Doc>;

/// One Markdown file in one language, read once.
#[derive(Debug, Clone)]
pub struct Doc {
    pub lang: Lang,
    /// The whole file (front matter included), for rendering and error positions.
    pub source: Arc<Source>,
    /// Byte offset of the Markdown body in the file (after the front matter).
    pub body_offset: usize,
    pub front: FrontMatter,
}

impl Doc {
    /// The Markdown after the front matter.
    pub fn body(&self) -> &str {
        &self.source.text[self.body_offset..]
    }
}

/// TOML between `+++` lines at the top of a Markdown file.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = en_sv!(
    "A page's header: the TOML between two lines holding +++ at the top of a Markdown file",
    "Sidans sidhuvud: TOML mellan två rader med +++ överst i en Markdown-fil"
))]
pub struct FrontMatter {
    #[schemars(description = en_sv!(
        "The page's heading; required for the home page and free pages",
        "Sidans rubrik; krävs för startsidan och fria sidor"
    ))]
    pub title: Option<String>,
    #[schemars(with = "Option<Slug>")]
    #[schemars(description = en_sv!(
        "The last part of the address (default: the file name)",
        "Sista delen av adressen (standard: filnamnet)"
    ))]
    pub slug: Option<String>,
    #[schemars(description = en_sv!(
        "One sentence for search engines and link previews",
        "En mening för sökmotorer och länkförhandsvisningar"
    ))]
    pub description: Option<String>,
    /// Lists the page in the footer, at this position (smaller first). Pages
    /// without it are reached through links only.
    #[schemars(description = en_sv!(
        "Lists the page in the footer, at this position; pages without it are reached through links only",
        "Visar sidan i sidfoten, på denna plats; sidor utan den nås bara via länkar"
    ))]
    pub order: Option<i64>,
    /// The report year for which the text was read and found still true,
    /// though unchanged since the last edition.
    #[schemars(with = "Option<Year>", description = STILL_VALID)]
    pub still_valid: Option<i32>,
}

/// A free page (`content/om.sv.md` + `content/om.en.md`).
#[derive(Debug, Clone)]
pub struct Page {
    /// Language-neutral path under `content/`, as links write it: `om.md`, `info/kontakt.md`.
    pub key: String,
    pub docs: Docs,
}

/// A programme: a folder under `content/` with a `programme.toml`.
#[derive(Debug, Clone)]
pub struct Programme {
    /// The folder name, e.g. `tillvaxt`.
    pub id: String,
    /// `programme.toml`, relative to the site root.
    pub file: PathBuf,
    pub title: Text,
    /// The title in the menu (the title itself when none is given).
    pub menu_title: Option<Text>,
    pub slug: Option<Text>,
    pub summary: Option<Text>,
    pub no_goals_note: Option<Text>,
    /// EU data themes of its indicators in the data catalogue (empty: the site's).
    pub data_themes: Vec<String>,
    /// `_index.<lang>.md` in the programme's folder.
    pub narrative: Docs,
    pub goals: Vec<GoalId>,
    pub indicators: Vec<IndicatorId>,
}

/// A goal (delmål) of a programme.
#[derive(Debug, Clone)]
pub struct Goal {
    pub id: String,
    pub programme: ProgrammeId,
    pub slug: Option<Text>,
    pub title: Text,
    /// The target statement ("Umeå har 200 000 invånare år 2050.").
    pub target: Text,
    /// The indicators that follow the goal up.
    pub indicators: Vec<IndicatorId>,
    /// In the order written.
    pub assessments: Vec<Assessment>,
}

impl Goal {
    /// The assessment made for `year`, if any.
    pub fn assessment_for(&self, year: i32) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.year == year)
    }
}

/// One year's assessment of a goal.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub year: i32,
    /// The step of the site's scale ([`Settings::scale`]).
    pub step: usize,
    pub motivation: Option<Text>,
}

/// An indicator: `content/<programme>/indicators/<id>.toml`.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// The file name without `.toml`.
    pub id: String,
    pub programme: ProgrammeId,
    /// The indicator's file, relative to the site root.
    pub file: PathBuf,
    pub title: Text,
    pub slug: Option<Text>,
    pub unit: Option<Text>,
    pub source: Text,
    pub definition: Option<Text>,
    pub note: Option<Text>,
    /// True when the figures are examples, not official data.
    pub example_data: bool,
    /// The name the report gives it, like "Diagram 1".
    pub label: Option<Text>,
    /// How many decimals its values are shown with, if the editor says.
    pub decimals: Option<usize>,
    pub target: Option<Target>,
    /// How it is drawn (asked for, or following from the data).
    pub chart: ChartKind,
    pub data: Data,
    /// The goals that list it.
    pub goals: Vec<GoalId>,
}

impl Indicator {
    /// Every figure of the indicator, gaps included (not its target).
    pub fn figures(&self) -> impl Iterator<Item = &Figure> + '_ {
        let figures: Box<dyn Iterator<Item = &Figure> + '_> = match &self.data {
            Data::Years { series, .. } => Box::new(series.iter().flat_map(|s| s.values.iter())),
            Data::Categories { categories, .. } => Box::new(categories.iter().map(|c| &c.value)),
        };
        figures
    }

    /// Every value of the indicator (gaps left out), then its target.
    pub fn values(&self) -> impl Iterator<Item = f64> + '_ {
        self.figures().filter_map(|f| f.value).chain(self.target.as_ref().map(|t| t.value))
    }
}

#[derive(Debug, Clone)]
pub struct Target {
    pub value: f64,
    pub year: i32,
    pub label: Option<Text>,
}

/// Which drawing an indicator gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(inline)]
pub enum ChartKind {
    Line,
    Bar,
    Hbar,
}

/// `site.toml`, checked.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The public URL of the site's root folder, ending in `/`.
    pub base_url: String,
    /// The year whose assessments the overview shows.
    pub report_year: i32,
    /// The first is the default language.
    pub languages: Vec<Language>,
    pub title: Text,
    pub description: Text,
    /// The assessment scale, from best to worst.
    pub scale: Vec<ScaleStep>,
    pub footer: Footer,
    pub branding: Branding,
    /// The data catalogue's settings; none: no catalogue.
    pub open_data: Option<OpenData>,
    pub raw_html: RawHtml,
    /// Charts are offered as PNG too.
    pub png_downloads: bool,
    /// A search page per language, a search field on every page and a
    /// Pagefind index.
    pub search: bool,
    pub accessibility: Option<AccessibilityStatement>,
}

impl Settings {
    /// The language codes in order; the first is the default language.
    pub fn langs(&self) -> Vec<Lang> {
        self.languages.iter().map(|l| l.code).collect()
    }

    /// The first language (a site has at least one, or it is never rendered).
    pub fn default_lang(&self) -> Lang {
        self.languages.first().map_or_else(|| Lang::known("en"), |l| l.code)
    }
}

#[derive(Debug, Clone)]
pub struct Language {
    pub code: Lang,
    /// The language's name in itself (`Svenska`, `English`), used by the language switch.
    pub name: String,
}

/// One step of the assessment scale (`ja`, `delvis`, `nej`).
#[derive(Debug, Clone)]
pub struct ScaleStep {
    pub id: String,
    pub kind: AssessmentKind,
    pub label: Text,
    pub description: Option<Text>,
}

/// What an assessment means, which the theme turns into colour and icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(inline, transform = crate::formats::plain_enum)]
pub enum AssessmentKind {
    Met,
    Partly,
    NotMet,
    /// Deliberately not assessed this year: neutral, neither good nor bad.
    NotAssessed,
}

impl AssessmentKind {
    /// How good the assessment is, for comparing years (higher is better);
    /// none for "not assessed", which cannot be compared.
    pub fn rank(self) -> Option<u8> {
        match self {
            AssessmentKind::Met => Some(2),
            AssessmentKind::Partly => Some(1),
            AssessmentKind::NotMet => Some(0),
            AssessmentKind::NotAssessed => None,
        }
    }

    /// The name templates use for it (`not-met`).
    pub fn as_str(self) -> &'static str {
        match self {
            AssessmentKind::Met => "met",
            AssessmentKind::Partly => "partly",
            AssessmentKind::NotMet => "not-met",
            AssessmentKind::NotAssessed => "not-assessed",
        }
    }
}

/// The organisation's logo and accent colour, checked.
#[derive(Debug, Clone, Default)]
pub struct Branding {
    pub logo: Option<Logo>,
    /// A colour `#rrggbb` with enough contrast against the theme's background.
    pub accent: Option<String>,
}

/// What the data catalogue says about the data and its publisher, checked.
#[derive(Debug, Clone)]
pub struct OpenData {
    pub licence: Licence,
    pub contact_email: String,
    /// The publisher's address: dataportal.se's for its organisation number,
    /// or one in the site's catalogue.
    pub publisher_iri: Option<String>,
    /// An ADMS publisher type (`LocalAuthority`).
    pub publisher_type: String,
    /// EU data theme codes (`GOVE`).
    pub themes: Vec<String>,
    /// `2026-11-27`.
    pub published: Option<String>,
}

/// The licences the data can be published under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Licence {
    Cc0,
    CcBy4,
}

impl Licence {
    /// Every licence, as `site.toml` may name it.
    pub const ALL: [Licence; 2] = [Licence::Cc0, Licence::CcBy4];

    /// The licence of this SPDX identifier, if it is one of [`Licence::ALL`].
    pub fn from_spdx(spdx: &str) -> Option<Licence> {
        Licence::ALL.into_iter().find(|l| l.spdx() == spdx)
    }

    pub fn iri(self) -> &'static str {
        match self {
            Licence::Cc0 => "http://creativecommons.org/publicdomain/zero/1.0/",
            Licence::CcBy4 => "http://creativecommons.org/licenses/by/4.0/",
        }
    }

    /// The SPDX identifier, as Data Packages name licences.
    pub fn spdx(self) -> &'static str {
        match self {
            Licence::Cc0 => "CC0-1.0",
            Licence::CcBy4 => "CC-BY-4.0",
        }
    }
}

/// The logo: a checked SVG file, and its text per language.
#[derive(Debug, Clone)]
pub struct Logo {
    pub svg: Vec<u8>,
    pub alt: Text,
}

#[derive(Debug, Clone, Default)]
pub struct Footer {
    pub organisation: Option<Text>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<Text>,
}

/// Whether raw HTML in Markdown is a warning or an error.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(inline)]
pub enum RawHtml {
    #[default]
    Warn,
    Forbid,
}

/// Whether a page without a translation stops the build.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(inline)]
pub enum MissingTranslation {
    #[default]
    Error,
    Warn,
}

/// The accessibility statement (tillgänglighetsredogörelse).
#[derive(Debug, Clone)]
pub struct AccessibilityStatement {
    pub slug: Text,
    pub status: Conformance,
    /// The date the statement was written or last reviewed (`2026-11-27`).
    pub date: String,
    pub contact: Text,
    pub contact_url: Option<String>,
    pub shortcomings: Vec<Text>,
    pub method: Text,
    pub supervisor: Text,
    pub supervisor_url: String,
}

/// How far the site conforms to the accessibility requirements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(inline)]
pub enum Conformance {
    Full,
    Partial,
    None,
}
