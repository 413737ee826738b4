//! Problems found in a site's files, each with the file, line and column it
//! points at, and how they are printed for an editor.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

pub use crate::source::Location;
use crate::source::Source;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    /// Found while reading a file (syntax, encoding): listed before what
    /// later checks found, which may follow from it.
    reading: bool,
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
            reading: false,
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

    /// Marks a problem found while reading a file, listed first.
    pub fn reading(mut self) -> Self {
        self.reading = true;
        self
    }

    /// The message with its particulars (numbers, names in backquotes) taken
    /// out: problems of the same kind share it.
    fn kind(&self) -> String {
        let mut kind = String::with_capacity(self.message.len());
        let mut quoted = false;
        for c in self.message.chars() {
            match c {
                '`' => {
                    quoted = !quoted;
                    kind.push('`');
                }
                _ if quoted => {}
                c if c.is_ascii_digit() => {
                    if !kind.ends_with('#') {
                        kind.push('#');
                    }
                }
                c => kind.push(c),
            }
        }
        kind
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
                    loc.source_line.chars().take(loc.caret - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
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

/// Problems of one kind shown per file; the rest are counted in one line.
const SHOWN_PER_KIND: usize = 5;

/// The problems of one run, errors and warnings.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    shown: Vec<Diagnostic>,
    errors: usize,
    warnings: usize,
    files: usize,
}

impl Diagnostics {
    /// The problems, sorted so that output is stable: what reading files
    /// found first, then by file and position. Of many problems of one kind in
    /// one file, the first few are shown and the rest counted.
    pub fn new(mut all: Vec<Diagnostic>) -> Self {
        all.sort_by(|a, b| {
            (!a.reading, &a.file, a.offset(), &a.message).cmp(&(!b.reading, &b.file, b.offset(), &b.message))
        });
        all.dedup();
        let errors = all.iter().filter(|d| d.is_error()).count();
        let warnings = all.len() - errors;
        let mut files: Vec<&str> = all.iter().map(|d| d.file.as_str()).collect();
        files.sort_unstable();
        files.dedup();
        let files = files.len();
        Diagnostics { shown: shown_of(all), errors, warnings, files }
    }

    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// The problems shown (a few of each kind per file, then a line counting the rest).
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.shown.iter()
    }

    /// `2 errors, 1 warning in 3 files`, counting every problem, shown or not.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {} in {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.files, "file")
        )
    }
}

/// The first [`SHOWN_PER_KIND`] problems of each kind in each file; after the
/// last one shown, a line saying how many more there are.
fn shown_of(all: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let key = |d: &Diagnostic| (d.file.clone(), d.severity, d.kind());
    let mut total: HashMap<(String, Severity, String), usize> = HashMap::new();
    for d in &all {
        *total.entry(key(d)).or_default() += 1;
    }
    let mut seen: HashMap<(String, Severity, String), usize> = HashMap::new();
    let mut shown = Vec::new();
    for d in all {
        let k = key(&d);
        let n = seen.entry(k.clone()).or_default();
        *n += 1;
        if *n > SHOWN_PER_KIND {
            continue;
        }
        let more = total[&k].saturating_sub(SHOWN_PER_KIND);
        let last_shown = *n == SHOWN_PER_KIND && more > 0;
        let summary = last_shown.then(|| Diagnostic {
            at: None,
            message: format!("… and {more} more like this in this file"),
            hint: Some("fix the ones above the same way".into()),
            ..d.clone()
        });
        shown.push(d);
        shown.extend(summary);
    }
    shown
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.shown {
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
    fn many_problems_of_one_kind_are_counted_not_all_printed() {
        let line = (0..50_000).map(|i| (3000 + i % 100).to_string()).collect::<Vec<_>>().join(", ");
        let source = Arc::new(Source::new("content/p/indicators/x.toml", format!("years = [{line}]\n")));
        let all: Vec<Diagnostic> = (0..50_000)
            .map(|i| {
                Diagnostic::error_at(
                    &source,
                    9 + i * 6..13 + i * 6,
                    format!("{} is not a sensible year", 3000 + i % 100),
                )
            })
            .collect();
        let d = Diagnostics::new(all);
        assert_eq!(d.iter().count(), SHOWN_PER_KIND + 1);
        assert_eq!(d.iter().last().unwrap().message, "… and 49995 more like this in this file");
        assert_eq!(d.summary(), "50000 errors, 0 warnings in 1 file", "the count covers every problem");
        assert!(d.to_string().len() < 5_000, "the output stays small: {}", d.to_string().len());
    }

    #[test]
    fn what_reading_found_comes_first() {
        let d = Diagnostics::new(vec![
            Diagnostic::error(Path::new("content/_index.sv.md"), "the link leads nowhere"),
            Diagnostic::error(Path::new("content/x/indicators/y.toml"), "expected a value").reading(),
        ]);
        let files: Vec<&str> = d.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["content/x/indicators/y.toml", "content/_index.sv.md"]);
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
