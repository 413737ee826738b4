//! The chart as files to download, for slides and posts: an SVG that carries
//! its own title, source and font (so it looks the same wherever it is
//! opened), and a PNG of it drawn in Rust with the same font.

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

/// `svg` (a download SVG) as a PNG at twice its size, drawn with the chart
/// font goalsite ships, so that its text is the page's.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let tree = usvg::Tree::from_str(svg, options()).map_err(|e| e.to_string())?;
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

/// What the SVG renderer needs: the chart font, and nothing from the system.
fn options() -> &'static resvg::usvg::Options<'static> {
    use std::sync::{Arc, OnceLock};
    static OPTIONS: OnceLock<resvg::usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut fonts = resvg::usvg::fontdb::Database::new();
        for bytes in [super::font::REGULAR, super::font::BOLD] {
            fonts.load_font_source(resvg::usvg::fontdb::Source::Binary(Arc::new(bytes)));
        }
        resvg::usvg::Options { fontdb: Arc::new(fonts), font_family: super::font::FAMILY.into(), ..Default::default() }
    })
}
