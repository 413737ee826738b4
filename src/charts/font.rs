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
/// the font does not have is its missing glyph (empty in the subset fonts,
/// so a gap), as wide as an `M`, which no fallback exceeds.
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

/// The glyphs of `text` that have an outline, each with its place along the
/// line in font units: placed by the advances [`width`] adds up, so the drawn
/// text is exactly as wide as the label it was measured for.
pub fn placed(text: &str, bold: bool) -> Vec<(u16, u32)> {
    let face = face(bold);
    let mut at = 0;
    let mut placed = Vec::with_capacity(text.len());
    for (glyph, advance) in glyphs(face, text) {
        if face.glyph_bounding_box(glyph).is_some() {
            placed.push((glyph.0, at));
        }
        at += u32::from(advance);
    }
    placed
}

/// The font size a unit of the font's outlines is at `size`.
pub fn scale(size: f32, bold: bool) -> f32 {
    size / f32::from(face(bold).units_per_em())
}

/// The outline of glyph `id` as SVG path data in font units (y up).
pub fn glyph_outline(id: u16, bold: bool) -> String {
    let mut pen = Pen(String::new());
    face(bold).outline_glyph(GlyphId(id), &mut pen);
    pen.0
}

/// Writes a glyph's outline as path data.
struct Pen(String);

impl Pen {
    fn point(&mut self, command: char, points: &[(f32, f32)]) {
        self.0.push(command);
        for (i, (x, y)) in points.iter().enumerate() {
            let sep = if i == 0 { "" } else { " " };
            let _ = write!(self.0, "{sep}{x} {y}");
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
        self.0.push('Z');
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
    fn a_text_s_glyphs_are_placed_within_its_measured_width() {
        let placed = placed("Umeå 286", false);
        assert_eq!(placed.len(), 7, "every letter but the space has an outline");
        assert_eq!(placed[0].1, 0, "the first starts the line");
        let last = placed.last().unwrap();
        let face = face(false);
        let end = (last.1 + face.glyph_hor_advance(GlyphId(last.0)).unwrap() as u32) as f32 * scale(14.0, false);
        assert!((end - width("Umeå 286", 14.0, false)).abs() < 0.01, "{end}");
        let a = glyph_outline(placed[2].0, false);
        assert!(a.starts_with('M') && a.ends_with('Z'), "{a}");
        assert_ne!(glyph_outline(placed[2].0, true), a, "bold has its own outlines");
    }
}
