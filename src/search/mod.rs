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
    /// (the last build's part keys, whose files are in the output) are made.
    pub fn new(pages: Vec<Record>, last: &[Option<u128>]) -> Plan {
        Plan::in_parts(Parts::for_records(pages.len()), pages, last)
    }

    fn in_parts(parts: Parts, pages: Vec<Record>, last: &[Option<u128>]) -> Plan {
        let mut split: Vec<Vec<Record>> = (0..parts.count()).map(|_| Vec::new()).collect();
        for page in pages {
            split[parts.of(&page.page)].push(page);
        }
        for part in &mut split {
            part.sort_by(|a, b| a.path.cmp(&b.path));
        }
        let keys: Vec<Option<u128>> = split.iter().map(|part| key(part, parts)).collect();
        let made = keys.iter().enumerate().map(|(k, key)| key.is_none() || last.get(k) != Some(key)).collect();
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
            n => vocabulary::share(Parts(n), &made, &mut files, read)?,
        };
        Ok(Bundle { files, keys, made, written })
    }
}

/// The search bundle for `pages` on a site in `langs` ([`Plan::new`], then [`Plan::make`]).
pub fn bundle(pages: Vec<Record>, langs: &[Lang], last: &[Option<u128>], read: Read) -> Result<Bundle, String> {
    Plan::new(pages, last).make(langs, read)
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
mod tests {
    use super::*;

    fn page(path: &str, lang: &str, body: &str) -> Record {
        let html = format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><title>t</title></head><body>\
             <header data-pagefind-ignore>Meny</header><main data-pagefind-body><h1>{body}</h1><p>{body}</p></main></body></html>"
        );
        let page = path.replace("en/", "sv/");
        Record { path: path.into(), page, html: Some(html), key: Some(fingerprint(body.as_bytes())) }
    }

    fn langs() -> Vec<Lang> {
        vec![Lang::known("sv"), Lang::known("en")]
    }

    fn unread(path: &str) -> std::io::Result<Vec<u8>> {
        Err(std::io::Error::other(format!("{path} is read")))
    }

    fn files(pages: Vec<Record>) -> Vec<Artifact> {
        bundle(pages, &langs(), &[], &unread).unwrap().files
    }

    #[test]
    fn the_bundle_has_an_index_per_language_and_only_the_files_the_site_uses() {
        let pages = vec![page("sv/bostader/", "sv", "Bostäder åt alla"), page("en/housing/", "en", "Housing for all")];
        let files = files(pages);
        let names: Vec<&str> = files.iter().map(|a| a.path.strip_prefix(BUNDLE_DIR).unwrap()).collect();
        for expected in
            ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.sv.pagefind", "wasm.en.pagefind"]
        {
            assert!(names.contains(&expected), "{expected} missing from {names:?}");
        }
        assert_eq!(names.iter().filter(|n| n.starts_with("fragment/")).count(), 2);
        assert_eq!(names.iter().filter(|n| n.ends_with(".pf_meta")).count(), 2, "one index per language");
        for unused in ["pagefind-ui.js", "pagefind-component-ui.js", "pagefind-highlight.js", "wasm.unknown.pagefind"] {
            assert!(!names.contains(&unused), "{unused} is written");
        }
        assert!(!names.iter().any(|n| n.starts_with("part")), "a small site's index is in one part");
        let entry = &files.iter().find(|a| a.path == "pagefind/pagefind-entry.json").unwrap().bytes;
        let entry: serde_json::Value = serde_json::from_slice(entry).unwrap();
        assert_eq!(entry["languages"]["sv"]["page_count"], 1);
        assert_eq!(entry["languages"]["en"]["wasm"], "en");
    }

    #[test]
    fn the_same_pages_in_another_order_give_the_same_bundle() {
        let pages =
            || vec![page("sv/a/", "sv", "Skolor"), page("sv/b/", "sv", "Bostäder"), page("sv/c/", "sv", "Bygg")];
        let mut reversed = pages();
        reversed.reverse();
        assert_eq!(files(pages()), files(reversed));
    }

    #[test]
    fn a_language_without_stemming_gets_the_generic_webassembly() {
        let files = bundle(vec![page("xx/a/", "xx", "Text")], &[Lang::known("xx")], &[], &unread).unwrap().files;
        assert!(files.iter().any(|a| a.path == "pagefind/wasm.unknown.pagefind"));
    }

    #[test]
    fn a_site_is_split_into_parts_of_about_the_same_size_by_its_paths() {
        assert_eq!(Parts::for_records(0).count(), 1);
        assert_eq!(Parts::for_records(PART_RECORDS).count(), 1);
        assert_eq!(Parts::for_records(PART_RECORDS + 1).count(), 2);
        let parts = Parts::for_records(7 * PART_RECORDS);
        let mut sizes = vec![0; parts.count()];
        for i in 0..7 * PART_RECORDS {
            sizes[parts.of(&format!("sv/sida-{i}/"))] += 1;
        }
        assert!(sizes.iter().all(|&n| n > PART_RECORDS * 9 / 10 && n < PART_RECORDS * 11 / 10), "{sizes:?}");
        assert_eq!(parts.of("sv/a/"), parts.of("sv/a/"), "a page stays in its part");
    }

    #[test]
    fn a_bundle_file_tells_its_part() {
        assert_eq!(Parts::of_file("pagefind/pagefind.js"), Some(0));
        assert_eq!(Parts::of_file("pagefind/index/en_1.pf_index"), Some(0));
        assert_eq!(Parts::of_file("pagefind/part3/index/en_1.pf_index"), Some(3));
        assert_eq!(Parts::of_file("pagefind/part0/x"), None);
        assert_eq!(Parts::of_file("pagefind/part03/x"), None);
        assert_eq!(Parts::of_file("sv/index.html"), None);
        assert_eq!(Parts::dir(3), "pagefind/part3/");
        // A file of a part made again, an index file of a part whose index
        // files were written, or a file of a part no longer there is replaced.
        let bundle = Bundle {
            files: Vec::new(),
            keys: vec![None; 3],
            made: vec![false, true, false],
            written: vec![true, true, false],
        };
        let replaced = bundle.replaces();
        assert!(replaced("pagefind/part1/fragment/sv_1.pf_fragment"));
        assert!(replaced("pagefind/index/sv_1.pf_index") && replaced("pagefind/pagefind.sv_1.pf_meta"));
        assert!(!replaced("pagefind/fragment/sv_1.pf_fragment") && !replaced("pagefind/pagefind.js"));
        assert!(!replaced("pagefind/part2/pagefind-entry.json"));
        assert!(replaced("pagefind/part3/pagefind-entry.json"));
    }

    #[test]
    fn a_changed_page_makes_its_part_again_and_the_others_stay_as_they_were() {
        let parts = Parts(3);
        let site = |changed: &str| -> Vec<Record> {
            (0..12)
                .flat_map(|i| {
                    let body = if i == 5 { changed.to_owned() } else { format!("Sida {i}") };
                    [page(&format!("sv/s{i}/"), "sv", &body), page(&format!("en/s{i}/"), "en", &format!("Page {i}"))]
                })
                .collect()
        };
        let first = Plan::in_parts(parts, site("Bostäder"), &[]).make(&langs(), &unread).unwrap();
        assert_eq!(first.made, [true, true, true]);
        assert!(first.files.iter().any(|f| f.path.starts_with("pagefind/part2/index/")));
        assert!(!first.files.iter().any(|f| f.path.starts_with("pagefind/part1/wasm")), "the first part's serve all");
        // Every part's index knows every word, the others' with no pages.
        for k in 0..3 {
            let index = vocabulary_of(&first.files, k);
            assert!(index.contains("bostad") && index.contains("sid"), "part {k}: {index:?}");
        }
        let output: BTreeMap<String, Vec<u8>> = first.files.iter().map(|f| (f.path.clone(), f.bytes.clone())).collect();
        let read = |p: &str| output.get(p).cloned().ok_or_else(|| std::io::Error::other(format!("{p} is not there")));
        let again = Plan::in_parts(parts, site("Skolor"), &first.keys).make(&langs(), &read).unwrap();
        let part = parts.of("sv/s5/");
        assert_eq!(again.made, (0..3).map(|k| k == part).collect::<Vec<_>>(), "only the part of sv/s5/ is made");
        assert_eq!(again.written, [true, true, true], "a word gone and a word new reach every part");
        let others = again.files.iter().filter(|f| Parts::of_file(&f.path) != Some(part));
        assert!(others.clone().all(|f| vocabulary::is_index_file(&f.path)), "of the others, only their index files");
        for k in 0..3 {
            let index = vocabulary_of(&again.files, k);
            assert!(index.contains("skol") && !index.contains("bostad"), "part {k}: {index:?}");
        }
        // What the output then holds (the files this build did not replace,
        // and those it made) is what a build from nothing makes.
        let replaced = again.replaces();
        let mut kept: Vec<Artifact> = first.files.into_iter().filter(|f| !replaced(&f.path)).collect();
        kept.extend(again.files);
        kept.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(kept, Plan::in_parts(parts, site("Skolor"), &[]).make(&langs(), &unread).unwrap().files);
    }

    /// The words of the Swedish index chunks of part `k` among `files`.
    fn vocabulary_of(files: &[Artifact], k: usize) -> String {
        let prefix = format!("{}index/sv_", Parts::dir(k));
        let mut words = String::new();
        for f in files.iter().filter(|f| f.path.starts_with(&prefix)) {
            let mut cbor = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&f.bytes[..]), &mut cbor).unwrap();
            words.push_str(&String::from_utf8_lossy(&cbor));
        }
        words
    }

    #[test]
    fn parts_whose_pages_are_unchanged_are_not_made_again() {
        let pages = || {
            vec![
                page("sv/a/", "sv", "Skolor"),
                Record { html: None, ..page("sv/b/", "sv", "Bostäder") },
                page("en/a/", "en", "Schools"),
            ]
        };
        let first = bundle(pages(), &langs(), &[], &|p| Ok(page(p, "sv", "Bostäder").html.unwrap().into())).unwrap();
        assert_eq!(first.made, [true], "the last build's page was read");
        let again = bundle(pages(), &langs(), &first.keys, &unread).unwrap();
        assert_eq!((again.made, again.files.len()), (vec![false], 0), "nothing read, nothing made");
        let mut changed = pages();
        changed[0] = page("sv/a/", "sv", "Förskolor");
        let read = |p: &str| Ok(page(p, "sv", "Bostäder").html.unwrap().into());
        let remade = bundle(changed, &langs(), &first.keys, &read).unwrap();
        assert_eq!(remade.made, [true]);
        assert_ne!(remade.keys, first.keys);
        let unknown = vec![Record { key: None, ..page("sv/a/", "sv", "Skolor") }];
        let made = bundle(unknown, &langs(), &first.keys, &unread).unwrap();
        assert_eq!((made.made, made.keys), (vec![true], vec![None]), "a page without a key is indexed every time");
    }
}
