//! Languages: text written once per language, and what each language needs
//! to be written well: its UI strings, number format and typography (from the
//! theme's `i18n/<lang>.toml`), and the patterns generated sentences are
//! filled from. The UI strings' keys are [`UiKey`]s, made from the built-in
//! `en.toml` when goalsite is compiled, so the code uses no key the built-in
//! files lack.

mod numbers;
mod text;

use std::collections::BTreeMap;

use serde::Deserialize;

pub use crate::lang::Lang;
pub use numbers::{decimals_needed, shown_decimals, NumberFormat};
pub use text::{SlugText, Text};

include!(concat!(env!("OUT_DIR"), "/ui_keys.rs"));

/// One language's UI strings and typographic rules.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct I18n {
    pub number: NumberFormat,
    pub typography: TypographyFile,
    #[serde(default)]
    pub units: Units,
    pub strings: BTreeMap<String, String>,
}

/// `[units]` of an i18n file: how the language writes units goalsite treats specially.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Units {
    /// Units that mean per cent (`["procent"]`): changes in them are given in
    /// percentage points, and their axes stop at 100.
    #[serde(default)]
    pub percent: Vec<String>,
}

/// `[typography]` of an i18n file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypographyFile {
    /// Opening and closing double quote, e.g. `””` for Swedish.
    pub quotes: String,
    pub single_quotes: String,
}

/// Typographic choices of one language that Markdown rendering needs.
#[derive(Debug, Clone)]
pub struct Typography {
    /// Replacement for “ and ” (Swedish uses ” on both sides).
    pub quotes: (char, char),
    /// Replacement for ‘ and ’.
    pub single_quotes: (char, char),
    /// The heading over footnotes, e.g. "Fotnoter".
    pub footnotes_heading: String,
    /// The accessible name of a footnote's back-link.
    pub back_to_text: String,
}

impl I18n {
    pub fn typography(&self) -> Typography {
        let pair = |s: &str, dflt: (char, char)| {
            let mut c = s.chars();
            match (c.next(), c.next()) {
                (Some(a), Some(b)) => (a, b),
                _ => dflt,
            }
        };
        Typography {
            quotes: pair(&self.typography.quotes, ('“', '”')),
            single_quotes: pair(&self.typography.single_quotes, ('‘', '’')),
            footnotes_heading: self.string(UiKey::Footnotes),
            back_to_text: self.string(UiKey::BackToText),
        }
    }

    /// A UI string (a theme's language file has every one: the theme check
    /// makes sure, or the site is not rendered).
    pub fn string(&self, key: UiKey) -> String {
        self.strings.get(key.as_str()).cloned().unwrap_or_default()
    }
}

/// The placeholder texts may use for the report year, so that it is
/// written in one place (`site.toml`).
pub const REPORT_YEAR: &str = "report_year";

/// A `{name}` in a text that looks like a mistyped placeholder: the name and
/// its byte range in `text`.
pub fn mistyped_placeholders(text: &str) -> impl Iterator<Item = (&str, std::ops::Range<usize>)> {
    text.match_indices('{').filter_map(move |(i, _)| {
        let rest = &text[i + 1..];
        let end = rest.find('}')?;
        let name = &rest[..end];
        let plausible = !name.trim().is_empty()
            && name.len() < 30
            && name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == ' ');
        // `{report_year }` with a space, or the year in Swedish (`{rapportår}`).
        let word = name.trim().to_lowercase().replace(' ', "_");
        let swedish = matches!(word.as_str(), "rapportår" | "rapportar" | "rapport_år" | "rapport_ar" | "år" | "year");
        let near = word == REPORT_YEAR || swedish || crate::text::nearest(&word, &[REPORT_YEAR]).is_some();
        (plausible && name != REPORT_YEAR && near).then(|| (name, i..i + end + 2))
    })
}

/// Fills `{name}` placeholders in a UI string pattern.
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(pattern.to_owned(), |s, (k, v)| s.replace(&format!("{{{k}}}"), v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_report_year_is_found_and_other_braces_are_not() {
        let text = "{report_year} {reportyear} {report_year } {rapportår} {År} {x} {} {mål för året} {a, b}";
        let found: Vec<&str> = mistyped_placeholders(text).map(|(name, _)| name).collect();
        assert_eq!(found, ["reportyear", "report_year ", "rapportår", "År"]);
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill("{a} och {b}", &[("a", "1"), ("b", "2")]), "1 och 2");
    }
}
