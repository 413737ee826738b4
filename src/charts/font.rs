//! The chart font, Roboto (regular and bold, cut to the sites' characters by
//! `scripts/subset-fonts`): how wide a text is, so that labels are placed
//! where they fit, and the font files PNG downloads are drawn with.

use std::sync::OnceLock;

use ttf_parser::Face;

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

/// The width of `text` at `size`, in the drawing's units. A character the
/// font does not have is counted as wide as an `M`, which no fallback exceeds.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    let face = face(bold);
    let wide = face.glyph_index('M').and_then(|g| face.glyph_hor_advance(g)).unwrap_or(1400);
    let units: u32 = text
        .chars()
        .map(|c| u32::from(face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).unwrap_or(wide)))
        .sum();
    units as f32 * size / f32::from(face.units_per_em())
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
}
