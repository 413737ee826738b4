//! Indicators: texts, id, chart kind, and the shape of the data (a time
//! series by year, or a comparison by category), checked and converted.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use crate::diagnostics::Severity;
use crate::load::files::{DataValue, IndicatorFile, TargetEntry};
use crate::load::LoadedIndicator;
use crate::locale::{decimals_needed, shown_decimals, NumberFormat};
use crate::model::{Category, ChartKind, Data, Figure, Indicator, ProgrammeId, Series, Target};
use crate::source::Source;
use crate::text::{is_valid_slug, slugify};

/// The largest value goalsite draws and writes exactly (a thousand million
/// million); larger ones are typing mistakes or need another unit.
pub const MAX_VALUE: f64 = 1e15;

/// The most decimals an indicator may ask for.
const MAX_DECIMALS: u8 = 6;

use super::Validator;

impl Validator<'_> {
    pub(super) fn indicator(&mut self, ind: &LoadedIndicator, programme: ProgrammeId) -> Indicator {
        let f = &ind.source;
        let d = &ind.data;
        if !is_valid_slug(&ind.id) {
            let message =
                format!("the indicator id `{}` (its file name) may only have lowercase a–z, digits and -", ind.id);
            self.file(f, message).hint = Some(format!("rename the file to {}.toml", slugify(&ind.id)));
        }
        let title = self.text(f, &d.title, "the indicator title");
        let slug = self.slug(f, &d.slug);
        let unit = self.opt_text(f, &d.unit, "the unit");
        let source = self.text(f, &d.source, "the source");
        let definition = self.opt_text(f, &d.definition, "the definition");
        let note = self.opt_text(f, &d.note, "the note");
        let label = self.opt_text(f, &d.label, "the label");
        let data = match (&d.years, d.categories.is_empty()) {
            (Some(years), true) => self.time_series(f, d, years),
            (None, false) => self.categories(f, d),
            (Some(years), false) => {
                let dg = self.at(
                    f,
                    years.span(),
                    "an indicator has either years with [[series]] or [[category]] values, not both",
                );
                dg.hint = Some("split it into two indicators".into());
                Data::Years { years: Vec::new(), series: Vec::new() }
            }
            (None, true) => {
                self.file(f, "the indicator has no data").hint =
                    Some("add years = [...] with [[series]], or [[category]] entries (see docs/authoring.md)".into());
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
            self.at(f, years.span(), "the list of years is empty");
        }
        let mut seen = HashSet::new();
        for y in years.get_ref() {
            if self.year(f, y) && !seen.insert(*y.get_ref()) {
                let dg = self.at(f, y.span(), format!("the year {} is listed twice", y.get_ref()));
                dg.hint = Some("each year appears once in years = [...]".into());
            }
        }
        if years.get_ref().windows(2).any(|w| w[0].get_ref() > w[1].get_ref()) {
            let dg = self.at(f, years.span(), "the years are not in order");
            dg.hint = Some("list the years from the earliest to the latest".into());
        }
        if d.series.is_empty() {
            self.file(f, "the indicator has years but no [[series]]").hint =
                Some("add a [[series]] with a name and values = [...]".into());
        }
        if let Some(y) = &d.year {
            self.at(f, y.span(), "`year` is for comparisons by [[category]]; a time series uses years = [...]");
        }
        let mut series = Vec::new();
        for s in &d.series {
            let name = self.text(f, &s.name, "the series name");
            let n = s.values.get_ref().len();
            if n == 0 {
                self.at(f, s.values.span(), "the series has no values");
            } else if n != years.get_ref().len() {
                let dg = self.at(
                    f,
                    s.values.span(),
                    format!("the series has {n} values but there are {} years", years.get_ref().len()),
                );
                dg.hint = Some("give one value per year; write \"-\" for a year without a value".into());
            } else if s.values.get_ref().iter().all(|v| v.get_ref().value.is_none()) {
                self.at(f, s.values.span(), "the series has no values, only gaps");
            }
            self.decimal_commas(f, s.values.get_ref());
            let values = s.values.get_ref().iter().map(|v| self.figure(f, v)).collect();
            series.push(Series { name, values, highlight: s.highlight });
        }
        if let (Some(target), Some(first)) = (&d.target, years.get_ref().first()) {
            if target.get_ref().year < *first.get_ref() {
                let dg = self.at(
                    f,
                    target.span(),
                    format!(
                        "the target year {} is before the data starts ({})",
                        target.get_ref().year,
                        first.get_ref()
                    ),
                );
                dg.hint = Some("a target lies in the future of the data; check the year".into());
            }
        }
        Data::Years { years: years.get_ref().iter().map(|y| *y.get_ref()).collect(), series }
    }

    fn categories(&mut self, f: &Arc<Source>, d: &IndicatorFile) -> Data {
        if !d.series.is_empty() {
            self.file(f, "[[series]] needs years = [...]; comparisons use [[category]] only");
        }
        match &d.year {
            Some(y) => {
                self.year(f, y);
            }
            None => {
                self.file(f, "a comparison by [[category]] needs the year it shows").hint =
                    Some("add year = 2023 (the year of the values) at the top".into());
            }
        }
        let mut categories = Vec::new();
        for c in &d.categories {
            let name = self.text(f, &c.name, "the category name");
            if c.value.get_ref().value.is_none() {
                self.at(f, c.value.span(), "a category needs a value");
            }
            let value = self.figure(f, &c.value);
            categories.push(Category { name, value, highlight: c.highlight, national: c.national });
        }
        if let (Some(target), Some(year)) = (&d.target, &d.year) {
            if target.get_ref().year < *year.get_ref() {
                self.at(
                    f,
                    target.span(),
                    format!("the target year {} is before the data ({})", target.get_ref().year, year.get_ref()),
                );
            }
        }
        Data::Categories { year: d.year.as_ref().map_or(0, |y| *y.get_ref()), categories }
    }

    /// A value as written: within the range goalsite can draw, its note translated.
    /// `[61, 62,5, 66]`: TOML reads `62,5` as two values, 62 and 5, which
    /// may still add up to one value per year. In a list that otherwise puts a
    /// space after its commas, a comma between two whole numbers with no
    /// space is most likely a decimal comma.
    fn decimal_commas(&mut self, f: &Arc<Source>, values: &[Spanned<DataValue>]) {
        let text = &f.text;
        let gap = |w: &[Spanned<DataValue>]| &text[w[0].span().end..w[1].span().start];
        if !values.windows(2).any(|w| gap(w) != ",") {
            return;
        }
        let whole = |v: &Spanned<DataValue>| {
            let written = text[v.span()].trim_start_matches('-');
            !written.is_empty() && written.bytes().all(|b| b.is_ascii_digit())
        };
        for w in values.windows(2).filter(|w| gap(w) == "," && whole(&w[0]) && whole(&w[1])) {
            let (a, b) = (&text[w[0].span()], &text[w[1].span()]);
            let d =
                self.at(f, w[0].span().start..w[1].span().end, format!("`{a},{b}` is read as two values, {a} and {b}"));
            d.hint = Some(format!(
                "if it is one value, write it with a decimal point: {a}.{b}; if it is two, put a space after the comma"
            ));
            d.severity = Severity::Warning;
        }
    }

    fn figure(&mut self, f: &Arc<Source>, v: &Spanned<DataValue>) -> Figure {
        let d = v.get_ref();
        if let Some(x) = d.value.filter(|x| x.abs() > MAX_VALUE) {
            let d = self.at(f, v.span(), format!("{x:e} is too large to draw and show exactly"));
            d.hint =
                Some("values up to a thousand million million (1e15) work; use a larger unit, like thousands".into());
        }
        let note = d.note.as_ref().map(|n| self.text(f, &Spanned::new(v.span(), n.clone()), "the value's note"));
        Figure { value: d.value, status: d.status, note }
    }

    /// The chart asked for must be able to draw the data; without one, the
    /// data decides.
    fn chart_kind(&mut self, f: &Arc<Source>, d: &IndicatorFile, data: &Data) -> ChartKind {
        match (&d.chart, data) {
            (Some(kind), Data::Categories { .. }) if *kind.get_ref() == ChartKind::Line => {
                let dg =
                    self.at(f, kind.span(), "a line chart draws values over years; this indicator compares categories");
                dg.hint = Some("use chart = \"bar\" or \"hbar\", or leave chart out".into());
                ChartKind::Bar
            }
            (Some(kind), _) => *kind.get_ref(),
            (None, data) => chart_for(data),
        }
    }

    fn decimals(&mut self, f: &Arc<Source>, d: &IndicatorFile) -> Option<usize> {
        let decimals = d.decimals.as_ref()?;
        if *decimals.get_ref() > MAX_DECIMALS {
            self.at(f, decimals.span(), format!("decimals = {} is more than goalsite shows", decimals.get_ref()))
                .hint = Some(format!("use 0 to {MAX_DECIMALS}"));
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
                let message = format!("{v} is shown rounded to {shown} decimals, as {}", fmt.format(*v, shown));
                let d = self.at(f, span.clone(), message);
                d.hint = Some(format!(
                    "write decimals = {needed} at the top of the file to show every digit, or decimals = {shown} to round on purpose"
                ));
                d.severity = Severity::Warning;
            }
            return;
        }
        let mut seen: HashMap<String, f64> = HashMap::new();
        for (v, span) in &values {
            let text = fmt.format(*v, shown);
            match seen.get(&text) {
                Some(other) if other != v => {
                    let d = self.at(f, span.clone(), format!("{other} and {v} are both shown as {text}"));
                    d.hint = Some("show more decimals (decimals = …), or round the values in the file".into());
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
            self.text(f, &spanned, "the target label")
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
