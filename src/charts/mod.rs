//! Charts: draws an indicator as an accessible static SVG that stays legible
//! at any width, on charts-rs's canvas and with goalsite's own layout: a wide
//! and a narrow drawing (the page's CSS shows one), nice ticks with the unit,
//! directly labelled lines, bars whose height grows with the categories,
//! targets drawn as labelled marks, values that are not measured drawn hollow,
//! and example data saying so in the drawing. Every number is written the
//! page language's way; every text is escaped by charts-rs.
//!
//! `line.rs` draws time series as lines, `bars.rs` draws bars, `frame.rs`
//! the rows around the plot, `scale.rs` the value axes, `draw.rs` keeps
//! labels apart, `font.rs` measures text, `download.rs` writes the SVG and
//! PNG files to download, and `summary.rs` the written summary.

mod bars;
mod download;
mod draw;
mod font;
mod frame;
mod line;
mod scale;
pub mod summary;

use crate::locale::{shown_decimals, I18n, Lang, UiKey};
use crate::model::{Data, Indicator, ValueStatus};
use crate::theme::ChartStyle;

pub use download::{png, standalone_svg};

/// The width of a chart text (for tests that measure a drawing).
#[cfg(feature = "testing")]
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    font::width(text, size, bold)
}

/// The chart font's ascent and descent, as fractions of the font size.
#[cfg(feature = "testing")]
pub const ASCENT_DESCENT: (f32, f32) = (font::ASCENT, font::DESCENT);
use draw::Drawing;

/// The two drawings of every chart: the page's CSS shows the narrow one on
/// small screens. Their widths are chosen so that 14-unit text is at least
/// 12 px at 1280 px and 11 px at 320 px.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    Wide,
    Narrow,
}

impl Variant {
    pub fn width(self) -> f32 {
        match self {
            Variant::Wide => 640.0,
            Variant::Narrow => 320.0,
        }
    }

    /// The height of a plot area that does not grow with its data.
    fn plot_height(self) -> f32 {
        match self {
            Variant::Wide => 260.0,
            Variant::Narrow => 220.0,
        }
    }

    /// The suffix of the drawing's element ids.
    pub fn suffix(self) -> &'static str {
        match self {
            Variant::Wide => "",
            Variant::Narrow => "-narrow",
        }
    }
}

/// The font size of every chart text, in drawing units.
const FONT_SIZE: f32 = 14.0;

/// The dash of a line into or out of a value that is not measured.
const UNMEASURED_DASH: &str = "2,4";

/// One indicator, drawn in one language.
pub struct Chart<'a> {
    pub ind: &'a Indicator,
    pub style: &'a ChartStyle,
    pub i18n: &'a I18n,
    pub lang: Lang,
    pub decimals: usize,
    /// The name of the target mark ("Mål 2025").
    pub target_label: String,
    /// A title drawn in the chart (for downloads; the page has its own heading).
    pub title: Option<&'a str>,
    /// A source line under the chart (for downloads).
    pub source: Option<&'a str>,
}

impl<'a> Chart<'a> {
    /// `ind` as the page shows it in `lang` (no title or source in the drawing).
    pub fn new(ind: &'a Indicator, style: &'a ChartStyle, i18n: &'a I18n, lang: Lang) -> Chart<'a> {
        let target_label = ind.target.as_ref().map_or(String::new(), |t| match &t.label {
            Some(label) => label.tr(lang).to_owned(),
            None => crate::locale::fill(&i18n.string(UiKey::ChartTargetLabel), &[("year", &t.year.to_string())]),
        });
        Chart { ind, style, i18n, lang, decimals: decimals(ind), target_label, title: None, source: None }
    }

    fn unit(&self) -> &str {
        self.ind.unit.as_ref().map_or("", |u| u.tr(self.lang))
    }

    /// Whether the unit is per cent (the axis then ends at 100 when the data does).
    fn percent(&self) -> bool {
        summary::is_percent(self.unit(), self.i18n)
    }

    /// A value as the tables write it.
    fn value(&self, v: f64) -> String {
        self.i18n.number.format(v, self.decimals)
    }

    /// What a legend says about values that are not measured, if any are.
    fn unmeasured_item(&self) -> Option<frame::Item> {
        let statuses: Vec<ValueStatus> = self.ind.figures().filter(|f| f.value.is_some()).map(|f| f.status).collect();
        let status = statuses.into_iter().find(|s| *s != ValueStatus::Measured)?;
        let word = self.i18n.string(status.word());
        Some(frame::Item {
            key: frame::Key::Unmeasured,
            text: crate::locale::fill(&self.i18n.string(UiKey::ChartLegendUnmeasured), &[("status", &word)]),
            bold: false,
        })
    }
}

/// The target's text in the drawing: its label and its value ("Mål 2025:
/// 14"), or the label alone when the editor wrote the value in it ("Target
/// 2030: −20").
fn target_text(chart: &Chart, value: f64) -> String {
    match names_number(&chart.target_label, value) {
        true => chart.target_label.clone(),
        false => format!("{}: {}", chart.target_label, chart.value(value)),
    }
}

/// Whether `text` has `value` among its numbers (read with either decimal
/// mark and any minus sign: "−20", "-20", "14,5").
fn names_number(text: &str, value: f64) -> bool {
    // A comma is a decimal mark in one language and a group separator in
    // another: read both ways.
    [".", ""].iter().any(|comma| numbers(text, comma).any(|n| (n - value).abs() < 1e-9))
}

/// The numbers in `text`, a comma read as `comma`.
fn numbers<'a>(text: &'a str, comma: &'a str) -> impl Iterator<Item = f64> + 'a {
    let mut normal = String::new();
    for c in text.chars() {
        match c {
            '\u{2212}' | '\u{2013}' => normal.push('-'),
            ',' => normal.push_str(comma),
            '\u{a0}' | '\u{202f}' => {}
            c => normal.push(c),
        }
    }
    let mut found = Vec::new();
    let mut current = String::new();
    for c in normal.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '-' && current.is_empty()) || (c == '.' && !current.is_empty()) {
            current.push(c);
        } else if !current.is_empty() {
            found.push(std::mem::take(&mut current));
        }
    }
    found.into_iter().filter_map(|n| n.trim_end_matches('.').parse::<f64>().ok())
}

/// The indicator's title with the report's label, if it has one ("Diagram 3.
/// Territoriella utsläpp").
pub fn heading(ind: &Indicator, i18n: &I18n, lang: Lang) -> String {
    match &ind.label {
        Some(label) => crate::locale::fill(
            &i18n.string(UiKey::LabelledTitle),
            &[("label", label.tr(lang)), ("title", ind.title.tr(lang))],
        ),
        None => ind.title.tr(lang).to_owned(),
    }
}

/// How many decimals an indicator's values are shown with: its setting, or
/// as many as its most precise value needs (at most two).
pub fn decimals(ind: &Indicator) -> usize {
    shown_decimals(ind.values(), ind.decimals)
}

/// Draws `chart` at `variant` as an SVG document (without accessibility
/// attributes; see [`accessible`]).
pub fn draw(chart: &Chart, variant: Variant) -> Result<String, String> {
    let drawing = match &chart.ind.data {
        Data::Years { years, series } => match chart.ind.chart {
            crate::model::ChartKind::Line => line::draw(chart, variant, years, series),
            _ => bars::years(chart, variant, years, series),
        },
        Data::Categories { categories, .. } => bars::categories(chart, variant, categories),
    };
    drawing.svg()
}

/// The texts that make a drawing accessible.
pub struct Described<'a> {
    pub title: &'a str,
    pub desc: &'a str,
    /// The prefix of the ids of `<title>` and `<desc>`, unique on the page.
    pub dom_id: &'a str,
}

/// Gives the root `<svg>` its role, a `<title>` and `<desc>` with ids it
/// points at, and a viewBox only, so that it scales to its container.
pub fn accessible(svg: &str, d: &Described) -> String {
    let Some(end) = svg.find('>') else { return svg.to_owned() };
    let view_box = attr(&svg[..end], "viewBox").unwrap_or_default();
    let id = d.dom_id;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{view_box}\" class=\"chart__svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>{}",
        crate::text::escape(d.title),
        crate::text::escape(d.desc),
        &svg[end + 1..]
    )
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(tag[start..start + tag[start..].find('"')?].to_owned())
}

/// A series' marker: circle, square or triangle by series, so that lines
/// differ by shape as well as colour; filled when measured, hollow when not.
fn marker(d: &mut Drawing, series: usize, (x, y): (f32, f32), color: &str, measured: bool) {
    let fill = if measured { color } else { "#ffffff" };
    match series % 3 {
        0 => d.circle((x, y), 4.0, color, fill),
        1 => d.polygon(&[(x - 4.0, y - 4.0), (x + 4.0, y - 4.0), (x + 4.0, y + 4.0), (x - 4.0, y + 4.0)], color, fill),
        _ => d.polygon(&[(x, y - 5.0), (x + 5.0, y + 4.0), (x - 5.0, y + 4.0)], color, fill),
    }
}

/// The target's mark: a diamond.
fn diamond(d: &mut Drawing, (x, y): (f32, f32), color: &str) {
    d.polygon(&[(x, y - 7.0), (x + 7.0, y), (x, y + 7.0), (x - 7.0, y)], color, color);
}

#[cfg(test)]
mod tests {
    use super::names_number;

    #[test]
    fn a_label_names_its_value_in_any_language_s_way() {
        assert!(names_number("Target 2030: −20", -20.0));
        assert!(names_number("Mål 2030: -20", -20.0));
        assert!(names_number("Mål: 14,5 kton", 14.5));
        assert!(names_number("Target: 48,500", 48500.0));
        assert!(names_number("Mål: 48\u{a0}500", 48500.0));
        assert!(!names_number("Target 2030", -20.0), "the year is not the value");
        assert!(!names_number("Mål 2025", 14.0));
    }
}
