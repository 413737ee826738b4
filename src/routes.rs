//! Routes: the one place that decides every page's URL in every language, and
//! resolves the `@/…` links authors write to those URLs.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Problems};
use crate::load::{INDEX_STEM, INDICATORS_DIR, PROGRAMME_FILE};
use crate::locale::{Lang, Text};
use crate::messages::Message;
use crate::model::{PageId, ProgrammeId, Site};
pub use crate::pages::PageRef;
use crate::pages::{theme_pages, Place, Slug, ThemeKind};
use crate::source::Source;
use crate::text::base_path_of;
use crate::theme::Theme;

/// Every page's path per language, and the link keys that lead to them.
#[derive(Debug, Clone)]
pub struct Routes {
    langs: Vec<Lang>,
    base_url: String,
    base_path: String,
    /// Where the edition's pages and files are under the site root.
    prefix: String,
    /// Every page, in the site's order (home, each programme with its goals
    /// and indicators, the full report, free pages, the accessibility
    /// statement, the search page).
    pages: Vec<PageRef>,
    /// Path under the site root, per page, in the order of `langs` (`sv/tillvaxt/`).
    paths: HashMap<PageRef, Vec<String>>,
    /// `@/` link keys (`tillvaxt/_index.md`) to pages.
    keys: HashMap<String, PageRef>,
    /// Goal ids to goals, for `@/<programme>/programme.toml#<goal>` links.
    goals: HashMap<(ProgrammeId, String), PageRef>,
    /// Link keys of content files that could not be read, and folders of
    /// programmes whose `programme.toml` could not: links into them are not
    /// reported again.
    unread: Vec<String>,
}

/// What gives a page its address in a language: a file, and where in it
/// when that is known (a goal's `slug` or `id`, a text's `slug`).
struct Owner {
    file: String,
    at: Option<(Arc<Source>, Range<usize>)>,
}

impl Owner {
    fn file(file: &str) -> Owner {
        Owner { file: file.to_owned(), at: None }
    }

    fn at(source: &Arc<Source>, span: Range<usize>) -> Owner {
        Owner { file: source.path.to_string_lossy().into_owned(), at: Some((source.clone(), span)) }
    }

    /// The file, and its line where known (`content/tillvaxt/programme.toml:12`).
    fn place(&self) -> String {
        match &self.at {
            Some((source, span)) => format!("{}:{}", self.file, source.line_of(span.start)),
            None => self.file.clone(),
        }
    }

    /// The problem of a second page on `path`, whose first is at `first`.
    fn address_twice(&self, path: &str, first: String) -> Diagnostic {
        let message = msg!(AddressTwice, path = path);
        let d = match &self.at {
            Some((source, span)) => Diagnostic::error_at(source, span.clone(), message),
            None => Diagnostic::error(self.file.as_ref(), message),
        };
        d.with_hint(msg!(AddressTwiceHint, other = first))
    }
}

/// Why an `@/` link leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// No such file or goal: what is wrong (its `{ $target }` is the link
    /// as written, for the caller to set), and for a goal a hint that names
    /// the nearest goal or all of them.
    Nowhere { why: Message, hint: Option<Message> },
    /// It names a file that could not be read (and was reported already).
    Unread,
}

impl Routes {
    /// Computes all routes, the theme's pages with their slugs from `theme`
    /// (none without one). Two pages on one URL are reported.
    pub fn new(site: &Site, theme: Option<&Theme>, problems: &mut Problems) -> Routes {
        let langs = site.settings.langs();
        let langs = &langs[..];
        let base_url = site.settings.base_url.clone();
        // Room for every page (the theme's few grow the maps at most once).
        let pages = 1 + site.programmes.len() + site.goals.len() + site.indicators.len() + site.pages.len();
        let mut routes = Routes {
            langs: langs.to_vec(),
            base_path: base_path_of(&base_url),
            base_url,
            prefix: site.path_prefix(),
            pages: Vec::new(),
            paths: HashMap::with_capacity(pages),
            keys: HashMap::with_capacity(pages),
            goals: HashMap::new(),
            unread: site.unread.iter().filter_map(|p| unread_key(p)).collect(),
        };
        // Each path's first owner, as the file and line to name.
        let mut owners: HashMap<String, String> = HashMap::with_capacity(pages * langs.len());
        // An earlier edition's pages are under its year.
        let prefix = site.path_prefix();
        // `owner` names what gives the page its address in a language.
        let mut add = |routes: &mut Routes, page: PageRef, paths: Vec<String>, owner: &dyn Fn(Lang) -> Owner| {
            let paths: Vec<String> = paths.into_iter().map(|p| format!("{prefix}{p}")).collect();
            for (path, &lang) in paths.iter().zip(langs) {
                let owner = owner(lang);
                if let Some(first) = owners.insert(path.clone(), owner.place()) {
                    problems.push(owner.address_twice(&format!("/{path}"), first));
                }
            }
            routes.paths.insert(page, paths);
        };

        let home: Vec<String> = langs.iter().map(|l| format!("{l}/")).collect();
        add(&mut routes, PageRef::Home, home, &|_| Owner::file("content/"));
        routes.keys.insert(format!("{INDEX_STEM}.md"), PageRef::Home);

        for (pi, p) in site.programmes.iter().enumerate() {
            let programme = ProgrammeId(pi);
            let file = p.file.to_string_lossy().into_owned();
            let pslugs = slugs(&p.id, p.slug.as_ref(), langs);
            let prefix: Vec<String> = langs.iter().zip(&pslugs).map(|(l, s)| format!("{l}/{s}/")).collect();
            add(&mut routes, PageRef::Programme(programme), prefix.clone(), &|_| Owner::file(&file));
            routes.keys.insert(format!("{}/{INDEX_STEM}.md", p.id), PageRef::Programme(programme));
            routes.keys.insert(format!("{}/{PROGRAMME_FILE}", p.id), PageRef::Programme(programme));
            for &goal in &p.goals {
                let g = site.goal(goal);
                let gs = slugs(&g.id, g.slug.as_ref(), langs);
                let paths = prefix.iter().zip(gs).map(|(pre, s)| format!("{pre}{s}/")).collect();
                let (source, span) = &g.written_at;
                add(&mut routes, PageRef::Goal(goal), paths, &|_| Owner::at(source, span.clone()));
                routes.goals.insert((programme, g.id.clone()), PageRef::Goal(goal));
            }
            for &indicator in &p.indicators {
                let ind = site.indicator(indicator);
                let is = slugs(&ind.id, ind.slug.as_ref(), langs);
                let paths = prefix.iter().zip(is).map(|(pre, s)| format!("{pre}{s}/")).collect();
                add(&mut routes, PageRef::Indicator(indicator), paths, &|_| Owner::file(&ind.file.to_string_lossy()));
                routes.keys.insert(format!("{}/{INDICATORS_DIR}/{}.toml", p.id, ind.id), PageRef::Indicator(indicator));
            }
        }

        let theme_pages: Vec<&ThemeKind> = match theme {
            Some(_) => theme_pages(site).collect(),
            None => Vec::new(),
        };
        for kind in &theme_pages {
            let slugs = match (kind.slug, theme) {
                (Slug::Ui(key), Some(theme)) => theme.slugs(key, langs),
                (Slug::Statement, _) => {
                    slugs("accessibility", site.settings.accessibility.as_ref().map(|a| &a.slug), langs)
                }
                (Slug::Ui(_), None) => continue,
            };
            let paths = langs.iter().zip(&slugs).map(|(l, s)| format!("{l}/{s}/")).collect();
            let owner = |lang: Lang| match (kind.slug, theme) {
                (Slug::Ui(_), Some(theme)) => Owner::file(&theme.strings_file(lang)),
                _ => Owner::file(crate::config::CONFIG_FILE),
            };
            add(&mut routes, PageRef::Theme(kind.page), paths, &owner);
        }

        for (i, page) in site.pages.iter().enumerate() {
            let (dir, stem) = match page.key.rsplit_once('/') {
                Some((d, f)) => (format!("{d}/"), f),
                None => (String::new(), page.key.as_str()),
            };
            let stem = stem.trim_end_matches(".md");
            let paths = langs
                .iter()
                .map(|l| {
                    let slug = page.docs.get(l).and_then(|d| d.front.slug.clone()).unwrap_or_else(|| stem.to_owned());
                    format!("{l}/{dir}{slug}/")
                })
                .collect();
            // The text in the language at its `slug` line, if it has one; else
            // the text (or, in a language it has no text in, any of its texts).
            let owner = |lang: Lang| {
                let doc = page.docs.get(&lang);
                let slug = doc.and_then(|d| Some((d, crate::toml_file::key_span(&d.source.text, "slug")?)));
                match (slug, doc.or_else(|| page.docs.values().next())) {
                    (Some((doc, span)), _) => Owner::at(&doc.source, span),
                    (None, Some(doc)) => Owner::file(&doc.source.path.to_string_lossy()),
                    (None, None) => Owner::file(""),
                }
            };
            add(&mut routes, PageRef::Page(PageId(i)), paths, &owner);
            routes.keys.insert(page.key.clone(), PageRef::Page(PageId(i)));
        }
        let placed =
            |place: Place| theme_pages.iter().filter(move |k| k.place == place).map(|k| PageRef::Theme(k.page));
        routes.pages = std::iter::once(PageRef::Home)
            .chain(site.programmes.iter().enumerate().flat_map(|(pi, p)| {
                let goals = p.goals.iter().map(|&g| PageRef::Goal(g));
                let indicators = p.indicators.iter().map(|&i| PageRef::Indicator(i));
                std::iter::once(PageRef::Programme(ProgrammeId(pi))).chain(goals).chain(indicators)
            }))
            .chain(placed(Place::BeforeFreePages))
            .chain((0..site.pages.len()).map(|i| PageRef::Page(PageId(i))))
            .chain(placed(Place::Last))
            .collect();
        routes
    }

    /// The pages of the kinds the search index holds (each in every language).
    pub fn searched(&self) -> impl Iterator<Item = PageRef> + '_ {
        self.pages.iter().copied().filter(|p| p.kind().searched)
    }

    /// Whether the site has `page` (the theme pages a site has depend on its settings).
    pub fn has(&self, page: PageRef) -> bool {
        self.paths.contains_key(&page)
    }

    /// Every page of the site (each exists in every language), in the site's order.
    pub fn pages(&self) -> &[PageRef] {
        &self.pages
    }

    /// The path of `page` in `lang` under the site root, e.g. `sv/tillvaxt/`.
    pub fn path(&self, page: PageRef, lang: Lang) -> &str {
        let i = self.langs.iter().position(|&l| l == lang).unwrap_or(0);
        self.paths.get(&page).and_then(|p| p.get(i)).map_or("", String::as_str)
    }

    /// The path of `page` in the site's first language, which names the
    /// page in every language (the search index keeps it in one part by it).
    pub fn first_path(&self, page: PageRef) -> &str {
        self.paths.get(&page).and_then(|p| p.first()).map_or("", String::as_str)
    }

    /// The link to `page` in `lang`, from the host root (`/uppfoljning/sv/tillvaxt/`).
    pub fn url(&self, page: PageRef, lang: Lang) -> String {
        format!("{}{}", self.base_path, self.path(page, lang))
    }

    /// The absolute URL of `page` in `lang`.
    pub fn abs_url(&self, page: PageRef, lang: Lang) -> String {
        format!("{}{}", self.base_url, self.path(page, lang))
    }

    /// A link to a file at the site root (`style.css`), from the host root.
    pub fn asset_url(&self, rel: &str) -> String {
        format!("{}{rel}", self.base_path)
    }

    /// A link to a file of the edition (`data/x.csv`; `2024/data/x.csv` in
    /// the 2024 edition), from the host root.
    pub fn edition_url(&self, rel: &str) -> String {
        format!("{}{}{rel}", self.base_path, self.prefix)
    }

    /// Where the edition's files are under the site root (`2024/`, or nothing).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Resolves an `@/` link (without the `@/`) to a page and an optional `#fragment`.
    pub fn resolve(&self, target: &str) -> Result<(PageRef, Option<String>), LinkError> {
        let nowhere = |why: Message| LinkError::Nowhere { why, hint: None };
        let (key, fragment) = match target.split_once('#') {
            Some((k, f)) => (k, Some(f.to_owned())),
            None => (target, None),
        };
        let key = key.trim_start_matches('/');
        if key.split('/').any(|seg| seg == "..") {
            return Err(nowhere(msg!(LinkParentFolder)));
        }
        let key = if key.is_empty() { "_index.md" } else { key };
        let key = key.strip_suffix('/').map(|k| format!("{k}/{INDEX_STEM}.md")).unwrap_or_else(|| key.to_owned());
        let Some(&page) = self.keys.get(&key) else {
            // `_index.sv.md`: one language's text of a page that has a link of its own.
            if let Some(page_key) = page_of_text(&key).filter(|k| self.keys.contains_key(k)) {
                let hint = msg!(DidYouMeanLink, suggestion = page_key);
                return Err(LinkError::Nowhere { why: msg!(LinkToOneLanguage), hint: Some(hint) });
            }
            return Err(match self.unread.iter().any(|u| key == *u || (u.ends_with('/') && key.starts_with(u))) {
                true => LinkError::Unread,
                false => nowhere(msg!(LinkNoFile, file = format!("content/{key}"))),
            });
        };
        if let (PageRef::Programme(p), true, Some(goal)) = (page, key.ends_with(PROGRAMME_FILE), &fragment) {
            let Some(goal_page) = self.goals.get(&(p, goal.clone())) else {
                let mut goals: Vec<&str> =
                    self.goals.keys().filter(|(q, _)| *q == p).map(|(_, g)| g.as_str()).collect();
                goals.sort_unstable();
                let hint = match crate::text::nearest(goal, &goals) {
                    Some(best) => msg!(DidYouMeanLink, suggestion = format!("{key}#{best}")),
                    None => msg!(LinkGoalsAre, file = format!("content/{key}"), list = goals.join(", ")),
                };
                let why = msg!(LinkNoGoal, goal = goal, file = format!("content/{key}"));
                return Err(LinkError::Nowhere { why, hint: Some(hint) });
            };
            return Ok((*goal_page, None));
        }
        Ok((page, fragment))
    }

    /// All link keys, for "did you mean" hints.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.keys().map(String::as_str)
    }
}

/// The link key of the page whose text in one language `key` is
/// (`om.md` for `om.sv.md`), if it names a language's text.
pub fn page_of_text(key: &str) -> Option<String> {
    let (stem, code) = key.strip_suffix(".md")?.rsplit_once('.')?;
    Lang::new(code).map(|_| format!("{stem}.md"))
}

/// The link key of a content file that could not be read (`om.md` for
/// `content/om.sv.md`), or the folder of a programme whose `programme.toml`
/// could not be read (`tillvaxt/`).
fn unread_key(path: &std::path::Path) -> Option<String> {
    let rel = path.strip_prefix(crate::load::CONTENT_DIR).ok()?.to_string_lossy().replace('\\', "/");
    if let Some(dir) = rel.strip_suffix(PROGRAMME_FILE) {
        return Some(dir.to_owned());
    }
    match rel.strip_suffix(".md").and_then(|stem| stem.rsplit_once('.')) {
        Some((stem, _lang)) => Some(format!("{stem}.md")),
        None => Some(rel),
    }
}

/// The slug per language: the author's, or the id.
fn slugs(id: &str, given: Option<&Text>, langs: &[Lang]) -> Vec<String> {
    langs.iter().map(|l| given.and_then(|t| t.get(l)).unwrap_or(id).to_owned()).collect()
}
