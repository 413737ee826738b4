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

use std::collections::BTreeMap;

use pagefind::api::{PagefindIndex, SyntheticFile};
use pagefind::options::PagefindServiceConfig;

use crate::artifact::Artifact;
use crate::locale::Lang;

/// Where the search bundle is published, under the site root.
pub const BUNDLE_DIR: &str = "pagefind/";

/// A rendered page for the index (the pages a kind of page says are searched).
pub struct Record {
    /// The page's path under the site root (`sv/tillvaxt/`).
    pub path: String,
    pub html: String,
}

/// The files of the search bundle (under [`BUNDLE_DIR`]) for `pages` on a
/// site in `langs`, in the order of their paths. Each language is
/// indexed on a thread of its own (Pagefind indexes languages apart
/// anyway); the same pages give the same bytes, as they are indexed in the
/// order of their paths.
pub fn bundle(pages: Vec<Record>, langs: &[Lang]) -> Result<Vec<Artifact>, String> {
    let mut by_lang: Vec<Vec<Record>> = langs.iter().map(|_| Vec::new()).collect();
    for page in pages {
        let lang = page.path.split('/').next().unwrap_or_default();
        let i = langs.iter().position(|l| l == lang).ok_or_else(|| format!("{} is in no language", page.path))?;
        by_lang[i].push(page);
    }
    let indexes: Vec<Result<Vec<SyntheticFile>, String>> = std::thread::scope(|scope| {
        let threads: Vec<_> = by_lang.into_iter().map(|pages| scope.spawn(move || index(pages))).collect();
        threads.into_iter().map(|t| t.join().unwrap_or_else(|_| Err("the indexing thread panicked".into()))).collect()
    });
    // The files every language's bundle has (the script, say) are the same in each.
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut entries = Vec::new();
    for file in indexes.into_iter().collect::<Result<Vec<_>, String>>()?.into_iter().flatten() {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        if name == ENTRY {
            entries.push(file.contents);
        } else {
            files.entry(name).or_insert(file.contents);
        }
    }
    files.insert(ENTRY.to_owned(), merged_entry(&entries)?);
    let names: Vec<&String> = files.keys().collect();
    let unused: Vec<String> = names.iter().filter(|n| !wanted(n, langs, &names)).map(|n| n.to_string()).collect();
    for name in unused {
        files.remove(&name);
    }
    Ok(files.into_iter().map(|(name, bytes)| Artifact::new(format!("{BUNDLE_DIR}{name}"), bytes)).collect())
}

/// The file that lists the bundle's languages and their indexes.
const ENTRY: &str = "pagefind-entry.json";

/// The bundle of one language's `pages`.
fn index(mut pages: Vec<Record>) -> Result<Vec<SyntheticFile>, String> {
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    // Pagefind's API is async (on tokio); goalsite waits for each call.
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| e.to_string())?;
    let config = PagefindServiceConfig::builder().build();
    let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
    runtime
        .block_on(async {
            for page in pages {
                // Each page's HTML is dropped once it is indexed.
                let url = format!("/{}", page.path);
                // Without the soft hyphens of headings and table cells, so
                // that "Kommun­koncernens" is found as "kommunkoncernens".
                let html = crate::text::unhyphenate(&page.html);
                index.add_html_file(None, Some(url), html).await?;
            }
            index.get_files().await
        })
        .map_err(|e| e.to_string())
}

/// One entry file for the whole site from each language's: the languages of
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

/// Whether the site uses the bundle file `name` (of all the bundle's `names`):
/// the script, its worker, the entry file, the index, and the WebAssembly of
/// the site's languages (the generic one only for a language Pagefind has
/// no stemming for). Not Pagefind's UIs, nor the highlighting script.
fn wanted(name: &str, langs: &[Lang], names: &[&String]) -> bool {
    let wasm = |lang: Lang| format!("wasm.{lang}.pagefind");
    match name {
        "pagefind.js" | "pagefind-worker.js" | "pagefind-entry.json" => true,
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
        Record { path: path.into(), html }
    }

    fn langs() -> Vec<Lang> {
        vec![Lang::known("sv"), Lang::known("en")]
    }

    #[test]
    fn the_bundle_has_an_index_per_language_and_only_the_files_the_site_uses() {
        let pages = vec![page("sv/bostader/", "sv", "Bostäder åt alla"), page("en/housing/", "en", "Housing for all")];
        let files = bundle(pages, &langs()).unwrap();
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
        assert_eq!(bundle(pages(), &langs()).unwrap(), bundle(reversed, &langs()).unwrap());
    }

    #[test]
    fn a_language_without_stemming_gets_the_generic_webassembly() {
        let files = bundle(vec![page("xx/a/", "xx", "Text")], &[Lang::known("xx")]).unwrap();
        assert!(files.iter().any(|a| a.path == "pagefind/wasm.unknown.pagefind"));
    }
}
