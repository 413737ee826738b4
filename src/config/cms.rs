//! `[cms]` in `site.toml` as written: the browser editor published with the
//! site at `/admin/`, and the git host it saves to.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// `[cms]`: publish the browser editor (Decap CMS) at `/admin/`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "cms", description = en_sv!(
    "Editing in the browser: publishes the editor at /admin/, saving to the site's git repository (goalsite serve always has it, saving to the files on this computer)",
    "Redigering i webbläsaren: publicerar redigeringen på /admin/, som sparar i webbplatsens git-arkiv (goalsite serve har den alltid, och sparar då i filerna på datorn)"
))]
#[schemars(extend("dependencies" = {
    "backend": {
        "description": en_sv!(
            "With a backend, the editor needs the repository, and GitLab its OAuth application (app_id), GitHub its OAuth proxy (base_url)",
            "Med en backend behöver redigeringen arkivet, och GitLab sin OAuth-applikation (app_id), GitHub sin OAuth-proxy (base_url)"
        ),
        "required": ["repo"],
    },
}))]
pub struct CmsSection {
    /// Where the site's files are kept; without it, `/admin/` says the editor
    /// is not connected yet.
    #[schemars(with = "Option<CmsBackendName>")]
    #[schemars(description = en_sv!(
        "The git host the site's files are kept on: gitlab (login with PKCE, no server needed) or github (needs an OAuth proxy); without it, /admin/ says the editor is not connected yet",
        "Git-servern där webbplatsens filer finns: gitlab (inloggning med PKCE, ingen server behövs) eller github (behöver en OAuth-proxy); utan den säger /admin/ att redigeringen inte är kopplad än"
    ))]
    pub backend: Option<Spanned<CmsBackendName>>,
    /// `group/project` on GitLab, `owner/repository` on GitHub.
    #[schemars(with = "Option<String>", regex(pattern = "^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$"))]
    #[schemars(extend("examples" = ["kommunikation/uppfoljning"]))]
    #[schemars(description = en_sv!(
        "The repository: group/project on GitLab, owner/repository on GitHub",
        "Arkivet: grupp/projekt på GitLab, ägare/arkiv på GitHub"
    ))]
    pub repo: Option<Spanned<String>>,
    #[serde(default = "default_branch")]
    #[schemars(with = "String", extend("default" = "main"))]
    #[schemars(description = en_sv!(
        "The branch the published site is built from",
        "Grenen som den publicerade webbplatsen byggs från"
    ))]
    pub branch: Spanned<String>,
    /// GitLab: the address of the GitLab server; GitHub: the OAuth proxy's.
    #[schemars(with = "Option<String>", regex(pattern = "^https://[^/\\s?#\"<>]+(/[^\\s?#\"<>]*)?$"))]
    #[schemars(extend("examples" = ["https://gitlab.example.se"]))]
    #[schemars(description = en_sv!(
        "GitLab: the server's address (default https://gitlab.com); GitHub: the address of the OAuth proxy that logs editors in",
        "GitLab: serverns adress (standard https://gitlab.com); GitHub: adressen till OAuth-proxyn som loggar in redaktörerna"
    ))]
    pub base_url: Option<Spanned<String>>,
    /// GitLab: the application id of the OAuth application (PKCE login).
    #[schemars(with = "Option<String>")]
    #[schemars(description = en_sv!(
        "GitLab: the Application ID of the site's OAuth application (scope api, redirect URI the site's /admin/)",
        "GitLab: Application ID för webbplatsens OAuth-applikation (scope api, omdirigerings-URI webbplatsens /admin/)"
    ))]
    pub app_id: Option<Spanned<String>>,
    /// Every change as a merge request that someone approves before it is
    /// published (Decap's editorial workflow); on unless set to false.
    #[serde(default = "yes")]
    #[schemars(extend("default" = true))]
    #[schemars(description = en_sv!(
        "Review before publishing: every change becomes a merge request that someone approves (true, the default), or is saved straight to the branch (false)",
        "Granskning före publicering: varje ändring blir en merge request som någon godkänner (true, standard), eller sparas direkt i grenen (false)"
    ))]
    pub review: bool,
}

/// The git hosts the published editor can save to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(inline)]
pub enum CmsBackendName {
    Gitlab,
    Github,
}

impl CmsBackendName {
    /// The name Decap CMS gives the backend.
    pub fn as_str(self) -> &'static str {
        match self {
            CmsBackendName::Gitlab => "gitlab",
            CmsBackendName::Github => "github",
        }
    }
}

fn default_branch() -> Spanned<String> {
    Spanned::new(0..0, "main".into())
}

fn yes() -> bool {
    true
}
