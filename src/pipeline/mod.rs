//! The one pass that `build`, `check` and `serve` share: config → load →
//! validate (`prepare.rs`, every edition) → render (`pages.rs`) → write.
//! Every file is read once; every problem found on the way goes into one
//! [`Problems`], so one run lists them all. Every file of the site is handed
//! to a [`Publish`] as soon as it is made (no stage holds all pages' HTML):
//! the writer with a folder, nothing without one (`check`), so `check`
//! passes exactly when `build` would. How far it got is told to a
//! [`Progress`]; the drivers decide what to show.

mod pages;
mod prepare;

use std::path::Path;

use crate::artifact::Artifact;
use crate::diagnostics::{Diagnostic, Diagnostics, Problems};
use crate::model::Site;
use crate::output::Output;
use crate::render::{publish_assets, render_doc, DocOutcome, Renderer};
use crate::routes::Routes;
use crate::search;
use crate::theme::Theme;

pub use prepare::prepare;

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
    /// What was published of the browser editor.
    pub admin: crate::cms::Admin,
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

/// Runs the pipeline on the site at `root`, writing into a new temporary
/// folder beside `output` if given (created only once the site has proved
/// valid). `base_url` overrides `site.toml`'s.
pub fn run(
    root: &Path,
    base_url: Option<&str>,
    output: Option<&Path>,
    progress: &dyn Progress,
) -> Result<Passed, Diagnostics> {
    let mut prepared = prepare(root, base_url)?;
    let mut problems = std::mem::take(&mut prepared.problems);
    let out = match output {
        Some(dir) => Some(Output::create(dir).map_err(|e| Diagnostics::one(write_failed(dir, &e)))?),
        None => None,
    };
    let publish = |artifact: &Artifact| match &out {
        Some(out) => out.write(artifact).map_err(|e| write_failed(Path::new(&artifact.path), &e)),
        None => Ok(()),
    };
    let current = prepared.current();
    let (assets, urls) = publish_assets(&prepared.theme, &current.site, &current.routes);
    let all: Vec<(&Site, &Routes)> = prepared.editions.iter().map(|e| (&e.site, &e.routes)).collect();
    let renderers: Vec<Renderer> = prepared
        .editions
        .iter()
        .enumerate()
        .map(|(i, edition)| Renderer::new(&all, i, prepared.theme_of(edition), urls.clone()))
        .collect();
    let rendered = pages::render(&renderers, &publish, out.is_some(), progress, &mut problems);
    let current_renderer = renderers.last().expect("the current edition");
    let site_files = problems.take(current_renderer.render_site_files()).unwrap_or_default();
    let year_addresses = problems.take(current_renderer.year_addresses()).unwrap_or_default();
    let edited = crate::cms::Edited { root, site: &current.site, routes: &current.routes, theme: &prepared.theme };
    let admin = crate::cms::published(edited);
    // Data files are made by check too (but for those only drawn to be written).
    // The current edition's (last) say what the open data left out.
    let mut downloads = None;
    for e in &prepared.editions {
        downloads =
            problems.take(crate::downloads::files(&e.site, prepared.theme_of(e), &e.routes, out.is_some(), &publish));
    }
    if problems.has_errors() {
        return Err(problems.finish());
    }
    for artifact in assets.iter().chain(&site_files).chain(&year_addresses).chain(&admin) {
        publish(artifact).map_err(Diagnostics::one)?;
    }
    if let Some(records) = rendered.records {
        progress.indexing(records.len());
        let bundle = search::bundle(records, &current.site.settings.langs());
        progress.stage_done();
        let bundle =
            bundle.map_err(|e| Diagnostic::error(Path::new(search::BUNDLE_DIR), msg!(SearchFailed, detail = e)));
        for artifact in bundle.map_err(Diagnostics::one)? {
            publish(&artifact).map_err(Diagnostics::one)?;
        }
    }
    let (left_out, catalogue) = downloads.map(|d| (d.left_out, d.catalogue)).unwrap_or_default();
    let charts = renderers.iter().map(Renderer::charts_drawn).sum();
    Ok(Passed {
        output: out,
        pages: rendered.pages,
        charts,
        content_files: prepared.content_files,
        left_out,
        catalogue,
        admin: crate::cms::Admin::of(&current.site),
        warnings: problems.finish(),
    })
}

fn write_failed(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(path, msg!(FileNotWritten, detail = e.to_string()))
}

/// Renders every Markdown document to find its problems (the HTML is dropped).
fn check_markdown(site: &Site, routes: &Routes, theme: &Theme, problems: &mut Problems) {
    use rayon::prelude::*;
    let rules = crate::render::rules(site);
    let docs: Vec<_> = site.docs().collect();
    let outcomes: Vec<DocOutcome> = docs.par_iter().map(|doc| render_doc(doc, routes, theme, &rules).1).collect();
    pages::check_documents(site, theme, outcomes, None, problems);
}
