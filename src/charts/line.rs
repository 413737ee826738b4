//! Time series as lines: one per series, with markers that differ by shape,
//! the series named at the line's end when there are few (a legend above
//! otherwise), a gap in the data as a gap in the line, values that are not
//! measured drawn hollow with a dotted line into them, and the target as a
//! labelled diamond.

use crate::model::{Series, ValueStatus};

use super::draw::{Anchor, Bounds, Drawing, Label};
use super::frame::{Frame, Item, Key, PAD};
use super::scale::{Scale, TickFormat};
use super::{diamond, marker, Chart, Variant, FONT_SIZE, UNMEASURED_DASH};

/// A drawn point of a series.
#[derive(Clone, Copy)]
struct Point {
    x: f32,
    y: f32,
    value: f64,
    measured: bool,
}

/// Space kept free at both ends of the time axis, for markers and labels.
const X_INSET: f32 = 18.0;

pub fn draw(chart: &Chart, variant: Variant, years: &[i32], series: &[Series]) -> Drawing {
    let style = chart.style;
    let width = variant.width();
    let names: Vec<&str> = series.iter().map(|s| s.name.tr(chart.lang)).collect();
    let label_width = series
        .iter()
        .zip(&names)
        .map(|(s, n)| super::font::width(n, FONT_SIZE, s.highlight) + DIRECT_KEY + 6.0)
        .fold(0.0, f32::max);
    // Few series with short names are named where their lines end; others get a legend.
    let direct = series.len() <= 4 && label_width <= width * 0.32;
    let legend = match direct {
        true => Vec::new(),
        false => series
            .iter()
            .enumerate()
            .map(|(i, s)| Item { key: Key::Series(i), text: names[i].to_owned(), bold: s.highlight })
            .collect(),
    };
    let frame = Frame::new(chart, width, FONT_SIZE, legend, chart.unmeasured_item().into_iter().collect());
    let (mut d, plot_top, plot_bottom) = frame.canvas(chart, width, variant.plot_height());

    // The target is on the axis too, so that its diamond lies in the plot.
    let values = chart.ind.values().chain(chart.ind.target.as_ref().map(|t| t.value));
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let scale = Scale::nice(lo, hi, 5, chart.percent());
    let fmt = TickFormat::new(&scale, chart.i18n);
    let ticks: Vec<(f64, String)> = scale.ticks().into_iter().map(|t| (t, fmt.label(t))).collect();
    let tick_width = ticks.iter().map(|(_, l)| d.text_width(l, false)).fold(0.0, f32::max);
    let right = width - PAD - if direct { label_width + 8.0 } else { 0.0 };
    let plot = Bounds { left: PAD + tick_width + 8.0, top: plot_top, right, bottom: plot_bottom };
    value_axis(&mut d, chart, &scale, &ticks, plot);

    let last_year = years.last().copied().unwrap_or(0);
    let target_year = chart.ind.target.as_ref().map_or(last_year, |t| t.year);
    let (first, last) = (f64::from(years.first().copied().unwrap_or(0)), f64::from(last_year.max(target_year)));
    let x_at = |year: i32| match last > first {
        true => {
            plot.left
                + X_INSET
                + ((f64::from(year) - first) / (last - first)) as f32 * (plot.right - plot.left - 2.0 * X_INSET)
        }
        false => (plot.left + plot.right) / 2.0,
    };
    let y_at = |v: f64| scale.at(v, plot.bottom, plot.top);
    year_labels(&mut d, chart, years, target_year, plot, &x_at);

    let points: Vec<Vec<Option<Point>>> = series
        .iter()
        .map(|s| {
            years
                .iter()
                .zip(&s.values)
                .map(|(y, f)| {
                    let measured = f.status == ValueStatus::Measured;
                    f.value.map(|v| Point { x: x_at(*y), y: y_at(v), value: v, measured })
                })
                .collect()
        })
        .collect();
    for (i, pts) in points.iter().enumerate() {
        draw_series(&mut d, chart, i, pts, series[i].highlight);
    }
    if let Some(t) = &chart.ind.target {
        let at = (x_at(t.year), y_at(t.value));
        diamond(&mut d, at, &style.target);
        // Room around the diamond, so that no value sits against it.
        d.reserve(Bounds { left: at.0 - 10.0, top: at.1 - 10.0, right: at.0 + 10.0, bottom: at.1 + 10.0 });
    }
    if direct {
        direct_labels(&mut d, chart, &points, &names, series, plot);
    }
    if let Some(t) = &chart.ind.target {
        target_label(&mut d, chart, (x_at(t.year), y_at(t.value)), &super::target_text(chart, t.value));
    }
    // Values inside the plot, a font size clear of the tick labels (which
    // end 8 units left of it), so that none reads as a tick; the highlighted
    // series' first, so that they get the best places; a value two series
    // share at the same point once.
    let clear_of_ticks = plot.left - 8.0 + FONT_SIZE;
    let area = Bounds { left: clear_of_ticks, top: plot.top - d.line_height(), right: width, bottom: plot.bottom };
    let mut order: Vec<usize> = (0..series.len()).collect();
    order.sort_by_key(|i| !series[*i].highlight);
    let mut labelled = Vec::new();
    for i in order {
        value_labels(&mut d, chart, &points[i], series.len() == 1, area, &mut labelled);
    }
    d
}

/// Grid lines and tick labels of the value axis, and the axis line at zero.
fn value_axis(d: &mut Drawing, chart: &Chart, scale: &Scale, ticks: &[(f64, String)], plot: Bounds) {
    let style = chart.style;
    for (t, label) in ticks {
        let y = scale.at(*t, plot.bottom, plot.top);
        let stroke = if *t == 0.0 { style.axis.as_str() } else { style.grid.as_str() };
        d.line((plot.left, y), (plot.right, y), stroke, 1.0, None);
        let label = Label {
            text: label,
            x: plot.left - 8.0,
            y: y + FONT_SIZE * 0.35,
            anchor: Anchor::End,
            bold: false,
            color: &style.text,
        };
        d.text(&label);
    }
}

/// Year labels under the plot: the first and last always, the others where they fit.
fn year_labels(d: &mut Drawing, chart: &Chart, years: &[i32], target: i32, plot: Bounds, x_at: &dyn Fn(i32) -> f32) {
    let mut all: Vec<i32> = years.to_vec();
    if !all.contains(&target) {
        all.push(target);
    }
    let first_last = [all.first().copied(), years.last().copied()];
    let order = first_last.into_iter().flatten().chain(all.iter().copied());
    let y = plot.bottom + FONT_SIZE * 1.35;
    let mut placed: Vec<Bounds> = Vec::new();
    for year in order {
        let text = year.to_string();
        let label =
            Label { text: &text, x: x_at(year), y, anchor: Anchor::Middle, bold: false, color: &chart.style.text };
        let b = d.bounds(&label);
        let spaced = Bounds { left: b.left - 6.0, right: b.right + 6.0, ..b };
        if placed.iter().any(|p| p.left < spaced.right && spaced.left < p.right) || !d.fits(&label) {
            continue;
        }
        d.line((label.x, plot.bottom), (label.x, plot.bottom + 4.0), &chart.style.axis, 1.0, None);
        placed.push(d.text(&label));
    }
}

fn draw_series(d: &mut Drawing, chart: &Chart, i: usize, points: &[Option<Point>], highlight: bool) {
    let style = chart.style;
    let color = style.series[i % style.series.len()].as_str();
    let dash = style.dashes[i % style.dashes.len()].as_str();
    let width = if highlight { 3.0 } else { 2.0 };
    for pair in points.windows(2) {
        if let [Some(a), Some(b)] = pair {
            let dash = if a.measured && b.measured { dash } else { UNMEASURED_DASH };
            d.line((a.x, a.y), (b.x, b.y), color, width, Some(dash));
        }
    }
    for p in points.iter().flatten() {
        marker(d, i, (p.x, p.y), color, p.measured);
        d.reserve(Bounds { left: p.x - 6.0, top: p.y - 6.0, right: p.x + 6.0, bottom: p.y + 6.0 });
    }
}

/// Width of the line and marker drawn before a series' name at its end.
const DIRECT_KEY: f32 = 16.0;

/// Each series named at the height of its last point, to the right of the
/// plot, moved apart where names would touch.
fn direct_labels(
    d: &mut Drawing,
    chart: &Chart,
    points: &[Vec<Option<Point>>],
    names: &[&str],
    series: &[Series],
    plot: Bounds,
) {
    let line_height = d.line_height();
    let mut ends: Vec<(f32, usize)> =
        points.iter().enumerate().filter_map(|(i, pts)| pts.iter().rev().flatten().next().map(|p| (p.y, i))).collect();
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut ys: Vec<f32> = ends.iter().map(|(y, _)| *y).collect();
    for k in 1..ys.len() {
        ys[k] = ys[k].max(ys[k - 1] + line_height);
    }
    let overflow = ys.last().map_or(0.0, |y| (y - plot.bottom).max(0.0));
    for y in &mut ys {
        *y -= overflow;
    }
    let style = chart.style;
    for ((_, i), y) in ends.iter().zip(ys) {
        let color = style.series[i % style.series.len()].as_str();
        let x = plot.right + 8.0;
        d.line((x, y), (x + DIRECT_KEY - 4.0, y), color, 2.0, None);
        let label = Label {
            text: names[*i],
            x: x + DIRECT_KEY,
            y: y + FONT_SIZE * 0.35,
            anchor: Anchor::Start,
            bold: series[*i].highlight,
            color: &style.text,
        };
        d.text(&label);
    }
}

/// The target's name and value beside its diamond, where there is room.
fn target_label(d: &mut Drawing, chart: &Chart, (x, y): (f32, f32), text: &str) {
    let color = chart.style.text.as_str();
    let lift = FONT_SIZE * 0.35;
    // Clear of the room kept around the diamond (10 units) and the gap kept between texts.
    let (side, up, down) = (15.0, y - 15.0, y + 15.0 + FONT_SIZE * 0.9);
    let candidates = [
        Label { text, x: x + side, y: y + lift, anchor: Anchor::Start, bold: false, color },
        Label { text, x: x - side, y: y + lift, anchor: Anchor::End, bold: false, color },
        Label { text, x, y: up, anchor: Anchor::Middle, bold: false, color },
        Label { text, x, y: down, anchor: Anchor::Middle, bold: false, color },
        Label { text, x: x - side, y: up, anchor: Anchor::End, bold: false, color },
        Label { text, x: x - side, y: down, anchor: Anchor::End, bold: false, color },
        Label { text, x: x + side, y: up, anchor: Anchor::Start, bold: false, color },
        Label { text, x: x + side, y: down, anchor: Anchor::Start, bold: false, color },
    ];
    d.text_where_it_fits(&candidates);
}

/// The values at the points: all of them for a single short series, else
/// the first and the last of each series; each where it fits inside `area`,
/// and none at a point already labelled with the same text (`labelled`).
fn value_labels(
    d: &mut Drawing,
    chart: &Chart,
    points: &[Option<Point>],
    all: bool,
    area: Bounds,
    labelled: &mut Vec<(i32, i32, String)>,
) {
    let drawn: Vec<&Point> = points.iter().flatten().collect();
    let chosen: Vec<&Point> = match all && drawn.len() <= 8 {
        true => drawn,
        false => drawn.first().into_iter().chain(drawn.last().filter(|_| drawn.len() > 1)).copied().collect(),
    };
    let color = chart.style.text.as_str();
    let (f, lift) = (FONT_SIZE, FONT_SIZE * 0.35);
    for p in chosen {
        let text = chart.value(p.value);
        let key = (p.x.round() as i32, p.y.round() as i32, text.clone());
        if labelled.contains(&key) {
            continue;
        }
        let at = |dx: f32, dy: f32, anchor: Anchor| Label {
            text: &text,
            x: p.x + dx,
            y: p.y + dy,
            anchor,
            bold: false,
            color,
        };
        let candidates = [
            at(0.0, -12.0, Anchor::Middle),
            at(0.0, 12.0 + f * 0.9, Anchor::Middle),
            // Above or below, but starting (or ending) at the point: at the
            // plot's first (or last) year, where a centred label would stick out.
            at(-4.0, -12.0, Anchor::Start),
            at(-4.0, 12.0 + f * 0.9, Anchor::Start),
            at(4.0, -12.0, Anchor::End),
            at(4.0, 12.0 + f * 0.9, Anchor::End),
            at(10.0, -10.0, Anchor::Start),
            at(-10.0, -10.0, Anchor::End),
            at(10.0, 10.0 + f * 0.9, Anchor::Start),
            at(-10.0, 10.0 + f * 0.9, Anchor::End),
            at(10.0, lift, Anchor::Start),
            at(-10.0, lift, Anchor::End),
            at(0.0, -12.0 - f, Anchor::Middle),
            at(0.0, 12.0 + f * 1.9, Anchor::Middle),
            at(-4.0, -12.0 - f, Anchor::Start),
            at(-4.0, 12.0 + f * 1.9, Anchor::Start),
            at(-4.0, -12.0 - 2.0 * f, Anchor::Start),
            at(-4.0, 12.0 + f * 2.9, Anchor::Start),
        ];
        if d.text_where_it_fits_within(&candidates, area) {
            labelled.push(key);
        }
    }
}
