//! The validated site, as render sees it: programmes, goals with their
//! assessments, indicators with their series, pages and settings. No source
//! spans, closed sets as enums, and every cross-reference resolved to an id.
//! `validate` builds it from what `load` read.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::formats::{Slug, Year, STILL_VALID};
use crate::locale::{Lang, Text};
use crate::source::{fingerprint, Source, Stamp};

mod data;
mod settings;

pub use data::{Category, Data, Figure, RowHead, Series, TableRow, ValueStatus};
pub use settings::{
    AccessibilityStatement, AssessmentKind, Branding, Cms, CmsBackend, Conformance, Footer, Language, Licence, Logo,
    MissingTranslation, OpenData, RawHtml, ScaleStep, Settings,
};

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
    /// Which edition of the report this is.
    pub edition: Edition,
}

/// Which edition of the report a site is: the current one, or an earlier
/// year's, rebuilt from its archived sources.
#[derive(Debug, Clone, Default)]
pub struct Edition {
    pub archived: bool,
    /// The day an archived edition was published (`2025-04-15`).
    pub published: Option<String>,
    /// The years of the site's earlier editions, oldest first.
    pub earlier: Vec<i32>,
    /// Changes to an archived edition after it was published: the day and
    /// what was corrected.
    pub corrections: Vec<(String, Text)>,
}

impl Site {
    /// Where the edition's pages and files are under the site root: at the
    /// root for the current edition, under its year for an earlier one
    /// (`2024/`).
    pub fn path_prefix(&self) -> String {
        match self.edition.archived {
            true => format!("{}/", self.settings.report_year),
            false => String::new(),
        }
    }
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
        let docs = self.home.values().chain(narratives).chain(self.pages.iter().flat_map(|p| p.docs.values()));
        docs.map(|d| &**d)
    }
}

/// One Markdown document per language, by language code (boxed: a map
/// keeps room for eleven, and most pages have two or three).
pub type Docs = BTreeMap<Lang, Box<Doc>>;

/// One Markdown file in one language: read whole, its front matter parsed
/// and its body's fingerprint taken, then its front matter only (or, when
/// the build cache knows the file unchanged, never read whole), its body
/// read again when a page showing it is rendered (and checked to be what it
/// was), so that a large site's texts are not all held at once.
#[derive(Debug, Clone)]
pub struct Doc {
    pub lang: Lang,
    /// The file as read (front matter included), for rendering and error
    /// positions: the whole of it, or the part before its body.
    pub source: Arc<Source>,
    /// Byte offset of the Markdown body in the file (after the front matter).
    pub body_offset: usize,
    pub front: FrontMatter,
    /// A fingerprint of the body: what the pages showing it are made from.
    pub body_hash: u128,
    /// The file's stamp when it was read, once it had settled (what the
    /// build cache keeps, to know it unchanged next time).
    pub stamp: Option<Stamp>,
    /// When `source` holds the part before the body only: the folder the
    /// file's path is under, to read the whole file from (one for all the
    /// files of a load).
    read_from: Option<Arc<Path>>,
}

impl Doc {
    /// The document read from `source`, whose body starts at `body_offset`.
    pub fn new(lang: Lang, source: Arc<Source>, body_offset: usize, front: FrontMatter) -> Doc {
        let body_hash = fingerprint(&source.text.as_bytes()[body_offset..]);
        Doc { lang, source, body_offset, front, body_hash, stamp: None, read_from: None }
    }

    /// The document of the file `head.path` under `root`, known from an
    /// earlier reading (with the file's `stamp` then): `head` holds its text
    /// up to the body, whose fingerprint is `body_hash`; the body is read
    /// when it is asked for.
    pub fn known(
        lang: Lang,
        root: &Arc<Path>,
        head: Arc<Source>,
        front: FrontMatter,
        (body_hash, stamp): (u128, Stamp),
    ) -> Doc {
        let read_from = Some(Arc::clone(root));
        Doc { lang, body_offset: head.text.len(), source: head, front, body_hash, stamp: Some(stamp), read_from }
    }

    /// Lets go of the body (the file is under `root`): from now on it is read
    /// when asked for. The front matter stays, for what is shown of the page
    /// elsewhere and for error positions in it.
    pub fn release(&mut self, root: &Arc<Path>) {
        if self.read_from.is_some() {
            return;
        }
        let head = self.source.text.get(..self.body_offset).unwrap_or_default().to_owned();
        self.source = Arc::new(Source::new(&self.source.path, head));
        self.read_from = Some(Arc::clone(root));
    }

    /// The whole file. A released or known file is read now, and must still
    /// be what it was: otherwise it changed while the site was being built.
    pub fn whole(&self) -> Result<Arc<Source>, Diagnostic> {
        match &self.read_from {
            Some(root) => self.read_whole(root),
            None => Ok(Arc::clone(&self.source)),
        }
    }

    /// The Markdown after the front matter.
    pub fn body(&self) -> Result<String, Diagnostic> {
        self.whole().map(|source| source.text[self.body_offset..].to_owned())
    }

    fn read_whole(&self, root: &Path) -> Result<Arc<Source>, Diagnostic> {
        let path = &self.source.path;
        let whole = Source::read(root, path).ok().filter(|whole| {
            whole.text.get(..self.body_offset) == Some(self.source.text.as_str())
                && fingerprint(&whole.text.as_bytes()[self.body_offset..]) == self.body_hash
        });
        whole.map(Arc::new).ok_or_else(|| changed_while_building(path))
    }
}

/// The error of a file known unchanged that is not what it was.
pub fn changed_while_building(path: &Path) -> Diagnostic {
    Diagnostic::error(path, msg!(FileChangedWhileBuilding)).with_hint(msg!(FileChangedWhileBuildingHint))
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
    #[schemars(title = en_sv!("Title", "Rubrik"))]
    pub title: Option<String>,
    #[schemars(with = "Option<Slug>")]
    #[schemars(description = en_sv!(
        "The last part of the address (default: the file name)",
        "Sista delen av adressen (standard: filnamnet)"
    ))]
    #[schemars(title = en_sv!("Address", "Adress"))]
    pub slug: Option<String>,
    #[schemars(description = en_sv!(
        "One sentence for search engines and link previews",
        "En mening för sökmotorer och länkförhandsvisningar"
    ))]
    #[schemars(title = en_sv!("Description", "Beskrivning"))]
    pub description: Option<String>,
    /// Lists the page in the footer, at this position (smaller first). Pages
    /// without it are reached through links only.
    #[schemars(description = en_sv!(
        "Lists the page in the footer, at this position; pages without it are reached through links only",
        "Visar sidan i sidfoten, på denna plats; sidor utan den nås bara via länkar"
    ))]
    #[schemars(title = en_sv!("Place in the footer", "Plats i sidfoten"))]
    pub order: Option<i64>,
    /// The report year for which the text was read and found still true,
    /// though unchanged since the last edition.
    #[schemars(with = "Option<Year>", description = STILL_VALID)]
    #[schemars(title = en_sv!("Still valid in", "Fortfarande giltig år"))]
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
    /// A fingerprint of `programme.toml` as it was read (the build cache's).
    pub fingerprint: u128,
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
    /// Where its address is written in its programme's file: its `slug`, or
    /// its `id` without one.
    pub written_at: (Arc<Source>, Range<usize>),
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
    /// Why it differs from what an earlier edition published.
    pub correction: Option<Text>,
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
    /// What its zero means: nothing (a count, an amount), or a point on a
    /// scale (a difference from a baseline).
    pub scale: ValueScale,
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

/// What an indicator's values measure from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(inline)]
pub enum ValueScale {
    // From a true zero (a count, an amount, a share): a change can be a per cent of the start.
    #[default]
    Ratio,
    // From a chosen baseline (a temperature's deviation from a normal, an
    // index difference): zero is not "none", so no change is a per cent.
    Interval,
}
