//! Markdown documents: every language present, titles where a page needs
//! one, no front matter that the document does not use, and slugs and file
//! paths that can be part of an address.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Severity};
use crate::load::markdown_file::front_matter_key;
use crate::messages::Message;
use crate::model::{Doc, Docs, FrontMatter, MissingTranslation, Page};
use crate::text::{is_valid_slug, slugify};

use super::Validator;

/// What a Markdown document is, which decides the front matter it uses.
#[derive(Clone, Copy)]
pub(super) enum Role<'a> {
    /// The home page: a title and a description.
    Home,
    /// A free page: a title, and its slug, description and footer order.
    Page,
    /// A programme's text: none; the programme's file (`programme.toml`,
    /// given here) has its title, slug, summary and order.
    Narrative(&'a Path),
}

impl Role<'_> {
    fn needs_title(self) -> bool {
        !matches!(self, Role::Narrative(_))
    }

    /// Why front matter `field` is not used on a document in this role, and
    /// what to do instead; `None` where it is used.
    fn unused(self, field: &str) -> Option<(Message, Message)> {
        let home = msg!(FrontMatterUnusedHome, key = field);
        match (self, field) {
            (Role::Page, _) | (Role::Home, "title" | "description") => None,
            (Role::Home, "slug") => Some((home, msg!(HomeSlugHint))),
            (Role::Home, "order") => Some((home, msg!(HomeOrderHint))),
            (Role::Home, _) => Some((home, msg!(DeleteThisLine))),
            (Role::Narrative(file), _) => {
                let key = if field == "description" { "summary" } else { field };
                Some((
                    msg!(FrontMatterUnusedNarrative, key = field),
                    msg!(FrontMatterUnusedNarrativeHint, key = key, file = file),
                ))
            }
        }
    }
}

impl Validator<'_> {
    /// A document must exist in every language (and have a title where
    /// needed). Fills in the placeholders of its title and description.
    pub(super) fn docs(&mut self, docs: &mut Docs, key: &str, role: Role) {
        let langs = if self.langs_ok { self.langs } else { &[] };
        for &lang in langs {
            let stem = key.trim_end_matches(".md");
            let file = Path::new("content").join(format!("{stem}.{lang}.md"));
            if !docs.contains_key(&lang) && !self.unread.contains(&file) {
                // The text to translate: in the site's first language that has it.
                let have = langs.iter().find(|l| docs.contains_key(*l)).or_else(|| docs.keys().next());
                let mut d = Diagnostic::error(&file, msg!(TranslationMissing, lang = lang));
                if let Some(have) = have {
                    let from = format!("content/{stem}.{have}.md");
                    d = d.with_hint(msg!(TranslationMissingHint, file = &file, from = from));
                }
                if self.missing_translation == MissingTranslation::Warn && !docs.is_empty() {
                    d = d.with_severity(Severity::Warning);
                }
                self.problems.push(d);
            }
        }
        for doc in docs.values_mut() {
            for field in [&mut doc.front.title, &mut doc.front.description].into_iter().flatten() {
                *field = self.filled(field);
            }
            self.unused_front_matter(doc, role);
            if role.needs_title() && doc.front.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                self.file(&doc.source, msg!(PageNoTitle)).hint = Some(msg!(PageNoTitleHint));
            }
            if let Some(slug) = &doc.front.slug {
                if !is_valid_slug(slug) {
                    self.at_key(doc, "slug", msg!(SlugNotAddress, slug = slug)).hint =
                        Some(msg!(SlugHint, slug = slugify(slug)));
                }
            }
        }
    }

    /// Front matter that the document does not use is an error: the editor
    /// meant it to change the page, and it would not.
    fn unused_front_matter(&mut self, doc: &Doc, role: Role) {
        // Every field, so that a new one must be placed here too. Any
        // document may say its text is still valid.
        let FrontMatter { title, slug, description, order, still_valid: _ } = &doc.front;
        let given = [
            ("title", title.is_some()),
            ("slug", slug.is_some()),
            ("description", description.is_some()),
            ("order", order.is_some()),
        ];
        for (field, _) in given.into_iter().filter(|(_, set)| *set) {
            let Some((message, hint)) = role.unused(field) else { continue };
            self.at_key(doc, field, message).hint = Some(hint);
        }
    }

    /// A problem at front matter `key` of `doc` (or with the file, if the key cannot be found).
    fn at_key(&mut self, doc: &Doc, key: &str, message: Message) -> &mut Diagnostic {
        match front_matter_key(&doc.source.text, key) {
            Some(span) => self.at(&doc.source, span, message),
            None => self.file(&doc.source, message),
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
            self.file(&doc.source, msg!(PathPartNotAddress, part = part)).hint =
                Some(msg!(PathPartNotAddressHint, part = slugify(part)));
        }
    }
}
