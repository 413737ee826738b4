//! The text summary written under each chart (and used as its `<desc>`):
//! period, first and last value, change, distance to the target, highest and
//! lowest category, in the page's language and number format.

use crate::locale::{fill, I18n, NumberFormat};
use crate::model::{Data, Indicator};

/// A summary of `ind` in the language of `i18n`.
pub fn summary(ind: &Indicator, lang: &str, i18n: &I18n, decimals: usize) -> String {
    let fmt = &i18n.number;
    let unit = ind.unit.as_ref().map_or("", |u| u.tr(lang));
    let with_unit = |v: f64| {
        let n = fmt.format(v, decimals);
        if unit.is_empty() {
            n
        } else {
            fill(&i18n.string("chart_value_unit"), &[("value", &n), ("unit", unit)])
        }
    };
    let mut sentences = Vec::new();
    match &ind.data {
        Data::Years { years, series } => {
            for s in series {
                let points: Vec<(i32, f64)> =
                    years.iter().zip(&s.values).filter_map(|(y, v)| v.map(|v| (*y, v))).collect();
                let name = s.name.tr(lang);
                sentences.push(series_sentence(name, &points, i18n, fmt, &with_unit));
                let gaps: Vec<String> =
                    years.iter().zip(&s.values).filter(|(_, v)| v.is_none()).map(|(y, _)| y.to_string()).collect();
                if !gaps.is_empty() {
                    sentences.push(fill(&i18n.string("chart_gaps"), &[("years", &gaps.join(", "))]));
                }
            }
            if let Some(t) = &ind.target {
                // The target belongs to the highlighted series (the home municipality), else the first.
                let home = series.iter().find(|s| s.highlight).or(series.first());
                let last = home.and_then(|s| s.values.iter().rev().find_map(|v| *v));
                sentences.push(target_sentence(t.value, t.year, last, i18n, &with_unit));
            }
        }
        Data::Categories { year, categories } => {
            let values: Vec<(&str, f64)> =
                categories.iter().filter_map(|c| c.value.map(|v| (c.name.tr(lang), v))).collect();
            let year = year.to_string();
            if let (Some(max), Some(min)) =
                (values.iter().max_by(|a, b| a.1.total_cmp(&b.1)), values.iter().min_by(|a, b| a.1.total_cmp(&b.1)))
            {
                sentences.push(fill(
                    &i18n.string("chart_categories"),
                    &[
                        ("year", &year),
                        ("max_name", max.0),
                        ("max", &with_unit(max.1)),
                        ("min_name", min.0),
                        ("min", &with_unit(min.1)),
                    ],
                ));
            }
            for c in categories.iter().filter(|c| c.highlight || c.national) {
                if let Some(v) = c.value {
                    sentences.push(fill(
                        &i18n.string("chart_one_value"),
                        &[("name", c.name.tr(lang)), ("value", &with_unit(v))],
                    ));
                }
            }
            if let Some(t) = &ind.target {
                sentences.push(fill(
                    &i18n.string("chart_target"),
                    &[("target", &with_unit(t.value)), ("year", &t.year.to_string())],
                ));
            }
        }
    }
    sentences.join(" ")
}

fn series_sentence(
    name: &str,
    points: &[(i32, f64)],
    i18n: &I18n,
    fmt: &NumberFormat,
    with_unit: &dyn Fn(f64) -> String,
) -> String {
    match (points.first(), points.last()) {
        (Some(first), Some(last)) if points.len() > 1 => {
            let change = last.1 - first.1;
            let mut values = vec![
                ("name", name.to_owned()),
                ("first", with_unit(first.1)),
                ("first_year", first.0.to_string()),
                ("last", with_unit(last.1)),
                ("last_year", last.0.to_string()),
                ("change", with_unit(change.abs())),
                ("direction", i18n.string(if change < 0.0 { "chart_decrease" } else { "chart_increase" })),
            ];
            let pattern = if change == 0.0 {
                i18n.string("chart_series_unchanged")
            } else if first.1 != 0.0 {
                let percent = fmt.format((change / first.1 * 100.0).abs(), 0);
                values.push(("percent", fill(&i18n.string("percent"), &[("value", &percent)])));
                i18n.string("chart_series_change_percent")
            } else {
                i18n.string("chart_series_change")
            };
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            fill(&pattern, &values)
        }
        (Some(only), _) => fill(
            &i18n.string("chart_series_single"),
            &[("name", name), ("value", &with_unit(only.1)), ("year", &only.0.to_string())],
        ),
        _ => String::new(),
    }
}

fn target_sentence(
    target: f64,
    year: i32,
    last: Option<f64>,
    i18n: &I18n,
    with_unit: &dyn Fn(f64) -> String,
) -> String {
    let mut s = fill(&i18n.string("chart_target"), &[("target", &with_unit(target)), ("year", &year.to_string())]);
    if let Some(last) = last {
        let key = if last > target {
            "chart_above_target"
        } else if last < target {
            "chart_below_target"
        } else {
            "chart_at_target"
        };
        s.push(' ');
        s.push_str(&fill(&i18n.string(key), &[("distance", &with_unit((last - target).abs()))]));
    }
    s
}
