//! "What if?": alternatives to the observed course, computed the same way as
//! the real one.
//!
//! Two kinds of scenario, both with every assumption explicit:
//!
//! - **Flows and levels** ([`Course`]): from the latest observation on, a
//!   series goes on with a fixed yearly inflow (or change) or a fixed growth
//!   rate. The outcome is its value in chosen years (2030, 2035), the year the
//!   target is reached and the gap to the target in its year.
//! - **Money** ([`MoneyScenario`]): the public amount and the multiplier each
//!   window achieves, and the revolving-capital parameters. The outcome is the
//!   public money counted once, the total mobilised (per window, per year and
//!   in all) against the vision's target (EUR 25 bn), and the year it is
//!   reached. A window nested in another is part of its money: the parent's
//!   multiplier applies to the rest ([`rest_multiplier`] derives it from the
//!   vision's own totals).
//!
//! The explorer's sums on a dataset (its years, the money windows, every
//! target's course beside the vision's) are in `explorer`, re-exported
//! here ([`money_eval`], [`courses`], [`years`]).
//!
//! Nothing here invents a baseline: a course starts from the latest
//! observation, or from the baseline the caller passes.

use heapless::Vec;
use serde::{Deserialize, Serialize};

use crate::config::MAX_WINDOWS;
use crate::leverage::{self, RevolvingParams, RevolvingResult, MAX_REVOLVING_YEARS};
use crate::progress::{Direction, Point, SeriesKind, PROJECTION_HORIZON};

mod explorer;
pub use explorer::{
    course_row, courses, money_eval, money_target, money_windows, revolving_params,
    vision_deploy_until, years, CourseRow, Eval, MoneyEval, MoneyWindow, WindowOverride,
    WindowSetting,
};

/// How a series goes on from its latest point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Course {
    /// A fixed amount a year: the yearly flow of a cumulative flow, or the
    /// yearly change of a level.
    Inflow(f64),
    /// A fixed growth rate a year (0.05 = 5 %), applied to the latest yearly
    /// flow (cumulative flows) or to the latest level.
    Growth(f64),
}

/// The outcome of a course for one target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Outcome {
    /// The value (running total for flows) in each of the asked years, or
    /// `None` before the series starts or when it cannot be computed.
    pub values: [Option<f64>; 2],
    /// The first year the course reaches the target, if it does by
    /// [`PROJECTION_HORIZON`]; the latest observed year when already there.
    pub year_reached: Option<i32>,
    /// Target minus the value in the target year, signed so that a positive
    /// gap means "still short" in the better direction.
    pub gap: Option<f64>,
    /// The starting point of the course (running total for flows).
    pub start: Option<Point>,
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// `v` is at or past `target` in `direction`, within rounding: sums of
/// yearly shares (a tenth ten times) must still reach a target they meet.
fn at_or_past(v: f64, target: f64, direction: Direction) -> bool {
    let tol = leverage::REL_TOLERANCE * libm::fmax(libm::fabs(target), 1.0);
    match direction {
        Direction::Increase => v >= target - tol,
        Direction::Decrease => v <= target + tol,
    }
}

/// The latest point and, for flows, the running total and latest yearly flow.
struct Start {
    year: i32,
    /// Level, or running total for flows.
    value: f64,
    /// The latest yearly flow (flows), or the latest level (levels).
    last: f64,
}

fn start(points: &[Point], baseline: Option<Point>, kind: SeriesKind) -> Option<Start> {
    let base_year = baseline.map_or(i32::MIN, |b| b.year);
    let mut latest: Option<Point> = None;
    let mut total = baseline.map_or(0.0, |b| b.value);
    for p in points.iter().filter(|p| p.value.is_finite()) {
        if kind == SeriesKind::CumulativeFlow && p.year > base_year {
            total += p.value;
        }
        if latest.is_none_or(|l| p.year > l.year) {
            latest = Some(*p);
        }
    }
    match (latest, baseline) {
        (Some(l), _) if l.year >= base_year => Some(Start {
            year: l.year,
            value: if kind == SeriesKind::CumulativeFlow {
                total
            } else {
                l.value
            },
            last: l.value,
        }),
        (_, Some(b)) => Some(Start {
            year: b.year,
            value: b.value,
            last: if kind == SeriesKind::CumulativeFlow {
                0.0
            } else {
                b.value
            },
        }),
        _ => None,
    }
}

/// The value `n` years after the start on a course.
fn value_after(s: &Start, kind: SeriesKind, course: Course, n: i32) -> Option<f64> {
    let n = f64::from(n);
    let v = match (kind, course) {
        (_, Course::Inflow(x)) => s.value + x * n,
        (SeriesKind::Level, Course::Growth(g)) => s.last * libm::pow(1.0 + g, n),
        // Sum of the flows last·(1+g)^k for k = 1..=n.
        (SeriesKind::CumulativeFlow, Course::Growth(g)) => {
            if g == 0.0 {
                s.value + s.last * n
            } else {
                s.value + s.last * (1.0 + g) * (libm::pow(1.0 + g, n) - 1.0) / g
            }
        }
    };
    finite(v)
}

/// Follow a course from the latest observation (or the baseline) and report
/// the values in `years`, when the target is reached and the gap in the
/// target year.
pub fn outcome(
    points: &[Point],
    baseline: Option<Point>,
    kind: SeriesKind,
    course: Course,
    target: Option<Point>,
    direction: Direction,
    years: [i32; 2],
) -> Outcome {
    let bad = match course {
        Course::Inflow(x) => !x.is_finite(),
        Course::Growth(g) => !g.is_finite() || g <= -1.0,
    };
    let Some(s) = start(points, baseline, kind) else {
        return Outcome::default();
    };
    let mut out = Outcome {
        start: Some(Point {
            year: s.year,
            value: s.value,
        }),
        ..Outcome::default()
    };
    if bad || !s.value.is_finite() || !s.last.is_finite() {
        return out;
    }
    let at = |year: i32| -> Option<f64> {
        if year < s.year {
            return None;
        }
        value_after(&s, kind, course, year.saturating_sub(s.year))
    };
    out.values = [at(years[0]), at(years[1])];
    let Some(target) = target.filter(|t| t.value.is_finite()) else {
        return out;
    };
    let reached = |v: f64| at_or_past(v, target.value, direction);
    out.year_reached = (s.year..=PROJECTION_HORIZON).find(|y| at(*y).is_some_and(reached));
    out.gap = at(target.year).map(|v| match direction {
        Direction::Increase => target.value - v,
        Direction::Decrease => v - target.value,
    });
    out
}

/// The yearly inflow (cumulative flows) or yearly change (levels) that
/// reaches `target` exactly in its year from where the series stands: the
/// vision's own path, to set beside a scenario. `None` without a start, when
/// the target year is not after the start or a value is not finite.
pub fn required_inflow(
    points: &[Point],
    baseline: Option<Point>,
    kind: SeriesKind,
    target: Point,
) -> Option<f64> {
    let s = start(points, baseline, kind)?;
    if target.year <= s.year || !target.value.is_finite() {
        return None;
    }
    finite((target.value - s.value) / f64::from(target.year - s.year))
}

/// The multiplier the part of an envelope outside its child windows must
/// achieve for the envelope to reach its total: `(T - sum T_c) / (P - sum
/// P_c)` over children given as `(public, total)`. For the vision's EUR 7 bn
/// that should bring 25 bn, with Invest-NL's 4 bn bringing 16 bn: (25 - 16)
/// / (7 - 4) = 3. `None` when nothing is left outside the children or a
/// figure is not finite.
///
/// ```
/// use koers_core::scenario::rest_multiplier;
/// assert_eq!(rest_multiplier(7e9, 25e9, &[(4e9, 16e9)]), Some(3.0));
/// ```
pub fn rest_multiplier(public: f64, total: f64, children: &[(f64, f64)]) -> Option<f64> {
    let (cp, ct) = children
        .iter()
        .fold((0.0, 0.0), |(p, t), (cp, ct)| (p + cp, t + ct));
    let rest = public - cp;
    if rest.is_nan() || rest <= 0.0 {
        return None;
    }
    finite((total - ct) / rest).filter(|m| *m >= 0.0)
}

/// What one investment window does in a money scenario.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WindowChoice<'a> {
    /// The window.
    pub id: &'a str,
    /// The window of the scenario it sits in: its money is part of the
    /// parent's, counted once.
    pub parent: Option<&'a str>,
    /// Public money, euros (the vision's, or the user's alternative),
    /// including the money of its child windows.
    pub public: f64,
    /// Total investment reached per public euro (1 = no private money) on
    /// the part of `public` that is not in a child window of the scenario;
    /// each child brings its own multiplier for its part.
    pub multiplier: f64,
    /// Revolving money: the public amount is deployed again as it flows back.
    /// Only top-level windows revolve; their child windows' money revolves
    /// with them (it is the same money).
    pub revolving: bool,
    /// The total this window should reach (the vision's, e.g. EUR 16 bn for
    /// Invest-NL's 4 bn), checked in its outcome.
    pub target: Option<f64>,
}

/// The money scenario: window choices and, for revolving windows, how
/// money flows back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MoneyScenario<'a> {
    /// One entry per window.
    #[serde(borrow)]
    pub windows: Vec<WindowChoice<'a>, MAX_WINDOWS>,
    /// Reflow parameters for revolving windows, and the years counted: every
    /// window's public money is spread evenly over
    /// `start_year..=deploy_until`; nothing counts after `horizon_year`.
    pub revolving: RevolvingParams,
    /// Last year of new budget.
    pub deploy_until: i32,
}

/// The outcome of one window in a money scenario.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct WindowOutcome {
    /// Public money, euros (its children's included).
    pub public: f64,
    /// The part of `public` not placed in a child window of the scenario.
    pub rest: f64,
    /// Total investment from deploying the public money once: the rest at
    /// this window's multiplier plus each child's part at its own.
    pub first_round: f64,
    /// Total investment by the horizon, reflows redeployed when its
    /// top-level window revolves.
    pub mobilised: f64,
    /// `mobilised / public`: the multiplier the window achieves as a whole.
    pub multiplier: Option<f64>,
    /// Whether `mobilised` reaches the target (within rounding), when the
    /// window has one.
    pub reached: Option<bool>,
    /// Target minus mobilised (positive: still short).
    pub gap: Option<f64>,
    /// False when an amount or multiplier of this window was not finite or
    /// negative: it then counts for nothing.
    pub valid: bool,
    /// Its children's public money exceeds its own: the rest is taken as 0.
    pub over_committed: bool,
}

/// The outcome of a money scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MoneyOutcome {
    /// Public money of top-level windows (nested ones counted once).
    pub public: f64,
    /// Total investment from deploying the public money once.
    pub first_round: f64,
    /// Total investment mobilised by the horizon: for revolving windows,
    /// every deployment (first round and reflows) times its multiplier.
    pub mobilised: f64,
    /// The target for the total, if given.
    pub target: Option<f64>,
    /// Whether `mobilised` reaches the target (within rounding).
    pub reached: Option<bool>,
    /// Target minus mobilised (positive: still short).
    pub gap: Option<f64>,
    /// Mobilised by the end of each asked year (`Some(0)` before the first
    /// year of budget; `None` after the horizon).
    pub values: [Option<f64>; 2],
    /// The first year the running total reaches the target, by the horizon.
    pub year_reached: Option<i32>,
    /// The running total mobilised per year, `start_year..=horizon_year`.
    pub by_year: Vec<Point, MAX_REVOLVING_YEARS>,
    /// The revolving model's run, for the first revolving top-level window.
    pub revolving: Option<RevolvingResult>,
    /// One outcome per window, in the scenario's order.
    pub windows: Vec<WindowOutcome, MAX_WINDOWS>,
    /// Windows left out because an amount or multiplier was not finite or
    /// was negative.
    pub invalid: usize,
}

fn valid_choice(w: &WindowChoice) -> bool {
    w.public.is_finite() && w.public >= 0.0 && w.multiplier.is_finite() && w.multiplier >= 0.0
}

/// Index of `w`'s parent in the scenario, if it names one that is there.
fn parent_of(windows: &[WindowChoice], w: &WindowChoice) -> Option<usize> {
    let p = w.parent?;
    windows.iter().position(|x| x.id == p)
}

/// The top-level window `i` sits in (itself when top-level); `None` on a
/// cycle of parents.
fn top_of(windows: &[WindowChoice], i: usize) -> Option<usize> {
    let mut at = i;
    for _ in 0..=windows.len() {
        match windows.get(at).and_then(|w| parent_of(windows, w)) {
            Some(p) => at = p,
            None => return Some(at),
        }
    }
    None
}

/// Whether `a` is `d` or one of its ancestors.
fn contains(windows: &[WindowChoice], a: usize, d: usize) -> bool {
    let mut at = d;
    for _ in 0..=windows.len() {
        if at == a {
            return true;
        }
        match windows.get(at).and_then(|w| parent_of(windows, w)) {
            Some(p) => at = p,
            None => return false,
        }
    }
    false
}

/// Compute a money scenario against a target total (EUR 25 bn), with the
/// running total in `years` (2030, 2035).
///
/// Money is counted once: a child window's public money is part of its
/// parent's, and the parent's multiplier applies to what is left. A
/// revolving top-level window redeploys reflows (of its children's money as
/// well) with [`leverage::revolve`]; each deployed euro brings the window's
/// first-round multiplier again, as [`leverage::revolving_mobilised_total`]
/// assumes.
pub fn money(s: &MoneyScenario, target_total: Option<f64>, years: [i32; 2]) -> MoneyOutcome {
    let ws = s.windows.as_slice();
    let mut out = MoneyOutcome {
        target: target_total.filter(|t| t.is_finite()),
        ..MoneyOutcome::default()
    };
    // Each window's own part and what it brings in the first round.
    let mut rest = [0.0f64; MAX_WINDOWS];
    let mut own = [0.0f64; MAX_WINDOWS];
    let mut valid = [false; MAX_WINDOWS];
    let mut over = [false; MAX_WINDOWS];
    for (i, w) in ws.iter().enumerate() {
        valid[i] = valid_choice(w) && top_of(ws, i).is_some();
        if !valid[i] {
            out.invalid += 1;
            continue;
        }
        let children: f64 = ws
            .iter()
            .filter(|c| parent_of(ws, c) == Some(i) && valid_choice(c))
            .map(|c| c.public)
            .sum();
        over[i] = children > w.public + leverage::ABS_TOLERANCE_EUR;
        rest[i] = libm::fmax(w.public - children, 0.0);
        own[i] = rest[i] * w.multiplier;
    }
    // A window counts when it and every window above it are valid.
    let counts = |d: usize| {
        let mut at = d;
        for _ in 0..=ws.len() {
            if !valid[at] {
                return false;
            }
            match parent_of(ws, &ws[at]) {
                Some(p) => at = p,
                None => return true,
            }
        }
        false
    };

    // The first round of each window: its own part and its children's.
    let mut first = [0.0f64; MAX_WINDOWS];
    for (i, f) in first.iter_mut().enumerate().take(ws.len()) {
        if counts(i) {
            *f = (0..ws.len())
                .filter(|&d| contains(ws, i, d) && counts(d))
                .map(|d| own[d])
                .sum();
        }
    }

    // How each top-level window deploys one public euro over the years:
    // evenly over the budget years, plus reflows when it revolves. The
    // model is linear, so this shape times the first round is the running
    // total, and its sum to the horizon is the factor on the first round.
    let p = &s.revolving;
    let n = i64::from(p.horizon_year) - i64::from(p.start_year) + 1;
    let n = usize::try_from(n).unwrap_or(0).min(MAX_REVOLVING_YEARS);
    let budget_years = i64::from(s.deploy_until) - i64::from(p.start_year) + 1;
    let budget_years = usize::try_from(budget_years)
        .unwrap_or(0)
        .clamp(1, MAX_REVOLVING_YEARS);
    let unit = leverage::even_budget(1.0, budget_years);
    let mut factor = [1.0f64; MAX_WINDOWS];
    let mut running = [0.0f64; MAX_REVOLVING_YEARS];
    for (i, w) in ws.iter().enumerate() {
        if parent_of(ws, w).is_some() || !valid[i] {
            continue;
        }
        let mut shape = [0.0f64; MAX_REVOLVING_YEARS];
        let run = w.revolving.then(|| leverage::revolve(&unit, p));
        match &run {
            Some(r) if !r.years.is_empty() => {
                for (k, y) in r.years.iter().enumerate() {
                    shape[k] = y.deployed;
                }
            }
            _ => {
                for (k, d) in shape.iter_mut().enumerate().take(n.min(budget_years)) {
                    *d = unit.get(k).copied().unwrap_or(0.0);
                }
            }
        }
        factor[i] = shape.iter().take(n).sum();
        if w.revolving && out.revolving.is_none() {
            out.revolving = Some(leverage::revolve(
                &leverage::even_budget(w.public, budget_years),
                p,
            ));
        }
        out.public += w.public;
        out.first_round += first[i];
        out.mobilised += first[i] * factor[i];
        let mut acc = 0.0;
        for (k, r) in running.iter_mut().enumerate().take(n) {
            acc += shape[k];
            *r += acc * first[i];
        }
    }

    // Each window's own outcome.
    for (i, w) in ws.iter().enumerate() {
        let mut o = WindowOutcome {
            public: if valid[i] { w.public } else { 0.0 },
            rest: rest[i],
            valid: valid[i],
            over_committed: over[i],
            ..WindowOutcome::default()
        };
        if counts(i) {
            let top = top_of(ws, i).unwrap_or(i);
            o.first_round = first[i];
            o.mobilised = first[i] * factor[top];
            o.multiplier = (w.public > 0.0)
                .then(|| o.mobilised / w.public)
                .and_then(finite);
            if let Some(t) = w.target.filter(|t| t.is_finite()) {
                o.reached = Some(at_or_past(o.mobilised, t, Direction::Increase));
                o.gap = finite(t - o.mobilised);
            }
        }
        let _ = out.windows.push(o);
    }

    if !(out.mobilised.is_finite() && out.public.is_finite() && out.first_round.is_finite()) {
        out.mobilised = 0.0;
        out.public = 0.0;
        out.first_round = 0.0;
        out.invalid += 1;
        return out;
    }
    for (k, r) in running.iter().enumerate().take(n) {
        let year = p.start_year.saturating_add(k as i32);
        let _ = out.by_year.push(Point::new(year, *r));
    }
    let at = |year: i32| -> Option<f64> {
        if year < p.start_year {
            return Some(0.0);
        }
        out.by_year
            .iter()
            .find(|pt| pt.year == year)
            .map(|pt| pt.value)
    };
    out.values = [at(years[0]), at(years[1])];
    if let Some(t) = out.target {
        out.reached = Some(at_or_past(out.mobilised, t, Direction::Increase));
        out.gap = finite(t - out.mobilised);
        out.year_reached = out
            .by_year
            .iter()
            .find(|pt| at_or_past(pt.value, t, Direction::Increase))
            .map(|pt| pt.year);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const UP: Direction = Direction::Increase;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-6 * b.abs().max(1.0))
    }

    #[test]
    fn technicians_at_todays_pace() {
        // 2025: 2,500 and 2026: 3,000 extra technicians, counted from zero in
        // 2024. At 3,000 a year from 2027: 5,500 + 4 × 3,000 = 17,500 in 2030,
        // 32,500 in 2035; 25,000 is passed in 2033 (23,500 → 26,500).
        let pts = [Point::new(2025, 2500.0), Point::new(2026, 3000.0)];
        let o = outcome(
            &pts,
            Some(Point::new(2024, 0.0)),
            SeriesKind::CumulativeFlow,
            Course::Inflow(3000.0),
            Some(Point::new(2030, 25000.0)),
            UP,
            [2030, 2035],
        );
        assert!(close(o.values[0], 17_500.0));
        assert!(close(o.values[1], 32_500.0));
        assert_eq!(o.year_reached, Some(2033));
        assert!(close(o.gap, 7_500.0));
    }

    #[test]
    fn growing_flows_sum_geometrically() {
        // Latest flow 1,000, growing 10 %: 1,100 + 1,210 = 2,310 after two years.
        let pts = [Point::new(2026, 1000.0)];
        let o = outcome(
            &pts,
            Some(Point::new(2025, 0.0)),
            SeriesKind::CumulativeFlow,
            Course::Growth(0.10),
            None,
            UP,
            [2028, 2026],
        );
        assert!(close(o.values[0], 1000.0 + 2310.0));
        assert!(close(o.values[1], 1000.0));
    }

    #[test]
    fn levels_grow_from_the_latest_value() {
        let pts = [Point::new(2024, 2.0), Point::new(2020, 1.0)];
        let o = outcome(
            &pts,
            None,
            SeriesKind::Level,
            Course::Growth(0.5),
            Some(Point::new(2030, 3.0)),
            UP,
            [2025, 2019],
        );
        assert!(close(o.values[0], 3.0));
        assert_eq!(o.values[1], None, "before the start there is no course");
        assert_eq!(o.year_reached, Some(2025));
        assert!(
            o.gap.is_some_and(|g| g < 0.0),
            "past the target: negative gap"
        );
    }

    #[test]
    fn nothing_to_start_from() {
        let o = outcome(
            &[],
            None,
            SeriesKind::Level,
            Course::Inflow(1.0),
            None,
            UP,
            [2030, 2035],
        );
        assert_eq!(o, Outcome::default());
    }

    #[test]
    fn a_course_away_from_the_target_never_reaches_it() {
        let o = outcome(
            &[Point::new(2026, 10.0)],
            None,
            SeriesKind::Level,
            Course::Inflow(-1.0),
            Some(Point::new(2030, 20.0)),
            UP,
            [2030, 2035],
        );
        assert_eq!(o.year_reached, None);
        assert!(close(o.gap, 14.0));
    }

    fn params() -> RevolvingParams {
        RevolvingParams {
            start_year: 2026,
            horizon_year: 2035,
            loss_rate: 0.0,
            annual_return: 0.0,
            holding_years: 5,
            reflow_lag_years: 0,
        }
    }

    fn window<'a>(id: &'a str, parent: Option<&'a str>, public: f64, m: f64) -> WindowChoice<'a> {
        WindowChoice {
            id,
            parent,
            public,
            multiplier: m,
            revolving: false,
            target: None,
        }
    }

    fn scenario<'a>(ws: &[WindowChoice<'a>], deploy_until: i32) -> MoneyScenario<'a> {
        MoneyScenario {
            windows: Vec::from_slice(ws).unwrap(),
            revolving: params(),
            deploy_until,
        }
    }

    #[test]
    fn the_vision_adds_up_to_25_billion() {
        // 7 bn of which Invest-NL 4 bn at 16/4; the other 3 bn at
        // (25 - 16) / (7 - 4) = 3: 16 + 9 = 25 bn, once each.
        let mut s = scenario(
            &[
                WindowChoice {
                    target: Some(25e9),
                    ..window("W7", None, 7e9, 3.0)
                },
                WindowChoice {
                    target: Some(16e9),
                    ..window("W4", Some("W7"), 4e9, 16.0 / 4.0)
                },
            ],
            2035,
        );
        let o = money(&s, Some(25e9), [2030, 2035]);
        assert!(close(Some(o.public), 7e9), "nested window counted once");
        assert!(close(Some(o.mobilised), 25e9));
        assert_eq!(o.reached, Some(true));
        assert_eq!(o.year_reached, Some(2035));
        // Spread evenly over 2026..2035: half by 2030.
        assert!(close(o.values[0], 12.5e9));
        assert!(close(o.values[1], 25e9));
        assert!(close(Some(o.windows[0].rest), 3e9));
        assert!(close(o.windows[0].multiplier, 25.0 / 7.0));
        assert!(close(Some(o.windows[1].mobilised), 16e9));
        assert_eq!(o.windows[1].reached, Some(true));
        // Invest-NL at half its multiplier: 8 + 9 = 17 bn, 8 bn short, and
        // Invest-NL itself 8 bn short of its 16.
        s.windows[1].multiplier = 2.0;
        let o = money(&s, Some(25e9), [2030, 2035]);
        assert_eq!(o.reached, Some(false));
        assert!(close(o.gap, 8e9));
        assert_eq!(o.year_reached, None);
        assert!(close(o.windows[1].gap, 8e9));
        assert!(close(o.windows[0].multiplier, 17.0 / 7.0));
    }

    #[test]
    fn revolving_money_is_deployed_again() {
        // 7 bn over 2026..2030 (1.4 bn a year), back after 5 years, no loss:
        // 2031..2035 redeploy 1.4 bn a year: 14 bn deployed by 2035; at 2x,
        // 2.8 bn a year: 14 bn by 2030, 25.2 bn by 2034, 28 bn by 2035.
        let s = scenario(
            &[WindowChoice {
                revolving: true,
                ..window("W7", None, 7e9, 2.0)
            }],
            2030,
        );
        let o = money(&s, Some(25e9), [2030, 2035]);
        assert!(close(Some(o.first_round), 14e9));
        assert!(close(Some(o.mobilised), 28e9));
        assert_eq!(o.reached, Some(true));
        assert_eq!(o.year_reached, Some(2034));
        assert!(close(o.values[0], 14e9));
        assert!(close(o.values[1], 28e9));
        let run = o.revolving.unwrap();
        assert!(close(Some(run.deployed_total), 14e9));
        assert!(close(o.windows[0].multiplier, 4.0));
    }

    #[test]
    fn children_revolve_with_their_envelope() {
        let s = scenario(
            &[
                WindowChoice {
                    revolving: true,
                    ..window("W7", None, 7e9, 1.0)
                },
                window("W4", Some("W7"), 4e9, 4.0),
            ],
            2030,
        );
        let o = money(&s, None, [2030, 2035]);
        // First round 3 + 16 = 19 bn, everything deployed twice by 2035.
        assert!(close(Some(o.mobilised), 38e9));
        assert!(close(Some(o.windows[1].mobilised), 32e9));
        assert_eq!(o.reached, None);
    }

    #[test]
    fn windows_that_overspend_their_envelope_are_flagged() {
        let s = scenario(
            &[
                window("W7", None, 7e9, 3.0),
                window("W4", Some("W7"), 8e9, 4.0),
            ],
            2035,
        );
        let o = money(&s, Some(25e9), [2030, 2035]);
        assert!(o.windows[0].over_committed);
        assert_eq!(o.windows[0].rest, 0.0);
        assert!(close(Some(o.mobilised), 32e9));
    }

    #[test]
    fn an_invalid_envelope_takes_its_children_with_it() {
        let s = scenario(
            &[
                window("W7", None, f64::NAN, 3.0),
                window("W4", Some("W7"), 4e9, 4.0),
                window("X", None, 1e9, -1.0),
            ],
            2035,
        );
        let o = money(&s, Some(25e9), [2030, 2035]);
        assert_eq!(o.invalid, 2);
        assert_eq!(o.mobilised, 0.0);
        assert!(!o.windows[0].valid);
        assert_eq!(o.windows[1].mobilised, 0.0);
        assert_eq!(o.reached, Some(false));
    }

    #[test]
    fn a_cycle_of_parents_counts_for_nothing() {
        let s = scenario(
            &[
                window("A", Some("B"), 1e9, 2.0),
                window("B", Some("A"), 1e9, 2.0),
            ],
            2035,
        );
        let o = money(&s, None, [2030, 2035]);
        assert_eq!(o.invalid, 2);
        assert_eq!(o.mobilised, 0.0);
    }

    #[test]
    fn the_vision_path_needs_a_fixed_inflow() {
        // From zero in 2025 to 25,000 in 2030: 5,000 a year.
        let need = required_inflow(
            &[],
            Some(Point::new(2025, 0.0)),
            SeriesKind::CumulativeFlow,
            Point::new(2030, 25_000.0),
        );
        assert!(close(need, 5_000.0));
        // With 5,500 by 2026: 19,500 in four years.
        let pts = [Point::new(2025, 2500.0), Point::new(2026, 3000.0)];
        let need = required_inflow(
            &pts,
            Some(Point::new(2024, 0.0)),
            SeriesKind::CumulativeFlow,
            Point::new(2030, 25_000.0),
        );
        assert!(close(need, 4_875.0));
        // That inflow reaches the target exactly in its year.
        let o = outcome(
            &pts,
            Some(Point::new(2024, 0.0)),
            SeriesKind::CumulativeFlow,
            Course::Inflow(4_875.0),
            Some(Point::new(2030, 25_000.0)),
            UP,
            [2030, 2035],
        );
        assert_eq!(o.year_reached, Some(2030));
        assert!(o.gap.is_some_and(|g| g.abs() < 1e-6));
        assert_eq!(
            required_inflow(&pts, None, SeriesKind::Level, Point::new(2026, 1.0)),
            None,
            "no time left"
        );
    }

    proptest! {
        #[test]
        fn outcomes_are_finite_or_absent(
            values in proptest::collection::vec(proptest::num::f64::ANY, 0..8),
            years in proptest::collection::vec(1900i32..2200, 0..8),
            x in proptest::num::f64::ANY,
            growth in proptest::bool::ANY,
            flow in proptest::bool::ANY,
            target in proptest::num::f64::ANY,
        ) {
            let pts: std::vec::Vec<Point> = values.iter().zip(&years).map(|(v, y)| Point::new(*y, *v)).collect();
            let course = if growth { Course::Growth(x) } else { Course::Inflow(x) };
            let kind = if flow { SeriesKind::CumulativeFlow } else { SeriesKind::Level };
            let o = outcome(&pts, None, kind, course, Some(Point::new(2030, target)), UP, [2030, 2035]);
            for v in o.values.iter().flatten().chain(o.gap.iter()) {
                prop_assert!(v.is_finite());
            }
        }

        #[test]
        fn more_multiplier_never_mobilises_less(m in 0.0f64..20.0, extra in 0.0f64..5.0, public in 0.0f64..1e12) {
            let mut s = scenario(&[window("W", None, public, m)], 2030);
            let a = money(&s, Some(25e9), [2030, 2035]).mobilised;
            s.windows[0].multiplier = m + extra;
            let b = money(&s, Some(25e9), [2030, 2035]).mobilised;
            prop_assert!(b >= a);
            prop_assert!(a.is_finite() && b.is_finite());
        }

        #[test]
        fn the_running_total_ends_at_the_total(
            public in 0.0f64..1e11,
            child in 0.0f64..1e11,
            m in 0.0f64..10.0,
            mc in 0.0f64..10.0,
            revolving in proptest::bool::ANY,
            loss in 0.0f64..=1.0,
            ret in -0.5f64..0.5,
            holding in 0u32..8,
            lag in 1u32..4,
            until in 2020i32..2040,
        ) {
            let mut s = scenario(&[
                WindowChoice { revolving, ..window("P", None, public, m) },
                window("C", Some("P"), child, mc),
            ], until);
            s.revolving.loss_rate = loss;
            s.revolving.annual_return = ret;
            s.revolving.holding_years = holding;
            s.revolving.reflow_lag_years = lag;
            let o = money(&s, Some(25e9), [2030, 2035]);
            prop_assert!(o.mobilised.is_finite() && o.mobilised >= 0.0);
            let last = o.by_year.last().map_or(0.0, |p| p.value);
            prop_assert!((last - o.mobilised).abs() <= 1e-6 * o.mobilised.max(1.0));
            prop_assert!(o.by_year.windows(2).all(|w| w[1].value >= w[0].value - 1e-6));
            prop_assert_eq!(o.reached.is_some(), true);
        }
    }
}
