//! Search: the site's static search index, built by Pagefind (used as a
//! library, so building needs neither Node nor npm) from the pages as they
//! were rendered. Pagefind reads each page's language from `<html lang>`
//! and makes one index per language, stemmed for it (Swedish and English
//! among them), so a search page finds pages of its own language only. It
//! indexes what the theme marks as the page's body (`data-pagefind-body` on
//! `<main>` in the default theme).
//!
//! The bundle is written under `pagefind/`: the script and worker the search
//! page loads, the WebAssembly of the site's languages, and the index and
//! fragment files. Pagefind's own UIs are left out: the theme's `search.js`
//! shows the results.
//!
//! A large site's index is made in as many parts as it takes to hold at
//! most [`PART_RECORDS`] pages each (about as many in each), a page's part
//! (in all its languages) chosen by a hash of its path in the site's first
//! language: the first part is `pagefind/` itself, the others
//! `pagefind/part<N>/`, which the search page merges into the first (Pagefind's `mergeIndex`, made for searching
//! several sites at once). Pagefind cannot change an index, only make it
//! again; in parts, a build that changed one page makes one part again, and
//! Pagefind holds what it parsed of one part per core at a time (the pages'
//! HTML is kept from rendering until its part is indexed).

mod indexer;
mod vocabulary;

use std::collections::BTreeMap;

use pagefind::api::SyntheticFile;
use rayon::prelude::*;

use crate::artifact::Artifact;
use crate::locale::Lang;
use crate::source::fingerprint;

/// Where the search bundle is published, under the site root.
pub const BUNDLE_DIR: &str = "pagefind/";

/// How many pages (in all languages) a part of the index holds at most (the
/// test build's [`part_records`] reads `GOALSITE_PART_RECORDS`: a small site in parts).
pub const PART_RECORDS: usize = 3_000;

fn part_records() -> usize {
    #[cfg(feature = "testing")]
    if let Some(n) = std::env::var("GOALSITE_PART_RECORDS").ok().and_then(|v| v.parse().ok()).filter(|&n| n > 0) {
        return n;
    }
    PART_RECORDS
}

/// A page for the index (the pages a kind of page says are searched).
pub struct Record {
    /// The page's path under the site root (`en/growth/`).
    pub path: String,
    /// Its path in the site's first language (`sv/tillvaxt/`): a page is in
    /// the same part in every language, as its key covers its texts in all.
    pub page: String,
    /// The page as rendered; `None`: as the last build left it in the
    /// output folder (read only if its part is made again).
    pub html: Option<String>,
    /// What the page was made from (its key in the build cache), if known.
    pub key: Option<u128>,
}

/// How the site's searched pages are split into parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts(usize);

impl Parts {
    /// The parts for a site of `records` searched pages (in all languages).
    pub fn for_records(records: usize) -> Parts {
        Parts(records.div_ceil(part_records()).max(1))
    }

    pub fn count(self) -> usize {
        self.0
    }

    /// The part of the page whose path in the site's first language is `page`.
    pub fn of(self, page: &str) -> usize {
        (fingerprint(page.as_bytes()) % self.0 as u128) as usize
    }

    /// The folder of part `part` under the site root.
    pub fn dir(part: usize) -> String {
        match part {
            0 => BUNDLE_DIR.to_owned(),
            n => format!("{BUNDLE_DIR}part{n}/"),
        }
    }

    /// The part a file of the bundle (`pagefind/part3/index/x.pf_index`) is in.
    pub fn of_file(path: &str) -> Option<usize> {
        let rest = path.strip_prefix(BUNDLE_DIR)?;
        let Some((folder, _)) = rest.strip_prefix("part").and_then(|r| r.split_once('/')) else { return Some(0) };
        let n: usize = folder.parse().ok()?;
        (n > 0 && n.to_string() == folder).then_some(n)
    }

    /// The folders of the parts after the first that hold any of the
    /// `pages` (paths in the site's first language), for the search page to merge.
    pub fn more<'a>(self, pages: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let mut has = vec![false; self.0];
        for page in pages {
            has[self.of(page)] = true;
        }
        (1..self.0).filter(|&k| has[k]).map(Parts::dir).collect()
    }
}

/// The search bundle: the files of the parts made, and what each part of
/// it is made from.
pub struct Bundle {
    /// The files of the parts made again, under [`BUNDLE_DIR`], in the order of their paths.
    pub files: Vec<Artifact>,
    /// Each part's key: its pages' paths and keys (`None` when a page has
    /// no key: the part is then made every time).
    pub keys: Vec<Option<u128>>,
    /// Which parts were made again (the others' files are as `last` left them).
    pub made: Vec<bool>,
    /// Which parts' index files (entry, metadata, chunks) were written anew:
    /// those made, and those given words another part gained or lost.
    pub written: Vec<bool>,
}

impl Bundle {
    /// Whether a file of the bundle at `path` (an old one, say) is of a kind
    /// this build wrote for its part, or of no part any more: such a file
    /// this build did not write is stale.
    pub fn replaces(&self) -> impl Fn(&str) -> bool + Send + 'static {
        let (made, written) = (self.made.clone(), self.written.clone());
        move |path| match Parts::of_file(path) {
            Some(k) if k < made.len() => made[k] || (written[k] && vocabulary::is_index_file(path)),
            _ => true,
        }
    }
}

/// Which parts of the index a build makes: the site's pages split into
/// parts, each part's key, and whether it is made again.
pub struct Plan {
    split: Vec<Vec<Record>>,
    keys: Vec<Option<u128>>,
    made: Vec<bool>,
}

impl Plan {
    /// The plan for `pages`: the parts whose key is not the one in `last`
    /// (the last build's part keys, whose files are in the output) are
    /// made, and those whose files `read` does not find there (removed by
    /// a deploy tool or a person).
    pub fn new(pages: Vec<Record>, last: &[Option<u128>], read: Read) -> Plan {
        Plan::in_parts(Parts::for_records(pages.len()), pages, last, read)
    }

    fn in_parts(parts: Parts, pages: Vec<Record>, last: &[Option<u128>], read: Read) -> Plan {
        let mut split: Vec<Vec<Record>> = (0..parts.count()).map(|_| Vec::new()).collect();
        for page in pages {
            split[parts.of(&page.page)].push(page);
        }
        for part in &mut split {
            part.sort_by(|a, b| a.path.cmp(&b.path));
        }
        let keys: Vec<Option<u128>> = split.iter().map(|part| key(part, parts)).collect();
        let kept = |k: usize| split[k].is_empty() || read(&format!("{}{ENTRY}", Parts::dir(k))).is_ok();
        let made =
            keys.iter().enumerate().map(|(k, key)| key.is_none() || last.get(k) != Some(key) || !kept(k)).collect();
        Plan { split, keys, made }
    }

    /// How many pages are indexed (those of the parts made).
    pub fn pages(&self) -> usize {
        self.split.iter().zip(&self.made).filter(|(_, &made)| made).map(|(part, _)| part.len()).sum()
    }

    /// Makes the parts to be made for a site in `langs`, reading the pages
    /// not rendered this time with `read`. Each part's languages are indexed
    /// on the cores side by side; the same pages give the same bytes, as
    /// each index takes its pages in the order of their paths.
    pub fn make(self, langs: &[Lang], read: Read) -> Result<Bundle, String> {
        let Plan { split, keys, made } = self;
        let has_pages: Vec<bool> = split.iter().map(|part| !part.is_empty()).collect();
        // One job per part made and language.
        let mut jobs: Vec<(usize, Vec<Record>)> = Vec::new();
        for (k, part) in split.into_iter().enumerate().filter(|&(k, _)| made[k]) {
            let mut by_lang: Vec<Vec<Record>> = langs.iter().map(|_| Vec::new()).collect();
            for page in part {
                let lang = page.path.split('/').next().unwrap_or_default();
                let i =
                    langs.iter().position(|l| l == lang).ok_or_else(|| format!("{} is in no language", page.path))?;
                by_lang[i].push(page);
            }
            jobs.extend(by_lang.into_iter().filter(|pages| !pages.is_empty() || k == 0).map(|pages| (k, pages)));
        }
        // The cores shared between the indexes made at once.
        let threads = (rayon::current_num_threads() / jobs.len().max(1)).max(1);
        let indexed: Vec<(usize, Vec<SyntheticFile>)> = jobs
            .into_par_iter()
            .map(|(k, pages)| indexer::index_apart(pages, read, threads).map(|files| (k, files)))
            .collect::<Result<_, String>>()?;
        let mut files = Vec::new();
        let mut rest = indexed.into_iter().peekable();
        while let Some(&(part, _)) = rest.peek() {
            let mut of_part = Vec::new();
            while let Some((_, part_files)) = rest.next_if(|(p, _)| *p == part) {
                of_part.extend(part_files);
            }
            files.extend(merged(part, of_part, langs)?);
        }
        files.sort_by(|a: &Artifact, b| a.path.cmp(&b.path));
        let written = match made.len() {
            1 => made.clone(),
            n => vocabulary::share(Parts(n), &made, &has_pages, &mut files, read)?,
        };
        Ok(Bundle { files, keys, made, written })
    }
}

/// The search bundle for `pages` on a site in `langs` ([`Plan::new`], then [`Plan::make`]).
pub fn bundle(pages: Vec<Record>, langs: &[Lang], last: &[Option<u128>], read: Read) -> Result<Bundle, String> {
    Plan::new(pages, last, read).make(langs, read)
}

/// What a part is made from: the paths and keys of its pages, and how many
/// parts there are; `None` if a page's key is not known.
fn key(part: &[Record], parts: Parts) -> Option<u128> {
    let mut bytes = format!("{} parts\n", parts.count()).into_bytes();
    for page in part {
        bytes.extend_from_slice(page.path.as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(&page.key?.to_le_bytes());
    }
    Some(fingerprint(&bytes))
}

/// The file that lists a bundle's languages and their indexes.
const ENTRY: &str = "pagefind-entry.json";

/// The files of part `part` from its languages' bundles: the files every
/// language's bundle has (the script, say) once, one entry file for the
/// languages of all, and only what the search page loads.
fn merged(part: usize, bundles: Vec<SyntheticFile>, langs: &[Lang]) -> Result<Vec<Artifact>, String> {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut entries = Vec::new();
    for file in bundles {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        if name == ENTRY {
            entries.push(file.contents);
        } else {
            files.entry(name).or_insert(file.contents);
        }
    }
    files.insert(ENTRY.to_owned(), merged_entry(&entries)?);
    let names: Vec<&String> = files.keys().collect();
    let unused: Vec<String> = names.iter().filter(|n| !wanted(part, n, langs, &names)).map(|n| n.to_string()).collect();
    for name in unused {
        files.remove(&name);
    }
    let dir = Parts::dir(part);
    Ok(files.into_iter().map(|(name, bytes)| Artifact::new(format!("{dir}{name}"), bytes)).collect())
}

/// Reads a file at a path under the site root as the last build left it.
pub type Read<'a> = &'a (dyn Fn(&str) -> std::io::Result<Vec<u8>> + Sync);

/// One entry file for a part from each language's: the languages of
/// all of them (the rest is the same in each).
fn merged_entry(entries: &[Vec<u8>]) -> Result<Vec<u8>, String> {
    let mut merged: Option<serde_json::Value> = None;
    for entry in entries {
        let entry: serde_json::Value = serde_json::from_slice(entry).map_err(|e| format!("{ENTRY}: {e}"))?;
        match merged.as_mut().and_then(|m| m.get_mut("languages")).and_then(|l| l.as_object_mut()) {
            Some(languages) => {
                let more = entry.get("languages").and_then(|l| l.as_object()).cloned().unwrap_or_default();
                languages.extend(more);
            }
            None => merged = Some(entry),
        }
    }
    let merged = merged.ok_or_else(|| format!("no {ENTRY}"))?;
    serde_json::to_vec(&merged).map_err(|e| e.to_string())
}

/// Whether the site uses the bundle file `name` of part `part` (of all the
/// part's `names`): the entry file and the index, and in the first part the
/// script, its worker and the WebAssembly of the site's languages (the
/// generic one only for a language Pagefind has no stemming for), which
/// the parts merged into it use. Not Pagefind's UIs, nor the highlighting script.
fn wanted(part: usize, name: &str, langs: &[Lang], names: &[&String]) -> bool {
    let wasm = |lang: Lang| format!("wasm.{lang}.pagefind");
    match name {
        "pagefind-entry.json" => true,
        "pagefind.js" | "pagefind-worker.js" => part == 0,
        _ if part > 0 && name.starts_with("wasm.") => false,
        "wasm.unknown.pagefind" => langs.iter().any(|l| !names.contains(&&wasm(*l))),
        n if n.starts_with("wasm.") => langs.iter().any(|l| n == wasm(*l)),
        n => {
            n.ends_with(".pf_meta")
                || ["index/", "fragment/", "filter/"]
                    .iter()
                    .any(|dir| n.starts_with(dir) && !n[dir.len()..].contains('/'))
        }
    }
}

#[cfg(test)]
mod tests;
