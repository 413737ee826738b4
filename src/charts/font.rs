//! The chart font, Roboto (regular and bold, cut to the sites' characters by
//! `scripts/subset-fonts`): how wide a text is, so that labels are placed
//! where they fit, and the outlines of its letters, which PNG downloads draw.

use std::fmt::Write;
use std::sync::OnceLock;

use ttf_parser::{Face, GlyphId, OutlineBuilder};

/// The family the SVG text names; the theme's CSS serves the same files as WOFF2.
pub const FAMILY: &str = "Roboto";

/// Roboto's ascent and descent, as fractions of the font size (from its
/// `hhea` table): what a browser takes as a text's box.
pub const ASCENT: f32 = 0.928;
pub const DESCENT: f32 = 0.244;

pub static REGULAR: &[u8] = include_bytes!("fonts/Roboto-Regular.ttf");
pub static BOLD: &[u8] = include_bytes!("fonts/Roboto-Bold.ttf");

/// The same faces as the pages serve them, for downloads that carry their font.
pub static REGULAR_WOFF2: &[u8] = include_bytes!("../../themes/default/static/fonts/Roboto-Regular.woff2");
pub static BOLD_WOFF2: &[u8] = include_bytes!("../../themes/default/static/fonts/Roboto-Bold.woff2");

fn face(bold: bool) -> &'static Face<'static> {
    static FACES: OnceLock<(Face<'static>, Face<'static>)> = OnceLock::new();
    let (regular, bold_face) = FACES.get_or_init(|| {
        let parse = |bytes: &'static [u8]| Face::parse(bytes, 0).expect("the chart font shipped with goalsite parses");
        (parse(REGULAR), parse(BOLD))
    });
    if bold {
        bold_face
    } else {
        regular
    }
}

/// `text`'s glyphs in `face` with their advances, in font units. A character
/// the font does not have is its missing-glyph box, as wide as an `M`, which
/// no fallback exceeds.
fn glyphs<'a>(face: &'a Face<'static>, text: &'a str) -> impl Iterator<Item = (GlyphId, u16)> + 'a {
    let wide = face.glyph_index('M').and_then(|g| face.glyph_hor_advance(g)).unwrap_or(1400);
    text.chars().map(move |c| match face.glyph_index(c) {
        Some(glyph) => (glyph, face.glyph_hor_advance(glyph).unwrap_or(wide)),
        None => (GlyphId(0), wide),
    })
}

/// The width of `text` at `size`, in the drawing's units.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    let face = face(bold);
    let units: u32 = glyphs(face, text).map(|(_, advance)| u32::from(advance)).sum();
    units as f32 * size / f32::from(face.units_per_em())
}

/// `text` at `size` as SVG path data, starting at `x` on the baseline `y`:
/// each glyph's outline placed by the advances [`width`] adds up, so the
/// drawn text is exactly as wide as the label it was measured for.
pub fn outline(text: &str, x: f32, y: f32, size: f32, bold: bool) -> String {
    let face = face(bold);
    let mut pen = Pen { d: String::new(), x, y, scale: size / f32::from(face.units_per_em()) };
    for (glyph, advance) in glyphs(face, text) {
        face.outline_glyph(glyph, &mut pen);
        pen.x += f32::from(advance) * pen.scale;
    }
    pen.d
}

/// Writes a glyph's outline (font units, y up) as path data at the pen's place.
struct Pen {
    d: String,
    x: f32,
    y: f32,
    scale: f32,
}

impl Pen {
    fn point(&mut self, command: char, points: &[(f32, f32)]) {
        self.d.push(command);
        for (i, (x, y)) in points.iter().enumerate() {
            let sep = if i == 0 { "" } else { " " };
            let _ = write!(self.d, "{sep}{:.2} {:.2}", self.x + x * self.scale, self.y - y * self.scale);
        }
    }
}

impl OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.point('M', &[(x, y)]);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.point('L', &[(x, y)]);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.point('Q', &[(x1, y1), (x, y)]);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.point('C', &[(x1, y1), (x2, y2), (x, y)]);
    }

    fn close(&mut self) {
        self.d.push('Z');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_with_the_shipped_font() {
        let regular = width("Umeå 286", 14.0, false);
        assert!((50.0..70.0).contains(&regular), "{regular}");
        assert!(width("Umeå 286", 14.0, true) > regular, "bold is wider");
        assert_eq!(width("", 14.0, false), 0.0);
        assert!(width("日本", 14.0, false) > 20.0, "unknown characters still take room");
    }

    #[test]
    fn a_text_is_drawn_as_outlines_within_its_measured_width() {
        let d = outline("Umeå 286", 10.0, 50.0, 14.0, false);
        let numbers: Vec<f32> =
            d.split(|c: char| c.is_ascii_alphabetic() || c == ' ').filter_map(|n| n.parse().ok()).collect();
        let xs: Vec<f32> = numbers.iter().step_by(2).copied().collect();
        let ys: Vec<f32> = numbers.iter().skip(1).step_by(2).copied().collect();
        let (left, right) = xs.iter().fold((f32::MAX, f32::MIN), |(l, r), x| (l.min(*x), r.max(*x)));
        assert!(left >= 10.0 && right <= 10.0 + width("Umeå 286", 14.0, false), "{left}..{right}");
        assert!(right - left > 40.0, "the letters reach across the text: {left}..{right}");
        // Above the baseline (y grows downwards), `å`'s ring at most an ascent up.
        assert!(ys.iter().all(|y| (50.0 - 14.0 * ASCENT..=50.0 + 0.5).contains(y)), "{ys:?}");
        assert_eq!(d.matches('M').count(), outline("Umeå 286", 0.0, 0.0, 14.0, true).matches('M').count());
        assert_eq!(outline(" ", 0.0, 0.0, 14.0, false), "", "a space has no outline");
    }
}
