//! Distance travelled: the share of the way from baseline to target
//! covered, against the share of the time gone. Part of [`super`].

use super::*;

/// What the observations of a series are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesKind {
    /// Each value is the level in that year (a stock, a share, a rate).
    Level,
    /// Each value is that year's flow (people trained, euros invested); the
    /// series compared with the target is the running total: the base value
    /// plus the flows in the years after the base year.
    CumulativeFlow,
}

/// Settings of the distance-travelled view (methodology 1b).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DistanceConfig {
    /// Where the series starts: `(t0, y0)`.
    pub baseline: Point,
    /// Where it should be: `(tT, yT)`.
    pub target: Point,
    /// Which way is better.
    pub direction: Direction,
    /// Levels or yearly flows.
    pub kind: SeriesKind,
}

/// Distance travelled against time elapsed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Distance {
    /// `D = (yi - y0) / (yT - y0)`: 0 at the baseline, 1 at the target.
    pub distance_share: Option<f64>,
    /// `E = (ti - t0) / (tT - t0)`.
    pub time_share: Option<f64>,
    /// `D / E`: 1 or more is on or ahead of schedule.
    pub pace_ratio: Option<f64>,
    /// Status from the pace ratio (thresholds 0.95, 0.60, 0), or
    /// `TargetAchieved` when the current value is at or beyond the target.
    pub status: Status,
    /// The current point compared (for cumulative flows: the running total).
    pub current: Option<Point>,
    /// Why the status is `NotAvailable`; `None` otherwise.
    pub reason: Option<Reason>,
}

impl Distance {
    pub(super) const fn not_available(reason: Reason) -> Self {
        Self {
            distance_share: None,
            time_share: None,
            pace_ratio: None,
            status: Status::NotAvailable,
            current: None,
            reason: Some(reason),
        }
    }
}

/// A series as the distance and projection views see it: an optional
/// baseline, then the observations after it, as levels or running totals.
#[derive(Clone, Copy)]
pub(super) struct Series<'a> {
    pub(super) points: &'a [Point],
    pub(super) base: Option<Point>,
    pub(super) kind: SeriesKind,
}

impl<'a> Series<'a> {
    /// A present observation after the baseline year (any, without baseline).
    fn counts(self, p: &Point) -> bool {
        !p.value.is_nan() && self.base.is_none_or(|b| p.year > b.year)
    }

    /// The value of the series in an observed year.
    fn value_at(self, p: &Point) -> f64 {
        match self.kind {
            SeriesKind::Level => p.value,
            SeriesKind::CumulativeFlow => {
                self.base.map_or(0.0, |b| b.value)
                    + self
                        .points
                        .iter()
                        .filter(|q| self.counts(q) && q.year <= p.year)
                        .map(|q| q.value)
                        .sum::<f64>()
            }
        }
    }

    /// The baseline (if any), then every counted observation, unsorted.
    pub(super) fn items(self) -> impl Iterator<Item = Point> + Clone + 'a {
        self.base.into_iter().chain(
            self.points
                .iter()
                .filter(move |p| self.counts(p))
                .map(move |p| Point::new(p.year, self.value_at(p))),
        )
    }

    pub(super) fn latest(self) -> Option<Point> {
        self.items().max_by_key(|p| p.year)
    }

    pub(super) fn earliest(self) -> Option<Point> {
        self.items().min_by_key(|p| p.year)
    }

    /// The latest item strictly before `year`.
    pub(super) fn before(self, year: i32) -> Option<Point> {
        self.items()
            .filter(|p| p.year < year)
            .max_by_key(|p| p.year)
    }
}

/// Distance travelled against time elapsed (methodology 1b).
///
/// The current point is the latest observation after the baseline year; for
/// cumulative flows its value is the baseline value plus every flow after the
/// baseline year up to it (flows in or before the baseline year are not
/// counted: the baseline value stands for them). The target achieved (current
/// value at or beyond it) comes first; otherwise the pace ratio `D / E` gets
/// the thresholds 0.95, 0.60 and 0.
pub fn distance_travelled(points: &[Point], cfg: &DistanceConfig) -> Distance {
    let (base, target) = (cfg.baseline, cfg.target);
    if !base.value.is_finite() || !target.value.is_finite() {
        return Distance::not_available(Reason::NonFinite);
    }
    let years = span(base.year, target.year);
    if years < 1 {
        return Distance::not_available(Reason::TargetYearNotAfterBase);
    }
    let distance = target.value - base.value;
    if distance == 0.0 {
        return Distance::not_available(Reason::ZeroSpan);
    }
    if !distance.is_finite() {
        return Distance::not_available(Reason::NonFinite);
    }
    if let Err(reason) = check_points(points) {
        return Distance::not_available(reason);
    }
    let series = Series {
        points,
        base: Some(base),
        kind: cfg.kind,
    };
    let current = match series.latest() {
        Some(p) if p.year > base.year => p,
        _ => return Distance::not_available(Reason::NoDataAfterBase),
    };
    if !current.value.is_finite() {
        return Distance::not_available(Reason::NonFinite);
    }
    let time_share = finite(span(base.year, current.year) as f64 / years as f64);
    let distance_share = finite((current.value - base.value) / distance);
    let pace_ratio = match (distance_share, time_share) {
        (Some(d), Some(e)) if e > 0.0 => finite(d / e),
        _ => None,
    };
    let mut out = Distance {
        distance_share,
        time_share,
        pace_ratio,
        status: Status::TargetAchieved,
        current: Some(current),
        reason: None,
    };
    if cfg.direction.reached(current.value, target.value) {
        return out;
    }
    if cfg.direction.sign() * distance < 0.0 {
        out.distance_share = None;
        out.pace_ratio = None;
        out.status = Status::NotAvailable;
        out.reason = Some(Reason::WrongDirection);
        return out;
    }
    match pace_ratio {
        Some(p) => out.status = Thresholds::WITH_TARGET.status(p),
        None => {
            out.status = Status::NotAvailable;
            out.reason = Some(Reason::NonFinite);
        }
    }
    out
}
