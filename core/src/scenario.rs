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
//!   public money counted once and the total mobilised, against the vision's
//!   target (EUR 25 bn).
//!
//! Nothing here invents a baseline: a course starts from the latest
//! observation, or from the baseline the caller passes.

use heapless::Vec;
use serde::{Deserialize, Serialize};

use crate::config::MAX_WINDOWS;
use crate::leverage::{self, RevolvingParams, RevolvingResult, MAX_REVOLVING_YEARS};
use crate::progress::{Direction, Point, SeriesKind, PROJECTION_HORIZON};

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
    let reached = |v: f64| match direction {
        Direction::Increase => v >= target.value,
        Direction::Decrease => v <= target.value,
    };
    out.year_reached = (s.year..=PROJECTION_HORIZON).find(|y| at(*y).is_some_and(reached));
    out.gap = at(target.year).map(|v| match direction {
        Direction::Increase => target.value - v,
        Direction::Decrease => v - target.value,
    });
    out
}

/// What one investment window does in a money scenario.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WindowChoice<'a> {
    /// The window.
    pub id: &'a str,
    /// The window it sits in (its money is then counted in the parent's).
    pub parent: Option<&'a str>,
    /// Public money, euros (the vision's, or the user's alternative).
    pub public: f64,
    /// Total investment reached per public euro (1 = no private money).
    pub multiplier: f64,
    /// Revolving money: the public amount is deployed again as it flows back.
    pub revolving: bool,
}

/// The money scenario: window choices and, for revolving windows, how
/// money flows back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MoneyScenario<'a> {
    /// One entry per window.
    #[serde(borrow)]
    pub windows: Vec<WindowChoice<'a>, MAX_WINDOWS>,
    /// Reflow parameters for revolving windows; the public amount is spread
    /// evenly over `start_year..=deploy_until`.
    pub revolving: RevolvingParams,
    /// Last year of new budget for revolving windows.
    pub deploy_until: i32,
}

/// The outcome of a money scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MoneyOutcome {
    /// Public money of top-level windows (nested ones counted once).
    pub public: f64,
    /// Total investment mobilised by the horizon: for revolving windows,
    /// every deployment (first round and reflows) times the multiplier.
    pub mobilised: f64,
    /// The target for the total, if given.
    pub target: Option<f64>,
    /// `mobilised >= target`.
    pub reached: Option<bool>,
    /// Target minus mobilised (positive: still short).
    pub gap: Option<f64>,
    /// The revolving model's run, for the first revolving top-level window.
    pub revolving: Option<RevolvingResult>,
    /// Windows left out because an amount or multiplier was not finite or
    /// was negative.
    pub invalid: usize,
}

/// Compute a money scenario against a target total (EUR 25 bn).
pub fn money(s: &MoneyScenario, target_total: Option<f64>) -> MoneyOutcome {
    let mut out = MoneyOutcome {
        target: target_total.filter(|t| t.is_finite()),
        ..MoneyOutcome::default()
    };
    for w in &s.windows {
        let top = w.parent.is_none_or(|p| s.windows.iter().all(|x| x.id != p));
        if !top {
            continue;
        }
        if !(w.public.is_finite() && w.public >= 0.0 && w.multiplier.is_finite())
            || w.multiplier < 0.0
        {
            out.invalid += 1;
            continue;
        }
        out.public += w.public;
        let deployed = if w.revolving {
            let years = i64::from(s.deploy_until) - i64::from(s.revolving.start_year) + 1;
            let years = usize::try_from(years).unwrap_or(0).min(MAX_REVOLVING_YEARS);
            let budget = leverage::even_budget(w.public, years.max(1));
            let run = leverage::revolve(&budget, &s.revolving);
            let deployed = if run.years.is_empty() {
                w.public
            } else {
                run.deployed_total
            };
            if out.revolving.is_none() {
                out.revolving = Some(run);
            }
            deployed
        } else {
            w.public
        };
        out.mobilised += deployed * w.multiplier;
    }
    if !out.mobilised.is_finite() || !out.public.is_finite() {
        out.mobilised = 0.0;
        out.public = 0.0;
        out.invalid += 1;
    }
    if let Some(t) = out.target {
        out.reached = Some(out.mobilised >= t);
        out.gap = finite(t - out.mobilised);
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

    #[test]
    fn seven_billion_at_the_target_multiplier_reaches_25() {
        let mut windows = Vec::new();
        windows
            .push(WindowChoice {
                id: "W7",
                parent: None,
                public: 7e9,
                multiplier: 25.0 / 7.0,
                revolving: false,
            })
            .unwrap();
        windows
            .push(WindowChoice {
                id: "W4",
                parent: Some("W7"),
                public: 4e9,
                multiplier: 4.0,
                revolving: false,
            })
            .unwrap();
        let mut s = MoneyScenario {
            windows,
            revolving: params(),
            deploy_until: 2030,
        };
        let o = money(&s, Some(25e9));
        assert!(close(Some(o.public), 7e9), "nested window counted once");
        assert!(close(Some(o.mobilised), 25e9));
        assert_eq!(o.reached, Some(true));
        // Half the multiplier: 12.5 bn, 12.5 bn short.
        s.windows[0].multiplier = 25.0 / 14.0;
        let o = money(&s, Some(25e9));
        assert_eq!(o.reached, Some(false));
        assert!(close(o.gap, 12.5e9));
    }

    #[test]
    fn revolving_money_is_deployed_again() {
        // 7 bn over 2026..2030 (1.4 bn a year), back after 5 years, no loss:
        // 2031..2035 redeploy 1.4 bn a year: 14 bn deployed by 2035.
        let mut windows = Vec::new();
        windows
            .push(WindowChoice {
                id: "W7",
                parent: None,
                public: 7e9,
                multiplier: 2.0,
                revolving: true,
            })
            .unwrap();
        let s = MoneyScenario {
            windows,
            revolving: params(),
            deploy_until: 2030,
        };
        let o = money(&s, Some(25e9));
        assert!(close(Some(o.mobilised), 28e9));
        assert_eq!(o.reached, Some(true));
        assert!(o.revolving.is_some());
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
            let mut windows = Vec::new();
            windows.push(WindowChoice { id: "W", parent: None, public, multiplier: m, revolving: false }).unwrap();
            let mut s = MoneyScenario { windows, revolving: params(), deploy_until: 2030 };
            let a = money(&s, Some(25e9)).mobilised;
            s.windows[0].multiplier = m + extra;
            let b = money(&s, Some(25e9)).mobilised;
            prop_assert!(b >= a);
            prop_assert!(a.is_finite() && b.is_finite());
        }
    }
}
