//! The parts of a page drawn while it is rendered: its Markdown and its
//! indicators' charts.

use crate::charts;
use crate::diagnostics::Diagnostic;
use crate::locale::{Lang, UiKey};
use crate::markdown::{self, Rules};
use crate::model::{Doc, Indicator, IndicatorId};
use crate::routes::Routes;
use crate::theme::Theme;

use super::views::ChartView;
use super::{DocOutcome, Renderer};

/// Renders one Markdown document in its language.
pub fn render_doc(doc: &Doc, routes: &Routes, theme: &Theme, rules: &Rules) -> (markdown::Html, DocOutcome) {
    let mut problems = Vec::new();
    let typo = theme.i18n(doc.lang).typography();
    let mut html = markdown::render(doc, routes, &typo, rules, &theme.ids, &mut problems);
    let links = std::mem::take(&mut html.links);
    (html, DocOutcome { path: doc.source.path.clone(), links, problems })
}

/// A page's text as HTML, with the charts it places drawn in.
pub struct PageText {
    pub html: String,
    /// The indicators whose charts the text places.
    pub charts: Vec<IndicatorId>,
    pub outcome: Option<DocOutcome>,
}

impl Renderer<'_> {
    /// The HTML of `doc` in `lang` with its placed charts, and what the
    /// checks after rendering need of it.
    pub(super) fn markdown(&self, doc: Option<&Doc>, lang: Lang) -> Result<PageText, Diagnostic> {
        self.markdown_with(doc, lang, &self.rules)
    }

    /// [`Renderer::markdown`] with other rules (a text nested in a longer page).
    pub(super) fn markdown_with(&self, doc: Option<&Doc>, lang: Lang, rules: &Rules) -> Result<PageText, Diagnostic> {
        let Some(doc) = doc else { return Ok(PageText { html: String::new(), charts: Vec::new(), outcome: None }) };
        let (rendered, outcome) = render_doc(doc, self.routes, self.theme, rules);
        // Saved again since it was read: no page shows it (also where its
        // other problems are not reported, as in the full report).
        let changed = |d: &&Diagnostic| d.message.id == crate::messages::MsgId::FileChangedWhileBuilding;
        if let Some(changed) = outcome.problems.iter().find(changed) {
            return Err(changed.clone());
        }
        let mut html = rendered.html;
        for &id in &rendered.charts {
            let figure = self.placed_chart(id, lang)?;
            html = html.replacen(&markdown::chart_placeholder(id), &figure, 1);
        }
        Ok(PageText { html, charts: rendered.charts, outcome: Some(outcome) })
    }

    /// An indicator's chart as the text places it, through the theme's `chart.html`.
    fn placed_chart(&self, id: IndicatorId, lang: Lang) -> Result<String, Diagnostic> {
        let view = self.indicator_view(id, lang);
        let ctx = minijinja::context! {
            indicator => view,
            t => minijinja::Value::from(minijinja::value::Serde(&self.theme.i18n(lang).strings)),
        };
        self.render_template("chart.html", ctx)
    }

    /// The indicator's chart in `lang`, wide and narrow, as SVG; a chart that
    /// cannot be drawn is a problem the build reports. `summary` is its description.
    pub(super) fn chart(&self, ind: &Indicator, lang: Lang, summary: &str) -> ChartView {
        let i18n = self.theme.i18n(lang);
        let heading = charts::heading(ind, i18n, lang);
        let title = match ind.example_data {
            true => format!("{heading} – {}", i18n.string(UiKey::ExampleData)),
            false => heading,
        };
        let chart = charts::Chart::new(ind, &self.theme.chart, i18n, lang);
        let draw = |variant: charts::Variant| {
            let dom_id = format!("gs-chart-{}{}", ind.id, variant.suffix());
            let described = charts::Described { title: &title, desc: summary, dom_id: &dom_id };
            self.charts_drawn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            charts::draw(&chart, variant)
                .map(|svg| charts::accessible(&svg, &described))
                .map_err(|e| Diagnostic::error(&ind.file, msg!(ChartNotDrawn, detail = e)))
        };
        let (wide, narrow) = (draw(charts::Variant::Wide), draw(charts::Variant::Narrow));
        let failed = wide.as_ref().err().or(narrow.as_ref().err()).cloned();
        let safe = |svg: Result<String, Diagnostic>| minijinja::Value::from_safe_string(svg.unwrap_or_default());
        ChartView { wide: safe(wide), narrow: safe(narrow), failed }
    }
}
