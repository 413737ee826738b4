//! Rewrites the numbers charts-rs writes in English (`-21.5`) into the page
//! language's format (`−21,5`), leaves years and names alone, and sets the
//! home municipality's label in bold.

use super::KEEP;
use crate::numbers::NumberFormat;

/// Localises every `<text>` node of `svg`. Value labels (charts-rs offsets
/// them with `dx`) get `decimals` decimals; axis ticks keep the decimals
/// charts-rs chose.
pub fn localise(svg: &str, fmt: &NumberFormat, decimals: usize, bold: &[String]) -> String {
    let mut out = String::with_capacity(svg.len() + 64);
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        let Some(open_end) = rest[start..].find('>').map(|i| start + i) else { break };
        let Some(close) = rest[open_end..].find("</text>").map(|i| open_end + i) else { break };
        out.push_str(&rest[..start]);
        let tag = &rest[start..open_end];
        let content = &rest[open_end + 1..close];
        let value_label = tag.contains(" dx=");
        let (text, is_bold) = rewrite(content.trim(), fmt, value_label.then_some(decimals), bold);
        out.push_str(tag);
        if is_bold {
            out.push_str(" font-weight=\"bold\"");
        }
        out.push('>');
        out.push_str(&text);
        out.push_str("</text>");
        rest = &rest[close + "</text>".len()..];
    }
    out.push_str(rest);
    out
}

fn rewrite(content: &str, fmt: &NumberFormat, decimals: Option<usize>, bold: &[String]) -> (String, bool) {
    if let Some(kept) = content.strip_prefix(KEEP) {
        return (kept.to_owned(), false);
    }
    if let Ok(v) = content.parse::<f64>() {
        let own = content.split_once('.').map_or(0, |(_, f)| f.len());
        return (fmt.format(v, decimals.unwrap_or(own)), false);
    }
    let is_bold = bold.iter().any(|b| super::escape_xml(b) == content);
    (content.to_owned(), is_bold)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sv() -> NumberFormat {
        NumberFormat { decimal: ",".into(), group: "\u{a0}".into(), minus: "\u{2212}".into(), group_min_digits: 5 }
    }

    #[test]
    fn ticks_values_years_and_names_are_each_treated_right() {
        let svg = format!(
            "<text x=\"1\">\n-21.5\n</text><text dx=\"-8\">\n96\n</text><text>\n{KEEP}2022\n</text><text>\nUmeå\n</text><text>\n12000\n</text>"
        );
        let out = localise(&svg, &sv(), 1, &["Umeå".into()]);
        assert_eq!(
            out,
            "<text x=\"1\">\u{2212}21,5</text><text dx=\"-8\">96,0</text><text>2022</text><text font-weight=\"bold\">Umeå</text><text>12\u{a0}000</text>"
        );
    }
}
