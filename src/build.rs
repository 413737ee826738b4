//! The pipeline: config → load → validate → render → write. `build` runs it
//! all into a temporary folder and swaps it in only when nothing failed;
//! `check` validates everything (Markdown included) without writing.
//!
//! Markdown is read and rendered once, while its page is rendered, so a site
//! of any size never holds all its text or HTML in memory; what later checks
//! need of it (heading ids, `#anchor` links) is kept, and is small.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{RawHtml, SiteConfig, CONFIG_FILE};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::load_content;
use crate::markdown::{self, Links};
use crate::model::{Content, MarkdownDoc, SourceFile};
use crate::output::{Output, OutputError};
use crate::render::{DocOutcome, Site};
use crate::routes::{PageRef, Routes};
use crate::theme::Theme;
use crate::{toml_doc, validate};

/// What to build, and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The folder with `site.toml`.
    pub root: PathBuf,
    /// Where the site goes; default `<root>/public`.
    pub output: Option<PathBuf>,
    /// Overrides `site.toml`'s `base_url`.
    pub base_url: Option<String>,
}

/// Why a build did not happen.
#[derive(Debug)]
pub enum BuildError {
    /// The content, configuration or theme has errors (and maybe warnings).
    Content(Diagnostics),
    /// The command was used wrongly (e.g. an output folder that would overwrite the site).
    Usage(String),
    /// Writing the output failed.
    Io(String),
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub pages: usize,
    pub charts: usize,
    pub files: usize,
    pub output: PathBuf,
    pub elapsed: Duration,
    pub warnings: Diagnostics,
}

/// A loaded and validated site, ready to render.
pub struct Checked {
    pub config: SiteConfig,
    pub content: Content,
    pub routes: Routes,
    pub theme: Theme,
    pub warnings: Diagnostics,
}

/// Everything read from the site, with the problems found so far.
struct Loaded {
    config: SiteConfig,
    content: Content,
    routes: Routes,
    theme: Option<Theme>,
    problems: Vec<Diagnostic>,
}

impl Loaded {
    fn rules(&self) -> markdown::Rules {
        markdown::Rules { forbid_raw_html: self.config.check.raw_html == RawHtml::Forbid }
    }

    /// Renders every Markdown document to find its problems (and discards the HTML).
    fn check_markdown(&mut self, root: &Path) {
        let Some(theme) = &self.theme else { return };
        let rules = self.rules();
        let docs = all_docs(&self.content);
        let outcomes: Vec<DocOutcome> =
            docs.par_iter().map(|doc| crate::render::render_doc(root, doc, &self.routes, theme, rules).1).collect();
        check_documents(root, &self.content, theme, outcomes, &mut self.problems);
    }

    /// The validated site, or every problem found.
    fn finish(self) -> Result<Checked, Diagnostics> {
        let all = Diagnostics(self.problems).sorted();
        match self.theme {
            Some(theme) if !all.has_errors() => {
                Ok(Checked { config: self.config, content: self.content, routes: self.routes, theme, warnings: all })
            }
            _ => Err(all),
        }
    }
}

/// Reads and validates configuration, theme and content, collecting every problem.
fn load(root: &Path, base_url: Option<&str>) -> Result<Loaded, Diagnostics> {
    let (mut config, config_file) = load_config(root).map_err(|d| Diagnostics(vec![d]))?;
    if let Some(url) = base_url {
        config.base_url = toml::Spanned::new(0..0, url.to_owned());
    }
    let langs = config.lang_codes();
    let mut problems = Vec::new();
    let theme = Theme::load(root, &config.theme, &langs).map_err(|mut p| problems.append(&mut p)).ok();
    let (content, mut load_problems) = load_content(root, &langs);
    problems.append(&mut load_problems);
    problems.extend(validate::validate(&config, &config_file, &content));
    let statement_slug = config.accessibility.as_ref().map(|a| a.slug.get_ref());
    let (routes, mut route_problems) = Routes::new(&content, &langs, config.base_url.get_ref(), statement_slug);
    problems.append(&mut route_problems);
    Ok(Loaded { config, content, routes, theme, problems })
}

/// Loads and validates the site at `root`, Markdown included, collecting every problem.
pub fn check(root: &Path, base_url: Option<&str>) -> Result<Checked, Diagnostics> {
    let mut loaded = load(root, base_url)?;
    if loaded.theme.is_none() || loaded.problems.iter().any(Diagnostic::is_error) {
        loaded.check_markdown(root);
        return loaded.finish();
    }
    // Render every page, writing nothing, so that templates and charts are
    // checked as a build would: `check` passes exactly when `build` would.
    let rules = loaded.rules();
    let checked = loaded.finish()?;
    let assets =
        checked.theme.static_files.iter().map(|(name, _)| (name.clone(), checked.routes.asset_url(name))).collect();
    let site = Site::new(root, &checked.config, &checked.content, &checked.routes, &checked.theme, assets, rules);
    let rendered = render_pages(&site, None, false);
    let all = Diagnostics(checked.warnings.0.iter().cloned().chain(rendered.problems).collect()).sorted();
    if all.has_errors() {
        return Err(all);
    }
    Ok(Checked { warnings: all, ..checked })
}

/// What rendering every page found.
struct RenderedPages {
    pages: usize,
    problems: Vec<Diagnostic>,
}

/// Renders every page in every language (in parallel), writing each to `out`
/// at once if given, then checks the `#anchor` links the Markdown made.
fn render_pages(site: &Site, out: Option<&Output>, progress: bool) -> RenderedPages {
    let start = Instant::now();
    let langs = site.config.lang_codes();
    let jobs: Vec<(PageRef, &str)> =
        site.pages().into_iter().flat_map(|p| langs.iter().map(move |l| (p, l.as_str()))).collect();
    let done = AtomicUsize::new(0);
    let show = progress && std::io::stderr().is_terminal();
    // Only each page's Markdown anchors and problems are kept.
    let results: Vec<Result<Option<DocOutcome>, Diagnostic>> = jobs
        .par_iter()
        .map(|(page, lang)| {
            let rendered = site.render(*page, lang)?;
            if let Some(out) = out {
                let path = site.routes.path(*page, lang);
                out.write_page(path, rendered.html.as_bytes())
                    .map_err(|e| Diagnostic::error(Path::new(path), e.to_string()))?;
            }
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if show && start.elapsed() > Duration::from_secs(1) && n.is_multiple_of(500) {
                eprint!("\r{n} / {} pages", jobs.len());
            }
            Ok(rendered.markdown)
        })
        .collect();
    if show && start.elapsed() > Duration::from_secs(1) {
        eprint!("\r\x1b[K");
    }
    let mut problems = site.take_problems();
    let mut outcomes = Vec::new();
    for result in results {
        match result {
            Ok(outcome) => outcomes.extend(outcome),
            Err(d) => problems.push(d),
        }
    }
    check_documents(site.root, site.content, site.theme, outcomes, &mut problems);
    RenderedPages { pages: jobs.len(), problems }
}

fn load_config(root: &Path) -> Result<(SiteConfig, SourceFile), Diagnostic> {
    let config = SiteConfig::load(root)?;
    let rel = PathBuf::from(CONFIG_FILE);
    let text: Arc<str> = toml_doc::read_text(root, &rel)?.into();
    Ok((config, SourceFile { path: rel, text }))
}

/// Every Markdown document of the site.
fn all_docs(content: &Content) -> Vec<&MarkdownDoc> {
    content
        .home
        .values()
        .chain(content.programmes.iter().flat_map(|p| p.narrative.values()))
        .chain(content.pages.iter().flat_map(|p| p.docs.values()))
        .collect()
}

/// Adds what rendering found in each Markdown document to `problems`, then
/// checks the `#anchor` links between them.
fn check_documents(
    root: &Path,
    content: &Content,
    theme: &Theme,
    outcomes: Vec<DocOutcome>,
    problems: &mut Vec<Diagnostic>,
) {
    let mut links = HashMap::new();
    for outcome in outcomes {
        problems.extend(outcome.problems);
        links.insert(outcome.path, outcome.links);
    }
    check_fragments(root, content, &links, theme, problems);
}

/// Every `#fragment` a Markdown link names must be an id on the page it leads
/// to: a heading or footnote of that page's Markdown, or an id the theme writes.
fn check_fragments(
    root: &Path,
    content: &Content,
    links: &HashMap<PathBuf, Links>,
    theme: &Theme,
    problems: &mut Vec<Diagnostic>,
) {
    let doc_of = |page: PageRef, lang: &str| -> Option<&MarkdownDoc> {
        match page {
            PageRef::Home => content.home.get(lang),
            PageRef::Programme(pi) => content.programmes[pi].narrative.get(lang),
            PageRef::Page(i) => content.pages[i].docs.get(lang),
            PageRef::Goal(..) | PageRef::Indicator(..) | PageRef::Statement => None,
        }
    };
    for doc in all_docs(content) {
        let Some(own) = links.get(&doc.path) else { continue };
        for link in own.fragments.iter().filter(|l| !theme.ids.contains(&l.fragment)) {
            let target = match link.target {
                None => Some(own),
                Some(page) => doc_of(page, &doc.lang).and_then(|d| links.get(&d.path)),
            };
            let Some(target) = target else { continue };
            let ids: Vec<&str> = target.ids.iter().map(String::as_str).collect();
            if ids.contains(&link.fragment.as_str()) {
                continue;
            }
            let message = format!("the anchor #{} does not exist on the page the link leads to", link.fragment);
            let d = match doc.read(root) {
                Ok(file) => {
                    let span = link.span.start + doc.body_offset..link.span.end + doc.body_offset;
                    Diagnostic::error_at(&doc.path, &file.text, span, message)
                }
                Err(_) => Diagnostic::error(&doc.path, message),
            };
            problems.push(match crate::toml_doc::nearest(&link.fragment, &ids) {
                Some(best) => d.with_hint(format!("did you mean #{best}?")),
                None => d.with_hint("an anchor is a heading's text in lowercase, with - for spaces"),
            });
        }
    }
}

/// Builds the site: checks it, renders every page in every language into a
/// temporary folder, then swaps that folder in place of the output. With
/// `progress`, a line on the terminal counts the pages of a long build.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_with_progress(options, false)
}

/// [`build`], optionally showing progress on standard error when it is a terminal.
pub fn build_with_progress(options: &BuildOptions, progress: bool) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    let root = &options.root;
    let output_dir = options.output.clone().unwrap_or_else(|| root.join("public"));
    crate::output::refuse_dangerous_output(root, &output_dir).map_err(BuildError::Usage)?;
    if let Some(url) = &options.base_url {
        crate::routes::check_base_url(url).map_err(|why| BuildError::Usage(format!("--base-url {why}")))?;
    }
    let mut loaded = load(root, options.base_url.as_deref()).map_err(BuildError::Content)?;
    if loaded.theme.is_none() || loaded.problems.iter().any(Diagnostic::is_error) {
        // Report the Markdown's problems too, so one run lists everything.
        loaded.check_markdown(root);
    }
    let rules = loaded.rules();
    let checked = loaded.finish().map_err(BuildError::Content)?;
    let out = Output::create(&output_dir).map_err(io_error)?;
    let assets = out.copy_static(root, &checked.theme.static_files, &checked.routes).map_err(io_error)?;
    let site = Site::new(root, &checked.config, &checked.content, &checked.routes, &checked.theme, assets, rules);
    let mut rendered = render_pages(&site, Some(&out), progress);
    let mut all = checked.warnings.0.clone();
    all.append(&mut rendered.problems);
    let all = Diagnostics(all).sorted();
    if all.has_errors() {
        return Err(BuildError::Content(all));
    }
    out.write_site_files(&site).map_err(|e| match e {
        OutputError::Render(d) => BuildError::Content(Diagnostics(vec![d])),
        OutputError::Io(e) => io_error(e),
    })?;
    let charts = site.charts_drawn();
    let files = out.finish().map_err(io_error)?;
    Ok(BuildReport {
        pages: rendered.pages,
        charts,
        files,
        output: output_dir,
        elapsed: start.elapsed(),
        warnings: all,
    })
}

fn io_error(e: std::io::Error) -> BuildError {
    BuildError::Io(e.to_string())
}
