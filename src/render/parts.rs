//! The parts of a page drawn while it is rendered: its Markdown (read from
//! disk and rendered once) and its indicators' charts.

use crate::charts;
use crate::diagnostics::Diagnostic;
use std::path::Path;

use crate::markdown::{self, Links, Rules};
use crate::model::{Indicator, MarkdownDoc};
use crate::routes::Routes;
use crate::theme::Theme;

use super::{DocOutcome, Site};

/// Reads one Markdown file and renders it in its language.
pub fn render_doc(
    root: &Path,
    doc: &MarkdownDoc,
    routes: &Routes,
    theme: &Theme,
    rules: Rules,
) -> (String, DocOutcome) {
    let mut problems = Vec::new();
    let (html, links) = match doc.read(root) {
        Ok(file) => {
            let typo = theme.i18n[&doc.lang].typography();
            let d = markdown::Doc { file: &file, body_offset: doc.body_offset, lang: &doc.lang };
            let html = markdown::render(d, routes, &typo, rules, &theme.ids, &mut problems);
            (html.html, html.links)
        }
        Err(d) => {
            problems.push(d);
            (String::new(), Links::default())
        }
    };
    (html, DocOutcome { path: doc.path.clone(), links, problems })
}

impl Site<'_> {
    /// The HTML of `doc`, with what the checks after rendering need of it.
    pub(super) fn markdown(&self, doc: Option<&MarkdownDoc>) -> (String, Option<DocOutcome>) {
        let Some(doc) = doc else { return (String::new(), None) };
        let (html, outcome) = render_doc(self.root, doc, self.routes, self.theme, self.rules);
        (html, Some(outcome))
    }

    /// The indicator's chart at `size` in `lang`, as SVG; a chart that cannot
    /// be drawn is a problem the build reports.
    /// `summary` is its description.
    pub(super) fn chart(&self, ind: &Indicator, lang: &str, size: charts::Size, summary: &str) -> String {
        let i18n = &self.theme.i18n[lang];
        let d = &ind.data;
        let decimals = d.decimals();
        let target_label = d.target.as_ref().map_or(String::new(), |t| {
            let t = t.get_ref();
            match &t.label {
                Some(label) => label.tr(lang).to_owned(),
                None => charts::summary::fill(&i18n.string("chart_target_label"), &[("year", &t.year.to_string())]),
            }
        });
        let title = match d.example_data {
            true => format!("{} – {}", d.title.get_ref().tr(lang), i18n.string("example_data")),
            false => d.title.get_ref().tr(lang).to_owned(),
        };
        let suffix = if size.width < charts::LARGE.width { "-small" } else { "" };
        let dom_id = format!("chart-{}{suffix}", ind.id);
        let text = charts::ChartText {
            lang,
            title: &title,
            desc: summary,
            number: &i18n.number,
            target_label,
            dom_id: &dom_id,
            decimals,
        };
        self.charts_drawn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        charts::render(d, &self.theme.chart, &text, size).unwrap_or_else(|e| {
            let problem = Diagnostic::error(&ind.file.path, format!("the chart could not be drawn: {e}"));
            self.problems.lock().unwrap_or_else(|e| e.into_inner()).push(problem);
            String::new()
        })
    }
}
