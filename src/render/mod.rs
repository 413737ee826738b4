//! Render: turns the validated site into HTML, one page and language at a
//! time, through the theme's minijinja templates. Lookups that pages share
//! (indicator ids, which goals follow an indicator, each language's common
//! template values) are computed once here; Markdown and charts are drawn
//! when the page that shows them is rendered (`parts.rs`); the site-wide
//! files (404, root page, sitemap, robots.txt) are in `site_files.rs`.

mod parts;
mod site_files;
mod views;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::sync::Mutex;

use minijinja::value::Serde;
use minijinja::Value;
use serde::Serialize;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::markdown::{Links, Rules};
use crate::model::{Content, MarkdownDoc};
use crate::routes::{PageRef, Routes};
use crate::theme::Theme;

pub use parts::render_doc;
pub use views::{GoalView, IndicatorView, ProgrammeView};

/// Everything rendering reads. Built once per build, shared by all threads.
pub struct Site<'a> {
    /// The site's folder, to read Markdown from.
    pub root: &'a Path,
    pub config: &'a SiteConfig,
    pub content: &'a Content,
    pub routes: &'a Routes,
    pub theme: &'a Theme,
    /// Asset URLs by name (`css` → `/style.3f2a….css`).
    pub assets: HashMap<String, String>,
    rules: Rules,
    indicators: HashMap<String, (usize, usize)>,
    followers: HashMap<String, Vec<(usize, usize)>>,
    /// [`Site::shared_context`] per language.
    shared: HashMap<String, Value>,
    /// Problems found while drawing (a chart that could not be drawn).
    problems: Mutex<Vec<Diagnostic>>,
    charts_drawn: AtomicUsize,
}

/// A rendered page, and what its Markdown left for the checks after rendering.
pub struct Rendered {
    pub html: String,
    pub markdown: Option<DocOutcome>,
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
    lang: &'a str,
    name: &'a str,
    url: String,
    abs_url: String,
    current: bool,
}

impl<'a> Site<'a> {
    pub fn new(
        root: &'a Path,
        config: &'a SiteConfig,
        content: &'a Content,
        routes: &'a Routes,
        theme: &'a Theme,
        assets: HashMap<String, String>,
        rules: Rules,
    ) -> Self {
        let mut indicators = HashMap::new();
        let mut followers: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (pi, p) in content.programmes.iter().enumerate() {
            for (ii, ind) in p.indicators.iter().enumerate() {
                indicators.insert(ind.id.clone(), (pi, ii));
            }
            for (gi, g) in p.data.goals.iter().enumerate() {
                for id in &g.indicators {
                    followers.entry(id.get_ref().clone()).or_default().push((pi, gi));
                }
            }
        }
        let mut site = Site {
            root,
            config,
            content,
            routes,
            theme,
            assets,
            rules,
            indicators,
            followers,
            shared: HashMap::new(),
            problems: Mutex::new(Vec::new()),
            charts_drawn: AtomicUsize::new(0),
        };
        site.shared = config.lang_codes().into_iter().map(|l| (l.clone(), site.shared_context(&l))).collect();
        site
    }

    /// The problems found while drawing, taken out.
    pub fn take_problems(&self) -> Vec<Diagnostic> {
        std::mem::take(&mut *self.problems.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// How many charts were drawn.
    pub fn charts_drawn(&self) -> usize {
        self.charts_drawn.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Every page of the site (each exists in every language).
    pub fn pages(&self) -> Vec<PageRef> {
        let mut pages = vec![PageRef::Home];
        for (pi, p) in self.content.programmes.iter().enumerate() {
            pages.push(PageRef::Programme(pi));
            pages.extend((0..p.data.goals.len()).map(|gi| PageRef::Goal(pi, gi)));
            pages.extend((0..p.indicators.len()).map(|ii| PageRef::Indicator(pi, ii)));
        }
        pages.extend((0..self.content.pages.len()).map(PageRef::Page));
        if self.config.accessibility.is_some() {
            pages.push(PageRef::Statement);
        }
        pages
    }

    pub fn find_indicator(&self, id: &str) -> Option<(usize, usize)> {
        self.indicators.get(id).copied()
    }

    /// The goals (programme, goal) that list indicator `id`.
    pub fn goals_following(&self, id: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.followers.get(id).into_iter().flatten().copied()
    }

    /// The Markdown documents of `page` (one per language), if it has any.
    fn docs(&self, page: PageRef) -> Option<&BTreeMap<String, MarkdownDoc>> {
        let c = self.content;
        match page {
            PageRef::Home => Some(&c.home),
            PageRef::Programme(pi) => Some(&c.programmes[pi].narrative),
            PageRef::Page(i) => Some(&c.pages[i].docs),
            PageRef::Goal(..) | PageRef::Indicator(..) | PageRef::Statement => None,
        }
    }

    /// The document in `lang`, or (where the site allows missing translations)
    /// in the first language that has one.
    fn doc_in<'d>(&self, docs: &'d BTreeMap<String, MarkdownDoc>, lang: &str) -> Option<&'d MarkdownDoc> {
        docs.get(lang).or_else(|| self.config.languages.get_ref().iter().find_map(|l| docs.get(l.code.get_ref())))
    }

    /// The page's title in `lang`.
    pub fn title(&self, page: PageRef, lang: &str) -> String {
        let c = self.content;
        match page {
            PageRef::Home => self.doc_in(&c.home, lang).and_then(|d| d.front.title.clone()).unwrap_or_default(),
            PageRef::Programme(pi) => c.programmes[pi].data.title.get_ref().tr(lang).to_owned(),
            PageRef::Goal(pi, gi) => c.programmes[pi].data.goals[gi].title.get_ref().tr(lang).to_owned(),
            PageRef::Indicator(pi, ii) => c.programmes[pi].indicators[ii].data.title.get_ref().tr(lang).to_owned(),
            PageRef::Page(i) => {
                self.doc_in(&c.pages[i].docs, lang).and_then(|d| d.front.title.clone()).unwrap_or_default()
            }
            PageRef::Statement => self.theme.i18n[lang].string("statement_title"),
        }
    }

    fn description(&self, page: PageRef, lang: &str) -> String {
        let c = self.content;
        let site = self.config.description.get_ref().tr(lang).to_owned();
        let given = match page {
            PageRef::Home => self.doc_in(&c.home, lang).and_then(|d| d.front.description.clone()),
            PageRef::Programme(pi) => c.programmes[pi].data.summary.as_ref().map(|s| s.get_ref().tr(lang).to_owned()),
            PageRef::Goal(pi, gi) => Some(c.programmes[pi].data.goals[gi].target.get_ref().tr(lang).to_owned()),
            PageRef::Indicator(pi, ii) => {
                c.programmes[pi].indicators[ii].data.definition.as_ref().map(|s| s.get_ref().tr(lang).to_owned())
            }
            PageRef::Page(i) => self.doc_in(&c.pages[i].docs, lang).and_then(|d| d.front.description.clone()),
            PageRef::Statement => None,
        };
        given.filter(|s| !s.trim().is_empty()).unwrap_or(site)
    }

    /// The values every template sees: the shared ones of the language, and
    /// the language versions of `page` (the home page for site-wide pages).
    fn common(&self, lang: &str, page: Option<PageRef>) -> Value {
        let target = page.unwrap_or(PageRef::Home);
        let alternates: Vec<Alternate> = self
            .config
            .languages
            .get_ref()
            .iter()
            .map(|l| {
                let code = l.code.get_ref().as_str();
                Alternate {
                    lang: code,
                    name: &l.name,
                    url: self.routes.url(target, code),
                    abs_url: self.routes.abs_url(target, code),
                    current: code == lang,
                }
            })
            .collect();
        let alternates = minijinja::context! { alternates => Value::from(Serde(&alternates)) };
        let shared = self.shared.get(lang).cloned().unwrap_or_default();
        minijinja::value::merge_maps([alternates, shared])
    }

    /// What every page of a language shares: site, UI strings, menu, footer, assets.
    /// Computed once per language.
    fn shared_context(&self, lang: &str) -> Value {
        let i18n = &self.theme.i18n[lang];
        let c = self.config;
        let nav: Vec<views::Link> = std::iter::once(PageRef::Home)
            .chain((0..self.content.programmes.len()).map(PageRef::Programme))
            .map(|p| views::Link { title: self.nav_title(p, lang), url: self.routes.url(p, lang) })
            .collect();
        let mut footer_pages: Vec<(i64, views::Link)> = self
            .content
            .pages
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let order = self.doc_in(&p.docs, lang)?.front.order?;
                Some((
                    order,
                    views::Link {
                        title: self.title(PageRef::Page(i), lang),
                        url: self.routes.url(PageRef::Page(i), lang),
                    },
                ))
            })
            .collect();
        footer_pages.sort_by_key(|(o, _)| *o);
        if self.config.accessibility.is_some() {
            let statement = views::Link {
                title: self.title(PageRef::Statement, lang),
                url: self.routes.url(PageRef::Statement, lang),
            };
            footer_pages.push((i64::MAX, statement));
        }
        let tr = |t: &Option<toml::Spanned<crate::text::Text>>| crate::text::tr_opt(t, lang);
        minijinja::context! {
            lang => lang,
            default_lang => c.default_lang(),
            t => Value::from(Serde(&i18n.strings)),
            site => minijinja::context! {
                title => c.title.get_ref().tr(lang),
                description => c.description.get_ref().tr(lang),
                base_url => self.routes.base_url(),
                report_year => c.report_year,
                organisation => tr(&c.footer.organisation),
                address => tr(&c.footer.address),
                website => c.footer.website.clone(),
                email => c.footer.email.clone(),
                phone => c.footer.phone.clone(),
            },
            nav => Value::from(Serde(&nav)),
            footer_pages => Value::from(Serde(footer_pages.into_iter().map(|(_, l)| l).collect::<Vec<_>>())),
            assets => Value::from(Serde(&self.assets)),
            home_url => self.routes.url(PageRef::Home, lang),
        }
    }

    /// The accessibility statement's values in `lang`.
    fn statement_view(&self, lang: &str) -> Value {
        let Some(a) = &self.config.accessibility else { return Value::from(()) };
        let tr = |t: &toml::Spanned<crate::text::Text>| t.get_ref().tr(lang).to_owned();
        let organisation = self.config.footer.organisation.as_ref().map(tr).unwrap_or_default();
        minijinja::context! {
            organisation => organisation,
            status => Value::from(Serde(a.status)),
            date => a.statement_date.to_string(),
            contact => tr(&a.contact),
            contact_url => a.contact_url.clone(),
            shortcomings => a.shortcomings.iter().map(tr).collect::<Vec<_>>(),
            method => tr(&a.method),
            supervisor => tr(&a.supervisor),
            supervisor_url => a.supervisor_url.clone(),
        }
    }

    fn nav_title(&self, page: PageRef, lang: &str) -> String {
        match page {
            PageRef::Home => self.theme.i18n[lang].string("home"),
            p => self.title(p, lang),
        }
    }

    /// Renders `page` in `lang` to HTML, drawing its Markdown and charts.
    pub fn render(&self, page: PageRef, lang: &str) -> Result<Rendered, Diagnostic> {
        let doc = self.docs(page).and_then(|docs| self.doc_in(docs, lang));
        // A text shown in another language (sites that allow missing translations).
        let markdown_lang = doc.filter(|d| d.lang != lang).map(|d| d.lang.clone());
        let (markdown_html, markdown) = self.markdown(doc);
        let (template, extra) = match page {
            PageRef::Home => {
                let programmes: Vec<ProgrammeView> =
                    (0..self.content.programmes.len()).map(|pi| self.programme_view(pi, lang, false)).collect();
                ("home.html", minijinja::context! { programmes => Value::from(Serde(&programmes)) })
            }
            PageRef::Programme(pi) => (
                "programme.html",
                minijinja::context! { programme => Value::from(Serde(self.programme_view(pi, lang, true))) },
            ),
            PageRef::Goal(pi, gi) => {
                ("goal.html", minijinja::context! { goal => Value::from(Serde(self.goal_view(pi, gi, lang, true))) })
            }
            PageRef::Indicator(pi, ii) => {
                let view = self.indicator_view(pi, ii, lang, crate::charts::LARGE);
                ("indicator.html", minijinja::context! { indicator => Value::from(Serde(view)) })
            }
            PageRef::Page(_) => ("page.html", Value::from(())),
            PageRef::Statement => {
                ("accessibility.html", minijinja::context! { statement => self.statement_view(lang) })
            }
        };
        let ctx = minijinja::context! {
            page => minijinja::context! {
                title => self.title(page, lang),
                description => self.description(page, lang),
                url => self.routes.url(page, lang),
                canonical => self.routes.abs_url(page, lang),
                is_home => page == PageRef::Home,
            },
        };
        let markdown_ctx = minijinja::context! {
            markdown_html => Value::from_safe_string(markdown_html),
            markdown_lang => markdown_lang,
        };
        let ctx = minijinja::value::merge_maps([ctx, markdown_ctx, extra, self.common(lang, Some(page))]);
        Ok(Rendered { html: self.render_template(template, ctx)?, markdown })
    }

    fn render_template(&self, name: &str, ctx: Value) -> Result<String, Diagnostic> {
        let tmpl = self.theme.env.get_template(name).map_err(|e| self.template_problem(name, &e))?;
        tmpl.render(ctx).map_err(|e| self.template_problem(name, &e))
    }

    fn template_problem(&self, name: &str, e: &minijinja::Error) -> Diagnostic {
        let file = e.name().unwrap_or(name);
        let rel = PathBuf::from(crate::theme::THEMES_DIR).join(&self.config.theme).join("templates").join(file);
        let mut message = format!("template error: {}", e.detail().unwrap_or(&e.kind().to_string()));
        if let Some(line) = e.line() {
            message = format!("line {line}: {message}");
        }
        Diagnostic::error(&rel, message)
    }
}
