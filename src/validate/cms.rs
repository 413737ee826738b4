//! `[cms]`: the git host the published browser editor saves to, with what
//! its login needs (GitLab: an OAuth application; GitHub: an OAuth proxy).

use std::sync::Arc;

use toml::Spanned;

use crate::config::{CmsBackendName, CmsSection};
use crate::model::{Cms, CmsBackend};
use crate::source::Source;

use super::Validator;

impl Validator<'_> {
    pub(super) fn cms(&mut self, c: &CmsSection, file: &Arc<Source>) -> Cms {
        let branch = c.branch.get_ref();
        if branch.is_empty() || branch.contains("..") || branch.chars().any(|ch| ch.is_whitespace() || ch == '~') {
            self.at(file, c.branch.span(), msg!(CmsBranch, branch = branch.as_str()));
        }
        let base_url = c.base_url.as_ref().and_then(|url| self.https(file, url, "base_url"));
        let Some(name) = &c.backend else {
            for (key, span) in [("repo", &c.repo), ("app_id", &c.app_id), ("base_url", &c.base_url)]
                .into_iter()
                .filter_map(|(key, v)| Some((key, v.as_ref()?.span())))
            {
                self.at(file, span, msg!(CmsNoBackend, key = key));
            }
            return Cms { backend: None, review: c.review };
        };
        let at = name.span();
        let repo = c.repo.as_ref().map(|r| r.get_ref().clone());
        if repo.is_none() {
            self.at(file, at.clone(), msg!(CmsNeedsRepo)).hint = Some(msg!(CmsNeedsRepoHint));
        }
        let app_id = c.app_id.as_ref().map(|a| a.get_ref().clone());
        match name.get_ref() {
            CmsBackendName::Gitlab if app_id.is_none() => {
                self.at(file, at.clone(), msg!(CmsGitlabNeedsAppId)).hint = Some(msg!(CmsGitlabNeedsAppIdHint));
            }
            CmsBackendName::Github if c.base_url.is_none() => {
                self.at(file, at.clone(), msg!(CmsGithubNeedsProxy)).hint = Some(msg!(CmsGithubNeedsProxyHint));
            }
            _ => {}
        }
        let backend = repo.map(|repo| CmsBackend {
            name: name.get_ref().as_str(),
            repo,
            branch: branch.clone(),
            base_url,
            app_id,
        });
        Cms { backend, review: c.review }
    }

    /// An address the editor's login goes to: https only.
    fn https(&mut self, file: &Arc<Source>, url: &Spanned<String>, key: &str) -> Option<String> {
        let u = url.get_ref();
        let ok = u.strip_prefix("https://").is_some_and(|rest| {
            !rest.is_empty()
                && !rest.starts_with('/')
                && !rest.chars().any(|c| c.is_whitespace() || "\"<>?#".contains(c))
        });
        if !ok {
            self.at(file, url.span(), msg!(CmsNotHttps, key = key, value = u.as_str()));
            return None;
        }
        Some(u.trim_end_matches('/').to_owned())
    }
}
