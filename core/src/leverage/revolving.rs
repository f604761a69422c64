//! The revolving-capital model: a public budget deployed, coming back after
//! a holding period and deployed again, to a horizon. Part of [`super`].

use super::*;

/// Most years the revolving-capital model simulates in one run.
///
/// 64 years covers 2026..=2089: any horizon the model sensibly handles (the
/// vision runs to 2035; a long-run check of the ceiling needs a few decades
/// more). The simulation keeps two `[f64; 64]` buffers on the stack and the
/// result holds one [`RevolvingYear`] per year, so the number stays modest.
/// It may move to `config` later, with the other capacities.
pub const MAX_REVOLVING_YEARS: usize = 64;

/// Parameters of the revolving-capital model, every one explicit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RevolvingParams {
    /// First year of the budget (`budget[0]`).
    pub start_year: i32,
    /// Last year counted, inclusive (2035 for the vision). Reflows after it
    /// do not count.
    pub horizon_year: i32,
    /// Share of deployed capital lost, `0..=1`.
    pub loss_rate: f64,
    /// Yearly return on the capital that comes back; above -1.
    pub annual_return: f64,
    /// Holding period `H` in years between deployment and reflow.
    pub holding_years: u32,
    /// Lag in years between a reflow and its redeployment. `holding_years +
    /// reflow_lag_years` must be at least 1.
    pub reflow_lag_years: u32,
}

/// One year of the revolving-capital model.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct RevolvingYear {
    /// Calendar year.
    pub year: i32,
    /// New public budget `B_t`.
    pub budget: f64,
    /// Reflow `R_t` coming back this year.
    pub reflow: f64,
    /// Reflow redeployed this year, `R_(t - lag)`.
    pub redeployed: f64,
    /// Deployment `I_t = B_t + R_(t - lag)`.
    pub deployed: f64,
}

/// Outcome of [`revolve`].
///
/// When the run is refused (`reason` is an input error), `years` is empty and
/// every amount is zero: `years` is empty exactly when the run failed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RevolvingResult {
    /// Sum of the new budget `sum B_t` up to the horizon.
    pub budget_total: f64,
    /// Cumulative deployment `D = sum I_t` up to the horizon.
    pub deployed_total: f64,
    /// Reflows that came back by the horizon (redeployed or not).
    pub reflows_total: f64,
    /// Revolving factor `D / sum B_t`.
    pub revolving_factor: Option<f64>,
    /// `q = (1 - loss)(1 + return)^H`: what one deployed euro returns.
    pub q: Option<f64>,
    /// Long-run ceiling `sum B_t / (1 - q)` when `q < 1`, else `None`: what
    /// the budget would deploy over endless cycles.
    pub long_run_ceiling: Option<f64>,
    /// Budget entries after the horizon, left out of every figure.
    pub budget_years_ignored: usize,
    /// One row per year from start to horizon.
    pub years: heapless::Vec<RevolvingYear, MAX_REVOLVING_YEARS>,
    /// Why the run was refused or a figure is missing.
    pub reason: Option<Reason>,
}

impl RevolvingResult {
    fn refused(reason: Reason) -> Self {
        RevolvingResult {
            reason: Some(reason),
            ..RevolvingResult::default()
        }
    }
}

/// Number of simulated years, or why the parameters are refused.
fn check_revolving(budget: &[f64], p: &RevolvingParams) -> Result<usize, Reason> {
    if budget.iter().any(|b| !b.is_finite())
        || !p.loss_rate.is_finite()
        || !p.annual_return.is_finite()
    {
        return Err(Reason::NonFinite);
    }
    if budget.iter().any(|&b| b < 0.0) {
        return Err(Reason::Negative);
    }
    if !(0.0..=1.0).contains(&p.loss_rate)
        || p.annual_return <= -1.0
        || (p.holding_years == 0 && p.reflow_lag_years == 0)
    {
        return Err(Reason::ParametersOutOfRange);
    }
    if p.horizon_year < p.start_year {
        return Err(Reason::HorizonBeforeStart);
    }
    let n = i64::from(p.horizon_year) - i64::from(p.start_year) + 1;
    match usize::try_from(n) {
        Ok(n) if n <= MAX_REVOLVING_YEARS => Ok(n),
        _ => Err(Reason::TooManyYears),
    }
}

/// The revolving-capital model (methodology "Revolving capital").
///
/// `budget`: new public budget per year, indexed from `start_year`
/// (`budget[0]` is `start_year`; missing years are zero, years after the
/// horizon are ignored and counted in `budget_years_ignored`).
/// `I_t = B_t + R_(t-lag)`; `R_t = (1-loss)(1+return)^H * I_(t-H)`.
/// Reflows after the horizon do not count.
///
/// ```
/// use koers_core::leverage::{revolve, RevolvingParams};
/// let p = RevolvingParams { start_year: 2026, horizon_year: 2030, loss_rate: 0.0,
///     annual_return: 0.0, holding_years: 2, reflow_lag_years: 0 };
/// let r = revolve(&[100.0, 0.0, 0.0, 0.0, 0.0], &p);
/// assert_eq!(r.deployed_total, 300.0);
/// assert_eq!(r.revolving_factor, Some(3.0));
/// ```
pub fn revolve(budget: &[f64], p: &RevolvingParams) -> RevolvingResult {
    let n = match check_revolving(budget, p) {
        Ok(n) => n,
        Err(r) => return RevolvingResult::refused(r),
    };
    let hold = usize::try_from(p.holding_years).unwrap_or(usize::MAX);
    let lag = usize::try_from(p.reflow_lag_years).unwrap_or(usize::MAX);

    // q = (1 - loss)(1 + return)^H. A total loss returns nothing whatever
    // the growth (and avoids 0 * inf); a huge H can overflow pow.
    let q = if p.loss_rate >= 1.0 {
        Some(0.0)
    } else {
        finite((1.0 - p.loss_rate) * libm::pow(1.0 + p.annual_return, f64::from(p.holding_years)))
    };
    let q_in_horizon = match q {
        Some(q) => q,
        // q is only needed when a reflow falls inside the horizon.
        None if hold >= n => 0.0,
        None => return RevolvingResult::refused(Reason::Overflow),
    };

    let mut deployed = [0.0_f64; MAX_REVOLVING_YEARS];
    let mut reflow = [0.0_f64; MAX_REVOLVING_YEARS];
    let mut out = RevolvingResult {
        q,
        budget_years_ignored: budget.len().saturating_sub(n),
        ..RevolvingResult::default()
    };
    for t in 0..n {
        let b = budget.get(t).copied().unwrap_or(0.0);
        // With H >= 1 the reflow depends on an earlier year; with H == 0
        // (then lag >= 1) on this year's deployment, computed first.
        if hold >= 1 && t >= hold {
            reflow[t] = q_in_horizon * deployed[t - hold];
        }
        let redeployed = if t >= lag { reflow[t - lag] } else { 0.0 };
        deployed[t] = b + redeployed;
        if hold == 0 {
            reflow[t] = q_in_horizon * deployed[t];
        }
        if !deployed[t].is_finite() || !reflow[t].is_finite() {
            return RevolvingResult::refused(Reason::Overflow);
        }
        // `t < n <= MAX_REVOLVING_YEARS` and `n` was checked: always fits.
        let year = p
            .start_year
            .saturating_add(i32::try_from(t).unwrap_or(i32::MAX));
        let row = RevolvingYear {
            year,
            budget: b,
            reflow: reflow[t],
            redeployed,
            deployed: deployed[t],
        };
        if out.years.push(row).is_err() {
            return RevolvingResult::refused(Reason::TooManyYears);
        }
        out.budget_total += b;
        out.deployed_total += deployed[t];
        out.reflows_total += reflow[t];
    }
    if !(out.budget_total.is_finite()
        && out.deployed_total.is_finite()
        && out.reflows_total.is_finite())
    {
        return RevolvingResult::refused(Reason::Overflow);
    }

    let mut reason: Option<Reason> = None;
    if out.budget_total > 0.0 {
        out.revolving_factor = finite(out.deployed_total / out.budget_total);
        if out.revolving_factor.is_none() {
            reason = Some(Reason::Overflow);
        }
    } else {
        reason = Some(Reason::ZeroPublic);
    }
    match q {
        None => reason = reason.or(Some(Reason::Overflow)),
        Some(q) if q >= 1.0 => reason = reason.or(Some(Reason::NoCeiling)),
        Some(q) => {
            out.long_run_ceiling = finite(out.budget_total / (1.0 - q));
            if out.long_run_ceiling.is_none() {
                reason = reason.or(Some(Reason::Overflow));
            }
        }
    }
    out.reason = reason;
    out
}

/// An even budget: `total` spread over `years` years, `total / years` each,
/// ready for [`revolve`]. Empty when `total` is NaN, infinite or negative, or
/// `years` is zero or above [`MAX_REVOLVING_YEARS`] (never a partial budget).
pub fn even_budget(total: f64, years: usize) -> heapless::Vec<f64, MAX_REVOLVING_YEARS> {
    let mut out = heapless::Vec::new();
    if !total.is_finite() || total < 0.0 || years == 0 || years > MAX_REVOLVING_YEARS {
        return out;
    }
    // years <= 64: exact in f64.
    let each = total / years as f64;
    for _ in 0..years {
        if out.push(each).is_err() {
            return heapless::Vec::new();
        }
    }
    out
}

/// Total investment mobilised by a revolving programme:
/// `deployed_total * multiplier`.
///
/// Assumption: every deployment, of new budget and of recycled reflows
/// alike, attracts co-investment at the same `multiplier` `T / P` (for the
/// vision 25/7). Reflows are public money coming back, so each redeployment
/// counts as public money again; the result includes the public part. This
/// is an upper reading: co-investors may not follow every cycle.
///
/// `None` when the run failed (`years` empty), or `multiplier` is NaN,
/// infinite or negative, or the product overflows.
pub fn revolving_mobilised_total(result: &RevolvingResult, multiplier: f64) -> Option<f64> {
    if result.years.is_empty() || !multiplier.is_finite() || multiplier < 0.0 {
        return None;
    }
    finite(result.deployed_total * multiplier)
}
