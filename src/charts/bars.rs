//! Bars: a comparison by category (the home municipality in its own colour
//! and bold, the national value set apart at the end), or a time series by
//! year. Horizontal when the names are long, many, or would not fit under
//! their bars, with the drawing growing by a row per category so that every
//! name is written; a target is a labelled line across the bars.

use crate::model::{Category, Figure, Series, ValueStatus};

use super::draw::{Anchor, Bounds, Drawing, Label};
use super::frame::{Frame, Item, Key, PAD};
use super::scale::{Scale, TickFormat};
use super::{Chart, Variant, FONT_SIZE};

/// One bar.
struct Bar {
    value: Option<f64>,
    measured: bool,
    color: String,
}

/// A named group of bars: a category, or a year with a bar per series.
struct Group {
    name: String,
    bold: bool,
    /// Set apart from the groups before it (the national value).
    apart: bool,
    bars: Vec<Bar>,
}

/// The most categories drawn as upright bars.
const MAX_UPRIGHT: usize = 8;

fn bar(figure: &Figure, color: &str) -> Bar {
    Bar { value: figure.value, measured: figure.status == ValueStatus::Measured, color: color.to_owned() }
}

/// A comparison by category.
pub fn categories(chart: &Chart, variant: Variant, categories: &[Category]) -> Drawing {
    let style = chart.style;
    let ordered = categories.iter().filter(|c| !c.national).chain(categories.iter().filter(|c| c.national));
    let groups: Vec<Group> = ordered
        .map(|c| {
            let color = if c.highlight {
                &style.highlight
            } else if c.national {
                &style.national
            } else {
                &style.bar
            };
            Group {
                name: c.name.tr(chart.lang).to_owned(),
                bold: c.highlight,
                apart: c.national,
                bars: vec![bar(&c.value, color)],
            }
        })
        .collect();
    // Every language's names decide, so that all language versions agree.
    let longest = categories
        .iter()
        .flat_map(|c| c.name.values())
        .map(|n| super::font::width(n, FONT_SIZE, true))
        .fold(0.0, f32::max);
    draw(chart, variant, groups, Vec::new(), longest)
}

/// A time series as bars: a group per year, a bar per series.
pub fn years(chart: &Chart, variant: Variant, years: &[i32], series: &[Series]) -> Drawing {
    let style = chart.style;
    let color = |i: usize| match series.len() {
        1 => style.bar.clone(),
        _ => style.series[i % style.series.len()].clone(),
    };
    let groups = years
        .iter()
        .enumerate()
        .map(|(k, y)| Group {
            name: y.to_string(),
            bold: false,
            apart: false,
            bars: series.iter().enumerate().filter_map(|(i, s)| s.values.get(k).map(|f| bar(f, &color(i)))).collect(),
        })
        .collect();
    let legend = match series.len() {
        1 => Vec::new(),
        _ => series
            .iter()
            .enumerate()
            .map(|(i, s)| Item { key: Key::Bar(color(i)), text: s.name.tr(chart.lang).to_owned(), bold: s.highlight })
            .collect(),
    };
    draw(chart, variant, groups, legend, super::font::width("0000", FONT_SIZE, false))
}

fn draw(chart: &Chart, variant: Variant, groups: Vec<Group>, legend: Vec<Item>, longest_name: f32) -> Drawing {
    let width = variant.width();
    let bars_per_group = groups.iter().map(|g| g.bars.len()).max().unwrap_or(1);
    let band = (width - 2.0 * PAD - 70.0) / groups.len().max(1) as f32;
    let upright = chart.ind.chart != crate::model::ChartKind::Hbar
        && groups.len() <= MAX_UPRIGHT
        && longest_name + 8.0 <= band
        && band / bars_per_group as f32 >= 14.0;
    let below = chart.unmeasured_item().into_iter().collect();
    let frame = Frame::new(chart, width, FONT_SIZE, legend, below);
    match upright {
        true => upright_bars(chart, variant, &groups, &frame),
        false => lying_bars(chart, variant, &groups, &frame, longest_name),
    }
}

/// The value axis of `groups` (zero included; a percentage ends at 100).
fn value_scale(chart: &Chart, groups: &[Group], ticks: usize) -> Scale {
    let values = groups.iter().flat_map(|g| g.bars.iter().filter_map(|b| b.value));
    let values = values.chain(chart.ind.target.as_ref().map(|t| t.value));
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    Scale::nice(lo, hi, ticks, chart.percent())
}

fn draw_bar(d: &mut Drawing, b: &Bar, bounds: Bounds) {
    match b.measured {
        true => d.rect(bounds, Some(&b.color), None),
        false => d.rect(bounds, None, Some(&b.color)),
    }
}

/// Upright bars: names under the bars, values above them, ticks on the left.
fn upright_bars(chart: &Chart, variant: Variant, groups: &[Group], frame: &Frame) -> Drawing {
    let style = chart.style;
    let width = variant.width();
    let (mut d, plot_top, plot_bottom) = frame.canvas(chart, width, variant.plot_height());
    let scale = value_scale(chart, groups, 5);
    let fmt = TickFormat::new(&scale, chart.i18n);
    let ticks: Vec<(f64, String)> = scale.ticks().into_iter().map(|t| (t, fmt.label(t))).collect();
    let tick_width = ticks.iter().map(|(_, l)| d.text_width(l, false)).fold(0.0, f32::max);
    let plot = Bounds { left: PAD + tick_width + 8.0, top: plot_top, right: width - PAD, bottom: plot_bottom };
    let y_at = |v: f64| scale.at(v, plot.bottom, plot.top);
    for (t, label) in &ticks {
        let y = y_at(*t);
        d.line((plot.left, y), (plot.right, y), if *t == 0.0 { &style.axis } else { &style.grid }, 1.0, None);
        d.text(&Label {
            text: label,
            x: plot.left - 8.0,
            y: y + FONT_SIZE * 0.35,
            anchor: Anchor::End,
            bold: false,
            color: &style.text,
        });
    }
    let apart = groups.iter().filter(|g| g.apart).count() as f32 * 12.0;
    let band = (plot.right - plot.left - apart) / groups.len().max(1) as f32;
    let mut x = plot.left;
    let mut value_labels = Vec::new();
    for g in groups {
        if g.apart {
            x += 12.0;
        }
        let centre = x + band / 2.0;
        let group_width = (band * 0.7).min(64.0 * g.bars.len() as f32);
        let bar_width = group_width / g.bars.len().max(1) as f32;
        for (k, b) in g.bars.iter().enumerate() {
            let Some(v) = b.value else { continue };
            let left = centre - group_width / 2.0 + k as f32 * bar_width;
            let (top, bottom) = (y_at(v.max(0.0)), y_at(v.min(0.0)));
            draw_bar(&mut d, b, Bounds { left: left + 1.0, top, right: left + bar_width - 1.0, bottom });
            value_labels.push((
                chart.value(v),
                left + bar_width / 2.0,
                if v >= 0.0 { top - 6.0 } else { bottom + FONT_SIZE },
            ));
        }
        let name = Label {
            text: &g.name,
            x: centre,
            y: plot.bottom + FONT_SIZE * 1.35,
            anchor: Anchor::Middle,
            bold: g.bold,
            color: &style.text,
        };
        d.text(&name);
        x += band;
    }
    for (text, x, y) in &value_labels {
        d.text_where_it_fits(&[Label { text, x: *x, y: *y, anchor: Anchor::Middle, bold: false, color: &style.text }]);
    }
    if let Some(t) = &chart.ind.target {
        // The label beside the line where it fits, then the line, broken
        // where it would cross a label.
        let y = y_at(t.value);
        let text = super::target_text(chart, t.value);
        let color = style.text.as_str();
        let below = y + FONT_SIZE * 1.1;
        let label = |x: f32, y: f32, anchor: Anchor| Label { text: &text, x, y, anchor, bold: false, color };
        d.text_where_it_fits(&[
            label(plot.right, y - 6.0, Anchor::End),
            label(plot.right, below, Anchor::End),
            label(plot.left + 4.0, y - 6.0, Anchor::Start),
            label(plot.left + 4.0, below, Anchor::Start),
            label(plot.right, plot.top - 6.0, Anchor::End),
        ]);
        d.line_around_texts((plot.left, y), (plot.right, y), &style.target, 2.0, "6,4");
    }
    d
}

/// Lying bars: a row per group, its name beside the bar (or above it where
/// names are long or the drawing narrow), the value after the bar's end.
fn lying_bars(chart: &Chart, variant: Variant, groups: &[Group], frame: &Frame, longest_name: f32) -> Drawing {
    let style = chart.style;
    let width = variant.width();
    let line_height = (FONT_SIZE * 1.35).round();
    let stacked = longest_name > width * 0.34;
    let bar_height = 18.0;
    let bars_per_group = groups.iter().map(|g| g.bars.len()).max().unwrap_or(1) as f32;
    // Stacked, a name stands on its own line(s) above its bars, wrapped to the width.
    let names: Vec<Vec<String>> = groups
        .iter()
        .map(|g| match stacked {
            true => super::frame::wrap(&g.name, width - 2.0 * PAD, |t| super::font::width(t, FONT_SIZE, g.bold)),
            false => vec![g.name.clone()],
        })
        .collect();
    let row = |lines: usize| match stacked {
        true => bars_per_group * bar_height + lines as f32 * line_height + 8.0,
        false => bars_per_group * bar_height + 10.0,
    };
    let apart = groups.iter().filter(|g| g.apart).count() as f32 * 12.0;
    let rows_top = frame.top_height() + line_height;
    let rows_bottom = rows_top + names.iter().map(|n| row(n.len())).sum::<f32>() + apart;
    let height = rows_bottom + line_height + 6.0 + frame.bottom_height();
    let mut d = Drawing::new(width, height, FONT_SIZE, &style.background);
    frame.draw(&mut d, chart);
    let scale = value_scale(chart, groups, if variant == Variant::Narrow { 3 } else { 5 });
    let widest_value = groups
        .iter()
        .flat_map(|g| g.bars.iter().filter_map(|b| b.value))
        .map(|v| d.text_width(&chart.value(v), false))
        .fold(0.0, f32::max);
    let left = if stacked { PAD } else { PAD + longest_name + 10.0 };
    let plot = Bounds { left, top: rows_top, right: width - PAD - widest_value - 8.0, bottom: rows_bottom };
    let x_at = |v: f64| scale.at(v, plot.left, plot.right);
    let fmt = TickFormat::new(&scale, chart.i18n);
    for t in scale.ticks() {
        let x = x_at(t);
        d.line((x, plot.top), (x, plot.bottom), if t == 0.0 { &style.axis } else { &style.grid }, 1.0, None);
        let label = fmt.label(t);
        let text = Label {
            text: &label,
            x,
            y: plot.bottom + FONT_SIZE * 1.35,
            anchor: Anchor::Middle,
            bold: false,
            color: &style.text,
        };
        if d.fits(&text) {
            d.text(&text);
        }
    }
    let mut y = plot.top;
    for (g, lines) in groups.iter().zip(&names) {
        if g.apart {
            y += 12.0;
        }
        let mut bar_top = y + 4.0;
        let first_line = match stacked {
            true => {
                bar_top += lines.len() as f32 * line_height;
                y + line_height * 0.8
            }
            false => y + 4.0 + bars_per_group * bar_height / 2.0 + FONT_SIZE * 0.35,
        };
        let (name_x, anchor) = if stacked { (plot.left, Anchor::Start) } else { (plot.left - 10.0, Anchor::End) };
        for (k, line) in lines.iter().enumerate() {
            let label_y = first_line + k as f32 * line_height;
            d.text(&Label { text: line, x: name_x, y: label_y, anchor, bold: g.bold, color: &style.text });
        }
        for (k, b) in g.bars.iter().enumerate() {
            let top = bar_top + k as f32 * bar_height;
            let Some(v) = b.value else { continue };
            let (from, to) = (x_at(v.min(0.0)), x_at(v.max(0.0)));
            draw_bar(&mut d, b, Bounds { left: from, top: top + 1.0, right: to, bottom: top + bar_height - 1.0 });
            let value = chart.value(v);
            let label = Label {
                text: &value,
                x: to + 6.0,
                y: top + bar_height / 2.0 + FONT_SIZE * 0.35,
                anchor: Anchor::Start,
                bold: g.bold,
                color: &style.text,
            };
            d.text(&label);
        }
        y += row(lines.len());
    }
    if let Some(t) = &chart.ind.target {
        // The label above the first row, then the line down through the
        // rows, broken where it would cross a name or a value.
        let x = x_at(t.value);
        let text = super::target_text(chart, t.value);
        let color = style.text.as_str();
        let y = plot.top - 8.0;
        d.text_where_it_fits(&[
            Label { text: &text, x, y, anchor: Anchor::Middle, bold: false, color },
            Label { text: &text, x, y, anchor: Anchor::End, bold: false, color },
            Label { text: &text, x, y, anchor: Anchor::Start, bold: false, color },
        ]);
        d.line_around_texts((x, plot.top - 4.0), (x, plot.bottom), &style.target, 2.0, "6,4");
    }
    d
}
