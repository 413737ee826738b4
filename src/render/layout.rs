//! What every page of a language shares (site texts, UI strings, menu,
//! footer, asset URLs), computed once per language, and the accessibility
//! statement's values.

use minijinja::value::Serde;
use minijinja::Value;

use crate::locale::{Lang, Text, UiKey};
use crate::model::{PageId, ProgrammeId};
use crate::pages::{theme_pages, PageRef, ThemePage, THEME_PAGES};

use super::views::Link;
use super::Renderer;

impl Renderer<'_> {
    /// What every page of a language shares: site, UI strings, menu, footer, assets.
    pub(super) fn shared_context(&self, lang: Lang) -> Value {
        let i18n = self.theme.i18n(lang);
        let settings = &self.site.settings;
        let theme_pages = || theme_pages(self.site).filter(|k| self.routes.has(PageRef::Theme(k.page)));
        let in_nav = theme_pages().filter(|k| k.in_nav).map(|k| PageRef::Theme(k.page));
        let nav: Vec<Link> = std::iter::once(PageRef::Home)
            .chain((0..self.site.programmes.len()).map(|p| PageRef::Programme(ProgrammeId(p))))
            .chain(in_nav)
            .map(|p| Link { title: self.nav_title(p, lang), url: self.routes.url(p, lang), lang: None })
            .collect();
        let mut footer_pages: Vec<(i64, Link)> = self
            .site
            .pages
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let order = self.doc_in(&p.docs, lang)?.front.order?;
                Some((order, self.page_link(PageRef::Page(PageId(i)), lang)))
            })
            .collect();
        footer_pages.sort_by_key(|(o, _)| *o);
        // Then the theme's pages, in their footer order: the search page
        // (also a way there for those who do not use the header's field),
        // the open data, the accessibility statement and the editions; an
        // earlier edition links to the current one's where it has none.
        let mut footer_theme: Vec<(u8, Link)> =
            THEME_PAGES.iter().filter_map(|k| Some((k.in_footer?, self.theme_page_link(k.page, lang)?))).collect();
        footer_theme.sort_by_key(|(rank, _)| *rank);
        footer_pages.extend(footer_theme.into_iter().map(|(_, link)| (i64::MAX, link)));
        let tr = |t: &Option<Text>| t.as_ref().map_or("", |t| t.tr(lang)).to_owned();
        let footer = &settings.footer;
        minijinja::context! {
            lang => lang,
            default_lang => settings.default_lang(),
            t => Value::from(Serde(&i18n.strings)),
            site => minijinja::context! {
                title => settings.title.tr(lang),
                description => settings.description.tr(lang),
                base_url => self.routes.base_url(),
                report_year => settings.report_year,
                organisation => tr(&footer.organisation),
                logo_alt => settings.branding.logo.as_ref().map(|l| l.alt.tr(lang).to_owned()),
                address => tr(&footer.address),
                website => footer.website.clone(),
                email => footer.email.clone(),
                phone => footer.phone.clone(),
            },
            nav => Value::from(Serde(&nav)),
            footer_pages => Value::from(Serde(footer_pages.into_iter().map(|(_, l)| l).collect::<Vec<_>>())),
            assets => Value::from(Serde(&self.assets)),
            home_url => self.routes.url(PageRef::Home, lang),
            report_url => self.theme_page_url(ThemePage::Report, lang),
            search_url => self.theme_page_url(ThemePage::Search, lang),
            editions_url => self.theme_page_link(ThemePage::Editions, lang).map(|l| l.url),
            languages => self.languages(),
        }
    }

    /// Every language of the site with its name, home page, site title and
    /// UI strings, for the pages that speak all of them (404, root page).
    fn languages(&self) -> Value {
        let settings = &self.site.settings;
        let list: Vec<Value> = settings
            .languages
            .iter()
            .map(|l| {
                minijinja::context! {
                    lang => l.code,
                    name => &l.name,
                    url => self.routes.url(PageRef::Home, l.code),
                    title => settings.title.tr(l.code),
                    t => Value::from(Serde(&self.theme.i18n(l.code).strings)),
                }
            })
            .collect();
        Value::from(list)
    }

    /// The accessibility statement's values in `lang`.
    pub(super) fn statement_view(&self, lang: Lang) -> Value {
        let settings = &self.site.settings;
        let Some(a) = &settings.accessibility else { return Value::from(()) };
        let tr = |t: &Text| t.tr(lang).to_owned();
        let organisation = settings.footer.organisation.as_ref().map(tr).unwrap_or_default();
        minijinja::context! {
            organisation => organisation,
            status => Value::from(Serde(a.status)),
            date => a.date.clone(),
            contact => tr(&a.contact),
            contact_url => a.contact_url.clone(),
            shortcomings => a.shortcomings.iter().map(tr).collect::<Vec<_>>(),
            method => tr(&a.method),
            supervisor => tr(&a.supervisor),
            supervisor_url => a.supervisor_url.clone(),
        }
    }

    /// The address of a theme page in `lang`, if the edition has it.
    fn theme_page_url(&self, page: ThemePage, lang: Lang) -> Option<String> {
        let page = PageRef::Theme(page);
        self.routes.has(page).then(|| self.routes.url(page, lang))
    }

    /// A link to a theme page in `lang`: the edition's own, or the current
    /// edition's where an earlier one has none (its statement, the editions).
    fn theme_page_link(&self, page: ThemePage, lang: Lang) -> Option<Link> {
        let page = PageRef::Theme(page);
        if self.routes.has(page) {
            return Some(self.page_link(page, lang));
        }
        let (_, current) = self.current();
        let PageRef::Theme(kind) = page else { return None };
        let title = self.theme.i18n(lang).string(kind.kind().title);
        current.has(page).then(|| Link { title, url: self.current_url(page, lang), lang: None })
    }

    fn nav_title(&self, page: PageRef, lang: Lang) -> String {
        match page {
            PageRef::Home => self.theme.i18n(lang).string(UiKey::Home),
            PageRef::Programme(p) => match &self.site.programme(p).menu_title {
                Some(menu) => menu.tr(lang).to_owned(),
                None => self.title(page, lang),
            },
            p => self.title(p, lang),
        }
    }
}
