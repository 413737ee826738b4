//! Rewrites the numbers charts-rs writes in English (`-21.5`) into the page
//! language's format (`−21,5`), leaves years and names alone, and sets the
//! home municipality's label in bold.

use super::KEEP;
use crate::locale::NumberFormat;

/// What the rewriting needs to know about the chart's data.
pub struct Data<'a> {
    /// Every value drawn, exactly (charts-rs draws from `f32` copies).
    pub values: &'a [f64],
    /// Decimals of the value labels.
    pub decimals: usize,
    /// Names to set in bold (the home municipality).
    pub bold: &'a [String],
}

/// Localises every `<text>` node of `svg`. Value labels (charts-rs offsets
/// them with `dx`) are written from the exact data value with the data's
/// decimals; axis ticks keep the decimals charts-rs chose, and `k`/`M`
/// abbreviations become whole numbers.
pub fn localise(svg: &str, fmt: &NumberFormat, data: &Data) -> String {
    let mut out = String::with_capacity(svg.len() + 64);
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        let Some(open_end) = rest[start..].find('>').map(|i| start + i) else { break };
        let Some(close) = rest[open_end..].find("</text>").map(|i| open_end + i) else { break };
        out.push_str(&rest[..start]);
        let tag = &rest[start..open_end];
        let content = &rest[open_end + 1..close];
        let value_label = tag.contains(" dx=");
        let (text, is_bold) = rewrite(content.trim(), fmt, value_label, data);
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

fn rewrite(content: &str, fmt: &NumberFormat, value_label: bool, data: &Data) -> (String, bool) {
    if let Some(kept) = content.strip_prefix(KEEP) {
        return (kept.to_owned(), false);
    }
    if let Some((v, own)) = parse_number(content) {
        return match value_label {
            true => (fmt.format(exact(v, data.values), data.decimals), false),
            false => (fmt.format(v, own), false),
        };
    }
    let is_bold = data.bold.iter().any(|b| crate::text::escape(b) == content);
    (content.to_owned(), is_bold)
}

/// A number as charts-rs writes it (`-21.5`, `130k`, `1.2M`), with its decimals.
fn parse_number(text: &str) -> Option<(f64, usize)> {
    let (digits, scale, scale_digits) = match text.char_indices().last()? {
        (i, 'k') => (&text[..i], 1e3, 3),
        (i, 'M') => (&text[..i], 1e6, 6),
        (i, 'G' | 'B') => (&text[..i], 1e9, 9),
        _ => (text, 1.0, 0),
    };
    let v: f64 = digits.parse().ok()?;
    let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len());
    Some((v * scale, decimals.saturating_sub(scale_digits)))
}

/// The data value `v` was drawn from (it passed through `f32`), or `v`.
fn exact(v: f64, values: &[f64]) -> f64 {
    let close = |d: &f64| (d - v).abs() <= (v.abs() * 1e-6).max(1e-6);
    values.iter().copied().filter(close).min_by(|a, b| (a - v).abs().total_cmp(&(b - v).abs())).unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_labels_come_from_the_exact_data_and_abbreviations_are_spelled_out() {
        let svg = "<text dx=\"1\">1234567.9</text><text>130k</text><text>1.2M</text>";
        let data = Data { values: &[1234567.89], decimals: 2, bold: &[] };
        assert_eq!(
            localise(svg, &sv(), &data),
            "<text dx=\"1\">1\u{a0}234\u{a0}567,89</text><text>130\u{a0}000</text><text>1\u{a0}200\u{a0}000</text>"
        );
    }

    fn sv() -> NumberFormat {
        NumberFormat { decimal: ",".into(), group: "\u{a0}".into(), minus: "\u{2212}".into(), group_min_digits: 5 }
    }

    #[test]
    fn ticks_values_years_and_names_are_each_treated_right() {
        let svg = format!(
            "<text x=\"1\">\n-21.5\n</text><text dx=\"-8\">\n96\n</text><text>\n{KEEP}2022\n</text><text>\nUmeå\n</text><text>\n12000\n</text>"
        );
        let data = Data { values: &[96.0], decimals: 1, bold: &["Umeå".into()] };
        let out = localise(&svg, &sv(), &data);
        assert_eq!(
            out,
            "<text x=\"1\">\u{2212}21,5</text><text dx=\"-8\">96,0</text><text>2022</text><text font-weight=\"bold\">Umeå</text><text>12\u{a0}000</text>"
        );
    }
}
