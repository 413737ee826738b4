//! What each page is made from, as one hash: the frame (everything a page
//! may show besides Markdown bodies: goalsite itself, the settings, the
//! theme, the data files, every page's front matter, the archived
//! editions), and the bodies of the Markdown documents the page shows.

use std::collections::HashMap;
use std::hash::Hasher as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use siphasher::sip128::{Hasher128, SipHasher13};

use crate::locale::Lang;
use crate::model::Site;
use crate::pages::{PageRef, ThemePage};

/// A 128-bit SipHash-1-3 of what something is made from.
pub type Hash = u128;

/// Which goalsite made a cache: its version and a hash of its sources
/// (`build.rs`), so that no other goalsite uses it.
pub const GOALSITE: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("GOALSITE_BUILD_ID"));

/// Hashes parts one after the other (each with its length, so that parts
/// cannot run into each other).
pub struct Hasher(SipHasher13);

impl Hasher {
    pub fn new() -> Hasher {
        Hasher(SipHasher13::new_with_keys(0x676f_616c_7369_7465, 0x6361_6368_6520_7631))
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Hasher {
        self.0.write_u64(bytes.len() as u64);
        self.0.write(bytes);
        self
    }

    pub fn hash(&mut self, hash: Hash) -> &mut Hasher {
        self.0.write(&hash.to_le_bytes());
        self
    }

    pub fn finish(&self) -> Hash {
        self.0.finish128().as_u128()
    }
}

/// The hash of `bytes` alone.
pub fn of(bytes: &[u8]) -> Hash {
    Hasher::new().bytes(bytes).finish()
}

/// Every page's key, from the frame and the Markdown bodies of each edition.
pub struct Keys {
    pub frame: Hash,
    /// Per edition (oldest first): each document's body hash by its file.
    bodies: Vec<HashMap<PathBuf, Hash>>,
    /// Per edition: the bodies the full report shows (the home page's and
    /// every programme's text).
    report_bodies: Vec<Hash>,
}

impl Keys {
    /// The keys of the editions `sites` (oldest first, the current one last)
    /// of the site at `root`.
    pub fn new(root: &Path, sites: &[&Site]) -> Keys {
        let mut frame = Hasher::new();
        frame.bytes(GOALSITE.as_bytes());
        let mut bodies = Vec::new();
        let mut report_bodies = Vec::new();
        for site in sites {
            frame.bytes(format!("{:?}\n{:?}\n{:?}", site.settings, site.edition, site.unread).as_bytes());
            let docs: Vec<_> = site.docs().collect();
            for doc in &docs {
                let text = &doc.source.text;
                frame.bytes(doc.source.path.to_string_lossy().as_bytes());
                frame.bytes(&text.as_bytes()[..doc.body_offset.min(text.len())]);
            }
            let hashed: HashMap<PathBuf, Hash> =
                docs.par_iter().map(|doc| (doc.source.path.clone(), of(doc.body().as_bytes()))).collect();
            let mut report = Hasher::new();
            let shown = site.home.values().chain(site.programmes.iter().flat_map(|p| p.narrative.values()));
            for doc in shown {
                report.hash(hashed.get(&doc.source.path).copied().unwrap_or_default());
            }
            report_bodies.push(report.finish());
            bodies.push(hashed);
        }
        for (dir, markdown_too) in [("themes", true), ("content", false), (crate::editions::EDITIONS_DIR, true)] {
            frame.hash(files(&root.join(dir), markdown_too));
        }
        Keys { frame: frame.finish(), bodies, report_bodies }
    }

    /// The key of `page` in `lang` of the `edition`-th edition (`site`),
    /// published at `path`.
    pub fn page(&self, edition: usize, site: &Site, page: PageRef, lang: Lang, path: &str) -> Hash {
        let mut h = Hasher::new();
        h.hash(self.frame).bytes(path.as_bytes()).bytes(lang.as_str().as_bytes());
        let docs = match page {
            PageRef::Home | PageRef::Programme(_) | PageRef::Page(_) => page.docs(site),
            // Their programme's text, to be safe (they show its title and links).
            PageRef::Goal(g) => site.programmes.iter().find(|p| p.goals.contains(&g)).map(|p| &p.narrative),
            PageRef::Indicator(i) => site.programmes.iter().find(|p| p.indicators.contains(&i)).map(|p| &p.narrative),
            PageRef::Theme(ThemePage::Report) => return h.hash(self.report_bodies[edition]).finish(),
            // The other pages of the theme show no text of the content's.
            PageRef::Theme(_) => None,
        };
        for doc in docs.into_iter().flat_map(|d| d.values()) {
            h.hash(self.bodies[edition].get(&doc.source.path).copied().unwrap_or_default());
        }
        h.finish()
    }
}

/// A hash of every file under `dir` (its path and bytes), in path order;
/// Markdown files only if `markdown_too` (the content's are hashed from
/// what was read: their front matter in the frame, their bodies apart).
fn files(dir: &Path, markdown_too: bool) -> Hash {
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| markdown_too || p.extension().is_none_or(|x| x != "md"))
        .collect();
    paths.sort();
    let hashed: Vec<Hash> = paths
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_default();
            Hasher::new().bytes(p.to_string_lossy().as_bytes()).bytes(&bytes).finish()
        })
        .collect();
    let mut h = Hasher::new();
    for hash in hashed {
        h.hash(hash);
    }
    h.finish()
}
