//! Load: walks `content/`, reads every Markdown and TOML file once (in
//! parallel) and parses it into [`Loaded`]: the files as editors wrote them,
//! with their source spans. A Markdown file the build cache knows unchanged
//! is not read: its body is read when a page showing it is rendered.
//! Problems become diagnostics; nothing stops at the first one.

pub mod branding;
pub mod files;
pub mod markdown_file;
pub mod value;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Problems};
use crate::locale::Lang;
use crate::model::{Doc, Docs, Page};
use crate::source::{is_ignored, Source, Stamp};
use crate::toml_file;

use files::{AssessmentsFile, IndicatorFile, ProgrammeFile};
pub use markdown_file::Known;

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The home page's introduction per language (`content/_index.<lang>.md`).
    pub home: Docs,
    /// In the order of their `order`, then their folder name.
    pub programmes: Vec<LoadedProgramme>,
    pub pages: Vec<Page>,
    /// Files that could not be read or parsed (already reported): what links
    /// to them or names them is not reported again.
    pub failed: Vec<PathBuf>,
}

impl Loaded {
    /// How many files the content was read from.
    pub fn file_count(&self) -> usize {
        let programmes: usize =
            self.programmes.iter().map(|p| 1 + p.narrative.len() + p.indicators.len() + p.assessments.len()).sum();
        self.home.len() + programmes + self.pages.iter().map(|p| p.docs.len()).sum::<usize>()
    }
}

/// A programme folder as read.
#[derive(Debug)]
pub struct LoadedProgramme {
    /// The folder name, e.g. `tillvaxt`.
    pub id: String,
    /// `programme.toml`.
    pub source: Arc<Source>,
    pub data: ProgrammeFile,
    pub narrative: Docs,
    /// In file-name order.
    pub indicators: Vec<LoadedIndicator>,
    /// One file per year (`assessments/2024.toml`), in file-name order.
    pub assessments: Vec<LoadedAssessments>,
}

/// A year's assessments of a programme's goals, as read.
#[derive(Debug)]
pub struct LoadedAssessments {
    /// The year, from the file name.
    pub year: i32,
    pub source: Arc<Source>,
    pub data: AssessmentsFile,
}

/// An indicator file as read.
#[derive(Debug)]
pub struct LoadedIndicator {
    /// The file name without `.toml`.
    pub id: String,
    pub source: Arc<Source>,
    pub data: IndicatorFile,
}

/// The folder under the site root that holds the content.
pub const CONTENT_DIR: &str = "content";
/// The file that makes a folder a programme.
pub const PROGRAMME_FILE: &str = "programme.toml";
/// The folder inside a programme that holds its indicators.
pub const INDICATORS_DIR: &str = "indicators";
/// The folder inside a programme that holds one assessments file per year.
pub const ASSESSMENTS_DIR: &str = "assessments";
/// The stem of a home or programme narrative file (`_index.sv.md`).
pub const INDEX_STEM: &str = "_index";

/// What a file under `content/` is, from its place and name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Programme { dir: PathBuf },
    Indicator { programme_dir: PathBuf, id: String },
    Assessments { programme_dir: PathBuf, year: i32 },
    Home { lang: Lang },
    Narrative { programme_dir: PathBuf, lang: Lang },
    Page { key: String, lang: Lang },
}

/// One parsed file.
enum Parsed {
    Programme(PathBuf, Arc<Source>, Box<ProgrammeFile>),
    Indicator(PathBuf, Box<LoadedIndicator>),
    Assessments(PathBuf, Box<LoadedAssessments>),
    Home(Doc),
    Narrative(PathBuf, Doc),
    Page(String, Doc),
}

/// The Markdown files an earlier build read, by path from the site root
/// (the build cache keeps them).
pub type KnownFiles = HashMap<String, Known>;

/// Reads everything under `root/content` for the languages `langs`. A
/// Markdown file in `known` whose stamp is still the one there is not read
/// again: its body is read if a page showing it is rendered.
pub fn load(root: &Path, langs: &[Lang], known: Option<&KnownFiles>, problems: &mut Problems) -> Loaded {
    let reading = Reading { root: Arc::from(root), known, started: SystemTime::now() };
    let files = list_files(root, problems);
    let programme_dirs: Vec<PathBuf> = files
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n == PROGRAMME_FILE))
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();

    let classified: Vec<(PathBuf, Kind)> = files
        .into_iter()
        .filter_map(|rel| match classify(&rel, &programme_dirs, langs) {
            Ok(kind) => Some((rel, kind)),
            Err(d) => {
                problems.push(d);
                None
            }
        })
        .collect();

    let results: Vec<(PathBuf, Result<Parsed, Diagnostic>)> =
        classified.into_par_iter().map(|(rel, kind)| (rel.clone(), reading.read(rel, kind))).collect();

    let mut content = Loaded::default();
    let mut programmes: BTreeMap<PathBuf, LoadedProgramme> = BTreeMap::new();
    let mut narratives = Vec::new();
    let mut indicators = Vec::new();
    let mut assessments = Vec::new();
    let mut pages: BTreeMap<String, Page> = BTreeMap::new();
    for (path, result) in results {
        match result {
            Err(d) => {
                problems.push(d);
                content.failed.push(path);
            }
            Ok(Parsed::Programme(dir, source, data)) => {
                let id = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let p = LoadedProgramme {
                    id,
                    source,
                    data: *data,
                    narrative: BTreeMap::new(),
                    indicators: Vec::new(),
                    assessments: Vec::new(),
                };
                programmes.insert(dir, p);
            }
            Ok(Parsed::Indicator(dir, ind)) => indicators.push((dir, *ind)),
            Ok(Parsed::Assessments(dir, a)) => assessments.push((dir, *a)),
            Ok(Parsed::Narrative(dir, doc)) => narratives.push((dir, doc)),
            Ok(Parsed::Home(doc)) => {
                content.home.insert(doc.lang, Box::new(doc));
            }
            Ok(Parsed::Page(key, doc)) => {
                let page = pages.entry(key.clone()).or_insert_with(|| Page { key, docs: BTreeMap::new() });
                page.docs.insert(doc.lang, Box::new(doc));
            }
        }
    }
    // A programme whose programme.toml failed to parse has already been
    // reported; its other files are dropped with it, not reported twice.
    for (dir, doc) in narratives {
        if let Some(p) = programmes.get_mut(&dir) {
            p.narrative.insert(doc.lang, Box::new(doc));
        }
    }
    for (dir, ind) in indicators {
        if let Some(p) = programmes.get_mut(&dir) {
            p.indicators.push(ind);
        }
    }
    for (dir, a) in assessments {
        if let Some(p) = programmes.get_mut(&dir) {
            p.assessments.push(a);
        }
    }
    content.programmes = programmes.into_values().collect();
    content.programmes.sort_by(|a, b| (a.data.order, &a.id).cmp(&(b.data.order, &b.id)));
    content.pages = pages.into_values().collect();
    content
}

/// Every file under `content/`, relative to the root, sorted, without hidden files.
fn list_files(root: &Path, problems: &mut Problems) -> Vec<PathBuf> {
    let dir = root.join(CONTENT_DIR);
    if !dir.is_dir() {
        problems.push(
            Diagnostic::error(Path::new(CONTENT_DIR), msg!(NoContentFolder)).with_hint(msg!(NoContentFolderHint)),
        );
        return Vec::new();
    }
    let walker = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_string_lossy().as_ref()));
    let mut files = Vec::new();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                files.push(e.path().strip_prefix(root).unwrap_or(e.path()).to_path_buf());
            }
            Ok(e) if e.path_is_symlink() => {
                let path = e.path().strip_prefix(root).unwrap_or(e.path());
                problems.push(Diagnostic::warning(path, msg!(SymbolicLink)).with_hint(msg!(SymbolicLinkHint)));
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf());
                let path = path.unwrap_or_else(|| PathBuf::from(CONTENT_DIR));
                let message = match e.loop_ancestor() {
                    Some(_) => msg!(PathLoops),
                    None => msg!(PathUnreadable, error = e.to_string()),
                };
                problems.push(Diagnostic::error(&path, message));
            }
        }
    }
    files
}

fn classify(rel: &Path, programme_dirs: &[PathBuf], langs: &[Lang]) -> Result<Kind, Diagnostic> {
    let name = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let parent = rel.parent().unwrap_or(Path::new(""));
    let in_programme = |dir: &Path| programme_dirs.iter().any(|p| p == dir);
    if name == PROGRAMME_FILE {
        return Ok(Kind::Programme { dir: parent.to_path_buf() });
    }
    if let Some(stem) = name.strip_suffix(".toml") {
        let programme_dir = parent.parent().unwrap_or(Path::new(""));
        let folder = parent.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if folder == INDICATORS_DIR && in_programme(programme_dir) {
            return Ok(Kind::Indicator { programme_dir: programme_dir.to_path_buf(), id: stem.to_owned() });
        }
        if folder == ASSESSMENTS_DIR && in_programme(programme_dir) {
            return match stem.parse::<i32>() {
                Ok(year) if stem.len() == 4 => {
                    Ok(Kind::Assessments { programme_dir: programme_dir.to_path_buf(), year })
                }
                _ => Err(Diagnostic::error(rel, msg!(AssessmentsFileName)).with_hint(msg!(YearFileName))),
            };
        }
        return Err(Diagnostic::error(rel, msg!(TomlUnknownFile)).with_hint(msg!(TomlUnknownFileHint)));
    }
    let Some(stem_lang) = name.strip_suffix(".md") else {
        return Err(Diagnostic::warning(rel, msg!(ContentFileUnread)).with_hint(msg!(ContentFileUnreadHint)));
    };
    let (stem, lang) = stem_lang.rsplit_once('.').unwrap_or((stem_lang, ""));
    let Some(&lang) = langs.iter().find(|l| **l == lang) else {
        let wanted: Vec<String> = langs.iter().map(|l| format!("{stem}.{l}.md")).collect();
        return Err(Diagnostic::error(rel, msg!(PageLanguageMissing)).with_hint(msg!(NameIt).alternatives(&wanted)));
    };
    let content_root = Path::new(CONTENT_DIR);
    if stem == INDEX_STEM {
        if parent == content_root {
            return Ok(Kind::Home { lang });
        }
        if in_programme(parent) {
            return Ok(Kind::Narrative { programme_dir: parent.to_path_buf(), lang });
        }
        return Err(Diagnostic::error(rel, msg!(IndexFilePlace)).with_hint(msg!(IndexFilePlaceHint)));
    }
    if programme_dirs.iter().any(|p| parent.starts_with(p)) {
        return Err(Diagnostic::error(rel, msg!(PageInProgramme)).with_hint(msg!(PageInProgrammeHint, lang = lang)));
    }
    let dir = parent.strip_prefix(content_root).unwrap_or(parent);
    let key = dir.join(format!("{stem}.md")).to_string_lossy().replace('\\', "/");
    Ok(Kind::Page { key, lang })
}

/// How a load reads its files.
struct Reading<'a> {
    /// The folder the files' paths are under (kept by each Markdown file,
    /// whose body is read from it again).
    root: Arc<Path>,
    known: Option<&'a KnownFiles>,
    /// When the load began (a file last written before it had settled).
    started: SystemTime,
}

impl Reading<'_> {
    fn read(&self, rel: PathBuf, kind: Kind) -> Result<Parsed, Diagnostic> {
        let toml = || toml_file::read(&self.root, &rel);
        match kind {
            Kind::Programme { dir } => {
                let source = toml()?;
                let data = toml_file::parse::<ProgrammeFile>(&source)?;
                Ok(Parsed::Programme(dir, source, Box::new(data)))
            }
            Kind::Indicator { programme_dir, id } => {
                let source = toml()?;
                let data = toml_file::parse::<IndicatorFile>(&source)?;
                Ok(Parsed::Indicator(programme_dir, Box::new(LoadedIndicator { id, source, data })))
            }
            Kind::Assessments { programme_dir, year } => {
                let source = toml()?;
                let data = toml_file::parse::<AssessmentsFile>(&source)?;
                Ok(Parsed::Assessments(programme_dir, Box::new(LoadedAssessments { year, source, data })))
            }
            Kind::Home { lang } => Ok(Parsed::Home(self.doc(&rel, lang)?)),
            Kind::Narrative { programme_dir, lang } => Ok(Parsed::Narrative(programme_dir, self.doc(&rel, lang)?)),
            Kind::Page { key, lang } => Ok(Parsed::Page(key, self.doc(&rel, lang)?)),
        }
    }

    /// A Markdown file: as an earlier build knew it, when its stamp is still
    /// that one; else read (its body let go of, to be read again for its page).
    fn doc(&self, rel: &Path, lang: Lang) -> Result<Doc, Diagnostic> {
        if let Some(known) = self.known.zip(rel.to_str()).and_then(|(k, rel)| k.get(rel)) {
            if Stamp::now(&self.root.join(rel)) == Some(known.stamp) {
                return markdown_file::parse_known(&self.root, rel, known, lang);
            }
        }
        let (source, stamp) = toml_file::read_stamped(&self.root, rel)?;
        let mut doc = markdown_file::parse(source, lang)?;
        doc.stamp = Some(stamp).filter(|s| s.settled(self.started));
        doc.release(&self.root);
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Vec<Lang> {
        vec![Lang::known("sv"), Lang::known("en")]
    }

    #[test]
    fn files_are_classified_by_place_and_name() {
        let progs = vec![PathBuf::from("content/tillvaxt")];
        let c = |p: &str| classify(Path::new(p), &progs, &langs());
        assert_eq!(c("content/_index.sv.md").unwrap(), Kind::Home { lang: Lang::known("sv") });
        assert_eq!(
            c("content/tillvaxt/_index.en.md").unwrap(),
            Kind::Narrative { programme_dir: "content/tillvaxt".into(), lang: Lang::known("en") }
        );
        assert_eq!(
            c("content/tillvaxt/indicators/x.toml").unwrap(),
            Kind::Indicator { programme_dir: "content/tillvaxt".into(), id: "x".into() }
        );
        assert_eq!(
            c("content/om/kontakt.sv.md").unwrap(),
            Kind::Page { key: "om/kontakt.md".into(), lang: Lang::known("sv") }
        );
    }

    #[test]
    fn a_page_without_language_suffix_is_an_error_with_the_names_to_use() {
        let d = classify(Path::new("content/om.md"), &[], &langs()).unwrap_err();
        assert!(d.is_error());
        assert_eq!(d.hint.as_ref().map(ToString::to_string).as_deref(), Some("name it om.sv.md or om.en.md"));
    }

    /// `content/om.sv.md` under a new site root.
    fn one_page() -> (tempfile::TempDir, String) {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join(CONTENT_DIR)).unwrap();
        let rel = "content/om.sv.md".to_owned();
        std::fs::write(tmp.path().join(&rel), "+++\ntitle = \"Om\"\n+++\nText.\n").unwrap();
        (tmp, rel)
    }

    fn sv(loaded: &Loaded) -> &Doc {
        &loaded.pages[0].docs[&Lang::known("sv")]
    }

    #[test]
    fn a_markdown_file_with_its_known_stamp_is_not_read_again_and_its_body_must_still_be_what_was_known() {
        let (tmp, rel) = one_page();
        let stamp = Stamp::now(&tmp.path().join(&rel)).unwrap();
        let body_hash = crate::source::fingerprint(b"Text.\n");
        let head = |title: &str| format!("+++\ntitle = \"{title}\"\n+++\n");
        let known = |head: String| KnownFiles::from([(rel.clone(), Known { stamp, head, body_hash })]);
        let mut problems = Problems::new();
        // What the last build knew of the file is taken as it is: it was not read.
        let loaded = load(tmp.path(), &langs(), Some(&known(head("Förr"))), &mut problems);
        assert_eq!(sv(&loaded).front.title.as_deref(), Some("Förr"));
        // Its body is read when a page shows it; the file is no longer what was known.
        let changed = sv(&loaded).body().unwrap_err();
        assert_eq!(changed.message.id, crate::messages::MsgId::FileChangedWhileBuilding);
        // As it was known: its body is read when asked for.
        let loaded = load(tmp.path(), &langs(), Some(&known(head("Om"))), &mut problems);
        assert_eq!(sv(&loaded).body().unwrap(), "Text.\n");
        assert!(problems.finish().is_empty());
    }

    #[test]
    fn a_markdown_file_with_another_stamp_is_read_and_a_file_just_written_is_not_known_next_time() {
        let (tmp, rel) = one_page();
        let mut stamp = Stamp::now(&tmp.path().join(&rel)).unwrap();
        stamp.changed -= 1;
        let known =
            KnownFiles::from([(rel, Known { stamp, head: "+++\ntitle = \"Förr\"\n+++\n".into(), body_hash: 0 })]);
        let loaded = load(tmp.path(), &langs(), Some(&known), &mut Problems::new());
        let doc = sv(&loaded);
        assert_eq!((doc.front.title.as_deref(), doc.body().unwrap().as_str()), (Some("Om"), "Text.\n"));
        assert_eq!(doc.stamp, None, "written less than two seconds ago: read again next time");
    }

    #[test]
    fn a_markdown_file_read_keeps_its_front_matter_only_and_its_body_is_read_again_as_it_was() {
        let (tmp, rel) = one_page();
        let loaded = load(tmp.path(), &langs(), None, &mut Problems::new());
        let doc = sv(&loaded);
        // A large site's texts are not all held at once.
        assert_eq!(doc.source.text, "+++\ntitle = \"Om\"\n+++\n");
        assert_eq!(doc.body().unwrap(), "Text.\n");
        assert_eq!(doc.whole().unwrap().text, "+++\ntitle = \"Om\"\n+++\nText.\n");
        // Saved again before its page was rendered: the build stops rather than show either text.
        std::fs::write(tmp.path().join(&rel), "+++\ntitle = \"Om\"\n+++\nNy text.\n").unwrap();
        assert_eq!(doc.body().unwrap_err().message.id, crate::messages::MsgId::FileChangedWhileBuilding);
    }

    #[test]
    fn stray_toml_is_an_error() {
        assert!(classify(Path::new("content/data.toml"), &[], &langs()).unwrap_err().is_error());
    }
}
