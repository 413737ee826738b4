//! Views: the serialisable, single-language shapes templates see. Every string
//! here is plain text that the template engine escapes, except the chart:
//! SVG drawn by goalsite, with every text in it escaped when it was drawn.

use minijinja::Value;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::locale::{fill, Lang, Text, UiKey};
use crate::model::{
    Assessment, AssessmentKind, Figure, GoalId, Indicator, IndicatorId, ProgrammeId, RowHead, ValueStatus,
};
use crate::routes::PageRef;

use super::Renderer;

#[derive(Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
    /// The title's language where it is not the page's (an untranslated page).
    pub lang: Option<Lang>,
}

#[derive(Serialize)]
pub struct AssessmentView {
    pub year: i32,
    pub id: String,
    pub label: String,
    pub kind: AssessmentKind,
    pub description: String,
    pub motivation: String,
    /// Why it differs from what an earlier edition published (empty: it does not).
    pub correction: String,
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
    pub indicators: Vec<Value>,
    pub programme: Link,
}

#[derive(Serialize)]
pub struct ProgrammeView {
    pub title: String,
    pub url: String,
    pub summary: String,
    pub no_goals_note: String,
    /// This year's assessments counted, if the programme has goals.
    pub tally: Option<super::overview::TallyView>,
    pub goals: Vec<GoalView>,
    pub indicators: Vec<Value>,
}

#[derive(Serialize)]
pub struct Cell {
    pub text: String,
    pub missing: bool,
    /// The sign of the note under the table that says what the value is
    /// (derived, estimated, …), if it is not simply measured.
    pub mark: Option<Mark>,
}

/// A value's sign in a table, and what it says to a screen reader.
#[derive(Serialize, Clone)]
pub struct Mark {
    pub sign: String,
    /// Read instead of the sign ("derived, see the note below the table").
    pub label: String,
    /// The id of the note under the table.
    pub note_id: String,
}

/// A note under a data table.
#[derive(Serialize)]
pub struct TableNote {
    pub sign: String,
    pub id: String,
    pub text: String,
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
    /// What the signs in the cells mean.
    pub notes: Vec<TableNote>,
}

/// A file to download, as a list of them names it.
#[derive(Serialize)]
pub struct FileLink {
    pub label: String,
    pub url: String,
}

/// An indicator's chart: the wide drawing, and the narrow one the page shows
/// on small screens. Each is a template value marked safe, made once: every
/// page that shows the chart (its own, its goals' and programme's pages, the
/// full report) shares it instead of copying the drawing into its values.
#[derive(Serialize)]
pub struct ChartView {
    pub wide: Value,
    pub narrow: Value,
    /// Why a drawing failed, if one did (the page shows no chart; the build fails).
    #[serde(skip)]
    pub failed: Option<Diagnostic>,
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
    /// The title with the report's label ("Diagram 3. Territoriella utsläpp").
    pub heading: String,
    pub url: String,
    pub unit: String,
    pub source: String,
    pub definition: String,
    pub note: String,
    pub example_data: bool,
    pub target: Option<TargetView>,
    pub table: TableView,
    /// The chart as SVG markup drawn by goalsite (texts escaped there).
    pub chart: ChartView,
    /// The chart's text summary.
    pub summary: String,
    /// The indicator's files in the formats the site offers (those of one
    /// language in the page's language).
    pub downloads: Vec<FileLink>,
    pub goals: Vec<Link>,
    pub programme: Link,
}

impl Renderer<'_> {
    fn assessment_view(&self, a: &Assessment, lang: Lang) -> AssessmentView {
        let step = &self.site.settings.scale[a.step];
        AssessmentView {
            year: a.year,
            id: step.id.clone(),
            label: step.label.tr(lang).to_owned(),
            kind: step.kind,
            description: step.description.as_ref().map_or("", |d| d.tr(lang)).to_owned(),
            motivation: a.motivation.as_ref().map_or("", |m| m.tr(lang)).to_owned(),
            correction: a.correction.as_ref().map_or(String::new(), |c| {
                fill(&self.theme.i18n(lang).string(UiKey::AssessmentCorrected), &[("note", c.tr(lang))])
            }),
        }
    }

    /// A goal; `full` adds its indicators (with charts) for the goal's own page.
    pub(super) fn goal_view(&self, id: GoalId, lang: Lang, full: bool) -> GoalView {
        let g = self.site.goal(id);
        let mut history: Vec<AssessmentView> = g.assessments.iter().map(|a| self.assessment_view(a, lang)).collect();
        history.sort_by_key(|a| std::cmp::Reverse(a.year));
        let indicators = match full {
            true => g.indicators.iter().map(|&i| self.indicator_view(i, lang)).collect(),
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
            programme: self.page_link(PageRef::Programme(g.programme), lang),
        }
    }

    /// A programme with its goals; `full` adds the indicators (with charts)
    /// for the programme's own page, but for those its text places already.
    pub(super) fn programme_view(&self, index: usize, lang: Lang, full: bool, placed: &[IndicatorId]) -> ProgrammeView {
        let id = ProgrammeId(index);
        let p = self.site.programme(id);
        let tr = |t: &Option<Text>| t.as_ref().map_or("", |t| t.tr(lang)).to_owned();
        ProgrammeView {
            title: p.title.tr(lang).to_owned(),
            url: self.routes.url(PageRef::Programme(id), lang),
            summary: tr(&p.summary),
            no_goals_note: tr(&p.no_goals_note),
            tally: super::overview::tally(
                self.site,
                &p.goals,
                self.site.settings.report_year,
                self.theme.i18n(lang),
                lang,
            ),
            goals: p.goals.iter().map(|&g| self.goal_view(g, lang, false)).collect(),
            indicators: match full {
                true => {
                    p.indicators.iter().filter(|i| !placed.contains(i)).map(|&i| self.indicator_view(i, lang)).collect()
                }
                false => Vec::new(),
            },
        }
    }

    /// An indicator with its chart and its written summary, made once per
    /// language however many pages show it, as templates see it (a value
    /// every page that shows it shares, never copied).
    pub(super) fn indicator_view(&self, id: IndicatorId, lang: Lang) -> Value {
        let slot = self.langs.iter().position(|&l| l == lang).map(|l| id.0 * self.langs.len() + l);
        let made = || {
            let view = self.make_indicator_view(id, lang);
            (Value::from(minijinja::value::Serde(&view)), view.chart.failed)
        };
        match slot.and_then(|slot| self.indicator_views.get(slot)) {
            Some(view) => view.get_or_init(made).0.clone(),
            None => made().0,
        }
    }

    fn make_indicator_view(&self, id: IndicatorId, lang: Lang) -> IndicatorView {
        let ind = self.site.indicator(id);
        let tr = |t: &Option<Text>| t.as_ref().map_or("", |t| t.tr(lang)).to_owned();
        let fmt = &self.theme.i18n(lang).number;
        let decimals = crate::charts::decimals(ind);
        let summary = crate::charts::summary::summary(ind, lang, self.theme.i18n(lang), decimals);
        let goals = ind.goals.iter().map(|&g| self.page_link(PageRef::Goal(g), lang)).collect();
        IndicatorView {
            id: ind.id.clone(),
            title: ind.title.tr(lang).to_owned(),
            heading: crate::charts::heading(ind, self.theme.i18n(lang), lang),
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
            chart: self.chart(ind, lang, &summary),
            summary,
            downloads: crate::downloads::offered(&self.site.settings)
                .map(|format| FileLink {
                    label: self.theme.i18n(lang).string(format.label),
                    url: self.routes.edition_url(&crate::downloads::path(&ind.id, format, lang)),
                })
                .collect(),
            goals,
            programme: self.page_link(PageRef::Programme(ind.programme), lang),
        }
    }

    fn table(&self, ind: &Indicator, lang: Lang, decimals: usize) -> TableView {
        let i18n = self.theme.i18n(lang);
        let mut notes = Notes { i18n, lang, prefix: format!("gs-{}-note", ind.id), notes: Vec::new() };
        let mut cell = |f: &Figure| Cell {
            text: match f.value {
                Some(v) => i18n.number.format(v, decimals),
                None => i18n.string(UiKey::NoValue),
            },
            missing: f.value.is_none(),
            mark: notes.mark(f),
        };
        let rows = ind
            .data
            .rows()
            .into_iter()
            .map(|row| {
                let cells = row.figures.into_iter().map(&mut cell).collect();
                match row.head {
                    RowHead::Year(y) => Row { header: y.to_string(), cells, highlight: false, national: false },
                    RowHead::Category(c) => {
                        Row { header: c.name.tr(lang).to_owned(), cells, highlight: c.highlight, national: c.national }
                    }
                }
            })
            .collect();
        let corner = i18n.string(ind.data.corner_key());
        TableView { corner, columns: ind.data.columns(lang), rows, notes: notes.notes }
    }
}

/// The notes under one data table: one per kind of value and note, each with
/// its sign (`*`, `**`, …) in order of first use.
struct Notes<'a> {
    i18n: &'a crate::locale::I18n,
    lang: Lang,
    prefix: String,
    notes: Vec<TableNote>,
}

impl Notes<'_> {
    /// The mark of a figure that is not simply measured (or is a gap with a note).
    fn mark(&mut self, f: &Figure) -> Option<Mark> {
        let status = if f.value.is_some() { f.status } else { ValueStatus::Measured };
        if status == ValueStatus::Measured && f.note.is_none() {
            return None;
        }
        let kind = match (status, f.value) {
            (ValueStatus::Measured, None) => self.i18n.string(UiKey::TableNoteMissing),
            (ValueStatus::Measured, Some(_)) => self.i18n.string(UiKey::TableNoteMeasured),
            (s, _) => self.i18n.string(s.table_note()),
        };
        let text = match &f.note {
            Some(note) => format!("{kind} {}", note.tr(self.lang)),
            None => kind,
        };
        let index = match self.notes.iter().position(|n| n.text == text) {
            Some(i) => i,
            None => {
                let i = self.notes.len();
                let id = format!("{}-{}", self.prefix, i + 1);
                self.notes.push(TableNote { sign: "*".repeat(i + 1), id, text });
                i
            }
        };
        let note = &self.notes[index];
        let label = match status {
            ValueStatus::Measured => self.i18n.string(UiKey::TableMarkNote),
            _ => {
                let status_word = self.i18n.string(status.word());
                fill(&self.i18n.string(UiKey::TableMarkLabel), &[("status", &status_word)])
            }
        };
        Some(Mark { sign: note.sign.clone(), label, note_id: note.id.clone() })
    }
}
