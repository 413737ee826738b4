//! Every kind of page a site has, in one table: the template that renders
//! it, where its slug and title come from, whether the search index has it,
//! where it is linked from and whether a site has it at all. Routes, the
//! renderer, the link check, search and the sitemap read it; a new kind of
//! page is an entry here and a template in the theme.

use crate::locale::UiKey;
use crate::model::{Docs, GoalId, IndicatorId, PageId, ProgrammeId, Site};

/// A page of the site, independent of language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageRef {
    Home,
    Programme(ProgrammeId),
    Goal(GoalId),
    Indicator(IndicatorId),
    /// A free page (`content/om.sv.md`).
    Page(PageId),
    /// A page the theme makes from the site's data.
    Theme(ThemePage),
}

/// The pages the theme makes from the site's data, one of each at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ThemePage {
    /// The whole report on one page, for reading through and printing.
    Report,
    /// The open data: every indicator's files, the whole site's data, the catalogue.
    OpenData,
    /// The search page, on sites with search.
    Search,
    /// The accessibility statement from `site.toml`.
    Statement,
    /// Every edition of the report, year by year, on sites that have earlier ones.
    Editions,
}

/// How a kind of page is made and found.
pub struct Kind {
    /// The theme's template that renders it.
    pub template: &'static str,
    /// In the search index. The full report repeats every programme's text,
    /// goals and charts on one long page, so it would match nearly every
    /// search and crowd out the page that is about the words; the search
    /// page lists every page.
    pub searched: bool,
}

/// Where a theme page's slug comes from.
#[derive(Debug, Clone, Copy)]
pub enum Slug {
    /// A UI string of the theme (`report_slug`), per language.
    Ui(UiKey),
    /// `[accessibility] slug` in `site.toml`.
    Statement,
}

/// Where in the site's order a theme page comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// After the programmes, before the free pages.
    BeforeFreePages,
    /// After the free pages.
    Last,
}

/// One kind of theme page.
pub struct ThemeKind {
    pub page: ThemePage,
    pub kind: Kind,
    pub slug: Slug,
    pub title: UiKey,
    pub place: Place,
    /// In the main menu, after the programmes.
    pub in_nav: bool,
    /// In the footer, after the free pages: its rank there (smaller first).
    pub in_footer: Option<u8>,
    /// Whether the site has the page.
    pub exists: fn(&Site) -> bool,
}

/// The theme's pages, in the site's order.
pub const THEME_PAGES: &[ThemeKind] = &[
    ThemeKind {
        page: ThemePage::Report,
        kind: Kind { template: "report.html", searched: false },
        slug: Slug::Ui(UiKey::ReportSlug),
        title: UiKey::ReportTitle,
        place: Place::BeforeFreePages,
        in_nav: true,
        in_footer: None,
        exists: |_| true,
    },
    ThemeKind {
        page: ThemePage::OpenData,
        kind: Kind { template: "open-data.html", searched: true },
        slug: Slug::Ui(UiKey::OpenDataSlug),
        title: UiKey::OpenDataTitle,
        place: Place::BeforeFreePages,
        in_nav: false,
        in_footer: Some(1),
        exists: |_| true,
    },
    ThemeKind {
        page: ThemePage::Search,
        kind: Kind { template: "search.html", searched: false },
        slug: Slug::Ui(UiKey::SearchSlug),
        title: UiKey::SearchTitle,
        place: Place::BeforeFreePages,
        in_nav: false,
        in_footer: Some(0),
        // Search covers the current edition: an earlier one is found from the list of editions.
        exists: |site| site.settings.search && !site.edition.archived,
    },
    ThemeKind {
        page: ThemePage::Statement,
        kind: Kind { template: "accessibility.html", searched: true },
        slug: Slug::Statement,
        title: UiKey::StatementTitle,
        place: Place::Last,
        in_nav: false,
        in_footer: Some(2),
        // One statement for the whole site, in the current edition.
        exists: |site| site.settings.accessibility.is_some() && !site.edition.archived,
    },
    ThemeKind {
        page: ThemePage::Editions,
        kind: Kind { template: "editions.html", searched: false },
        slug: Slug::Ui(UiKey::EditionsSlug),
        title: UiKey::EditionsTitle,
        place: Place::BeforeFreePages,
        in_nav: false,
        in_footer: Some(3),
        exists: |site| !site.edition.archived && !site.edition.earlier.is_empty(),
    },
];

const HOME: Kind = Kind { template: "home.html", searched: true };
const PROGRAMME: Kind = Kind { template: "programme.html", searched: true };
const GOAL: Kind = Kind { template: "goal.html", searched: true };
const INDICATOR: Kind = Kind { template: "indicator.html", searched: true };
const FREE_PAGE: Kind = Kind { template: "page.html", searched: true };

impl ThemePage {
    /// The page's entry in [`THEME_PAGES`].
    pub fn kind(self) -> &'static ThemeKind {
        THEME_PAGES.iter().find(|k| k.page == self).expect("every theme page is in THEME_PAGES")
    }
}

impl PageRef {
    pub fn kind(self) -> &'static Kind {
        match self {
            PageRef::Home => &HOME,
            PageRef::Programme(_) => &PROGRAMME,
            PageRef::Goal(_) => &GOAL,
            PageRef::Indicator(_) => &INDICATOR,
            PageRef::Page(_) => &FREE_PAGE,
            PageRef::Theme(t) => &t.kind().kind,
        }
    }

    /// The Markdown documents of the page (one per language), if its text is written in Markdown.
    pub fn docs(self, site: &Site) -> Option<&Docs> {
        match self {
            PageRef::Home => Some(&site.home),
            PageRef::Programme(p) => Some(&site.programme(p).narrative),
            PageRef::Page(p) => Some(&site.page(p).docs),
            PageRef::Goal(_) | PageRef::Indicator(_) | PageRef::Theme(_) => None,
        }
    }
}

/// The theme pages a site has, in the site's order.
pub fn theme_pages(site: &Site) -> impl Iterator<Item = &'static ThemeKind> + '_ {
    THEME_PAGES.iter().filter(|k| (k.exists)(site))
}

/// The page of `to` that is `page` of `from`, another edition of the same
/// site: found by ids (a programme's folder, a goal's id, an indicator's
/// programme and file, a free page's file), so a renamed slug still leads
/// there. `None` where `to` has no such page (a theme page it lacks is the
/// caller's to see in its routes).
pub fn counterpart(page: PageRef, from: &Site, to: &Site) -> Option<PageRef> {
    Some(match page {
        PageRef::Home => PageRef::Home,
        PageRef::Programme(p) => {
            let id = &from.programme(p).id;
            PageRef::Programme(ProgrammeId(to.programmes.iter().position(|q| q.id == *id)?))
        }
        PageRef::Goal(g) => {
            let id = &from.goal(g).id;
            PageRef::Goal(GoalId(to.goals.iter().position(|h| h.id == *id)?))
        }
        PageRef::Indicator(i) => {
            let ind = from.indicator(i);
            let programme = &from.programme(ind.programme).id;
            let same = |j: &crate::model::Indicator| j.id == ind.id && to.programme(j.programme).id == *programme;
            PageRef::Indicator(IndicatorId(to.indicators.iter().position(same)?))
        }
        PageRef::Page(p) => {
            let key = &from.page(p).key;
            PageRef::Page(PageId(to.pages.iter().position(|q| q.key == *key)?))
        }
        PageRef::Theme(t) => PageRef::Theme(t),
    })
}
