//! Fragment links: every `#fragment` a Markdown link names must be an id on the
//! page it leads to, as that page was rendered: a heading or footnote of its
//! text, or an id the theme writes (`gs-…`). Linear in the links and ids.

use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Problems, Severity};
use crate::locale::Lang;
use crate::markdown::Links;
use crate::model::{Doc, PageId, ProgrammeId, Site};
use crate::pages::PageRef;
use crate::text::{nearest, slugify};

/// Broken anchors per file that get a "did you mean" hint; the rest get the
/// plain hint (finding the nearest id costs as much as the page has ids).
const HINTED: usize = 100;

/// The ids on one page, sorted, in one string (a large site's pages have
/// millions of ids, kept for the checks and in the build cache), shared by
/// both rather than copied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ids(Arc<str>);

impl Ids {
    /// The ids `ids` (in any order, repeated or not).
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> Ids {
        let mut ids: Vec<&str> = ids.into_iter().filter(|id| !id.is_empty() && !id.contains('\n')).collect();
        ids.sort_unstable();
        ids.dedup();
        Ids(ids.join("\n").into())
    }

    /// As [`Ids::joined`] gave them.
    pub fn from_joined(joined: String) -> Ids {
        Ids(joined.into())
    }

    /// The ids, one per line.
    pub fn joined(&self) -> &str {
        &self.0
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split('\n').filter(|id| !id.is_empty())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.iter().any(|known| known == id)
    }
}

/// The ids of every rendered page, by page and language.
#[derive(Default)]
pub struct PageIds(HashMap<(PageRef, Lang), Ids>);

impl PageIds {
    /// Room for the ids of `pages` pages (in every language).
    pub fn with_capacity(pages: usize) -> PageIds {
        PageIds(HashMap::with_capacity(pages))
    }

    /// Records the ids of the page `page` in `lang`.
    pub fn insert(&mut self, page: PageRef, lang: Lang, ids: Ids) {
        self.0.insert((page, lang), ids);
    }
}

/// Every `id="…"` in `html` (pages are read as they are written: [`IdScan`]).
#[cfg(test)]
pub fn ids_in(html: &str) -> Ids {
    let mut scan = IdScan::default();
    scan.read(html.as_bytes(), true);
    scan.finish()
}

/// The ids of a page read piece by piece as it is written.
#[derive(Default)]
pub struct IdScan {
    /// The ids found so far, one per line.
    found: String,
}

impl IdScan {
    /// Reads the ids in `html`, all but one that may go on past its end
    /// (unless it is the `end` of the page), and returns how much of it was
    /// read: the rest begins the next piece.
    pub fn read(&mut self, html: &[u8], end: bool) -> usize {
        const ID: &[u8] = b" id=\"";
        // A ` id="` cut off at the end is found with the next piece.
        let mut read = if end { html.len() } else { html.len().saturating_sub(ID.len() - 1) };
        // memchr's vectorised search: every page's HTML is scanned.
        for at in memchr::memmem::find_iter(html, ID) {
            let value = &html[at + ID.len()..];
            let Some(close) = memchr::memchr(b'"', value) else {
                read = read.min(at);
                break;
            };
            let Ok(id) = std::str::from_utf8(&value[..close]) else { continue };
            // An attribute cut off by the next ` id="` is none.
            if !id.ends_with(" id=") && !id.is_empty() && !id.contains('\n') {
                self.found.push_str(id);
                self.found.push('\n');
            }
        }
        if end {
            read = html.len();
        }
        read
    }

    /// The ids read.
    pub fn finish(self) -> Ids {
        Ids::new(self.found.split('\n'))
    }
}

/// Checks the `#fragment` links of every Markdown document. `links` are what
/// rendering found in each document; `pages`, the ids of every rendered page
/// (without them, as when other errors stopped rendering, a page's ids are
/// its text's and the theme's `theme_ids`).
pub fn check(
    site: &Site,
    links: &HashMap<OsString, Links>,
    pages: Option<&PageIds>,
    theme_ids: &HashSet<String>,
    problems: &mut Problems,
) {
    let own_page = own_pages(site);
    let fallback = PageIds(match pages {
        Some(_) => HashMap::new(),
        None => own_page
            .iter()
            .filter_map(|(path, (page, lang))| {
                let ids = links.get(*path)?.ids.iter().chain(theme_ids).map(String::as_str);
                Some(((*page, *lang), Ids::new(ids)))
            })
            .collect(),
    });
    let known = pages.unwrap_or(&fallback);
    // Each document on its own (in parallel), its problems in the documents' order.
    let docs: Vec<&Doc> = site.docs().collect();
    let found: Vec<Vec<Diagnostic>> = docs
        .par_iter()
        .map(|doc| {
            let own = links.get(doc.source.path.as_os_str());
            let own_ref = own_page.get(doc.source.path.as_os_str());
            own.zip(own_ref).map_or_else(Vec::new, |(own, (own_ref, _))| broken(site, doc, own, *own_ref, known))
        })
        .collect();
    problems.extend(found.into_iter().flatten());
}

/// The `#fragment` links of `doc` (that found `links`, the text of the page
/// `own`) that name no id of the page they lead to.
fn broken(site: &Site, doc: &Doc, links: &Links, own: PageRef, known: &PageIds) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut whole = None;
    for link in &links.fragments {
        let Some(ids) = known.0.get(&(link.target.unwrap_or(own), doc.lang)) else { continue };
        if ids.contains(&link.fragment) {
            continue;
        }
        let span = link.span.start + doc.body_offset..link.span.end + doc.body_offset;
        // The file's text is read (once) for the place of the link; a file
        // changed since it was read is that error, once.
        let source = match whole.get_or_insert_with(|| doc.whole()) {
            Ok(source) => Arc::clone(source),
            Err(changed) => return vec![changed.clone()],
        };
        let d = Diagnostic::error_at(&source, span, msg!(AnchorMissing, anchor = &link.fragment));
        if link.target.is_some_and(|page| untranslated(site, page, doc.lang)) {
            // The page shows its text in another language for now (the site allows that).
            let d = d.with_severity(Severity::Warning);
            found.push(d.with_hint(msg!(AnchorUntranslatedHint, lang = doc.lang)));
            continue;
        }
        let candidates: Vec<&str> = match found.len() < HINTED {
            true => ids.iter().collect(),
            false => Vec::new(),
        };
        found.push(match nearest(&link.fragment, &candidates) {
            // An anchor from an id that is an error of its own is suggested as that id must be written.
            Some(best) if !best.is_ascii() => d.with_hint(msg!(DidYouMeanAnchor, suggestion = slugify(best))),
            Some(best) => d.with_hint(msg!(DidYouMeanAnchor, suggestion = best)),
            None => d.with_hint(msg!(AnchorHint)),
        });
    }
    found
}

/// Whether `page` has text, but none in `lang` (it shows another language's).
fn untranslated(site: &Site, page: PageRef, lang: Lang) -> bool {
    page.docs(site).is_some_and(|docs| !docs.is_empty() && !docs.contains_key(&lang))
}

/// The page (and language) each Markdown document is the text of (by its
/// file's path: hashed as bytes, not as a path's parts).
fn own_pages(site: &Site) -> HashMap<&OsStr, (PageRef, Lang)> {
    let home = site.home.values().map(|d| (PageRef::Home, d));
    let narratives = site
        .programmes
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.narrative.values().map(move |d| (PageRef::Programme(ProgrammeId(i)), d)));
    let pages =
        site.pages.iter().enumerate().flat_map(|(i, p)| p.docs.values().map(move |d| (PageRef::Page(PageId(i)), d)));
    home.chain(narratives).chain(pages).map(|(page, d)| (d.source.path.as_os_str(), (page, d.lang))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pages_ids_are_kept_sorted_once_each_in_one_string() {
        let ids = Ids::new(["gs-main", "a", "gs-main", "b-2", ""]);
        assert_eq!(ids.iter().collect::<Vec<_>>(), ["a", "b-2", "gs-main"]);
        assert!(ids.contains("b-2") && !ids.contains("b") && !ids.contains(""));
        assert_eq!(Ids::from_joined(ids.joined().to_owned()), ids);
        assert_eq!(Ids::default().iter().count(), 0);
    }

    #[test]
    fn ids_are_read_from_the_html() {
        let html = r#"<main id="gs-main"><h2 id="a">A</h2><p data-id="x">x</p><h2 id="a">A</h2></main>"#;
        assert_eq!(ids_in(html).iter().collect::<Vec<_>>(), ["a", "gs-main"]);
    }
}
