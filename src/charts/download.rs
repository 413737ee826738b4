//! The chart as files to download, for slides and posts: an SVG that carries
//! its own title, source and font (so it looks the same wherever it is
//! opened), and a PNG of it drawn in Rust with the same font.

use std::fmt::Write;

use base64::Engine;

use super::{draw, font, Chart, Variant};

/// The wide drawing with `chart`'s title and source in it, and the chart
/// font embedded.
pub fn standalone_svg(chart: &Chart, title: &str, desc: &str) -> Result<String, String> {
    let svg = draw(chart, Variant::Wide)?;
    let Some(end) = svg.find('>') else { return Ok(svg) };
    let fonts = [("400", font::REGULAR_WOFF2), ("700", font::BOLD_WOFF2)]
        .iter()
        .map(|(weight, bytes)| {
            let data = base64::engine::general_purpose::STANDARD.encode(bytes);
            format!("@font-face{{font-family:Roboto;font-weight:{weight};src:url(data:font/woff2;base64,{data}) format(\"woff2\")}}")
        })
        .collect::<String>();
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}>\n<title>{}</title>\n<desc>{}</desc>\n<style>{fonts}</style>{}",
        &svg[..end],
        crate::text::escape(title),
        crate::text::escape(desc),
        &svg[end + 1..]
    ))
}

/// `svg` (a download SVG) as a PNG at twice its size, its texts drawn with
/// the chart font goalsite ships, so that they are the page's.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let svg = texts_as_outlines(svg)?;
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).map_err(|e| e.to_string())?;
    let scale = 2.0;
    let size = tree.size().to_int_size().scale_by(scale).ok_or("the chart has no size")?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("the chart has no size")?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    // The chart is opaque: RGB, quickly compressed (a chart compresses well anyway).
    let mut rgb = Vec::with_capacity(pixmap.data().len() / 4 * 3);
    for pixel in pixmap.data().chunks_exact(4) {
        rgb.extend_from_slice(&pixel[..3]);
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, size.width(), size.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&rgb).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// `svg` with each `<text>` (as charts draw them: one line at `x`, `y` on
/// its baseline, anchored at its start, middle or end) replaced by the
/// outlines of its letters in the chart font, filled as the text was: the
/// SVG renderer then needs no fonts and no text layout of its own. Each
/// glyph's outline is defined once and used where it is drawn.
fn texts_as_outlines(svg: &str) -> Result<String, String> {
    let doc = roxmltree::Document::parse(svg).map_err(|e| e.to_string())?;
    let mut drawn = String::with_capacity(svg.len() * 2);
    let mut glyphs = std::collections::BTreeSet::new();
    let mut from = 0;
    for text in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let number = |name: &str| text.attribute(name).and_then(|v| v.parse::<f32>().ok());
        let words: String = text.descendants().filter_map(|n| n.is_text().then(|| n.text()).flatten()).collect();
        let size = number("font-size").unwrap_or(14.0);
        let bold = matches!(text.attribute("font-weight"), Some("bold" | "700"));
        let width = font::width(&words, size, bold);
        let x = number("x").unwrap_or(0.0)
            - match text.attribute("text-anchor") {
                Some("middle") => width / 2.0,
                Some("end") => width,
                _ => 0.0,
            };
        let (y, scale) = (number("y").unwrap_or(0.0), font::scale(size, bold));
        let fill = crate::text::escape(text.attribute("fill").unwrap_or("#000"));
        drawn.push_str(&svg[from..text.range().start]);
        let _ = write!(drawn, "<g fill=\"{fill}\" transform=\"translate({x} {y}) scale({scale} -{scale})\">");
        for (glyph, at) in font::placed(&words, bold) {
            let _ = write!(drawn, "<use href=\"#{}\" x=\"{at}\"/>", glyph_id(glyph, bold));
            glyphs.insert((glyph, bold));
        }
        drawn.push_str("</g>");
        from = text.range().end;
    }
    drawn.push_str(&svg[from..]);
    let mut defs = String::from("<defs>");
    for (glyph, bold) in glyphs {
        let _ = write!(defs, "<path id=\"{}\" d=\"{}\"/>", glyph_id(glyph, bold), font::glyph_outline(glyph, bold));
    }
    defs.push_str("</defs>");
    let root_end = doc.root_element().range().start + svg[doc.root_element().range()].find('>').unwrap_or(0) + 1;
    drawn.insert_str(root_end, &defs);
    Ok(drawn)
}

/// The id of a glyph's outline in the drawing.
fn glyph_id(glyph: u16, bold: bool) -> String {
    format!("{}{glyph}", if bold { "gb" } else { "g" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_become_outlines_where_their_anchor_puts_them() {
        let svg = r##"<svg width="200" height="40" xmlns="http://www.w3.org/2000/svg"><rect width="200" height="40" fill="#FFF"/>
<text font-size="14" x="100" y="20" text-anchor="middle" font-family="Roboto" fill="#1B1B1B">Umeå &amp; 2024</text>
<text font-size="14" x="190" y="35" text-anchor="end" font-weight="bold" fill="#0B3C5D">42</text></svg>"##;
        let drawn = texts_as_outlines(svg).unwrap();
        assert!(!drawn.contains("<text"), "{drawn}");
        let doc = roxmltree::Document::parse(&drawn).expect("still an SVG");
        let groups: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("g")).collect();
        assert_eq!(groups.len(), 2);
        let (width, scale) = (font::width("Umeå & 2024", 14.0, false), font::scale(14.0, false));
        let start = 100.0 - width / 2.0;
        assert_eq!(
            groups[0].attribute("transform"),
            Some(format!("translate({start} 20) scale({scale} -{scale})").as_str())
        );
        let bold = font::width("42", 14.0, true);
        assert!(groups[1].attribute("transform").unwrap().starts_with(&format!("translate({} 35)", 190.0 - bold)));
        assert_eq!(groups[1].attribute("fill"), Some("#0B3C5D"));
        let uses = |g: &roxmltree::Node| g.children().filter(|n| n.has_tag_name("use")).count();
        assert_eq!((uses(&groups[0]), uses(&groups[1])), (9, 2), "a glyph per letter, none for spaces");
        // Every glyph used is defined once, before it is used.
        let defined: Vec<_> =
            doc.descendants().filter(|n| n.has_tag_name("path")).filter_map(|n| n.attribute("id")).collect();
        let used: std::collections::BTreeSet<_> =
            doc.descendants().filter_map(|n| n.attribute("href")).map(|h| h.trim_start_matches('#')).collect();
        assert_eq!(defined.iter().copied().collect::<std::collections::BTreeSet<_>>(), used);
        assert_eq!(defined.len(), used.len());
        assert!(drawn.find("<defs>").unwrap() < drawn.find("<use").unwrap());
    }

    #[test]
    fn the_png_shows_the_text() {
        let page = |words: &str| {
            format!(
                r##"<svg width="100" height="30" xmlns="http://www.w3.org/2000/svg"><rect width="100" height="30" fill="#FFFFFF"/><text font-size="14" x="4" y="20" fill="#000000">{words}</text></svg>"##
            )
        };
        let dark = |svg: &str| {
            let png = png(svg).unwrap();
            let mut reader = png::Decoder::new(std::io::Cursor::new(png)).read_info().unwrap();
            let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
            reader.next_frame(&mut pixels).unwrap();
            pixels.chunks_exact(3).filter(|p| p[0] < 128).count()
        };
        assert_eq!(dark(&page("")), 0, "nothing drawn on white");
        let one = dark(&page("I"));
        assert!(one > 20, "a letter is drawn: {one} dark pixels");
        assert!(dark(&page("III")) > 2 * one, "three letters cover more");
    }
}
