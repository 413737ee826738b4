//! Render: turns the validated site into HTML, one page and language at a
//! time, through the theme's minijinja templates. Lookups that pages share
//! (indicator ids, which goals follow an indicator) are computed once here.

mod views;

use std::collections::HashMap;
use std::path::PathBuf;

use minijinja::value::Serde;
use minijinja::Value;
use serde::Serialize;

use crate::charts;
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::markdown::Html;
use crate::model::{Content, MarkdownDoc};
use crate::routes::{PageRef, Routes};
use crate::theme::Theme;

pub use views::{GoalView, IndicatorView, ProgrammeView};

/// Everything rendering reads. Built once per build, shared by all threads.
pub struct Site<'a> {
    pub config: &'a SiteConfig,
    pub content: &'a Content,
    pub routes: &'a Routes,
    pub theme: &'a Theme,
    /// Rendered Markdown, by source file.
    pub markdown: HashMap<PathBuf, Html>,
    /// Asset URLs by name (`css` → `/style.3f2a….css`).
    pub assets: HashMap<String, String>,
    indicators: HashMap<String, (usize, usize)>,
    followers: HashMap<String, Vec<(usize, usize)>>,
    charts: Charts,
    /// [`Site::shared_context`] per language.
    shared: HashMap<String, Value>,
}

/// (programme, indicator, language).
type ChartKey = (usize, usize, String);
type Charts = HashMap<ChartKey, Chart>;

/// An indicator's drawings and summary in one language.
pub struct Chart {
    pub large: String,
    pub small: String,
    pub summary: String,
}

/// Draws every indicator's charts in every language, in parallel.
fn draw_charts(content: &Content, theme: &Theme, langs: &[String]) -> Result<Charts, Vec<Diagnostic>> {
    use rayon::prelude::*;
    let jobs: Vec<(usize, usize, &str)> = content
        .programmes
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| (0..p.indicators.len()).flat_map(move |ii| langs.iter().map(move |l| (pi, ii, l.as_str()))))
        .collect();
    let results: Vec<Result<(ChartKey, Chart), Diagnostic>> = jobs
        .par_iter()
        .map(|&(pi, ii, lang)| {
            let ind = &content.programmes[pi].indicators[ii];
            draw_chart(ind, theme, lang).map(|c| ((pi, ii, lang.to_owned()), c))
        })
        .collect();
    let (ok, errors): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    if errors.is_empty() {
        Ok(ok.into_iter().filter_map(Result::ok).collect())
    } else {
        Err(errors.into_iter().filter_map(Result::err).collect())
    }
}

fn draw_chart(ind: &crate::model::Indicator, theme: &Theme, lang: &str) -> Result<Chart, Diagnostic> {
    let i18n = &theme.i18n[lang];
    let d = &ind.data;
    let decimals = d.decimals();
    let summary = charts::summary::summary(d, lang, i18n, decimals);
    let target_label = d.target.as_ref().map(|t| {
        let t = t.get_ref();
        match &t.label {
            Some(label) => label.tr(lang).to_owned(),
            None => charts::summary::fill(&i18n.string("chart_target_label"), &[("year", &t.year.to_string())]),
        }
    });
    let title = match d.example_data {
        true => format!("{} – {}", d.title.get_ref().tr(lang), i18n.string("example_data")),
        false => d.title.get_ref().tr(lang).to_owned(),
    };
    let draw = |size, suffix: &str| {
        let dom_id = format!("chart-{}{suffix}", ind.id);
        let text = charts::ChartText {
            lang,
            title: &title,
            desc: &summary,
            number: &i18n.number,
            target_label: target_label.clone().unwrap_or_default(),
            dom_id: &dom_id,
            decimals,
        };
        charts::render(d, &theme.chart, &text, size)
            .map_err(|e| Diagnostic::error(&ind.file.path, format!("the chart could not be drawn: {e}")))
    };
    Ok(Chart { large: draw(charts::LARGE, "")?, small: draw(charts::SMALL, "-small")?, summary })
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
        config: &'a SiteConfig,
        content: &'a Content,
        routes: &'a Routes,
        theme: &'a Theme,
        markdown: HashMap<PathBuf, Html>,
        assets: HashMap<String, String>,
    ) -> Result<Self, Vec<Diagnostic>> {
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
        let charts = draw_charts(content, theme, &config.lang_codes())?;
        let mut site = Site {
            config,
            content,
            routes,
            theme,
            markdown,
            assets,
            indicators,
            followers,
            charts,
            shared: HashMap::new(),
        };
        site.shared = config.lang_codes().into_iter().map(|l| (l.clone(), site.shared_context(&l))).collect();
        Ok(site)
    }

    /// The chart of indicator `ii` of programme `pi` in `lang`.
    pub fn chart(&self, pi: usize, ii: usize, lang: &str) -> Option<&Chart> {
        self.charts.get(&(pi, ii, lang.to_owned()))
    }

    /// Every indicator's CSV and JSON file: (path under the root, contents).
    pub fn data_files(&self) -> Vec<(String, String)> {
        let langs = self.config.lang_codes();
        let mut files = Vec::new();
        for ind in self.content.programmes.iter().flat_map(|p| &p.indicators) {
            files.push((crate::downloads::path(&ind.id, "csv"), crate::downloads::csv(&ind.id, &ind.data, &langs)));
            files.push((crate::downloads::path(&ind.id, "json"), crate::downloads::json(&ind.id, &ind.data, &langs)));
        }
        files
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

    pub fn markdown_html(&self, doc: Option<&MarkdownDoc>) -> String {
        doc.and_then(|d| self.markdown.get(&d.file.path)).map(|h| h.html.clone()).unwrap_or_default()
    }

    /// The page's title in `lang`.
    pub fn title(&self, page: PageRef, lang: &str) -> String {
        let c = self.content;
        match page {
            PageRef::Home => c.home.get(lang).and_then(|d| d.front.title.clone()).unwrap_or_default(),
            PageRef::Programme(pi) => c.programmes[pi].data.title.get_ref().tr(lang).to_owned(),
            PageRef::Goal(pi, gi) => c.programmes[pi].data.goals[gi].title.get_ref().tr(lang).to_owned(),
            PageRef::Indicator(pi, ii) => c.programmes[pi].indicators[ii].data.title.get_ref().tr(lang).to_owned(),
            PageRef::Page(i) => c.pages[i].docs.get(lang).and_then(|d| d.front.title.clone()).unwrap_or_default(),
            PageRef::Statement => self.theme.i18n[lang].string("statement_title"),
        }
    }

    fn description(&self, page: PageRef, lang: &str) -> String {
        let c = self.content;
        let site = self.config.description.get_ref().tr(lang).to_owned();
        let given = match page {
            PageRef::Home => c.home.get(lang).and_then(|d| d.front.description.clone()),
            PageRef::Programme(pi) => c.programmes[pi].data.summary.as_ref().map(|s| s.get_ref().tr(lang).to_owned()),
            PageRef::Goal(pi, gi) => Some(c.programmes[pi].data.goals[gi].target.get_ref().tr(lang).to_owned()),
            PageRef::Indicator(pi, ii) => {
                c.programmes[pi].indicators[ii].data.definition.as_ref().map(|s| s.get_ref().tr(lang).to_owned())
            }
            PageRef::Page(i) => c.pages[i].docs.get(lang).and_then(|d| d.front.description.clone()),
            PageRef::Statement => None,
        };
        given.filter(|s| !s.trim().is_empty()).unwrap_or(site)
    }

    /// The values every template sees: site, language, UI strings, navigation.
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
                let order = p.docs.get(lang)?.front.order?;
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
        let tr =
            |t: &Option<toml::Spanned<crate::text::Text>>| t.as_ref().map_or("", |t| t.get_ref().tr(lang)).to_owned();
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

    /// Renders `page` in `lang` to HTML.
    pub fn render(&self, page: PageRef, lang: &str) -> Result<String, Diagnostic> {
        let (template, extra) = match page {
            PageRef::Home => {
                let programmes: Vec<ProgrammeView> =
                    (0..self.content.programmes.len()).map(|pi| self.programme_view(pi, lang, false)).collect();
                (
                    "home.html",
                    minijinja::context! {
                        intro_html => self.markdown_html(self.content.home.get(lang)),
                        programmes => Value::from(Serde(&programmes)),
                    },
                )
            }
            PageRef::Programme(pi) => (
                "programme.html",
                minijinja::context! {
                    programme => Value::from(Serde(self.programme_view(pi, lang, true))),
                },
            ),
            PageRef::Goal(pi, gi) => (
                "goal.html",
                minijinja::context! {
                    goal => Value::from(Serde(self.goal_view(pi, gi, lang, true))),
                },
            ),
            PageRef::Indicator(pi, ii) => (
                "indicator.html",
                minijinja::context! {
                    indicator => Value::from(Serde(self.indicator_view(pi, ii, lang))),
                },
            ),
            PageRef::Page(i) => (
                "page.html",
                minijinja::context! {
                    content_html => self.markdown_html(self.content.pages[i].docs.get(lang)),
                },
            ),
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
        let ctx = minijinja::value::merge_maps([ctx, extra, self.common(lang, Some(page))]);
        self.render_template(template, ctx)
    }

    /// Renders the site-wide 404 page in the default language.
    pub fn render_404(&self) -> Result<String, Diagnostic> {
        let lang = self.config.default_lang();
        let ctx = minijinja::context! {
            page => minijinja::context! {
                title => self.theme.i18n[lang].string("not_found_title"),
                description => self.config.description.get_ref().tr(lang),
                url => self.routes.asset_url("404.html"),
                canonical => Value::from(()),
                is_home => false,
            },
            ..self.common(lang, None),
        };
        self.render_template("404.html", ctx)
    }

    /// The site-wide files: 404 page, root page, sitemap and robots.txt.
    pub fn render_site_files(&self) -> Result<Vec<(&'static str, String)>, Diagnostic> {
        let langs = self.config.lang_codes();
        let entries: Vec<Value> = self
            .pages()
            .into_iter()
            .flat_map(|page| {
                let alternates: Vec<Value> = langs
                    .iter()
                    .map(|l| minijinja::context! { lang => l, href => self.routes.abs_url(page, l) })
                    .collect();
                langs.iter().map(move |l| minijinja::context! { loc => self.routes.abs_url(page, l), alternates => alternates.clone() })
            })
            .collect();
        let default = self.config.default_lang();
        let root = minijinja::context! {
            target => self.routes.url(PageRef::Home, default),
            ..self.common(default, Some(PageRef::Home)),
        };
        let plain = minijinja::context! { site_url => self.routes.base_url(), entries => entries };
        Ok(vec![
            ("404.html", self.render_404()?),
            ("index.html", self.render_template("root.html", root)?),
            ("sitemap.xml", self.render_template("sitemap.xml", plain.clone())?),
            ("robots.txt", self.render_template("robots.txt", plain)?),
        ])
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
