//! What a new year leaves stale: texts that describe the year, unchanged
//! since the latest archived edition (narratives and free pages, a
//! programme's summary and notes, an indicator's source and note), and a
//! page changed in one language but not in another. Each is a warning until
//! the text changes or its file says `still_valid = <report year>`.

use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Problems};
use crate::model::{Docs, Site};
use crate::source::{fingerprint, Source};

use super::Archived;

/// The TOML texts that describe a year, by kind of file.
const PROGRAMME_TEXTS: &[&str] = &["summary", "no_goals_note"];
const INDICATOR_TEXTS: &[&str] = &["source", "note"];

/// Warns about the current `site`'s texts that are as `latest` published them.
pub fn check(root: &Path, latest: &Archived, site: &Site, problems: &mut Problems) {
    let year = site.settings.report_year;
    let all_docs = std::iter::once(&site.home)
        .chain(site.programmes.iter().map(|p| &p.narrative))
        .chain(site.pages.iter().map(|p| &p.docs));
    for docs in all_docs {
        documents(root, latest, docs, year, problems);
    }
    for p in &site.programmes {
        toml_texts(root, latest, &p.file, PROGRAMME_TEXTS, year, problems);
    }
    for ind in &site.indicators {
        toml_texts(root, latest, &ind.file, INDICATOR_TEXTS, year, problems);
    }
    published(root, latest, site, problems);
}

/// Warns when the open data's day of publication is still (or before) the
/// latest edition's: the day the next edition is archived as published.
fn published(root: &Path, latest: &Archived, site: &Site, problems: &mut Problems) {
    let Some(day) = site.settings.open_data.as_ref().and_then(|o| o.published.as_deref()) else { return };
    let edition = latest.manifest.published.to_string();
    if *day <= *edition.as_str() {
        let year = site.settings.report_year;
        let message = msg!(PublishedNotUpdated, day = day, edition = latest.year, edition_day = edition);
        let file = Path::new(crate::config::CONFIG_FILE);
        let source = Source::read(root, file).ok().map(Arc::new);
        let at = source.and_then(|s| crate::toml_file::key_span(&s.text, "published").map(|span| (s, span)));
        let d = match at {
            Some((source, span)) => Diagnostic::warning_at(&source, span, message),
            None => Diagnostic::warning(file, message),
        };
        problems.push(d.with_hint(msg!(PublishedNotUpdatedHint, year = year)));
    }
}

/// One page's documents (one per language) against the edition's.
fn documents(root: &Path, latest: &Archived, docs: &Docs, year: i32, problems: &mut Problems) {
    let unchanged: Vec<bool> = docs
        .values()
        .map(|doc| {
            let archived = Source::read(&root.join(&latest.dir), &doc.source.path).ok();
            archived.is_some_and(|a| fingerprint(body(&a.text).as_bytes()) == doc.body_hash)
        })
        .collect();
    let changed = docs.values().zip(&unchanged).find(|(_, same)| !**same).map(|(doc, _)| doc);
    for (doc, _) in docs.values().zip(&unchanged).filter(|(_, same)| **same) {
        if doc.front.still_valid == Some(year) {
            continue;
        }
        let file = &doc.source.path;
        let d = match changed {
            // Its translation was rewritten: this one was probably forgotten.
            Some(other) => Diagnostic::warning(
                file,
                msg!(TranslationNotUpdated, other = &other.source.path, edition = latest.year),
            ),
            None => Diagnostic::warning(file, msg!(TextUnchanged, edition = latest.year, year = year)),
        };
        problems.push(d.with_hint(msg!(TextUnchangedHint, year = year)));
    }
}

/// The Markdown of a file's text, without its front matter.
fn body(text: &str) -> &str {
    crate::load::markdown_file::body_of(text)
}

/// The texts `keys` of the TOML file `rel` against the edition's copy.
fn toml_texts(root: &Path, latest: &Archived, rel: &Path, keys: &[&str], year: i32, problems: &mut Problems) {
    let read = |root: &Path| -> Option<(Source, toml::Table)> {
        let source = Source::read(root, rel).ok()?;
        let table = toml::from_str(&source.text).ok()?;
        Some((source, table))
    };
    let (Some((source, now)), Some((_, then))) = (read(root), read(&root.join(&latest.dir))) else {
        return;
    };
    if now.get("still_valid").and_then(toml::Value::as_integer) == Some(i64::from(year)) {
        return;
    }
    let source = Arc::new(source);
    for key in keys.iter().filter(|k| now.get(**k).is_some() && now.get(**k) == then.get(**k)) {
        let at = crate::toml_file::key_span(&source.text, key).unwrap_or(0..0);
        let d = Diagnostic::warning_at(
            &source,
            at,
            msg!(TomlTextUnchanged, key = *key, edition = latest.year, year = year),
        );
        problems.push(d.with_hint(msg!(TomlTextUnchangedHint, year = year)));
    }
}
