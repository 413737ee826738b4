//! The site-wide files rendered through the theme: the 404 page, the root
//! page that leads to the default language, `sitemap.xml` and `robots.txt`.

use minijinja::Value;

use crate::artifact::Artifact;
use crate::diagnostics::Diagnostic;
use crate::locale::{Lang, UiKey};
use crate::routes::PageRef;

use super::Renderer;

/// The language versions of each page of one edition, by their absolute URLs.
fn sitemap_pages(site: &crate::model::Site, routes: &crate::routes::Routes) -> Vec<Vec<(Lang, String)>> {
    let langs = site.settings.langs();
    routes.pages().iter().map(|&page| langs.iter().map(|&l| (l, routes.abs_url(page, l))).collect()).collect()
}

/// The sitemap's entries: each language version of each page with all of
/// its versions as alternates, made one at a time as the template takes
/// them (a large site's entries are not all held at once).
fn sitemap_entries(pages: Vec<Vec<(Lang, String)>>) -> Value {
    Value::make_object_iterable(pages, |pages| {
        Box::new(pages.iter().flat_map(|versions| {
            let alternates = || {
                let alternates = versions.iter().map(|(l, href)| minijinja::context! { lang => *l, href => href });
                Value::from(alternates.collect::<Vec<_>>())
            };
            versions.iter().map(move |(_, loc)| minijinja::context! { loc => loc, alternates => alternates() })
        }))
    })
}

impl Renderer<'_> {
    /// Renders the site-wide 404 page in the default language.
    pub fn render_404(&self) -> Result<String, Diagnostic> {
        let lang = self.site.settings.default_lang();
        let ctx = minijinja::context! {
            page => minijinja::context! {
                title => self.theme.i18n(lang).string(UiKey::NotFoundTitle),
                description => self.site.settings.description.tr(lang),
                url => self.routes.asset_url("404.html"),
                canonical => Value::from(()),
                is_home => false,
                is_search => false,
            },
            // The site-wide pages are no edition's.
            edition => minijinja::context! { archived => false, permalink => () },
            ..self.common(lang, None),
        };
        self.render_template("404.html", ctx)
    }

    /// The site-wide files: 404 page, root page, sitemap and robots.txt.
    /// The sitemap lists the pages of every edition, each with its
    /// language versions in that edition.
    pub fn render_site_files(&self) -> Result<Vec<Artifact>, Diagnostic> {
        let pages = self.editions.iter().flat_map(|&(site, routes)| sitemap_pages(site, routes)).collect();
        let entries = sitemap_entries(pages);
        let default = self.site.settings.default_lang();
        let root = minijinja::context! {
            target => self.routes.url(PageRef::Home, default),
            edition => minijinja::context! { archived => false, permalink => () },
            ..self.common(default, Some(PageRef::Home)),
        };
        let plain = minijinja::context! { site_url => self.routes.base_url(), entries => entries };
        Ok(vec![
            Artifact::new("404.html", self.render_404()?),
            Artifact::new("index.html", self.render_template("root.html", root)?),
            Artifact::new("sitemap.xml", self.render_template("sitemap.xml", plain.clone())?),
            Artifact::new("robots.txt", self.render_template("robots.txt", plain)?),
        ])
    }
}
