//! The text summary written under each chart (and used as its `<desc>`):
//! period, first and last value, change, distance to the target, highest and
//! lowest category, in the page's language and number format. Every sentence
//! is a whole pattern from the theme's i18n file, never glued from words;
//! every value that is not measured says what it is, and so does example data.

use crate::locale::{fill, I18n, Lang, UiKey};
use crate::model::{Data, Figure, Indicator, Series, ValueScale, ValueStatus};

/// A summary of `ind` in the language of `i18n`, its values with `decimals` decimals.
pub fn summary(ind: &Indicator, lang: Lang, i18n: &I18n, decimals: usize) -> String {
    let unit = ind.unit.as_ref().map_or("", |u| u.tr(lang));
    let w = Words { lang, i18n, decimals, unit, ratio: ind.scale == ValueScale::Ratio };
    let mut sentences = Vec::new();
    if ind.example_data {
        sentences.push(i18n.string(UiKey::ChartExampleDataSentence));
    }
    match &ind.data {
        Data::Years { years, series } => {
            for s in series {
                sentences.extend(w.series(s, years));
            }
            if let Some(t) = &ind.target {
                // The target belongs to the highlighted series (the home municipality), else the first.
                let home = series.iter().find(|s| s.highlight).or(series.first());
                let last = home.and_then(|s| years.iter().zip(&s.values).rev().find(|(_, f)| f.value.is_some()));
                sentences.push(w.target(t.value, t.year, last.map(|(y, f)| (*y, f))));
            }
        }
        Data::Categories { year, categories } => {
            let values: Vec<(&str, &Figure)> =
                categories.iter().filter(|c| c.value.value.is_some()).map(|c| (c.name.tr(lang), &c.value)).collect();
            let by_value = |a: &&(&str, &Figure), b: &&(&str, &Figure)| {
                a.1.value.unwrap_or_default().total_cmp(&b.1.value.unwrap_or_default())
            };
            if let (Some(max), Some(min)) = (values.iter().max_by(by_value), values.iter().min_by(by_value)) {
                sentences.push(fill(
                    &i18n.string(UiKey::ChartCategories),
                    &[
                        ("year", &year.to_string()),
                        ("max_name", max.0),
                        ("max", &w.figure(max.1)),
                        ("min_name", min.0),
                        ("min", &w.figure(min.1)),
                    ],
                ));
            }
            for c in categories.iter().filter(|c| (c.highlight || c.national) && c.value.value.is_some()) {
                sentences.push(fill(
                    &i18n.string(UiKey::ChartOneValue),
                    &[("name", c.name.tr(lang)), ("value", &w.figure(&c.value))],
                ));
            }
            if let Some(t) = &ind.target {
                sentences.push(fill(
                    &i18n.string(UiKey::ChartTarget),
                    &[("target", &w.value(t.value)), ("year", &t.year.to_string())],
                ));
            }
        }
    }
    sentences.retain(|s| !s.is_empty());
    sentences.join(" ")
}

/// Whether `unit` is per cent in the language of `i18n` (changes are then
/// in percentage points).
pub fn is_percent(unit: &str, i18n: &I18n) -> bool {
    let unit = unit.trim().to_lowercase();
    unit == "%" || i18n.units.percent.iter().any(|p| p.to_lowercase() == unit)
}

/// How values are written in one language.
struct Words<'a> {
    lang: Lang,
    i18n: &'a I18n,
    decimals: usize,
    unit: &'a str,
    /// The values count from a true zero (not from a baseline), so that a
    /// change can be a per cent of a positive start.
    ratio: bool,
}

impl Words<'_> {
    fn string(&self, key: UiKey) -> String {
        self.i18n.string(key)
    }

    fn is_percent(&self) -> bool {
        is_percent(self.unit, self.i18n)
    }

    /// A number with the unit.
    fn value(&self, v: f64) -> String {
        let n = self.i18n.number.format(v, self.decimals);
        match self.unit.is_empty() {
            true => n,
            false => fill(&self.string(UiKey::ChartValueUnit), &[("value", &n), ("unit", self.unit)]),
        }
    }

    /// A figure with its unit, and what it is when it is not measured.
    fn figure(&self, f: &Figure) -> String {
        let value = self.value(f.value.unwrap_or_default());
        match f.status {
            ValueStatus::Measured => value,
            status => {
                fill(&self.string(UiKey::ChartValueStatus), &[("value", &value), ("status", &self.status(status))])
            }
        }
    }

    fn status(&self, status: ValueStatus) -> String {
        self.string(status.word())
    }

    /// The sentences about one series: first and last value and the change
    /// between them, and the years without a value.
    fn series(&self, s: &Series, years: &[i32]) -> Vec<String> {
        let name = s.name.tr(self.lang);
        let points: Vec<(i32, &Figure)> =
            years.iter().zip(&s.values).filter(|(_, f)| f.value.is_some()).map(|(y, f)| (*y, f)).collect();
        let mut sentences = Vec::new();
        match (points.first(), points.last()) {
            (Some(first), Some(last)) if points.len() > 1 => {
                sentences.push(self.change(name, *first, *last));
                let unmeasured = [first.1.status, last.1.status].into_iter().find(|s| *s != ValueStatus::Measured);
                if let Some(status) = unmeasured {
                    sentences
                        .push(fill(&self.string(UiKey::ChartChangeNotMeasured), &[("status", &self.status(status))]));
                }
            }
            (Some(only), _) => sentences.push(fill(
                &self.string(UiKey::ChartSeriesSingle),
                &[("name", name), ("value", &self.figure(only.1)), ("year", &only.0.to_string())],
            )),
            _ => {}
        }
        sentences.extend(self.unmeasured_between(&points));
        let gaps: Vec<String> =
            years.iter().zip(&s.values).filter(|(_, f)| f.value.is_none()).map(|(y, _)| y.to_string()).collect();
        if !gaps.is_empty() {
            sentences.push(fill(&self.string(UiKey::ChartGaps), &[("years", &gaps.join(", "))]));
        }
        sentences
    }

    /// What the values between the first and the last are when they are not
    /// measured (the first and the last say so themselves): a sentence per
    /// kind, naming the years.
    fn unmeasured_between(&self, points: &[(i32, &Figure)]) -> Vec<String> {
        let inner = points.get(1..points.len().saturating_sub(1)).unwrap_or_default();
        let mut statuses: Vec<ValueStatus> = Vec::new();
        for (_, f) in inner.iter().filter(|(_, f)| f.status != ValueStatus::Measured) {
            if !statuses.contains(&f.status) {
                statuses.push(f.status);
            }
        }
        statuses
            .into_iter()
            .map(|status| {
                let years: Vec<String> =
                    inner.iter().filter(|(_, f)| f.status == status).map(|(y, _)| y.to_string()).collect();
                let (key, name) = match years.len() {
                    1 => (UiKey::ChartUnmeasuredOne, "year"),
                    _ => (UiKey::ChartUnmeasuredMany, "years"),
                };
                fill(&self.string(key), &[(name, &years.join(", ")), ("status", &self.status(status))])
            })
            .collect()
    }

    /// "{name}: {first} in {first_year} and {last} in {last_year}, a decrease of …".
    fn change(&self, name: &str, first: (i32, &Figure), last: (i32, &Figure)) -> String {
        let (a, b) = (first.1.value.unwrap_or_default(), last.1.value.unwrap_or_default());
        let change = b - a;
        let (by, by_percent) = match change < 0.0 {
            true => (UiKey::ChartSeriesDecrease, UiKey::ChartSeriesDecreasePercent),
            false => (UiKey::ChartSeriesIncrease, UiKey::ChartSeriesIncreasePercent),
        };
        let shown_change = self.i18n.number.format(change.abs(), self.decimals);
        let mut values = vec![
            ("name", name.to_owned()),
            ("first", self.figure(first.1)),
            ("first_year", first.0.to_string()),
            ("last", self.figure(last.1)),
            ("last_year", last.0.to_string()),
        ];
        let key = if shown_change == self.i18n.number.format(0.0, self.decimals) {
            UiKey::ChartSeriesUnchanged
        } else if self.is_percent() {
            // A change between two percentages is in percentage points, never a per cent of a per cent.
            values.push(("change", fill(&self.string(UiKey::ChartPoints), &[("value", &shown_change)])));
            by
        } else if a > 0.0 && self.ratio {
            // A per cent only of a positive amount: from zero or below, or on
            // a scale whose zero is a chosen baseline, it would mean nothing.
            values.push(("change", self.value(change.abs())));
            let percent = self.i18n.number.format((change / a * 100.0).abs(), 0);
            values.push(("percent", fill(&self.string(UiKey::Percent), &[("value", &percent)])));
            by_percent
        } else {
            values.push(("change", self.value(change.abs())));
            by
        };
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(&self.string(key), &values)
    }

    /// The target, and how far the last value (named by its year) is from it.
    fn target(&self, target: f64, year: i32, last: Option<(i32, &Figure)>) -> String {
        let mut s =
            fill(&self.string(UiKey::ChartTarget), &[("target", &self.value(target)), ("year", &year.to_string())]);
        if let Some((last_year, figure)) = last {
            let v = figure.value.unwrap_or_default();
            let key = if v > target {
                UiKey::ChartAboveTarget
            } else if v < target {
                UiKey::ChartBelowTarget
            } else {
                UiKey::ChartAtTarget
            };
            let distance = match self.is_percent() {
                true => fill(
                    &self.string(UiKey::ChartPoints),
                    &[("value", &self.i18n.number.format((v - target).abs(), self.decimals))],
                ),
                false => self.value((v - target).abs()),
            };
            s.push(' ');
            s.push_str(&fill(
                &self.string(key),
                &[("distance", &distance), ("year", &last_year.to_string()), ("value", &self.figure(figure))],
            ));
        }
        s
    }
}
