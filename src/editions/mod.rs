//! Editions: every earlier year's report kept as the sources it was built
//! from (`editions/<year>/site.toml` and `content/`), with a manifest
//! (`edition.toml`) of what was published: the year, the day, the format
//! of the files, and a SHA-256 of every archived file. An edition is rebuilt
//! from them on every build, so a theme or accessibility fix reaches every
//! edition, while a change to what was published is found and reported.

mod archive;
mod history;
mod manifest;
mod stale;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Problems};
use crate::source::Source;

pub use archive::archive;
pub use history::History;
pub use manifest::{hashes, sha256, Correction, Manifest};
pub use stale::check as check_stale;

/// The folder under the site root that holds the earlier editions.
pub const EDITIONS_DIR: &str = "editions";

/// The manifest's name in an edition's folder.
pub const MANIFEST_FILE: &str = "edition.toml";

/// The corrections of an edition, written by editors.
pub const CORRECTIONS_FILE: &str = "corrections.toml";

/// An earlier edition as found in the site.
#[derive(Debug, Clone)]
pub struct Archived {
    pub year: i32,
    /// The edition's folder, relative to the site root (`editions/2024`).
    pub dir: PathBuf,
    pub manifest: Manifest,
    /// Corrections made after publication, each shown with what it corrects.
    pub corrections: Vec<Correction>,
}

/// Every earlier edition of the site at `root`, oldest first. A folder
/// whose manifest cannot be read is reported and left out.
pub fn find(root: &Path, problems: &mut Problems) -> Vec<Archived> {
    let Ok(entries) = std::fs::read_dir(root.join(EDITIONS_DIR)) else { return Vec::new() };
    let mut years: Vec<(i32, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            Some((name.parse().ok()?, Path::new(EDITIONS_DIR).join(name)))
        })
        .collect();
    years.sort();
    years
        .into_iter()
        .filter_map(|(year, dir)| {
            let manifest = problems.take(Manifest::read(root, &dir))?;
            if manifest.year != year {
                let d = Diagnostic::error(
                    &dir.join(MANIFEST_FILE),
                    msg!(EditionYearMismatch, year = manifest.year, folder = &dir),
                );
                problems.push(d);
                return None;
            }
            let corrections = problems.take(manifest::corrections(root, &dir)).unwrap_or_default();
            Some(Archived { year, dir, manifest, corrections })
        })
        .collect()
}

/// How `site.toml` lists the editions of `years`: each once, oldest first (`[2023, 2024]`).
pub fn list_value(years: impl IntoIterator<Item = i32>) -> String {
    let mut years: Vec<i32> = years.into_iter().collect();
    years.sort_unstable();
    years.dedup();
    format!("{years:?}")
}

/// Checks that every edition `site.toml` lists (`editions`, which
/// `goalsite new-year` writes) is still in `found`, and that every edition
/// found is listed: a published edition that was removed would otherwise
/// just be missing from the next build. A site without the list (archived
/// before goalsite wrote it) is warned, with the line to write.
/// (A listed folder that is there but could not be read was reported by [`find`].)
pub fn check_listed(
    root: &Path,
    (config, source): (&SiteConfig, &Arc<Source>),
    found: &[Archived],
    problems: &mut Problems,
) {
    let current = config.report_year;
    let (listed, span) = match &config.editions {
        Some(list) => (list.get_ref().as_slice(), list.span()),
        None => (&[][..], crate::toml_file::key_span(&source.text, "report_year").unwrap_or(0..0)),
    };
    for &year in listed {
        let folder = Path::new(EDITIONS_DIR).join(year.to_string());
        let d = if year >= current {
            Diagnostic::error_at(source, span.clone(), msg!(EditionListedNotEarlier, year = year, current = current))
                .with_hint(msg!(EditionListedNotEarlierHint))
        } else if !found.iter().any(|e| e.year == year) && !root.join(&folder).is_dir() {
            Diagnostic::error_at(source, span.clone(), msg!(EditionMissing, year = year, folder = &folder))
                .with_hint(msg!(EditionMissingHint, folder = &folder))
        } else {
            continue;
        };
        problems.push(d);
    }
    let unlisted: Vec<&Archived> = found.iter().filter(|e| !listed.contains(&e.year)).collect();
    let years = listed.iter().copied().filter(|&y| y < current).chain(found.iter().map(|e| e.year));
    let list = format!("editions = {}", list_value(years));
    for edition in unlisted {
        let message = msg!(EditionNotListed, year = edition.year, folder = &edition.dir);
        problems.push(match config.editions {
            Some(_) => Diagnostic::error_at(source, span.clone(), message)
                .with_hint(msg!(EditionListIncompleteHint, list = list.as_str())),
            None => Diagnostic::warning_at(source, span.clone(), message)
                .with_hint(msg!(EditionNotListedHint, list = list.as_str())),
        });
    }
}

impl Archived {
    /// Reports every archived file that was changed, added or removed since
    /// the edition was published (or last corrected with `goalsite correct`,
    /// which records the corrected files' hashes in the manifest).
    pub fn verify(&self, root: &Path, problems: &mut Problems) {
        let now = hashes(root, &self.dir);
        for (file, published) in &self.manifest.files {
            let path = self.dir.join(file);
            match now.get(file) {
                Some(hash) if hash == published => {}
                Some(_) => problems.push(self.changed(&path, msg!(EditionFileChanged, year = self.year))),
                None => problems.push(self.changed(&path, msg!(EditionFileRemoved, year = self.year))),
            }
        }
        for file in now.keys().filter(|f| !self.manifest.files.contains_key(*f)) {
            let path = self.dir.join(file);
            problems.push(self.changed(&path, msg!(EditionFileAdded, year = self.year)));
        }
    }

    fn changed(&self, path: &Path, message: crate::messages::Message) -> Diagnostic {
        let corrections = self.dir.join(CORRECTIONS_FILE);
        Diagnostic::error(path, message).with_hint(msg!(
            EditionFileChangedHint,
            corrections = &corrections,
            year = self.year
        ))
    }
}
