//! The search page: a form that searches the language's Pagefind index
//! where JavaScript runs (the theme's `search.js`), and below it every page
//! of the language grouped by programme, so that the page and the search
//! field in the header lead somewhere useful without JavaScript too.

use minijinja::value::Serde;
use minijinja::Value;
use serde::Serialize;

use crate::locale::Lang;
use crate::model::{PageId, ProgrammeId};
use crate::routes::PageRef;

use super::views::Link;
use super::Renderer;

/// Where the search bundle is published, under the site root.
pub const BUNDLE_DIR: &str = "pagefind/";

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
        let has = |page: PageRef| self.routes.pages().contains(&page);
        let others: Vec<Link> = (0..self.site.pages.len())
            .map(|i| PageRef::Page(PageId(i)))
            .chain([PageRef::OpenData, PageRef::Statement].into_iter().filter(|&p| has(p)))
            .map(link)
            .collect();
        minijinja::context! {
            home => Value::from(Serde(link(PageRef::Home))),
            report => has(PageRef::Report).then(|| Value::from(Serde(link(PageRef::Report)))),
            programmes => Value::from(Serde(programmes)),
            other_pages => Value::from(Serde(others)),
            bundle_url => self.routes.asset_url(BUNDLE_DIR),
            base_path => self.routes.asset_url(""),
        }
    }
}
