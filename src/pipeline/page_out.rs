//! A page on its way out while its template renders it: written into its
//! file piece by piece (a new folder) or gathered whole (in place, and for
//! `check`), its ids read on the way, its HTML kept where the search index
//! needs it. A page as large as a site's full report is then never held whole.

use std::fs::File;
use std::io::{self, Write};

use crate::fragments::{IdScan, Ids};

/// How much of a page is gathered before it is read for ids and written.
const PIECE: usize = 64 * 1024;

/// A page being rendered.
pub struct PageOut {
    /// Its file, or `None` where the page is taken whole.
    file: Option<File>,
    /// What is not yet written (the whole page, without a file).
    pending: Vec<u8>,
    ids: IdScan,
    /// The HTML written so far, where it is indexed.
    kept: Option<Vec<u8>>,
    /// What went wrong writing the file.
    failed: Option<io::Error>,
}

/// A page rendered: its ids, its HTML where it is indexed, and its bytes
/// where it had no file to go into.
pub struct PageDone {
    pub ids: Ids,
    pub html: Option<String>,
    pub whole: Option<Vec<u8>>,
}

impl PageOut {
    /// A page written into `file` as it is made, or gathered whole without
    /// one; `indexed`, one the search index needs the HTML of.
    pub fn new(file: Option<File>, indexed: bool) -> PageOut {
        let kept = (indexed && file.is_some()).then(Vec::new);
        let pending = Vec::with_capacity(if file.is_some() { PIECE } else { 0 });
        PageOut { file, pending, ids: IdScan::default(), kept, failed: None }
    }

    /// Writes what is read of the pending bytes into the file (all at the `end`).
    fn flush_read(&mut self, end: bool) -> io::Result<()> {
        let Some(file) = &mut self.file else { return Ok(()) };
        let read = self.ids.read(&self.pending, end);
        file.write_all(&self.pending[..read])?;
        if let Some(kept) = &mut self.kept {
            kept.extend_from_slice(&self.pending[..read]);
        }
        self.pending.drain(..read);
        Ok(())
    }

    /// The page as rendered, or what went wrong writing it.
    pub fn finish(mut self) -> io::Result<PageDone> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        if self.file.is_none() {
            self.ids.read(&self.pending, true);
            return Ok(PageDone { ids: self.ids.finish(), html: None, whole: Some(self.pending) });
        }
        self.flush_read(true)?;
        let html = self.kept.map(|k| String::from_utf8(k).unwrap_or_default());
        Ok(PageDone { ids: self.ids.finish(), html, whole: None })
    }
}

impl Write for PageOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if self.file.is_some() && self.pending.len() >= PIECE {
            // Kept to be told as the page's own problem, not the template's.
            if let Err(e) = self.flush_read(false) {
                let kind = e.kind();
                self.failed = Some(e);
                return Err(io::Error::from(kind));
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of `n` headings with ids, as a template writes it: in small pieces.
    fn write_page(out: &mut PageOut, n: usize) -> String {
        let mut html = String::new();
        for i in 0..n {
            let piece = format!("<h2 id=\"rubrik-{i}\">Rubrik {i} – åäö</h2>\n<p>Text {i}</p>\n");
            html.push_str(&piece);
            for part in piece.as_bytes().chunks(7) {
                out.write_all(part).unwrap();
            }
        }
        html
    }

    #[test]
    fn a_page_written_in_pieces_is_in_its_file_whole_with_every_id_across_the_pieces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.html");
        let mut out = PageOut::new(Some(File::create(&path).unwrap()), true);
        let html = write_page(&mut out, 5_000);
        assert!(html.len() > 3 * PIECE, "the page spans several pieces");
        let done = out.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), html);
        assert_eq!(done.html.as_deref(), Some(html.as_str()));
        assert!(done.whole.is_none());
        assert_eq!(done.ids, crate::fragments::ids_in(&html));
        assert_eq!(done.ids.iter().count(), 5_000);
    }

    #[test]
    fn a_page_without_a_file_is_gathered_whole_and_not_kept_twice() {
        let mut out = PageOut::new(None, true);
        let html = write_page(&mut out, 100);
        let done = out.finish().unwrap();
        assert_eq!(done.whole.as_deref(), Some(html.as_bytes()));
        assert_eq!(done.html, None);
        assert_eq!(done.ids.iter().count(), 100);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_write_that_fails_stops_the_page_and_is_told_as_itself() {
        let full = File::options().write(true).open("/dev/full").unwrap();
        let mut out = PageOut::new(Some(full), false);
        let piece = vec![b'x'; PIECE];
        assert!(out.write_all(&piece).is_err(), "the template is stopped");
        let failed = out.finish().err().expect("the page is not done");
        assert_eq!(failed.kind(), io::ErrorKind::StorageFull);
    }
}
