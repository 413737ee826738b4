//! The full report: the home page's text, the overview and every programme
//! with its text, goals and charts, on one page for reading through and
//! printing. Each text is nested: its ids get a prefix of their own, its
//! headings move below the report's and its links become absolute.

use minijinja::value::Serde;
use minijinja::Value;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::locale::Lang;
use crate::markdown::{Nesting, Rules};
use crate::model::{Docs, IndicatorId};

use super::views::ProgrammeView;
use super::Renderer;

/// A programme as the report shows it.
#[derive(Serialize)]
struct Section {
    /// The id of the section's heading, for the table of contents.
    id: String,
    programme: ProgrammeView,
    /// The narrative as HTML (marked safe in the template: goalsite rendered
    /// it, escaping its text), nested, with the charts it places.
    text: String,
    /// The text's language, when it is not the page's.
    text_lang: Option<Lang>,
}

impl Renderer<'_> {
    /// The values of the report page in `lang`.
    pub(super) fn report_view(&self, lang: Lang) -> Result<Value, Diagnostic> {
        // The home page's text opens the report at its own level.
        let intro = self.nested(&self.site.home, lang, "gs-r0-", 0)?;
        let sections = (0..self.site.programmes.len())
            .map(|i| {
                let text = self.nested(&self.site.programmes[i].narrative, lang, &format!("gs-r{}-", i + 1), 1)?;
                Ok(Section {
                    id: format!("gs-report-{}", i + 1),
                    programme: self.programme_view(i, lang, true, &text.charts),
                    text: text.html,
                    text_lang: text.lang,
                })
            })
            .collect::<Result<Vec<_>, Diagnostic>>()?;
        Ok(minijinja::context! {
            // Made to be printed: no soft hyphens (the `hyphenate` filter).
            print => true,
            intro => Value::from_safe_string(intro.html),
            intro_lang => intro.lang,
            sections => Value::from(Serde(sections)),
        })
    }

    /// The text of `docs` in `lang` (or the language shown instead) with ids
    /// starting with `prefix` and headings `shift` levels down. Its problems
    /// were reported for its own page.
    fn nested(&self, docs: &Docs, lang: Lang, prefix: &str, shift: usize) -> Result<Nested, Diagnostic> {
        let nesting =
            Nesting { id_prefix: prefix.to_owned(), heading_shift: shift, absolute_links: true, for_print: true };
        let rules = Rules { nesting, ..self.rules.clone() };
        let doc = self.doc_in(docs, lang);
        let text = self.markdown_with(doc, lang, &rules)?;
        Ok(Nested { html: text.html, lang: doc.filter(|d| d.lang != lang).map(|d| d.lang), charts: text.charts })
    }
}

/// A text nested in the report.
struct Nested {
    html: String,
    /// The text's language, when it is not the page's.
    lang: Option<Lang>,
    charts: Vec<IndicatorId>,
}
