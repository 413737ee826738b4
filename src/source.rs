//! Source files as read from the site: their path and text, read once, with
//! a line index that turns a byte offset into a line and column without
//! scanning the file again; and what the file system said of each file when
//! it was read ([`Stamp`]), so that a build can tell it has not changed since.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A text file of the site (path relative to the site root).
#[derive(Debug)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
    /// Byte offset of the start of every line, built on first use.
    lines: OnceLock<Vec<usize>>,
}

/// A place in a file: 1-based line and column (columns count characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// The text of that line for the caret display: on a long line, only a
    /// window around the column, with `…` where it is cut.
    pub source_line: String,
    /// The column of the caret in `source_line` (1-based characters).
    pub caret: usize,
    /// How many characters the caret underlines (at least 1).
    pub width: usize,
}

/// Characters shown of a source line before and after the column it points at.
const WINDOW_BEFORE: usize = 60;
const WINDOW_AFTER: usize = 100;

impl Source {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Source {
        Source { path: path.into(), text: text.into(), lines: OnceLock::new() }
    }

    /// Reads `root/rel` as UTF-8 text, in Unicode's composed form (NFC); `Err`
    /// says why it cannot be read.
    /// Files larger than [`MAX_FILE_BYTES`] are refused before they are read.
    pub fn read(root: &Path, rel: &Path) -> Result<Source, ReadError> {
        Source::read_stamped(root, rel).map(|(source, _)| source)
    }

    /// [`Source::read`], with the file's stamp as it was read.
    pub fn read_stamped(root: &Path, rel: &Path) -> Result<(Source, Stamp), ReadError> {
        use std::io::Read;
        // One open and one stat: the size is asked of the open file.
        let file = std::fs::File::open(root.join(rel)).map_err(ReadError::Io)?;
        let meta = file.metadata().map_err(ReadError::Io)?;
        let size = meta.len();
        if size > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(size));
        }
        let mut bytes = Vec::with_capacity(size as usize);
        // A file that grew since it was measured is read no further than the limit.
        file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(bytes.len() as u64));
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok((Source::new(rel, crate::text::composed(text)), Stamp::of(&meta))),
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                Err(ReadError::NotUtf8(Source::new(rel, text), valid))
            }
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.lines.get_or_init(|| std::iter::once(0).chain(self.text.match_indices('\n').map(|(i, _)| i + 1)).collect())
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts().partition_point(|&s| s <= offset).max(1)
    }

    /// The line, column and line text of a byte range.
    pub fn locate(&self, span: Range<usize>) -> Location {
        let text = &self.text;
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let starts = self.line_starts();
        let index = starts.partition_point(|&s| s <= start).saturating_sub(1);
        let line_start = starts[index];
        let line_end = starts.get(index + 1).map_or(text.len(), |next| next - 1);
        let column = text[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(text, span.end.clamp(start, line_end));
        let width = text[start..end].chars().count().max(1);
        // Only a window of a long line: memory and output stay small whatever the line.
        let before = text[line_start..start].char_indices().rev().nth(WINDOW_BEFORE - 1).map(|(i, _)| line_start + i);
        let window_start = before.unwrap_or(line_start);
        let after = text[start..line_end].char_indices().nth(WINDOW_AFTER).map(|(i, _)| start + i);
        let window_end = after.unwrap_or(line_end);
        let mut shown = String::new();
        if window_start > line_start {
            shown.push('…');
        }
        // Invisible characters are shown, one column each, so that the caret stays in place.
        shown.extend(text[window_start..window_end].trim_end_matches('\r').chars().map(crate::text::shown));
        if window_end < line_end {
            shown.push('…');
        }
        let caret = text[window_start..start].chars().count() + 1 + usize::from(window_start > line_start);
        Location { line: index + 1, column, source_line: shown, caret, width: width.min(WINDOW_AFTER) }
    }
}

/// What the file system says of a file: its size, when it was last written
/// and last changed (renamed, its times set), and which file it is. Like
/// git's index, a build takes a file whose stamp is what it was when the
/// last build read it to be unchanged, when that stamp was older than that
/// reading by more than a file system's clock step ([`Stamp::settled`]):
/// any later write gives it another one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    /// Last written, in nanoseconds since 1970.
    pub modified: i128,
    /// Last changed (written, renamed, its times set), likewise.
    pub changed: i128,
    pub inode: u64,
    pub device: u64,
}

impl Stamp {
    /// The stamp of `path` now (following links, as reading does).
    pub fn now(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }

    fn of(meta: &std::fs::Metadata) -> Stamp {
        let nanos = |t: std::io::Result<std::time::SystemTime>| {
            t.ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos() as i128)
        };
        #[cfg(unix)]
        let (changed, inode, device) = {
            use std::os::unix::fs::MetadataExt;
            (i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()), meta.ino(), meta.dev())
        };
        // Without a change time (or an identity), the write time stands for it.
        #[cfg(not(unix))]
        let (changed, inode, device) = (nanos(meta.modified()), 0, 0);
        Stamp { len: meta.len(), modified: nanos(meta.modified()), changed, inode, device }
    }

    /// Whether the file was last written and changed more than two seconds
    /// (the coarsest file system clock, FAT's) before `read`, the time it was
    /// read: a write after the reading then always gives another stamp.
    /// Never where the system tells no time of change: there a write can
    /// set the time of writing back and keep the size.
    pub fn settled(&self, read: std::time::SystemTime) -> bool {
        let read = read.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128);
        let bound = read - 2_000_000_000;
        cfg!(unix) && self.modified < bound && self.changed < bound
    }
}

/// A 128-bit SipHash-1-3 of `bytes`: what a text is, in 16 bytes (fast,
/// and the same on every machine).
pub fn fingerprint(bytes: &[u8]) -> u128 {
    use siphasher::sip128::Hasher128;
    use std::hash::Hasher;
    let mut h = fingerprinter();
    h.write(bytes);
    h.finish128().as_u128()
}

/// What [`fingerprint`] hashes with, for bytes that come in pieces (the
/// pieces' fingerprint is that of the bytes whole).
pub fn fingerprinter() -> siphasher::sip128::SipHasher13 {
    siphasher::sip128::SipHasher13::new_with_keys(0x676f_616c_7369_7465, 0x7465_7874_2020_7631)
}

/// The largest source file goalsite reads (5 MB). A page of that much text
/// is far longer than anyone reads on a screen; rendering it takes about
/// fifteen times its size in memory, so larger files are refused, not read.
pub const MAX_FILE_BYTES: u64 = 5_000_000;

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Larger than [`MAX_FILE_BYTES`]: its size in bytes.
    TooLarge(u64),
    /// Not UTF-8: the text with replacement characters, and the offset of the first bad byte.
    NotUtf8(Source, usize),
}

/// `i`, or the start of the character it falls inside of in `s`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Hidden files and the backup, swap and temporary files editors write
/// while they save (Vim's `4913` and `.swp`, Emacs' `#…#`, JetBrains'
/// `___jb_tmp___`, `.tmp`) are never a source (content or theme), and saving
/// one is no change.
pub fn is_ignored(name: &str) -> bool {
    const ENDINGS: &[&str] = &["~", ".swp", ".swx", ".tmp", ".temp", ".bak", "___jb_tmp___", "___jb_old___"];
    name.starts_with('.') || name.starts_with('#') || name == "4913" || ENDINGS.iter().any(|e| name.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_has_settled_two_seconds_after_it_was_last_written_and_changed() {
        let read = std::time::UNIX_EPOCH + std::time::Duration::from_secs(100);
        let stamp = |modified: i128, changed: i128| Stamp { len: 1, modified, changed, inode: 1, device: 1 };
        let s = 1_000_000_000;
        assert!(stamp(97 * s, 97 * s).settled(read));
        assert!(!stamp(98 * s, 97 * s).settled(read), "written within two seconds of the reading");
        assert!(!stamp(97 * s, 99 * s).settled(read), "changed (renamed, its time set) within them");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = Source::new("a.toml", "title = \"å\"\når = 1\n");
        let loc = src.locate(15..16);
        assert_eq!((loc.line, loc.column), (2, 2));
        assert_eq!(loc.source_line, "år = 1");
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_column() {
        let line = format!("{}X{}", "a".repeat(100_000), "b".repeat(100_000));
        let src = Source::new("a.toml", format!("first\n{line}\n"));
        let loc = src.locate(6 + 100_000..6 + 100_001);
        assert_eq!((loc.line, loc.column), (2, 100_001));
        assert!(loc.source_line.len() < 200, "{}", loc.source_line.len());
        assert!(loc.source_line.starts_with('…') && loc.source_line.ends_with('…'));
        assert_eq!(loc.source_line.chars().nth(loc.caret - 1), Some('X'), "the caret points at the column");
    }

    #[test]
    fn first_last_and_empty_lines_are_found() {
        let src = Source::new("a.md", "a\n\nccc\r\n");
        assert_eq!(src.locate(0..1).line, 1);
        assert_eq!(src.locate(2..2).line, 2);
        let loc = src.locate(5..6);
        assert_eq!((loc.line, loc.column, loc.source_line.as_str()), (3, 3, "ccc"));
        assert_eq!(src.locate(99..100).line, 4, "past the end is the last line");
    }
}
