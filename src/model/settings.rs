//! The site's settings from `site.toml`, checked: languages, address,
//! report year, the assessment scale, branding, footer, open data and the
//! accessibility statement.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::locale::{Lang, Text};

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
    /// The browser editor published at `/admin/` (`[cms]`); none: not published.
    pub cms: Option<Cms>,
}

/// The browser editor published with the site, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cms {
    /// Where it saves; none: `/admin/` says it is not connected yet.
    pub backend: Option<CmsBackend>,
    /// Every change a merge request that someone approves (Decap's editorial workflow).
    pub review: bool,
}

/// The git host the published editor saves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CmsBackend {
    /// `gitlab` or `github`, as Decap CMS names them.
    pub name: &'static str,
    /// `group/project`.
    pub repo: String,
    pub branch: String,
    /// GitLab: the server (none: gitlab.com); GitHub: the OAuth proxy.
    pub base_url: Option<String>,
    /// GitLab: the OAuth application's id (PKCE login).
    pub app_id: Option<String>,
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
