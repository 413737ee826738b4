//! What surrounds every chart's plot: above it the title (downloads only), a
//! line saying the figures are example data, the unit, and a legend where
//! lines are not labelled directly; below it what a hollow marker means and
//! the source (downloads only). Each is laid out in whole lines of text.

use super::draw::{Anchor, Drawing, Label};
use super::Chart;
use crate::locale::UiKey;

/// Space around the drawing's edge.
pub const PAD: f32 = 8.0;

/// How a legend item is drawn before its text.
#[derive(Debug, Clone)]
pub enum Key {
    /// A series' line and marker (index into the theme's series).
    Series(usize),
    /// A bar's colour.
    Bar(String),
    /// A value that is not measured: a hollow marker on a dotted line.
    Unmeasured,
}

/// One legend item.
#[derive(Debug, Clone)]
pub struct Item {
    pub key: Key,
    pub text: String,
    pub bold: bool,
}

/// Rows of text above and below the plot, measured for one width.
pub struct Frame {
    top: Vec<Row>,
    bottom: Vec<Row>,
    font_size: f32,
    line_height: f32,
}

/// A row of the frame: plain text (indented past a legend key, if `indent`),
/// or legend items.
enum Row {
    Text { text: String, bold: bool, indent: bool },
    Legend(Vec<Item>),
}

/// Width of a legend key before its text, and the gap after an item.
const KEY_WIDTH: f32 = 28.0;
const ITEM_GAP: f32 = 16.0;

impl Frame {
    /// The frame of `chart` at `width`: `legend` items go above the plot,
    /// `below` items (what hollow markers mean) under it.
    pub fn new(chart: &Chart, width: f32, font_size: f32, legend: Vec<Item>, below: Vec<Item>) -> Frame {
        let measure = |text: &str, bold: bool| super::font::width(text, font_size, bold);
        let usable = width - 2.0 * PAD;
        let mut top = Vec::new();
        if let Some(title) = chart.title {
            top.extend(wrap(title, usable, |t| measure(t, true)).into_iter().map(|text| Row::Text {
                text,
                bold: true,
                indent: false,
            }));
        }
        if chart.ind.example_data {
            let text = chart.i18n.string(UiKey::ChartExampleBanner);
            top.extend(wrap(&text, usable, |t| measure(t, true)).into_iter().map(|text| Row::Text {
                text,
                bold: true,
                indent: false,
            }));
        }
        let unit = chart.unit();
        if !unit.is_empty() {
            top.extend(wrap(unit, usable, |t| measure(t, false)).into_iter().map(|text| Row::Text {
                text,
                bold: false,
                indent: false,
            }));
        }
        top.extend(legend_rows(legend, usable, &measure));
        let mut bottom: Vec<Row> = legend_rows(below, usable, &measure);
        if let Some(source) = chart.source {
            bottom.extend(wrap(source, usable, |t| measure(t, false)).into_iter().map(|text| Row::Text {
                text,
                bold: false,
                indent: false,
            }));
        }
        Frame { top, bottom, font_size, line_height: (font_size * 1.35).round() }
    }

    /// A drawing `width` wide with the frame's rows drawn around a plot of
    /// `plot_height` (a line's space above and below it); and the plot's top
    /// and bottom.
    pub fn canvas(&self, chart: &Chart, width: f32, plot_height: f32) -> (Drawing, f32, f32) {
        let plot_top = self.top_height() + self.line_height;
        let plot_bottom = plot_top + plot_height;
        let height = plot_bottom + self.line_height + self.bottom_height();
        let mut d = Drawing::new(width, height, self.font_size, &chart.style.background);
        self.draw(&mut d, chart);
        (d, plot_top, plot_bottom)
    }

    /// The height of the rows above the plot.
    pub fn top_height(&self) -> f32 {
        PAD + self.top.len() as f32 * self.line_height
    }

    /// The height of the rows below the plot.
    pub fn bottom_height(&self) -> f32 {
        PAD + self.bottom.len() as f32 * self.line_height
    }

    /// Draws the rows above the plot (from the top) and below it (ending at the bottom).
    pub fn draw(&self, d: &mut Drawing, chart: &Chart) {
        let lh = self.line_height;
        let text_color = chart.style.text.as_str();
        let baseline = |row: usize| PAD + row as f32 * lh + lh * 0.75;
        for (i, row) in self.top.iter().enumerate() {
            draw_row(d, chart, row, baseline(i), text_color);
        }
        let start = d.height - self.bottom_height();
        for (i, row) in self.bottom.iter().enumerate() {
            draw_row(d, chart, row, start + baseline(i), text_color);
        }
    }
}

fn draw_row(d: &mut Drawing, chart: &Chart, row: &Row, y: f32, color: &str) {
    match row {
        Row::Text { text, bold, indent } => {
            let x = if *indent { PAD + KEY_WIDTH } else { PAD };
            d.text(&Label { text, x, y, anchor: Anchor::Start, bold: *bold, color });
        }
        Row::Legend(items) => {
            let mut x = PAD;
            for item in items {
                draw_key(d, chart, &item.key, x, y - d.font_size * 0.32);
                let label =
                    Label { text: &item.text, x: x + KEY_WIDTH, y, anchor: Anchor::Start, bold: item.bold, color };
                let b = d.text(&label);
                x = b.right + ITEM_GAP;
            }
        }
    }
}

/// A legend key: the same line, marker or colour the plot draws.
pub fn draw_key(d: &mut Drawing, chart: &Chart, key: &Key, x: f32, y: f32) {
    let style = chart.style;
    match key {
        Key::Series(i) => {
            let color = style.series[i % style.series.len()].as_str();
            let dash = style.dashes[i % style.dashes.len()].as_str();
            d.line((x, y), (x + KEY_WIDTH - 6.0, y), color, 2.0, Some(dash));
            super::marker(d, *i, (x + (KEY_WIDTH - 6.0) / 2.0, y), color, true);
        }
        Key::Bar(color) => d.rect(
            super::draw::Bounds { left: x, top: y - 6.0, right: x + KEY_WIDTH - 8.0, bottom: y + 6.0 },
            Some(color),
            None,
        ),
        Key::Unmeasured => {
            d.line((x, y), (x + KEY_WIDTH - 6.0, y), &style.text, 2.0, Some(super::UNMEASURED_DASH));
            super::marker(d, 0, (x + (KEY_WIDTH - 6.0) / 2.0, y), &style.text, false);
        }
    }
}

/// Legend items in rows that fit `usable`.
fn legend_rows(items: Vec<Item>, usable: f32, measure: &dyn Fn(&str, bool) -> f32) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut row: Vec<Item> = Vec::new();
    let mut used = 0.0;
    for item in items {
        let w = KEY_WIDTH + measure(&item.text, item.bold) + ITEM_GAP;
        if !row.is_empty() && used + w > usable + ITEM_GAP {
            rows.push(Row::Legend(std::mem::take(&mut row)));
            used = 0.0;
        }
        if w > usable + ITEM_GAP {
            // Too long for a row of its own: its text goes on, wrapped, under its key.
            let lines = wrap(&item.text, usable - KEY_WIDTH, |t| measure(t, item.bold));
            let (first, rest) = lines.split_first().map_or((String::new(), &[][..]), |(f, r)| (f.clone(), r));
            rows.push(Row::Legend(vec![Item { text: first, ..item.clone() }]));
            rows.extend(rest.iter().map(|t| Row::Text { text: t.clone(), bold: item.bold, indent: true }));
            continue;
        }
        used += w;
        row.push(item);
    }
    if !row.is_empty() {
        rows.push(Row::Legend(row));
    }
    rows
}

/// `text` in lines no wider than `width` (a word longer than a line stands alone).
pub fn wrap(text: &str, width: f32, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if !line.is_empty() && measure(&candidate) > width {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_wraps_at_words() {
        let measure = |t: &str| t.chars().count() as f32;
        assert_eq!(wrap("ett två tre fyra", 8.0, measure), ["ett två", "tre fyra"]);
        assert_eq!(wrap("ordsomärförlångt x", 5.0, measure), ["ordsomärförlångt", "x"]);
        assert!(wrap("", 5.0, measure).is_empty());
    }
}
