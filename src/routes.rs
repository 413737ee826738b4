//! Routes: the one place that decides every page's URL in every language, and
//! resolves the `@/…` links authors write to those URLs.

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::load::{INDEX_STEM, INDICATORS_DIR, PROGRAMME_FILE};
use crate::model::Content;
use crate::text::Text;

/// A page of the site, independent of language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageRef {
    Home,
    Programme(usize),
    Goal(usize, usize),
    Indicator(usize, usize),
    Page(usize),
    /// The accessibility statement from `site.toml`.
    Statement,
}

/// Every page's path per language, and the link keys that lead to them.
#[derive(Debug, Clone)]
pub struct Routes {
    langs: Vec<String>,
    base_url: String,
    base_path: String,
    /// Path under the site root, per page, in the order of `langs` (`sv/tillvaxt/`).
    paths: HashMap<PageRef, Vec<String>>,
    /// `@/` link keys (`tillvaxt/_index.md`) to pages.
    keys: HashMap<String, PageRef>,
    /// Goal ids to goals, for `@/<programme>/programme.toml#<goal>` links.
    goals: HashMap<(usize, String), PageRef>,
}

impl Routes {
    /// Computes all routes. Invalid slugs and two pages on one URL become diagnostics.
    /// `statement_slug` is the accessibility statement's slug per language, if the site has one.
    pub fn new(
        content: &Content,
        langs: &[String],
        base_url: &str,
        statement_slug: Option<&Text>,
    ) -> (Routes, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let base_url = normalise_base_url(base_url);
        let base_path = base_path_of(&base_url);
        let mut routes = Routes {
            langs: langs.to_vec(),
            base_url,
            base_path,
            paths: HashMap::new(),
            keys: HashMap::new(),
            goals: HashMap::new(),
        };
        let mut owners: HashMap<String, String> = HashMap::new();
        let mut add = |routes: &mut Routes, page: PageRef, paths: Vec<String>, owner: &str| {
            for path in &paths {
                if let Some(first) = owners.insert(path.clone(), owner.to_owned()) {
                    problems.push(
                        Diagnostic::error(owner.as_ref(), format!("two pages have the same address /{path}"))
                            .with_hint(format!("the other is {first}; give one of them another slug")),
                    );
                }
            }
            routes.paths.insert(page, paths);
        };

        let home: Vec<String> = langs.iter().map(|l| format!("{l}/")).collect();
        add(&mut routes, PageRef::Home, home, "content/");
        routes.keys.insert(format!("{INDEX_STEM}.md"), PageRef::Home);
        if let Some(slug) = statement_slug {
            let paths =
                slugs("accessibility", Some(slug), langs).iter().zip(langs).map(|(s, l)| format!("{l}/{s}/")).collect();
            add(&mut routes, PageRef::Statement, paths, crate::config::CONFIG_FILE);
        }

        for (pi, p) in content.programmes.iter().enumerate() {
            let file = p.file.path.to_string_lossy().into_owned();
            let pslugs = slugs(&p.id, p.data.slug.as_ref().map(|s| s.get_ref()), langs);
            let prefix: Vec<String> = langs.iter().zip(&pslugs).map(|(l, s)| format!("{l}/{s}/")).collect();
            add(&mut routes, PageRef::Programme(pi), prefix.clone(), &file);
            routes.keys.insert(format!("{}/{INDEX_STEM}.md", p.id), PageRef::Programme(pi));
            routes.keys.insert(format!("{}/{PROGRAMME_FILE}", p.id), PageRef::Programme(pi));
            for (gi, g) in p.data.goals.iter().enumerate() {
                let gs = slugs(g.id.get_ref(), g.slug.as_ref().map(|s| s.get_ref()), langs);
                let paths = prefix.iter().zip(gs).map(|(pre, s)| format!("{pre}{s}/")).collect();
                add(&mut routes, PageRef::Goal(pi, gi), paths, &file);
                routes.goals.insert((pi, g.id.get_ref().clone()), PageRef::Goal(pi, gi));
            }
            for (ii, ind) in p.indicators.iter().enumerate() {
                let is = slugs(&ind.id, ind.data.slug.as_ref().map(|s| s.get_ref()), langs);
                let paths = prefix.iter().zip(is).map(|(pre, s)| format!("{pre}{s}/")).collect();
                add(&mut routes, PageRef::Indicator(pi, ii), paths, &ind.file.path.to_string_lossy());
                routes.keys.insert(format!("{}/{INDICATORS_DIR}/{}.toml", p.id, ind.id), PageRef::Indicator(pi, ii));
            }
        }

        for (i, page) in content.pages.iter().enumerate() {
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
            let owner = page.docs.values().next().map(|d| d.path.to_string_lossy().into_owned()).unwrap_or_default();
            add(&mut routes, PageRef::Page(i), paths, &owner);
            routes.keys.insert(page.key.clone(), PageRef::Page(i));
        }
        (routes, problems)
    }

    /// The path of `page` in `lang` under the site root, e.g. `sv/tillvaxt/`.
    pub fn path(&self, page: PageRef, lang: &str) -> &str {
        let i = self.langs.iter().position(|l| l == lang).unwrap_or(0);
        self.paths.get(&page).and_then(|p| p.get(i)).map_or("", String::as_str)
    }

    /// The link to `page` in `lang`, from the host root (`/uppfoljning/sv/tillvaxt/`).
    pub fn url(&self, page: PageRef, lang: &str) -> String {
        format!("{}{}", self.base_path, self.path(page, lang))
    }

    /// The absolute URL of `page` in `lang`.
    pub fn abs_url(&self, page: PageRef, lang: &str) -> String {
        format!("{}{}", self.base_url, self.path(page, lang))
    }

    /// A link to a file at the site root (`style.css`), from the host root.
    pub fn asset_url(&self, rel: &str) -> String {
        format!("{}{rel}", self.base_path)
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Resolves an `@/` link (without the `@/`) to a page and an optional `#fragment`.
    pub fn resolve(&self, target: &str) -> Result<(PageRef, Option<String>), String> {
        let (key, fragment) = match target.split_once('#') {
            Some((k, f)) => (k, Some(f.to_owned())),
            None => (target, None),
        };
        let key = key.trim_start_matches('/');
        if key.split('/').any(|seg| seg == "..") {
            return Err("links may not use .. : write the path from the content folder".into());
        }
        let key = if key.is_empty() { "_index.md" } else { key };
        let key = key.strip_suffix('/').map(|k| format!("{k}/{INDEX_STEM}.md")).unwrap_or_else(|| key.to_owned());
        let page = *self.keys.get(&key).ok_or_else(|| format!("no content file content/{key}"))?;
        if let (PageRef::Programme(pi), true, Some(goal)) = (page, key.ends_with(PROGRAMME_FILE), &fragment) {
            let goal_page =
                self.goals.get(&(pi, goal.clone())).ok_or_else(|| format!("no goal `{goal}` in content/{key}"))?;
            return Ok((*goal_page, None));
        }
        Ok((page, fragment))
    }

    /// All link keys, for "did you mean" hints.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.keys().map(String::as_str)
    }
}

/// The slug per language: the author's, or the id.
fn slugs(id: &str, given: Option<&Text>, langs: &[String]) -> Vec<String> {
    langs.iter().map(|l| given.and_then(|t| t.get(l)).unwrap_or(id).to_owned()).collect()
}

/// Whether `url` can be the site's address: `http(s)://host/optional/path/`,
/// without spaces, query or fragment. `Err` says what is wrong.
pub fn check_base_url(url: &str) -> Result<(), String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest else { return Err("must start with https:// or http://".into()) };
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() {
        return Err("has no host name".into());
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) || url.contains(['?', '#', '"', '<', '>']) {
        return Err("may not contain spaces, quotes, ? or #".into());
    }
    Ok(())
}

/// Makes sure the base URL ends with one `/`.
pub fn normalise_base_url(url: &str) -> String {
    format!("{}/", url.trim().trim_end_matches('/'))
}

/// The path part of a base URL: `https://x.se/uppfoljning/` → `/uppfoljning/`.
fn base_path_of(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_owned(),
        None => "/".to_owned(),
    }
}

/// Whether a slug is safe in a URL: lowercase letters, digits and `-`.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// A valid slug made from any text (`Örnsköldsvik` → `ornskoldsvik`).
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_comes_from_the_base_url() {
        assert_eq!(base_path_of("https://www.umea.se/uppfoljning/"), "/uppfoljning/");
        assert_eq!(base_path_of(&normalise_base_url("https://example.org")), "/");
    }

    #[test]
    fn base_urls_are_checked() {
        assert!(check_base_url("https://www.umea.se/uppfoljning/").is_ok());
        assert!(check_base_url("http://localhost:8000").is_ok());
        assert!(check_base_url("www.umea.se").is_err());
        assert!(check_base_url("http://h/a b/").is_err());
        assert!(check_base_url("https://h/?x=1").is_err());
        assert!(check_base_url("https:///path").is_err());
    }

    #[test]
    fn slugify_handles_swedish_letters() {
        assert_eq!(slugify("Örnsköldsvik – Tillväxt 2024!"), "ornskoldsvik-tillvaxt-2024");
        assert!(is_valid_slug("klimatneutrala-umea-2040"));
        assert!(!is_valid_slug("tillväxt"));
        assert!(!is_valid_slug("a b"));
    }
}
