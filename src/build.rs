//! The pipeline: config → load → validate → render → write. `build` runs it
//! all and writes nothing unless every step succeeded; `check` stops after
//! validation.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{SiteConfig, CONFIG_FILE};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::load_content;
use crate::markdown::{self, Html};
use crate::model::{Content, MarkdownDoc, SourceFile};
use crate::output::{Output, OutputError};
use crate::render::Site;
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
    pub markdown: HashMap<PathBuf, Html>,
    pub warnings: Diagnostics,
}

/// Loads and validates the site at `root`, collecting every problem.
pub fn check(root: &Path, base_url: Option<&str>) -> Result<Checked, Diagnostics> {
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
    let rules = markdown::Rules { forbid_raw_html: config.check.raw_html == crate::config::RawHtml::Forbid };
    let markdown = match &theme {
        Some(theme) => {
            let markdown = render_markdown(&content, &routes, theme, rules, &mut problems);
            check_fragments(&content, &markdown, theme, &mut problems);
            markdown
        }
        None => HashMap::new(),
    };
    let all = Diagnostics(problems).sorted();
    match theme {
        Some(theme) if !all.has_errors() => Ok(Checked { config, content, routes, theme, markdown, warnings: all }),
        _ => Err(all),
    }
}

fn load_config(root: &Path) -> Result<(SiteConfig, SourceFile), Diagnostic> {
    let config = SiteConfig::load(root)?;
    let rel = PathBuf::from(CONFIG_FILE);
    let text: Arc<str> = toml_doc::read_text(root, &rel)?.into();
    Ok((config, SourceFile { path: rel, text }))
}

/// Renders every Markdown document (in parallel); link errors go to `problems`.
fn render_markdown(
    content: &Content,
    routes: &Routes,
    theme: &Theme,
    rules: markdown::Rules,
    problems: &mut Vec<Diagnostic>,
) -> HashMap<PathBuf, Html> {
    let docs: Vec<&MarkdownDoc> = content
        .home
        .values()
        .chain(content.programmes.iter().flat_map(|p| p.narrative.values()))
        .chain(content.pages.iter().flat_map(|p| p.docs.values()))
        .collect();
    let typography: HashMap<&str, markdown::Typography> =
        theme.i18n.iter().map(|(lang, i)| (lang.as_str(), i.typography())).collect();
    let rendered: Vec<(PathBuf, Html, Vec<Diagnostic>)> = docs
        .par_iter()
        .map(|doc| {
            let mut p = Vec::new();
            let html = markdown::render(doc, routes, &typography[doc.lang.as_str()], rules, &mut p);
            (doc.file.path.clone(), html, p)
        })
        .collect();
    rendered
        .into_iter()
        .map(|(path, html, mut p)| {
            problems.append(&mut p);
            (path, html)
        })
        .collect()
}

/// Every `#fragment` a Markdown link names must be an id on the page it leads
/// to: a heading or footnote of that page's Markdown, or an id the theme writes.
fn check_fragments(
    content: &Content,
    markdown: &HashMap<PathBuf, Html>,
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
    let docs = content
        .home
        .values()
        .chain(content.programmes.iter().flat_map(|p| p.narrative.values()))
        .chain(content.pages.iter().flat_map(|p| p.docs.values()));
    for doc in docs {
        let Some(html) = markdown.get(&doc.file.path) else { continue };
        for link in &html.fragments {
            if theme.ids.contains(&link.fragment) {
                continue;
            }
            let target = match link.target {
                None => Some(html),
                Some(page) => doc_of(page, &doc.lang).and_then(|d| markdown.get(&d.file.path)),
            };
            let ids: Vec<&str> = match target {
                Some(t) => t.ids.iter().map(String::as_str).collect(),
                None => continue,
            };
            if !ids.contains(&link.fragment.as_str()) {
                let span = link.span.start + doc.body_offset..link.span.end + doc.body_offset;
                let d = Diagnostic::error_at(
                    &doc.file.path,
                    &doc.file.text,
                    span,
                    format!("the anchor #{} does not exist on the page the link leads to", link.fragment),
                );
                problems.push(match crate::toml_doc::nearest(&link.fragment, &ids) {
                    Some(best) => d.with_hint(format!("did you mean #{best}?")),
                    None => d.with_hint("an anchor is a heading's text in lowercase, with - for spaces"),
                });
            }
        }
    }
}

/// Builds the site: checks it, renders every page in every language into a
/// temporary folder, then swaps that folder in place of the output.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    let root = &options.root;
    let output_dir = options.output.clone().unwrap_or_else(|| root.join("public"));
    crate::output::refuse_dangerous_output(root, &output_dir).map_err(BuildError::Usage)?;
    let checked = check(root, options.base_url.as_deref()).map_err(BuildError::Content)?;
    let out = Output::create(&output_dir).map_err(io_error)?;
    let assets = out.copy_static(root, &checked.theme.static_files, &checked.routes).map_err(io_error)?;
    let site = Site::new(&checked.config, &checked.content, &checked.routes, &checked.theme, checked.markdown, assets)
        .map_err(|p| BuildError::Content(Diagnostics(p).sorted()))?;
    let langs = checked.config.lang_codes();
    let jobs: Vec<(crate::routes::PageRef, &str)> =
        site.pages().into_iter().flat_map(|p| langs.iter().map(move |l| (p, l.as_str()))).collect();
    let results: Vec<Result<(), Diagnostic>> = jobs
        .par_iter()
        .map(|(page, lang)| {
            let html = site.render(*page, lang)?;
            out.write_page(checked.routes.path(*page, lang), html.as_bytes())
                .map_err(|e| Diagnostic::error(Path::new(checked.routes.path(*page, lang)), e.to_string()))
        })
        .collect();
    let problems: Vec<Diagnostic> = results.into_iter().filter_map(Result::err).collect();
    if !problems.is_empty() {
        return Err(BuildError::Content(Diagnostics(problems).sorted()));
    }
    out.write_site_files(&site).map_err(|e| match e {
        OutputError::Render(d) => BuildError::Content(Diagnostics(vec![d])),
        OutputError::Io(e) => io_error(e),
    })?;
    let files = out.finish().map_err(io_error)?;
    Ok(BuildReport {
        pages: jobs.len(),
        files,
        output: output_dir,
        elapsed: start.elapsed(),
        warnings: checked.warnings,
    })
}

fn io_error(e: std::io::Error) -> BuildError {
    BuildError::Io(e.to_string())
}
