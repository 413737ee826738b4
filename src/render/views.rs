//! Views: the serialisable, single-language shapes templates see. Every string
//! here is plain text that the template engine escapes, except `chart_svg`:
//! SVG drawn by goalsite, with every text in it escaped when it was drawn.

use serde::Serialize;

use crate::config::AssessmentKind;
use crate::model::{Goal, Indicator, Programme};
use crate::routes::PageRef;

use super::Site;

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

impl Site<'_> {
    pub fn assessment_view(
        &self,
        year: i32,
        status: &str,
        motivation: Option<&crate::text::Text>,
        lang: &str,
    ) -> AssessmentView {
        let step = self.config.scale_step(status);
        AssessmentView {
            year,
            id: status.to_owned(),
            label: step.map_or(status, |s| s.label.get_ref().tr(lang)).to_owned(),
            kind: step.map_or(AssessmentKind::NotMet, |s| s.kind),
            description: step.and_then(|s| s.description.as_ref()).map_or("", |d| d.get_ref().tr(lang)).to_owned(),
            motivation: motivation.map_or("", |m| m.tr(lang)).to_owned(),
        }
    }

    /// A goal; `full` adds its indicators (with charts) for the goal's own page.
    pub fn goal_view(&self, pi: usize, gi: usize, lang: &str, full: bool) -> GoalView {
        let p = &self.content.programmes[pi];
        let g: &Goal = &p.data.goals[gi];
        let view = |a: &crate::model::Assessment| {
            self.assessment_view(
                *a.year.get_ref(),
                a.status.get_ref(),
                a.motivation.as_ref().map(|m| m.get_ref()),
                lang,
            )
        };
        let mut history: Vec<AssessmentView> = g.assessments.iter().map(view).collect();
        history.sort_by_key(|a| std::cmp::Reverse(a.year));
        let indicators = match full {
            true => g
                .indicators
                .iter()
                .filter_map(|id| self.find_indicator(id.get_ref()))
                .map(|(pi, ii)| self.indicator_view(pi, ii, lang, crate::charts::SMALL))
                .collect(),
            false => Vec::new(),
        };
        GoalView {
            id: g.id.get_ref().clone(),
            title: g.title.get_ref().tr(lang).to_owned(),
            target: g.target.get_ref().tr(lang).to_owned(),
            url: self.routes.url(PageRef::Goal(pi, gi), lang),
            current: g.assessment_for(self.config.report_year).map(view),
            history,
            indicators,
            programme: self.programme_link(pi, lang),
        }
    }

    pub fn programme_link(&self, pi: usize, lang: &str) -> Link {
        Link {
            title: self.content.programmes[pi].data.title.get_ref().tr(lang).to_owned(),
            url: self.routes.url(PageRef::Programme(pi), lang),
        }
    }

    /// A programme with its goals; `full` adds the
    /// indicators (with charts) for the programme's own page.
    pub fn programme_view(&self, pi: usize, lang: &str, full: bool) -> ProgrammeView {
        let p: &Programme = &self.content.programmes[pi];
        let tr = |t: &Option<toml::Spanned<crate::text::Text>>| crate::text::tr_opt(t, lang);
        ProgrammeView {
            title: p.data.title.get_ref().tr(lang).to_owned(),
            url: self.routes.url(PageRef::Programme(pi), lang),
            summary: tr(&p.data.summary),
            no_goals_note: tr(&p.data.no_goals_note),
            goals: (0..p.data.goals.len()).map(|gi| self.goal_view(pi, gi, lang, false)).collect(),
            indicators: match full {
                true => {
                    (0..p.indicators.len()).map(|ii| self.indicator_view(pi, ii, lang, crate::charts::SMALL)).collect()
                }
                false => Vec::new(),
            },
        }
    }

    /// An indicator with its chart drawn at `size` and its written summary.
    pub fn indicator_view(&self, pi: usize, ii: usize, lang: &str, size: crate::charts::Size) -> IndicatorView {
        let ind: &Indicator = &self.content.programmes[pi].indicators[ii];
        let d = &ind.data;
        let tr = |t: &Option<toml::Spanned<crate::text::Text>>| crate::text::tr_opt(t, lang);
        let fmt = &self.theme.i18n[lang].number;
        let decimals = d.decimals();
        let summary = crate::charts::summary::summary(d, lang, &self.theme.i18n[lang], decimals);
        let goals = self
            .goals_following(&ind.id)
            .map(|(gpi, gi)| Link {
                title: self.content.programmes[gpi].data.goals[gi].title.get_ref().tr(lang).to_owned(),
                url: self.routes.url(PageRef::Goal(gpi, gi), lang),
            })
            .collect();
        IndicatorView {
            id: ind.id.clone(),
            title: d.title.get_ref().tr(lang).to_owned(),
            url: self.routes.url(PageRef::Indicator(pi, ii), lang),
            unit: tr(&d.unit),
            source: d.source.get_ref().tr(lang).to_owned(),
            definition: tr(&d.definition),
            note: tr(&d.note),
            example_data: d.example_data,
            target: d.target.as_ref().map(|t| {
                let t = t.get_ref();
                TargetView {
                    value: fmt.format(t.value, decimals),
                    year: t.year,
                    label: t.label.as_ref().map_or("", |l| l.tr(lang)).to_owned(),
                }
            }),
            table: self.table(ind, lang, decimals),
            chart_svg: self.chart(ind, lang, size, &summary),
            summary,
            csv_url: self.routes.asset_url(&crate::downloads::path(&ind.id, "csv")),
            json_url: self.routes.asset_url(&crate::downloads::path(&ind.id, "json")),
            goals,
            programme: self.programme_link(pi, lang),
        }
    }

    fn table(&self, ind: &Indicator, lang: &str, decimals: usize) -> TableView {
        let d = &ind.data;
        let i18n = &self.theme.i18n[lang];
        let fmt = &i18n.number;
        let cell = |v: Option<f64>| match v {
            Some(v) => Cell { text: fmt.format(v, decimals), missing: false },
            None => Cell { text: i18n.string("no_value"), missing: true },
        };
        match &d.years {
            Some(years) => TableView {
                corner: i18n.string("year"),
                columns: d.series.iter().map(|s| s.name.get_ref().tr(lang).to_owned()).collect(),
                rows: years
                    .get_ref()
                    .iter()
                    .enumerate()
                    .map(|(i, y)| Row {
                        header: y.get_ref().to_string(),
                        cells: d
                            .series
                            .iter()
                            .map(|s| cell(s.values.get_ref().get(i).and_then(|v| v.get_ref().0)))
                            .collect(),
                        highlight: false,
                        national: false,
                    })
                    .collect(),
            },
            None => TableView {
                corner: i18n.string("category"),
                columns: vec![d.year.as_ref().map(|y| y.get_ref().to_string()).unwrap_or_default()],
                rows: d
                    .categories
                    .iter()
                    .map(|c| Row {
                        header: c.name.get_ref().tr(lang).to_owned(),
                        cells: vec![cell(c.value.get_ref().0)],
                        highlight: c.highlight,
                        national: c.national,
                    })
                    .collect(),
            },
        }
    }
}
