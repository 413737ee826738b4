//! What each page is made from, as one hash: the frame (everything any page
//! may show: goalsite itself, the settings, the theme, `programme.toml`s,
//! every page's front matter, the archived editions, and of each indicator
//! what names it: its id, title, address and label), the bodies of the
//! Markdown documents the page shows, and the data it shows: the figures of
//! its indicators and its programme's assessments. An indicator's figures
//! are on its own page, its goals' and its programme's, where a text places
//! its chart, and on the pages made from everything (home, full report,
//! open data, editions); a programme's assessments on its pages and on
//! those. So a changed figure renders those pages again, and no other.

use std::hash::Hasher as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use siphasher::sip128::{Hasher128, SipHasher13};

use crate::locale::Lang;
use crate::model::{Docs, IndicatorId, ProgrammeId, Site};
use crate::pages::{PageRef, ThemePage};
use crate::source::fingerprint;

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

/// Every page's key, from the frame, the Markdown bodies it shows (hashed
/// when its key is asked for, on the rendering threads) and its data.
pub struct Keys {
    pub frame: Hash,
    /// What each indicator's data files (`data/<id>.*`) of the current
    /// edition are made from: the frame and its figures (`IndicatorId` order).
    pub files: Vec<Hash>,
    /// Per edition: each indicator's data ([`IndicatorId`] order).
    indicators: Vec<Vec<Hash>>,
    /// Per edition: each programme's assessments (`ProgrammeId` order).
    assessments: Vec<Vec<Hash>>,
    /// All the data of every edition (the pages made from everything).
    all_data: Hash,
}

impl Keys {
    /// The keys of the editions `sites` (oldest first, the current one last)
    /// of the site at `root`.
    pub fn new(root: &Path, sites: &[&Site]) -> Keys {
        let mut frame = Hasher::new();
        frame.bytes(GOALSITE.as_bytes());
        let (mut indicators, mut assessments) = (Vec::new(), Vec::new());
        let mut all_data = Hasher::new();
        for site in sites {
            frame.bytes(format!("{:?}\n{:?}\n{:?}", site.settings, site.edition, site.unread).as_bytes());
            for ind in &site.indicators {
                let names = (&ind.id, &ind.file, ind.programme, &ind.title, &ind.slug, &ind.label, &ind.goals);
                frame.bytes(format!("{names:?}").as_bytes());
            }
            let data = data_of(site);
            for hash in data.0.iter().chain(&data.1) {
                all_data.hash(*hash);
            }
            indicators.push(data.0);
            assessments.push(data.1);
            for doc in site.docs() {
                let text = &doc.source.text;
                frame.bytes(doc.source.path.to_string_lossy().as_bytes());
                frame.bytes(&text.as_bytes()[..doc.body_offset.min(text.len())]);
            }
        }
        // What content/ holds besides the Markdown and the data, which are
        // hashed from what was read: the current edition's programme files as
        // they were read (an earlier edition's are in editions/).
        for p in sites.last().map(|s| s.programmes.as_slice()).unwrap_or_default() {
            frame.bytes(p.file.to_string_lossy().as_bytes()).hash(p.fingerprint);
        }
        for dir in ["themes", crate::editions::EDITIONS_DIR] {
            frame.hash(files(&root.join(dir)));
        }
        let frame = frame.finish();
        let current = indicators.last().map(Vec::as_slice).unwrap_or_default();
        let files = current.iter().map(|&figures| Hasher::new().hash(frame).hash(figures).finish()).collect();
        Keys { frame, files, indicators, assessments, all_data: all_data.finish() }
    }

    /// The key of `page` in `lang` of the `edition`-th edition (`site`),
    /// published at `path`, whose text places the charts of `placed`.
    pub fn page(
        &self,
        edition: usize,
        site: &Site,
        (page, lang, path): (PageRef, Lang, &str),
        placed: &[IndicatorId],
    ) -> Hash {
        let mut h = Hasher::new();
        h.hash(self.frame).bytes(path.as_bytes()).bytes(lang.as_str().as_bytes());
        self.data(edition, site, page, placed, &mut h);
        let narrative = |p: ProgrammeId| Some(&site.programme(p).narrative);
        let docs: Vec<&Docs> = match page {
            PageRef::Home | PageRef::Programme(_) | PageRef::Page(_) => page.docs(site).into_iter().collect(),
            // Their programme's text, to be safe (they show its title and links).
            PageRef::Goal(g) => narrative(site.goal(g).programme).into_iter().collect(),
            PageRef::Indicator(i) => narrative(site.indicator(i).programme).into_iter().collect(),
            // The home page's text and every programme's.
            PageRef::Theme(ThemePage::Report) => {
                std::iter::once(&site.home).chain(site.programmes.iter().map(|p| &p.narrative)).collect()
            }
            // The other pages of the theme show no text of the content's.
            PageRef::Theme(_) => Vec::new(),
        };
        for doc in docs.into_iter().flat_map(|d| d.values()) {
            h.hash(doc.body_hash);
        }
        h.finish()
    }

    /// Adds to `h` the data `page` shows (see the module's note).
    fn data(&self, edition: usize, site: &Site, page: PageRef, placed: &[IndicatorId], h: &mut Hasher) {
        let (indicators, assessments) = (&self.indicators[edition], &self.assessments[edition]);
        let mut shown: Vec<IndicatorId> = placed.to_vec();
        let programme = match page {
            PageRef::Home | PageRef::Theme(ThemePage::Report | ThemePage::OpenData | ThemePage::Editions) => {
                h.hash(self.all_data);
                None
            }
            PageRef::Theme(ThemePage::Search | ThemePage::Statement) | PageRef::Page(_) => None,
            PageRef::Programme(p) => {
                shown.extend(&site.programme(p).indicators);
                Some(p)
            }
            PageRef::Goal(g) => {
                shown.extend(&site.goal(g).indicators);
                Some(site.goal(g).programme)
            }
            PageRef::Indicator(i) => {
                shown.push(i);
                Some(site.indicator(i).programme)
            }
        };
        h.hash(programme.map_or(0, |p| assessments[p.0]));
        for i in shown {
            h.hash(indicators[i.0]);
        }
    }
}

/// Each indicator's data, and each programme's assessments, of `site`.
fn data_of(site: &Site) -> (Vec<Hash>, Vec<Hash>) {
    let indicators = site.indicators.iter().map(|ind| fingerprint(format!("{ind:?}").as_bytes())).collect();
    let assessments = site
        .programmes
        .iter()
        .map(|p| {
            let mut h = Hasher::new();
            for &g in &p.goals {
                h.bytes(format!("{:?}", site.goal(g).assessments).as_bytes());
            }
            h.finish()
        })
        .collect();
    (indicators, assessments)
}

/// A hash of every file under `dir` (its path and bytes), in path order.
fn files(dir: &Path) -> Hash {
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
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
