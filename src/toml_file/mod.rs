//! Reads a TOML file into a typed value and turns every failure (unreadable file,
//! bad UTF-8, syntax, wrong type, unknown key) into a [`Diagnostic`] in
//! plain words, with a hint where one helps.

mod slips;
mod syntax;
mod types;

pub use slips::bare_key;

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::source::{floor_char_boundary, ReadError, Source, Stamp, MAX_FILE_BYTES};
use crate::text::nearest;
use slips::{ColonFix, Slip, SlipKind};
use types::{plain_type_error, type_hint};

/// Reads `root/rel` as UTF-8 text.
pub fn read(root: &Path, rel: &Path) -> Result<Arc<Source>, Diagnostic> {
    read_stamped(root, rel).map(|(source, _)| source)
}

/// [`read`], with the file's stamp as it was read.
pub fn read_stamped(root: &Path, rel: &Path) -> Result<(Arc<Source>, Stamp), Diagnostic> {
    match Source::read_stamped(root, rel) {
        Ok((source, stamp)) => Ok((Arc::new(source), stamp)),
        Err(ReadError::Io(e)) => Err(Diagnostic::error(rel, msg!(FileUnreadable, error = e.to_string())).reading()),
        Err(ReadError::TooLarge(size)) => Err(Diagnostic::error(
            rel,
            msg!(FileTooLarge, size = format!("{:.1}", size as f64 / 1e6), max = MAX_FILE_BYTES / 1_000_000),
        )
        .with_hint(msg!(FileTooLargeHint))
        .reading()),
        Err(ReadError::NotUtf8(source, at)) => {
            Err(Diagnostic::error_at(&Arc::new(source), at..at + 1, msg!(FileNotUtf8))
                .with_hint(msg!(FileNotUtf8Hint))
                .reading())
        }
    }
}

/// Parses the whole of `source` as TOML into `T`.
pub fn parse<T: DeserializeOwned>(source: &Arc<Source>) -> Result<T, Diagnostic> {
    parse_part(source, 0..source.text.len())
}

/// How many invisible characters of one file are named: a file made of them
/// (a hostile one) is not worth a problem for each.
const MAX_INVISIBLE: usize = 100;

/// The invisible characters in the part `range` of `source` (see
/// [`crate::text::invisible_character`]), each as an error at its place: the
/// first, with the others found with it (at most [`MAX_INVISIBLE`] in all).
pub fn invisible_character(source: &Arc<Source>, range: std::ops::Range<usize>) -> Option<Diagnostic> {
    let offset = range.start;
    let found = crate::text::invisible_characters(&source.text[range]).take(MAX_INVISIBLE);
    let mut each = found.map(|(at, c, kind)| {
        let span = offset + at..offset + at + c.len_utf8();
        let message = msg!(InvisibleCharacter, kind = kind, code = format!("{:04X}", c as u32));
        Diagnostic::error_at(source, span, message).with_hint(msg!(InvisibleCharacterHint)).reading()
    });
    let first = each.next()?;
    Some(first.with_others(each.collect()))
}

/// Parses the part `range` of `source` (front matter, say) as TOML into `T`.
pub fn parse_part<T: DeserializeOwned>(source: &Arc<Source>, range: std::ops::Range<usize>) -> Result<T, Diagnostic> {
    if let Some(invisible) = invisible_character(source, range.clone()) {
        return Err(invisible);
    }
    let text = &source.text[range.clone()];
    toml::from_str(text).map_err(|e| {
        let scan = slips::scan(text);
        if let Some(end) = syntax::text_over_lines(text, scan.open_text) {
            // At the line's last character.
            let at = range.start + end;
            let last = source.text[range.start..at].chars().next_back().map_or(0, char::len_utf8);
            let d = Diagnostic::error_at(source, at - last..at, msg!(TomlTextOverLines));
            return d.with_hint(msg!(TomlTextOverLinesHint)).reading();
        }
        let found = scan.slips;
        if found.is_empty() {
            return failure(source, range.start, text, &e);
        }
        // Each YAML line as the file's kind takes it (`title = "2030"`, not `title = 2030`).
        let plain = slips::mended(text, &found);
        let fits: Vec<Option<ColonFix>> = found.iter().map(|slip| colon_way::<T>(&plain, slip)).collect();
        let ways: Vec<ColonFix> = fits.iter().map(|fit| fit.unwrap_or_default()).collect();
        // The slips, each by name; then whatever else is wrong once they are mended.
        let mut each = found.iter().zip(&ways).map(|(slip, &way)| slip_problem(source, range.start, slip, way));
        let first = each.next().expect("a slip");
        let mut others: Vec<Diagnostic> = each.collect();
        let mended = slips::mended_as(text, &found, &ways);
        if let Err(e) = toml::from_str::<T>(&mended) {
            // On a YAML line whose hint is a fix the file takes, what the
            // mending as long left there (`title: x` as `title= 0`) is not the file's.
            let fixed = |at: std::ops::Range<usize>| {
                found
                    .iter()
                    .zip(&fits)
                    .any(|(slip, fit)| fit.is_some() && slip.span.start <= at.start && at.end <= slip.span.end)
            };
            if !e.span().is_some_and(fixed) {
                others.push(failure(source, range.start, &mended, &e));
            }
        }
        first.with_others(others)
    })
}

/// The problem toml found in `parsed`, the part of `source` at `offset` (or
/// that part with its slips mended, as long).
fn failure(source: &Arc<Source>, offset: usize, parsed: &str, e: &toml::de::Error) -> Diagnostic {
    let missing = e.message().starts_with("missing field");
    let written = e.span().and_then(|span| source.text.get(span.start + offset..span.end + offset));
    let syntax = toml::from_str::<toml::Table>(parsed).is_err();
    let (message, mut hint) = match syntax {
        true => {
            // The place in the file (what its line, the line before and the
            // rest of its line say). (In a copy with its slips mended, the
            // place may fall inside a character the mending replaced: back
            // to where it starts.)
            let at = e
                .span()
                .map_or(0, |span| floor_char_boundary(&source.text, (span.start + offset).min(source.text.len())));
            syntax::plain_at(e.message().trim(), written.unwrap_or_default(), &source.text, at)
        }
        false => explain(e.message().trim(), written),
    };
    if let Some(span) = e.span() {
        hint = decimal_comma(&source.text, span.start + offset).or(hint);
    }
    // A key missing from the file's top level has no place but the file.
    let d = match e.span().filter(|span| !(missing && span.is_empty())) {
        Some(span) => Diagnostic::error_at(source, span.start + offset..span.end + offset, message),
        None => Diagnostic::error(&source.path, message),
    };
    let d = match hint {
        Some(h) => d.with_hint(h),
        None => d,
    };
    // toml stops at the first problem: what follows it is not read yet.
    match missing {
        true => d,
        false => d.with_note(msg!(TomlStopsHere)),
    }
    .reading()
}

/// The name and value of a YAML line (`title: Om uppföljningen`) among the slips.
fn colon_line(slip: &Slip) -> Option<(&str, &str)> {
    match &slip.kind {
        SlipKind::Name { written, header: false } => slips::colon_pair(written),
        _ => None,
    }
}

/// How the YAML line `slip` (if it is one, with a value) becomes the TOML
/// line that `T`, the file's kind, reads there: the first of
/// [`ColonFix::WAYS`] that, put in its place in `mended` (the text with its
/// slips mended), leaves no problem on that line (`title = "2030"` for a
/// title, `title` for `Title`); `None` if none does.
fn colon_way<T: DeserializeOwned>(mended: &str, slip: &Slip) -> Option<ColonFix> {
    let (name, value) = colon_line(slip).filter(|(_, value)| !value.is_empty())?;
    let start = slip.span.start;
    let reads = |way: &ColonFix| {
        let line = way.line(name, value);
        let text = format!("{}{line}{}", &mended[..start], &mended[slip.span.end..]);
        toml::from_str::<T>(&text)
            .err()
            .and_then(|e| e.span())
            .is_none_or(|span| span.end <= start || span.start >= start + line.len())
    };
    ColonFix::WAYS.into_iter().find(reads)
}

/// A word processor's slip, by name, with its fix (a YAML line's the `way` the file takes it).
fn slip_problem(source: &Arc<Source>, offset: usize, slip: &Slip, way: ColonFix) -> Diagnostic {
    let span = slip.span.start + offset..slip.span.end + offset;
    let (message, hint) = match &slip.kind {
        SlipKind::Quotes { open, close, text, .. } => {
            let sides = match (open, close) {
                (Some(_), Some(_)) => "both",
                (Some(_), None) => "open",
                _ => "close",
            };
            let shown = |c: &Option<char>| c.map(String::from).unwrap_or_default();
            let message = msg!(TomlQuotes, sides = sides, open = shown(open), close = shown(close));
            (message, msg!(TomlQuotesHint, text = shortened(text)))
        }
        SlipKind::Space(c) => (msg!(TomlOddSpace, code = format!("{:04X}", *c as u32)), msg!(TomlOddSpaceHint)),
        SlipKind::Name { header: false, .. } if colon_line(slip).is_some() => {
            let (name, value) = colon_line(slip).unwrap_or_default();
            let hint = match value.is_empty() {
                true => msg!(TomlColonForEqualsHint, name = name),
                false => msg!(TomlColonForEqualsValueHint, fix = way.line(name, value)),
            };
            (msg!(TomlColonForEquals, name = name), hint)
        }
        SlipKind::Name { written, header } => {
            let name = slip.kind.suggestion().unwrap_or_default();
            let suggestion = if *header { format!("[{name}]") } else { name };
            (msg!(TomlNameLetters, name = written), msg!(TomlNameLettersHint, suggestion = suggestion))
        }
    };
    Diagnostic::error_at(source, span, message).with_hint(hint).reading()
}

/// A text to quote in a hint: as it is if short, else its first and last words.
fn shortened(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= 40 {
        return text.to_owned();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let (mut first, mut last) = (0, words.len());
    while first < last && words[..first].iter().map(|w| w.chars().count() + 1).sum::<usize>() < 20 {
        first += 1;
    }
    while last > first && words[last..].iter().map(|w| w.chars().count() + 1).sum::<usize>() < 12 {
        last -= 1;
    }
    format!("{} … {}", words[..first].join(" "), words[last..].join(" "))
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
        open = ["\"\"\"", "\'\'\'"].into_iter().find(|fence| line.matches(fence).count() % 2 == 1);
    }
    None
}

/// The message in plain words, and a hint, for a message serde or toml
/// gives; `written` is the text the message is about, where known.
fn explain(message: &str, written: Option<&str>) -> (Message, Option<Message>) {
    if let Some(ours) = Message::decode(message) {
        return (ours, None);
    }
    // "unknown variant `pie`, expected one of `line`, `bar`, `hbar`"
    if let Some((value, candidates)) = quoted_and_expected(message, "unknown variant `") {
        return (msg!(TomlUnknownValue, value = value), Some(nearest_or_list(value, &candidates, false)));
    }
    if let Some((key, candidates)) = quoted_and_expected(message, "unknown field `") {
        return (msg!(TomlUnknownKey, key = key), Some(nearest_or_list(key, &candidates, true)));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.trim_end_matches('`');
        return (msg!(TomlMissingKey, key = key), Some(msg!(TomlMissingKeyHint, key = key)));
    }
    match plain_type_error(message, written) {
        Some(plain) => (plain, type_hint(message)),
        None => (msg!(TomlSyntax, detail = message), None),
    }
}

/// The quoted name after `prefix` in `message`, and the names it lists as
/// expected (`` unknown field `titel`, expected `title` or `year` ``).
fn quoted_and_expected<'m>(message: &'m str, prefix: &str) -> Option<(&'m str, Vec<&'m str>)> {
    let (name, expected) = message.strip_prefix(prefix)?.split_once('`')?;
    Some((name, expected.split('`').skip(1).step_by(2).collect()))
}

/// "did you mean" the nearest of `candidates`, or all of them.
fn nearest_or_list(written: &str, candidates: &[&str], keys: bool) -> Message {
    match (nearest(written, candidates), keys) {
        (Some(best), _) => msg!(DidYouMean, suggestion = best),
        (None, true) => msg!(KeysAllowed, list = candidates.join(", ")),
        (None, false) => msg!(UseOneOf, list = candidates.join(", ")),
    }
}

/// A message from serde (read from a file's part that toml does not place,
/// like a theme's file) in plain words.
pub fn plain_message(message: &str) -> Message {
    explain(message, None).0
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
fn decimal_comma(text: &str, at: usize) -> Option<Message> {
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = text.get(at..)?.strip_prefix(',')?;
    let before = text.get(..at)?;
    let (whole, fraction) = (digits(&before.chars().rev().collect::<String>()), digits(after));
    (whole > 0 && fraction > 0).then(|| {
        let number = format!("{}.{}", &before[before.len() - whole..], &after[..fraction]);
        msg!(DecimalCommaHint, number = number)
    })
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
        assert_eq!(d.hint.unwrap().to_string(), "did you mean `title`?");
    }

    #[test]
    fn a_date_in_quotes_gets_a_hint_about_dates() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Dated {
            published: toml::value::Datetime,
        }
        let d = parse::<Dated>(&source("published = \"2026-03-31\"\n")).unwrap_err();
        assert_eq!(d.hint.unwrap().to_string(), "write the date as year-month-day without quotes, e.g. 2026-03-31");
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
        assert_eq!(d.message.to_string(), "`pie` is not one of the values allowed here");
        assert_eq!(d.hint.unwrap().to_string(), "use one of: line, bar, hbar");
        let d = parse::<Chart>(&source("chart = \"lien\"\n")).unwrap_err();
        assert_eq!(d.hint.unwrap().to_string(), "did you mean `line`?");
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
            (d.message.to_string(), d.hint.map(|h| h.to_string()).unwrap_or_default())
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
    fn a_yaml_line_is_fixed_the_way_the_file_takes_it() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Page {
            title: String,
            #[serde(default)]
            weight: Option<i64>,
        }
        let error = |toml: &str| {
            let d = parse::<Page>(&source(toml)).unwrap_err();
            let hint = d.hint.as_ref().map(|h| h.to_string()).unwrap_or_default();
            let mut problems = crate::diagnostics::Problems::new();
            problems.push(d);
            let others: Vec<String> = problems.into_vec().iter().skip(1).map(|o| o.message.to_string()).collect();
            (hint, others)
        };
        // A number for a text: in quotes, and nothing else to say.
        assert_eq!(error("title: 2030\n"), ("write title = \"2030\"".to_owned(), vec![]));
        // A name with a capital: in small letters.
        assert_eq!(error("Title: Om oss\n"), ("write title = \"Om oss\"".to_owned(), vec![]));
        assert_eq!(error("Title: 2030\n").0, "write title = \"2030\"");
        // A number where one belongs stays one.
        assert_eq!(error("title = \"Om\"\nweight: 3\n").0, "write weight = 3");
        // A value of one letter or digit (mended as long as it is, which leaves no room for quotes).
        assert_eq!(error("title: x\n"), ("write title = \"x\"".to_owned(), vec![]));
        assert_eq!(error("title: 5\n"), ("write title = \"5\"".to_owned(), vec![]));
        // A value the file cannot take either way: the least change, and what is wrong then.
        let (hint, others) = error("title = \"Om\"\nweight: tre\n");
        assert_eq!(hint, "write weight = \"tre\"");
        assert_eq!(others.len(), 1, "{others:?}");
    }

    #[test]
    fn typographic_quotes_in_a_file_cut_short_are_said_without_a_panic() {
        // The mended copy's place of the missing } falls inside a ” of the file.
        for text in ["title = { sv = ”Umeå”, en = ”Umeå”", "goals = [”a”, ”b”"] {
            let d = parse::<toml::Table>(&source(text)).unwrap_err();
            assert_eq!(d.message.id, crate::messages::MsgId::TomlQuotes, "{text}");
        }
    }

    #[test]
    fn a_key_written_twice_is_named_with_its_first_line_and_a_hint() {
        let d = parse::<Doc>(&source("title = \"a\"\nyear = 1\ntitle = \"b\"\n")).unwrap_err();
        assert_eq!(d.location().map(|l| l.line), Some(3));
        assert_eq!(d.message.to_string(), "the key `title` is written twice in the same table (first on line 1)");
        assert_eq!(
            d.hint.unwrap().to_string(),
            "a key is written once in each table: keep one of them, delete the other"
        );
    }

    #[test]
    fn syntax_error_has_a_position() {
        let d = parse::<Doc>(&source("title = \"a\nyear = 1\n")).unwrap_err();
        assert_eq!(d.location().unwrap().line, 1);
    }
}
