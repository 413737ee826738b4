//! Reading and checking a site before anything is rendered: the current
//! edition, and every earlier one rebuilt from its archived sources, each a
//! checked site with its routes. What a new year makes stale, and changes to
//! what an earlier edition published, are found here.

use std::path::Path;
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, Problems};
use crate::editions::{self, Archived, History};
use crate::load::KnownFiles;
use crate::locale::Lang;
use crate::model::{Edition as EditionInfo, Settings, Site};
use crate::routes::Routes;
use crate::source::Source;
use crate::theme::Theme;

/// One edition, checked and ready to render.
pub struct Edition {
    pub site: Site,
    pub routes: Routes,
    /// Its own theme when its languages differ from the current edition's.
    theme: Option<Theme>,
}

/// A site read and checked, ready to render: its editions, oldest first,
/// the current one last.
pub struct Prepared {
    pub editions: Vec<Edition>,
    /// The current edition's theme (and every edition's with its languages).
    pub theme: Theme,
    /// Content files read.
    pub content_files: usize,
    /// The warnings found.
    pub problems: Problems,
}

impl Prepared {
    pub fn current(&self) -> &Edition {
        self.editions.last().expect("the current edition")
    }

    /// The theme `edition` is rendered with.
    pub fn theme_of<'a>(&'a self, edition: &'a Edition) -> &'a Theme {
        edition.theme.as_ref().unwrap_or(&self.theme)
    }
}

/// The current edition's `site.toml`, read.
struct Config {
    config: SiteConfig,
    source: Arc<Source>,
    langs: Vec<Lang>,
}

/// Reads and checks the site at `root` (`base_url` overriding `site.toml`'s):
/// everything before rendering. `Err` lists every problem found, the
/// Markdown's too.
pub fn prepare(root: &Path, base_url: Option<&str>, known: Option<&KnownFiles>) -> Result<Prepared, Diagnostics> {
    let (mut config, source) = SiteConfig::load(root).map_err(Diagnostics::one)?;
    if let Some(url) = base_url {
        config.base_url = toml::Spanned::new(0..0, url.to_owned());
    }
    let language_problems = config.language_problems(&source);
    if !language_problems.is_empty() {
        return Err(Diagnostics::new(language_problems));
    }
    let current = Config { langs: config.langs(), config, source };
    let mut problems = Problems::new();
    let theme = Theme::load(root, &current.config.theme, &current.source, &current.langs, &mut problems);
    let archived = editions::find(root, &mut problems);
    editions::check_listed(root, (&current.config, &current.source), &archived, &mut problems);
    let mut earlier: Vec<(Site, Option<Theme>)> =
        archived.iter().filter_map(|a| prepare_archived(root, a, &current, &mut problems)).collect();
    let sites: Vec<(i32, &Site)> = earlier.iter().map(|(site, _)| (site.settings.report_year, site)).collect();
    let history = History::of(&sites);
    let loaded = crate::load::load(root, &current.langs, known, &mut problems);
    let content_files = loaded.file_count();
    let mut site = crate::validate::validate(root, &current.config, &current.source, loaded, &history, &mut problems);
    site.edition = EditionInfo { earlier: archived.iter().map(|a| a.year).collect(), ..EditionInfo::default() };
    if let Some(latest) = archived.last() {
        editions::check_stale(root, latest, &site, &mut problems);
    }
    for (archived_site, _) in &mut earlier {
        follow_current(&mut archived_site.settings, &site.settings);
        corrected(archived_site, &site);
    }
    let Some(theme) = theme else { return Err(problems.finish()) };
    problems.extend(theme.check_accent(&current.config, &current.source));
    let mut editions: Vec<Edition> = earlier
        .into_iter()
        .map(|(site, own_theme)| {
            let routes = Routes::new(&site, Some(own_theme.as_ref().unwrap_or(&theme)), &mut problems);
            Edition { site, routes, theme: own_theme }
        })
        .collect();
    let routes = Routes::new(&site, Some(&theme), &mut problems);
    editions.push(Edition { site, routes, theme: None });
    if problems.has_errors() {
        // Report the Markdown's problems too, so one run lists everything.
        let current = editions.last().expect("the current edition");
        super::check_markdown(&current.site, &current.routes, &theme, &mut problems);
        return Err(problems.finish());
    }
    Ok(Prepared { editions, theme, content_files, problems })
}

/// The edition `archived`, read from its sources and checked. Its errors
/// are reported (under its folder); its warnings were there when it was
/// published and are not. `None` when it cannot be rendered.
fn prepare_archived(
    root: &Path,
    archived: &Archived,
    current: &Config,
    problems: &mut Problems,
) -> Option<(Site, Option<Theme>)> {
    archived.verify(root, problems);
    let sources = root.join(&archived.dir);
    let mut own = Problems::new();
    let site = (|| {
        let (config, source) = own.take(SiteConfig::load(&sources))?;
        own.extend(config.language_problems(&source));
        let langs = config.langs();
        let theme = match langs == current.langs {
            true => None,
            false => Some(Theme::load(root, &current.config.theme, &current.source, &langs, &mut own)?),
        };
        let loaded = crate::load::load(&sources, &langs, None, &mut own);
        let mut site = crate::validate::validate(root, &config, &source, loaded, &History::default(), &mut own);
        site.edition = EditionInfo {
            archived: true,
            published: Some(archived.manifest.published.to_string()),
            earlier: Vec::new(),
            corrections: archived.corrections.iter().map(|c| (c.date.to_string(), c.note.clone())).collect(),
        };
        Some((site, theme))
    })();
    let errors = own.into_errors();
    let failed = site.is_none() || !errors.is_empty();
    problems.extend(errors.into_iter().map(|d| in_edition(archived.year, d)));
    site.filter(|_| !failed)
}

/// A problem found in the sources of the `year` edition, named under its
/// folder (`editions/2024/content/…`).
pub fn in_edition(year: i32, mut d: Diagnostic) -> Diagnostic {
    d.file = format!("{}/{year}/{}", editions::EDITIONS_DIR, d.file);
    d
}

/// An earlier edition's content is as it was published, but it is shown in
/// the current site's frame: its address, logo, colours, footer and
/// downloads. It has no search of its own.
fn follow_current(archived: &mut Settings, current: &Settings) {
    archived.base_url = current.base_url.clone();
    archived.branding = current.branding.clone();
    archived.footer = current.footer.clone();
    archived.accessibility = current.accessibility.clone();
    archived.png_downloads = current.png_downloads;
    archived.search = false;
}

/// Corrections of the archived edition's assessments, made since in the
/// current content with a note: shown in the archived edition too.
fn corrected(archived: &mut Site, current: &Site) {
    for goal in &mut archived.goals {
        let Some(now) = current.goals.iter().find(|g| g.id == goal.id) else { continue };
        for a in &mut goal.assessments {
            let Some(fixed) = now.assessment_for(a.year).filter(|f| f.correction.is_some()) else { continue };
            let status = &current.settings.scale[fixed.step].id;
            if let Some(step) = archived.settings.scale.iter().position(|s| s.id == *status) {
                a.step = step;
            }
            a.motivation = fixed.motivation.clone();
            a.correction = fixed.correction.clone();
        }
    }
}
