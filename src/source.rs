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
    /// The text of that line, for the caret display.
    pub source_line: String,
    /// How many characters the caret underlines (at least 1).
    pub width: usize,
}

impl Source {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Source {
        Source { path: path.into(), text: text.into(), lines: OnceLock::new() }
    }

    /// Reads `root/rel` as UTF-8 text; `Err` says why it cannot be read.
    pub fn read(root: &Path, rel: &Path) -> Result<Source, ReadError> {
        let bytes = std::fs::read(root.join(rel)).map_err(ReadError::Io)?;
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
        Location {
            line: index + 1,
            column,
            source_line: text[line_start..line_end].trim_end_matches('\r').to_owned(),
            width: text[start..end].chars().count().max(1),
        }
    }
}

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
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
    fn first_last_and_empty_lines_are_found() {
        let src = Source::new("a.md", "a\n\nccc\r\n");
        assert_eq!(src.locate(0..1).line, 1);
        assert_eq!(src.locate(2..2).line, 2);
        let loc = src.locate(5..6);
        assert_eq!((loc.line, loc.column, loc.source_line.as_str()), (3, 3, "ccc"));
        assert_eq!(src.locate(99..100).line, 4, "past the end is the last line");
    }
}
