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
    /// `v` with exactly `decimals` decimals, rounded half away from zero as
    /// written (`0.125` → `0.13`, `2.675` → `2.68`).
    pub fn format(&self, v: f64, decimals: usize) -> String {
        let s = round(v.abs(), decimals);
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

/// How many decimals `v` needs to be written exactly as the file writes it
/// (at most `max`).
pub fn decimals_needed(v: f64, max: usize) -> usize {
    let s = format!("{}", v.abs());
    s.split_once('.').map_or(0, |(_, frac)| frac.trim_end_matches('0').len()).min(max)
}

/// The most decimals goalsite shows when an indicator does not say.
pub const AUTO_DECIMALS: usize = 2;

/// How many decimals an indicator's values are shown with: the editor's
/// setting, or as many as the most precise value needs (at most
/// [`AUTO_DECIMALS`]), so that one indicator's numbers line up.
pub fn shown_decimals(values: impl Iterator<Item = f64>, setting: Option<usize>) -> usize {
    setting.unwrap_or_else(|| values.map(|v| decimals_needed(v, AUTO_DECIMALS)).max().unwrap_or(0))
}

/// `v` (not negative) as decimal digits with `decimals` decimals, rounded half
/// away from zero on the shortest decimal form of `v`: the digits the editor
/// wrote, not the nearest binary fraction.
fn round(v: f64, decimals: usize) -> String {
    let shortest = format!("{v}");
    let (int, frac) = shortest.split_once('.').unwrap_or((&shortest, ""));
    if frac.len() <= decimals {
        let pad = "0".repeat(decimals - frac.len());
        return if decimals == 0 { int.to_owned() } else { format!("{int}.{frac}{pad}") };
    }
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes().take(decimals)).collect();
    if frac.as_bytes()[decimals] >= b'5' {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - decimals;
    let (int, frac) = digits.split_at(split);
    let int = String::from_utf8_lossy(int);
    match decimals {
        0 => int.into_owned(),
        _ => format!("{int}.{}", String::from_utf8_lossy(frac)),
    }
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
    fn rounding_is_half_away_from_zero_on_the_written_digits() {
        let en = NumberFormat::default();
        assert_eq!(en.format(0.125, 2), "0.13");
        assert_eq!(en.format(2.675, 2), "2.68");
        assert_eq!(en.format(-0.125, 2), "-0.13");
        assert_eq!(en.format(9.995, 2), "10.00");
        assert_eq!(en.format(99.5, 0), "100");
        assert_eq!(en.format(0.0, 1), "0.0");
        assert_eq!(en.format(1e15, 0), "1,000,000,000,000,000");
        assert_eq!(en.format(1.5e-7, 2), "0.00");
    }

    #[test]
    fn shown_decimals_follow_the_setting_or_the_most_precise_value() {
        assert_eq!(shown_decimals([1.0, 2.5, 3.25].into_iter(), None), 2);
        assert_eq!(shown_decimals([1.0, 0.125].into_iter(), None), 2, "at most two unless the indicator says");
        assert_eq!(shown_decimals([1.0, 0.125].into_iter(), Some(3)), 3);
        assert_eq!(shown_decimals(std::iter::empty(), None), 0);
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
