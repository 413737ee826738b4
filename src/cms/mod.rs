//! The browser editor: Decap CMS (vendored and pinned in `vendor/`),
//! configured by goalsite from the site's own model and the same description
//! of the formats as the JSON Schemas, in the site's first language.
//! `goalsite serve` offers it at `/admin/`, saving to the files on this
//! computer; a site with `[cms]` publishes it at `/admin/`, saving to its git
//! host. `collections` makes the editor's collections from the site,
//! `fields` a form's fields from the schemas, `assets` the admin page and
//! its scripts.

mod assets;
mod collections;
mod fields;

use std::path::Path;

use serde_json::{json, Value};

use crate::artifact::Artifact;
use crate::diagnostics::Diagnostic;
use crate::locale::Lang;
use crate::model::{CmsBackend, Site, ValueStatus};
use crate::render::Renderer;
use crate::routes::Routes;
use crate::theme::Theme;

pub use assets::{asset, page, ADMIN_DIR};

/// What a build publishes of the browser editor (`[cms]` in `site.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admin {
    /// Nothing: the site has no `[cms]`.
    None,
    /// The editor at `admin/`, saving to the site's git host.
    Editor,
    /// Only a page at `admin/` saying the editor is not connected yet (`[cms]` without a backend).
    NotConnected,
}

impl Admin {
    pub fn of(site: &Site) -> Admin {
        match &site.settings.cms {
            None => Admin::None,
            Some(cms) if cms.backend.is_some() => Admin::Editor,
            Some(_) => Admin::NotConnected,
        }
    }
}

/// Where the editor saves.
#[derive(Debug, Clone, Copy)]
pub enum Saves<'a> {
    /// To the files on this computer, through `goalsite serve` at `api`
    /// (an absolute URL with the session's token), for the preview at `site_url`.
    Local { api: &'a str, site_url: &'a str, host: &'a str },
    /// To the site's git host.
    Published(&'a CmsBackend),
}

/// The site whose editor is made: its files' folder, the site read and
/// checked, its pages' addresses and its theme (for the words of the kinds
/// of figure).
#[derive(Clone, Copy)]
pub struct Edited<'a> {
    pub root: &'a Path,
    pub site: &'a Site,
    pub routes: &'a Routes,
    pub theme: &'a Theme,
}

/// Decap CMS's configuration for `edited`, as JSON (which is YAML too),
/// its labels and hints in the site's first language.
pub fn config(edited: Edited, saves: Saves) -> Value {
    let settings = &edited.site.settings;
    let lang = settings.default_lang();
    let forms = fields::Forms {
        lang: if lang.as_str() == "sv" { "sv" } else { "en" },
        languages: settings.languages.iter().map(|l| (l.code.to_string(), l.name.clone())).collect(),
        value_status: [ValueStatus::Measured, ValueStatus::Derived, ValueStatus::Estimated, ValueStatus::Preliminary]
            .into_iter()
            .map(|s| (s.as_str().to_owned(), edited.theme.i18n(lang).string(s.word())))
            .collect(),
        order: collections::declared_orders(),
    };
    let sources = collections::Sources {
        root: edited.root,
        site: edited.site,
        routes: edited.routes,
        forms: &forms,
        said_in: said_in(edited.site),
        schemas: crate::schemas::json_schemas(),
        front_matter: crate::schemas::front_matter_schema().json,
    };
    let review = settings.cms.as_ref().is_some_and(|c| c.review);
    let mut config = json!({
        "locale": decap_locale(lang),
        "media_folder": "content/media",
        "publish_mode": if review { "editorial_workflow" } else { "simple" },
        "collections": sources.collections(),
        "goalsite": {
            "languages": forms.languages.iter().map(|(code, _)| code.as_str()).collect::<Vec<_>>(),
            "markdown": collections::MARKDOWN,
        },
    });
    let site_url = match saves {
        Saves::Local { api, site_url, host } => {
            config["backend"] = json!({ "name": "proxy", "proxy_url": api, "branch": "main" });
            config["local_backend"] = json!({ "url": api, "allowed_hosts": [host] });
            site_url
        }
        Saves::Published(backend) => {
            config["backend"] = published_backend(backend);
            &settings.base_url
        }
    };
    config["site_url"] = site_url.into();
    config["display_url"] = site_url.into();
    config
}

/// Decap's backend settings for the site's git host.
fn published_backend(b: &CmsBackend) -> Value {
    match b.name {
        "gitlab" => {
            let base = b.base_url.as_deref().unwrap_or("https://gitlab.com");
            json!({
                "name": "gitlab",
                "repo": b.repo,
                "branch": b.branch,
                "auth_type": "pkce",
                "app_id": b.app_id,
                "base_url": base,
                "api_root": format!("{base}/api/v4"),
            })
        }
        name => json!({ "name": name, "repo": b.repo, "branch": b.branch, "base_url": b.base_url }),
    }
}

/// The locale of Decap's own interface for a site whose first language is
/// `lang` (English where Decap has none).
fn decap_locale(lang: Lang) -> &'static str {
    const DECAP: &[&str] = &[
        "bg", "ca", "cs", "da", "de", "en", "es", "fa", "fr", "he", "hr", "hu", "it", "ja", "ko", "lt", "mk", "nl",
        "pl", "pt", "ro", "ru", "sk", "sl", "sv", "th", "tr", "uk", "vi",
    ];
    match lang.as_str() {
        "nb" | "no" => "nb_no",
        "nn" => "nn_no",
        "el" => "gr",
        code => DECAP.iter().copied().find(|d| *d == code).unwrap_or("en"),
    }
}

/// The language goalsite's words in the editor are in: the site's first,
/// where goalsite speaks it.
fn said_in(site: &Site) -> Lang {
    let first = site.settings.default_lang();
    if crate::messages::speaks(first) {
        first
    } else {
        Lang::known(crate::messages::FALLBACK)
    }
}

/// What a site with `[cms]` publishes at `admin/`: the editor, configured
/// to save to its git host, or without one a page that says it is not
/// connected yet. Nothing without `[cms]`. Only the configuration follows
/// the content; the rest (pages, scripts) follows the frame and is left out
/// unless `frame_too` (an output changed in place already has it).
pub fn published(edited: Edited, frame_too: bool, renderer: &Renderer) -> Result<Vec<Artifact>, Diagnostic> {
    let Some(cms) = &edited.site.settings.cms else { return Ok(Vec::new()) };
    let lang = said_in(edited.site);
    let Some(backend) = &cms.backend else {
        return if frame_too { not_connected(edited, lang, renderer) } else { Ok(Vec::new()) };
    };
    let config = config(edited, Saves::Published(backend));
    let mut files = vec![Artifact::new(
        format!("{ADMIN_DIR}/config.yml"),
        serde_json::to_string_pretty(&config).unwrap_or_default(),
    )];
    if frame_too {
        files.push(Artifact::new(format!("{ADMIN_DIR}/index.html"), page(lang)));
        files.extend(assets::SCRIPTS.iter().filter_map(|name| {
            let (_, bytes) = asset(name)?;
            Some(Artifact::new(format!("{ADMIN_DIR}/{name}"), bytes.into_owned()))
        }));
    }
    Ok(files)
}

/// The page saying the editor is not connected yet (the theme's
/// `admin-not-connected.html`): at `admin/` in `first` (the language
/// goalsite's words in the editor are in), and at `admin/<code>/` in each
/// other language of the site that goalsite's messages speak, each version
/// linking to the others as the site's pages do.
fn not_connected(edited: Edited, first: Lang, renderer: &Renderer) -> Result<Vec<Artifact>, Diagnostic> {
    let settings = &edited.site.settings;
    let mut langs = vec![first];
    langs.extend(settings.languages.iter().map(|l| l.code).filter(|&l| l != first && crate::messages::speaks(l)));
    let versions: Vec<assets::NotConnected> = langs
        .iter()
        .map(|code| {
            let lang = *code;
            let dir = if lang == first { format!("{ADMIN_DIR}/") } else { format!("{ADMIN_DIR}/{lang}/") };
            // The home page in the language, or the site's first where the site has no such language.
            let home_lang =
                if settings.languages.iter().any(|l| l.code == lang) { lang } else { settings.default_lang() };
            let name = settings.languages.iter().find(|l| l.code == lang).map_or(code.as_str(), |l| l.name.as_str());
            assets::NotConnected {
                lang,
                home: edited.routes.url(crate::pages::PageRef::Home, home_lang),
                url: edited.routes.asset_url(&dir),
                abs_url: format!("{}{dir}", edited.routes.base_url()),
                name,
            }
        })
        .collect();
    (0..versions.len())
        .map(|i| {
            let dir = if i == 0 { String::new() } else { format!("{}/", versions[i].lang) };
            let page = renderer.render_template(assets::NOT_CONNECTED, assets::not_connected(&versions, i))?;
            Ok(Artifact::new(format!("{ADMIN_DIR}/{dir}index.html"), page))
        })
        .collect()
}
