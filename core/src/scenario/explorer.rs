//! The scenario explorer's sums on a dataset: the years every outcome is
//! shown for, the money windows with the vision's own amounts and
//! multipliers, and, for a scenario's overrides, the money and every
//! target's course beside the vision's. The dashboard keeps only the
//! overrides (what the user changed) and lays these results out.

use heapless::Vec;

use super::{
    money as money_outcome, outcome, required_inflow, rest_multiplier, Course, MoneyOutcome,
    MoneyScenario, Outcome, WindowChoice,
};
use crate::assess::TargetStatus;
use crate::config::{MAX_TARGETS, MAX_WINDOWS};
use crate::leverage::RevolvingParams;
use crate::model::{Basis, Dataset, TargetKind, Unit};
use crate::present::{first_year, Overview};
use crate::progress::{Point, SeriesKind};

/// The two years every outcome is shown for, from the vision: the year most
/// of its targets before the horizon name (the earliest of equals), and the
/// horizon; halfway from the first year counted when no target comes
/// before the horizon.
pub fn years<const O: usize, const F: usize>(ds: &Dataset<'_, O, F>) -> [i32; 2] {
    let horizon = ds.vision.horizon_year;
    let mut best: Option<(usize, i32)> = None;
    for y in ds.targets.iter().filter_map(|t| t.target.year) {
        if y >= horizon {
            continue;
        }
        let n = ds
            .targets
            .iter()
            .filter(|t| t.target.year == Some(y))
            .count();
        if best.is_none_or(|(bn, by)| n > bn || (n == bn && y < by)) {
            best = Some((n, y));
        }
    }
    let first = best.map_or_else(|| first_year(ds).saturating_add(horizon) / 2, |(_, y)| y);
    [first.min(horizon), horizon]
}

/// One investment window in the money scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyWindow {
    /// Index into the dataset's windows.
    pub index: usize,
    /// Index into this list of the window it sits in.
    pub parent: Option<usize>,
    /// The vision's public money.
    pub public: f64,
    /// The vision's total.
    pub total: f64,
    /// The vision's multiplier for this window's own part: total / public
    /// for a window without children here; for an envelope the rest's,
    /// derived from the totals ([`rest_multiplier`]).
    pub multiplier: f64,
    /// True when `multiplier` is the rest's, derived.
    pub derived: bool,
}

/// The windows of the money scenario: every one-off window whose public
/// money and total the vision both states (so it has a multiplier), nested
/// under the nearest such window it sits in.
pub fn money_windows<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
) -> Vec<MoneyWindow, MAX_WINDOWS> {
    // Capacities match: the dataset holds at most MAX_WINDOWS windows.
    let mut picked: Vec<usize, MAX_WINDOWS> = Vec::new();
    for (i, w) in ds.windows.iter().enumerate() {
        if w.basis == Basis::OneOff
            && w.public_eur.is_some_and(|p| p > 0.0)
            && w.total_eur.is_some()
        {
            let _ = picked.push(i);
        }
    }
    let mut out: Vec<MoneyWindow, MAX_WINDOWS> = Vec::new();
    for (i, w) in picked.iter().filter_map(|&i| Some((i, ds.windows.get(i)?))) {
        // The nearest window above that is picked too.
        let mut parent = None;
        let mut at = w.parent;
        for _ in 0..ds.windows.len() {
            let Some(p) = at else { break };
            if let Some(k) = picked
                .iter()
                .position(|&j| ds.windows.get(j).is_some_and(|x| x.id == p))
            {
                parent = Some(k);
                break;
            }
            at = ds.window(p).and_then(|x| x.parent);
        }
        let public = w.public_eur.unwrap_or(0.0);
        let total = w.total_eur.unwrap_or(0.0);
        let _ = out.push(MoneyWindow {
            index: i,
            parent,
            public,
            total,
            multiplier: total / public,
            derived: false,
        });
    }
    for k in 0..out.len() {
        let mut children: Vec<(f64, f64), MAX_WINDOWS> = Vec::new();
        for c in out.iter().filter(|c| c.parent == Some(k)) {
            let _ = children.push((c.public, c.total));
        }
        if children.is_empty() {
            continue;
        }
        if let Some(w) = out.get_mut(k) {
            if let Some(m) = rest_multiplier(w.public, w.total, &children) {
                w.multiplier = m;
                w.derived = true;
            }
        }
    }
    out
}

/// What the vision's money should mobilise in all: the total of its
/// top-level money windows ([`money_windows`]).
pub fn money_target<const O: usize, const F: usize>(ds: &Dataset<'_, O, F>) -> f64 {
    top_total(&money_windows(ds))
}

/// The total of the top-level windows of `ws`.
fn top_total(ws: &[MoneyWindow]) -> f64 {
    ws.iter()
        .filter(|w| w.parent.is_none())
        .map(|w| w.total)
        .sum()
}

/// The vision's last year of new budget: the end year of the first
/// top-level window of `ws`, else the horizon.
pub fn vision_deploy_until<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    ws: &[MoneyWindow],
) -> i32 {
    ws.iter()
        .find(|w| w.parent.is_none())
        .and_then(|w| ds.windows.get(w.index))
        .and_then(|w| w.end_year)
        .unwrap_or(ds.vision.horizon_year)
}

/// The revolving model's parameters for the dashboard's stated assumptions:
/// a share lost and a yearly return in percent, a holding period and a lag
/// before redeployment in years, from the first year counted to the
/// vision's horizon.
pub fn revolving_params<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    loss_pct: f64,
    return_pct: f64,
    holding_years: u32,
    reflow_lag_years: u32,
) -> RevolvingParams {
    RevolvingParams {
        start_year: first_year(ds),
        horizon_year: ds.vision.horizon_year,
        loss_rate: loss_pct / 100.0,
        annual_return: return_pct / 100.0,
        holding_years,
        reflow_lag_years,
    }
}

/// What a scenario changes of one window; `None` keeps the vision's.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WindowOverride {
    /// Public money, euros.
    pub public: Option<f64>,
    /// Multiplier (on the part outside child windows).
    pub multiplier: Option<f64>,
    /// Count reflows redeployed (top-level windows only).
    pub revolving: Option<bool>,
}

/// What each window is set to: public money, multiplier, reflows counted.
pub type WindowSetting = (f64, f64, bool);

/// The money scenario and the vision, computed.
#[derive(Clone, Debug)]
pub struct MoneyEval {
    /// The windows, in order.
    pub windows: Vec<MoneyWindow, MAX_WINDOWS>,
    /// What each window is set to, in the order of `windows`.
    pub settings: Vec<WindowSetting, MAX_WINDOWS>,
    /// The scenario's outcome.
    pub scenario: MoneyOutcome,
    /// The vision's own sum: its amounts and multipliers, each euro once.
    pub vision: MoneyOutcome,
    /// The total to reach (the top-level windows' totals: EUR 25 bn).
    pub target: f64,
    /// The revolving parameters used.
    pub params: RevolvingParams,
    /// Last year of new budget.
    pub deploy_until: i32,
    /// The vision's last year of new budget.
    pub deploy_until_vision: i32,
}

/// Compute the money scenario and the vision's: `overrides` gives what the
/// scenario changes of a window (by id), `params` the revolving model's
/// parameters ([`revolving_params`]) and `deploy_until` the last year of
/// new budget when changed.
pub fn money_eval<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    overrides: impl Fn(&str) -> WindowOverride,
    params: RevolvingParams,
    deploy_until: Option<i32>,
) -> MoneyEval {
    let windows = money_windows(ds);
    let deploy_until_vision = vision_deploy_until(ds, &windows);
    let deploy_until = deploy_until.unwrap_or(deploy_until_vision);
    let id = |k: usize| ds.windows.get(k).map_or("", |w| w.id);
    let mut settings: Vec<WindowSetting, MAX_WINDOWS> = Vec::new();
    for w in &windows {
        let set = overrides(id(w.index));
        let _ = settings.push((
            set.public.unwrap_or(w.public),
            set.multiplier.unwrap_or(w.multiplier),
            w.parent.is_none() && set.revolving.unwrap_or(false),
        ));
    }
    let build = |vision: bool| {
        let mut choices = Vec::new();
        for (w, s) in windows.iter().zip(settings.iter()) {
            let (public, multiplier, revolving) = if vision {
                (w.public, w.multiplier, false)
            } else {
                *s
            };
            let _ = choices.push(WindowChoice {
                id: id(w.index),
                parent: w.parent.and_then(|p| windows.get(p)).map(|p| id(p.index)),
                public,
                multiplier,
                revolving,
                target: Some(w.total),
            });
        }
        MoneyScenario {
            windows: choices,
            revolving: params,
            deploy_until: if vision {
                deploy_until_vision
            } else {
                deploy_until
            },
        }
    };
    let target = top_total(&windows);
    let target_opt = (target > 0.0).then_some(target);
    let at = years(ds);
    MoneyEval {
        scenario: money_outcome(&build(false), target_opt, at),
        vision: money_outcome(&build(true), target_opt, at),
        windows,
        settings,
        target,
        params,
        deploy_until,
        deploy_until_vision,
    }
}

/// One target's course, the scenario's and the vision's.
#[derive(Clone, Debug, PartialEq)]
pub struct CourseRow {
    /// Index into the dataset's targets.
    pub target: usize,
    /// Flows or levels.
    pub kind: SeriesKind,
    /// The target as a point (its year: stated, or the horizon).
    pub goal: Point,
    /// Where the course starts (running total for flows), if anywhere.
    pub start: Option<Point>,
    /// True when the start is not observed: zero in the year before the
    /// first year counted (cumulative flows without figures).
    pub start_assumed: bool,
    /// Today's pace: the mean yearly change of the latest observations.
    pub today: Option<f64>,
    /// The yearly inflow the vision needs from the start.
    pub required: Option<f64>,
    /// The course followed: the user's, else today's pace; `None` when
    /// there is neither (the user must set one).
    pub course: Option<Course>,
    /// The user set the course.
    pub set: bool,
    /// The scenario's outcome.
    pub scenario: Outcome,
    /// On the vision's path (the required inflow).
    pub vision: Outcome,
}

/// One target's course row, or `None` when the explorer leaves the target
/// out: a milestone, a money total the money scenario already follows, or
/// a target without a value or a year. `money` is the money windows
/// ([`money_windows`]), `status` the target's assessment, `points` its
/// observations (published and the user's), `set` the course the user chose.
pub fn course_row<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    money: &[MoneyWindow],
    k: usize,
    status: &TargetStatus,
    points: &[Point],
    set: Option<Course>,
) -> Option<CourseRow> {
    let t = ds.targets.get(k)?;
    let in_money = t.unit == Unit::Eur
        && t.target
            .value
            .is_some_and(|v| money.iter().any(|w| w.total == v));
    if t.kind == TargetKind::Milestone || in_money {
        return None;
    }
    let (Some(value), Some(year)) = (t.target.value, status.target_year) else {
        return None;
    };
    let goal = Point::new(year, value);
    let kind = if t.kind == TargetKind::CumulativeFlow {
        SeriesKind::CumulativeFlow
    } else {
        SeriesKind::Level
    };
    let mut base = status.baseline;
    let mut start_assumed = status.baseline_assumed;
    if base.is_none() && points.is_empty() && kind == SeriesKind::CumulativeFlow {
        // Counted from zero the year before the first year counted, as the
        // assessment does the year before the first figure.
        base = Some(Point::new(first_year(ds).saturating_sub(1), 0.0));
        start_assumed = true;
    }
    let today = status
        .projection
        .and_then(|p| p.recent_pace)
        .filter(|_| !points.is_empty());
    let course = set.or(today.map(Course::Inflow));
    let years = years(ds);
    let scenario = course.map_or_else(Outcome::default, |c| {
        outcome(points, base, kind, c, Some(goal), t.direction, years)
    });
    let required = required_inflow(points, base, kind, goal);
    let vision = required.map_or_else(Outcome::default, |r| {
        outcome(
            points,
            base,
            kind,
            Course::Inflow(r),
            Some(goal),
            t.direction,
            years,
        )
    });
    Some(CourseRow {
        target: k,
        kind,
        goal,
        start: scenario.start.or(vision.start),
        start_assumed,
        today,
        required,
        course,
        set: set.is_some(),
        scenario,
        vision,
    })
}

/// Every target's course row ([`course_row`]), in dataset order: `points`
/// gives a target's observations by id, `set` the course the user chose.
pub fn courses<const O: usize, const F: usize, P: AsRef<[Point]>>(
    ds: &Dataset<'_, O, F>,
    overview: &Overview,
    points: impl Fn(&str) -> P,
    set: impl Fn(&str) -> Option<Course>,
) -> Vec<CourseRow, MAX_TARGETS> {
    let money = money_windows(ds);
    let mut out = Vec::new();
    for (k, (t, status)) in ds.targets.iter().zip(overview.targets.iter()).enumerate() {
        let row = course_row(ds, &money, k, status, points(t.id).as_ref(), set(t.id));
        if let Some(row) = row {
            // Capacities match: at most MAX_TARGETS targets.
            let _ = out.push(row);
        }
    }
    out
}

/// Everything the explorer shows.
#[derive(Clone, Debug)]
pub struct Eval {
    /// Money.
    pub money: MoneyEval,
    /// One row per target with a value (milestones left out).
    pub courses: Vec<CourseRow, MAX_TARGETS>,
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::boxed::Box;
    use std::vec::Vec as StdVec;

    use super::*;
    use crate::model::{Observation, Text};
    use crate::present::overview;

    fn vision() -> Box<Dataset<'static>> {
        let mut ds = Box::<Dataset<'static>>::default();
        crate::builtin::load_into(&mut ds).expect("the built-in vision loads");
        ds
    }

    fn points(ds: &Dataset<'_>, id: &str) -> StdVec<Point> {
        ds.observations_of(id)
            .map(|o| Point::new(o.year, o.value))
            .collect()
    }

    fn no_override(_: &str) -> WindowOverride {
        WindowOverride::default()
    }

    fn params(ds: &Dataset<'_>) -> RevolvingParams {
        revolving_params(ds, 20.0, 3.0, 5, 1)
    }

    #[test]
    fn the_years_shown_and_the_money_target_come_from_the_vision() {
        let ds = vision();
        assert_eq!(years(&ds), [2030, 2035]);
        assert_eq!(money_target(&ds), 25e9);
        assert_eq!(vision_deploy_until(&ds, &money_windows(&ds)), 2035);
    }

    #[test]
    fn without_targets_before_the_horizon_the_first_year_is_halfway() {
        let mut ds = vision();
        ds.targets.clear();
        // Published 2026, horizon 2035: halfway is 2030 (rounded down).
        assert_eq!(years(&ds), [2030, 2035]);
        assert_eq!(courses(&ds, &overview(&ds), |_| [], |_| None).len(), 0);
    }

    #[test]
    fn the_revolving_assumptions_are_percentages_from_the_first_year() {
        let ds = vision();
        let p = params(&ds);
        assert_eq!((p.start_year, p.horizon_year), (2026, 2035));
        assert_eq!((p.loss_rate, p.annual_return), (0.2, 0.03));
        assert_eq!((p.holding_years, p.reflow_lag_years), (5, 1));
    }

    #[test]
    fn the_money_windows_are_the_envelope_and_what_has_a_multiplier_inside() {
        let ds = vision();
        let ws = money_windows(&ds);
        let ids: StdVec<&str> = ws.iter().map(|w| ds.windows[w.index].id).collect();
        assert_eq!(ids[0], "W-P3-kapitaal-7mld");
        assert!(ids.contains(&"W-P3-investnl-4mld"));
        assert!(ws[1..].iter().all(|w| w.parent == Some(0)));
        // Invest-NL at 16/4; the rest of the 7 bn derived from the totals.
        let inl = ws
            .iter()
            .find(|w| ds.windows[w.index].id == "W-P3-investnl-4mld")
            .expect("Invest-NL is a money window");
        assert_eq!(inl.multiplier, 4.0);
        assert!(!inl.derived);
        assert!(ws[0].derived);
    }

    #[test]
    fn the_vision_reaches_25_billion_in_2035_and_a_lower_multiplier_does_not() {
        let ds = vision();
        let m = money_eval(&ds, no_override, params(&ds), None);
        assert!((m.target - 25e9).abs() < 1.0);
        assert!((m.vision.mobilised - 25e9).abs() < 1e3);
        assert_eq!(m.vision.reached, Some(true));
        assert_eq!(m.vision.year_reached, Some(2035));
        assert_eq!(m.scenario, m.vision);
        assert_eq!((m.deploy_until, m.deploy_until_vision), (2035, 2035));
        let lower = |id: &str| WindowOverride {
            multiplier: (id == "W-P3-kapitaal-7mld").then_some(2.0),
            ..WindowOverride::default()
        };
        let m = money_eval(&ds, lower, params(&ds), None);
        assert_eq!(m.settings[0].1, 2.0);
        assert_eq!(m.scenario.reached, Some(false));
        assert!(m.scenario.gap.expect("a gap") > 1e9);
        assert_eq!(m.vision.reached, Some(true), "the vision stays as it is");
        // Counting reflows, at the stated assumptions, mobilises more.
        let revolving = |id: &str| WindowOverride {
            revolving: Some(true),
            ..lower(id)
        };
        let r = money_eval(&ds, revolving, params(&ds), Some(2030));
        assert!(r.scenario.mobilised > m.scenario.mobilised);
        assert!(r.scenario.revolving.is_some());
        assert_eq!((r.deploy_until, r.deploy_until_vision), (2030, 2035));
        // Only a top-level window counts reflows.
        assert!(r.settings[0].2);
        assert!(r.settings[1..].iter().all(|s| !s.2));
    }

    #[test]
    fn technicians_without_figures_have_no_pace_until_one_is_set() {
        let ds = vision();
        let o = overview(&*ds);
        let rows = courses(&ds, &o, |id| points(&ds, id), |_| None);
        let k = ds
            .targets
            .iter()
            .position(|t| t.id == "T-P5-technici-25000")
            .expect("the technicians' target");
        let row = rows.iter().find(|r| r.target == k).expect("a row");
        assert_eq!(row.today, None);
        assert_eq!(row.course, None);
        assert!(row.start_assumed);
        // From zero in 2025: 5,000 a year to reach 25,000 in 2030.
        assert_eq!(row.required, Some(5000.0));
        assert_eq!(row.vision.year_reached, Some(2030));
        let set = |id: &str| (id == "T-P5-technici-25000").then_some(Course::Inflow(3000.0));
        let rows = courses(&ds, &o, |id| points(&ds, id), set);
        let row = rows.iter().find(|r| r.target == k).expect("a row");
        assert!(row.set);
        assert_eq!(row.scenario.values[0], Some(15_000.0));
        assert_eq!(row.scenario.year_reached, Some(2034));
        assert_eq!(row.scenario.gap, Some(10_000.0));
        assert!(rows
            .iter()
            .all(|r| ds.targets[r.target].kind != TargetKind::Milestone));
        // The money totals are the money scenario's, not a course.
        let money = money_windows(&ds);
        assert!(rows.iter().all(|r| !money
            .iter()
            .any(|w| { ds.targets[r.target].unit == Unit::Eur && w.total == r.goal.value })));
    }

    #[test]
    fn with_figures_the_course_starts_at_todays_pace() {
        let mut ds = vision();
        for (y, v) in [(2025, 2500.0), (2026, 3000.0)] {
            ds.add_observation(Observation::new("T-P5-technici-25000", y, v, Text("test")))
                .expect("room");
        }
        let o = overview(&*ds);
        let rows = courses(&ds, &o, |id| points(&ds, id), |_| None);
        let row = rows
            .iter()
            .find(|r| ds.targets[r.target].id == "T-P5-technici-25000")
            .expect("a row");
        assert!(row.today.is_some());
        assert!(matches!(row.course, Some(Course::Inflow(_))));
        assert!(!row.set);
        assert!(row.start.is_some());
        assert!(row.scenario.values[0].is_some());
    }
}
