//! `goalsite i18n LANG`: a complete file of UI strings to translate for one
//! language of a site, keeping what the site's file already has and adding
//! every missing string in English, marked as such. `init` writes the same
//! file for a language goalsite does not ship.

use std::path::{Path, PathBuf};

use crate::locale::{Lang, UiKey};
use crate::messages::Message;

/// The tables of a UI strings file besides `[strings]`, in the order written.
const TABLES: &[&str] = &["number", "typography", "units"];

/// The mark on a line still in English.
const ENGLISH: &str = "# English: translate";

/// What `goalsite i18n` wrote.
#[derive(Debug)]
pub struct StringsReport {
    pub file: PathBuf,
    /// Strings in the file.
    pub strings: usize,
    /// Of them, still in English (added now or before).
    pub english: usize,
}

/// Writes (or completes) the UI strings of `lang` for the site at `root`,
/// its comments in `said_in`.
pub fn i18n(root: &Path, lang: &str, said_in: Lang) -> Result<StringsReport, Message> {
    let lang = Lang::new(lang).ok_or_else(|| msg!(InitLanguageCode, code = lang))?;
    let theme = crate::config::theme_name(root).ok_or_else(|| msg!(NoConfig, folder = root))?;
    let rel = crate::theme::strings_file(&theme, lang);
    let path = root.join(&rel);
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(msg!(FileUnreadable, error = e.to_string())),
    };
    let (text, strings, english) = strings_file(lang, existing.as_deref(), said_in)?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| msg!(InitNotWritten, detail = e.to_string()))?;
    }
    std::fs::write(&path, text).map_err(|e| msg!(InitNotWritten, detail = e.to_string()))?;
    Ok(StringsReport { file: rel, strings, english })
}

/// The whole file for `lang`: the tables and strings of `existing` (a site's
/// file, if it has one), and the English ones for the rest, marked. Returns
/// the text, how many strings it has and how many are in English. Its
/// comments are in `said_in`.
pub fn strings_file(lang: Lang, existing: Option<&str>, said_in: Lang) -> Result<(String, usize, usize), Message> {
    let english = built_in_english();
    let own: toml::Table = match existing {
        Some(text) => toml::from_str(text).map_err(|e| msg!(TomlSyntax, detail = e.message().to_owned()))?,
        None => toml::Table::new(),
    };
    let mut out: String =
        msg!(StringsFileHead, lang = lang).text(said_in).lines().map(|l| format!("# {l}\n")).collect();
    for table in TABLES {
        out.push_str(&format!("\n[{table}]\n"));
        let (values, marked) = match own.get(*table).and_then(|t| t.as_table()) {
            Some(t) => (t, false),
            None => (english[*table].as_table().expect("a table"), true),
        };
        for (key, value) in values {
            out.push_str(&line(key, value, marked));
        }
    }
    out.push_str("\n[strings]\n");
    let own_strings = own.get("strings").and_then(|t| t.as_table()).cloned().unwrap_or_default();
    let english_strings = english["strings"].as_table().expect("[strings]");
    let mut in_english = 0;
    for key in UiKey::ALL.iter().map(|k| k.as_str()) {
        let (value, marked) = match own_strings.get(key) {
            Some(v) => (v, Some(v) == english_strings.get(key) && lang != "en"),
            None => (&english_strings[key], true),
        };
        in_english += usize::from(marked);
        out.push_str(&line(key, value, marked));
    }
    // The site's own strings, for its own templates.
    for (key, value) in own_strings.iter().filter(|(k, _)| UiKey::ALL.iter().all(|u| u.as_str() != k.as_str())) {
        out.push_str(&line(key, value, false));
    }
    Ok((out, UiKey::ALL.len(), in_english))
}

/// `key = value`, the key quoted where TOML needs it, marked if `english`.
fn line(key: &str, value: &toml::Value, english: bool) -> String {
    let key =
        if crate::toml_file::bare_key(key) { key.to_owned() } else { toml::Value::String(key.to_owned()).to_string() };
    match english {
        true => format!("{key} = {value}  {ENGLISH}\n"),
        false => format!("{key} = {value}\n"),
    }
}

fn built_in_english() -> toml::Table {
    let en = crate::theme::built_in_file("i18n/en.toml").and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default();
    toml::from_str(en).expect("the built-in en.toml is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_has_every_string_in_english_marked() {
        let (text, strings, english) = strings_file(Lang::known("fi"), None, Lang::known("en")).unwrap();
        assert_eq!(strings, UiKey::ALL.len());
        assert_eq!(english, strings);
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(parsed["strings"].as_table().unwrap().len(), strings);
        assert!(text.contains(&format!("home = \"Home\"  {ENGLISH}")), "{text}");
        assert!(parsed.contains_key("units"), "the per-cent words are there to translate");
    }

    #[test]
    fn what_a_site_has_translated_is_kept() {
        let own = "[number]\ndecimal = \",\"\n[strings]\nhome = \"Etusivu\"\nown_key = \"Oma\"\n";
        let (text, _, english) = strings_file(Lang::known("fi"), Some(own), Lang::known("en")).unwrap();
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(parsed["strings"]["home"].as_str(), Some("Etusivu"));
        assert_eq!(parsed["strings"]["own_key"].as_str(), Some("Oma"), "the site's own strings stay");
        assert_eq!(parsed["number"]["decimal"].as_str(), Some(","));
        assert_eq!(english, UiKey::ALL.len() - 1);
        assert!(text.contains("home = \"Etusivu\"\n"), "not marked: {text}");
    }
}
