//! The projection: a straight-line trend and the compound growth carried
//! to the target year, the year the target is reached on the trend, and
//! the UNSD ratio. Part of [`super`].

use super::*;

/// A straight line, `value = slope * year + intercept`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    /// Change per year.
    pub slope: f64,
    /// Value at year 0.
    pub intercept: f64,
}

impl Trend {
    /// The value on the line in `year`; `None` when not finite.
    pub fn value_at(&self, year: i32) -> Option<f64> {
        finite(self.slope * f64::from(year) + self.intercept)
    }
}

/// A least-squares fit, kept around its centre for accuracy.
#[derive(Clone, Copy)]
struct Fit {
    trend: Trend,
    t_mean: f64,
    y_mean: f64,
}

impl Fit {
    fn value_at(&self, year: i32) -> Option<f64> {
        finite(self.y_mean + self.trend.slope * (f64::from(year) - self.t_mean))
    }
}

/// Least squares over distinct years, computed around the mean year.
fn fit(items: impl Iterator<Item = Point> + Clone) -> Result<Fit, Reason> {
    let mut n = 0.0;
    let mut t_sum = 0.0;
    let mut y_mean = 0.0;
    for p in items.clone() {
        n += 1.0;
        t_sum += f64::from(p.year);
        // A running mean does not overflow where a sum of large values would.
        y_mean += (p.value - y_mean) / n;
    }
    if n < 1.0 {
        return Err(Reason::NoData);
    }
    if n < 2.0 {
        return Err(Reason::TooFewYears);
    }
    let t_mean = t_sum / n;
    let (mut sxx, mut sxy) = (0.0, 0.0);
    for p in items {
        let dt = f64::from(p.year) - t_mean;
        sxx += dt * dt;
        sxy += dt * (p.value - y_mean);
    }
    // Years are finite, so `sxx` is never NaN.
    if sxx <= 0.0 {
        return Err(Reason::TooFewYears);
    }
    let slope = sxy / sxx;
    let intercept = y_mean - slope * t_mean;
    if !(slope.is_finite() && intercept.is_finite() && y_mean.is_finite()) {
        return Err(Reason::NonFinite);
    }
    Ok(Fit {
        trend: Trend { slope, intercept },
        t_mean,
        y_mean,
    })
}

/// Least-squares trend of the observations (NaN dropped). Errors: no data,
/// fewer than two years, duplicate years, infinities or an overflowing fit.
pub fn linear_trend(points: &[Point]) -> Result<Trend, Reason> {
    check_points(points)?;
    fit(points.iter().filter(present).copied()).map(|f| f.trend)
}

/// Compound annual growth rate from one point to another:
/// `(to / from)^(1 / (to.year - from.year)) - 1`.
///
/// Errors: a non-finite value or result, the same year ([`Reason::ZeroSpan`]),
/// a zero starting value ([`Reason::ZeroBase`]), values of opposite sign.
/// Two negative values give the growth of their magnitude.
pub fn cagr(from: Point, to: Point) -> Result<f64, Reason> {
    if !from.value.is_finite() || !to.value.is_finite() {
        return Err(Reason::NonFinite);
    }
    if from.year == to.year {
        return Err(Reason::ZeroSpan);
    }
    if from.value == 0.0 {
        return Err(Reason::ZeroBase);
    }
    if opposite_signs(from.value, to.value) {
        return Err(Reason::OppositeSigns);
    }
    let years = span_f64(from.year, to.year);
    finite(growth(to.value, from.value, years)).ok_or(Reason::NonFinite)
}

/// When the target is reached on the trend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearReached {
    /// Already reached: the first year of the latest unbroken run of
    /// observations at or beyond the target.
    Already(i32),
    /// The first whole year the trend is at or beyond the target (never
    /// before the year after the latest observation, which has not reached it).
    Year(i32),
    /// The trend gets there, but after [`PROJECTION_HORIZON`].
    #[serde(rename = "not_before_2100")]
    NotBefore2100,
    /// The trend is flat or points away from the target.
    Never,
    /// No trend to say.
    NotAvailable,
}

/// UN Statistics Division style status of the projection ratio.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnsdStatus {
    /// Ratio at least 0.95.
    OnTrack,
    /// Ratio at least 0.10.
    FairProgress,
    /// Ratio below 0.10.
    StagnationOrRegression,
}

impl UnsdStatus {
    /// The status of a ratio `(projected yT - y0) / (yT - y0)`; `None` for NaN.
    pub fn from_ratio(ratio: f64) -> Option<Self> {
        if ratio >= 0.95 {
            Some(Self::OnTrack)
        } else if ratio >= 0.10 {
            Some(Self::FairProgress)
        } else if ratio < 0.10 {
            Some(Self::StagnationOrRegression)
        } else {
            None
        }
    }
}

/// Where the series is heading (methodology 1c).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    /// The least-squares trend value in the target year.
    pub trend_value_at_target: Option<f64>,
    /// The value in the target year on the growth path from the first to the
    /// latest point (`None` from a zero or opposite-signed start).
    pub cagr_value_at_target: Option<f64>,
    /// When the target is reached on the trend.
    pub year_reached: YearReached,
    /// `(yT - yi) / (tT - ti)` per year from the latest point (for cumulative
    /// flows `yi` is the running total); `None` once the target year is not
    /// after it.
    pub required_pace: Option<f64>,
    /// Mean yearly change over the last up-to-3 steps between observed years:
    /// the change from the earliest to the latest of those points divided by
    /// the years between them.
    pub recent_pace: Option<f64>,
    /// `(projected yT - y0) / (yT - y0)`, with the trend value projected.
    pub unsd_ratio: Option<f64>,
    /// Status of [`Self::unsd_ratio`].
    pub unsd_status: Option<UnsdStatus>,
    /// The trend itself, for drawing.
    pub trend: Option<Trend>,
    /// The latest point of the series projected (running total for flows).
    pub current: Option<Point>,
    /// Why there is no trend (and nothing that depends on it); `None` when
    /// there is one.
    pub reason: Option<Reason>,
}

impl Projection {
    pub(super) const fn not_available(reason: Reason) -> Self {
        Self {
            trend_value_at_target: None,
            cagr_value_at_target: None,
            year_reached: YearReached::NotAvailable,
            required_pace: None,
            recent_pace: None,
            unsd_ratio: None,
            unsd_status: None,
            trend: None,
            current: None,
            reason: Some(reason),
        }
    }
}

/// Project a series to its target year (methodology 1c).
///
/// The series is the baseline (when given) and the observations after its
/// year, or every observation without a baseline; for cumulative flows, the
/// running totals (baseline value plus the flows after the baseline year, or
/// from the first observation without a baseline). `y0` is the baseline value
/// or the first point's.
pub fn project(
    points: &[Point],
    baseline: Option<Point>,
    target: Point,
    direction: Direction,
    kind: SeriesKind,
) -> Projection {
    if !target.value.is_finite() || baseline.is_some_and(|b| !b.value.is_finite()) {
        return Projection::not_available(Reason::NonFinite);
    }
    match check_points(points) {
        Ok(()) => {}
        Err(Reason::NoData) if baseline.is_some() => {}
        Err(reason) => return Projection::not_available(reason),
    }
    let series = Series {
        points,
        base: baseline,
        kind,
    };
    if series.items().any(|p| !p.value.is_finite()) {
        return Projection::not_available(Reason::NonFinite);
    }
    let (Some(current), Some(first)) = (series.latest(), series.earliest()) else {
        return Projection::not_available(Reason::NoData);
    };
    let fitted = fit(series.items());
    let trend_value_at_target = fitted.ok().and_then(|f| f.value_at(target.year));
    let cagr_value_at_target = cagr(first, current).ok().and_then(|g| {
        let ahead = span(current.year, target.year) as f64;
        finite(current.value * libm::pow(1.0 + g, ahead))
    });
    let ahead = span(current.year, target.year);
    let required_pace = if ahead > 0 {
        finite((target.value - current.value) / ahead as f64)
    } else {
        None
    };
    let mut earliest = current;
    for _ in 0..3 {
        match series.before(earliest.year) {
            Some(p) => earliest = p,
            None => break,
        }
    }
    let recent_pace = if earliest.year < current.year {
        finite((current.value - earliest.value) / span(earliest.year, current.year) as f64)
    } else {
        None
    };
    let span_value = target.value - first.value;
    let unsd_ratio = match trend_value_at_target {
        Some(p) if span_value != 0.0 => finite((p - first.value) / span_value),
        _ => None,
    };
    Projection {
        trend_value_at_target,
        cagr_value_at_target,
        year_reached: year_reached(series, current, target, direction, fitted.ok()),
        required_pace,
        recent_pace,
        unsd_ratio,
        unsd_status: unsd_ratio.and_then(UnsdStatus::from_ratio),
        trend: fitted.ok().map(|f| f.trend),
        current: Some(current),
        reason: fitted.err(),
    }
}

fn year_reached(
    series: Series<'_>,
    current: Point,
    target: Point,
    direction: Direction,
    fitted: Option<Fit>,
) -> YearReached {
    let at = |p: &Point| direction.reached(p.value, target.value);
    if at(&current) {
        let last_miss = series.items().filter(|p| !at(p)).map(|p| p.year).max();
        let since = series
            .items()
            .filter(|p| at(p) && last_miss.is_none_or(|m| p.year > m))
            .map(|p| p.year)
            .min()
            .unwrap_or(current.year);
        return YearReached::Already(since);
    }
    let Some(f) = fitted else {
        return YearReached::NotAvailable;
    };
    // The fit's slope is finite.
    if direction.sign() * f.trend.slope <= 0.0 {
        return YearReached::Never;
    }
    let when = f.t_mean + (target.value - f.y_mean) / f.trend.slope;
    if when.is_nan() {
        return YearReached::NotAvailable;
    }
    if when > f64::from(PROJECTION_HORIZON) {
        return YearReached::NotBefore2100;
    }
    // Saturating cast: a year far in the past becomes i64::MIN, then the max.
    let year = (libm::ceil(when) as i64).max(i64::from(current.year) + 1);
    if year > i64::from(PROJECTION_HORIZON) {
        return YearReached::NotBefore2100;
    }
    i32::try_from(year).map_or(YearReached::NotAvailable, YearReached::Year)
}
