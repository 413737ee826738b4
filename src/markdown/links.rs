//! Links in Markdown: `@/` paths resolved to the page in the text's
//! language (nearest matches suggested when they lead nowhere), `#anchors`
//! kept for the checks after rendering, and other addresses checked for
//! safe schemes.

use std::ops::Range;

use pulldown_cmark::CowStr;

use crate::diagnostics::Severity;
use crate::messages::Message;
use crate::routes::LinkError;
use crate::text::{nearest, scheme, SAFE_SCHEMES};

use super::{FragmentLink, Rewriter};

/// Broken `@/` links per document that get a "did you mean" hint; finding
/// the nearest key costs as much as the site has pages.
const HINTED_LINKS: usize = 100;

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
            Some(s) if SAFE_SCHEMES.contains(&s) => {}
            Some(s @ ("javascript" | "data" | "vbscript")) => {
                let d = self.problem(span, msg!(LinkRunsCode, scheme = s));
                d.hint = Some(msg!(LinkRunsCodeHint));
            }
            Some(s) => {
                let d = self.problem(span, msg!(LinkSchemeNotAllowed, scheme = s));
                d.hint = Some(msg!(LinkSchemeNotAllowedHint));
            }
            None if dest.is_empty() || dest.starts_with('#') => {}
            None => {
                let d = self.problem(span, msg!(LinkNotAdjusted, link = dest));
                d.hint = Some(msg!(LinkNotAdjustedHint));
                d.severity = Severity::Warning;
            }
        }
    }
}
