//! The theme's UI strings and number formats per language: the built-in
//! file of a language with the site's own file of the same name laid over it
//! key by key, or the site's file alone for a language goalsite does not
//! ship. Every language must have every string goalsite and the templates
//! use ([`UiKey::ALL`], the keys of the built-in `en.toml`), with no
//! placeholder the English string lacks, and its `[units]`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Problems};
use crate::locale::{I18n, Lang, UiKey};

use super::files::{ThemeFile, THEMES_DIR};
use super::merged_toml;

/// The UI strings of each of `langs`; `name` is the theme, for hints.
pub fn load(
    files: &BTreeMap<String, ThemeFile>,
    name: &str,
    langs: &[Lang],
    problems: &mut Problems,
) -> BTreeMap<Lang, I18n> {
    let english = english();
    let mut out = BTreeMap::new();
    for &lang in langs {
        let Some(file) = files.get(&format!("i18n/{lang}.toml")) else {
            let path = own_file(name, lang);
            problems.push(Diagnostic::error(&path, msg!(NoUiStrings, lang = lang)).with_hint(msg!(
                NoUiStringsHint,
                lang = lang,
                file = &path
            )));
            continue;
        };
        match merged_toml::<I18n>(file) {
            Ok(mut i18n) => {
                misspelt_keys(file, &mut i18n, &english, problems);
                missing_keys(file, lang, &i18n, &english, problems);
                placeholders(file, &i18n, &english, problems);
                units(file, lang, problems);
                still_english(file, lang, &i18n, &english, problems);
                slugs(file, &i18n, problems);
                out.insert(lang, i18n);
            }
            Err(d) => problems.push(d),
        }
    }
    site_keys(name, &out, problems);
    out
}

/// Where a site writes its own UI strings for `lang`.
pub fn own_file(theme: &str, lang: Lang) -> PathBuf {
    Path::new(THEMES_DIR).join(theme).join("i18n").join(format!("{lang}.toml"))
}

/// The built-in English strings, by key: what goalsite and the built-in
/// templates use, and the text to translate.
pub fn english() -> I18n {
    let en = super::built_in_file("i18n/en.toml").and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default();
    toml::from_str::<I18n>(en).expect("the built-in en.toml is valid")
}

/// Every key goalsite uses that the file lacks: one error listing them all,
/// with the English text to translate, ready to paste under `[strings]`.
fn missing_keys(file: &ThemeFile, lang: Lang, i18n: &I18n, english: &I18n, problems: &mut Problems) {
    let missing: Vec<UiKey> = UiKey::ALL.iter().copied().filter(|k| !i18n.strings.contains_key(k.as_str())).collect();
    if missing.is_empty() {
        return;
    }
    let lines: Vec<String> =
        missing.iter().map(|k| format!("{} = {}", k.as_str(), toml_string(&english.string(*k)))).collect();
    problems.push(
        Diagnostic::error(&file.path, msg!(UiStringsMissing, count = missing.len(), lang = lang)).with_hint(msg!(
            UiStringsMissingHint,
            lines = lines.join("\n"),
            lang = lang
        )),
    );
}

/// A `{name}` in a site's string that the English one lacks is published
/// as it is (`{distanse}`): an error at the key, naming the ones it has.
fn placeholders(file: &ThemeFile, i18n: &I18n, english: &I18n, problems: &mut Problems) {
    let Ok(source) = file.source() else { return };
    for key in UiKey::ALL {
        let Some(value) = i18n.strings.get(key.as_str()) else { continue };
        let known = placeholder_names(&english.string(*key));
        for name in placeholder_names(value).into_iter().filter(|n| !known.contains(n)) {
            let at = crate::toml_file::key_span(&source.text, key.as_str()).unwrap_or(0..0);
            let hint = match known.is_empty() {
                true => msg!(UiPlaceholderNoneHint),
                false => {
                    let list: Vec<String> = known.iter().map(|n| format!("{{{n}}}")).collect();
                    msg!(UiPlaceholderHint, key = key.as_str(), list = list.join(", "))
                }
            };
            problems.push(
                Diagnostic::error_at(&source, at, msg!(UiPlaceholderUnknown, name = name, key = key.as_str()))
                    .with_hint(hint),
            );
        }
    }
}

/// The names of the `{placeholders}` in a UI string.
fn placeholder_names(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .map(str::to_owned)
        .collect()
}

/// A language goalsite does not ship says which of its words mean per cent
/// (`[units] percent`), or its sentences would give a change in percentage
/// points as a per cent of a per cent.
fn units(file: &ThemeFile, lang: Lang, problems: &mut Problems) {
    if file.built_in.is_some() {
        return;
    }
    let Ok(source) = file.source() else { return };
    let has_units = toml::from_str::<toml::Table>(&source.text).is_ok_and(|t| t.contains_key("units"));
    if !has_units {
        problems
            .push(Diagnostic::error(&file.path, msg!(UiUnitsMissing, lang = lang)).with_hint(msg!(UiUnitsMissingHint)));
    }
}

/// A site's key close to a built-in one it lacks (`repor_title` for
/// `report_title`) is a typo: an error where it is written, and the key is
/// dropped so that other languages are not asked for it. Keys far from every
/// built-in one are the site's own (for its own templates).
fn misspelt_keys(file: &ThemeFile, i18n: &mut I18n, english: &I18n, problems: &mut Problems) {
    // In a file laid over a built-in one every key is there: any is a candidate.
    let lacking: Vec<&str> = english
        .strings
        .keys()
        .map(String::as_str)
        .filter(|k| file.built_in.is_some() || !i18n.strings.contains_key(*k))
        .collect();
    let unknown: Vec<String> = i18n.strings.keys().filter(|k| !english.strings.contains_key(*k)).cloned().collect();
    for key in unknown {
        let Some(best) = crate::text::nearest(&key, &lacking) else { continue };
        i18n.strings.remove(&key);
        let Ok(source) = file.source() else { continue };
        let at = crate::toml_file::key_span(&source.text, &key).unwrap_or(0..0);
        problems.push(
            Diagnostic::error_at(&source, at, msg!(UiStringUnknown, key = &key))
                .with_hint(msg!(UiStringUnknownHint, suggestion = best)),
        );
    }
}

/// A site's own keys (for its own templates) must be in every language.
fn site_keys(theme: &str, out: &BTreeMap<Lang, I18n>, problems: &mut Problems) {
    let own: BTreeSet<&str> = out
        .values()
        .flat_map(|i| i.strings.keys().map(String::as_str))
        .filter(|k| UiKey::ALL.iter().all(|u| u.as_str() != *k))
        .collect();
    for (&lang, i18n) in out {
        for key in own.iter().filter(|k| !i18n.strings.contains_key(**k)) {
            let other = out.iter().find(|(_, o)| o.strings.contains_key(*key)).map(|(l, _)| *l);
            let mut d = Diagnostic::error(&own_file(theme, lang), msg!(UiStringMissing, key = *key));
            if let Some(other) = other {
                d = d.with_hint(msg!(UiStringMissingHint, lang = other));
            }
            problems.push(d);
        }
    }
}

/// The theme pages' slugs must be usable in addresses.
fn slugs(file: &ThemeFile, i18n: &I18n, problems: &mut Problems) {
    let slugs = i18n.strings.iter().filter(|(k, s)| k.ends_with("_slug") && !crate::text::is_valid_slug(s));
    for (key, slug) in slugs {
        problems.push(
            Diagnostic::error(&file.path, msg!(UiSlug, key = key, slug = slug))
                .with_hint(msg!(SlugHint, slug = crate::text::slugify(slug))),
        );
    }
}

/// A language goalsite has no strings for, whose file still holds most of
/// the English ones (copied to be translated): a warning, since its pages
/// would speak English in their menus and summaries.
fn still_english(file: &ThemeFile, lang: Lang, i18n: &I18n, english: &I18n, problems: &mut Problems) {
    if file.built_in.is_some() || lang == "en" {
        return;
    }
    let same = english.strings.iter().filter(|(k, v)| i18n.strings.get(*k) == Some(*v)).count();
    if same * 2 > english.strings.len() {
        problems.push(
            Diagnostic::warning(
                &file.path,
                msg!(UiStringsEnglish, same = same, all = english.strings.len(), lang = lang),
            )
            .with_hint(msg!(UiStringsEnglishHint)),
        );
    }
}

/// `text` as a TOML basic string.
pub fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}
