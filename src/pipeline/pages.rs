//! Every page of every edition in every language, rendered in parallel and
//! published as it is made, and the `#fragment` links of each edition's
//! Markdown checked against the pages as they were rendered.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::artifact::{Artifact, Publish};
use crate::diagnostics::{Diagnostic, Problems};
use crate::fragments::{self, PageIds};
use crate::locale::Lang;
use crate::model::Site;
use crate::pages::PageRef;
use crate::render::{DocOutcome, Renderer};
use crate::search;
use crate::theme::Theme;

use super::Progress;

/// Every page rendered: how many, and the records to index (when the site
/// has search and is written).
pub struct Rendered {
    pub pages: usize,
    pub records: Option<Vec<search::Record>>,
}

/// What rendering a page leaves for the stages after rendering: its ids and
/// what its Markdown found, for the checks, and its HTML if it goes into the
/// search index.
type PageOutcome = (Vec<String>, Option<DocOutcome>, Option<String>);

/// Renders every page of every edition (one renderer each) in every
/// language, publishing each at once, then checks the `#anchor` links the
/// Markdown made.
pub fn render(
    renderers: &[Renderer],
    publish: Publish,
    written: bool,
    progress: &dyn Progress,
    problems: &mut Problems,
) -> Rendered {
    let jobs: Vec<(usize, PageRef, Lang)> = renderers
        .iter()
        .enumerate()
        .flat_map(|(e, r)| {
            let langs = r.site.settings.langs();
            r.routes
                .pages()
                .iter()
                .flat_map(move |&p| langs.clone().into_iter().map(move |l| (e, p, l)))
                .collect::<Vec<_>>()
        })
        .collect();
    let done = AtomicUsize::new(0);
    // Only each page's ids and its Markdown's anchors and problems are kept,
    // and the HTML of the pages to index (Pagefind takes them one at a time,
    // in an order that does not depend on the threads).
    let results: Vec<Result<PageOutcome, Diagnostic>> = jobs
        .par_iter()
        .map(|&(e, page, lang)| {
            let r = &renderers[e];
            let rendered = r.render(page, lang)?;
            let ids = fragments::ids_in(&rendered.html);
            let artifact = Artifact::page(r.routes.path(page, lang), rendered.html);
            publish(&artifact)?;
            progress.pages(done.fetch_add(1, Ordering::Relaxed) + 1, jobs.len());
            let indexed = written && r.site.settings.search && page.kind().searched;
            let html = indexed.then(|| String::from_utf8(artifact.bytes).unwrap_or_default());
            Ok((ids, rendered.markdown, html))
        })
        .collect();
    progress.stage_done();
    let mut by_edition: Vec<(Vec<DocOutcome>, PageIds, Problems)> =
        renderers.iter().map(|_| (Vec::new(), PageIds::default(), Problems::new())).collect();
    let mut records = Vec::new();
    for (&(e, page, lang), result) in jobs.iter().zip(results) {
        let (outcomes, ids, found) = &mut by_edition[e];
        match result {
            Ok((page_ids, outcome, html)) => {
                ids.insert(page, lang, page_ids);
                outcomes.extend(outcome);
                if let Some(html) = html {
                    records.push(search::Record { path: renderers[e].routes.path(page, lang).to_owned(), html });
                }
            }
            Err(d) => found.push(d),
        }
    }
    for (r, (outcomes, ids, mut found)) in renderers.iter().zip(by_edition) {
        found.extend(r.chart_problems());
        check_documents(r.site, r.theme, outcomes, Some(&ids), &mut found);
        report(r.site, found, problems);
    }
    let index = written && renderers.iter().any(|r| r.site.settings.search);
    Rendered { pages: jobs.len(), records: index.then_some(records) }
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
    let mut links = HashMap::new();
    for outcome in outcomes {
        problems.extend(outcome.problems);
        links.insert(outcome.path, outcome.links);
    }
    fragments::check(site, &links, pages, &theme.ids, problems);
}
