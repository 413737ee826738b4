//! Numbers written the way each language writes them (decimal comma, minus
//! sign, thousands separator), shared by tables, charts and text.

use serde::Deserialize;

/// How one language writes numbers; comes from the theme's `i18n/<lang>.toml`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct NumberFormat {
    pub decimal: String,
    pub group: String,
    pub minus: String,
    /// Numbers with fewer integer digits than this are not grouped (`2022`, not `2 022`).
    pub group_min_digits: usize,
}

impl Default for NumberFormat {
    fn default() -> Self {
        NumberFormat { decimal: ".".into(), group: ",".into(), minus: "-".into(), group_min_digits: 5 }
    }
}

impl NumberFormat {
    /// `v` with exactly `decimals` decimals.
    pub fn format(&self, v: f64, decimals: usize) -> String {
        let s = format!("{:.*}", decimals, v.abs());
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        let mut out = String::with_capacity(s.len() + 4);
        let is_zero = s.bytes().all(|b| b == b'0' || b == b'.');
        if v < 0.0 && !is_zero {
            out.push_str(&self.minus);
        }
        if int.len() >= self.group_min_digits {
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    out.push_str(&self.group);
                }
                out.push(c);
            }
        } else {
            out.push_str(int);
        }
        if !frac.is_empty() {
            out.push_str(&self.decimal);
            out.push_str(frac);
        }
        out
    }
}

/// How many decimals `v` needs to be written exactly (at most `max`).
pub fn decimals_needed(v: f64, max: usize) -> usize {
    (0..=max).find(|&d| ((v * 10f64.powi(d as i32)).round() / 10f64.powi(d as i32) - v).abs() < 1e-9).unwrap_or(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sv() -> NumberFormat {
        NumberFormat { decimal: ",".into(), group: "\u{a0}".into(), minus: "\u{2212}".into(), group_min_digits: 5 }
    }

    #[test]
    fn swedish_numbers_use_comma_minus_and_nbsp() {
        assert_eq!(sv().format(-21.5, 1), "\u{2212}21,5");
        assert_eq!(sv().format(2022.0, 0), "2022");
        assert_eq!(sv().format(200000.0, 0), "200\u{a0}000");
        assert_eq!(sv().format(-0.01, 1), "0,0");
    }

    #[test]
    fn english_numbers_use_point_and_comma_groups() {
        let en = NumberFormat::default();
        assert_eq!(en.format(1234567.891, 2), "1,234,567.89");
        assert_eq!(en.format(-3.0, 0), "-3");
        assert_eq!(decimals_needed(286.0, 2), 0);
        assert_eq!(decimals_needed(62.25, 2), 2);
        assert_eq!(decimals_needed(1.0 / 3.0, 2), 2);
    }
}
