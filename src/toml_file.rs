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

/// An invisible character in the part `range` of `source` (see
/// [`crate::text::invisible_character`]), as an error at its place.
pub fn invisible_character(source: &Arc<Source>, range: std::ops::Range<usize>) -> Option<Diagnostic> {
    let offset = range.start;
    let (at, c, kind) = crate::text::invisible_character(&source.text[range])?;
    let span = offset + at..offset + at + c.len_utf8();
    let message = format!("the text holds an invisible {kind} (U+{:04X})", c as u32);
    let hint = "delete it (it often comes with text pasted from another program)";
    Some(Diagnostic::error_at(source, span, message).with_hint(hint).reading())
}

/// Parses the part `range` of `source` (front matter, say) as TOML into `T`.
pub fn parse_part<T: DeserializeOwned>(source: &Arc<Source>, range: std::ops::Range<usize>) -> Result<T, Diagnostic> {
    if let Some(invisible) = invisible_character(source, range.clone()) {
        return Err(invisible);
    }
    let offset = range.start;
    toml::from_str(&source.text[range]).map_err(|e| {
        let missing = e.message().starts_with("missing field");
        let written = e.span().and_then(|span| source.text.get(span.start + offset..span.end + offset));
        let (message, mut hint) = explain(e.message().trim().to_owned(), written);
        if let Some(span) = e.span() {
            hint = hint.or_else(|| decimal_comma(&source.text, span.start + offset));
        }
        // A key missing from the file's top level has no place but the file.
        let d = match e.span().filter(|span| !(missing && span.is_empty())) {
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

/// Where `key = …` is first written in the TOML `text` (the key, bare or in
/// either kind of quotes), if it is. Lines inside a multi-line string are
/// text, not keys.
pub fn key_span(text: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let names = [key.to_owned(), format!("\"{key}\""), format!("'{key}'")];
    let mut offset = 0;
    let mut open: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if let Some(fence) = open {
            if line.matches(fence).count() % 2 == 1 {
                open = None;
            }
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let rest = &line[indent..];
        let name = names.iter().find(|k| rest.starts_with(k.as_str()));
        if let Some(name) = name.filter(|k| rest[k.len()..].trim_start().starts_with('=')) {
            return Some(start + indent..start + indent + name.len());
        }
        open = ["\"\"\"", "'''"].into_iter().find(|fence| line.matches(fence).count() % 2 == 1);
    }
    None
}

/// The message in plain words, and a hint, for the messages serde and toml
/// give; `written` is the text the message is about, where known.
fn explain(message: String, written: Option<&str>) -> (String, Option<String>) {
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
    match plain_type_error(&message, written) {
        Some(plain) => (plain, hint),
        None => (message, hint),
    }
}

/// A message from serde in plain words where it is one about a value's
/// type, else as it is.
pub fn plain_message(message: &str) -> String {
    plain_type_error(message, None).unwrap_or_else(|| message.to_owned())
}

/// Whether `text`, written without quotes, is a finite TOML number.
fn toml_number(text: &str) -> bool {
    let value = toml::from_str::<toml::Table>(&format!("v = {text}")).ok().and_then(|mut t| t.remove("v"));
    match value {
        Some(toml::Value::Integer(_)) => true,
        Some(toml::Value::Float(f)) => f.is_finite(),
        _ => false,
    }
}

/// A hint for a syntax error at `at` that is a decimal comma (`value = 22,5`).
fn decimal_comma(text: &str, at: usize) -> Option<String> {
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = text.get(at..)?.strip_prefix(',')?;
    let before = text.get(..at)?;
    let (whole, fraction) = (digits(&before.chars().rev().collect::<String>()), digits(after));
    (whole > 0 && fraction > 0).then(|| {
        let number = format!("{}.{}", &before[before.len() - whole..], &after[..fraction]);
        format!("write decimals with a point, not a comma: {number}")
    })
}

/// serde's `invalid type: string "ett", expected i64` in plain words:
/// `expected a whole number, found the text "ett"`; `missing field `id``
/// as `the key `id` is missing`. `written` is the value as written, where
/// known (toml hands a date to serde as a table).
fn plain_type_error(message: &str, written: Option<&str>) -> Option<String> {
    if let Some(rest) = message.strip_prefix("missing field `") {
        return Some(format!("the key `{}` is missing", rest.trim_end_matches('`')));
    }
    let rest = message.strip_prefix("invalid type: ").or_else(|| message.strip_prefix("invalid value: "))?;
    // From the right: the value found may hold the words itself.
    let (found, expected) = rest.rsplit_once(", expected ")?;
    if let (Some(number), Some((min, max))) = (found.strip_prefix("integer "), whole_range(expected)) {
        let number = number.trim_matches('`');
        return Some(format!("expected a whole number from {min} to {max}, found {number}"));
    }
    let date = written.is_some_and(|w| w.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    let found = match found {
        "map" if date => "a date".to_owned(),
        found => plain_found(found),
    };
    Some(format!("expected {}, found {found}", plain_expected(expected)))
}

/// The values a Rust integer type `expected` holds, if it is one.
fn whole_range(expected: &str) -> Option<(i128, i128)> {
    Some(match expected {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "usize" => (0, u64::MAX.into()),
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" | "isize" => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    })
}

/// What serde says it expected (a Rust type, often), as an editor says it.
fn plain_expected(expected: &str) -> &str {
    match expected {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number of 0 or more",
        "f32" | "f64" => "a number",
        "a string" | "a borrowed string" | "a character" => "text in \"quotes\"",
        "a boolean" => "true or false",
        "a sequence" => "a list in [brackets]",
        "a TOML datetime" => "a date (year-month-day)",
        e if e == "a map" || e.starts_with("struct ") => "a table",
        e => e,
    }
}

/// What serde says it found (`string "ett"`, ``integer `5` ``), as an editor says it.
fn plain_found(found: &str) -> String {
    let value = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`').to_owned());
    if let Some(text) = value("string ") {
        return format!("the text {text}");
    }
    if let Some(number) = value("integer ").or_else(|| value("floating point ")) {
        return format!("the number {number}");
    }
    if let Some(truth) = value("boolean ") {
        return format!("the value {truth}");
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "a table".into(),
        other => other.to_owned(),
    }
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
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or_default();
        return Some(format!(
            "add `{key} = …`; the editor's guide (docs/authoring.md in goalsite) shows each file with an example"
        ));
    }
    if message.starts_with("duplicate key") {
        return Some("a key is written once in each table: keep one of them, delete the other".into());
    }
    if message.contains("invalid type") && message.contains("datetime") {
        return Some("write the date as year-month-day without quotes, e.g. 2026-03-31".into());
    }
    let text_found =
        message.strip_prefix("invalid type: string \"").or_else(|| message.strip_prefix("invalid value: string \""));
    if let Some(rest) = text_found {
        let (text, expected) = rest.split_once("\", expected ")?;
        let text = text.trim();
        let decimals = expected.starts_with("a number") || expected.starts_with('f');
        let whole = whole_range(expected).is_some();
        if (whole && text.parse::<i64>().is_ok()) || (decimals && toml_number(text)) {
            return Some(format!("write the number without quotes: {text}"));
        }
        let pointed = text.replacen(',', ".", 1);
        if decimals && toml_number(&pointed) {
            return Some(format!("write the number with a decimal point and without quotes: {pointed}"));
        }
        if expected == "a boolean" {
            return Some("write true or false, without quotes".into());
        }
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
    fn a_wrong_type_is_said_in_plain_words_with_a_fitting_hint() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Typed {
            #[serde(default)]
            order: Option<i64>,
            #[serde(default)]
            example_data: Option<bool>,
            #[serde(default)]
            name: Option<String>,
            #[serde(default)]
            years: Option<Vec<u32>>,
            #[serde(default)]
            share: Option<f64>,
        }
        let error = |toml: &str| {
            let d = parse::<Typed>(&source(toml)).unwrap_err();
            (d.message, d.hint.unwrap_or_default())
        };
        let (message, hint) = error("order = \"2023\"\n");
        assert_eq!(message, "expected a whole number, found the text \"2023\"");
        assert_eq!(hint, "write the number without quotes: 2023");
        assert_eq!(error("order = \"ett\"\n").1, "check the value's type: text goes in \"quotes\", numbers do not");
        assert_eq!(error("order = 1.5\n").0, "expected a whole number, found the number 1.5");
        let (message, hint) = error("example_data = \"ja\"\n");
        assert_eq!(message, "expected true or false, found the text \"ja\"");
        assert_eq!(hint, "write true or false, without quotes");
        assert_eq!(error("name = 5\n").0, "expected text in \"quotes\", found the number 5");
        assert_eq!(error("years = 2024\n").0, "expected a list in [brackets], found the number 2024");
        assert_eq!(error("years = [-1]\n").0, "expected a whole number from 0 to 4294967295, found -1");
        assert_eq!(error("order = 2026-01-31\n").0, "expected a whole number, found a date");
        assert_eq!(error("name = { sv = 1 }\n").0, "expected text in \"quotes\", found a table");
        assert_eq!(
            error("example_data = \"a, expected b\"\n").0,
            "expected true or false, found the text \"a, expected b\""
        );
        assert_eq!(error("order = true\n").0, "expected a whole number, found the value true");
        let generic = "check the value's type: text goes in \"quotes\", numbers do not";
        assert_eq!(error("order = \"2.5\"\n").1, generic, "2.5 is no whole number either");
        assert_eq!(error("share = \"Infinity\"\n").1, generic);
        assert_eq!(error("share = \"2.5\"\n").1, "write the number without quotes: 2.5");
        assert_eq!(error("share = \"22,5\"\n").1, "write the number with a decimal point and without quotes: 22.5");
        assert_eq!(error("share = 22,5\n").1, "write decimals with a point, not a comma: 22.5");
    }

    #[test]
    fn a_key_written_twice_gets_a_hint() {
        let d = parse::<Doc>(&source("title = \"a\"\nyear = 1\ntitle = \"b\"\n")).unwrap_err();
        assert_eq!(d.location().map(|l| l.line), Some(3));
        assert_eq!(d.hint.as_deref(), Some("a key is written once in each table: keep one of them, delete the other"));
    }

    #[test]
    fn syntax_error_has_a_position() {
        let d = parse::<Doc>(&source("title = \"a\nyear = 1\n")).unwrap_err();
        assert_eq!(d.location().unwrap().line, 1);
    }
}
