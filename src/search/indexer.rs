//! One language's pages of one part of the index, given to Pagefind (its
//! API is async, on tokio: goalsite waits for each call), each on a thread
//! pool of its own.

use pagefind::api::{PagefindIndex, SyntheticFile};
use pagefind::options::PagefindServiceConfig;

use super::{Read, Record};

/// [`index`] on a thread of its own with a thread pool of its own of
/// `threads`. Pagefind runs parallel loops on the current
/// pool inside the index's runtime, and a thread of a shared pool waiting
/// there may take up another part's index, whose runtime tokio refuses to
/// start inside the first ("Cannot start a runtime from within a runtime":
/// a panic seen once in CI). The caller's thread waits without taking up
/// other work, so no more indexes are made at once than it has threads.
pub fn index_apart(pages: Vec<Record>, read: Read, threads: usize) -> Result<Vec<SyntheticFile>, String> {
    let apart = || {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(|e| e.to_string())?;
        pool.install(|| index(pages, read))
    };
    std::thread::scope(|scope| scope.spawn(apart).join()).unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// The bundle of one language's `pages` (of one part), reading those not
/// rendered this time with `read`.
fn index(pages: Vec<Record>, read: Read) -> Result<Vec<SyntheticFile>, String> {
    // Pagefind's API is async (on tokio); goalsite waits for each call.
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| e.to_string())?;
    let config = PagefindServiceConfig::builder().build();
    let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
    for page in pages {
        // Each page's HTML is dropped once it is indexed.
        let html = match page.html {
            Some(html) => html,
            None => read(&format!("{}index.html", page.path))
                .and_then(|bytes| String::from_utf8(bytes).map_err(std::io::Error::other))
                .map_err(|e| format!("{}: {e}", page.path))?,
        };
        // Without the soft hyphens of headings and table cells, so that
        // "Kommun­koncernens" is found as "kommunkoncernens".
        let html = crate::text::unhyphenate(&html);
        let url = format!("/{}", page.path);
        runtime.block_on(index.add_html_file(None, Some(url), html)).map_err(|e| e.to_string())?;
    }
    runtime.block_on(index.get_files()).map_err(|e| e.to_string())
}
