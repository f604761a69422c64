//! The numbers a chart or a progress bar needs beyond the assessment itself:
//! the series as drawn (levels, or running totals for cumulative flows), the
//! required path and the trend as line ends, a "nice" axis, the share of a
//! progress bar and the window behind "the last three years averaged".
//!
//! Pure functions of numbers, no heap, no panics: what cannot be drawn is
//! `None` or an empty list. The dashboard only maps these to pixels.

use heapless::Vec;

use crate::config::MAX_SERIES_POINTS;
use crate::model::TargetKind;
use crate::progress::{Distance, Point, Trend};

/// The observed series as a chart draws it, sorted by year: for cumulative
/// flows the running total (the baseline value plus every flow after the
/// baseline year, as [`crate::progress`] counts it), otherwise the levels.
/// NaN and infinite values and years at or before a cumulative baseline are
/// left out; a second value for a year already drawn is dropped.
pub fn drawn_series(
    kind: TargetKind,
    baseline: Option<Point>,
    points: &[Point],
    out: &mut Vec<Point, MAX_SERIES_POINTS>,
) {
    out.clear();
    let cumulative = kind == TargetKind::CumulativeFlow;
    let after_base = |p: &Point| !cumulative || baseline.is_none_or(|b| p.year > b.year);
    // Selection by year, smallest first: no sorting, no heap.
    let mut last: Option<i32> = None;
    let mut total = baseline.filter(|_| cumulative).map_or(0.0, |b| b.value);
    loop {
        let next = points
            .iter()
            .filter(|p| p.value.is_finite() && after_base(p))
            .filter(|p| last.is_none_or(|l| p.year > l))
            .min_by_key(|p| p.year);
        let Some(p) = next else { break };
        last = Some(p.year);
        let value = if cumulative {
            total += p.value;
            total
        } else {
            p.value
        };
        if out.push(Point::new(p.year, value)).is_err() {
            break;
        }
    }
}

/// The straight line from `from` to the target: the path that reaches the
/// target on time. `None` when the target year is not after `from`'s or a
/// value is not finite.
pub fn required_path(from: Point, target: Point) -> Option<[Point; 2]> {
    (target.year > from.year && from.value.is_finite() && target.value.is_finite())
        .then_some([from, target])
}

/// The trend line between two years, `None` where it is not finite.
pub fn trend_path(trend: &Trend, from_year: i32, to_year: i32) -> Option<[Point; 2]> {
    if to_year <= from_year {
        return None;
    }
    Some([
        Point::new(from_year, trend.value_at(from_year)?),
        Point::new(to_year, trend.value_at(to_year)?),
    ])
}

/// Share of a progress bar: the distance travelled, clamped to `0..=1`.
/// A target achieved fills the bar.
pub fn progress_share(d: &Distance) -> Option<f64> {
    if d.status == crate::progress::Status::TargetAchieved {
        return Some(1.0);
    }
    d.distance_share
        .filter(|v| v.is_finite())
        .map(|v| v.clamp(0.0, 1.0))
}

/// The points behind [`crate::progress::Projection::recent_pace`]: the latest
/// drawn point and the one up to three observed years before it. `None` with
/// fewer than two points. `drawn` is sorted by year (as [`drawn_series`]
/// gives it); a baseline that the projection counts may be passed first.
pub fn recent_window(drawn: &[Point]) -> Option<(Point, Point)> {
    let last = *drawn.last()?;
    let first_index = drawn.len().saturating_sub(4);
    let first = *drawn.get(first_index)?;
    (first.year < last.year).then_some((first, last))
}

/// A linear axis with round tick steps (1, 2 or 5 times a power of ten).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Lowest value on the axis (a multiple of `step`).
    pub min: f64,
    /// Highest value on the axis (a multiple of `step`).
    pub max: f64,
    /// Distance between ticks.
    pub step: f64,
}

impl Scale {
    /// How many ticks, both ends included.
    pub fn tick_count(&self) -> usize {
        let n = libm::round((self.max - self.min) / self.step);
        if (0.0..1000.0).contains(&n) {
            n as usize + 1
        } else {
            0
        }
    }

    /// Tick `i` (from `min` up).
    pub fn tick(&self, i: usize) -> f64 {
        self.min + self.step * i as f64
    }

    /// Where `v` lies on the axis, 0 at `min` and 1 at `max`.
    pub fn position(&self, v: f64) -> f64 {
        let span = self.max - self.min;
        if span > 0.0 {
            (v - self.min) / span
        } else {
            0.5
        }
    }
}

/// A round axis covering `lo..=hi` with at most about `max_ticks` ticks.
/// Non-finite bounds are ignored; an empty or single-value range gets a
/// small one around it; zero is kept on the axis when all values are
/// positive and close enough to it that a chart should start there.
pub fn nice_scale(lo: f64, hi: f64, max_ticks: usize) -> Scale {
    let (mut lo, mut hi) = match (lo.is_finite(), hi.is_finite()) {
        (true, true) => (libm::fmin(lo, hi), libm::fmax(lo, hi)),
        (true, false) => (lo, lo),
        (false, true) => (hi, hi),
        (false, false) => (0.0, 1.0),
    };
    if lo > 0.0 && lo < hi * 0.5 {
        lo = 0.0;
    }
    if hi == lo {
        if hi == 0.0 {
            hi = 1.0;
        } else {
            let pad = libm::fabs(hi) * 0.1;
            lo = if lo > 0.0 { 0.0 } else { lo - pad };
            hi += pad;
        }
    }
    let ticks = max_ticks.clamp(2, 20) as f64;
    let raw = (hi - lo) / (ticks - 1.0);
    let mag = libm::pow(10.0, libm::floor(libm::log10(raw)));
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    Scale {
        min: libm::floor(lo / step) * step,
        max: libm::ceil(hi / step) * step,
        step,
    }
}

/// The next 1, 2 or 5 times a power of ten at or above `v` (1 for a
/// value that is not positive and finite): a round end for a slider or an
/// axis.
pub fn nice_ceiling(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let mut p = 1e-6;
    while p * 10.0 <= v {
        p *= 10.0;
    }
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * p >= v {
            return m * p;
        }
    }
    10.0 * p
}

/// A slider for an amount that should reach every one of `values`: from
/// zero (or minus the end, when it may be negative) to a round end at
/// least twice the largest size among them, in 200 steps. Values that are
/// not finite are left out.
pub fn slider_range(values: &[f64], allow_negative: bool) -> (f64, f64, f64) {
    let top = values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .map(libm::fabs)
        .fold(0.0, libm::fmax);
    let max = libm::fmax(nice_ceiling(top * 2.0), 1.0);
    (if allow_negative { -max } else { 0.0 }, max, max / 200.0)
}

/// A slider for a multiplier: from 0 to a round end at least twice the
/// larger of the promised and the chosen multiplier, and at least 8, in
/// steps of 0.01.
pub fn multiplier_range(promised: f64, chosen: f64) -> (f64, f64, f64) {
    let top = libm::fmax(nice_ceiling(libm::fmax(promised, chosen) * 2.0), 8.0);
    (0.0, top, 0.01)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{self, Direction, SeriesKind, Status};

    fn pts(v: &[(i32, f64)]) -> std::vec::Vec<Point> {
        v.iter().map(|&(y, x)| Point::new(y, x)).collect()
    }

    #[test]
    fn cumulative_series_is_the_running_total_sorted() {
        let mut out = Vec::new();
        let points = pts(&[
            (2027, 3000.0),
            (2026, 2000.0),
            (2028, f64::NAN),
            (2029, 1000.0),
        ]);
        drawn_series(
            TargetKind::CumulativeFlow,
            Some(Point::new(2025, 0.0)),
            &points,
            &mut out,
        );
        assert_eq!(
            out.as_slice(),
            &[
                Point::new(2026, 2000.0),
                Point::new(2027, 5000.0),
                Point::new(2029, 6000.0)
            ]
        );
    }

    #[test]
    fn running_total_agrees_with_the_projection() {
        let points = pts(&[(2026, 2000.0), (2027, 2400.0), (2028, 2800.0)]);
        let base = Point::new(2025, 0.0);
        let mut out = Vec::new();
        drawn_series(TargetKind::CumulativeFlow, Some(base), &points, &mut out);
        let p = progress::project(
            &points,
            Some(base),
            Point::new(2030, 25000.0),
            Direction::Increase,
            SeriesKind::CumulativeFlow,
        );
        assert_eq!(p.current, out.last().copied());
        // "needs (25000 - 7200) / 2 a year from now on"
        assert_eq!(p.required_pace, Some(8900.0));
        // the last three years (baseline counted) averaged 7200 / 3
        let mut with_base: Vec<Point, 8> = Vec::new();
        with_base.push(base).unwrap();
        with_base.extend_from_slice(&out).unwrap();
        let (a, b) = recent_window(&with_base).unwrap();
        assert_eq!((a.year, b.year), (2025, 2028));
        assert_eq!(p.recent_pace, Some((b.value - a.value) / 3.0));
    }

    #[test]
    fn levels_keep_values_and_drop_duplicates_and_nan() {
        let mut out = Vec::new();
        let points = pts(&[(2024, 2.0), (2020, 1.0), (2024, 9.0), (2022, f64::INFINITY)]);
        drawn_series(TargetKind::Level, None, &points, &mut out);
        assert_eq!(
            out.as_slice(),
            &[Point::new(2020, 1.0), Point::new(2024, 2.0)]
        );
    }

    #[test]
    fn paths_need_a_later_target() {
        let a = Point::new(2026, 10.0);
        assert_eq!(
            required_path(a, Point::new(2030, 20.0)),
            Some([a, Point::new(2030, 20.0)])
        );
        assert_eq!(required_path(a, Point::new(2026, 20.0)), None);
        assert_eq!(required_path(a, Point::new(2030, f64::NAN)), None);
        let t = Trend {
            slope: 2.0,
            intercept: -4000.0,
        };
        assert_eq!(
            trend_path(&t, 2020, 2030),
            Some([Point::new(2020, 40.0), Point::new(2030, 60.0)])
        );
        assert_eq!(trend_path(&t, 2030, 2030), None);
    }

    #[test]
    fn progress_share_is_clamped() {
        let mut d = progress::distance_travelled(
            &pts(&[(2026, 3000.0)]),
            &progress::DistanceConfig {
                baseline: Point::new(2025, 0.0),
                target: Point::new(2030, 25000.0),
                direction: Direction::Increase,
                kind: SeriesKind::CumulativeFlow,
            },
        );
        assert_eq!(progress_share(&d), Some(0.12));
        d.distance_share = Some(-0.5);
        assert_eq!(progress_share(&d), Some(0.0));
        d.status = Status::TargetAchieved;
        assert_eq!(progress_share(&d), Some(1.0));
    }

    #[test]
    fn recent_window_needs_two_years() {
        assert_eq!(recent_window(&[]), None);
        assert_eq!(recent_window(&[Point::new(2026, 1.0)]), None);
        let p = pts(&[
            (2020, 1.0),
            (2021, 2.0),
            (2022, 3.0),
            (2023, 4.0),
            (2024, 5.0),
        ]);
        let (a, b) = recent_window(&p).unwrap();
        assert_eq!((a.year, b.year), (2021, 2024));
    }

    #[test]
    fn nice_scales() {
        let s = nice_scale(0.0, 25000.0, 6);
        assert_eq!((s.min, s.max, s.step), (0.0, 25000.0, 5000.0));
        assert_eq!(s.tick_count(), 6);
        assert_eq!(s.tick(2), 10000.0);
        assert_eq!(s.position(12500.0), 0.5);
        let s = nice_scale(2.1, 3.0, 5);
        assert!(s.min <= 2.1 && s.max >= 3.0 && s.tick_count() <= 6);
        let s = nice_scale(5.0, 5.0, 5);
        assert!(s.min <= 5.0 && s.max > 5.0);
        let s = nice_scale(f64::NAN, f64::NAN, 5);
        assert_eq!((s.min, s.max), (0.0, 1.0));
        let s = nice_scale(-3.0, 7.0, 6);
        assert!(s.min <= -3.0 && s.max >= 7.0);
    }

    #[test]
    fn round_ends_for_sliders() {
        assert_eq!(nice_ceiling(7.0), 10.0);
        assert_eq!(nice_ceiling(14.0), 20.0);
        assert_eq!(nice_ceiling(40.0), 50.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(f64::NAN), 1.0);
        assert_eq!(nice_ceiling(f64::INFINITY), 1.0);
        // EUR 7 bn in millions: up to 20,000 in steps of 100.
        assert_eq!(
            slider_range(&[7000.0, 4000.0], false),
            (0.0, 20000.0, 100.0)
        );
        assert_eq!(slider_range(&[-3.0, f64::NAN], true), (-10.0, 10.0, 0.05));
        assert_eq!(slider_range(&[], false), (0.0, 1.0, 0.005));
        // Invest-NL's 4x: 0 to 10; a chosen 6x: 0 to 20.
        assert_eq!(multiplier_range(4.0, 4.0), (0.0, 10.0, 0.01));
        assert_eq!(multiplier_range(4.0, 6.0), (0.0, 20.0, 0.01));
        assert_eq!(multiplier_range(1.0, 1.0), (0.0, 8.0, 0.01));
    }
}
