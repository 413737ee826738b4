//! Problems found in a site's files, each with the file, line and column it
//! points at and a message from the catalogue; the one collector every stage
//! reports into; and how problems are shown to an editor, in their language.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use crate::lang::Lang;
use crate::messages::{Message, MsgId, FALLBACK};
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
    pub message: Message,
    pub hint: Option<Message>,
    /// A note and problems found with this one, rarely there (boxed, so
    /// that a `Result<_, Diagnostic>` stays small).
    more: Option<Box<More>>,
    /// Found while reading a file (syntax, encoding): listed before what
    /// later checks found, which may follow from it.
    reading: bool,
}

/// What a few problems carry besides their message and hint.
#[derive(Debug, Clone, Default)]
struct More {
    /// What else the editor should know (that the rest of the file is read
    /// once this is fixed, say).
    note: Option<Message>,
    /// Further problems of the same file found with this one (a slip made
    /// on several lines): [`Problems`] lists each beside it.
    also: Vec<Diagnostic>,
}

impl PartialEq for Diagnostic {
    fn eq(&self, other: &Self) -> bool {
        self.severity == other.severity
            && self.file == other.file
            && self.at.as_ref().map(|a| &a.1) == other.at.as_ref().map(|a| &a.1)
            && self.message == other.message
            && self.hint == other.hint
            && self.note() == other.note()
    }
}

impl Diagnostic {
    /// An error about a whole file (no line to point at).
    pub fn error(file: &Path, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: display_path(file),
            at: None,
            message,
            hint: None,
            more: None,
            reading: false,
        }
    }

    /// An error at a byte range of `source`.
    pub fn error_at(source: &Arc<Source>, span: Range<usize>, message: Message) -> Self {
        Diagnostic { at: Some((Arc::clone(source), span)), ..Diagnostic::error(&source.path, message) }
    }

    /// A warning about a whole file.
    pub fn warning(file: &Path, message: Message) -> Self {
        Diagnostic::error(file, message).with_severity(Severity::Warning)
    }

    /// A warning at a byte range of `source`.
    pub fn warning_at(source: &Arc<Source>, span: Range<usize>, message: Message) -> Self {
        Diagnostic::error_at(source, span, message).with_severity(Severity::Warning)
    }

    pub fn with_hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn with_note(mut self, note: Message) -> Self {
        self.more.get_or_insert_default().note = Some(note);
        self
    }

    /// What else the editor should know, if anything.
    pub fn note(&self) -> Option<&Message> {
        self.more.as_ref()?.note.as_ref()
    }

    /// `self`, with `others` (problems of the same file found with it) to be listed beside it.
    pub fn with_others(mut self, others: Vec<Diagnostic>) -> Self {
        self.more.get_or_insert_default().also.extend(others);
        self
    }

    /// This problem and those found with it, each on its own.
    fn each(mut self) -> impl Iterator<Item = Diagnostic> {
        let also = self.more.as_mut().map(|m| std::mem::take(&mut m.also)).unwrap_or_default();
        std::iter::once(self).chain(also.into_iter().flat_map(Diagnostic::each).collect::<Vec<_>>())
    }

    /// The same problem as an error or a warning (where a site's settings decide).
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
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

    /// The line and column the problem is at, if it has a place.
    pub fn location(&self) -> Option<Location> {
        self.at.as_ref().map(|(source, span)| source.locate(span.clone()))
    }

    /// Where in the file the problem starts (for sorting).
    fn offset(&self) -> Option<usize> {
        self.at.as_ref().map(|(_, span)| span.start)
    }

    /// The problem as an editor reads it in `lang`: file, line and column,
    /// the line with a caret under the place, and the hint.
    pub fn show(&self, lang: Lang) -> Shown<'_> {
        Shown { diagnostic: self, lang }
    }

    /// The problem as one JSON object, the same in every language (messages
    /// in English): for CI and editors' problem matchers.
    pub fn to_json(&self) -> serde_json::Value {
        let en = Lang::known(FALLBACK);
        let location = self.location();
        serde_json::json!({
            "id": self.message.id.as_str(),
            "severity": match self.severity { Severity::Error => "error", Severity::Warning => "warning" },
            "file": self.file,
            "line": location.as_ref().map(|l| l.line),
            "column": location.as_ref().map(|l| l.column),
            "message": self.message.text(en),
            "hint": self.hint.as_ref().map(|h| h.text(en)),
            "note": self.note().map(|n| n.text(en)),
        })
    }
}

/// A path as editors see it: relative, with forward slashes.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A [`Diagnostic`] in a language, for printing.
pub struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    lang: Lang,
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (d, lang) = (self.diagnostic, self.lang);
        let label = match d.severity {
            Severity::Error => msg!(SeverityError),
            Severity::Warning => msg!(SeverityWarning),
        }
        .text(lang);
        let message = d.message.text(lang);
        match d.location() {
            Some(loc) => {
                writeln!(f, "{label}: {}:{}:{}: {message}", d.file, loc.line, loc.column)?;
                let gutter = loc.line.to_string().len();
                writeln!(f, "{:gutter$} |", "")?;
                writeln!(f, "{} | {}", loc.line, loc.source_line)?;
                let pad: String =
                    loc.source_line.chars().take(loc.caret - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                write!(f, "{:gutter$} | {pad}{}", "", "^".repeat(loc.width))?;
            }
            None => write!(f, "{label}: {}: {message}", d.file)?,
        }
        if let Some(hint) = &d.hint {
            // A hint of several lines (an example to copy) stays indented under its label.
            let label = msg!(HintLabel).text(lang);
            let indent = " ".repeat(label.chars().count() + 6);
            let text = hint.text(lang);
            let mut lines = text.lines();
            write!(f, "\n  = {label}: {}", lines.next().unwrap_or_default())?;
            for line in lines {
                if line.is_empty() {
                    writeln!(f)?;
                } else {
                    write!(f, "\n{indent}{line}")?;
                }
            }
        }
        if let Some(note) = d.note() {
            write!(f, "\n  = {}: {}", msg!(NoteLabel).text(lang), note.text(lang))?;
        }
        Ok(())
    }
}

/// English, as `{}` shows it (tests and logs); editors see [`Diagnostic::show`].
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.show(Lang::known(FALLBACK)).fmt(f)
    }
}

/// The problems one run finds: every stage reports into it, the drivers
/// print it. Problems are kept as they are found; [`Problems::finish`] sorts
/// them for showing.
#[derive(Debug, Default)]
pub struct Problems(Vec<Diagnostic>);

impl Problems {
    pub fn new() -> Problems {
        Problems::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.0.extend(d.each());
    }

    /// Reports `d` and gives it back to add a hint or change its severity.
    pub fn report(&mut self, d: Diagnostic) -> &mut Diagnostic {
        let at = self.0.len();
        self.push(d);
        &mut self.0[at]
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        for d in ds {
            self.push(d);
        }
    }

    /// Reports the problem of a failed step, if it failed; its value otherwise.
    pub fn take<T>(&mut self, result: Result<T, Diagnostic>) -> Option<T> {
        result.map_err(|d| self.push(d)).ok()
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Whether any error was reported after the first `mark` problems (a
    /// stage that went wrong, when earlier ones had errors of their own).
    pub fn has_errors_since(&self, mark: usize) -> bool {
        self.0.iter().skip(mark).any(Diagnostic::is_error)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Every problem, in the order reported.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }

    /// The errors alone (the warnings dropped), in the order reported.
    pub fn into_errors(self) -> Vec<Diagnostic> {
        self.0.into_iter().filter(Diagnostic::is_error).collect()
    }

    /// The problems, sorted and grouped for showing.
    pub fn finish(self) -> Diagnostics {
        Diagnostics::new(self.0)
    }
}

/// Problems of one kind shown per file; the rest are counted in one line.
const SHOWN_PER_KIND: usize = 5;

/// The problems of one run, errors and warnings, as they are shown.
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
    pub fn new(all: Vec<Diagnostic>) -> Self {
        let mut all: Vec<Diagnostic> = all.into_iter().flat_map(Diagnostic::each).collect();
        all.sort_by(|a, b| {
            (!a.reading, &a.file, a.offset(), a.message.id).cmp(&(!b.reading, &b.file, b.offset(), b.message.id))
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

    /// One problem alone.
    pub fn one(d: Diagnostic) -> Self {
        Diagnostics::new(vec![d])
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
    pub fn summary(&self) -> Message {
        msg!(Summary, errors = self.errors, warnings = self.warnings, files = self.files)
    }

    /// Every problem shown, then the summary, in `lang`.
    pub fn show(&self, lang: Lang) -> String {
        let mut out = String::new();
        for d in &self.shown {
            out.push_str(&format!("{}\n\n", d.show(lang)));
        }
        out + &self.summary().text(lang)
    }
}

/// The first [`SHOWN_PER_KIND`] problems of each kind in each file; after the
/// last one shown, a line saying how many more there are.
fn shown_of(all: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let key = |d: &Diagnostic| (d.file.clone(), d.severity, d.message.id);
    let mut total: HashMap<(String, Severity, MsgId), usize> = HashMap::new();
    for d in &all {
        *total.entry(key(d)).or_default() += 1;
    }
    let mut seen: HashMap<(String, Severity, MsgId), usize> = HashMap::new();
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
            message: msg!(MoreLikeThis, count = more),
            hint: Some(msg!(MoreLikeThisHint)),
            ..d.clone()
        });
        shown.push(d);
        shown.extend(summary);
    }
    shown
}

/// English, as `{}` shows it (tests and logs).
impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.show(Lang::known(FALLBACK)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sv() -> Lang {
        Lang::known("sv")
    }

    #[test]
    fn display_shows_file_line_column_and_caret() {
        let source = Arc::new(Source::new("a/b.toml", "x = 1\ny = ?\n"));
        let d = Diagnostic::error_at(&source, 10..11, msg!(TomlSyntax, detail = "expected a value"))
            .with_hint(msg!(YearFileName));
        let text = d.to_string();
        assert!(text.starts_with("error: a/b.toml:2:5: "), "{text}");
        assert!(text.contains("2 | y = ?"), "{text}");
        assert!(text.contains("  |     ^"), "{text}");
        assert!(text.contains("= hint: name it like 2024.toml"), "{text}");
        let swedish = d.show(sv()).to_string();
        assert!(swedish.starts_with("fel: a/b.toml:2:5: "), "{swedish}");
        assert!(swedish.contains("= tips: "), "{swedish}");
    }

    #[test]
    fn summary_counts_errors_warnings_and_files_with_plurals() {
        let d = Diagnostics::new(vec![
            Diagnostic::error(Path::new("a"), msg!(YearFileName)),
            Diagnostic::warning(Path::new("b"), msg!(YearFileName)),
            Diagnostic::error(Path::new("a"), msg!(TomlUnknownFile)),
        ]);
        assert_eq!(d.summary().to_string(), "2 errors, 1 warning in 2 files");
        assert_eq!(d.summary().text(sv()), "2 fel, 1 varning i 2 filer");
    }

    #[test]
    fn many_problems_of_one_kind_are_counted_not_all_printed() {
        let line = (0..50_000).map(|i| (3000 + i % 100).to_string()).collect::<Vec<_>>().join(", ");
        let source = Arc::new(Source::new("content/p/indicators/x.toml", format!("years = [{line}]\n")));
        let all: Vec<Diagnostic> = (0..50_000)
            .map(|i| Diagnostic::error_at(&source, 9 + i * 6..13 + i * 6, msg!(YearNotSensible, year = 3000 + i % 100)))
            .collect();
        let d = Diagnostics::new(all);
        assert_eq!(d.iter().count(), SHOWN_PER_KIND + 1);
        assert_eq!(d.iter().last().unwrap().message.to_string(), "… and 49995 more like this in this file");
        assert_eq!(d.summary().to_string(), "50000 errors, 0 warnings in 1 file", "the count covers every problem");
        assert!(d.to_string().len() < 5_000, "the output stays small: {}", d.to_string().len());
    }

    #[test]
    fn problems_are_grouped_by_their_kind_not_their_words() {
        let source = Arc::new(Source::new("x.toml", "a\n".repeat(20)));
        let all: Vec<Diagnostic> = (0..8)
            .map(|i| Diagnostic::error_at(&source, i * 2..i * 2 + 1, msg!(YearNotSensible, year = i)))
            .chain((0..8).map(|i| Diagnostic::error_at(&source, i * 2..i * 2 + 1, msg!(YearFileName))))
            .collect();
        let d = Diagnostics::new(all);
        let more = d.iter().filter(|d| d.message.id == MsgId::MoreLikeThis).count();
        assert_eq!(more, 2, "one count line for each kind");
    }

    #[test]
    fn what_reading_found_comes_first() {
        let d = Diagnostics::new(vec![
            Diagnostic::error(Path::new("content/_index.sv.md"), msg!(YearFileName)),
            Diagnostic::error(Path::new("content/x/indicators/y.toml"), msg!(YearFileName)).reading(),
        ]);
        let files: Vec<&str> = d.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["content/x/indicators/y.toml", "content/_index.sv.md"]);
    }

    #[test]
    fn problems_are_sorted_by_file_and_place_and_repeated_ones_dropped() {
        let source = Arc::new(Source::new("b.toml", "x = 1\ny = 2\n"));
        let d = Diagnostics::new(vec![
            Diagnostic::error_at(&source, 6..7, msg!(YearNotSensible, year = 2)),
            Diagnostic::error_at(&source, 0..1, msg!(YearNotSensible, year = 1)),
            Diagnostic::error(Path::new("a.toml"), msg!(YearFileName)),
            Diagnostic::error_at(&source, 0..1, msg!(YearNotSensible, year = 1)),
        ]);
        let files: Vec<String> = d.iter().map(|d| format!("{}{:?}", d.file, d.offset())).collect();
        assert_eq!(files, ["a.tomlNone", "b.tomlSome(0)", "b.tomlSome(6)"]);
    }

    #[test]
    fn json_is_the_same_in_every_language() {
        let source = Arc::new(Source::new("a/b.toml", "x = 1\ny = ?\n"));
        let d = Diagnostic::warning_at(&source, 10..11, msg!(YearNotSensible, year = 3024));
        let json = d.to_json();
        assert_eq!(json["id"], "year-not-sensible");
        assert_eq!(json["severity"], "warning");
        assert_eq!((json["line"].as_u64(), json["column"].as_u64()), (Some(2), Some(5)));
        assert_eq!(json["message"], "3024 is not a sensible year");
    }
}
