//! Open SDG's progress measure (sdg-build's `progress_calculation`), its
//! scores and statuses, and its aggregate rule. Part of [`super`].

use super::*;

/// Open SDG's row checks, in its order: missing values are dropped, two rows
/// for one year are an error, no rows is no data; then koers refuses
/// infinities.
pub(super) fn check_points(points: &[Point]) -> Result<(), Reason> {
    let mut any = false;
    for (i, p) in points.iter().enumerate() {
        if p.value.is_nan() {
            continue;
        }
        any = true;
        if points
            .iter()
            .skip(i + 1)
            .any(|q| !q.value.is_nan() && q.year == p.year)
        {
            return Err(Reason::DuplicateYear);
        }
    }
    if !any {
        return Err(Reason::NoData);
    }
    if points.iter().filter(present).any(|p| p.value.is_infinite()) {
        return Err(Reason::NonFinite);
    }
    Ok(())
}

/// `|CAGR_T|` exactly as Open SDG computes it, including a target of the
/// other sign than the base value.
///
/// There Python takes a negative number to a fractional power. When the
/// configured base year is observed, every operand is a Python float and the
/// result is the complex principal value, whose modulus Open SDG then uses
/// (only with the `complex-power` feature: without it, and its trigonometry,
/// the answer is [`Reason::NeedsComplexPower`], never another number); when
/// the base year was moved to a later observed year it is a NumPy integer,
/// the power is NaN and Open SDG reports not available.
///
/// `years` is the whole number of years from the base to the target year,
/// at least one (the caller's span of two years, the target's after the
/// base's).
fn target_growth_magnitude(
    target: f64,
    base: f64,
    years: f64,
    base_year_observed: bool,
) -> Result<f64, Reason> {
    let ratio = target / base;
    let exponent = 1.0 / years;
    // `ratio` is never NaN (finite, nonzero operands), so "not below zero"
    // is Python's `ratio >= 0`; written so, the firmware needs no
    // `__aeabi_dcmpge` (114 bytes) beside the `__aeabi_dcmplt` it has.
    // And Python's power is real for a negative number when the exponent is a
    // whole number; `1 / years` is one only for one year (and `years` is a
    // whole number of at least one), so no `floor` (and its 64-bit shifts)
    // is needed to see it.
    #[allow(clippy::neg_cmp_op_on_partial_ord)] // `ratio` is not NaN, see above
    let magnitude = if !(ratio < 0.0) || years == 1.0 {
        libm::fabs(libm::pow(ratio, exponent) - 1.0)
    } else if base_year_observed {
        return complex_power_magnitude(ratio, exponent);
    } else {
        f64::NAN
    };
    if magnitude.is_nan() {
        Err(Reason::OppositeSigns)
    } else {
        Ok(magnitude)
    }
}

/// `|ratio^exponent - 1|` for a negative `ratio` and a fractional
/// `exponent`: CPython's `_Py_c_pow` for a real exponent, then `abs(z - 1)`.
#[cfg(feature = "complex-power")]
fn complex_power_magnitude(ratio: f64, exponent: f64) -> Result<f64, Reason> {
    let len = libm::pow(libm::fabs(ratio), exponent);
    let phase = libm::atan2(0.0, ratio) * exponent;
    let magnitude = libm::hypot(len * libm::cos(phase) - 1.0, len * libm::sin(phase));
    if magnitude.is_nan() {
        Err(Reason::OppositeSigns)
    } else {
        Ok(magnitude)
    }
}

/// Without the `complex-power` feature: not available, with the reason.
#[cfg(not(feature = "complex-power"))]
fn complex_power_magnitude(_ratio: f64, _exponent: f64) -> Result<f64, Reason> {
    Err(Reason::NeedsComplexPower)
}

/// Open SDG's limit coefficient `C` from the base value and the natural
/// limit (both taken as magnitudes). `None` when either is not finite.
///
/// `|y0| >= 2|L|` gives 1 (checked first, so a zero base and zero limit give
/// 1); `|y0| <= |L|` gives `1 - (|y0|/|L|)^4.44`; in between
/// `1 - ((2|L| - |y0|)/|L|)^4.44`.
pub fn limit_coefficient(base: f64, limit: f64) -> Option<f64> {
    if !base.is_finite() || !limit.is_finite() {
        return None;
    }
    let b = libm::fabs(base);
    let l = libm::fabs(limit);
    let c = if b >= 2.0 * l {
        1.0
    } else if b <= l {
        1.0 - libm::pow(b / l, LIMIT_EXPONENT)
    } else {
        1.0 - libm::pow((2.0 * l - b) / l, LIMIT_EXPONENT)
    };
    finite(c)
}

/// Open SDG method 2 score of a ratio `R`: `R >= 0.60` gives
/// `min(7.1429 R - 4.2857, 5)`, otherwise `max(4.1667 R - 2.5, -5)`.
/// `None` for NaN; infinities give the bounds.
pub fn score_with_target(r: f64) -> Option<f64> {
    score_with_target_in(r, Thresholds::WITH_TARGET)
}

/// [`score_with_target`] with configured thresholds: Open SDG's
/// `get_score` takes the first formula when `R >= high` or `R >= med`, the
/// second otherwise. Clamped into `[-5, 5]` (Open SDG's formulas stay there
/// with its default thresholds; with others they can leave it, and koers
/// clamps).
pub fn score_with_target_in(r: f64, t: Thresholds) -> Option<f64> {
    if r.is_nan() {
        return None;
    }
    // Open SDG's `min(…, 5)` and `max(…, -5)` are the clamp's bounds: the
    // formulas give no NaN for a ratio that is not NaN, so the clamp alone
    // gives the same score (and no `fmin`/`fmax` in a firmware).
    let s = if r >= t.high || r >= t.med {
        7.1429 * r - 4.2857
    } else {
        4.1667 * r - 2.5
    };
    Some(clamp_score(s))
}

/// Open SDG method 1 score of a growth rate `v` with limit coefficient `c`
/// (1 without a limit; clamped into `[0, 1]`). `None` for NaN.
///
/// `v < 0` gives `max(125 v - 2.5, -5)` (not scaled by `c`); else `c = 0`
/// gives 5; `v >= 1.5 % c` gives `min(500 v / c - 5, 5)`; `v >= 0.5 % c`
/// gives `250 v / c - 1.25`; otherwise `500 v / c - 2.5`.
pub fn score_without_target(v: f64, c: f64) -> Option<f64> {
    let c = if c.is_nan() { c } else { c.clamp(0.0, 1.0) };
    score_without_target_in(v, c, Thresholds::WITHOUT_TARGET.scaled(c))
}

/// [`score_without_target`] with thresholds `t` already scaled by `c`, as
/// Open SDG's `get_score` runs with configured thresholds; clamped into
/// `[-5, 5]` like [`score_with_target_in`].
pub fn score_without_target_in(v: f64, c: f64, t: Thresholds) -> Option<f64> {
    if v.is_nan() || c.is_nan() {
        return None;
    }
    let c = c.clamp(0.0, 1.0);
    // As in `score_with_target_in`, the clamp below is Open SDG's `min`
    // and `max`: with `v` not NaN and `0 < c <= 1` no formula gives NaN.
    let s = if v < t.low {
        125.0 * v - 2.5
    } else if c == 0.0 {
        MAX_SCORE
    } else if v >= t.high {
        500.0 * v / c - 5.0
    } else if v >= t.med {
        250.0 * v / c - 1.25
    } else {
        500.0 * v / c - 2.5
    };
    Some(clamp_score(s))
}

/// Status from a (mean) score, Open SDG's `get_progress_status_from_score`:
/// target achieved first; then `>= 2.5` substantial, `>= 0` moderate,
/// `>= -2.5` limited, else deterioration. NaN is not available.
pub fn status_from_score(score: f64, target_achieved: bool) -> Status {
    if target_achieved {
        Status::TargetAchieved
    } else if score >= 2.5 {
        Status::SubstantialProgress
    } else if score >= 0.0 {
        Status::ModerateProgress
    } else if score >= -2.5 {
        Status::LimitedProgress
    } else if score < -2.5 {
        Status::Deterioration
    } else {
        Status::NotAvailable
    }
}

/// The Open SDG 2.4 progress measure of one series (methodology 1a).
///
/// Steps, in Open SDG's order: drop missing values; duplicate years are an
/// error; the current value is the latest year's; the base is the configured
/// base year, or the first observed year after it (none: not available); the
/// sign and the limit coefficient come from the base value as observed;
/// "target achieved" is decided from the current value alone (a zero target
/// counts as 0.001), so it holds even with one observation and then scores 5;
/// then a zero base becomes 0.001, opposite signs of base and current value
/// and fewer than two years are not available, and the progress value and
/// score follow from method 2 (target) or method 1 (no target).
pub fn open_sdg(points: &[Point], cfg: &OpenSdgConfig) -> Assessment {
    // One exit for every "not available": the steps fill in what they
    // found (the years) and stop with the reason, so the answer is written
    // in one place (smaller firmware: each early return wrote all of it).
    let mut out = Assessment::not_available(Reason::NoData);
    if let Err(reason) = assess_into(points, cfg, &mut out) {
        out.status = Status::NotAvailable;
        out.score = None;
        out.progress_value = None;
        out.reason = Some(reason);
    }
    out
}

/// [`open_sdg`]'s steps, writing into `out` as they go.
fn assess_into(points: &[Point], cfg: &OpenSdgConfig, out: &mut Assessment) -> Result<(), Reason> {
    if cfg.target.is_some_and(|t| !t.is_finite()) {
        return Err(Reason::NonFinite);
    }
    let target = cfg
        .target
        .map(|t| if t == 0.0 { ZERO_REPLACEMENT } else { t });
    check_points(points)?;
    // One pass for the three points Open SDG picks (years are unique, as
    // checked above): the latest, the one in the base year, and the first
    // after the base year.
    let (mut current, mut at_base, mut after_base) = (None::<&Point>, None, None::<&Point>);
    for p in points.iter().filter(present) {
        if current.is_none_or(|c| p.year > c.year) {
            current = Some(p);
        }
        if p.year == cfg.base_year {
            at_base = Some(p);
        }
        if p.year > cfg.base_year && after_base.is_none_or(|a| p.year < a.year) {
            after_base = Some(p);
        }
    }
    let current = current.ok_or(Reason::NoData)?;
    out.current_year = Some(current.year);
    let base_year_observed = at_base.is_some();
    let base = at_base.or(after_base).ok_or(Reason::NoBaseYear)?;
    out.base_year = Some(base.year);
    let sign = if base.value < 0.0 { -1.0 } else { 1.0 };
    let defaults = match target {
        None => Thresholds::WITHOUT_TARGET,
        Some(_) => Thresholds::WITH_TARGET,
    };
    let configured = defaults.with(cfg.thresholds);
    if !configured.finite() {
        return Err(Reason::NonFinite);
    }
    let (thresholds, coefficient) = match (target, cfg.limit) {
        (None, Some(limit)) => {
            let c = limit_coefficient(base.value, limit).ok_or(Reason::NonFinite)?;
            (configured.scaled(c), c)
        }
        (None, None) | (Some(_), _) => (configured, 1.0),
    };
    out.target_achieved = target.is_some_and(|t| cfg.direction.reached(current.value, t));
    let value = progress_value(*base, *current, target, cfg, sign, base_year_observed);
    if out.target_achieved {
        out.status = Status::TargetAchieved;
        out.score = Some(MAX_SCORE);
        out.progress_value = value.ok().and_then(finite);
        out.reason = None;
        return Ok(());
    }
    let v = value?;
    // The score is none only for a NaN (and then the status would be "not
    // available" too: for any other value the thresholds' four ranges,
    // finite as checked, cover it).
    let score = match target {
        Some(_) => score_with_target_in(v, thresholds),
        None => score_without_target_in(v, coefficient, thresholds),
    }
    .ok_or(Reason::NonFinite)?;
    out.status = thresholds.status(v);
    out.score = Some(score);
    out.progress_value = finite(v);
    out.reason = None;
    Ok(())
}

/// Open SDG's `calculate_progress_value` after the data checks: `Ok` may be
/// infinite (a target equal to the base value), never NaN.
fn progress_value(
    base: Point,
    current: Point,
    target: Option<f64>,
    cfg: &OpenSdgConfig,
    sign: f64,
    base_year_observed: bool,
) -> Result<f64, Reason> {
    let y0 = if base.value == 0.0 {
        ZERO_REPLACEMENT
    } else {
        base.value
    };
    if opposite_signs(y0, current.value) {
        return Err(Reason::OppositeSigns);
    }
    if current.year <= base.year {
        return Err(Reason::TooFewYears);
    }
    let observed = growth(current.value, y0, span_f64(base.year, current.year));
    let d = cfg.direction.sign();
    let v = match target {
        None => sign * d * observed,
        Some(t) => {
            // Open SDG divides by zero here (or takes a negative power); koers
            // refuses a target year that is not after the base year.
            if cfg.target_year <= base.year {
                return Err(Reason::TargetYearNotAfterBase);
            }
            let target_years = span_f64(base.year, cfg.target_year);
            let required = target_growth_magnitude(t, y0, target_years, base_year_observed)?;
            sign * d * observed / required
        }
    };
    if v.is_nan() {
        Err(Reason::NonFinite)
    } else {
        Ok(v)
    }
}

/// The mean of several series' scores, with Open SDG's aggregate rule:
/// status from the mean (`>= 2.5` substantial, `>= 0` moderate, `>= -2.5`
/// limited, else deterioration), `target_achieved` only when every counted
/// series achieved its target.
///
/// Series without a finite score are skipped and counted as missing, never
/// as zero. Scores are clamped into `[-5, 5]`, and the mean into the range of
/// the counted scores (so rounding cannot carry it outside).
pub fn aggregate(assessments: &[Assessment]) -> Aggregate {
    let mut counted = 0usize;
    let mut missing = 0usize;
    let mut sum = 0.0;
    let mut lo = MAX_SCORE;
    let mut hi = -MAX_SCORE;
    let mut all_achieved = true;
    for a in assessments {
        match a.score.and_then(finite) {
            Some(s) => {
                let s = clamp_score(s);
                counted += 1;
                sum += s;
                lo = lo.min(s);
                hi = hi.max(s);
                all_achieved &= a.target_achieved;
            }
            None => missing += 1,
        }
    }
    if counted == 0 {
        return Aggregate {
            status: Status::NotAvailable,
            mean_score: None,
            counted,
            missing,
        };
    }
    let mean = (sum / counted as f64).clamp(lo, hi);
    Aggregate {
        status: status_from_score(mean, all_achieved),
        mean_score: Some(mean),
        counted,
        missing,
    }
}
