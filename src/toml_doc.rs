//! Reads a TOML file into a typed value and turns every failure (unreadable
//! file, bad UTF-8, syntax, wrong type, unknown key) into a [`Diagnostic`].

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;

/// Reads `root/rel` as UTF-8 text.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes =
        std::fs::read(root.join(rel)).map_err(|e| Diagnostic::error(rel, format!("cannot read the file: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes());
        Diagnostic::error_at(rel, &text, valid..valid + 1, "the file is not valid UTF-8 text")
            .with_hint("save the file as UTF-8 in your editor")
    })
}

/// Parses `source` (the text of `rel`) as TOML into `T`.
pub fn parse<T: DeserializeOwned>(rel: &Path, source: &str) -> Result<T, Diagnostic> {
    toml::from_str(source).map_err(|e| from_toml_error(rel, source, &e, 0))
}

/// A TOML error as a diagnostic; `offset` is where the TOML starts in the file
/// (non-zero for front matter).
pub fn from_toml_error(rel: &Path, file_text: &str, e: &toml::de::Error, offset: usize) -> Diagnostic {
    let message = e.message().trim().to_owned();
    let hint = hint_for(&message);
    let d = match e.span() {
        Some(span) => Diagnostic::error_at(rel, file_text, span.start + offset..span.end + offset, message),
        None => Diagnostic::error(rel, message),
    };
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
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
    if message.starts_with("missing field `") {
        return Some("add the missing key (see docs/authoring.md for an example)".into());
    }
    if message.contains("invalid type") {
        return Some("check the value's type: text goes in \"quotes\", numbers do not".into());
    }
    None
}

/// The candidate closest to `name` by edit distance, if it is close enough.
pub fn nearest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(name, c), *c))
        .filter(|(d, c)| *d <= ((c.chars().count() + 1) / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

/// Edit distance where swapping two neighbouring letters counts as one edit
/// (optimal string alignment), the most common typing mistake.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
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

    #[test]
    fn unknown_key_names_line_column_and_nearest_key() {
        let d = parse::<Doc>(Path::new("x.toml"), "title = \"a\"\nyear = 1\ntitel = 2\n").unwrap_err();
        let loc = d.location.clone().unwrap();
        assert_eq!((loc.line, loc.column), (3, 1));
        assert_eq!(d.hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn syntax_error_has_a_position() {
        let d = parse::<Doc>(Path::new("x.toml"), "title = \"a\nyear = 1\n").unwrap_err();
        assert_eq!(d.location.unwrap().line, 1);
    }

    #[test]
    fn nearest_ignores_far_names() {
        assert_eq!(nearest("delvs", &["ja", "delvis", "nej"]), Some("delvis"));
        assert_eq!(nearest("kanske", &["ja", "delvis", "nej"]), None);
        assert_eq!(nearest("titel", &["title", "slug"]), Some("title"));
        assert_eq!(nearest("pie", &["line", "bar", "hbar"]), None);
    }
}
