//! The one pass that `build`, `check` and `serve` share: config → load →
//! validate → render → write. Every file is read once; every problem found on
//! the way goes into one [`Problems`], so one run lists them all. Every file
//! of the site is handed to a [`Publish`] as soon as it is made (no stage
//! holds all pages' HTML): the writer with a folder, nothing without one
//! (`check`), so `check` passes exactly when `build` would. How far it got is
//! told to a [`Progress`]; the drivers decide what to show.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::artifact::{Artifact, Publish};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, Problems};
use crate::fragments::{self, PageIds};
use crate::locale::Lang;
use crate::model::Site;
use crate::output::Output;
use crate::pages::PageRef;
use crate::render::{publish_assets, render_doc, DocOutcome, Renderer};
use crate::routes::Routes;
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

/// Hears how far a pass has come, to show it (the library prints nothing).
pub trait Progress: Sync {
    /// `done` of `total` pages are rendered.
    fn pages(&self, _done: usize, _total: usize) {}
    /// The search index of `pages` pages is being built.
    fn indexing(&self, _pages: usize) {}
    /// The stage that was shown has ended.
    fn stage_done(&self) {}
}

/// Shows nothing.
pub struct Silent;

impl Progress for Silent {}

/// A site read and checked, ready to render.
pub struct Prepared {
    pub site: Site,
    pub routes: Routes,
    pub theme: Theme,
    /// Content files read.
    pub content_files: usize,
    /// The warnings found so far.
    pub problems: Problems,
}

/// Reads and checks the site at `root` (`base_url` overriding `site.toml`'s):
/// everything before rendering. `Err` lists every problem found, the
/// Markdown's too.
pub fn prepare(root: &Path, base_url: Option<&str>) -> Result<Prepared, Diagnostics> {
    let (mut config, config_source) = SiteConfig::load(root).map_err(Diagnostics::one)?;
    if let Some(url) = base_url {
        config.base_url = toml::Spanned::new(0..0, url.to_owned());
    }
    let language_problems = config.language_problems(&config_source);
    if !language_problems.is_empty() {
        return Err(Diagnostics::new(language_problems));
    }
    let langs = config.langs();
    let mut problems = Problems::new();
    let theme = Theme::load(root, &config.theme, &config_source, &langs, &mut problems);
    let loaded = crate::load::load(root, &langs, &mut problems);
    let content_files = loaded.file_count();
    let site = crate::validate::validate(root, &config, &config_source, loaded, &mut problems);
    let routes = Routes::new(&site, theme.as_ref(), &mut problems);
    let Some(theme) = theme else { return Err(problems.finish()) };
    problems.extend(theme.check_accent(&config, &config_source));
    if problems.has_errors() {
        // Report the Markdown's problems too, so one run lists everything.
        check_markdown(&site, &routes, &theme, &mut problems);
        return Err(problems.finish());
    }
    Ok(Prepared { site, routes, theme, content_files, problems })
}

/// Runs the pipeline on the site at `root`, writing into a new temporary
/// folder beside `output` if given (created only once the site has proved
/// valid). `base_url` overrides `site.toml`'s.
pub fn run(
    root: &Path,
    base_url: Option<&str>,
    output: Option<&Path>,
    progress: &dyn Progress,
) -> Result<Passed, Diagnostics> {
    let Prepared { site, routes, theme, content_files, mut problems } = prepare(root, base_url)?;
    let langs = site.settings.langs();
    let out = match output {
        Some(dir) => Some(Output::create(dir).map_err(|e| Diagnostics::one(write_failed(dir, &e)))?),
        None => None,
    };
    let publish = |artifact: &Artifact| match &out {
        Some(out) => out.write(artifact).map_err(|e| write_failed(Path::new(&artifact.path), &e)),
        None => Ok(()),
    };
    let (assets, urls) = publish_assets(&theme, &site, &routes);
    let renderer = Renderer::new(&site, &routes, &theme, urls);
    let rendered = render_pages(&renderer, &publish, out.is_some(), progress, &mut problems);
    let site_files = problems.take(renderer.render_site_files()).unwrap_or_default();
    // Data files are made by check too (but for those only drawn to be written).
    let downloads = problems.take(crate::downloads::files(&site, &theme, &routes, out.is_some(), &publish));
    if problems.has_errors() {
        return Err(problems.finish());
    }
    for artifact in assets.iter().chain(&site_files) {
        publish(artifact).map_err(Diagnostics::one)?;
    }
    if let Some(records) = rendered.records {
        progress.indexing(records.len());
        let bundle = search::bundle(records, &langs);
        progress.stage_done();
        let bundle =
            bundle.map_err(|e| Diagnostic::error(Path::new(search::BUNDLE_DIR), msg!(SearchFailed, detail = e)));
        for artifact in bundle.map_err(Diagnostics::one)? {
            publish(&artifact).map_err(Diagnostics::one)?;
        }
    }
    let (left_out, catalogue) = downloads.map(|d| (d.left_out, d.catalogue)).unwrap_or_default();
    let charts = renderer.charts_drawn();
    let pages = rendered.pages;
    Ok(Passed { output: out, pages, charts, content_files, left_out, catalogue, warnings: problems.finish() })
}

fn write_failed(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(path, msg!(FileNotWritten, detail = e.to_string()))
}

/// What rendering a page leaves for the stages after rendering: its ids and
/// what its Markdown found, for the checks, and its HTML if it goes into the
/// search index.
type PageOutcome = (Vec<String>, Option<DocOutcome>, Option<String>);

/// Every page rendered: how many, and the records to index (when the site
/// has search and is written).
struct RenderedPages {
    pages: usize,
    records: Option<Vec<search::Record>>,
}

/// Renders every page in every language (in parallel), publishing each at
/// once, then checks the `#anchor` links the Markdown made.
fn render_pages(
    renderer: &Renderer,
    publish: Publish,
    written: bool,
    progress: &dyn Progress,
    problems: &mut Problems,
) -> RenderedPages {
    let index = renderer.site.settings.search && written;
    let langs = renderer.site.settings.langs();
    let jobs: Vec<(PageRef, Lang)> =
        renderer.routes.pages().iter().flat_map(|&p| langs.iter().map(move |&l| (p, l))).collect();
    let done = AtomicUsize::new(0);
    // Only each page's ids and its Markdown's anchors and problems are kept,
    // and the HTML of the pages to index (Pagefind takes them one at a time,
    // in an order that does not depend on the threads).
    let results: Vec<Result<PageOutcome, Diagnostic>> = jobs
        .par_iter()
        .map(|&(page, lang)| {
            let rendered = renderer.render(page, lang)?;
            let ids = fragments::ids_in(&rendered.html);
            let artifact = Artifact::page(renderer.routes.path(page, lang), rendered.html);
            publish(&artifact)?;
            progress.pages(done.fetch_add(1, Ordering::Relaxed) + 1, jobs.len());
            let html = (index && page.kind().searched).then(|| String::from_utf8(artifact.bytes).unwrap_or_default());
            Ok((ids, rendered.markdown, html))
        })
        .collect();
    progress.stage_done();
    problems.extend(renderer.chart_problems());
    let mut outcomes = Vec::new();
    let mut page_ids = PageIds::default();
    let mut records = Vec::new();
    for (&(page, lang), result) in jobs.iter().zip(results) {
        match result {
            Ok((ids, outcome, html)) => {
                page_ids.insert(page, lang, ids);
                outcomes.extend(outcome);
                if let Some(html) = html {
                    records.push(search::Record { path: renderer.routes.path(page, lang).to_owned(), html });
                }
            }
            Err(d) => problems.push(d),
        }
    }
    check_documents(renderer.site, renderer.theme, outcomes, Some(&page_ids), problems);
    RenderedPages { pages: jobs.len(), records: index.then_some(records) }
}

/// Renders every Markdown document to find its problems (the HTML is dropped).
fn check_markdown(site: &Site, routes: &Routes, theme: &Theme, problems: &mut Problems) {
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
    problems: &mut Problems,
) {
    let mut links = HashMap::new();
    for outcome in outcomes {
        problems.extend(outcome.problems);
        links.insert(outcome.path, outcome.links);
    }
    fragments::check(site, &links, pages, &theme.ids, problems);
}
