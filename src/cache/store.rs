//! The cache's file: a header naming the goalsite that wrote it, the
//! entries in a compact binary form, and a hash of all of it at the end, so
//! that a damaged or cut-off file is found and not used.

use std::hash::Hasher;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use siphasher::sip128::{Hasher128, SipHasher13};

use crate::fragments::Ids;
use crate::load::Known;
use crate::markdown::{FragmentLink, Links};
use crate::model::{GoalId, IndicatorId, PageId, ProgrammeId};
use crate::pages::{PageRef, ThemePage};
use crate::source::{fingerprint, fingerprinter, Stamp};

use super::keys::GOALSITE;
use super::{Cache, OutputId, PageEntry};

const MAGIC: &[u8] = b"goalsite build cache 5\n";

/// The theme's pages in the order their number in the file says.
const THEME_PAGES: [ThemePage; 5] =
    [ThemePage::Report, ThemePage::OpenData, ThemePage::Search, ThemePage::Statement, ThemePage::Editions];

/// Writes the cache into `out` as it is encoded (a large site's cache is
/// not held whole besides the cache itself).
pub fn write(cache: &Cache, out: impl Write) -> io::Result<()> {
    write_as(cache, GOALSITE, out)
}

/// [`write`] as the goalsite `goalsite` ([`GOALSITE`]) writes it.
pub fn write_as(cache: &Cache, goalsite: &str, out: impl Write) -> io::Result<()> {
    let mut w = Writer { out: BufWriter::with_capacity(64 * 1024, out), hash: fingerprinter(), failed: None };
    w.bytes(MAGIC);
    w.str(goalsite);
    w.u128(cache.frame);
    w.str(&cache.output.path);
    w.u64(cache.output.device);
    w.u64(cache.output.inode);
    w.u128(cache.output.born);
    // In the maps' order: the file is read back into maps, and sorting
    // twenty thousand paths took a tenth of a build that changed one page.
    w.u64(cache.pages.len() as u64);
    for (path, entry) in &cache.pages {
        w.str(path);
        w.u128(entry.key);
        w.str(entry.ids.joined());
        w.u64(entry.placed.len() as u64);
        for id in &entry.placed {
            w.u64(id.0 as u64);
        }
        match &entry.markdown {
            None => w.bytes(&[0]),
            Some((file, links)) => {
                w.bytes(&[1]);
                w.str(&file.to_string_lossy());
                w.strs(&links.ids);
                w.u64(links.fragments.len() as u64);
                for link in &links.fragments {
                    w.page(link.target);
                    w.str(&link.fragment);
                    w.u64(link.span.start as u64);
                    w.u64(link.span.end as u64);
                }
            }
        }
    }
    w.u64(cache.files.len() as u64);
    for &hash in &cache.files {
        w.u128(hash);
    }
    w.u64(cache.known.len() as u64);
    for (path, file) in &cache.known {
        w.str(path);
        let stamp = &file.stamp;
        w.u64(stamp.len);
        w.u128(stamp.modified as u128);
        w.u128(stamp.changed as u128);
        w.u64(stamp.inode);
        w.u64(stamp.device);
        w.str(&file.head);
        w.u128(file.body_hash);
    }
    w.u64(cache.search.len() as u64);
    for key in &cache.search {
        w.bytes(&[u8::from(key.is_some())]);
        w.u128(key.unwrap_or_default());
    }
    w.finish()
}

/// The cache in `bytes`, if they are whole and this goalsite wrote them.
pub fn decode(bytes: &[u8]) -> Option<Cache> {
    let (body, check) = bytes.split_at_checked(bytes.len().checked_sub(16)?)?;
    if fingerprint(body) != u128::from_le_bytes(check.try_into().ok()?) {
        return None;
    }
    let mut r = Reader(body.strip_prefix(MAGIC)?);
    if r.str()? != GOALSITE {
        return None;
    }
    let frame = r.u128()?;
    let output = OutputId { path: r.str()?, device: r.u64()?, inode: r.u64()?, born: r.u128()? };
    let count = r.u64()?;
    let mut pages = std::collections::HashMap::with_capacity(count.min(1 << 20) as usize);
    for _ in 0..count {
        let path = r.str()?;
        let key = r.u128()?;
        let ids = Ids::from_joined(r.str()?);
        let placed =
            (0..r.u64()?).map(|_| Some(IndicatorId(usize::try_from(r.u64()?).ok()?))).collect::<Option<_>>()?;
        let markdown = match r.byte()? {
            0 => None,
            _ => {
                let file = PathBuf::from(r.str()?);
                let ids = r.strs()?;
                let n = r.u64()?;
                let mut fragments = Vec::with_capacity(n.min(1 << 16) as usize);
                for _ in 0..n {
                    let target = r.page()?;
                    let fragment = r.str()?;
                    let span = r.u64()? as usize..r.u64()? as usize;
                    fragments.push(FragmentLink { target, fragment, span });
                }
                Some((file, Links { ids, fragments }))
            }
        };
        pages.insert(path, PageEntry { key, ids, markdown, placed });
    }
    let files = (0..r.u64()?).map(|_| r.u128()).collect::<Option<_>>()?;
    let count = r.u64()?;
    let mut known = std::collections::HashMap::with_capacity(count.min(1 << 20) as usize);
    for _ in 0..count {
        let path = r.str()?;
        let (len, modified, changed) = (r.u64()?, r.u128()? as i128, r.u128()? as i128);
        let stamp = Stamp { len, modified, changed, inode: r.u64()?, device: r.u64()? };
        known.insert(path, Known { stamp, head: r.str()?, body_hash: r.u128()? });
    }
    let mut search = Vec::new();
    for _ in 0..r.u64()? {
        let known = r.byte()? == 1;
        search.push(Some(r.u128()?).filter(|_| known));
    }
    r.0.is_empty().then_some(Cache { frame, output, pages, files, known, search })
}

/// Writes the cache's parts, hashing them on the way.
struct Writer<W: Write> {
    out: BufWriter<W>,
    hash: SipHasher13,
    /// The first write that failed (the rest are not tried).
    failed: Option<io::Error>,
}

impl<W: Write> Writer<W> {
    fn bytes(&mut self, bytes: &[u8]) {
        self.hash.write(bytes);
        if self.failed.is_none() {
            self.failed = self.out.write_all(bytes).err();
        }
    }

    /// Ends the file with the hash of all of it.
    fn finish(mut self) -> io::Result<()> {
        let check = self.hash.finish128().as_u128();
        self.out.write_all(&check.to_le_bytes())?;
        match self.failed {
            Some(e) => Err(e),
            None => self.out.flush(),
        }
    }

    fn u64(&mut self, n: u64) {
        self.bytes(&n.to_le_bytes());
    }

    fn u128(&mut self, n: u128) {
        self.bytes(&n.to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.bytes(s.as_bytes());
    }

    fn strs(&mut self, list: &[String]) {
        self.u64(list.len() as u64);
        for s in list {
            self.str(s);
        }
    }

    fn page(&mut self, page: Option<PageRef>) {
        let (tag, n) = match page {
            None => (0, 0),
            Some(PageRef::Home) => (1, 0),
            Some(PageRef::Programme(p)) => (2, p.0),
            Some(PageRef::Goal(g)) => (3, g.0),
            Some(PageRef::Indicator(i)) => (4, i.0),
            Some(PageRef::Page(p)) => (5, p.0),
            Some(PageRef::Theme(t)) => (6, THEME_PAGES.iter().position(|&x| x == t).unwrap_or_default()),
        };
        self.bytes(&[tag]);
        self.u64(n as u64);
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }

    fn str(&mut self) -> Option<String> {
        let n = usize::try_from(self.u64()?).ok()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.u64()?;
        (0..n).map(|_| self.str()).collect()
    }

    fn page(&mut self) -> Option<Option<PageRef>> {
        let tag = self.byte()?;
        let n = usize::try_from(self.u64()?).ok()?;
        Some(Some(match tag {
            0 => return Some(None),
            1 => PageRef::Home,
            2 => PageRef::Programme(ProgrammeId(n)),
            3 => PageRef::Goal(GoalId(n)),
            4 => PageRef::Indicator(IndicatorId(n)),
            5 => PageRef::Page(PageId(n)),
            6 => PageRef::Theme(*THEME_PAGES.get(n)?),
            _ => return None,
        }))
    }
}
