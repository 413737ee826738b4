//! Every page of every edition in every language, rendered in parallel one
//! edition's language at a time and written as it is made (or, where the
//! build cache has it, taken from the last build unchanged), and the
//! `#fragment` links of each edition's Markdown checked against the pages as
//! they were rendered.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::artifact::Artifact;
use crate::cache::{Cache, Hash, Keys, PageEntry};
use crate::diagnostics::{Diagnostic, Problems};
use crate::fragments::{self, Ids, PageIds};
use crate::locale::Lang;
use crate::model::{IndicatorId, Site};
use crate::output::Output;
use crate::pages::PageRef;
use crate::render::{DocOutcome, Renderer};
use crate::search;
use crate::theme::Theme;

use super::page_out::PageOut;
use super::Progress;

/// Every page rendered: how many, and the records to index (when the site
/// has search and is written).
pub struct Rendered {
    pub pages: usize,
    /// How many were rendered (the others were the last build's).
    pub made: usize,
    pub records: Option<Vec<search::Record>>,
    /// What the cache keeps of each page, by its path (when keys were given).
    pub entries: HashMap<String, PageEntry>,
}

/// What rendering keeps of the searched pages for the search index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index {
    /// Nothing: the pages are not written (`check`), or the site has no search.
    No,
    /// Each page's record with its HTML where it was rendered: the index is
    /// made right after the pages.
    Now,
    /// Each page's record without its HTML: a later pass makes the index
    /// from the pages in the output (`serve`, after the reload).
    Later,
}

/// What the build cache says about the pages.
pub struct Reuse<'a> {
    pub keys: &'a Keys,
    /// The last build, whose output is changed in place: its pages with an
    /// unchanged key are not rendered again.
    pub last: Option<&'a Cache>,
    /// The output folder that holds the last build's pages.
    pub dir: &'a Path,
}

/// What rendering a page leaves for the stages after rendering: its ids and
/// what its Markdown found, for the checks, whether it goes into the search
/// index (with its HTML, if rendered this time), its key and the charts its
/// text placed where the cache keeps it (with the rest of its [`PageEntry`],
/// made once every page is rendered), and whether it was rendered.
struct PageOutcome {
    ids: Ids,
    markdown: Option<DocOutcome>,
    indexed: bool,
    html: Option<String>,
    cached: Option<(Hash, Vec<IndicatorId>)>,
    made: bool,
}

impl PageOutcome {
    /// What the cache keeps of the page, if it does.
    fn entry(&self) -> Option<PageEntry> {
        let (key, placed) = self.cached.clone()?;
        let markdown = self.markdown.as_ref().map(|m| (m.path.clone(), m.links.clone()));
        Some(PageEntry { key, ids: self.ids.clone(), markdown, placed })
    }
}

/// The last build's page at `path`, if its key is still what `key` makes
/// of the charts its text placed and, where it is indexed, it is still in
/// the output (its HTML is read only when its part of the index is made again).
fn reused(reuse: &Reuse, path: &str, key: impl Fn(&[IndicatorId]) -> u128, indexed: bool) -> Option<PageOutcome> {
    let entry = reuse.last?.pages.get(path).filter(|e| e.key == key(&e.placed))?;
    if indexed && !reuse.dir.join(path).join("index.html").is_file() {
        return None;
    }
    let markdown = entry.markdown.clone().map(|(path, links)| DocOutcome { path, links, problems: Vec::new() });
    let (ids, cached) = (entry.ids.clone(), Some((entry.key, entry.placed.clone())));
    Some(PageOutcome { ids, markdown, indexed, html: None, cached, made: false })
}

/// Renders every page of every edition (one renderer each) in every
/// language, publishing each at once, then checks the `#anchor` links the
/// Markdown made. One edition's language is rendered at a time (its pages in
/// parallel), so that only its indicators' views and charts are held.
pub fn render(
    renderers: &mut [Renderer],
    out: Option<&Output>,
    index: Index,
    reuse: Option<&Reuse>,
    progress: &dyn Progress,
    problems: &mut Problems,
) -> Rendered {
    // Edition by edition, language by language.
    let jobs: Vec<(usize, PageRef, Lang)> = renderers
        .iter()
        .enumerate()
        .flat_map(|(e, r)| {
            let pages = r.routes.pages();
            r.site.settings.langs().into_iter().flat_map(move |l| pages.iter().map(move |&p| (e, p, l)))
        })
        .collect();
    let done = AtomicUsize::new(0);
    let mut chart_problems: Vec<Problems> = renderers.iter().map(|_| Problems::new()).collect();
    let mut results: Vec<Result<PageOutcome, Diagnostic>> = Vec::with_capacity(jobs.len());
    for group in jobs.chunk_by(|a, b| (a.0, a.2) == (b.0, b.2)) {
        let (e, _, lang) = group[0];
        let renderer = &renderers[e];
        results.par_extend(group.par_iter().map(|&job| {
            let outcome = render_page(renderer, job, index, reuse, out);
            progress.pages(done.fetch_add(1, Ordering::Relaxed) + 1, jobs.len());
            outcome
        }));
        chart_problems[e].extend(renderers[e].forget_views(lang));
    }
    progress.stage_done();
    let mut by_edition: Vec<(Vec<DocOutcome>, PageIds, Problems)> = renderers
        .iter()
        .zip(chart_problems)
        .map(|(r, charts)| (Vec::new(), PageIds::with_capacity(r.routes.pages().len()), charts))
        .collect();
    let mut records = Vec::new();
    let mut entries = HashMap::with_capacity(if reuse.is_some() { jobs.len() } else { 0 });
    let mut made = 0;
    for (&(e, page, lang), result) in jobs.iter().zip(results) {
        let (outcomes, ids, found) = &mut by_edition[e];
        match result {
            Ok(outcome) => {
                let path = renderers[e].routes.path(page, lang);
                if let Some(entry) = outcome.entry() {
                    entries.insert(path.to_owned(), entry);
                }
                ids.insert(page, lang, outcome.ids);
                outcomes.extend(outcome.markdown);
                made += usize::from(outcome.made);
                if outcome.indexed {
                    let key = outcome.cached.map(|(key, _)| key);
                    let page = renderers[e].routes.first_path(page).to_owned();
                    records.push(search::Record { path: path.to_owned(), page, html: outcome.html, key });
                }
            }
            Err(d) => found.push(d),
        }
    }
    for (r, (outcomes, ids, mut found)) in renderers.iter().zip(by_edition) {
        check_documents(r.site, r.theme, outcomes, Some(&ids), &mut found);
        report(r.site, found, problems);
    }
    let searched = index != Index::No && renderers.iter().any(|r| r.site.settings.search);
    Rendered { pages: jobs.len(), made, records: searched.then_some(records), entries }
}

/// Renders `page` in `lang` of edition `e` into the output (`None`: only
/// for the checks), or takes it from the last build where the cache has it
/// unchanged.
fn render_page(
    r: &Renderer,
    (e, page, lang): (usize, PageRef, Lang),
    index: Index,
    reuse: Option<&Reuse>,
    out: Option<&Output>,
) -> Result<PageOutcome, Diagnostic> {
    let path = r.routes.path(page, lang);
    let indexed = index != Index::No && r.site.settings.search && page.kind().searched;
    // Its HTML is kept for an index made now (a later one reads the output).
    let kept = indexed && index == Index::Now;
    let key = |c: &Reuse, placed: &[IndicatorId]| c.keys.page(e, r.site, (page, lang, path), placed);
    if let Some(outcome) = reuse.and_then(|c| reused(c, path, |placed| key(c, placed), indexed)) {
        return Ok(outcome);
    }
    let file = Artifact::page_path(path);
    let failed = |e: std::io::Error| super::write_failed(Path::new(&file), &e);
    let stream = out.and_then(|o| o.stream(&file)).transpose().map_err(failed)?;
    let mut page_out = PageOut::new(stream, kept);
    let rendered = r.render(page, lang, &mut page_out);
    // A write that failed stopped the template: that is the problem to tell.
    let done = page_out.finish().map_err(failed)?;
    let rendered = rendered?;
    let mut html = done.html;
    if let Some(bytes) = done.whole {
        let artifact = Artifact::new(file.clone(), bytes);
        if let Some(out) = out {
            out.write(&artifact).map_err(failed)?;
        }
        html = kept.then(|| String::from_utf8(artifact.bytes).unwrap_or_default());
    }
    // A page whose Markdown had problems is rendered again next time,
    // so that they are reported again.
    let clean = rendered.markdown.as_ref().is_none_or(|m| m.problems.is_empty());
    let cached = reuse.filter(|_| clean).map(|c| (key(c, &rendered.placed), rendered.placed));
    Ok(PageOutcome { ids: done.ids, markdown: rendered.markdown, indexed, html, cached, made: true })
}

/// An edition's problems: all of the current one's; an earlier edition's
/// errors only (what it published with a warning, it published), named
/// under its folder.
fn report(site: &Site, found: Problems, problems: &mut Problems) {
    match site.edition.archived {
        true => problems
            .extend(found.into_errors().into_iter().map(|d| super::prepare::in_edition(site.settings.report_year, d))),
        false => problems.extend(found.into_vec()),
    }
}

/// Adds what rendering found in each Markdown document to `problems`, then
/// checks the `#anchor` links between them (against each rendered page's
/// ids, when every page was rendered).
pub fn check_documents(
    site: &Site,
    theme: &Theme,
    outcomes: Vec<DocOutcome>,
    pages: Option<&PageIds>,
    problems: &mut Problems,
) {
    let mut links = HashMap::with_capacity(outcomes.len());
    for outcome in outcomes {
        problems.extend(outcome.problems);
        links.insert(outcome.path.into_os_string(), outcome.links);
    }
    fragments::check(site, &links, pages, &theme.ids, problems);
}
