//! Indicators: texts, id, chart kind, and the shape of the data (a time
//! series by year, or a comparison by category), checked and converted.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use crate::diagnostics::Severity;
use crate::formats::{MAX_DECIMALS, MAX_VALUE};
use crate::load::files::{IndicatorFile, TargetEntry};
use crate::load::value::DataValue;
use crate::load::LoadedIndicator;
use crate::locale::{decimals_needed, shown_decimals, NumberFormat};
use crate::model::{Category, ChartKind, Data, Figure, Indicator, ProgrammeId, Series, Target};
use crate::source::Source;
use crate::text::{is_valid_slug, slugify};

use super::{Validator, What};

impl Validator<'_> {
    pub(super) fn indicator(&mut self, ind: &LoadedIndicator, programme: ProgrammeId) -> Indicator {
        let f = &ind.source;
        let d = &ind.data;
        if !is_valid_slug(&ind.id) {
            self.file(f, msg!(IndicatorIdNotSlug, id = &ind.id)).hint =
                Some(msg!(IndicatorIdNotSlugHint, id = slugify(&ind.id)));
        }
        let title = self.text(f, &d.title, What::INDICATOR_TITLE);
        let slug = self.slug(f, &d.slug);
        let unit = self.opt_text(f, &d.unit, What::UNIT);
        let source = self.text(f, &d.source, What::SOURCE);
        let definition = self.opt_text(f, &d.definition, What::DEFINITION);
        let note = self.opt_text(f, &d.note, What::NOTE);
        let label = self.opt_text(f, &d.label, What::LABEL);
        let data = match (&d.years, d.categories.is_empty()) {
            (Some(years), true) => self.time_series(f, d, years),
            (None, false) => self.categories(f, d),
            (Some(years), false) => {
                self.at(f, years.span(), msg!(IndicatorYearsAndCategories)).hint =
                    Some(msg!(IndicatorYearsAndCategoriesHint));
                Data::Years { years: Vec::new(), series: Vec::new() }
            }
            (None, true) => {
                self.file(f, msg!(IndicatorNoData)).hint = Some(msg!(IndicatorNoDataHint));
                Data::Years { years: Vec::new(), series: Vec::new() }
            }
        };
        let target = d.target.as_ref().map(|t| self.target(f, t));
        let chart = self.chart_kind(f, d, &data);
        let decimals = self.decimals(f, d);
        self.rounding(f, d, decimals);
        Indicator {
            id: ind.id.clone(),
            programme,
            file: f.path.clone(),
            title,
            slug,
            unit,
            source,
            definition,
            note,
            example_data: d.example_data,
            label,
            decimals,
            target,
            chart,
            scale: d.scale,
            data,
            goals: Vec::new(),
        }
    }

    fn time_series(&mut self, f: &Arc<Source>, d: &IndicatorFile, years: &Spanned<Vec<Spanned<i32>>>) -> Data {
        if years.get_ref().is_empty() {
            self.at(f, years.span(), msg!(YearsEmpty));
        }
        let mut seen = HashSet::new();
        for y in years.get_ref() {
            if self.year(f, y) && !seen.insert(*y.get_ref()) {
                self.at(f, y.span(), msg!(YearTwice, year = *y.get_ref())).hint = Some(msg!(YearTwiceHint));
            }
        }
        if years.get_ref().windows(2).any(|w| w[0].get_ref() > w[1].get_ref()) {
            self.at(f, years.span(), msg!(YearsOrder)).hint = Some(msg!(YearsOrderHint));
        }
        if d.series.is_empty() {
            self.file(f, msg!(YearsWithoutSeries)).hint = Some(msg!(YearsWithoutSeriesHint));
        }
        if let Some(y) = &d.year {
            self.at(f, y.span(), msg!(YearInTimeSeries));
        }
        let mut series = Vec::new();
        for s in &d.series {
            let name = self.text(f, &s.name, What::SERIES_NAME);
            let n = s.values.get_ref().len();
            let commas = decimal_commas(&f.text, s.values.get_ref());
            // Decimal commas that make one value per year too many are the whole story.
            let explained = !commas.is_empty() && n == years.get_ref().len() + commas.len();
            self.report_decimal_commas(f, &commas, explained);
            if n == 0 {
                self.at(f, s.values.span(), msg!(SeriesEmpty));
            } else if n != years.get_ref().len() && !explained {
                self.at(f, s.values.span(), msg!(SeriesLength, values = n, years = years.get_ref().len())).hint =
                    Some(msg!(SeriesLengthHint));
            } else if s.values.get_ref().iter().all(|v| v.get_ref().value.is_none()) {
                self.at(f, s.values.span(), msg!(SeriesOnlyGaps));
            }
            let values = s.values.get_ref().iter().map(|v| self.figure(f, v)).collect();
            series.push(Series { name, values, highlight: s.highlight });
        }
        if let (Some(target), Some(first)) = (&d.target, years.get_ref().first()) {
            if target.get_ref().year < *first.get_ref() {
                let message = msg!(TargetBeforeData, target = target.get_ref().year, first = *first.get_ref());
                self.at(f, target.span(), message).hint = Some(msg!(TargetBeforeDataHint));
            }
        }
        Data::Years { years: years.get_ref().iter().map(|y| *y.get_ref()).collect(), series }
    }

    fn categories(&mut self, f: &Arc<Source>, d: &IndicatorFile) -> Data {
        if !d.series.is_empty() {
            self.file(f, msg!(SeriesInComparison));
        }
        match &d.year {
            Some(y) => {
                self.year(f, y);
            }
            None => {
                self.file(f, msg!(ComparisonNeedsYear)).hint = Some(msg!(ComparisonNeedsYearHint));
            }
        }
        let mut categories: Vec<Category> = Vec::new();
        for c in &d.categories {
            let name = self.text(f, &c.name, What::CATEGORY_NAME);
            // Two bars of one name: the chart, its table and its summary would
            // show both (a wrong copy, most often, of the one before).
            if let Some(first) = categories.iter().position(|other| other.name == name) {
                let line = f.line_of(d.categories[first].name.span().start);
                let written = &f.text[c.name.span()];
                self.at(f, c.name.span(), msg!(CategoryTwice, name = written, line = line)).hint =
                    Some(msg!(CategoryTwiceHint));
            }
            if c.value.get_ref().value.is_none() {
                self.at(f, c.value.span(), msg!(CategoryNeedsValue));
            }
            let value = self.figure(f, &c.value);
            categories.push(Category { name, value, highlight: c.highlight, national: c.national });
        }
        if let (Some(target), Some(year)) = (&d.target, &d.year) {
            if target.get_ref().year < *year.get_ref() {
                let message = msg!(TargetBeforeData, target = target.get_ref().year, first = *year.get_ref());
                self.at(f, target.span(), message).hint = Some(msg!(TargetBeforeDataHint));
            }
        }
        Data::Categories { year: d.year.as_ref().map_or(0, |y| *y.get_ref()), categories }
    }

    /// Reports `commas` (see [`decimal_commas`]): errors when they are why
    /// the series has more values than years (`explained`), else warnings.
    fn report_decimal_commas(&mut self, f: &Arc<Source>, commas: &[Range<usize>], explained: bool) {
        for span in commas {
            let (a, b) = f.text[span.clone()].split_once(',').unwrap_or_default();
            let d = self.at(f, span.clone(), msg!(DecimalCommaInList, a = a, b = b));
            d.hint = Some(msg!(DecimalCommaInListHint, a = a, b = b));
            if !explained {
                d.severity = Severity::Warning;
            }
        }
    }

    fn figure(&mut self, f: &Arc<Source>, v: &Spanned<DataValue>) -> Figure {
        let d = v.get_ref();
        if let Some(x) = d.value.filter(|x| x.abs() > MAX_VALUE) {
            self.at(f, v.span(), msg!(ValueTooLarge, value = format!("{x:e}"))).hint = Some(msg!(ValueTooLargeHint));
        }
        let note = d.note.as_ref().map(|n| self.text(f, &Spanned::new(v.span(), n.clone()), What::VALUE_NOTE));
        Figure { value: d.value, status: d.status, note }
    }

    /// The chart asked for must be able to draw the data; without one, the
    /// data decides.
    fn chart_kind(&mut self, f: &Arc<Source>, d: &IndicatorFile, data: &Data) -> ChartKind {
        match (&d.chart, data) {
            (Some(kind), Data::Categories { .. }) if *kind.get_ref() == ChartKind::Line => {
                self.at(f, kind.span(), msg!(LineChartForCategories)).hint = Some(msg!(LineChartForCategoriesHint));
                ChartKind::Bar
            }
            (Some(kind), _) => *kind.get_ref(),
            (None, data) => chart_for(data),
        }
    }

    fn decimals(&mut self, f: &Arc<Source>, d: &IndicatorFile) -> Option<usize> {
        let decimals = d.decimals.as_ref()?;
        if *decimals.get_ref() > MAX_DECIMALS {
            self.at(f, decimals.span(), msg!(DecimalsTooMany, decimals = *decimals.get_ref())).hint =
                Some(msg!(DecimalsTooManyHint, max = MAX_DECIMALS));
        }
        Some(usize::from((*decimals.get_ref()).min(MAX_DECIMALS)))
    }

    /// Rounding never hides a difference without a word: values with more
    /// decimals than shown, when the indicator does not ask for rounding, and
    /// different values that would be shown the same.
    fn rounding(&mut self, f: &Arc<Source>, d: &IndicatorFile, setting: Option<usize>) {
        let series = d.series.iter().flat_map(|s| s.values.get_ref());
        let values: Vec<(f64, Range<usize>)> = series
            .chain(d.categories.iter().map(|c| &c.value))
            .filter_map(|v| Some((v.get_ref().value?, v.span())))
            .collect();
        let all = values.iter().map(|(v, _)| *v).chain(d.target.as_ref().map(|t| t.get_ref().value));
        let shown = shown_decimals(all, setting);
        let fmt = NumberFormat::default();
        if setting.is_none() {
            if let Some((v, span)) = values.iter().find(|(v, _)| decimals_needed(*v, 15) > shown) {
                let needed = decimals_needed(*v, 15);
                let message =
                    msg!(ValueRounded, value = v.to_string(), shown = shown, as_shown = fmt.format(*v, shown));
                let d = self.at(f, span.clone(), message);
                // More decimals than a page shows (0.1 + 0.2 as a spreadsheet writes it): round it.
                d.hint = Some(match needed > usize::from(MAX_DECIMALS) {
                    true => msg!(ValueRoundedTooManyHint, max = MAX_DECIMALS, shown = shown),
                    false => msg!(ValueRoundedHint, needed = needed, shown = shown),
                });
                d.severity = Severity::Warning;
            }
            return;
        }
        let mut seen: HashMap<String, f64> = HashMap::new();
        for (v, span) in &values {
            let text = fmt.format(*v, shown);
            match seen.get(&text) {
                Some(other) if other != v => {
                    let message = msg!(ValuesShownAlike, a = other.to_string(), b = v.to_string(), shown = &text);
                    let d = self.at(f, span.clone(), message);
                    d.hint = Some(msg!(ValuesShownAlikeHint));
                    d.severity = Severity::Warning;
                }
                _ => {
                    seen.insert(text, *v);
                }
            }
        }
    }

    fn target(&mut self, f: &Arc<Source>, target: &Spanned<TargetEntry>) -> Target {
        let t = target.get_ref();
        let label = t.label.as_ref().map(|label| {
            let spanned = Spanned::new(target.span(), label.clone());
            self.text(f, &spanned, What::TARGET_LABEL)
        });
        Target { value: t.value, year: t.year, label }
    }
}

/// The chart an indicator's data calls for: a line for a time series; bars
/// for a comparison, horizontal when the names are long or many. The same in
/// every language, so the pages of all languages agree.
fn chart_for(data: &Data) -> ChartKind {
    match data {
        Data::Years { .. } => ChartKind::Line,
        Data::Categories { categories, .. } => {
            let long = categories.iter().flat_map(|c| c.name.values()).any(|n| n.chars().count() > 10);
            if long || categories.len() > 6 {
                ChartKind::Hbar
            } else {
                ChartKind::Bar
            }
        }
    }
}

/// Where `values`, as written in `text`, have what is most likely a decimal
/// comma: `[61, 62,5, 66]` is read as two values, 62 and 5. In a list that
/// otherwise puts a space after its commas, a comma between two whole
/// numbers with no space is one.
fn decimal_commas(text: &str, values: &[Spanned<DataValue>]) -> Vec<Range<usize>> {
    let gap = |w: &[Spanned<DataValue>]| &text[w[0].span().end..w[1].span().start];
    if !values.windows(2).any(|w| gap(w) != ",") {
        return Vec::new();
    }
    let whole = |v: &Spanned<DataValue>| {
        let written = text[v.span()].trim_start_matches('-');
        !written.is_empty() && written.bytes().all(|b| b.is_ascii_digit())
    };
    values
        .windows(2)
        .filter(|w| gap(w) == "," && whole(&w[0]) && whole(&w[1]))
        .map(|w| w[0].span().start..w[1].span().end)
        .collect()
}
