//! A drawing on a charts-rs canvas that knows where its texts, lines and
//! markers are: every text is measured with the chart font, so a label is
//! only placed where it covers no other text, crosses no drawn line and sits
//! on no marker; and a line drawn after the labels (a target) is broken
//! where it would cross one.

use charts_rs::{Canvas, Circle, Color, Fill, Line, Point, Polygon, Rect, Text};

use super::font::{self, ASCENT, DESCENT};

/// A rectangle in the drawing's units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

impl Bounds {
    fn overlaps(&self, other: &Bounds) -> bool {
        self.left < other.right && other.left < self.right && self.top < other.bottom && other.top < self.bottom
    }

    /// The box grown by `by` on every side.
    pub fn grown(&self, by: f32) -> Bounds {
        Bounds { left: self.left - by, top: self.top - by, right: self.right + by, bottom: self.bottom + by }
    }

    /// The part of the segment `from`–`to` inside the box, as fractions of
    /// its length (Liang–Barsky clipping); none if it stays outside.
    fn clip(&self, from: (f32, f32), to: (f32, f32)) -> Option<(f32, f32)> {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let edges = [
            (-dx, from.0 - self.left),
            (dx, self.right - from.0),
            (-dy, from.1 - self.top),
            (dy, self.bottom - from.1),
        ];
        let (mut t0, mut t1) = (0.0f32, 1.0f32);
        for (p, q) in edges {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else if p < 0.0 {
                t0 = t0.max(q / p);
            } else {
                t1 = t1.min(q / p);
            }
        }
        (t0 < t1).then_some((t0, t1))
    }
}

/// A line at least this wide is a drawn line (a series, a target) that no
/// text may cross; thinner ones (grid, axis, ticks) run behind texts.
pub const DRAWN_LINE: f32 = 1.5;

/// Where a text is anchored on its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A text to draw: its words, place and look.
#[derive(Debug, Clone)]
pub struct Label<'a> {
    pub text: &'a str,
    pub x: f32,
    /// The baseline.
    pub y: f32,
    pub anchor: Anchor,
    pub bold: bool,
    pub color: &'a str,
}

/// A chart being drawn.
pub struct Drawing {
    canvas: Canvas,
    pub width: f32,
    pub height: f32,
    /// The font size of every text, so that all stay legible when scaled.
    pub font_size: f32,
    texts: Vec<Bounds>,
    /// Drawn lines (at least [`DRAWN_LINE`] wide), from and to.
    strokes: Vec<((f32, f32), (f32, f32))>,
    /// Markers and bars.
    marks: Vec<Bounds>,
}

/// A colour from the theme (checked when the theme was loaded).
pub fn color(hex: &str) -> Color {
    Color::from(hex)
}

impl Drawing {
    pub fn new(width: f32, height: f32, font_size: f32, background: &str) -> Drawing {
        let mut canvas = Canvas::new(width, height);
        canvas.rect(Rect { fill: Some(Fill::from(color(background))), width, height, ..Rect::default() });
        Drawing { canvas, width, height, font_size, texts: Vec::new(), strokes: Vec::new(), marks: Vec::new() }
    }

    /// The distance between two lines of text.
    pub fn line_height(&self) -> f32 {
        (self.font_size * 1.35).round()
    }

    /// The box a label would take.
    pub fn bounds(&self, label: &Label) -> Bounds {
        let w = font::width(label.text, self.font_size, label.bold);
        let left = match label.anchor {
            Anchor::Start => label.x,
            Anchor::Middle => label.x - w / 2.0,
            Anchor::End => label.x - w,
        };
        Bounds {
            left,
            right: left + w,
            top: label.y - ASCENT * self.font_size,
            bottom: label.y + DESCENT * self.font_size,
        }
    }

    /// The width of `text` in this drawing's font.
    pub fn text_width(&self, text: &str, bold: bool) -> f32 {
        font::width(text, self.font_size, bold)
    }

    /// Whether `label` fits inside the drawing without covering a text, or
    /// touching one (neighbours keep a quarter of the font size apart, so
    /// that "61" and "63" never read as "6163"), crossing a drawn line or
    /// lying on a marker or bar.
    pub fn fits(&self, label: &Label) -> bool {
        self.fits_within(label, Bounds { left: 0.0, top: 0.0, right: self.width, bottom: self.height })
    }

    /// [`Drawing::fits`], and inside `area` (a value label inside the plot,
    /// clear of the tick labels beside it).
    pub fn fits_within(&self, label: &Label, area: Bounds) -> bool {
        let b = self.bounds(label);
        let gap = self.font_size * 0.25;
        let spaced = Bounds { left: b.left - gap, top: b.top - 1.0, right: b.right + gap, bottom: b.bottom + 1.0 };
        let clear = b.grown(1.0);
        b.left >= area.left.max(0.0)
            && b.right <= area.right.min(self.width)
            && b.top >= area.top.max(0.0)
            && b.bottom <= area.bottom.min(self.height)
            && !self.texts.iter().any(|t| t.overlaps(&spaced))
            && !self.marks.iter().any(|m| m.overlaps(&clear))
            && !self.strokes.iter().any(|(from, to)| clear.clip(*from, *to).is_some())
    }

    /// Draws `label` where it is.
    pub fn text(&mut self, label: &Label) -> Bounds {
        let b = self.bounds(label);
        self.texts.push(b);
        self.canvas.text(Text {
            text: label.text.to_owned(),
            font_family: Some(font::FAMILY.to_owned()),
            font_size: Some(self.font_size),
            font_color: Some(color(label.color)),
            font_weight: label.bold.then(|| "bold".to_owned()),
            x: Some(round(label.x)),
            y: Some(round(label.y)),
            text_anchor: match label.anchor {
                Anchor::Start => None,
                Anchor::Middle => Some("middle".to_owned()),
                Anchor::End => Some("end".to_owned()),
            },
            ..Text::default()
        });
        b
    }

    /// Draws the first of `labels` that fits; `false` if none does.
    pub fn text_where_it_fits(&mut self, labels: &[Label]) -> bool {
        self.text_where_it_fits_within(labels, Bounds { left: 0.0, top: 0.0, right: self.width, bottom: self.height })
    }

    /// Draws the first of `labels` that fits inside `area`; `false` if none does.
    pub fn text_where_it_fits_within(&mut self, labels: &[Label], area: Bounds) -> bool {
        match labels.iter().find(|l| self.fits_within(l, area)) {
            Some(l) => {
                self.text(l);
                true
            }
            None => false,
        }
    }

    /// Keeps an area free of labels (a plotted line's end, a marker).
    pub fn reserve(&mut self, b: Bounds) {
        self.texts.push(b);
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), stroke: &str, width: f32, dash: Option<&str>) {
        if width >= DRAWN_LINE {
            self.strokes.push((from, to));
        }
        self.canvas.line(Line {
            color: Some(color(stroke)),
            stroke_width: width,
            left: round(from.0),
            top: round(from.1),
            right: round(to.0),
            bottom: round(to.1),
            stroke_dash_array: dash.filter(|d| !d.is_empty()).map(str::to_owned),
        });
    }

    /// A line drawn after the texts it passes: broken, with a little space,
    /// wherever it would cross one.
    pub fn line_around_texts(&mut self, from: (f32, f32), to: (f32, f32), stroke: &str, width: f32, dash: &str) {
        let mut cuts: Vec<(f32, f32)> =
            self.texts.iter().filter_map(|t| t.grown(3.0 + width / 2.0).clip(from, to)).collect();
        cuts.sort_by(|a, b| a.0.total_cmp(&b.0));
        let length = (to.0 - from.0).hypot(to.1 - from.1).max(f32::EPSILON);
        let at = |t: f32| (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
        let mut start = 0.0;
        for (t0, t1) in cuts.into_iter().chain(std::iter::once((1.0, 1.0))) {
            if (t0 - start) * length >= 2.0 {
                self.line(at(start), at(t0), stroke, width, Some(dash));
            }
            start = start.max(t1);
        }
    }

    /// A filled rectangle, or an outlined one (`fill: None`).
    pub fn rect(&mut self, b: Bounds, fill: Option<&str>, stroke: Option<&str>) {
        self.marks.push(b);
        self.canvas.rect(Rect {
            color: stroke.map(color),
            stroke_width: stroke.map(|_| 2.0),
            fill: Some(Fill::from(color(fill.unwrap_or("#ffffff")))),
            left: round(b.left),
            top: round(b.top),
            width: round(b.right - b.left),
            height: round(b.bottom - b.top),
            ..Rect::default()
        });
    }

    pub fn circle(&mut self, at: (f32, f32), r: f32, stroke: &str, fill: &str) {
        self.marks.push(Bounds { left: at.0 - r, top: at.1 - r, right: at.0 + r, bottom: at.1 + r });
        self.canvas.circle(Circle {
            stroke_color: Some(color(stroke)),
            fill: Some(color(fill)),
            stroke_width: 2.0,
            cx: round(at.0),
            cy: round(at.1),
            r,
            ..Circle::default()
        });
    }

    pub fn polygon(&mut self, points: &[(f32, f32)], stroke: &str, fill: &str) {
        let init = Bounds { left: f32::MAX, top: f32::MAX, right: f32::MIN, bottom: f32::MIN };
        self.marks.push(points.iter().fold(init, |b, (x, y)| Bounds {
            left: b.left.min(*x),
            top: b.top.min(*y),
            right: b.right.max(*x),
            bottom: b.bottom.max(*y),
        }));
        self.canvas.polygon(Polygon {
            color: Some(color(stroke)),
            fill: Some(color(fill)),
            points: points.iter().map(|(x, y)| Point { x: round(*x), y: round(*y) }).collect(),
            ..Polygon::default()
        });
    }

    /// The drawing as SVG, written by charts-rs; a text's words without the
    /// line breaks charts-rs puts around them (a viewer drops them anyway).
    pub fn svg(&self) -> Result<String, String> {
        let svg = self.canvas.svg().map_err(|e| e.to_string())?;
        Ok(tight_text(&svg))
    }
}

/// `<text …>\nwords\n</text>` → `<text …>words</text>`.
fn tight_text(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        let Some(open_end) = rest[start..].find('>').map(|i| start + i + 1) else { break };
        out.push_str(&rest[..open_end]);
        rest = rest[open_end..].strip_prefix('\n').unwrap_or(&rest[open_end..]);
        if let Some(close) = rest.find("\n</text>") {
            out.push_str(&rest[..close]);
            rest = &rest[close + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// Coordinates to a tenth of a unit: exact enough, and short in the file.
fn round(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}
