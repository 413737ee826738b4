//! Reads a TOML file into a typed value and turns every failure (unreadable file,
//! bad UTF-8, syntax, wrong type, unknown key) into a [`Diagnostic`] in
//! plain words, with a hint where one helps.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;
use crate::source::{ReadError, Source, MAX_FILE_BYTES};
use crate::text::nearest;

/// Reads `root/rel` as UTF-8 text.
pub fn read(root: &Path, rel: &Path) -> Result<Arc<Source>, Diagnostic> {
    match Source::read(root, rel) {
        Ok(source) => Ok(Arc::new(source)),
        Err(ReadError::Io(e)) => Err(Diagnostic::error(rel, format!("cannot read the file: {e}")).reading()),
        Err(ReadError::TooLarge(size)) => Err(Diagnostic::error(
            rel,
            format!(
                "the file is {:.1} MB; goalsite reads files of up to {} MB",
                size as f64 / 1e6,
                MAX_FILE_BYTES / 1_000_000
            ),
        )
        .with_hint("split it into several pages or files: a text this long is too long to read on a screen")
        .reading()),
        Err(ReadError::NotUtf8(source, at)) => {
            Err(Diagnostic::error_at(&Arc::new(source), at..at + 1, "the file is not valid UTF-8 text")
                .with_hint("save the file as UTF-8 in your editor")
                .reading())
        }
    }
}

/// Parses the whole of `source` as TOML into `T`.
pub fn parse<T: DeserializeOwned>(source: &Arc<Source>) -> Result<T, Diagnostic> {
    parse_part(source, 0..source.text.len())
}

/// Parses the part `range` of `source` (front matter, say) as TOML into `T`.
pub fn parse_part<T: DeserializeOwned>(source: &Arc<Source>, range: std::ops::Range<usize>) -> Result<T, Diagnostic> {
    let offset = range.start;
    toml::from_str(&source.text[range]).map_err(|e| {
        let (message, hint) = explain(e.message().trim().to_owned());
        let d = match e.span() {
            Some(span) => Diagnostic::error_at(source, span.start + offset..span.end + offset, message),
            None => Diagnostic::error(&source.path, message),
        };
        match hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
        .reading()
    })
}

/// The message in plain words, and a hint, for the messages serde and toml give.
fn explain(message: String) -> (String, Option<String>) {
    // "unknown variant `pie`, expected one of `line`, `bar`, `hbar`"
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((value, expected)) = rest.split_once('`') {
            let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
            let hint = match nearest(value, &candidates) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("use one of: {}", candidates.join(", ")),
            };
            return (format!("`{value}` is not one of the values allowed here"), Some(hint));
        }
    }
    let hint = hint_for(&message);
    (message, hint)
}

/// A plain-words hint for the messages serde and toml give.
fn hint_for(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`')?;
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return Some(match nearest(name, &candidates) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("the keys allowed here are: {}", candidates.join(", ")),
        });
    }
    if message.starts_with("missing field `") {
        return Some("add the missing key (see docs/authoring.md for an example)".into());
    }
    if message.contains("invalid type") && message.contains("datetime") {
        return Some("write the date as year-month-day without quotes, e.g. 2026-03-31".into());
    }
    if message.contains("invalid type") {
        return Some("check the value's type: text goes in \"quotes\", numbers do not".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        year: i32,
    }

    fn source(text: &str) -> Arc<Source> {
        Arc::new(Source::new("x.toml", text))
    }

    #[test]
    fn unknown_key_names_line_column_and_nearest_key() {
        let d = parse::<Doc>(&source("title = \"a\"\nyear = 1\ntitel = 2\n")).unwrap_err();
        let loc = d.location().unwrap();
        assert_eq!((loc.line, loc.column), (3, 1));
        assert_eq!(d.hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn a_date_in_quotes_gets_a_hint_about_dates() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Dated {
            published: toml::value::Datetime,
        }
        let d = parse::<Dated>(&source("published = \"2026-03-31\"\n")).unwrap_err();
        assert_eq!(d.hint.as_deref(), Some("write the date as year-month-day without quotes, e.g. 2026-03-31"));
    }

    #[test]
    fn unknown_enum_value_names_the_allowed_values() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "lowercase")]
        enum Kind {
            Line,
            Bar,
            Hbar,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Chart {
            chart: Kind,
        }
        let d = parse::<Chart>(&source("chart = \"pie\"\n")).unwrap_err();
        assert_eq!(d.message, "`pie` is not one of the values allowed here");
        assert_eq!(d.hint.as_deref(), Some("use one of: line, bar, hbar"));
        let d = parse::<Chart>(&source("chart = \"lien\"\n")).unwrap_err();
        assert_eq!(d.hint.as_deref(), Some("did you mean `line`?"));
    }

    #[test]
    fn syntax_error_has_a_position() {
        let d = parse::<Doc>(&source("title = \"a\nyear = 1\n")).unwrap_err();
        assert_eq!(d.location().unwrap().line, 1);
    }
}
