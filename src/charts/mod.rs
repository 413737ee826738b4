//! Charts: draws an indicator as an accessible static SVG with charts-rs (a
//! line chart for time series, bars for comparisons), in the theme's palette
//! and font, with the language's number format, a `<title>` and a `<desc>`.

mod numbers_in_svg;
pub mod summary;

use charts_rs::{BarChart, Color, HorizontalBarChart, LineChart, Series, Symbol, NIL_VALUE};

use crate::locale::{shown_decimals, NumberFormat};
use crate::model::{Category, ChartKind, Data, Indicator};
use crate::theme::ChartStyle;

/// Pixel size of the drawing (the SVG scales to its container).
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub width: f32,
    pub height: f32,
}

pub const LARGE: Size = Size { width: 720.0, height: 400.0 };
pub const SMALL: Size = Size { width: 560.0, height: 320.0 };

/// The texts a chart needs in one language.
pub struct ChartText<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    pub number: &'a NumberFormat,
    /// Legend name of the target marker, e.g. "Mål 2025".
    pub target_label: String,
    /// `id` prefix, unique on the page.
    pub dom_id: &'a str,
    pub decimals: usize,
}

/// How many decimals an indicator's values are shown with: its setting, or
/// as many as its most precise value needs (at most two).
pub fn decimals(ind: &Indicator) -> usize {
    shown_decimals(ind.values(), ind.decimals)
}

/// Marks text charts-rs writes that must not be re-formatted as a number
/// (years, names); removed again after drawing.
const KEEP: char = '\u{2060}';

/// Draws `ind` as SVG for one language.
pub fn render(ind: &Indicator, style: &ChartStyle, text: &ChartText, size: Size) -> Result<String, String> {
    let svg = match ind.chart {
        ChartKind::Line => line_chart(ind, style, text, size).svg(),
        ChartKind::Bar => bar_chart(ind, style, text, size, false).svg(),
        ChartKind::Hbar => bar_chart(ind, style, text, size, true).svg(),
    }
    .map_err(|e| e.to_string())?;
    let highlighted: Vec<String> =
        categories(ind).iter().filter(|c| c.highlight).map(|c| c.name.tr(text.lang).to_owned()).collect();
    let values: Vec<f64> = ind.values().collect();
    let data = numbers_in_svg::Data { values: &values, decimals: text.decimals, bold: &highlighted };
    let svg = numbers_in_svg::localise(&svg, text.number, &data);
    Ok(accessible(&svg, text))
}

fn color(hex: &str) -> Color {
    Color::from(hex)
}

/// A value-label format with exactly the decimals the data has (charts-rs
/// would otherwise round to one).
fn precision(decimals: usize) -> String {
    format!("{{:.{decimals}}}")
}

fn keep(s: &str) -> String {
    format!("{KEEP}{s}")
}

/// The categories of a comparison (none for a time series).
fn categories(ind: &Indicator) -> &[Category] {
    match &ind.data {
        Data::Categories { categories, .. } => categories,
        Data::Years { .. } => &[],
    }
}

fn line_chart(ind: &Indicator, style: &ChartStyle, text: &ChartText, size: Size) -> LineChart {
    let (years, series) = match &ind.data {
        Data::Years { years, series } => (years.iter().map(|y| f64::from(*y)).collect(), &series[..]),
        Data::Categories { .. } => (Vec::new(), &[][..]),
    };
    let mut series: Vec<Series> = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let data: Vec<f32> = s.values.iter().map(|v| v.value.map_or(NIL_VALUE, |v| v as f32)).collect();
            let mut out: Series = (keep(s.name.tr(text.lang)).as_str(), data).into();
            out.x_values = Some(years.clone());
            out.label_show = years.len() <= 12;
            out.symbol = Some(symbol(i));
            let dash = &style.dashes[i % style.dashes.len().max(1)];
            out.stroke_dash_array = (!dash.is_empty()).then(|| dash.clone());
            out.index = Some(i);
            out
        })
        .collect();
    let mut colors: Vec<Color> = style.series.iter().map(|c| color(c)).collect();
    let mut x_max = years.last().copied().unwrap_or(0.0);
    if let Some(t) = &ind.target {
        let mut s: Series = (keep(&text.target_label).as_str(), vec![t.value as f32]).into();
        s.x_values = Some(vec![f64::from(t.year)]);
        s.label_show = true;
        s.symbol = Some(Symbol::Diamond(7.0, Some(color(&style.target))));
        s.index = Some(series.len());
        colors.truncate(series.len());
        colors.push(color(&style.target));
        x_max = x_max.max(f64::from(t.year));
        series.push(s);
    }
    let mut c = LineChart::new(series, Vec::new());
    base_style(&mut c.base, style, size);
    c.series.colors = colors;
    c.x_axis.formatter = Some(format!("{KEEP}{{c}}"));
    // A little room on both sides keeps the first and last value labels off
    // the axes; fractional bounds still give whole-year ticks.
    let x_min = years.first().copied().unwrap_or(x_max);
    let pad = ((x_max - x_min) * 0.05).max(0.4);
    c.x_axis.min = Some(x_min - pad);
    c.x_axis.max = Some(x_max + pad);
    c.x_axis.font.size = style.font_size;
    c.x_axis.font.color = color(&style.text);
    c.x_axis.stroke_color = color(&style.axis);
    for y in &mut c.y_axis_configs {
        y.font.size = style.font_size;
        y.font.color = color(&style.text);
        y.stroke_color = color(&style.axis);
        if all_non_negative(ind) {
            y.min = Some(0.0);
        }
    }
    c.series.label.formatter = precision(text.decimals);
    c
}

/// Markers differ per series, so lines differ by shape as well as colour.
/// (The diamond is kept for the target.)
fn symbol(i: usize) -> Symbol {
    match i % 3 {
        0 => Symbol::Circle(4.0, None),
        1 => Symbol::Rect(4.0, None),
        _ => Symbol::Triangle(5.0, None),
    }
}

fn all_non_negative(ind: &Indicator) -> bool {
    ind.values().all(|v| v >= 0.0)
}

/// Bars in the given order (the national value last); horizontal bars list the
/// first category at the top.
fn bar_chart(ind: &Indicator, style: &ChartStyle, text: &ChartText, size: Size, horizontal: bool) -> BarChartAny {
    let mut cats: Vec<&Category> = categories(ind).iter().filter(|c| !c.national).collect();
    cats.extend(categories(ind).iter().filter(|c| c.national));
    if horizontal {
        cats.reverse();
    }
    let names: Vec<String> = cats.iter().map(|c| c.name.tr(text.lang).to_owned()).collect();
    let data: Vec<f32> = cats.iter().map(|c| c.value.value.map_or(NIL_VALUE, |v| v as f32)).collect();
    let year = match &ind.data {
        Data::Categories { year, .. } => year.to_string(),
        Data::Years { .. } => String::new(),
    };
    let mut s: Series = (keep(&year).as_str(), data).into();
    s.label_show = true;
    s.colors = Some(
        cats.iter()
            .map(|c| {
                Some(color(if c.highlight {
                    &style.highlight
                } else if c.national {
                    &style.national
                } else {
                    &style.bar
                }))
            })
            .collect(),
    );
    let mut chart = if horizontal {
        BarChartAny::Horizontal(HorizontalBarChart::new(vec![s], names))
    } else {
        BarChartAny::Vertical(BarChart::new(vec![s], names))
    };
    chart.configure(style, size, all_non_negative(ind), text.decimals);
    chart
}

/// Bar charts in either direction, configured the same way.
enum BarChartAny {
    Vertical(BarChart),
    Horizontal(HorizontalBarChart),
}

impl BarChartAny {
    fn configure(&mut self, style: &ChartStyle, size: Size, from_zero: bool, decimals: usize) {
        let (base, ys) = match self {
            BarChartAny::Vertical(c) => (&mut c.base, &mut c.y_axis_configs),
            BarChartAny::Horizontal(c) => (&mut c.base, &mut c.y_axis_configs),
        };
        base_style(base, style, size);
        base.series.colors = vec![color(&style.bar)];
        base.series.label.formatter = precision(decimals);
        base.legend.show = Some(false);
        base.x_axis.font.size = style.font_size;
        base.x_axis.font.color = color(&style.text);
        base.x_axis.stroke_color = color(&style.axis);
        for y in ys.iter_mut() {
            y.font.size = style.font_size;
            y.font.color = color(&style.text);
            y.stroke_color = color(&style.axis);
            if from_zero {
                y.min = Some(0.0);
            }
        }
        if let BarChartAny::Horizontal(c) = self {
            if from_zero {
                c.x_axis.min = Some(0.0);
            }
        }
    }

    fn svg(&self) -> charts_rs::Result<String> {
        match self {
            BarChartAny::Vertical(c) => c.svg(),
            BarChartAny::Horizontal(c) => c.svg(),
        }
    }
}

fn base_style(base: &mut charts_rs::ChartBase, style: &ChartStyle, size: Size) {
    base.width = size.width;
    base.height = size.height;
    base.font_family = style.font_family.clone();
    base.background_color = color(&style.background);
    base.title.text = String::new();
    base.sub_title.text = String::new();
    base.legend.font.size = style.font_size;
    base.legend.font.color = color(&style.text);
    base.series.label.font.size = style.font_size;
    base.series.label.font.color = color(&style.text);
    base.series.label.hide_overlap = true;
    base.grid.stroke_color = color(&style.grid);
    base.margin.right = 28.0;
    base.margin.left = 8.0;
}

/// Gives the root `<svg>` its role, a `<title>` and `<desc>` with ids it points
/// at, and a viewBox only, so it scales to its container.
fn accessible(svg: &str, text: &ChartText) -> String {
    let Some(end) = svg.find('>') else { return svg.to_owned() };
    let open = &svg[..end];
    let view_box = attr(open, "viewBox").unwrap_or_default();
    let id = text.dom_id;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{view_box}\" class=\"chart__svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>{}",
        crate::text::escape(text.title),
        crate::text::escape(text.desc),
        &svg[end + 1..]
    )
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(tag[start..start + tag[start..].find('"')?].to_owned())
}
