//! The one pass that `build`, `check` and `serve` share: config → load →
//! validate (`prepare.rs`, every edition) → render (`pages.rs`) → write.
//! Every file is read once at most; every problem found on the way goes into one
//! [`Problems`], so one run lists them all. Every file of the site is handed
//! to a [`Publish`] as soon as it is made (no stage holds all pages' HTML):
//! the writer with a folder, nothing without one (`check`), so `check`
//! passes exactly when `build` would. How far it got is told to a
//! [`Progress`]; the drivers decide what to show.
//!
//! With the build cache ([`Plan::last`]), a pass whose frame is the last
//! build's renders only the pages whose key changed and changes the last
//! build's output in place; `serve` leaves the slow files (PNG pictures,
//! workbooks, the search index) to a [`Later`] pass after it reloaded, and
//! makes a pass in another frame in place too.

mod later;
mod page_out;
mod pages;
mod prepare;

use std::path::Path;

use rayon::prelude::*;

use crate::artifact::Artifact;
use crate::cache::{Cache, Keys, OutputId};
use crate::diagnostics::{Diagnostic, Diagnostics, Problems};
use crate::downloads::Which;
use crate::model::{IndicatorId, Site};
use crate::output::Output;
use crate::render::{publish_assets, render_doc, DocOutcome, Renderer};
use crate::routes::Routes;
use crate::search;
use crate::theme::Theme;

pub use later::{is_slow, Later, Remake};
pub use prepare::{prepare, Prepared};

/// How a pass builds.
#[derive(Default)]
pub struct Plan<'a> {
    /// Overrides `site.toml`'s `base_url`.
    pub base_url: Option<&'a str>,
    /// Where the site is written (none: `check`).
    pub output: Option<&'a Path>,
    /// Keep what the build made for the next one ([`Passed::cache`]).
    pub cached: bool,
    /// What the last build made (its cache), so that only what changed is
    /// made again, in its output.
    pub last: Option<Cache>,
    /// Leave the slow files to [`Passed::later`], and change the output in
    /// place in another frame too (`serve`'s own folder, never deployed).
    pub defer: bool,
}

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
    /// Pages rendered this time (the others were the last build's).
    pub made: usize,
    /// What the next build may use, once the output is in place (its
    /// [`Cache::output`] is then filled in).
    pub cache: Option<Cache>,
    /// The slow files, when the plan deferred them.
    pub later: Option<Later>,
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
    run_plan(root, Plan { base_url, output, ..Plan::default() }, progress)
}

/// Runs the pipeline on the site at `root` as `plan` says.
pub fn run_plan(root: &Path, plan: Plan, progress: &dyn Progress) -> Result<Passed, Diagnostics> {
    let mut prepared = prepare(root, plan.base_url, plan.last.as_ref().map(|l| &l.known))?;
    let sites: Vec<&Site> = prepared.editions.iter().map(|e| &e.site).collect();
    let keys = plan.cached.then(|| Keys::new(root, &sites));
    // The last build's output is changed in place when it was made in the
    // same frame and is still the folder that build left.
    let last = plan.last.filter(|last| {
        let frame = keys.as_ref().is_some_and(|k| k.frame == last.frame);
        frame && plan.output.and_then(OutputId::of).is_some_and(|id| id == last.output)
    });
    // `serve`'s own folder (never deployed; the preview may show a page of
    // the new frame beside one of the old while the files are put in place)
    // is always changed in place: in another frame, every file is made
    // again and only those whose bytes changed are written.
    let out = match plan.output {
        Some(dir) => {
            let in_place = match (&last, plan.defer) {
                (Some(_), _) => Output::in_place(dir).ok(),
                (None, true) => Output::whole_in_place(dir, is_slow).ok(),
                (None, false) => None,
            };
            Some(
                in_place
                    .map_or_else(|| Output::create(dir), Ok)
                    .map_err(|e| Diagnostics::one(write_failed(dir, &e)))?,
            )
        }
        None => None,
    };
    // Pages are taken from the last build only into its own output.
    let last = last.filter(|_| out.as_ref().is_some_and(|o| !o.is_fresh()));
    let made = {
        let reuse = keys.as_ref().zip(plan.output).map(|(keys, dir)| pages::Reuse { keys, last: last.as_ref(), dir });
        make(root, &mut prepared, out.as_ref(), reuse.as_ref(), plan.defer, progress)?
    };
    let fresh = out.as_ref().is_none_or(Output::is_fresh);
    let cache = keys.map(|keys| Cache {
        frame: keys.frame,
        output: OutputId::default(),
        pages: made.entries,
        files: keys.files,
        known: known_files(&prepared.current().site),
        search: made.search,
    });
    let admin = crate::cms::Admin::of(&prepared.current().site);
    let changed = !made.changed.is_empty();
    let remake = if fresh { Remake::All } else { Remake::Only(made.changed) };
    let later = match plan.defer && out.is_some() && (fresh || made.made > 0 || changed) {
        true => Some(Later::new(prepared, remake, made.records)),
        false => {
            free_aside(prepared);
            None
        }
    };
    free_aside(last);
    Ok(Passed {
        output: out,
        pages: made.pages,
        charts: made.charts,
        content_files: made.content_files,
        left_out: made.downloads.left_out,
        catalogue: made.downloads.catalogue,
        admin,
        warnings: made.problems.finish(),
        made: made.made,
        cache,
        later,
    })
}

/// What [`make`] made.
struct Made {
    pages: usize,
    made: usize,
    charts: usize,
    content_files: usize,
    entries: std::collections::HashMap<String, crate::cache::PageEntry>,
    /// In an output changed in place: the indicators whose data files were
    /// made again (their data changed).
    changed: Vec<IndicatorId>,
    downloads: crate::downloads::Downloads,
    /// What each part of the search index was made from (empty: none made).
    search: Vec<Option<crate::cache::Hash>>,
    /// The searched pages, for the index a [`Later`] pass makes.
    records: Option<Vec<search::Record>>,
    problems: Problems,
}

/// Renders and publishes the site's files into `out`: every one into a new
/// folder, or, changing the last build's output, the pages whose key
/// changed and the few files made from everything (assets, the sitemap, the
/// search index). With `defer`, the slow files are left to [`Later`].
fn make(
    root: &Path,
    prepared: &mut Prepared,
    out: Option<&Output>,
    reuse: Option<&pages::Reuse>,
    defer: bool,
    progress: &dyn Progress,
) -> Result<Made, Diagnostics> {
    let mut problems = std::mem::take(&mut prepared.problems);
    let fresh = out.is_none_or(Output::is_fresh);
    let publish = |artifact: &Artifact| match out {
        Some(out) => out.write(artifact).map_err(|e| write_failed(Path::new(&artifact.path), &e)),
        None => Ok(()),
    };
    let current = prepared.current();
    let (assets, urls) = publish_assets(&prepared.theme, &current.site, &current.routes);
    let all: Vec<(&Site, &Routes)> = prepared.editions.iter().map(|e| (&e.site, &e.routes)).collect();
    let mut renderers: Vec<Renderer> = prepared
        .editions
        .iter()
        .enumerate()
        .map(|(i, edition)| Renderer::new(&all, i, prepared.theme_of(edition), urls.clone()))
        .collect();
    let index = match (out.is_some(), defer) {
        (false, _) => pages::Index::No,
        (true, false) => pages::Index::Now,
        (true, true) => pages::Index::Later,
    };
    let rendered = pages::render(&mut renderers, out, index, reuse, progress, &mut problems);
    let current_renderer = renderers.last().expect("the current edition");
    // What is made from the frame alone (the theme's files, the site-wide
    // files, the year addresses) is already in an output changed in place.
    // A page per page and language: written as they are made, like the pages.
    let site_files = match fresh {
        true => {
            problems.take(current_renderer.year_addresses(&publish));
            problems.take(current_renderer.render_site_files()).unwrap_or_default()
        }
        false => Vec::new(),
    };
    let assets = if fresh { assets } else { Vec::new() };
    // The browser editor's configuration follows the content (its goals,
    // indicators); its pages and scripts, the frame. Nothing to make for check.
    let edited = crate::cms::Edited { root, site: &current.site, routes: &current.routes, theme: &prepared.theme };
    let admin = match out {
        Some(_) => problems.take(crate::cms::published(edited, fresh, current_renderer)).unwrap_or_default(),
        None => Vec::new(),
    };
    // Data files are made by check too (but for those only drawn to be written).
    // The current edition's (last) say what the open data left out.
    let which = match (out.is_some(), defer) {
        (_, true) => Which::Quick,
        (written, false) => Which::All { written },
    };
    // In place, only the current edition's indicators whose data changed
    // (the earlier editions' are in the frame).
    let changed: Vec<IndicatorId> = match (fresh, reuse) {
        (false, Some(reuse)) => (0..reuse.keys.files.len())
            .filter(|&i| reuse.last.and_then(|l| l.files.get(i)) != reuse.keys.files.get(i))
            .map(IndicatorId)
            .collect(),
        _ => Vec::new(),
    };
    let mut downloads = None;
    for (n, e) in prepared.editions.iter().enumerate() {
        let theme = prepared.theme_of(e);
        let current = n + 1 == prepared.editions.len();
        downloads = match (fresh, current && !changed.is_empty()) {
            (true, _) => problems.take(crate::downloads::files(&e.site, theme, &e.routes, (which, None), &publish)),
            (false, true) => {
                problems.take(crate::downloads::files(&e.site, theme, &e.routes, (which, Some(&changed)), &publish))
            }
            (false, false) => Some(crate::downloads::made(&e.site)),
        };
    }
    // The site's zip and catalogue are made again from every indicator, or
    // not at all once none has official figures: then the last ones go.
    if let (Some(out), false, false) = (out, fresh, changed.is_empty()) {
        out.replaces(crate::downloads::DATA_DIR, |p| p == crate::downloads::ZIP_PATH);
        out.replaces(crate::downloads::CATALOG_PATH, |p| p == crate::downloads::CATALOG_PATH);
    }
    if problems.has_errors() {
        return Err(problems.finish());
    }
    for artifact in assets.iter().chain(&site_files).chain(&admin) {
        publish(artifact).map_err(Diagnostics::one)?;
    }
    let (mut search_keys, mut later_records) = (Vec::new(), None);
    if index == pages::Index::Later {
        later_records = rendered.records;
    } else if let Some(records) = rendered.records {
        // The parts of the index whose pages are unchanged are in the output.
        let last = reuse.and_then(|r| r.last).map_or(&[][..], |c| c.search.as_slice());
        let read = |path: &str| match reuse {
            Some(r) => std::fs::read(r.dir.join(path)),
            None => Err(std::io::Error::other("no earlier output")),
        };
        let plan = search::Plan::new(records, last, &read);
        progress.indexing(plan.pages());
        let bundle = plan.make(&current.site.settings.langs(), &read);
        progress.stage_done();
        let bundle = bundle.map_err(search_failed)?;
        for artifact in &bundle.files {
            publish(artifact).map_err(Diagnostics::one)?;
        }
        if let Some(out) = out {
            out.replaces(search::BUNDLE_DIR.trim_end_matches('/'), bundle.replaces());
        }
        search_keys = bundle.keys;
    }
    Ok(Made {
        pages: rendered.pages,
        made: rendered.made,
        charts: renderers.iter().map(Renderer::charts_drawn).sum(),
        content_files: prepared.content_files,
        entries: rendered.entries,
        changed,
        downloads: downloads.unwrap_or_else(|| crate::downloads::made(&current.site)),
        search: search_keys,
        records: later_records,
        problems,
    })
}

/// Whether `problems` say that a file known unchanged was not what it was
/// when read: the cache that knew it is then not to be used again.
pub fn known_file_changed(problems: &Diagnostics) -> bool {
    problems.iter().any(|d| d.message.id == crate::messages::MsgId::FileChangedWhileBuilding)
}

/// Whether the process ends after this pass ([`ends_after_pass`]).
static ENDING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Says that the process ends once this pass is done (`goalsite build`):
/// what [`free_aside`] is given is then left for the system to take back
/// with the rest of the process's memory, at once.
pub fn ends_after_pass() {
    ENDING.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Frees `value` on a thread of its own: freeing a large site's model and
/// cache takes a tenth of a build that changes one page, and nothing waits
/// for it. In a process that ends after the pass it is not freed at all:
/// memory freed on another thread is gathered again by the allocator as
/// the process ends.
pub fn free_aside<T: Send + 'static>(value: T) {
    if ENDING.load(std::sync::atomic::Ordering::Relaxed) {
        std::mem::forget(value);
        return;
    }
    // Were no thread made, the value is freed here, with the closure.
    let _ = std::thread::Builder::new().name("free".into()).spawn(move || drop(value));
}

/// The Markdown files of `site` as this pass read them, for the next one.
fn known_files(site: &Site) -> crate::load::KnownFiles {
    site.docs().filter_map(|doc| Some((doc.source.path.to_str()?.to_owned(), crate::load::Known::of(doc)?))).collect()
}

fn search_failed(e: String) -> Diagnostics {
    Diagnostics::one(Diagnostic::error(Path::new(search::BUNDLE_DIR), msg!(SearchFailed, detail = e)))
}

fn write_failed(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(path, msg!(FileNotWritten, detail = e.to_string()))
}

/// Renders every Markdown document to find its problems (the HTML is dropped).
fn check_markdown(site: &Site, routes: &Routes, theme: &Theme, problems: &mut Problems) {
    let rules = crate::render::rules(site);
    let docs: Vec<_> = site.docs().collect();
    let outcomes: Vec<DocOutcome> = docs.par_iter().map(|doc| render_doc(doc, routes, theme, &rules).1).collect();
    pages::check_documents(site, theme, outcomes, None, problems);
}
