//! `goalsite new-year YEAR` and `goalsite correct YEAR`: the yearly step
//! and its rare repair. new-year archives the current edition (its sources,
//! as published), sets `report_year = YEAR`, writes each programme's
//! assessments file for YEAR to fill in (last year's status and motivation
//! as comments), and lists what still describes the previous year. correct
//! records corrections made to an archived edition, each described in its
//! `corrections.toml`.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, Problems};
use crate::editions::{self, Archived, Manifest, CORRECTIONS_FILE, MANIFEST_FILE};
use crate::load::{ASSESSMENTS_DIR, CONTENT_DIR};
use crate::locale::Lang;
use crate::messages::Message;
use crate::model::Site;

/// What `new-year` did.
#[derive(Debug)]
pub struct NewYearReport {
    /// The archived edition's year and folder.
    pub year: i32,
    pub archived: PathBuf,
    /// The assessments files written, to fill in.
    pub assessments: Vec<PathBuf>,
    /// What still describes the previous year: each a warning `check` gives
    /// until it is updated or marked still valid.
    pub to_update: Diagnostics,
}

/// Why `new-year` or `correct` did nothing.
#[derive(Debug)]
pub enum NewYearError {
    /// The site has errors: an edition is archived only when it builds.
    Content(Diagnostics),
    /// Asked for something that cannot be done.
    Usage(Message),
}

/// Archives the current edition of the site at `root` and starts `year`'s;
/// `published` is the day the current edition was published (by default
/// its open data's `published`, else today). Comments written are in `said_in`.
pub fn new_year(
    root: &Path,
    year: i32,
    published: Option<toml::value::Datetime>,
    said_in: Lang,
) -> Result<NewYearReport, NewYearError> {
    let mut prepared = crate::pipeline::prepare(root, None, None).map_err(NewYearError::Content)?;
    let mut site = prepared.editions.pop().expect("the current edition").site;
    let current = site.settings.report_year;
    if year <= current {
        return Err(NewYearError::Usage(msg!(NewYearNotLater, year = year, current = current)));
    }
    let published = match published.or_else(|| open_data_published(&site)) {
        Some(date) => date,
        None => today(),
    };
    let archived = editions::archive(root, current, published).map_err(NewYearError::Usage)?;
    set_report_year(root, current, year, said_in).map_err(NewYearError::Usage)?;
    let assessments = write_assessments(root, &site, year, said_in).map_err(NewYearError::Usage)?;
    // Every text that describes the year is now as the archived edition has it.
    let mut problems = Problems::new();
    let found = editions::find(root, &mut problems);
    site.settings.report_year = year;
    if let Some(latest) = found.iter().find(|e| e.dir == archived) {
        editions::check_stale(root, latest, &site, &mut problems);
    }
    Ok(NewYearReport { year: current, archived, assessments, to_update: problems.finish() })
}

/// Records the corrections of the `year` edition: every file changed since
/// it was published must be named in its `corrections.toml` (with the day
/// and a note in every language); the manifest then holds the corrected
/// files as they are now.
pub fn correct(root: &Path, year: i32) -> Result<usize, NewYearError> {
    let mut problems = Problems::new();
    let found = editions::find(root, &mut problems);
    if problems.has_errors() {
        return Err(NewYearError::Content(problems.finish()));
    }
    let Some(edition) = found.into_iter().find(|e| e.year == year) else {
        return Err(NewYearError::Usage(msg!(NoSuchEdition, year = year)));
    };
    let changed = changed_files(root, &edition);
    let uncorrected: Vec<&String> =
        changed.iter().filter(|f| !edition.corrections.iter().any(|c| &c.file == *f)).collect();
    if !uncorrected.is_empty() {
        let note = note_example(root, &edition.dir);
        let today = today().to_string();
        let problems: Vec<Diagnostic> = uncorrected
            .iter()
            .map(|f| {
                let path = edition.dir.join(f);
                Diagnostic::error(&path, msg!(CorrectionMissing)).with_hint(msg!(
                    CorrectionMissingHint,
                    corrections = &edition.dir.join(CORRECTIONS_FILE),
                    file = f.as_str(),
                    date = today.as_str(),
                    note = note.as_str()
                ))
            })
            .collect();
        return Err(NewYearError::Content(Diagnostics::new(problems)));
    }
    let manifest = Manifest { files: editions::hashes(root, &edition.dir), ..edition.manifest.clone() };
    let head = msg!(ManifestHead, year = year).text(Lang::known(crate::messages::FALLBACK));
    std::fs::write(root.join(&edition.dir).join(MANIFEST_FILE), manifest.to_toml(&head))
        .map_err(|e| NewYearError::Usage(msg!(EditionNotWritten, detail = e.to_string())))?;
    Ok(changed.len())
}

/// The archived files of `edition` that differ from its manifest (changed,
/// added or removed).
fn changed_files(root: &Path, edition: &Archived) -> Vec<String> {
    let now = editions::hashes(root, &edition.dir);
    let published = &edition.manifest.files;
    let mut changed: Vec<String> =
        now.iter().filter(|(f, h)| published.get(*f) != Some(h)).map(|(f, _)| f.clone()).collect();
    changed.extend(published.keys().filter(|f| !now.contains_key(*f)).cloned());
    changed.sort();
    changed
}

/// How a note in every language of the edition in `dir` is written.
fn note_example(root: &Path, dir: &Path) -> String {
    let settings = std::fs::read_to_string(root.join(dir).join("site.toml")).unwrap_or_default();
    let languages = settings.parse::<toml::Table>().ok().and_then(|t| t.get("languages")?.as_array().cloned());
    let codes: Vec<String> =
        languages.unwrap_or_default().iter().filter_map(|l| Some(l.get("code")?.as_str()?.to_owned())).collect();
    crate::lang::text_example(&codes)
}

fn open_data_published(site: &Site) -> Option<toml::value::Datetime> {
    site.settings.open_data.as_ref()?.published.as_ref()?.parse().ok()
}

/// Today's date (UTC), as the manifest writes it.
fn today() -> toml::value::Datetime {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!("{y:04}-{m:02}-{d:02}").parse().expect("a date")
}

/// The calendar date of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `report_year = <from>` in `site.toml` becomes `<to>`, and `<from>` joins
/// the earlier editions it lists (`editions`, written on one line; below
/// `report_year` with a comment in `said_in` if the site has none yet);
/// nothing else changed.
fn set_report_year(root: &Path, from: i32, to: i32, said_in: Lang) -> Result<(), Message> {
    let path = root.join(crate::config::CONFIG_FILE);
    let failed = |e: std::io::Error| msg!(NewYearNotWritten, detail = e.to_string());
    let text = std::fs::read_to_string(&path).map_err(failed)?;
    let at = crate::toml_file::key_span(&text, "report_year")
        .ok_or_else(|| msg!(NewYearNotWritten, detail = "report_year"))?;
    let line_end = text[at.end..].find('\n').map_or(text.len(), |i| at.end + i);
    let line = &text[at.start..line_end];
    let new_line = line.replacen(&from.to_string(), &to.to_string(), 1);
    let text = format!("{}{new_line}{}", &text[..at.start], &text[line_end..]);
    let text = list_edition(&text, from, said_in).ok_or_else(|| msg!(NewYearNotWritten, detail = "editions"))?;
    std::fs::write(&path, text).map_err(failed)
}

/// `text` (a `site.toml`) with `year` in its list of earlier editions.
fn list_edition(text: &str, year: i32, said_in: Lang) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Listed {
        editions: Option<toml::Spanned<Vec<i32>>>,
    }
    let listed: Listed = toml::from_str(text).ok()?;
    match listed.editions {
        Some(list) => {
            let years = editions::list_value(list.get_ref().iter().copied().chain([year]));
            Some(format!("{}{years}{}", &text[..list.span().start], &text[list.span().end..]))
        }
        None => {
            let at = crate::toml_file::key_span(text, "report_year")?;
            let line_end = text[at.end..].find('\n').map_or(text.len(), |i| at.end + i + 1);
            let (head, tail) = text.split_at(line_end);
            // The file's own line ends (Windows editors write \r\n).
            let eol = if head.ends_with("\r\n") { "\r\n" } else { "\n" };
            let comment = comment(msg!(NewYearEditionsComment).text(said_in)).replace('\n', eol);
            let newline = if head.ends_with('\n') { "" } else { eol };
            let years = editions::list_value([year]);
            Some(format!("{head}{newline}{comment}editions = {years}{eol}{tail}"))
        }
    }
}

/// `text` as TOML comment lines.
fn comment(text: String) -> String {
    text.lines().map(|l| format!("# {l}\n")).collect()
}

/// Each programme's `assessments/<year>.toml`: a table per goal, the status
/// left to fill in, last year's status and motivation as comments.
fn write_assessments(root: &Path, site: &Site, year: i32, said_in: Lang) -> Result<Vec<PathBuf>, Message> {
    let mut written = Vec::new();
    for p in site.programmes.iter().filter(|p| !p.goals.is_empty()) {
        let rel = Path::new(CONTENT_DIR).join(&p.id).join(ASSESSMENTS_DIR).join(format!("{year}.toml"));
        if root.join(&rel).exists() {
            continue;
        }
        let text = assessments_file(site, &p.goals, year, said_in);
        let path = root.join(&rel);
        std::fs::create_dir_all(path.parent().expect("a folder"))
            .map_err(|e| msg!(NewYearNotWritten, detail = e.to_string()))?;
        std::fs::write(&path, text).map_err(|e| msg!(NewYearNotWritten, detail = e.to_string()))?;
        written.push(rel);
    }
    Ok(written)
}

/// The text of a new year's assessments file for `goals`.
fn assessments_file(site: &Site, goals: &[crate::model::GoalId], year: i32, said_in: Lang) -> String {
    let scale: Vec<&str> = site.settings.scale.iter().map(|s| s.id.as_str()).collect();
    let mut out = comment(msg!(NewYearFileHead, year = year, list = scale.join(", ")).text(said_in));
    for &g in goals {
        let goal = site.goal(g);
        out.push_str(&format!("\n[{}]\n", goal.id));
        if let Some(last) = goal.assessments.iter().filter(|a| a.year < year).max_by_key(|a| a.year) {
            let status = &site.settings.scale[last.step].id;
            out.push_str(&comment(msg!(NewYearLastYear, year = last.year, status = status.as_str()).text(said_in)));
            if let Some(m) = &last.motivation {
                for lang in site.settings.langs() {
                    out.push_str(&format!("# {lang}: {}\n", m.tr(lang).replace('\n', " ")));
                }
            }
        }
        out.push_str("status = \"\"\n");
        out.push_str(&format!("# motivation = {}\n", crate::lang::text_example(&site.settings.langs())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_428), (2025, 12, 6));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    }

    #[test]
    fn the_first_edition_is_listed_below_the_report_year_with_a_comment() {
        let text = "base_url = \"https://x.se/\"\nreport_year = 2025 # this year\n\n[footer]\n";
        let listed = list_edition(text, 2024, Lang::known("sv")).unwrap();
        assert!(listed.starts_with("base_url = \"https://x.se/\"\nreport_year = 2025 # this year\n# De tidigare"));
        assert!(listed.ends_with("\neditions = [2024]\n\n[footer]\n"), "{listed}");
        let at_the_end = list_edition("report_year = 2025", 2024, Lang::known("en")).unwrap();
        assert!(
            at_the_end.starts_with("report_year = 2025\n# The earlier")
                && at_the_end.ends_with("\neditions = [2024]\n")
        );
    }

    #[test]
    fn a_file_with_windows_line_ends_keeps_them() {
        let listed = list_edition("report_year = 2025\r\ntitle = \"t\"\r\n", 2024, Lang::known("sv")).unwrap();
        assert!(listed.ends_with("\r\neditions = [2024]\r\ntitle = \"t\"\r\n"), "{listed:?}");
        assert_eq!(listed.matches('\n').count(), listed.matches("\r\n").count(), "{listed:?}");
    }

    #[test]
    fn a_later_edition_joins_the_list_as_written_anywhere() {
        let text = "report_year = 2026\neditions = [\n  2023, # first\n  2024,\n]\ntitle = \"t\"\n";
        let listed = list_edition(text, 2025, Lang::known("sv")).unwrap();
        assert_eq!(listed, "report_year = 2026\neditions = [2023, 2024, 2025]\ntitle = \"t\"\n");
    }
}
