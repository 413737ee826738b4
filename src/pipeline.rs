//! The one pass that `build`, `check` and `serve` share: config → load →
//! validate → render → write. Every file is read once; every problem found on
//! the way is collected, so one run lists them all. With a writer, each page
//! is written as soon as it is rendered (no stage holds all pages' HTML);
//! without one (`check`), everything is rendered and nothing is written, so
//! `check` passes exactly when `build` would.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::anchors::{self, PageIds};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::locale::Lang;
use crate::model::Site;
use crate::output::Output;
use crate::render::{publish_assets, render_doc, DocOutcome, Renderer, BUNDLE_DIR};
use crate::routes::{PageRef, Routes};
use crate::search;
use crate::theme::Theme;

/// What a pass did, when nothing stopped it.
pub struct Passed {
    /// The written site, ready to be swapped in (when a folder was given).
    pub output: Option<Output>,
    /// Pages rendered (each language counts).
    pub pages: usize,
    pub charts: usize,
    /// Content files read.
    pub content_files: usize,
    /// Indicators with example data, left out of the open data.
    pub left_out: Vec<String>,
    pub catalogue: crate::downloads::Catalogue,
    pub warnings: Diagnostics,
}

/// Runs the pipeline on the site at `root`, writing into a new temporary
/// folder beside `output` if given (created only once the site has proved
/// valid). `base_url` overrides `site.toml`'s; `progress` counts pages on a terminal.
pub fn run(root: &Path, base_url: Option<&str>, output: Option<&Path>, progress: bool) -> Result<Passed, Diagnostics> {
    let (mut config, config_source) = SiteConfig::load(root).map_err(|d| Diagnostics::new(vec![d]))?;
    if let Some(url) = base_url {
        config.base_url = toml::Spanned::new(0..0, url.to_owned());
    }
    let language_problems = config.language_problems(&config_source);
    if !language_problems.is_empty() {
        return Err(Diagnostics::new(language_problems));
    }
    let langs = config.langs();
    let mut problems = Vec::new();
    let (theme, mut theme_problems) = Theme::load(root, &config.theme, &config_source, &langs);
    problems.append(&mut theme_problems);
    let (loaded, mut load_problems) = crate::load::load(root, &langs);
    problems.append(&mut load_problems);
    let content_files = loaded.file_count();
    let (site, mut validate_problems) = crate::validate::validate(root, &config, &config_source, loaded);
    problems.append(&mut validate_problems);
    let theme_pages = theme.as_ref().map(|t| theme_pages(t, &site, &langs)).unwrap_or_default();
    let (routes, mut route_problems) = Routes::new(&site, &theme_pages);
    problems.append(&mut route_problems);
    let Some(theme) = theme else { return Err(Diagnostics::new(problems)) };
    problems.extend(theme.check_accent(&config, &config_source));
    if problems.iter().any(Diagnostic::is_error) {
        // Report the Markdown's problems too, so one run lists everything.
        check_markdown(&site, &routes, &theme, &mut problems);
        return Err(Diagnostics::new(problems));
    }
    let out = match output {
        Some(dir) => Some(Output::create(dir).map_err(|e| write_failed(dir, &e))?),
        None => None,
    };
    let (assets, urls) = publish_assets(&theme, &site, &routes);
    let renderer = Renderer::new(&site, &routes, &theme, urls);
    let (pages, search_pages) = render_pages(&renderer, out.as_ref(), progress, &mut problems);
    let site_files = renderer.render_site_files().map_err(|d| problems.push(d)).unwrap_or_default();
    // Data files are made by check too (but for the PNG pictures of the charts,
    // which are only drawn to be written).
    let save = |(path, bytes): crate::downloads::File| match &out {
        Some(out) => out.write_file(&path, &bytes).map_err(|e| Diagnostic::error(Path::new(&path), e.to_string())),
        None => Ok(()),
    };
    let downloads =
        crate::downloads::files(&site, &theme, &routes, out.is_some(), &save).map_err(|d| problems.push(d)).ok();
    let all = Diagnostics::new(problems);
    if all.has_errors() {
        return Err(all);
    }
    if let Some(out) = &out {
        let files = assets.into_iter().map(|a| (a.path, a.bytes));
        let site_files = site_files.into_iter().map(|(name, text)| (name.to_owned(), text.into_bytes()));
        for (path, bytes) in files.chain(site_files) {
            out.write_file(&path, &bytes).map_err(|e| write_failed(Path::new(&path), &e))?;
        }
        if let Some(pages) = search_pages {
            write_search_bundle(out, pages, &langs, progress)?;
        }
    }
    let (left_out, catalogue) = downloads.map(|d| (d.left_out, d.catalogue)).unwrap_or_default();
    let charts = renderer.charts_drawn();
    Ok(Passed { output: out, pages, charts, content_files, left_out, catalogue, warnings: all })
}

/// The theme's own pages with their slug per language: the full report, the
/// open data page, and the search page on sites with search.
fn theme_pages(theme: &Theme, site: &Site, langs: &[Lang]) -> Vec<(PageRef, Vec<String>)> {
    let mut pages = vec![
        (PageRef::Report, theme.slugs("report_slug", langs)),
        (PageRef::OpenData, theme.slugs("open_data_slug", langs)),
    ];
    if site.settings.search {
        pages.push((PageRef::Search, theme.slugs("search_slug", langs)));
    }
    pages
}

/// Indexes the rendered `pages` for search and writes the bundle.
fn write_search_bundle(
    out: &Output,
    pages: Vec<search::Page>,
    langs: &[Lang],
    progress: bool,
) -> Result<(), Diagnostics> {
    let show = progress && std::io::stderr().is_terminal() && pages.len() > 1000;
    if show {
        eprint!("\rIndexing {} pages for search", pages.len());
    }
    let dir = Path::new(BUNDLE_DIR);
    let files = search::bundle(pages, langs).map_err(|e| {
        Diagnostics::new(vec![Diagnostic::error(dir, format!("the search index could not be built: {e}"))])
    })?;
    if show {
        eprint!("\r\x1b[K");
    }
    for (name, bytes) in files {
        let path = format!("{BUNDLE_DIR}{name}");
        out.write_file(&path, &bytes).map_err(|e| write_failed(Path::new(&path), &e))?;
    }
    Ok(())
}

fn write_failed(path: &Path, e: &std::io::Error) -> Diagnostics {
    Diagnostics::new(vec![Diagnostic::error(path, format!("could not write: {e}"))])
}

/// What rendering a page leaves for the stages after rendering: its ids and
/// what its Markdown found, for the checks, and its HTML if it goes into the
/// search index.
type PageOutcome = (Vec<String>, Option<DocOutcome>, Option<String>);

/// Renders every page in every language (in parallel), writing each to `out`
/// at once if given, then checks the `#anchor` links the Markdown made.
/// Returns how many pages were rendered, and, when the site has search and
/// is being written, the pages to index.
fn render_pages(
    renderer: &Renderer,
    out: Option<&Output>,
    progress: bool,
    problems: &mut Vec<Diagnostic>,
) -> (usize, Option<Vec<search::Page>>) {
    let index = renderer.site.settings.search && out.is_some();
    let start = Instant::now();
    let langs = renderer.site.settings.langs();
    let jobs: Vec<(PageRef, Lang)> =
        renderer.routes.pages().iter().flat_map(|&p| langs.iter().map(move |&l| (p, l))).collect();
    let done = AtomicUsize::new(0);
    let show = progress && std::io::stderr().is_terminal();
    // Only each page's ids and its Markdown's anchors and problems are kept,
    // and the HTML of the pages to index (Pagefind takes them one at a time,
    // in an order that does not depend on the threads).
    let results: Vec<Result<PageOutcome, Diagnostic>> = jobs
        .par_iter()
        .map(|&(page, lang)| {
            let rendered = renderer.render(page, lang)?;
            if let Some(out) = out {
                let path = renderer.routes.path(page, lang);
                out.write_page(path, rendered.html.as_bytes())
                    .map_err(|e| Diagnostic::error(Path::new(path), e.to_string()))?;
            }
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if show && start.elapsed() > Duration::from_secs(1) && n.is_multiple_of(500) {
                eprint!("\r{n} / {} pages", jobs.len());
            }
            let ids = anchors::ids_in(&rendered.html);
            Ok((ids, rendered.markdown, (index && search::indexed(page)).then_some(rendered.html)))
        })
        .collect();
    if show && start.elapsed() > Duration::from_secs(1) {
        eprint!("\r\x1b[K");
    }
    problems.append(&mut renderer.take_problems());
    let mut outcomes = Vec::new();
    let mut page_ids = PageIds::default();
    let mut search_pages = Vec::new();
    for (&(page, lang), result) in jobs.iter().zip(results) {
        match result {
            Ok((ids, outcome, html)) => {
                page_ids.insert(page, lang, ids);
                outcomes.extend(outcome);
                if let Some(html) = html {
                    search_pages.push(search::Page { path: renderer.routes.path(page, lang).to_owned(), html });
                }
            }
            Err(d) => problems.push(d),
        }
    }
    check_documents(renderer.site, renderer.theme, outcomes, Some(&page_ids), problems);
    (jobs.len(), index.then_some(search_pages))
}

/// Renders every Markdown document to find its problems (the HTML is dropped).
fn check_markdown(site: &Site, routes: &Routes, theme: &Theme, problems: &mut Vec<Diagnostic>) {
    let rules = crate::render::rules(site);
    let docs: Vec<_> = site.docs().collect();
    let outcomes: Vec<DocOutcome> = docs.par_iter().map(|doc| render_doc(doc, routes, theme, &rules).1).collect();
    check_documents(site, theme, outcomes, None, problems);
}

/// Adds what rendering found in each Markdown document to `problems`, then
/// checks the `#anchor` links between them (against each rendered page's
/// ids, when every page was rendered).
fn check_documents(
    site: &Site,
    theme: &Theme,
    outcomes: Vec<DocOutcome>,
    pages: Option<&PageIds>,
    problems: &mut Vec<Diagnostic>,
) {
    let mut links = HashMap::new();
    for outcome in outcomes {
        problems.extend(outcome.problems);
        links.insert(outcome.path, outcome.links);
    }
    anchors::check(site, &links, pages, &theme.ids, problems);
}
