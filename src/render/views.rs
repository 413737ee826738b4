//! Views: the serialisable, single-language shapes templates see. Every string
//! here is plain text that the template engine escapes, except `chart_svg`:
//! SVG drawn by goalsite, with every text in it escaped when it was drawn.

use serde::Serialize;

use crate::locale::Text;
use crate::model::{Assessment, AssessmentKind, Data, GoalId, Indicator, IndicatorId, ProgrammeId};
use crate::routes::PageRef;

use super::Renderer;

#[derive(Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Serialize)]
pub struct AssessmentView {
    pub year: i32,
    pub id: String,
    pub label: String,
    pub kind: AssessmentKind,
    pub description: String,
    pub motivation: String,
}

#[derive(Serialize)]
pub struct GoalView {
    pub id: String,
    pub title: String,
    pub target: String,
    pub url: String,
    /// The report year's assessment, if made.
    pub current: Option<AssessmentView>,
    /// Every assessment, newest first.
    pub history: Vec<AssessmentView>,
    pub indicators: Vec<IndicatorView>,
    pub programme: Link,
}

#[derive(Serialize)]
pub struct ProgrammeView {
    pub title: String,
    pub url: String,
    pub summary: String,
    pub no_goals_note: String,
    pub goals: Vec<GoalView>,
    pub indicators: Vec<IndicatorView>,
}

#[derive(Serialize)]
pub struct Cell {
    pub text: String,
    pub missing: bool,
}

#[derive(Serialize)]
pub struct Row {
    pub header: String,
    pub cells: Vec<Cell>,
    pub highlight: bool,
    pub national: bool,
}

/// A data table: `columns` head the value columns; each row has a header cell.
#[derive(Serialize)]
pub struct TableView {
    pub corner: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Serialize)]
pub struct TargetView {
    pub value: String,
    pub year: i32,
    pub label: String,
}

#[derive(Serialize)]
pub struct IndicatorView {
    pub id: String,
    pub title: String,
    pub url: String,
    pub unit: String,
    pub source: String,
    pub definition: String,
    pub note: String,
    pub example_data: bool,
    pub target: Option<TargetView>,
    pub table: TableView,
    /// The chart as SVG markup drawn by goalsite (texts escaped there).
    pub chart_svg: String,
    /// The chart's text summary.
    pub summary: String,
    pub csv_url: String,
    pub json_url: String,
    pub goals: Vec<Link>,
    pub programme: Link,
}

impl Renderer<'_> {
    fn assessment_view(&self, a: &Assessment, lang: &str) -> AssessmentView {
        let step = &self.site.settings.scale[a.step];
        AssessmentView {
            year: a.year,
            id: step.id.clone(),
            label: step.label.tr(lang).to_owned(),
            kind: step.kind,
            description: step.description.as_ref().map_or("", |d| d.tr(lang)).to_owned(),
            motivation: a.motivation.as_ref().map_or("", |m| m.tr(lang)).to_owned(),
        }
    }

    /// A goal; `full` adds its indicators (with charts) for the goal's own page.
    pub(super) fn goal_view(&self, id: GoalId, lang: &str, full: bool) -> GoalView {
        let g = self.site.goal(id);
        let mut history: Vec<AssessmentView> = g.assessments.iter().map(|a| self.assessment_view(a, lang)).collect();
        history.sort_by_key(|a| std::cmp::Reverse(a.year));
        let indicators = match full {
            true => g.indicators.iter().map(|&i| self.indicator_view(i, lang, crate::charts::SMALL)).collect(),
            false => Vec::new(),
        };
        GoalView {
            id: g.id.clone(),
            title: g.title.tr(lang).to_owned(),
            target: g.target.tr(lang).to_owned(),
            url: self.routes.url(PageRef::Goal(id), lang),
            current: g.assessment_for(self.site.settings.report_year).map(|a| self.assessment_view(a, lang)),
            history,
            indicators,
            programme: self.programme_link(g.programme, lang),
        }
    }

    fn programme_link(&self, id: ProgrammeId, lang: &str) -> Link {
        Link {
            title: self.site.programme(id).title.tr(lang).to_owned(),
            url: self.routes.url(PageRef::Programme(id), lang),
        }
    }

    /// A programme with its goals; `full` adds the
    /// indicators (with charts) for the programme's own page.
    pub(super) fn programme_view(&self, index: usize, lang: &str, full: bool) -> ProgrammeView {
        let id = ProgrammeId(index);
        let p = self.site.programme(id);
        let tr = |t: &Option<Text>| t.as_ref().map_or("", |t| t.tr(lang)).to_owned();
        ProgrammeView {
            title: p.title.tr(lang).to_owned(),
            url: self.routes.url(PageRef::Programme(id), lang),
            summary: tr(&p.summary),
            no_goals_note: tr(&p.no_goals_note),
            goals: p.goals.iter().map(|&g| self.goal_view(g, lang, false)).collect(),
            indicators: match full {
                true => p.indicators.iter().map(|&i| self.indicator_view(i, lang, crate::charts::SMALL)).collect(),
                false => Vec::new(),
            },
        }
    }

    /// An indicator with its chart drawn at `size` and its written summary.
    pub(super) fn indicator_view(&self, id: IndicatorId, lang: &str, size: crate::charts::Size) -> IndicatorView {
        let ind = self.site.indicator(id);
        let tr = |t: &Option<Text>| t.as_ref().map_or("", |t| t.tr(lang)).to_owned();
        let fmt = &self.theme.i18n[lang].number;
        let decimals = crate::charts::decimals(ind);
        let summary = crate::charts::summary::summary(ind, lang, &self.theme.i18n[lang], decimals);
        let goals = ind
            .goals
            .iter()
            .map(|&g| Link {
                title: self.site.goal(g).title.tr(lang).to_owned(),
                url: self.routes.url(PageRef::Goal(g), lang),
            })
            .collect();
        IndicatorView {
            id: ind.id.clone(),
            title: ind.title.tr(lang).to_owned(),
            url: self.routes.url(PageRef::Indicator(id), lang),
            unit: tr(&ind.unit),
            source: ind.source.tr(lang).to_owned(),
            definition: tr(&ind.definition),
            note: tr(&ind.note),
            example_data: ind.example_data,
            target: ind.target.as_ref().map(|t| TargetView {
                value: fmt.format(t.value, decimals),
                year: t.year,
                label: t.label.as_ref().map_or("", |l| l.tr(lang)).to_owned(),
            }),
            table: self.table(ind, lang, decimals),
            chart_svg: self.chart(ind, lang, size, &summary),
            summary,
            csv_url: self.routes.asset_url(&crate::downloads::path(&ind.id, "csv")),
            json_url: self.routes.asset_url(&crate::downloads::path(&ind.id, "json")),
            goals,
            programme: self.programme_link(ind.programme, lang),
        }
    }

    fn table(&self, ind: &Indicator, lang: &str, decimals: usize) -> TableView {
        let i18n = &self.theme.i18n[lang];
        let fmt = &i18n.number;
        let cell = |v: Option<f64>| match v {
            Some(v) => Cell { text: fmt.format(v, decimals), missing: false },
            None => Cell { text: i18n.string("no_value"), missing: true },
        };
        match &ind.data {
            Data::Years { years, series } => TableView {
                corner: i18n.string("year"),
                columns: series.iter().map(|s| s.name.tr(lang).to_owned()).collect(),
                rows: years
                    .iter()
                    .enumerate()
                    .map(|(i, y)| Row {
                        header: y.to_string(),
                        cells: series.iter().map(|s| cell(s.values.get(i).copied().flatten())).collect(),
                        highlight: false,
                        national: false,
                    })
                    .collect(),
            },
            Data::Categories { year, categories } => TableView {
                corner: i18n.string("category"),
                columns: vec![year.to_string()],
                rows: categories
                    .iter()
                    .map(|c| Row {
                        header: c.name.tr(lang).to_owned(),
                        cells: vec![cell(c.value)],
                        highlight: c.highlight,
                        national: c.national,
                    })
                    .collect(),
            },
        }
    }
}
