//! Render: turns the validated site into HTML, one page and language at a
//! time, through the theme's minijinja templates. What pages share (each
//! language's menu, footer and site values) is computed once (`layout.rs`); Markdown
//! is rendered with the page that shows it, and each indicator's chart when
//! the first page that shows it is rendered, once per language (`parts.rs`);
//! views shape what templates see (`views.rs`); the site-wide
//! files (404, root page, sitemap, robots.txt) are in `site_files.rs`, the
//! theme's static files with their published names in `assets.rs`, the
//! search page's list of every page in `search_page.rs`.

mod assets;
mod editions;
mod layout;
mod open_data;
mod overview;
mod parts;
mod report;
mod search_page;
mod site_files;
mod views;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;
use std::sync::OnceLock;

use minijinja::value::Serde;
use minijinja::Value;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::locale::Lang;
use crate::markdown::{Links, Rules};
use crate::model::{Doc, Docs, IndicatorId, RawHtml, Site};
use crate::pages::{PageRef, ThemePage};
use crate::routes::Routes;
use crate::theme::Theme;

pub use assets::publish_assets;
pub use parts::render_doc;

/// Everything rendering reads. Built once per build, shared by all threads.
pub struct Renderer<'a> {
    pub site: &'a Site,
    pub routes: &'a Routes,
    pub theme: &'a Theme,
    /// Every edition of the site (oldest first, the current one last), for
    /// the links between them.
    editions: &'a [(&'a Site, &'a Routes)],
    /// Asset URLs by name (`style.css` → `/style.3f2a….css`).
    assets: HashMap<String, String>,
    rules: Rules,
    /// [`Renderer::shared_context`] per language.
    shared: HashMap<Lang, Value>,
    charts_drawn: AtomicUsize,
    /// The site's language codes, in the order of [`Renderer::indicator_views`].
    langs: Vec<Lang>,
    /// Each indicator's view per language (`id * langs + lang`), made the
    /// first time a page shows it: an indicator appears on its own page, its
    /// goals' and programme's pages and the full report, and its charts are
    /// the slow part of a page. Let go of once the language's pages are
    /// rendered ([`Renderer::forget_views`]), with the chart's problem if it failed.
    indicator_views: Vec<OnceLock<(Value, Option<Diagnostic>)>>,
}

/// What rendering a page left for the checks after it: its Markdown's
/// outcome (the page itself went to the writer it was rendered into).
pub struct Rendered {
    pub markdown: Option<DocOutcome>,
    /// The indicators whose charts its text placed.
    pub placed: Vec<IndicatorId>,
}

/// A Markdown document's problems and anchors, from rendering it.
pub struct DocOutcome {
    pub path: PathBuf,
    pub links: Links,
    pub problems: Vec<Diagnostic>,
}

/// A language version of a page as the template sees it.
#[derive(Serialize)]
struct Alternate<'a> {
    lang: Lang,
    name: &'a str,
    url: String,
    abs_url: String,
    current: bool,
}

/// What the site allows in Markdown.
pub fn rules(site: &Site) -> Rules {
    Rules {
        forbid_raw_html: site.settings.raw_html == RawHtml::Forbid,
        report_year: site.settings.report_year.to_string(),
        nesting: Default::default(),
    }
}

impl<'a> Renderer<'a> {
    /// The renderer of `editions[edition]` (every edition of the site, the
    /// current one last); `assets` are the URLs of the theme's published
    /// static files, by name.
    pub fn new(
        editions: &'a [(&'a Site, &'a Routes)],
        edition: usize,
        theme: &'a Theme,
        assets: HashMap<String, String>,
    ) -> Self {
        let (site, routes) = editions[edition];
        let mut renderer = Renderer {
            site,
            routes,
            theme,
            editions,
            assets,
            rules: rules(site),
            shared: HashMap::new(),
            charts_drawn: AtomicUsize::new(0),
            langs: site.settings.langs(),
            indicator_views: Vec::new(),
        };
        renderer.indicator_views = (0..site.indicators.len() * renderer.langs.len()).map(|_| OnceLock::new()).collect();
        renderer.shared = renderer.langs.iter().map(|&l| (l, renderer.shared_context(l))).collect();
        renderer
    }

    /// Lets go of the indicators' views in `lang` once its pages are
    /// rendered (the charts are most of a build's memory), and returns the
    /// charts among them that could not be drawn.
    pub fn forget_views(&mut self, lang: Lang) -> Vec<Diagnostic> {
        let (langs, Some(l)) = (self.langs.len(), self.langs.iter().position(|&x| x == lang)) else {
            return Vec::new();
        };
        let slots = self.indicator_views.iter_mut().skip(l).step_by(langs);
        slots.filter_map(|slot| slot.take()?.1).collect()
    }

    /// How many charts were drawn.
    pub fn charts_drawn(&self) -> usize {
        self.charts_drawn.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The document in `lang`, or (where the site allows missing translations)
    /// in the first language that has one.
    fn doc_in<'d>(&self, docs: &'d Docs, lang: Lang) -> Option<&'d Doc> {
        let doc = docs.get(&lang).or_else(|| self.site.settings.languages.iter().find_map(|l| docs.get(&l.code)));
        doc.map(|d| &**d)
    }

    /// The page's title in `lang`.
    pub fn title(&self, page: PageRef, lang: Lang) -> String {
        let site = self.site;
        let front_title = |docs: &Docs| self.doc_in(docs, lang).and_then(|d| d.front.title.clone());
        match page {
            PageRef::Home => front_title(&site.home).unwrap_or_default(),
            PageRef::Programme(p) => site.programme(p).title.tr(lang).to_owned(),
            PageRef::Goal(g) => site.goal(g).title.tr(lang).to_owned(),
            PageRef::Indicator(i) => site.indicator(i).title.tr(lang).to_owned(),
            PageRef::Page(p) => front_title(&site.page(p).docs).unwrap_or_default(),
            PageRef::Theme(t) => self.theme.i18n(lang).string(t.kind().title),
        }
    }

    /// A link to `page` in `lang`, with its title's language where that is another.
    fn page_link(&self, page: PageRef, lang: Lang) -> views::Link {
        views::Link {
            title: self.title(page, lang),
            url: self.routes.url(page, lang),
            lang: self.title_lang(page, lang),
        }
    }

    /// The language of `page`'s title in `lang` where it is another: the
    /// title of a page shown untranslated (sites that allow that).
    fn title_lang(&self, page: PageRef, lang: Lang) -> Option<Lang> {
        // A programme's title is in programme.toml, translated: only a free
        // page's or the home page's is in its text.
        let docs = match page {
            PageRef::Home | PageRef::Page(_) => page.docs(self.site)?,
            _ => return None,
        };
        self.doc_in(docs, lang).filter(|d| d.lang != lang).map(|d| d.lang)
    }

    fn description(&self, page: PageRef, lang: Lang) -> String {
        let site = self.site;
        let fallback = site.settings.description.tr(lang).to_owned();
        let front = |docs: &Docs| self.doc_in(docs, lang).and_then(|d| d.front.description.clone());
        let given = match page {
            PageRef::Home => front(&site.home),
            PageRef::Programme(p) => site.programme(p).summary.as_ref().map(|s| s.tr(lang).to_owned()),
            PageRef::Goal(g) => Some(site.goal(g).target.tr(lang).to_owned()),
            PageRef::Indicator(i) => site.indicator(i).definition.as_ref().map(|s| s.tr(lang).to_owned()),
            PageRef::Page(p) => front(&site.page(p).docs),
            PageRef::Theme(_) => None,
        };
        given.filter(|s| !s.trim().is_empty()).unwrap_or(fallback)
    }

    /// The values every template sees: the shared ones of the language, and
    /// the language versions of `page` (the home page for site-wide pages).
    fn common(&self, lang: Lang, page: Option<PageRef>) -> Value {
        let target = page.unwrap_or(PageRef::Home);
        let alternates: Vec<Alternate> = self
            .site
            .settings
            .languages
            .iter()
            .map(|l| Alternate {
                lang: l.code,
                name: &l.name,
                url: self.routes.url(target, l.code),
                abs_url: self.routes.abs_url(target, l.code),
                current: l.code == lang,
            })
            .collect();
        let alternates = minijinja::context! { alternates => Value::from(Serde(&alternates)) };
        let shared = self.shared.get(&lang).cloned().unwrap_or_default();
        minijinja::value::merge_maps([alternates, shared])
    }

    /// Renders `page` in `lang` to HTML into `out`, drawing its Markdown and
    /// charts. A failed write stops it with an error the writer can tell.
    pub fn render(&self, page: PageRef, lang: Lang, out: &mut dyn std::io::Write) -> Result<Rendered, Diagnostic> {
        let doc = page.docs(self.site).and_then(|docs| self.doc_in(docs, lang));
        // A text shown in another language (sites that allow missing translations).
        let markdown_lang = doc.filter(|d| d.lang != lang).map(|d| d.lang);
        let text = self.markdown(doc, lang)?;
        let extra = self.page_view(page, lang, &text.charts)?;
        let ctx = minijinja::context! {
            page => minijinja::context! {
                title => self.title(page, lang),
                title_lang => self.title_lang(page, lang),
                description => self.description(page, lang),
                url => self.routes.url(page, lang),
                canonical => self.routes.abs_url(page, lang),
                is_home => page == PageRef::Home,
                is_search => page == PageRef::Theme(ThemePage::Search),
            },
        };
        let markdown_ctx = minijinja::context! {
            markdown_html => Value::from_safe_string(text.html),
            markdown_lang => markdown_lang,
        };
        let edition = minijinja::context! { edition => self.edition_context(page, lang) };
        let ctx = minijinja::value::merge_maps([ctx, markdown_ctx, extra, edition, self.common(lang, Some(page))]);
        self.render_template_to(page.kind().template, ctx, out)?;
        Ok(Rendered { markdown: text.outcome, placed: text.charts })
    }

    /// The values only `page`'s kind of page has; `placed` are the charts its text shows.
    fn page_view(&self, page: PageRef, lang: Lang, placed: &[IndicatorId]) -> Result<Value, Diagnostic> {
        Ok(match page {
            PageRef::Home => {
                let programmes: Vec<views::ProgrammeView> =
                    (0..self.site.programmes.len()).map(|p| self.programme_view(p, lang, false, &[])).collect();
                minijinja::context! { programmes => Value::from(Serde(&programmes)) }
            }
            PageRef::Programme(p) => {
                minijinja::context! { programme => Value::from(Serde(self.programme_view(p.0, lang, true, placed))) }
            }
            PageRef::Goal(g) => minijinja::context! { goal => Value::from(Serde(self.goal_view(g, lang, true))) },
            PageRef::Indicator(i) => {
                minijinja::context! { indicator => self.indicator_view(i, lang) }
            }
            PageRef::Page(_) => Value::from(()),
            PageRef::Theme(ThemePage::Report) => self.report_view(lang)?,
            PageRef::Theme(ThemePage::OpenData) => minijinja::context! { open_data => self.open_data_view(lang) },
            PageRef::Theme(ThemePage::Statement) => minijinja::context! { statement => self.statement_view(lang) },
            PageRef::Theme(ThemePage::Search) => minijinja::context! { search => self.search_view(lang) },
            PageRef::Theme(ThemePage::Editions) => minijinja::context! { editions => self.editions_view(lang) },
        })
    }

    /// What the theme's template `name` makes of `ctx` (a small file whole:
    /// a site-wide file, a placed chart, the page at `admin/` of an editor
    /// not connected yet).
    pub(crate) fn render_template(&self, name: &str, ctx: Value) -> Result<String, Diagnostic> {
        let tmpl = self.theme.env.get_template(name).map_err(|e| self.template_problem(name, &e))?;
        tmpl.render(ctx).map_err(|e| self.template_problem(name, &e))
    }

    /// [`Renderer::render_template`] into `out`, as the template makes it.
    fn render_template_to(&self, name: &str, ctx: Value, out: &mut dyn std::io::Write) -> Result<(), Diagnostic> {
        let tmpl = self.theme.env.get_template(name).map_err(|e| self.template_problem(name, &e))?;
        tmpl.render_captured_to(ctx, out).map(drop).map_err(|e| self.template_problem(name, &e))
    }

    fn template_problem(&self, name: &str, e: &minijinja::Error) -> Diagnostic {
        let rel = self.theme.template_path(e.name().unwrap_or(name));
        let detail = e.detail().map_or_else(|| e.kind().to_string(), str::to_owned);
        let message = match e.line() {
            Some(line) => msg!(TemplateErrorAt, line = line, detail = detail),
            None => msg!(TemplateError, detail = detail),
        };
        Diagnostic::error(&rel, message)
    }
}

/// Templates see a language as its code.
impl From<Lang> for Value {
    fn from(lang: Lang) -> Value {
        Value::from(lang.as_str())
    }
}
