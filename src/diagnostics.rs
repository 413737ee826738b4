//! Problems found in a site's files, each with the file, line and column it
//! points at, and how they are printed for an editor.

use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

pub use crate::source::Location;
use crate::source::Source;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the site's content, configuration or theme.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    /// The file's text and the byte range the problem is at, if it has a place.
    at: Option<(Arc<Source>, Range<usize>)>,
    pub message: String,
    pub hint: Option<String>,
}

impl PartialEq for Diagnostic {
    fn eq(&self, other: &Self) -> bool {
        self.severity == other.severity
            && self.file == other.file
            && self.at.as_ref().map(|a| &a.1) == other.at.as_ref().map(|a| &a.1)
            && self.message == other.message
            && self.hint == other.hint
    }
}

impl Diagnostic {
    /// An error about a whole file (no line to point at).
    pub fn error(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: display_path(file),
            at: None,
            message: message.into(),
            hint: None,
        }
    }

    /// An error at a byte range of `source`.
    pub fn error_at(source: &Arc<Source>, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic { at: Some((Arc::clone(source), span)), ..Diagnostic::error(&source.path, message) }
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

    /// The line and column the problem is at, if it has a place.
    pub fn location(&self) -> Option<Location> {
        self.at.as_ref().map(|(source, span)| source.locate(span.clone()))
    }

    /// Where in the file the problem starts (for sorting).
    fn offset(&self) -> Option<usize> {
        self.at.as_ref().map(|(_, span)| span.start)
    }
}

/// A path as editors see it: relative, with forward slashes.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.location() {
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

/// The problems of one run, errors and warnings.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// The problems, sorted by file, then position, so that output is stable.
    pub fn new(mut all: Vec<Diagnostic>) -> Self {
        all.sort_by(|a, b| (&a.file, a.offset(), &a.message).cmp(&(&b.file, b.offset(), &b.message)));
        all.dedup();
        Diagnostics(all)
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
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

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
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
    fn display_shows_file_line_column_and_caret() {
        let source = Arc::new(Source::new("a/b.toml", "x = 1\ny = ?\n"));
        let d = Diagnostic::error_at(&source, 10..11, "expected a value").with_hint("write a number");
        let text = d.to_string();
        assert!(text.starts_with("error: a/b.toml:2:5: expected a value"), "{text}");
        assert!(text.contains("2 | y = ?"), "{text}");
        assert!(text.contains("  |     ^"), "{text}");
        assert!(text.contains("hint: write a number"), "{text}");
    }

    #[test]
    fn summary_counts_errors_warnings_and_files() {
        let d = Diagnostics::new(vec![
            Diagnostic::error(Path::new("a"), "x"),
            Diagnostic::error(Path::new("b"), "y").warning(),
            Diagnostic::error(Path::new("a"), "z"),
        ]);
        assert_eq!(d.summary(), "2 errors, 1 warning in 2 files");
    }

    #[test]
    fn problems_are_sorted_by_file_and_place_and_repeated_ones_dropped() {
        let source = Arc::new(Source::new("b.toml", "x = 1\ny = 2\n"));
        let d = Diagnostics::new(vec![
            Diagnostic::error_at(&source, 6..7, "second"),
            Diagnostic::error_at(&source, 0..1, "first"),
            Diagnostic::error(Path::new("a.toml"), "other file"),
            Diagnostic::error_at(&source, 0..1, "first"),
        ]);
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["other file", "first", "second"]);
    }
}
