//! The admin page and its scripts: Decap CMS's bundle and smol-toml as
//! vendored (`vendor/`, with their versions and licences), goalsite's start
//! script and file formats (`admin/`), and the page that loads them, in the
//! site's first language (or the page saying the editor is not connected).

use std::borrow::Cow;

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
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex, nofollow\">\n<title>{title}</title>\n\
         <link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n<noscript><p>{noscript}</p></noscript>\n\
         <p id=\"goalsite-cms-failed\" role=\"alert\" hidden>{failed}</p>\n\
         {scripts}</body>\n</html>\n",
        title = escape(&msg!(CmsAdminTitle).text(lang)),
        noscript = escape(&msg!(CmsAdminNoscript).text(lang)),
        failed = escape(&msg!(CmsAdminFailed).text(lang)),
    )
}

/// One language's version of the page at `/admin/` of a site whose `[cms]`
/// names no git host yet.
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

/// The page at `/admin/` of a site whose `[cms]` names no git host yet, in
/// `versions[at]`'s language, with a link to the site's home page and (like
/// every page of the site) the other languages' versions as `hreflang`
/// alternates and a language switch.
pub fn not_connected(versions: &[NotConnected], at: usize) -> String {
    let this = &versions[at];
    let lang = this.lang;
    let alternates: String = versions
        .iter()
        .map(|v| format!("<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n", v.lang, escape(&v.abs_url)))
        .collect();
    let switch: String = versions
        .iter()
        .filter(|v| v.lang != lang)
        .map(|v| {
            format!(
                "<li><a href=\"{url}\" hreflang=\"{code}\" lang=\"{code}\">{name}</a></li>\n",
                url = escape(&v.url),
                code = v.lang,
                name = escape(v.name)
            )
        })
        .collect();
    let switch = if switch.is_empty() { String::new() } else { format!("<nav>\n<ul>\n{switch}</ul>\n</nav>\n") };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex, nofollow\">\n<title>{title}</title>\n\
         {alternates}<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n{switch}<main>\n\
         <h1>{title}</h1>\n<p>{text}</p>\n<p>{local}</p>\n<p><a href=\"{home}\">{back}</a></p>\n</main>\n</body>\n</html>\n",
        title = escape(&msg!(CmsNotConnectedTitle).text(lang)),
        text = escape(&msg!(CmsNotConnected).text(lang)),
        local = escape(&msg!(CmsNotConnectedLocal).text(lang)),
        home = escape(&this.home),
        back = escape(&msg!(CmsBackToSite).text(lang)),
    )
}
