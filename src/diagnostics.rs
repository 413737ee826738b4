//! Problems found in a site's files, each with the file, line and column it
//! points at, and how they are printed for an editor.

use std::fmt;
use std::ops::Range;
use std::path::Path;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
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

/// One problem in the site's content, configuration or theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    pub location: Option<Box<Location>>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file (no line to point at).
    pub fn error(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: display_path(file),
            location: None,
            message: message.into(),
            hint: None,
        }
    }

    /// An error at a byte range of `source`, the text of `file`.
    pub fn error_at(file: &Path, source: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic { location: Some(Box::new(locate(source, span))), ..Diagnostic::error(file, message) }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A path as editors see it: relative, with forward slashes.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Turns a byte range into a line, a character column and the line's text.
pub fn locate(source: &str, span: Range<usize>) -> Location {
    let start = floor_char_boundary(source, span.start.min(source.len()));
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
    let line = source[..start].matches('\n').count() + 1;
    let column = source[line_start..start].chars().count() + 1;
    let end = floor_char_boundary(source, span.end.clamp(start, line_end));
    Location {
        line,
        column,
        source_line: source[line_start..line_end].trim_end_matches('\r').to_owned(),
        width: source[start..end].chars().count().max(1),
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.location {
            Some(loc) => {
                writeln!(f, "{label}: {}:{}:{}: {}", self.file, loc.line, loc.column, self.message)?;
                let gutter = loc.line.to_string().len();
                writeln!(f, "{:gutter$} |", "")?;
                writeln!(f, "{} | {}", loc.line, loc.source_line)?;
                let pad: String =
                    loc.source_line.chars().take(loc.column - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                write!(f, "{:gutter$} | {pad}{}", "", "^".repeat(loc.width))?;
            }
            None => write!(f, "{label}: {}: {}", self.file, self.message)?,
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}

/// A list of problems, as returned when a site cannot be built.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Sorted by file, then position, so that output is stable.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| {
            let pos = |d: &Diagnostic| d.location.as_ref().map(|l| (l.line, l.column));
            (&a.file, pos(a), &a.message).cmp(&(&b.file, pos(b), &b.message))
        });
        self.0.dedup();
        self
    }

    /// `2 errors, 1 warning in 3 files`.
    pub fn summary(&self) -> String {
        let errors = self.0.iter().filter(|d| d.is_error()).count();
        let warnings = self.0.len() - errors;
        let mut files: Vec<&str> = self.0.iter().map(|d| d.file.as_str()).collect();
        files.sort_unstable();
        files.dedup();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!("{}, {} in {}", plural(errors, "error"), plural(warnings, "warning"), plural(files.len(), "file"))
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}\n")?;
        }
        write!(f, "{}", self.summary())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "title = \"å\"\når = 1\n";
        let loc = locate(src, 15..16);
        assert_eq!((loc.line, loc.column), (2, 2));
        assert_eq!(loc.source_line, "år = 1");
    }

    #[test]
    fn display_shows_file_line_column_and_caret() {
        let d = Diagnostic::error_at(Path::new("a/b.toml"), "x = 1\ny = ?\n", 10..11, "expected a value")
            .with_hint("write a number");
        let text = d.to_string();
        assert!(text.starts_with("error: a/b.toml:2:5: expected a value"), "{text}");
        assert!(text.contains("2 | y = ?"), "{text}");
        assert!(text.contains("  |     ^"), "{text}");
        assert!(text.contains("hint: write a number"), "{text}");
    }

    #[test]
    fn summary_counts_errors_warnings_and_files() {
        let d = Diagnostics(vec![
            Diagnostic::error(Path::new("a"), "x"),
            Diagnostic::error(Path::new("b"), "y").warning(),
            Diagnostic::error(Path::new("a"), "z"),
        ]);
        assert_eq!(d.summary(), "2 errors, 1 warning in 2 files");
    }
}
