//! Languages: text written once per language, and what each language needs
//! to be written well: its UI strings, number format and typography (from the
//! theme's `i18n/<lang>.toml`), and the patterns generated sentences are
//! filled from. The bottom layer: imports nothing from the rest of goalsite.

mod numbers;
mod text;

use std::collections::BTreeMap;

use serde::Deserialize;

pub use numbers::{decimals_needed, NumberFormat};
pub use text::Text;

/// One language's UI strings and typographic rules.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct I18n {
    pub number: NumberFormat,
    pub typography: TypographyFile,
    pub strings: BTreeMap<String, String>,
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
            footnotes_heading: self.string("footnotes"),
            back_to_text: self.string("back_to_text"),
        }
    }

    /// A UI string; an unknown key gives the key itself (the theme check reports it).
    pub fn string(&self, key: &str) -> String {
        self.strings.get(key).cloned().unwrap_or_else(|| key.to_owned())
    }
}

/// Fills `{name}` placeholders in a UI string pattern.
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(pattern.to_owned(), |s, (k, v)| s.replace(&format!("{{{k}}}"), v))
}

/// The UI strings goalsite writes itself (in Markdown, charts and their
/// summaries); every language of a theme must have them.
pub const REQUIRED_STRINGS: &[&str] = &[
    "back_to_text",
    "category",
    "chart_above_target",
    "chart_at_target",
    "chart_below_target",
    "chart_categories",
    "chart_decrease",
    "chart_gaps",
    "chart_increase",
    "chart_one_value",
    "chart_series_change",
    "chart_series_change_percent",
    "chart_series_single",
    "chart_series_unchanged",
    "chart_target",
    "chart_target_label",
    "chart_value_unit",
    "example_data",
    "footnotes",
    "home",
    "no_value",
    "not_found_title",
    "percent",
    "statement_title",
    "year",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill("{a} och {b}", &[("a", "1"), ("b", "2")]), "1 och 2");
    }
}
