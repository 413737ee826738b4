//! The theme's UI strings and number formats per language: the built-in
//! file of a language with the site's own file of the same name laid over it
//! key by key, or the site's file alone for a language goalsite does not
//! ship. Every language must have every string the templates use.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::locale::{I18n, Lang, REQUIRED_STRINGS};

use super::files::{ThemeFile, THEMES_DIR};
use super::merged_toml;

/// The UI strings of each of `langs`; `name` is the theme, for hints.
pub fn load(
    files: &BTreeMap<String, ThemeFile>,
    name: &str,
    langs: &[Lang],
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<Lang, I18n> {
    let own_file = |lang: &str| Path::new(THEMES_DIR).join(name).join("i18n").join(format!("{lang}.toml"));
    let mut out = BTreeMap::new();
    for &lang in langs {
        let Some(file) = files.get(&format!("i18n/{lang}.toml")) else {
            let path = own_file(&lang);
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
            Ok(mut i) => {
                misspelt_keys(file, &mut i, problems);
                still_english(file, &lang, &i, problems);
                out.insert(lang, i);
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
        let slugs = i18n.strings.iter().filter(|(k, s)| k.ends_with("_slug") && !crate::text::is_valid_slug(s));
        for (key, slug) in slugs {
            problems.push(
                Diagnostic::error(&file, format!("{key} `{slug}` cannot be part of an address"))
                    .with_hint(format!("use lowercase a–z, digits and -, e.g. \"{}\"", crate::text::slugify(slug))),
            );
        }
    }
    out
}

/// The keys of the built-in English strings: what the built-in templates use.
fn built_in_keys() -> BTreeSet<String> {
    let en = super::built_in_file("i18n/en.toml").and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default();
    toml::from_str::<I18n>(en).map(|i| i.strings.into_keys().collect()).unwrap_or_default()
}

/// A site's key close to a built-in one (`koti` for `home`, `repor_title`)
/// is a typo: an error where it is written, and the key is dropped so that
/// other languages are not asked for it. Keys far from every built-in one
/// are the site's own (for its own templates).
fn misspelt_keys(file: &ThemeFile, i18n: &mut I18n, problems: &mut Vec<Diagnostic>) {
    let known = built_in_keys();
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    let unknown: Vec<String> = i18n.strings.keys().filter(|k| !known.contains(&k.as_str())).cloned().collect();
    for key in unknown {
        let Some(best) = crate::text::nearest(&key, &known) else { continue };
        i18n.strings.remove(&key);
        let Ok(source) = file.source() else { continue };
        let at = crate::toml_file::key_span(&source.text, &key).unwrap_or(0..0);
        problems.push(
            Diagnostic::error_at(&source, at, format!("`{key}` is not a UI string goalsite has"))
                .with_hint(format!("did you mean `{best}`? (the keys are those of the built-in en.toml)")),
        );
    }
}

/// A language goalsite has no strings for, whose file still holds most of
/// the English ones (copied to be translated): a warning, since its pages
/// would speak English in their menus and summaries.
fn still_english(file: &ThemeFile, lang: &str, i18n: &I18n, problems: &mut Vec<Diagnostic>) {
    if file.built_in.is_some() || lang == "en" {
        return;
    }
    let en = super::built_in_file("i18n/en.toml").and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default();
    let Ok(en) = toml::from_str::<I18n>(en) else { return };
    let same = en.strings.iter().filter(|(k, v)| i18n.strings.get(*k) == Some(*v)).count();
    if same * 2 > en.strings.len() {
        problems.push(
            Diagnostic::error(
                &file.path,
                format!("{same} of the {} UI strings for `{lang}` are still the English ones", en.strings.len()),
            )
            .warning()
            .with_hint("translate the values (not the keys), and [number], [typography] and [units] too"),
        );
    }
}
