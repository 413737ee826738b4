//! The search page: a form that searches the language's Pagefind index
//! where JavaScript runs (the theme's `search.js`), and below it every page
//! of the language grouped by programme, so that the page and the search
//! field in the header lead somewhere useful without JavaScript too.

use minijinja::value::Serde;
use minijinja::Value;
use serde::Serialize;

use crate::locale::Lang;
use crate::model::{PageId, ProgrammeId};
use crate::pages::{theme_pages, PageRef, ThemePage};
use crate::search::{Parts, BUNDLE_DIR};

use super::views::Link;
use super::Renderer;

/// A programme with its goals and indicators, in the list of all pages.
#[derive(Serialize)]
struct ProgrammeMap {
    title: String,
    url: String,
    goals: Vec<Link>,
    indicators: Vec<Link>,
}

impl Renderer<'_> {
    /// The values of the search page in `lang`.
    pub(super) fn search_view(&self, lang: Lang) -> Value {
        let link = |page: PageRef| self.page_link(page, lang);
        let programmes: Vec<ProgrammeMap> = (0..self.site.programmes.len())
            .map(|i| {
                let p = &self.site.programmes[i];
                ProgrammeMap {
                    title: p.title.tr(lang).to_owned(),
                    url: self.routes.url(PageRef::Programme(ProgrammeId(i)), lang),
                    goals: p.goals.iter().map(|&g| link(PageRef::Goal(g))).collect(),
                    indicators: p.indicators.iter().map(|&i| link(PageRef::Indicator(i))).collect(),
                }
            })
            .collect();
        // The theme's pages search finds too (the full report is linked on its own).
        let searched = theme_pages(self.site)
            .filter(|k| k.kind.searched)
            .map(|k| PageRef::Theme(k.page))
            .filter(|&p| self.routes.has(p));
        let others: Vec<Link> =
            (0..self.site.pages.len()).map(|i| PageRef::Page(PageId(i))).chain(searched).map(link).collect();
        let report = PageRef::Theme(ThemePage::Report);
        // The parts of a large site's index after the first (to merge into it).
        let indexed: Vec<PageRef> = self.routes.searched().collect();
        let parts = Parts::for_records(indexed.len() * self.site.settings.langs().len());
        let part_urls: Vec<String> = parts
            .more(indexed.iter().map(|&p| self.routes.first_path(p)))
            .iter()
            .map(|d| self.routes.asset_url(d))
            .collect();
        minijinja::context! {
            home => Value::from(Serde(link(PageRef::Home))),
            report => self.routes.has(report).then(|| Value::from(Serde(link(report)))),
            programmes => Value::from(Serde(programmes)),
            other_pages => Value::from(Serde(others)),
            bundle_url => self.routes.asset_url(BUNDLE_DIR),
            part_urls,
            base_path => self.routes.asset_url(""),
        }
    }
}
