//! The slow files, made after the rest (`serve` reloads first): the PNG
//! pictures and Excel workbooks of the indicators (of all when the frame
//! changed, else of those whose data changed), and the parts of the search
//! index whose pages changed, of the pages as they are now in the output.
//! Each file is put in place in one step; the files of these kinds no
//! longer made are removed.

use std::path::Path;
use std::sync::Mutex;

use crate::artifact::Artifact;
use crate::diagnostics::{Diagnostic, Diagnostics, Problems};
use crate::downloads::{self, Which};
use crate::model::IndicatorId;
use crate::output::Output;
use crate::search;

use super::{search_failed, write_failed, Prepared};

/// What is left to make of a pass that deferred its slow files.
pub struct Later {
    prepared: Prepared,
    /// Whose slow files are made again.
    pub remake: Remake,
    /// The searched pages with their keys (`None`: the site has no search):
    /// the parts of the index whose pages changed are made again.
    records: Option<Vec<search::Record>>,
}

/// What a pass put in place.
#[derive(Debug)]
pub struct Ran {
    /// What each part of the search index is made from (empty: the site has
    /// no search), for the next pass.
    pub search: Vec<Option<u128>>,
    /// How many parts of it were made again.
    pub parts_made: usize,
}

/// Whose slow files a pass makes again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remake {
    /// Every indicator's: the pass made a new output.
    All,
    /// Those of the current edition's indicators whose data changed: the
    /// pass changed the last one's pages.
    Only(Vec<IndicatorId>),
}

impl Remake {
    /// What two passes owe together (a pass that a newer one overtook put
    /// nothing in place: the newer one makes its files too).
    pub fn and(self, other: Remake) -> Remake {
        match (self, other) {
            (Remake::Only(mut a), Remake::Only(b)) => {
                a.extend(b);
                a.sort();
                a.dedup();
                Remake::Only(a)
            }
            _ => Remake::All,
        }
    }
}

/// Whether a file of the site is one a [`Later`] pass makes: the search
/// bundle, or a data file in a slow format (`data/x.sv.png`).
pub fn is_slow(path: &str) -> bool {
    // The data folder of the current edition (`data/`) or an earlier one
    // (`2024/data/`), not a theme's folder of that name (`img/data/`).
    let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
    let edition = |year: &str| !year.is_empty() && year.bytes().all(|b| b.is_ascii_digit());
    let in_data = folder == downloads::DATA_DIR
        || folder.split_once('/').is_some_and(|(year, rest)| edition(year) && rest == downloads::DATA_DIR);
    path.starts_with(search::BUNDLE_DIR)
        || (in_data && downloads::FORMATS.iter().any(|f| f.slow && path.ends_with(f.ext)))
}

impl Later {
    pub fn new(prepared: Prepared, remake: Remake, records: Option<Vec<search::Record>>) -> Later {
        Later { prepared, remake, records }
    }

    /// Makes the slow files into the output folder `dir`, the parts of the
    /// search index whose key is not the one in `last` (the keys of the
    /// parts in `dir`). They are put in place while `writing` is held, and
    /// only if `newest` still holds then (no newer pass has begun): then
    /// says what was put in place.
    pub fn run(
        self,
        dir: &Path,
        last: &[Option<u128>],
        newest: &dyn Fn() -> bool,
        writing: &Mutex<()>,
    ) -> Result<Option<Ran>, Diagnostics> {
        let out = Output::in_place(dir).map_err(|e| Diagnostics::one(write_failed(dir, &e)))?;
        let publish =
            |artifact: &Artifact| out.write(artifact).map_err(|e| write_failed(Path::new(&artifact.path), &e));
        let mut problems = Problems::new();
        match &self.remake {
            Remake::All => {
                for e in &self.prepared.editions {
                    let theme = self.prepared.theme_of(e);
                    problems.take(downloads::files(&e.site, theme, &e.routes, (Which::Slow, None), &publish));
                }
                out.replaces("", |p| is_slow(p) && !p.starts_with(search::BUNDLE_DIR));
            }
            Remake::Only(changed) => {
                let e = self.prepared.current();
                let theme = self.prepared.theme_of(e);
                problems.take(downloads::files(&e.site, theme, &e.routes, (Which::Slow, Some(changed)), &publish));
            }
        }
        if problems.has_errors() {
            return Err(problems.finish());
        }
        let (mut search, mut parts_made) = (Vec::new(), 0);
        if let Some(records) = self.records {
            let langs = self.prepared.current().site.settings.langs();
            let read = |path: &str| std::fs::read(dir.join(path));
            let bundle = search::bundle(records, &langs, last, &read).map_err(search_failed)?;
            for artifact in &bundle.files {
                publish(artifact).map_err(Diagnostics::one)?;
            }
            out.replaces(search::BUNDLE_DIR.trim_end_matches('/'), bundle.replaces());
            parts_made = bundle.made.iter().filter(|&&made| made).count();
            search = bundle.keys;
        }
        let _writing = writing.lock().unwrap_or_else(|e| e.into_inner());
        if !newest() {
            return Ok(None);
        }
        let failed =
            |e: std::io::Error| Diagnostics::one(Diagnostic::error(dir, msg!(FileNotWritten, detail = e.to_string())));
        out.finish().map_err(failed)?;
        Ok(Some(Ran { search, parts_made }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slow_files_are_the_data_folders_pictures_and_workbooks_and_the_search_index() {
        for slow in ["data/utslapp.sv.png", "data/utslapp.en.xlsx", "2024/data/utslapp.sv.png", "pagefind/pagefind.js"]
        {
            assert!(is_slow(slow), "{slow}");
        }
        for quick in ["data/utslapp.csv", "data/utslapp.sv.svg", "img/data/logo.png", "sv/data/x.png", "data/x/y.png"] {
            assert!(!is_slow(quick), "{quick}");
        }
    }
}
