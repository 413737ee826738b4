//! Validate: checks what `load` read and `site.toml` against each other
//! (translations, assessment ids, references, ids, years, data shapes),
//! reports every problem found, never only the first, and builds the
//! span-free [`Site`] that render reads.
//!
//! A site with errors is still built as far as it goes (invalid parts left
//! out), so that later checks can run and one run lists everything; it is
//! never rendered.

mod assessments;
mod docs;
mod indicator;
mod open_data;
mod programme;
mod settings;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use toml::Spanned;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::load::Loaded;
use crate::locale::{fill, mistyped_placeholders, Lang, Text, REPORT_YEAR};
use crate::model::{MissingTranslation, Site};
use crate::source::Source;
use crate::text::{is_valid_slug, slugify};

/// Years outside this range are typing mistakes, not report years.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Checks `config` (read from `config_source`) and `loaded`; returns the site
/// and every problem found.
pub fn validate(
    root: &Path,
    config: &SiteConfig,
    config_source: &Arc<Source>,
    loaded: Loaded,
) -> (Site, Vec<Diagnostic>) {
    let langs = config.langs();
    let mut v = Validator {
        langs: &langs,
        // A wrong code in site.toml is one error there, not one per text.
        langs_ok: langs.len() == config.languages.get_ref().len(),
        missing_translation: config.check.missing_translation,
        report_year: config.report_year.to_string(),
        unread: loaded.failed.clone(),
        problems: Vec::new(),
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
    (site, v.problems)
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
    problems: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn at(&mut self, source: &Arc<Source>, span: Range<usize>, msg: impl Into<String>) -> &mut Diagnostic {
        self.problems.push(Diagnostic::error_at(source, span, msg));
        self.problems.last_mut().expect("just pushed")
    }

    fn file(&mut self, source: &Source, msg: impl Into<String>) -> &mut Diagnostic {
        self.problems.push(Diagnostic::error(&source.path, msg));
        self.problems.last_mut().expect("just pushed")
    }

    /// `text` with its placeholders filled in.
    fn filled(&self, text: &str) -> String {
        fill(text, &[(REPORT_YEAR, &self.report_year)])
    }

    /// Warns about `{report_yaer}` and the like in a text at `span`.
    fn placeholders(&mut self, source: &Arc<Source>, span: Range<usize>, text: &Text) {
        for value in text.values() {
            for (name, _) in mistyped_placeholders(value) {
                let d = self.at(source, span.clone(), format!("`{{{name}}}` is not a placeholder goalsite knows"));
                d.hint = Some(format!("did you mean {{{REPORT_YEAR}}}? It is replaced by report_year from site.toml"));
                d.severity = crate::diagnostics::Severity::Warning;
            }
        }
    }

    /// A translated text must have every language of the site, and no other.
    /// Returns it with its placeholders filled in.
    fn text(&mut self, source: &Arc<Source>, text: &Spanned<Text>, what: &str) -> Text {
        let langs = if self.langs_ok { self.langs } else { &[] };
        // Always an error, also where pages may be untranslated: a short text
        // in another language could not be marked with its language.
        for lang in text.get_ref().missing_langs(langs) {
            let d = self.at(source, text.span(), format!("{what} has no text in `{lang}`"));
            d.hint = Some(format!("add {lang} = \"…\" inside the {{ }}, after the other languages' texts"));
        }
        let ok = self.langs_ok;
        for lang in text.get_ref().unknown_langs(langs).filter(|_| ok) {
            let d = self.at(
                source,
                text.span(),
                format!("{what} has a text in `{lang}`, which is not a language of the site"),
            );
            d.hint = Some(format!("the languages in site.toml are: {}", langs.join(", ")));
        }
        self.placeholders(source, text.span(), text.get_ref());
        text.get_ref().map(|s| self.filled(s))
    }

    fn opt_text(&mut self, source: &Arc<Source>, text: &Option<Spanned<Text>>, what: &str) -> Option<Text> {
        text.as_ref().map(|t| self.text(source, t, what))
    }

    /// A slug per language must be usable in an address.
    fn slug(&mut self, source: &Arc<Source>, slug: &Option<Spanned<Text>>) -> Option<Text> {
        let slug = slug.as_ref()?;
        let text = self.text(source, slug, "the slug");
        let bad: Vec<String> =
            self.langs.iter().filter_map(|l| text.get(l)).filter(|s| !is_valid_slug(s)).map(str::to_owned).collect();
        for s in bad {
            let d = self.at(source, slug.span(), format!("the slug `{s}` cannot be used in an address"));
            d.hint = Some(format!("use lowercase a–z, digits and -, e.g. `{}`", slugify(&s)));
        }
        Some(text)
    }

    fn id(&mut self, source: &Arc<Source>, id: &Spanned<String>, what: &str) {
        if !is_valid_slug(id.get_ref()) {
            let d = self.at(
                source,
                id.span(),
                format!("the {what} id `{}` may only have lowercase a–z, digits and -", id.get_ref()),
            );
            d.hint = Some(format!("write `{}`", slugify(id.get_ref())));
        }
    }

    fn year(&mut self, source: &Arc<Source>, year: &Spanned<i32>) -> bool {
        let ok = YEARS.contains(year.get_ref());
        if !ok {
            self.at(source, year.span(), format!("{} is not a sensible year", year.get_ref()));
        }
        ok
    }
}

#[cfg(test)]
mod tests;
