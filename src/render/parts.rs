//! The parts of a page drawn while it is rendered: its Markdown and its
//! indicators' charts.

use crate::charts;
use crate::diagnostics::Diagnostic;
use crate::locale::fill;
use crate::markdown::{self, Rules};
use crate::model::{Doc, Indicator};
use crate::routes::Routes;
use crate::theme::Theme;

use super::{DocOutcome, Renderer};

/// Renders one Markdown document in its language.
pub fn render_doc(doc: &Doc, routes: &Routes, theme: &Theme, rules: &Rules) -> (String, DocOutcome) {
    let mut problems = Vec::new();
    let typo = theme.i18n[&doc.lang].typography();
    let html = markdown::render(doc, routes, &typo, rules, &theme.ids, &mut problems);
    (html.html, DocOutcome { path: doc.source.path.clone(), links: html.links, problems })
}

impl Renderer<'_> {
    /// The HTML of `doc`, with what the checks after rendering need of it.
    pub(super) fn markdown(&self, doc: Option<&Doc>) -> (String, Option<DocOutcome>) {
        let Some(doc) = doc else { return (String::new(), None) };
        let (html, outcome) = render_doc(doc, self.routes, self.theme, &self.rules);
        (html, Some(outcome))
    }

    /// The indicator's chart at `size` in `lang`, as SVG; a chart that cannot
    /// be drawn is a problem the build reports.
    /// `summary` is its description.
    pub(super) fn chart(&self, ind: &Indicator, lang: &str, size: charts::Size, summary: &str) -> String {
        let i18n = &self.theme.i18n[lang];
        let decimals = charts::decimals(ind);
        let target_label = ind.target.as_ref().map_or(String::new(), |t| match &t.label {
            Some(label) => label.tr(lang).to_owned(),
            None => fill(&i18n.string("chart_target_label"), &[("year", &t.year.to_string())]),
        });
        let heading = self.heading(ind, lang);
        let title = match ind.example_data {
            true => format!("{heading} – {}", i18n.string("example_data")),
            false => heading,
        };
        let suffix = if size.width < charts::LARGE.width { "-small" } else { "" };
        let dom_id = format!("gs-chart-{}{suffix}", ind.id);
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
        charts::render(ind, &self.theme.chart, &text, size).unwrap_or_else(|e| {
            let problem = Diagnostic::error(&ind.file, format!("the chart could not be drawn: {e}"));
            self.problems.lock().unwrap_or_else(|e| e.into_inner()).push(problem);
            String::new()
        })
    }
}
