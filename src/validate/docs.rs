//! Markdown documents: every language present, titles where a page needs
//! one, and slugs and file paths that can be part of an address.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::model::{Docs, MissingTranslation, Page};
use crate::text::{is_valid_slug, slugify};

use super::Validator;

impl Validator<'_> {
    /// A document must exist in every language (and have a title where
    /// needed). Fills in the placeholders of its title and description.
    pub(super) fn docs(&mut self, docs: &mut Docs, key: &str, need_title: bool) {
        let langs = if self.langs_ok { self.langs } else { &[] };
        for lang in langs {
            let stem = key.trim_end_matches(".md");
            let file = Path::new("content").join(format!("{stem}.{lang}.md"));
            if !docs.contains_key(lang) && !self.unread.contains(&file) {
                // The text to translate: in the site's first language that has it.
                let have = langs.iter().find(|l| docs.contains_key(*l)).or_else(|| docs.keys().next());
                let mut d = Diagnostic::error(&file, format!("the translation in `{lang}` is missing"));
                if let Some(have) = have {
                    d = d.with_hint(format!("create content/{stem}.{lang}.md (translate content/{stem}.{have}.md)"));
                }
                if self.missing_translation == MissingTranslation::Warn && !docs.is_empty() {
                    d = d.warning();
                }
                self.problems.push(d);
            }
        }
        for doc in docs.values_mut() {
            for field in [&mut doc.front.title, &mut doc.front.description].into_iter().flatten() {
                *field = self.filled(field);
            }
            if need_title && doc.front.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                self.file(&doc.source, "the page has no title").hint =
                    Some("add front matter at the top:\n+++\ntitle = \"…\"\n+++".into());
            }
            if let Some(slug) = &doc.front.slug {
                if !is_valid_slug(slug) {
                    self.file(&doc.source, format!("the slug `{slug}` cannot be used in an address")).hint =
                        Some(format!("use lowercase a–z, digits and -, e.g. `{}`", slugify(slug)));
                }
            }
        }
    }

    /// A free page's folders, and its file name where no slug replaces it,
    /// become its address: they must be usable there.
    pub(super) fn page_path(&mut self, page: &Page) {
        let Some(doc) = page.docs.values().next() else { return };
        let mut parts: Vec<&str> = page.key.trim_end_matches(".md").split('/').collect();
        if page.docs.values().all(|d| d.front.slug.is_some()) {
            parts.pop();
        }
        for part in parts.into_iter().filter(|p| !is_valid_slug(p)) {
            self.file(&doc.source, format!("`{part}` in the file's path cannot be used in an address")).hint =
                Some(format!("rename it to `{}` (lowercase a–z, digits and -)", slugify(part)));
        }
    }
}
