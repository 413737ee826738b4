//! Colours as WCAG measures them: `#rrggbb`, relative luminance and the
//! contrast ratio between two colours, and a darker shade of a colour that
//! reaches a ratio.

/// A colour from `#rrggbb` (or `#rgb`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#').filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()))?;
        let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
        match hex.len() {
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2.1 relative luminance.
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The contrast ratio with `other`, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The colour mixed with black by `amount` (0 to 1).
    pub fn darker(self, amount: f64) -> Rgb {
        let mix = |c: u8| (f64::from(c) * (1.0 - amount)).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }

    /// The lightest shade of this colour (mixed with black in 5 % steps)
    /// that reaches `ratio` against `background`.
    pub fn darkened_to(self, background: Rgb, ratio: f64) -> Rgb {
        (0..=20)
            .map(|step| self.darker(f64::from(step) * 0.05))
            .find(|c| c.contrast(background) >= ratio)
            .unwrap_or(Rgb(0, 0, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratios_are_wcag_s() {
        let white = Rgb(255, 255, 255);
        assert!((Rgb(0, 0, 0).contrast(white) - 21.0).abs() < 1e-9);
        assert!((Rgb::parse("#767676").unwrap().contrast(white) - 4.54).abs() < 0.01);
        assert_eq!(Rgb::parse("#fff"), Some(white));
        assert_eq!(Rgb::parse("blå"), None);
        assert_eq!(Rgb::parse("#12345g"), None);
        assert_eq!(Rgb::parse("#+f+f+f"), None);
    }

    #[test]
    fn a_light_colour_darkens_until_it_reads() {
        let white = Rgb(255, 255, 255);
        let yellow = Rgb::parse("#f5c400").unwrap();
        let fixed = yellow.darkened_to(white, 4.5);
        assert!(fixed.contrast(white) >= 4.5, "{}", fixed.hex());
        assert!(fixed != yellow && fixed != Rgb(0, 0, 0), "a shade of the colour: {}", fixed.hex());
    }
}
