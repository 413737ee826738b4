//! Indicators: texts, id, chart kind, and the shape of the data (a time
//! series by year, or a comparison by category), checked and converted.

use std::collections::HashSet;
use std::sync::Arc;

use toml::Spanned;

use crate::load::files::{IndicatorFile, TargetEntry};
use crate::load::LoadedIndicator;
use crate::model::{Category, ChartKind, Data, Indicator, ProgrammeId, Series, Target};
use crate::source::Source;
use crate::text::{is_valid_slug, slugify};

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
            target,
            chart: d.chart.as_ref().map_or_else(|| chart_for(&data), |c| *c.get_ref()),
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
            } else if s.values.get_ref().iter().all(|v| v.get_ref().0.is_none()) {
                self.at(f, s.values.span(), "the series has no values, only gaps");
            }
            let values = s.values.get_ref().iter().map(|v| v.get_ref().0).collect();
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
            if c.value.get_ref().0.is_none() {
                self.at(f, c.value.span(), "a category needs a value");
            }
            categories.push(Category {
                name,
                value: c.value.get_ref().0,
                highlight: c.highlight,
                national: c.national,
            });
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
