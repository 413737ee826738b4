//! The theme's UI strings and number formats per language: the built-in
//! file of a language with the site's own file of the same name laid over it
//! key by key, or the site's file alone for a language goalsite does not
//! ship. Every language must have every string the templates use.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::locale::{I18n, REQUIRED_STRINGS};

use super::files::{ThemeFile, THEMES_DIR};
use super::merged_toml;

/// The UI strings of each of `langs`; `name` is the theme, for hints.
pub fn load(
    files: &BTreeMap<String, ThemeFile>,
    name: &str,
    langs: &[String],
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, I18n> {
    let own_file = |lang: &str| Path::new(THEMES_DIR).join(name).join("i18n").join(format!("{lang}.toml"));
    let mut out = BTreeMap::new();
    for lang in langs {
        let Some(file) = files.get(&format!("i18n/{lang}.toml")) else {
            let path = own_file(lang);
            problems.push(
                Diagnostic::error(&path, format!("goalsite has no UI strings for the language `{lang}`"))
                    .with_hint(format!(
                        "create {} with every key of the built-in en.toml (themes/default/i18n/en.toml in goalsite's repository), translated",
                        path.display()
                    )),
            );
            continue;
        };
        match merged_toml::<I18n>(file) {
            Ok(i) => {
                out.insert(lang.clone(), i);
            }
            Err(d) => problems.push(d),
        }
    }
    // Every language has the strings goalsite itself writes, and the same
    // strings as every other language (the templates use them all).
    let mut all_keys: BTreeSet<&str> = REQUIRED_STRINGS.iter().copied().collect();
    all_keys.extend(out.values().flat_map(|i| i.strings.keys().map(String::as_str)));
    for (lang, i18n) in &out {
        let file = own_file(lang);
        for key in all_keys.iter().filter(|k| !i18n.strings.contains_key(**k)) {
            let hint = match out.iter().find(|(_, other)| other.strings.contains_key(*key)) {
                Some((other, _)) => format!("the {other} strings have it: add its translation under [strings]"),
                None => "goalsite needs it: add it under [strings]".to_owned(),
            };
            problems.push(Diagnostic::error(&file, format!("the UI string `{key}` is missing")).with_hint(hint));
        }
        for key in ["report_slug", "search_slug"] {
            let Some(slug) = i18n.strings.get(key).filter(|s| !crate::text::is_valid_slug(s)) else { continue };
            problems.push(
                Diagnostic::error(&file, format!("{key} `{slug}` cannot be part of an address"))
                    .with_hint(format!("use lowercase a–z, digits and -, e.g. \"{}\"", crate::text::slugify(slug))),
            );
        }
    }
    out
}
