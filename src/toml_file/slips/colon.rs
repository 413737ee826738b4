//! A line written as YAML writes it (`title: Om uppföljningen`) where TOML
//! writes `title = "Om uppföljningen"`: found as a slip, and mended.

use super::{bare_key, odd_space};

/// The name and value of a name followed by a colon where TOML writes `=`:
/// `en:` before its text (as YAML and JSON write it; the value is empty),
/// or `title: Om uppföljningen`, a whole line as YAML writes it.
pub fn colon_pair(written: &str) -> Option<(&str, &str)> {
    let (name, value) = written.split_once(':')?;
    let name = name.trim_end();
    bare_key(name).then_some((name, value.trim()))
}

/// `value` as TOML writes it: as it is where TOML reads it so (a number,
/// true or false, a date, a text in quotes), else in quotes.
pub fn as_toml_value(value: &str) -> String {
    let read = format!("v = {value}").parse::<toml::Table>().is_ok();
    match read {
        true => value.to_owned(),
        false => quoted(value),
    }
}

/// `value` as a TOML text in quotes.
fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// How a YAML line (`title: 2030`, `Title: Om`) becomes TOML: `name =
/// value`, with the name in small letters if `lower`, and the value in
/// quotes if `quote` (as a text, where TOML would read a number or a date).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ColonFix {
    pub lower: bool,
    pub quote: bool,
}

impl ColonFix {
    /// Every way, the least change first.
    pub const WAYS: [ColonFix; 4] = [
        ColonFix { lower: false, quote: false },
        ColonFix { lower: false, quote: true },
        ColonFix { lower: true, quote: false },
        ColonFix { lower: true, quote: true },
    ];

    /// The TOML line of `name` and `value` this way.
    pub fn line(self, name: &str, value: &str) -> String {
        let name = if self.lower { name.to_ascii_lowercase() } else { name.to_owned() };
        let value = if self.quote { quoted(value) } else { as_toml_value(value) };
        format!("{name} = {value}")
    }
}

/// `part` (`en:`, `title: Om uppföljningen`) as TOML of as many bytes: `=`
/// for the colon, and a value TOML reads where a text was (a text too where
/// `way` quotes it, if it has room for the quotes).
pub(super) fn colon_mended(part: &str, way: ColonFix) -> String {
    let colon = part.find(':').unwrap_or(0);
    let (head, value) = part.split_at(colon + 1);
    let head = spaced(&head.replacen(':', "=", 1));
    let head = if way.lower { head.to_ascii_lowercase() } else { head };
    let start = value.len() - value.trim_start().len();
    let written = value.trim();
    let bare = !way.quote && as_toml_value(written) == written;
    let fix = match (written.is_empty() || bare, written.len()) {
        (true, _) => written.to_owned(),
        (false, 1) => "0".to_owned(),
        (false, n) => format!("\"{}\"", "x".repeat(n - 2)),
    };
    format!("{head}{}{fix}{}", spaced(&value[..start]), spaced(&value[start + written.len()..]))
}

/// `part` with each space TOML does not read as one (a non-breaking space
/// at the colon, say) as as many bytes of plain spaces.
fn spaced(part: &str) -> String {
    part.chars().map(|c| if odd_space(c) { " ".repeat(c.len_utf8()) } else { c.to_string() }).collect()
}
