//! serde's complaints about a value of the wrong type (`invalid type:
//! string "ett", expected i64`) in the editor's words, with a hint that fits
//! what was written.

use crate::messages::Message;

use super::toml_number;

/// serde's `invalid type: string "ett", expected i64` in plain words:
/// `expected a whole number, found the text "ett"`. `written` is the value
/// as written, where known (toml hands a date to serde as a table).
pub(super) fn plain_type_error(message: &str, written: Option<&str>) -> Option<Message> {
    let rest = message.strip_prefix("invalid type: ").or_else(|| message.strip_prefix("invalid value: "))?;
    // From the right: the value found may hold the words itself.
    let (found, expected) = rest.rsplit_once(", expected ")?;
    if let (Some(number), Some((min, max))) = (found.strip_prefix("integer "), whole_range(expected)) {
        let number = number.trim_matches('`');
        return Some(msg!(TomlNumberRange, min = min.to_string(), max = max.to_string(), number = number));
    }
    let date = written.is_some_and(|w| w.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    let (found, value) = match found {
        "map" if date => ("date", String::new()),
        found => plain_found(found),
    };
    let (expected, expected_text) = plain_expected(expected);
    Some(msg!(TomlWrongType, expected = expected, expected_text = expected_text, found = found, value = value))
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

/// What serde says it expected (a Rust type, often), as the kind of value
/// an editor writes (the catalogue words it), and serde's words for the rest.
fn plain_expected(expected: &str) -> (&'static str, &str) {
    let kind = match expected {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "whole",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "whole-positive",
        "f32" | "f64" => "number",
        "a string" | "a borrowed string" | "a character" => "text",
        "a boolean" => "boolean",
        "a sequence" => "list",
        "a TOML datetime" => "date",
        e if e == "a map" || e.starts_with("struct ") => "table",
        // goalsite's own values' words for what they take (`expecting`).
        "a figure" => "figure",
        "a figure or its table" => "figure-table",
        "a text per language" => "translated",
        _ => "other",
    };
    (kind, expected)
}

/// What serde says it found (`string "ett"`, ``integer `5` ``), as the kind
/// of value an editor wrote, and the value itself.
fn plain_found(found: &str) -> (&'static str, String) {
    let value = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`').to_owned());
    if let Some(text) = value("string ") {
        return ("text", text);
    }
    if let Some(number) = value("integer ").or_else(|| value("floating point ")) {
        return ("number", number);
    }
    if let Some(truth) = value("boolean ") {
        return ("value", truth);
    }
    match found {
        "sequence" => ("list", String::new()),
        "map" => ("table", String::new()),
        other => ("other", other.to_owned()),
    }
}

/// A hint for serde's message about a value of the wrong type.
pub(super) fn type_hint(message: &str) -> Option<Message> {
    if message.contains("invalid type") && message.contains("datetime") {
        return Some(msg!(TomlDateHint));
    }
    let text_found =
        message.strip_prefix("invalid type: string \"").or_else(|| message.strip_prefix("invalid value: string \""));
    if let Some((text, expected)) = text_found.and_then(|rest| rest.split_once("\", expected ")) {
        let text = text.trim();
        let decimals = ["a number", "a figure", "f"].iter().any(|kind| expected.starts_with(kind));
        let whole = whole_range(expected).is_some();
        if (whole && text.parse::<i64>().is_ok()) || (decimals && toml_number(text)) {
            return Some(msg!(TomlNumberWithoutQuotes, number = text));
        }
        let pointed = text.replacen(',', ".", 1);
        if decimals && toml_number(&pointed) {
            return Some(msg!(TomlDecimalPointWithoutQuotes, number = pointed));
        }
        if expected == "a boolean" {
            return Some(msg!(TomlBooleanWithoutQuotes));
        }
    }
    message.contains("invalid type").then(|| msg!(TomlCheckType))
}
