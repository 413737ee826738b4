//! `site.toml` as written: the site's languages, base URL, report year,
//! assessment scale, theme, footer, downloads, search and accessibility
//! statement, read into a [`SiteConfig`] that keeps the source spans
//! `validate` points at.

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::Diagnostic;
use crate::locale::{Lang, Text};
use crate::model::{AssessmentKind, Conformance, MissingTranslation, RawHtml};
use crate::source::Source;

/// The file name of a site's configuration, at the site root.
pub const CONFIG_FILE: &str = "site.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The public URL of the site's root folder, e.g. `https://www.umea.se/uppfoljning/`.
    pub base_url: Spanned<String>,
    #[serde(default = "default_theme")]
    pub theme: Spanned<String>,
    /// The year whose assessments the overview shows.
    pub report_year: i32,
    /// The site's languages; the first is the default.
    pub languages: Spanned<Vec<LanguageEntry>>,
    pub title: Spanned<Text>,
    pub description: Spanned<Text>,
    /// The assessment scale, from best to worst.
    pub scale: Spanned<Vec<ScaleStepEntry>>,
    #[serde(default)]
    pub footer: FooterSection,
    #[serde(default)]
    pub branding: BrandingSection,
    /// The data catalogue (DCAT-AP-SE, for dataportal.se) and the data's licence.
    pub open_data: Option<OpenDataSection>,
    #[serde(default)]
    pub check: CheckRules,
    #[serde(default)]
    pub downloads: DownloadsSection,
    #[serde(default)]
    pub search: SearchSection,
    /// The accessibility statement, published as a page of its own.
    pub accessibility: Option<AccessibilitySection>,
}

/// `[accessibility]`: what the accessibility statement (tillgänglighetsredogörelse)
/// must say: conformance, known shortcomings, how to report, supervision, date and method.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessibilitySection {
    pub slug: Spanned<Text>,
    pub status: Conformance,
    /// The date the statement was written or last reviewed.
    pub statement_date: Spanned<toml::value::Datetime>,
    /// How to report a problem or ask for content in another form.
    pub contact: Spanned<Text>,
    pub contact_url: Option<Spanned<String>>,
    #[serde(default)]
    pub shortcomings: Vec<Spanned<Text>>,
    /// How the site was assessed.
    pub method: Spanned<Text>,
    /// The supervisory authority, and where to reach it.
    pub supervisor: Spanned<Text>,
    pub supervisor_url: Spanned<String>,
}

/// `[branding]`: the organisation's logo and accent colour.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrandingSection {
    /// An SVG file in the site folder, shown in the header (`logo.svg`).
    pub logo: Option<Spanned<String>>,
    /// What the logo says, per language (required with a logo).
    pub logo_alt: Option<Spanned<Text>>,
    /// The colour of links, the menu's border and the overview's cards (`#0b5a8a`).
    pub accent: Option<Spanned<String>>,
}

/// `[open_data]`: what the data catalogue says about the data and who
/// publishes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenDataSection {
    /// The data files' licence: `CC0-1.0` or `CC-BY-4.0`.
    pub licence: Spanned<String>,
    /// Where to ask about the data.
    pub contact_email: Spanned<String>,
    /// The organisation number (`212000-0000`): the publisher then gets the
    /// address dataportal.se recommends.
    pub organisation_number: Option<Spanned<String>>,
    /// The kind of publisher (ADMS publisher type), `LocalAuthority` unless said.
    pub publisher_type: Option<Spanned<String>>,
    /// The EU data themes of every dataset (`GOVE`, `ENVI`, …), unless a
    /// programme names its own.
    #[serde(default)]
    pub themes: Vec<Spanned<String>>,
    /// The date the data was published.
    pub published: Option<Spanned<toml::value::Datetime>>,
}

/// `[downloads]`: which files the site offers besides CSV, JSON and SVG.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DownloadsSection {
    /// Every chart as a PNG too (for slides). Drawing them takes most of a
    /// build's time on a large site, so it is a choice.
    #[serde(default)]
    pub png: bool,
}

/// `[search]`: a search page per language and a search field on every page,
/// with a static index built by Pagefind.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchSection {
    /// Off unless asked for: search runs Pagefind's WebAssembly in the
    /// reader's browser, which the host's Content-Security-Policy must allow
    /// (`script-src 'self' 'wasm-unsafe-eval'`), and indexing takes time.
    #[serde(default)]
    pub enabled: bool,
}

/// `[check]`: how strict the site is about what editors write.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRules {
    /// `"warn"` (default): raw HTML in Markdown is a warning; `"forbid"`: an error.
    #[serde(default)]
    pub raw_html: RawHtml,
    /// `"error"` (default): a page (Markdown file) without a translation stops
    /// the build; `"warn"`: it is a warning, and the page shows the text in
    /// another language, marked with that language and saying so. Titles and
    /// labels must always be translated.
    #[serde(default)]
    pub missing_translation: MissingTranslation,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageEntry {
    pub code: Spanned<String>,
    /// The language's name in itself (`Svenska`, `English`), used by the language switch.
    pub name: String,
}

/// One step of the assessment scale (`ja`, `delvis`, `nej`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleStepEntry {
    pub id: Spanned<String>,
    pub kind: AssessmentKind,
    pub label: Spanned<Text>,
    pub description: Option<Spanned<Text>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FooterSection {
    pub organisation: Option<Spanned<Text>>,
    pub website: Option<Spanned<String>>,
    pub email: Option<Spanned<String>>,
    pub phone: Option<Spanned<String>>,
    pub address: Option<Spanned<Text>>,
}

fn default_theme() -> Spanned<String> {
    Spanned::new(0..0, "default".into())
}

/// The first language of the site at `root`, if its `site.toml` names one
/// (read on its own, before anything is checked: for choosing the language
/// goalsite speaks).
pub fn first_language(root: &Path) -> Option<Lang> {
    let text = std::fs::read_to_string(root.join(CONFIG_FILE)).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    let first = table.get("languages")?.as_array()?.first()?;
    Lang::new(first.get("code")?.as_str()?)
}

/// The theme named in the `site.toml` at `root` (`default` when it names
/// none), if the file can be read: for commands that need no more of it.
pub fn theme_name(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join(CONFIG_FILE)).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    Some(table.get("theme").and_then(|t| t.as_str()).unwrap_or("default").to_owned())
}

impl SiteConfig {
    /// What is wrong with the list of languages: none, one twice, a code that
    /// is not a code. Every other file depends on it, so the pass stops here
    /// when there is something.
    pub fn language_problems(&self, source: &Arc<Source>) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        if self.languages.get_ref().is_empty() {
            problems.push(Diagnostic::error_at(source, self.languages.span(), msg!(NoLanguages)));
        }
        let mut seen = std::collections::HashSet::new();
        for l in self.languages.get_ref() {
            let code = l.code.get_ref();
            if !seen.insert(code.clone()) {
                problems.push(Diagnostic::error_at(source, l.code.span(), msg!(LanguageTwice, code = code)));
            }
            if Lang::new(code).is_none() {
                let d = Diagnostic::error_at(source, l.code.span(), msg!(LanguageCode));
                problems.push(d.with_hint(msg!(LanguageCodeHint, code = code.to_lowercase())));
            }
        }
        problems
    }

    /// Reads `root/site.toml`; also returns its text, for error positions.
    pub fn load(root: &Path) -> Result<(SiteConfig, Arc<Source>), Diagnostic> {
        let rel = Path::new(CONFIG_FILE);
        if !root.join(rel).is_file() {
            return Err(Diagnostic::error(rel, msg!(NoConfig, folder = root)).with_hint(msg!(NoConfigHint)));
        }
        let source = crate::toml_file::read(root, rel)?;
        Ok((crate::toml_file::parse(&source)?, source))
    }

    /// The language codes in order (those that are codes: the others are
    /// [`SiteConfig::language_problems`]); the first is the default language.
    pub fn langs(&self) -> Vec<Lang> {
        self.languages.get_ref().iter().filter_map(|l| Lang::new(l.code.get_ref())).collect()
    }
}
