//! Value axes that explain themselves: "nice" ticks (steps of 1, 2 or 5 times
//! a power of ten), starting at zero for data that cannot be negative,
//! stopping at 100 for percentages that do, and large numbers written the
//! language's short way (`200 tn`, `1,5 mn` / `200k`, `1.5m`).

use crate::locale::{fill, I18n, UiKey};

/// A linear value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
}

impl Scale {
    /// An axis that holds every value in `lo..=hi` with about `ticks` ticks;
    /// zero is always on it, and a percentage axis ends at 100 if the data does.
    pub fn nice(lo: f64, hi: f64, ticks: usize, percent: bool) -> Scale {
        let (mut lo, mut hi) = (lo.min(0.0), hi.max(0.0));
        if (hi - lo).abs() < f64::EPSILON {
            hi = lo + 1.0;
        }
        let ticks = ticks.max(2);
        let raw = (hi - lo) / ticks as f64;
        let magnitude = 10f64.powf(raw.log10().floor());
        // Of the steps near the raw one, the one whose number of intervals is
        // closest to `ticks` without exceeding it by more than one.
        let intervals = |s: f64| ((hi / s).ceil() - (lo / s).floor()) as usize;
        let step = [0.5, 1.0, 2.0, 5.0, 10.0, 20.0]
            .iter()
            .map(|m| m * magnitude)
            .filter(|s| intervals(*s) <= ticks + 1)
            .min_by_key(|s| (intervals(*s).abs_diff(ticks), std::cmp::Reverse((s / magnitude * 10.0) as u64)))
            .unwrap_or(10.0 * magnitude);
        lo = (lo / step).floor() * step;
        hi = (hi / step).ceil() * step;
        if percent && hi > 100.0 && hi - step < 100.0 {
            hi = 100.0;
        }
        Scale { lo, hi, step }
    }

    /// The tick values, from low to high.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as i64;
        (0..=n).map(|i| self.lo + i as f64 * self.step).filter(|v| *v <= self.hi + self.step * 1e-9).collect()
    }

    /// Where `v` falls between `from` (at `lo`) and `to` (at `hi`).
    pub fn at(&self, v: f64, from: f32, to: f32) -> f32 {
        from + ((v - self.lo) / (self.hi - self.lo)) as f32 * (to - from)
    }
}

/// How tick labels are written: the unit of the short form (thousands,
/// millions, billions) if the numbers are large, and the decimals they need.
pub struct TickFormat<'a> {
    i18n: &'a I18n,
    divisor: f64,
    pattern: Option<String>,
    decimals: usize,
}

impl<'a> TickFormat<'a> {
    /// The format for the ticks of `scale`.
    pub fn new(scale: &Scale, i18n: &'a I18n) -> Self {
        let largest = scale.lo.abs().max(scale.hi.abs());
        let (divisor, key) = match largest {
            l if l >= 1e9 => (1e9, Some(UiKey::NumberBillions)),
            l if l >= 1e6 => (1e6, Some(UiKey::NumberMillions)),
            l if l >= 1e4 => (1e3, Some(UiKey::NumberThousands)),
            _ => (1.0, None),
        };
        let step = scale.step / divisor;
        let decimals = if step >= 1.0 { 0 } else { (-step.log10().floor()) as usize };
        TickFormat { i18n, divisor, pattern: key.map(|k| i18n.string(k)), decimals: decimals.min(6) }
    }

    /// A tick's label.
    pub fn label(&self, v: f64) -> String {
        let n = self.i18n.number.format(v / self.divisor, self.decimals);
        match &self.pattern {
            Some(p) if v != 0.0 => fill(p, &[("value", &n)]),
            _ => n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_step_by_one_two_or_five() {
        let s = Scale::nice(0.0, 427.0, 5, false);
        assert_eq!((s.lo, s.hi, s.step), (0.0, 500.0, 100.0));
        assert_eq!(s.ticks(), [0.0, 100.0, 200.0, 300.0, 400.0, 500.0]);
        let s = Scale::nice(-3.2, 7.1, 5, false);
        assert_eq!((s.lo, s.hi, s.step), (-4.0, 8.0, 2.0));
        let s = Scale::nice(0.0, 0.37, 4, false);
        assert_eq!(s.step, 0.1);
    }

    #[test]
    fn data_that_cannot_be_negative_starts_at_zero_and_percentages_stop_at_100() {
        let s = Scale::nice(86.0, 93.0, 5, true);
        assert_eq!((s.lo, s.hi), (0.0, 100.0));
        assert_eq!(s.ticks().last(), Some(&100.0));
        let s = Scale::nice(0.0, 130.0, 5, true);
        assert!(s.hi > 100.0, "a percentage above 100 keeps its room");
    }

    #[test]
    fn a_flat_series_still_gets_an_axis() {
        let s = Scale::nice(5.0, 5.0, 5, false);
        assert!(s.hi > s.lo && s.ticks().len() >= 2);
    }
}
