//! Links in Markdown: `@/` paths resolved to the page in the text's
//! language (nearest matches suggested when they lead nowhere), `#anchors`
//! kept for the checks after rendering, and other addresses checked for
//! safe schemes.

use std::ops::Range;

use pulldown_cmark::CowStr;

use crate::diagnostics::Severity;
use crate::messages::Message;
use crate::routes::{page_of_text, LinkError};
use crate::text::{nearest, scheme, SAFE_SCHEMES};

use super::{FragmentLink, Rewriter};

/// Broken `@/` links per document that get a "did you mean" hint; finding
/// the nearest key costs as much as the site has pages.
const HINTED_LINKS: usize = 100;

/// Whether a link without a scheme goes to a content file (`rapport.md`,
/// `../tillvaxt/_index.sv.md#mal`), which is not published.
fn source_file(dest: &str) -> bool {
    let path = dest.split(['#', '?']).next().unwrap_or(dest).to_ascii_lowercase();
    path.ends_with(".md") || path.ends_with(".toml")
}

/// `path` with its `.` and `..` folders walked, written with `/`, as a link
/// key (the page's, not one language's text: `om.md` for `om.sv.md`).
fn normalised(path: &std::path::Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(name) => parts.push(name.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    let key = parts.join("/");
    page_of_text(&key).unwrap_or(key)
}

impl<'a> Rewriter<'a> {
    /// Where a link leads, as the page writes it.
    pub(super) fn link(&mut self, dest: CowStr<'a>, range: Range<usize>) -> CowStr<'a> {
        if let Some(fragment) = dest.strip_prefix('#') {
            self.fragments.push(FragmentLink { target: None, fragment: fragment.to_owned(), span: range });
            return match self.rules.nesting.id_prefix.as_str() {
                "" => dest,
                prefix => format!("#{prefix}{fragment}").into(),
            };
        }
        let Some(target) = dest.strip_prefix("@/") else {
            self.check_plain_link(&dest, range);
            return dest;
        };
        match self.routes.resolve(target) {
            Ok((page, fragment)) => {
                let url = match self.rules.nesting.absolute_links {
                    true => self.routes.abs_url(page, self.doc.lang),
                    false => self.routes.url(page, self.doc.lang),
                };
                match fragment {
                    Some(f) => {
                        let link = format!("{url}#{f}").into();
                        self.fragments.push(FragmentLink { target: Some(page), fragment: f, span: range });
                        link
                    }
                    None => url.into(),
                }
            }
            Err(LinkError::Unread) => dest,
            Err(LinkError::Nowhere { why, hint }) => {
                self.broken_links += 1;
                let hint = hint.unwrap_or_else(|| self.nearest_key(target));
                self.problem(range, why.arg("target", target)).hint = Some(hint);
                dest
            }
        }
    }

    /// A hint for an `@/` link to no content file: the nearest link key (for
    /// the first few broken links), or how such a link is written.
    fn nearest_key(&self, target: &str) -> Message {
        let keys: Vec<&str> = match self.broken_links <= HINTED_LINKS {
            true => self.routes.keys().collect(),
            false => Vec::new(),
        };
        let key = target.split('#').next().unwrap_or(target);
        match nearest(key, &keys) {
            Some(best) => msg!(DidYouMeanLink, suggestion = best),
            None => msg!(LinkPathHint),
        }
    }

    /// Links that are not `@/` paths: scripts are refused, and addresses that
    /// would break when the site is served from a sub-folder are warned about.
    fn check_plain_link(&mut self, dest: &str, span: Range<usize>) {
        match scheme(dest).as_deref() {
            // `mailto:` and nothing more: a link that goes nowhere.
            Some(s) if SAFE_SCHEMES.contains(&s) && dest[s.len() + 1..].trim_start_matches('/').is_empty() => {
                let d = self.problem(span, msg!(LinkEmpty));
                d.hint = Some(msg!(LinkEmptyHint));
            }
            Some(s) if SAFE_SCHEMES.contains(&s) => {}
            Some(s @ ("javascript" | "data" | "vbscript")) => {
                let d = self.problem(span, msg!(LinkRunsCode, scheme = s));
                d.hint = Some(msg!(LinkRunsCodeHint));
            }
            Some(s) => {
                let d = self.problem(span, msg!(LinkSchemeNotAllowed, scheme = s));
                d.hint = Some(msg!(LinkSchemeNotAllowedHint));
            }
            None if dest.is_empty() => {
                let d = self.problem(span, msg!(LinkEmpty));
                d.hint = Some(msg!(LinkEmptyHint));
            }
            None if dest.starts_with('#') => {}
            None if source_file(dest) => {
                let (file, fragment) =
                    dest.split_once('#').map_or((dest, String::new()), |(f, a)| (f, format!("#{a}")));
                // From the text's folder, or (`/om.md`) from content/.
                let page = match file.strip_prefix('/') {
                    Some(from_content) => Some(normalised(std::path::Path::new(from_content))),
                    None => {
                        let page = self.source.path.parent().map(|dir| dir.join(file));
                        page.as_deref().and_then(|p| p.strip_prefix(crate::load::CONTENT_DIR).ok()).map(normalised)
                    }
                };
                let suggestion =
                    format!("{}{fragment}", page.unwrap_or_else(|| file.trim_start_matches("./").to_owned()));
                let d = self.problem(span, msg!(LinkToSourceFile, link = dest));
                d.hint = Some(msg!(LinkToSourceFileHint, suggestion = suggestion));
            }
            None => {
                let d = self.problem(span, msg!(LinkNotAdjusted, link = dest));
                d.hint = Some(msg!(LinkNotAdjustedHint));
                d.severity = Severity::Warning;
            }
        }
    }
}
