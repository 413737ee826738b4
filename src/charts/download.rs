//! The chart as files to download, for slides and posts: an SVG that carries
//! its own title, source and font (so it looks the same wherever it is
//! opened), and a PNG of it drawn in Rust with the same font.

use std::fmt::Write;

use base64::Engine;

use super::{draw, Chart, Variant};

/// The wide drawing with `chart`'s title and source in it, and the chart
/// font embedded.
pub fn standalone_svg(chart: &Chart, title: &str, desc: &str) -> Result<String, String> {
    let svg = draw(chart, Variant::Wide)?;
    let Some(end) = svg.find('>') else { return Ok(svg) };
    let fonts = [("400", super::font::REGULAR_WOFF2), ("700", super::font::BOLD_WOFF2)]
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
/// SVG renderer then needs no fonts and no text layout of its own.
fn texts_as_outlines(svg: &str) -> Result<String, String> {
    let doc = roxmltree::Document::parse(svg).map_err(|e| e.to_string())?;
    let mut drawn = String::with_capacity(svg.len() * 4);
    let mut from = 0;
    for text in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let number = |name: &str| text.attribute(name).and_then(|v| v.parse::<f32>().ok());
        let words: String = text.descendants().filter_map(|n| n.is_text().then(|| n.text()).flatten()).collect();
        let size = number("font-size").unwrap_or(14.0);
        let bold = matches!(text.attribute("font-weight"), Some("bold" | "700"));
        let width = super::font::width(&words, size, bold);
        let x = number("x").unwrap_or(0.0)
            - match text.attribute("text-anchor") {
                Some("middle") => width / 2.0,
                Some("end") => width,
                _ => 0.0,
            };
        let d = super::font::outline(&words, x, number("y").unwrap_or(0.0), size, bold);
        let fill = crate::text::escape(text.attribute("fill").unwrap_or("#000"));
        drawn.push_str(&svg[from..text.range().start]);
        let _ = write!(drawn, "<path d=\"{d}\" fill=\"{fill}\"/>");
        from = text.range().end;
    }
    drawn.push_str(&svg[from..]);
    Ok(drawn)
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
        let paths: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("path")).collect();
        assert_eq!(paths.len(), 2);
        let width = super::super::font::width("Umeå & 2024", 14.0, false);
        assert_eq!(
            paths[0].attribute("d"),
            Some(super::super::font::outline("Umeå & 2024", 100.0 - width / 2.0, 20.0, 14.0, false).as_str())
        );
        assert_eq!(paths[1].attribute("fill"), Some("#0B3C5D"));
        let bold = super::super::font::width("42", 14.0, true);
        assert_eq!(
            paths[1].attribute("d"),
            Some(super::super::font::outline("42", 190.0 - bold, 35.0, 14.0, true).as_str())
        );
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
