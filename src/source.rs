//! Source files as read from the site: their path and text, read once, with
//! a line index that turns a byte offset into a line and column without
//! scanning the file again.

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

    /// Reads `root/rel` as UTF-8 text; `Err` says why it cannot be read.
    /// Files larger than [`MAX_FILE_BYTES`] are refused before they are read.
    pub fn read(root: &Path, rel: &Path) -> Result<Source, ReadError> {
        use std::io::Read;
        // One open and one stat: the size is asked of the open file.
        let file = std::fs::File::open(root.join(rel)).map_err(ReadError::Io)?;
        let size = file.metadata().map_err(ReadError::Io)?.len();
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
            Ok(text) => Ok(Source::new(rel, text)),
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

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

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
