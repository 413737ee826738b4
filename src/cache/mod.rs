//! The build cache: what the last build made, keyed by what it was made
//! from (`keys.rs`: goalsite's own build, the settings, the theme, every
//! front matter, and the Markdown bodies and data a page shows), so that
//! the next build renders only the pages whose key changed and writes only
//! those, and the files of the indicators whose data changed, into the
//! output it left. Kept in `.goalsite-cache/` in the site
//! (`store.rs`: one file, checked whole by a hash at its end); `serve`
//! keeps one in memory. A cache of another goalsite, another output
//! folder, or a damaged one is not used: the build is then made whole.

mod keys;
mod store;

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

pub use keys::{Hash, Keys};

use crate::fragments::Ids;
use crate::load::KnownFiles;
use crate::markdown::Links;
use crate::model::IndicatorId;

/// The cache's folder in the site (`goalsite init` git-ignores it).
pub const CACHE_DIR: &str = ".goalsite-cache";
const FILE: &str = "build";

/// What a build kept of each page it rendered, in one language.
#[derive(Debug, Clone)]
pub struct PageEntry {
    pub key: Hash,
    /// The ids on the rendered page (the targets of `#fragment` links).
    pub ids: Ids,
    /// Its Markdown's file, heading ids and fragment links (kept only when
    /// rendering it found no problem, so that every warning is found again).
    pub markdown: Option<(PathBuf, Links)>,
    /// The indicators whose charts its text placed (part of its key).
    pub placed: Vec<IndicatorId>,
}

/// What the last build made, and where.
#[derive(Debug, Clone)]
pub struct Cache {
    /// The frame all its pages were made in ([`Keys::frame`]).
    pub frame: Hash,
    /// The output folder that holds what it made.
    pub output: OutputId,
    /// Every page, by its path under the site root (`sv/om/`).
    pub pages: HashMap<String, PageEntry>,
    /// What each indicator's data files (`data/<id>.*`) of the current
    /// edition were made from ([`Keys::files`]), in `IndicatorId` order.
    pub files: Vec<Hash>,
    /// The current edition's Markdown files as it read them: those whose
    /// stamp is unchanged are not read again (their bodies, only to be rendered).
    pub known: KnownFiles,
    /// What each part of the search index was made from
    /// ([`crate::search::Bundle::keys`]); empty when the build made none.
    pub search: Vec<Option<Hash>>,
}

/// Which folder an output is: its path and, where the system tells, its
/// identity (a swap puts a new folder in place, so another build's output
/// is not taken for this one's). The file system gives a removed folder's
/// inode to the next one made, so the time it was made is part of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutputId {
    pub path: String,
    pub device: u64,
    pub inode: u64,
    /// When the folder was made (or, where the system does not tell, last
    /// changed), in nanoseconds since 1970.
    pub born: u128,
}

impl OutputId {
    /// The output folder `dir` as it is now, if it exists.
    pub fn of(dir: &Path) -> Option<OutputId> {
        let meta = std::fs::metadata(dir).ok()?;
        let path = std::fs::canonicalize(dir).ok()?.to_string_lossy().into_owned();
        #[cfg(unix)]
        let (device, inode, changed) = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino(), meta.ctime() as i128 * 1_000_000_000 + i128::from(meta.ctime_nsec()))
        };
        #[cfg(not(unix))]
        let (device, inode, changed) = (0, 0, nanos(meta.modified().ok()) as i128);
        let born = meta.created().ok().map_or(changed as u128, |t| nanos(Some(t)));
        Some(OutputId { path, device, inode, born })
    }
}

fn nanos(time: Option<std::time::SystemTime>) -> u128 {
    time.and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos())
}

/// The cache the last build of the site at `root` left, if it is whole and
/// this goalsite's.
pub fn load(root: &Path) -> Option<Cache> {
    store::decode(&std::fs::read(root.join(CACHE_DIR).join(FILE)).ok()?)
}

/// Keeps `cache` for the next build (written beside, then renamed over the old one).
pub fn save(root: &Path, cache: &Cache) -> io::Result<()> {
    let dir = root.join(CACHE_DIR);
    std::fs::create_dir_all(&dir)?;
    let tmp = dir.join(format!("{FILE}.{}.tmp", std::process::id()));
    store::write(cache, std::fs::File::create(&tmp)?)?;
    std::fs::rename(&tmp, dir.join(FILE))
}

/// Removes the cache (before an output it describes is changed, so that a
/// build stopped halfway leaves none, and the next one is made whole).
pub fn forget(root: &Path) -> io::Result<()> {
    match std::fs::remove_file(root.join(CACHE_DIR).join(FILE)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Writes the cache of the site at `root` again as the goalsite named
/// `goalsite` would have (for tests: another version's cache is not used).
#[cfg(feature = "testing")]
pub fn rewrite_as(root: &Path, goalsite: &str) -> io::Result<()> {
    let cache = load(root).ok_or_else(|| io::Error::other("no cache"))?;
    store::write_as(&cache, goalsite, std::fs::File::create(root.join(CACHE_DIR).join(FILE))?)
}

/// Makes the cache of the site at `root` know the Markdown file `rel` with
/// another body than it has (for tests: as a file system that reports an
/// old stamp for a changed file would).
#[cfg(feature = "testing")]
pub fn misremember(root: &Path, rel: &str) -> io::Result<()> {
    let mut cache = load(root).ok_or_else(|| io::Error::other("no cache"))?;
    let known = cache.known.get_mut(rel).ok_or_else(|| io::Error::other("not known"))?;
    known.body_hash ^= 1;
    store::write(&cache, std::fs::File::create(root.join(CACHE_DIR).join(FILE))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::FragmentLink;
    use crate::model::PageId;
    use crate::pages::{PageRef, ThemePage};

    fn cache() -> Cache {
        let links = Links {
            ids: vec!["a".into(), "b".into()],
            fragments: vec![
                FragmentLink { target: Some(PageRef::Page(PageId(3))), fragment: "x".into(), span: 4..9 },
                FragmentLink { target: Some(PageRef::Theme(ThemePage::Search)), fragment: "y".into(), span: 1..2 },
                FragmentLink { target: None, fragment: "z".into(), span: 0..1 },
            ],
        };
        let entry = PageEntry {
            key: 7,
            ids: Ids::new(["gs-main", "a-b"]),
            markdown: Some(("content/om.sv.md".into(), links)),
            placed: vec![IndicatorId(4), IndicatorId(1)],
        };
        let bare = PageEntry { key: u128::MAX, ids: Ids::default(), markdown: None, placed: Vec::new() };
        Cache {
            frame: 42,
            output: OutputId { path: "/site/public".into(), device: 1, inode: 2, born: 3 },
            pages: HashMap::from([("sv/om/".to_owned(), entry), ("en/".to_owned(), bare)]),
            files: vec![5, u128::MAX],
            known: KnownFiles::from([(
                "content/om.sv.md".to_owned(),
                crate::load::Known {
                    stamp: crate::source::Stamp { len: 40, modified: -1, changed: 1 << 70, inode: 8, device: 9 },
                    head: "+++\ntitle = \"Om\"\n+++\n".into(),
                    body_hash: 11,
                },
            )]),
            search: vec![Some(1), None, Some(u128::MAX)],
        }
    }

    fn encoded(cache: &Cache) -> Vec<u8> {
        let mut bytes = Vec::new();
        store::write(cache, &mut bytes).unwrap();
        bytes
    }

    #[test]
    fn a_cache_reads_back_as_it_was_written() {
        let read = store::decode(&encoded(&cache())).expect("whole (its hash made piece by piece as it was written)");
        assert_eq!(read.frame, 42);
        assert_eq!(read.output, cache().output);
        assert_eq!(read.pages.len(), 2);
        let (a, b) = (&read.pages["sv/om/"], &cache().pages["sv/om/"]);
        assert_eq!((a.key, &a.ids, &a.placed), (b.key, &b.ids, &b.placed));
        assert_eq!(read.files, cache().files);
        assert_eq!(read.known, cache().known);
        assert_eq!(read.search, cache().search);
        let (links, expected) = (&a.markdown.as_ref().unwrap().1, &b.markdown.as_ref().unwrap().1);
        assert_eq!(links.ids, expected.ids);
        let shape =
            |l: &Links| l.fragments.iter().map(|f| (f.target, f.fragment.clone(), f.span.clone())).collect::<Vec<_>>();
        assert_eq!(shape(links), shape(expected));
    }

    #[test]
    fn a_damaged_or_cut_cache_is_not_used() {
        let bytes = encoded(&cache());
        for at in [0, 30, bytes.len() / 2, bytes.len() - 1] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x40;
            assert!(store::decode(&damaged).is_none(), "a byte changed at {at}");
        }
        assert!(store::decode(&bytes[..bytes.len() - 3]).is_none());
        assert!(store::decode(b"").is_none());
    }

    #[test]
    fn a_folder_made_where_one_was_removed_is_another_output() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("public");
        std::fs::create_dir(&dir).unwrap();
        let first = OutputId::of(&dir).unwrap();
        assert_eq!(OutputId::of(&dir), Some(first.clone()), "the same folder is the same output");
        // Past the file system's clock step, which can be a few milliseconds.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::remove_dir(&dir).unwrap();
        std::fs::create_dir(&dir).unwrap();
        let again = OutputId::of(&dir).unwrap();
        assert_ne!(again, first, "inode {} then {}", first.inode, again.inode);
    }
}
