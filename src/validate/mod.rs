//! Validate: checks what `load` read and `site.toml` against each other
//! (translations, assessment ids, references, ids, years, data shapes),
//! reports every problem found, never only the first, and builds the
//! span-free [`Site`] that render reads.
//!
//! A site with errors is still built as far as it goes (invalid parts left
//! out), so that later checks can run and one run lists everything; it is
//! never rendered.

mod assessments;
mod cms;
mod docs;
mod indicator;
mod open_data;
mod programme;
mod published;
mod settings;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use toml::Spanned;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Problems, Severity};
use crate::editions::History;
use crate::formats::YEARS;
use crate::load::Loaded;
use crate::locale::{fill, mistyped_placeholders, Lang, Text, REPORT_YEAR};
use crate::messages::Message;
use crate::model::{MissingTranslation, Site};
use crate::source::Source;
use crate::text::{is_valid_slug, slugify};

/// Checks `config` (read from `config_source`) and `loaded`; returns the site
/// and every problem found.
pub fn validate(
    root: &Path,
    config: &SiteConfig,
    config_source: &Arc<Source>,
    loaded: Loaded,
    history: &History,
    problems: &mut Problems,
) -> Site {
    let langs = config.langs();
    let mut v = Validator {
        langs: &langs,
        // A wrong code in site.toml is one error there, not one per text.
        langs_ok: langs.len() == config.languages.get_ref().len(),
        missing_translation: config.check.missing_translation,
        report_year: config.report_year.to_string(),
        unread: loaded.failed.clone(),
        history,
        problems,
    };
    let mut settings = v.settings(config, config_source);
    settings.branding = v.branding(root, config, config_source);
    let mut site = Site { settings, ..Site::default() };
    let Loaded { mut home, programmes, mut pages, failed } = loaded;
    v.docs(&mut home, "_index.md", docs::Role::Home);
    site.home = home;
    v.programmes(&mut site, programmes, &failed);
    for page in &mut pages {
        v.docs(&mut page.docs, &page.key, docs::Role::Page);
        v.page_path(page);
    }
    site.pages = pages;
    site.unread = failed;
    site
}

/// Which text of a file a message is about (the catalogue names it in
/// each language: `site-title` is "the site title").
#[derive(Debug, Clone, Copy)]
struct What(&'static str);

impl What {
    pub const CATEGORY_NAME: What = What("category-name");
    pub const DEFINITION: What = What("definition");
    pub const FOOTER_ADDRESS: What = What("footer-address");
    pub const FOOTER_ORGANISATION: What = What("footer-organisation");
    pub const GOAL_TARGET: What = What("goal-target");
    pub const GOAL_TITLE: What = What("goal-title");
    pub const INDICATOR_TITLE: What = What("indicator-title");
    pub const LABEL: What = What("label");
    pub const LOGO_ALT: What = What("logo-alt");
    pub const MENU_TITLE: What = What("menu-title");
    pub const MOTIVATION: What = What("motivation");
    pub const NO_GOALS_NOTE: What = What("no-goals-note");
    pub const NOTE: What = What("note");
    pub const PROGRAMME_TITLE: What = What("programme-title");
    pub const SCALE_DESCRIPTION: What = What("scale-description");
    pub const SCALE_LABEL: What = What("scale-label");
    pub const SERIES_NAME: What = What("series-name");
    pub const SHORTCOMING: What = What("shortcoming");
    pub const SITE_DESCRIPTION: What = What("site-description");
    pub const SITE_TITLE: What = What("site-title");
    pub const SLUG: What = What("slug");
    pub const SOURCE: What = What("source");
    pub const STATEMENT_CONTACT: What = What("statement-contact");
    pub const STATEMENT_METHOD: What = What("statement-method");
    pub const SUMMARY: What = What("summary");
    pub const SUPERVISOR: What = What("supervisor");
    pub const TARGET_LABEL: What = What("target-label");
    pub const UNIT: What = What("unit");
    pub const VALUE_NOTE: What = What("value-note");
    pub const CORRECTION: What = What("correction");
}

/// Collects problems while the site is checked and converted.
struct Validator<'a> {
    langs: &'a [Lang],
    /// Every language code is valid: texts are checked for their languages.
    langs_ok: bool,
    missing_translation: MissingTranslation,
    /// What `{report_year}` stands for.
    report_year: String,
    /// Files that could not be read (already reported): not reported as missing.
    unread: Vec<std::path::PathBuf>,
    /// What the earlier editions published.
    history: &'a History,
    problems: &'a mut Problems,
}

impl Validator<'_> {
    /// Reports an error at `span` of `source`; the caller may add a hint or make it a warning.
    fn at(&mut self, source: &Arc<Source>, span: Range<usize>, message: Message) -> &mut Diagnostic {
        self.problems.report(Diagnostic::error_at(source, span, message))
    }

    /// Reports an error about the whole file `source`.
    fn file(&mut self, source: &Source, message: Message) -> &mut Diagnostic {
        self.problems.report(Diagnostic::error(&source.path, message))
    }

    /// `text` with its placeholders filled in.
    fn filled(&self, text: &str) -> String {
        fill(text, &[(REPORT_YEAR, &self.report_year)])
    }

    /// Warns about `{report_yaer}` and the like in a text at `span`.
    fn placeholders(&mut self, source: &Arc<Source>, span: Range<usize>, text: &Text) {
        for value in text.values() {
            for (name, _) in mistyped_placeholders(value) {
                let d = self.at(source, span.clone(), msg!(PlaceholderUnknown, name = name));
                d.hint = Some(msg!(PlaceholderUnknownHint, placeholder = REPORT_YEAR));
                d.severity = Severity::Warning;
            }
        }
    }

    /// A translated text must have every language of the site, and no other.
    /// Returns it with its placeholders filled in.
    fn text(&mut self, source: &Arc<Source>, text: &Spanned<Text>, what: What) -> Text {
        let langs = if self.langs_ok { self.langs } else { &[] };
        // Always an error, also where pages may be untranslated: a short text
        // in another language could not be marked with its language.
        for lang in text.get_ref().missing_langs(langs) {
            // Written, but empty (`en = ""`): not to be added, to be filled in.
            let empty = text.get_ref().get(&lang).is_some();
            let d = self.at(source, text.span(), msg!(TextMissingLang, what = what.0, lang = lang));
            d.hint = Some(match empty {
                true => msg!(TextEmptyLangHint, lang = lang),
                false => msg!(TextMissingLangHint, lang = lang),
            });
        }
        let ok = self.langs_ok;
        for lang in text.get_ref().unknown_langs(langs).filter(|_| ok) {
            let d = self.at(source, text.span(), msg!(TextUnknownLang, what = what.0, lang = lang));
            d.hint = Some(msg!(SiteLanguagesAre, list = langs.join(", ")));
        }
        self.placeholders(source, text.span(), text.get_ref());
        text.get_ref().map(|s| self.filled(s))
    }

    fn opt_text(&mut self, source: &Arc<Source>, text: &Option<Spanned<Text>>, what: What) -> Option<Text> {
        text.as_ref().map(|t| self.text(source, t, what))
    }

    /// A slug per language must be usable in an address.
    fn slug(&mut self, source: &Arc<Source>, slug: &Option<Spanned<Text>>) -> Option<Text> {
        let slug = slug.as_ref()?;
        let text = self.text(source, slug, What::SLUG);
        let bad: Vec<String> =
            self.langs.iter().filter_map(|l| text.get(l)).filter(|s| !is_valid_slug(s)).map(str::to_owned).collect();
        for s in bad {
            let d = self.at(source, slug.span(), msg!(SlugNotAddress, slug = &s));
            d.hint = Some(msg!(SlugHint, slug = slugify(&s)));
        }
        Some(text)
    }

    /// An id of `kind` (`goal`, `programme`) must be usable in addresses and links.
    fn id(&mut self, source: &Arc<Source>, id: &Spanned<String>, kind: &str) {
        if !is_valid_slug(id.get_ref()) {
            let d = self.at(source, id.span(), msg!(IdNotSlug, kind = kind, id = id.get_ref()));
            d.hint = Some(msg!(WriteId, id = slugify(id.get_ref())));
        }
    }

    fn year(&mut self, source: &Arc<Source>, year: &Spanned<i32>) -> bool {
        let ok = YEARS.contains(year.get_ref());
        if !ok {
            self.at(source, year.span(), msg!(YearNotSensible, year = *year.get_ref()));
        }
        ok
    }
}

#[cfg(test)]
mod tests;
