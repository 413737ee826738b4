//! What ties the editions together on the pages: an earlier edition's
//! banner (which year, when published, its corrections, and a link to the
//! same page in the current edition), the current pages' permanent address
//! for this year (`/2025/sv/…`, a page that leads to the current page until
//! the year is archived and the address shows it as it was), and the page
//! listing every edition with its year and tally.

use minijinja::value::Serde;
use minijinja::Value;
use serde::Serialize;

use crate::artifact::{Artifact, Publish};
use crate::diagnostics::Diagnostic;
use crate::locale::{fill, Lang, UiKey};
use crate::model::Site;
use crate::pages::{counterpart, PageRef};
use crate::routes::Routes;

use super::Renderer;

/// One edition as the list of editions shows it.
#[derive(Serialize)]
struct EditionEntry {
    year: i32,
    title: String,
    url: String,
    current: bool,
    published: Option<String>,
    /// How its report year's goals were assessed, summed over the programmes.
    tally: Vec<TallyStep>,
}

#[derive(Serialize)]
struct TallyStep {
    kind: &'static str,
    label: String,
    n: usize,
}

impl Renderer<'_> {
    /// The current edition's site and routes.
    pub(super) fn current(&self) -> (&Site, &Routes) {
        *self.editions.last().expect("the current edition")
    }

    /// `page` of this edition in the current edition, in `lang` (the current
    /// home page in its first language when it has no such page or language).
    pub(super) fn current_url(&self, page: PageRef, lang: Lang) -> String {
        let (site, routes) = self.current();
        let lang = match site.settings.langs().contains(&lang) {
            true => lang,
            false => site.settings.default_lang(),
        };
        let there = counterpart(page, self.site, site).filter(|&p| routes.has(p));
        routes.url(there.unwrap_or(PageRef::Home), lang)
    }

    /// What the templates know of the edition of `page` in `lang`.
    pub(super) fn edition_context(&self, page: PageRef, lang: Lang) -> Value {
        let i18n = self.theme.i18n(lang);
        let year = self.site.settings.report_year.to_string();
        let edition = &self.site.edition;
        if !edition.archived {
            let permalink = format!("{}{year}/{}", self.routes.base_url(), self.routes.path(page, lang));
            return minijinja::context! { archived => false, year => year, permalink => permalink };
        }
        let date = edition.published.clone().unwrap_or_default();
        let current_year = self.current().0.settings.report_year.to_string();
        let corrections: Vec<String> = edition
            .corrections
            .iter()
            .map(|(date, note)| fill(&i18n.string(UiKey::EditionCorrected), &[("date", date), ("note", note.tr(lang))]))
            .collect();
        let banner = fill(&i18n.string(UiKey::EditionBanner), &[("year", &year), ("date", &date)]);
        minijinja::context! {
            archived => true,
            year => year,
            permalink => (),
            banner => banner,
            current_url => self.current_url(page, lang),
            current_label => fill(&i18n.string(UiKey::EditionBannerCurrent), &[("year", &current_year)]),
            corrections => corrections,
        }
    }

    /// The list of every edition, newest first, in `lang`.
    pub(super) fn editions_view(&self, lang: Lang) -> Value {
        let i18n = self.theme.i18n(lang);
        let entries: Vec<EditionEntry> = self
            .editions
            .iter()
            .rev()
            .map(|&(site, routes)| {
                let year = site.settings.report_year.to_string();
                let in_lang = if site.settings.langs().contains(&lang) { lang } else { site.settings.default_lang() };
                EditionEntry {
                    year: site.settings.report_year,
                    title: fill(&i18n.string(UiKey::EditionsYear), &[("year", &year)]),
                    url: routes.url(PageRef::Home, in_lang),
                    current: !site.edition.archived,
                    published: site
                        .edition
                        .published
                        .as_ref()
                        .map(|d| fill(&i18n.string(UiKey::EditionsPublished), &[("date", d)])),
                    tally: tally(site, lang),
                }
            })
            .collect();
        Value::from(Serde(entries))
    }

    /// The current edition's permanent addresses for its year: for every
    /// page and language, `<year>/<path>`, a page that leads to the current
    /// one (and, once the year is archived, is the archived page itself);
    /// each published as it is made, on every core.
    pub fn year_addresses(&self, publish: Publish) -> Result<(), Diagnostic> {
        use rayon::prelude::*;
        let year = self.site.settings.report_year.to_string();
        let langs = self.site.settings.langs();
        let jobs: Vec<(PageRef, Lang)> =
            self.routes.pages().iter().flat_map(|&page| langs.iter().map(move |&lang| (page, lang))).collect();
        jobs.par_iter()
            .map(|&(page, lang)| {
                let i18n = self.theme.i18n(lang);
                let ctx = minijinja::context! {
                    lang => lang,
                    title => fill(&i18n.string(UiKey::YearAddressTitle), &[("year", &year)]),
                    text => fill(&i18n.string(UiKey::YearAddressText), &[("year", &year)]),
                    target => self.routes.url(page, lang),
                    target_title => self.title(page, lang),
                    assets => Value::from(Serde(&self.assets)),
                };
                let html = self.render_template("year-address.html", ctx)?;
                publish(&Artifact::page(&format!("{year}/{}", self.routes.path(page, lang)), html))
            })
            .collect()
    }
}

/// How the report year's goals of `site` were assessed, step by step of its scale.
fn tally(site: &Site, lang: Lang) -> Vec<TallyStep> {
    let goals: Vec<_> = (0..site.goals.len()).map(crate::model::GoalId).collect();
    let (counts, _) = super::overview::counts(site, &goals, site.settings.report_year);
    site.settings
        .scale
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(step, n)| TallyStep { kind: step.kind.as_str(), label: step.label.tr(lang).to_owned(), n })
        .collect()
}
