//! The admin page and its scripts: Decap CMS's bundle and smol-toml as
//! vendored (`vendor/`, with their versions and licences), goalsite's start
//! script and file formats and the page that loads them (`admin/`), in the
//! site's first language; and what the theme's page saying the editor is
//! not connected shows.

use std::borrow::Cow;

use serde::Serialize;

use crate::locale::Lang;
use crate::text::escape;

/// The folder the editor is at, under the site root.
pub const ADMIN_DIR: &str = "admin";

/// The files of the admin folder besides its page and configuration: the
/// scripts the page loads, in its order, and the bundle's licences.
pub const SCRIPTS: [&str; 5] =
    ["goalsite-cms.js", "decap-cms.js", "smol-toml.js", "goalsite-format.js", "decap-cms.js.LICENSE.txt"];

const DECAP: &[u8] = include_bytes!("../../vendor/decap-cms/decap-cms.js");
const DECAP_LICENCES: &str = include_str!("../../vendor/decap-cms/decap-cms.js.LICENSE.txt");
const SMOL_TOML: &str = include_str!("../../vendor/smol-toml/smol-toml.cjs");
const START: &str = include_str!("admin/goalsite-cms.js");
const FORMAT: &str = include_str!("admin/goalsite-format.js");
/// The page the editor starts in (goalsite's own, as its scripts are: not the theme's).
const PAGE: &str = include_str!("admin/index.html");

/// The file `name` of the admin folder (not `index.html` and `config.yml`,
/// which are made for the site): its media type and bytes.
pub fn asset(name: &str) -> Option<(&'static str, Cow<'static, [u8]>)> {
    const JS: &str = "text/javascript; charset=utf-8";
    Some(match name {
        "decap-cms.js" => (JS, Cow::Borrowed(DECAP)),
        "decap-cms.js.LICENSE.txt" => ("text/plain; charset=utf-8", Cow::Borrowed(DECAP_LICENCES.as_bytes())),
        // smol-toml as npm ships it for CommonJS, made a script that sets `window.smolToml`.
        "smol-toml.js" => {
            let wrapped = format!(
                "(function () {{ var module = {{ exports: {{}} }}, exports = module.exports;\n{SMOL_TOML}\nwindow.smolToml = module.exports; }})();\n"
            );
            (JS, Cow::Owned(wrapped.into_bytes()))
        }
        "goalsite-cms.js" => (JS, Cow::Borrowed(START.as_bytes())),
        "goalsite-format.js" => (JS, Cow::Borrowed(FORMAT.as_bytes())),
        _ => return None,
    })
}

/// The admin page: Decap CMS starts in it once goalsite's start script has
/// read the configuration. No inline script or style (the policy in
/// docs/deploy.md allows no inline script).
pub fn page(lang: Lang) -> String {
    let scripts: String =
        SCRIPTS.iter().filter(|s| s.ends_with(".js")).map(|s| format!("<script src=\"{s}\"></script>\n")).collect();
    PAGE.replace("{{lang}}", lang.as_str())
        .replace("{{title}}", &escape(&msg!(CmsAdminTitle).text(lang)))
        .replace("{{noscript}}", &escape(&msg!(CmsAdminNoscript).text(lang)))
        .replace("{{failed}}", &escape(&msg!(CmsAdminFailed).text(lang)))
        .replace("{{scripts}}", &scripts)
}

/// The theme's template of the page at `/admin/` of a site whose `[cms]`
/// names no git host yet.
pub const NOT_CONNECTED: &str = "admin-not-connected.html";

/// One language's version of the page at `/admin/` of a site whose `[cms]`
/// names no git host yet.
#[derive(Serialize)]
pub struct NotConnected<'a> {
    pub lang: Lang,
    /// The link to the site's home page in `lang`.
    pub home: String,
    /// The version's own address, from the host root (`/uppfoljning/admin/en/`).
    pub url: String,
    /// Its absolute address, for the search engines' `hreflang`.
    pub abs_url: String,
    /// The language's name in itself, for the language switch (`English`).
    pub name: &'a str,
}

/// What [`NOT_CONNECTED`] shows in `versions[at]`'s language: goalsite's
/// words for it, the link home, and every version (for the `hreflang`
/// alternates and the language switch).
pub fn not_connected(versions: &[NotConnected], at: usize) -> minijinja::Value {
    let this = &versions[at];
    let lang = this.lang;
    minijinja::context! {
        lang => lang,
        title => msg!(CmsNotConnectedTitle).text(lang),
        text => msg!(CmsNotConnected).text(lang),
        local => msg!(CmsNotConnectedLocal).text(lang),
        home => &this.home,
        back => msg!(CmsBackToSite).text(lang),
        versions => minijinja::Value::from(minijinja::value::Serde(versions)),
    }
}
